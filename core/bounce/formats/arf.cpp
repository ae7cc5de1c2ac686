#include "formats.h"
#include "textscan.h"

namespace BounceDoctor::Formats {
namespace {

bool isUnsubscribeRequest(const ParsedMessage &message)
{
    return message.subject.trimmed().compare(QLatin1String("unsubscribe"), Qt::CaseInsensitive) ==
               0 &&
           message.bodyText.contains(QLatin1String("unsubscribe"), Qt::CaseInsensitive);
}

// RFC 5965 Abuse Reporting Format: a feedback-loop complaint, not a delivery failure.
class Arf final : public BounceFormat
{
public:
    QString name() const override { return QStringLiteral("arf"); }
    bool matches(const ParsedMessage &message) const override
    {
        // Outlook.com's complaint loop forwards the message with the complainer in a header.
        return isUnsubscribeRequest(message) ||
               message.reportType == QLatin1String("feedback-report") ||
               !message.feedbackReport.isEmpty() ||
               !message.originalHeader("x-hmxmroriginalrecipient").isEmpty();
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        if (isUnsubscribeRequest(message)) {
            // A list-unsubscribe mail (RFC 2369 mailto): the recipient asks to be removed.
            RecipientDiagnosis recipient;
            recipient.recipient = TextScan::address(message.from);
            recipient.reason = QStringLiteral("feedback");
            recipient.detail = QStringLiteral("unsubscribe");
            recipient.diagnostic = message.bodyText.left(400).simplified();
            return {recipient};
        }
        QStringList addresses;
        QString feedbackType;
        QString arrival;
        QString sourceIp;
        const QList<QStringView> lines =
            QStringView(message.feedbackReport).split(QLatin1Char('\n'));
        for (const QStringView line : lines) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                continue;
            const QString name = line.left(colon).trimmed().toString().toLower();
            const QStringView value = line.mid(colon + 1).trimmed();
            if (name == QLatin1String("original-rcpt-to") ||
                name == QLatin1String("removal-recipient"))
                addresses.append(TextScan::cleanAddress(value));
            else if (name == QLatin1String("feedback-type"))
                feedbackType = value.toString();
            else if (name == QLatin1String("arrival-date") ||
                     name == QLatin1String("received-date"))
                arrival = value.toString();
            else if (name == QLatin1String("source-ip"))
                sourceIp = value.toString();
        }
        if (addresses.isEmpty()) {
            const QString complainer =
                TextScan::address(message.originalHeader("x-hmxmroriginalrecipient"));
            if (!complainer.isEmpty())
                addresses.append(complainer);
        }
        if (addresses.isEmpty()) {
            const QString to = TextScan::address(message.originalHeader("to"));
            if (!to.isEmpty())
                addresses.append(to);
        }
        if (addresses.isEmpty())
            addresses.append(QString()); // a complaint about an unnamed recipient still counts
        QList<RecipientDiagnosis> recipients;
        for (const QString &address : std::as_const(addresses)) {
            RecipientDiagnosis recipient;
            recipient.recipient = address;
            recipient.reason = QStringLiteral("feedback");
            recipient.detail = feedbackType.toLower();
            recipient.diagnostic = message.bodyText.simplified();
            recipient.date = arrival;
            recipient.sendingIp = TextScan::isPublicIp(sourceIp) ? sourceIp : QString();
            recipients.append(recipient);
        }
        return recipients;
    }
};

} // namespace

std::unique_ptr<BounceFormat> makeArf()
{
    return std::make_unique<Arf>();
}

} // namespace BounceDoctor::Formats
