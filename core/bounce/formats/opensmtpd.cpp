#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY" and "addr: reason" lines.
std::unique_ptr<BounceFormat> makeOpenSmtpd()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("opensmtpd"),
        QStringLiteral(R"(This is the MAILER-DAEMON, please DO NOT REPLY)"),
        QStringLiteral(R"(the following list of recipients:)"));
}

} // namespace BounceDoctor::Formats
