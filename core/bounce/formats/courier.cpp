#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// Courier: "This is a delivery status notification from ..." with "<<< " transcript lines.
std::unique_ptr<BounceFormat> makeCourier()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("courier"), QStringLiteral(R"(Courier mail server at|courier-mta)"),
        QStringLiteral(R"()"));
}

} // namespace BounceDoctor::Formats
