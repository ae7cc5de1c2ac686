#include "common/pattern.h"
#include "formats.h"
#include "textscan.h"

#include <QStringMatcher>

namespace BounceDoctor::Formats {
namespace {

// Apache James: "Error message below:" with the remote server's reply, then "Message
// details:" listing the envelope ("RCPT TO: addr"). The details name no failing command.
class ApacheJames final : public BounceFormat
{
public:
    QString name() const override { return QStringLiteral("apachejames"); }
    bool matches(const ParsedMessage &message) const override
    {
        // Asked of most messages: a matcher built once skips through the text.
        static const QStringMatcher errorMessage(u"Error message below:");
        return errorMessage.indexIn(message.bodyText) >= 0 &&
               message.bodyText.contains(QLatin1String("Message details:"));
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        const QString &body = message.bodyText;
        const qsizetype from = body.indexOf(QLatin1String("Error message below:"));
        const qsizetype details = body.indexOf(QLatin1String("Message details:"), from);
        if (from < 0 || details < 0)
            return {};
        const qsizetype start = from + qsizetype(qstrlen("Error message below:"));
        const QString said = body.mid(start, details - start).simplified();
        static const Pattern rcpt(QStringLiteral(R"(^\s*RCPT TO:\s*(.+)$)"),
                                  Pattern::Multiline | Pattern::CaseInsensitive);
        QList<RecipientDiagnosis> recipients;
        rcpt.forEachMatch(
            body,
            [&recipients, &said](const PatternMatch &m) {
                const QString address = TextScan::address(m.capturedView(1));
                if (address.isEmpty())
                    return true;
                RecipientDiagnosis recipient;
                recipient.recipient = address;
                recipient.action = QStringLiteral("failed");
                recipient.diagnostic = said;
                FormatHelpers::completeFromDiagnostic(recipient);
                recipients.append(recipient);
                return true;
            },
            details);
        return recipients;
    }
};

} // namespace

std::unique_ptr<BounceFormat> makeApacheJames()
{
    return std::make_unique<ApacheJames>();
}

} // namespace BounceDoctor::Formats
