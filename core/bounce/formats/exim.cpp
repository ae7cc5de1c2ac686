#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// Exim: "This message was created automatically by mail delivery software." then indented
// address blocks after "The following address(es) failed:".
std::unique_ptr<BounceFormat> makeExim()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("exim"),
        QStringLiteral(R"(This message was created automatically by mail delivery software|)"
                       R"(following address(?:\(es\)|es)? (?:failed|has been delayed|deferred))"),
        QStringLiteral(R"(This message was created automatically by mail delivery software)"));
}

} // namespace BounceDoctor::Formats
