#include "formats.h"
#include "signedformat.h"

namespace BounceDoctor::Formats {

// Verizon Wireless's MMS gateway (vzwpix.com, vtext.com): "Message could not be delivered to
// mobile." and an "Error:" line about the handset's address.
std::unique_ptr<BounceFormat> makeVerizon()
{
    return std::make_unique<SignedFormat>(
        QStringLiteral("verizon"),
        SignedFormat::Signs{"from", QStringLiteral(R"(@[\w.-]*\b(?:vzwpix|vtext)\.com\b)"),
                            QStringLiteral(R"(^Message could not be delivered to mobile\.)")});
}

} // namespace BounceDoctor::Formats
