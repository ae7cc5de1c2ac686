#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY" and "addr: reason" lines.
std::unique_ptr<BounceFormat> makeOpenSmtpd()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("opensmtpd"),
        QStringLiteral(R"(This is the MAILER-DAEMON, please DO NOT REPLY)"),
        QStringLiteral(R"(the following list of recipients:)"),
        QStringLiteral(R"(^\s*(?:Please note that this is only a temporary failure report|)"
                       R"(Below is a copy of the original message))"));
}

} // namespace BounceDoctor::Formats
