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
            R"(Google tried to deliver your message|Technical details of (?:permanent|temporary) failure|)"
            // Today's wording: "Your message wasn't delivered to X because ...", then "The
            // response from the remote server was:" and the reply.
            R"(Your message wasn't delivered to |The response from the remote server was:)"),
        QStringLiteral(
            R"(Delivery to the following recipients? (?:failed permanently|has been delayed)[^\n]*:?|)"
            R"(Your message wasn't delivered to )"));
}

} // namespace BounceDoctor::Formats
