#include "formats.h"
#include "textscan.h"

#include <QRegularExpression>

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
        static const QRegularExpression server(QStringLiteral(R"(^\s*fml\b)"),
                                               QRegularExpression::CaseInsensitiveOption);
        return server.match(message.header("x-mlserver")).hasMatch();
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        // The list's words before the help text ("If you know the general guide ...").
        const QString body = message.bodyText.trimmed();
        const qsizetype paragraph = body.indexOf(QLatin1String("\n\n"));
        const QString words = TextScan::squeeze(paragraph < 0 ? body : body.left(paragraph));
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
