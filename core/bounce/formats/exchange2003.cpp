#include "formats.h"
#include "signedformat.h"

namespace BounceDoctor::Formats {

// Exchange 5.5/2000/2003 "Internet Mail Service" reports: "did not reach the following
// recipient(s):" and an MSEXCH:IMS code per recipient. Its words come from its own directory.
std::unique_ptr<BounceFormat> makeExchange2003()
{
    return std::make_unique<SignedFormat>(
        QStringLiteral("exchange2003"),
        SignedFormat::Signs{"x-mailer", QStringLiteral(R"(^Internet Mail Service \()"),
                            QStringLiteral(R"(\bMSEXCH:(?:IMS|MSExchangeIS):)")});
}

} // namespace BounceDoctor::Formats
