#include "formats.h"
#include "signedformat.h"

namespace BounceDoctor::Formats {

// Lotus Notes SMTP MTA: "------- Failure Reasons --------", the reason, then the address.
std::unique_ptr<BounceFormat> makeNotes()
{
    return std::make_unique<SignedFormat>(
        QStringLiteral("notes"),
        SignedFormat::Signs{{}, {}, QStringLiteral(R"(^-+\s*Failure Reasons\s*-+\s*$)")});
}

} // namespace BounceDoctor::Formats
