#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// HCL/Lotus Domino: "Your message ... was not delivered to: addr because: reason".
std::unique_ptr<BounceFormat> makeDomino()
{
    return std::make_unique<TextShapeFormat>(QStringLiteral("domino"),
                                             QStringLiteral(R"(was not delivered to:\s*$)"),
                                             QStringLiteral(R"(was not delivered to:)"));
}

} // namespace BounceDoctor::Formats
