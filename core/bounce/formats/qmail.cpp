#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// qmail and its descendants: "Hi. This is the qmail-send program at ..." then "<addr>:" blocks.
std::unique_ptr<BounceFormat> makeQmail()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("qmail"),
        QStringLiteral(R"(This is the qmail-send program|I'm afraid I wasn't able to deliver|)"
                       R"(This is the .{0,40}(?:qmail|mail-?send) program)"));
}

} // namespace BounceDoctor::Formats
