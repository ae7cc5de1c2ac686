#include "formats.h"
#include "signedformat.h"

namespace BounceDoctor::Formats {

// McAfee Email Gateway (formerly IronMail): an X-NAI-Header, "--- The following addresses had
// delivery problems ---" and a delivery-status part. It answers from its recipient directory.
std::unique_ptr<BounceFormat> makeMcAfee()
{
    return std::make_unique<SignedFormat>(
        QStringLiteral("mcafee"),
        SignedFormat::Signs{"x-nai-header", QStringLiteral(R"(McAfee)"), QString()}, makeRfc3464());
}

} // namespace BounceDoctor::Formats
