#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// Yahoo! Mail and AOL (qmail-derived): "Sorry, we were unable to deliver your message to the
// following address." then "<addr>:" and "Remote host said: ...".
std::unique_ptr<BounceFormat> makeYahoo()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("yahoo"),
        QStringLiteral(R"(unable to deliver your message to the following address)"),
        QStringLiteral(R"(unable to deliver your message to the following address[^\n]*)"));
}

} // namespace BounceDoctor::Formats
