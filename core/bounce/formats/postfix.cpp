#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// Postfix without a delivery-status part: "This is the mail system at host ..." then
// "<addr>: host ... said: ..." paragraphs.
std::unique_ptr<BounceFormat> makePostfix()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("postfix"),
        QStringLiteral(R"(This is the (?:mail system|Postfix program) at host)"),
        QStringLiteral(R"(This is the (?:mail system|Postfix program) at host[^\n]*)"));
}

} // namespace BounceDoctor::Formats
