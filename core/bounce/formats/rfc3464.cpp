#include "common/pattern.h"
#include "formats.h"
#include "textscan.h"

namespace BounceDoctor::Formats {
namespace {

// Gmail's and Google Workspace's notice says why in one sentence, often with no reply quoted:
// "Your message wasn't delivered to ann@example.com because the address couldn't be found, or
// is unable to receive mail."
const Pattern &becauseSentence()
{
    static const Pattern re(
        QStringLiteral(R"(wasn't delivered to\s+(\S+@\S+?)\s+because\s+([^.]+\.))"),
        Pattern::CaseInsensitive);
    return re;
}

const Pattern &dsnInText()
{
    static const Pattern re(
        QStringLiteral(R"(^(?:Reporting-MTA|Final-Recipient|Original-Recipient):)"),
        Pattern::Multiline | Pattern::CaseInsensitive);
    return re;
}

// RFC 3464 delivery status notifications and RFC 6533 global ones (Postfix, Sendmail, most
// providers); also DSN fields some MTAs put into a plain text part.
class Rfc3464 final : public BounceFormat
{
public:
    QString name() const override { return QStringLiteral("rfc3464"); }
    bool matches(const ParsedMessage &message) const override
    {
        return !message.deliveryStatus.isEmpty() || dsnInText().matches(message.bodyText);
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        QString fields = message.deliveryStatus;
        if (QStringView(fields).trimmed().isEmpty()) {
            const auto match = dsnInText().match(message.bodyText);
            if (match.hasMatch())
                fields = message.bodyText.mid(match.capturedStart());
        }
        QList<RecipientDiagnosis> recipients = FormatHelpers::parseDeliveryStatus(
            fields, message.maxRecipients, &message.recipientsLeftOut);
        if (recipients.isEmpty())
            return recipients;
        // The human-readable part often carries the server's words the fields lack; read it
        // only when some recipient needs it.
        QList<RecipientDiagnosis> explained;
        bool explainedRead = false;
        for (RecipientDiagnosis &recipient : recipients) {
            const bool weak = recipient.diagnostic.isEmpty() ||
                              (TextScan::replyCode(recipient.diagnostic).isEmpty() &&
                               TextScan::enhancedStatus(recipient.diagnostic).isEmpty() &&
                               recipient.diagnostic.size() < 20);
            if (weak && !explainedRead) {
                explained = FormatHelpers::parseAddressBlocks(
                    FormatHelpers::explanatoryRegion(message), message.maxRecipients);
                explainedRead = true;
            }
            if (weak) {
                for (const RecipientDiagnosis &text : explained) {
                    if (text.recipient.compare(recipient.recipient, Qt::CaseInsensitive) == 0 ||
                        explained.size() == 1) {
                        recipient.diagnostic =
                            QString(recipient.diagnostic + QLatin1Char(' ') + text.diagnostic)
                                .simplified();
                        break;
                    }
                }
            }
            if (recipient.diagnostic.trimmed().isEmpty()) {
                const QString region =
                    FormatHelpers::explanatoryRegion(message).toString().simplified();
                becauseSentence().forEachMatch(region, [&recipient](const PatternMatch &m) {
                    if (m.capturedView(1).compare(recipient.recipient, Qt::CaseInsensitive) != 0)
                        return true;
                    // The reporting server's own verdict, as a sending MTA's category is:
                    // bounce-reasons.json's categoryReasons says what it means.
                    recipient.diagnostic = m.captured(2);
                    recipient.category = recipient.diagnostic.toLower();
                    return false;
                });
            }
            FormatHelpers::completeFromDiagnostic(recipient);
            const QString spoken = TextScan::enhancedStatus(recipient.diagnostic);
            if (!spoken.isEmpty() && !spoken.endsWith(QLatin1String(".0.0")))
                recipient.status = spoken;
            // The report itself says the mail arrived: nothing to classify.
            if (recipient.action == QLatin1String("delivered") ||
                recipient.status.startsWith(QLatin1Char('2')))
                recipient.reason = QStringLiteral("delivered");
            if (recipient.action.isEmpty() && !recipient.status.isEmpty()) {
                // A report without Action: the status class says what happened.
                const QChar kind = recipient.status.front();
                recipient.action = kind == QLatin1Char('2')   ? QStringLiteral("delivered")
                                   : kind == QLatin1Char('4') ? QStringLiteral("delayed")
                                                              : QStringLiteral("failed");
            }
        }
        return recipients;
    }
};

} // namespace

std::unique_ptr<BounceFormat> makeRfc3464()
{
    return std::make_unique<Rfc3464>();
}

} // namespace BounceDoctor::Formats
