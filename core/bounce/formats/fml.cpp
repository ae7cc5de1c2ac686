#include "common/pattern.h"
#include "formats.h"
#include "textscan.h"

namespace BounceDoctor::Formats {
namespace {

// fml (a Japanese mailing-list manager) refusing a post: an "X-MLServer: fml" notice sent
// back to the poster, explaining in its first paragraph why the list did not take it.
class Fml final : public BounceFormat
{
public:
    QString name() const override { return QStringLiteral("fml"); }
    bool matches(const ParsedMessage &message) const override
    {
        static const Pattern server(QStringLiteral(R"(^\s*fml\b)"), Pattern::CaseInsensitive);
        return server.matches(message.header("x-mlserver"));
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        // The list's words before the help text ("If you know the general guide ...").
        const QString body = message.bodyText.trimmed();
        const qsizetype paragraph = body.indexOf(QLatin1String("\n\n"));
        const QString words = (paragraph < 0 ? body : body.left(paragraph)).simplified();
        const QString poster = TextScan::address(message.header("to"));
        if (words.isEmpty() || poster.isEmpty())
            return {};
        RecipientDiagnosis recipient;
        recipient.recipient = poster;
        recipient.action = QStringLiteral("failed");
        recipient.diagnostic = words;
        FormatHelpers::completeFromDiagnostic(recipient);
        return {recipient};
    }
};

} // namespace

std::unique_ptr<BounceFormat> makeFml()
{
    return std::make_unique<Fml>();
}

} // namespace BounceDoctor::Formats
