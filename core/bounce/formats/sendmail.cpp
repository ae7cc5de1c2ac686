#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// Sendmail without a delivery-status part: "----- The following addresses had permanent fatal
// errors -----" and the SMTP transcript.
std::unique_ptr<BounceFormat> makeSendmail()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("sendmail"),
        QStringLiteral(R"(^\s*-+\s*(?:The following addresses had|Transcript of session follows))"),
        QStringLiteral(
            R"(^\s*-+\s*(?:The following addresses had[^\n]*|Transcript of session follows\s*-*))"));
}

} // namespace BounceDoctor::Formats
