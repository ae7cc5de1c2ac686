#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// DragonFly Mail Agent: "There was an error delivering your mail to <addr>." then the transcript.
std::unique_ptr<BounceFormat> makeDragonFly()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("dragonfly"), QStringLiteral(R"(This is the DragonFly Mail Agent)"),
        QStringLiteral(R"(This is the DragonFly Mail Agent[^\n]*)"));
}

} // namespace BounceDoctor::Formats
