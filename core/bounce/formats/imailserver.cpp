#include "formats.h"
#include "signedformat.h"

namespace BounceDoctor::Formats {

// Ipswitch IMail Server (SMTP32): "Undeliverable Mail" with "Unknown user: addr" or "Invalid
// final delivery userid: addr" lines, then "Original message follows."
std::unique_ptr<BounceFormat> makeIMailServer()
{
    return std::make_unique<SignedFormat>(
        QStringLiteral("imailserver"),
        SignedFormat::Signs{"x-mailer", QStringLiteral(R"(^<SMTP32 v)"), QString()});
}

} // namespace BounceDoctor::Formats
