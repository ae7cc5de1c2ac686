#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// Gmail / Google Workspace without a delivery-status part: the addresses, then the technical
// details paragraph with the remote server's words.
std::unique_ptr<BounceFormat> makeGmail()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("gmail"),
        QStringLiteral(
            R"(Delivery to the following recipients? (?:failed|has been delayed)|)"
            R"(Google tried to deliver your message|Technical details of (?:permanent|temporary) failure)"),
        QStringLiteral(
            R"(Delivery to the following recipients? (?:failed permanently|has been delayed)[^\n]*:?)"));
}

} // namespace BounceDoctor::Formats
