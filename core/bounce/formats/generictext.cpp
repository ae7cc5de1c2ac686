#include "formats.h"

namespace BounceDoctor::Formats {
namespace {

// Any other delivery failure notice in plain words: the shared address-block reading, tried
// only when the message looks like a bounce at all.
class GenericText final : public BounceFormat
{
public:
    QString name() const override { return QStringLiteral("text"); }
    bool matches(const ParsedMessage &message) const override
    {
        return message.pasted || FormatHelpers::looksLikeBounce(message);
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        return FormatHelpers::parseTextShape(message, nullptr, nullptr);
    }
};

} // namespace

std::unique_ptr<BounceFormat> makeGenericText()
{
    return std::make_unique<GenericText>();
}

} // namespace BounceDoctor::Formats
