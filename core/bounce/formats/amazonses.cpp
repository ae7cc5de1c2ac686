#include "formats.h"
#include "textscan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringMatcher>

namespace BounceDoctor::Formats {
namespace {

QJsonObject notificationOf(const QString &body)
{
    const qsizetype brace = body.indexOf(QLatin1Char('{'));
    if (brace < 0)
        return {};
    QString json = body.mid(brace);
    // SNS appends an unsubscribe footer after the JSON: keep the balanced object only.
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QChar c = json.at(i);
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                inString = false;
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}') && --depth == 0) {
            json.truncate(i + 1);
            break;
        }
    }
    QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (document.isNull()) {
        // Mail systems wrap over-long lines with "!\n " (RFC 5322 line limit).
        json.replace(QLatin1String("!\n "), QString());
        json.replace(QLatin1String("\n "), QString());
        document = QJsonDocument::fromJson(json.toUtf8());
    }
    QJsonObject object = document.object();
    // An SNS envelope carries the SES notification as a JSON string.
    if (object.value(QLatin1String("Type")).toString() == QLatin1String("Notification"))
        object = QJsonDocument::fromJson(object.value(QLatin1String("Message")).toString().toUtf8())
                     .object();
    return object;
}

// Amazon SES event notifications (JSON, directly or inside an SNS envelope).
class AmazonSesJson final : public BounceFormat
{
public:
    QString name() const override { return QStringLiteral("amazonses"); }
    bool matches(const ParsedMessage &message) const override
    {
        // Asked of every message: matchers built once skip through the text (contains()
        // builds its skip table on every call).
        static const QStringMatcher notificationType(u"notificationType");
        static const QStringMatcher eventType(u"\"eventType\"");
        return notificationType.indexIn(message.bodyText) >= 0 ||
               eventType.indexIn(message.bodyText) >= 0;
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        const QJsonObject notification = notificationOf(message.bodyText);
        QString type = notification.value(QLatin1String("notificationType")).toString();
        if (type.isEmpty())
            type = notification.value(QLatin1String("eventType")).toString();
        QList<RecipientDiagnosis> recipients;
        if (type == QLatin1String("Bounce")) {
            const QJsonObject bounce = notification.value(QLatin1String("bounce")).toObject();
            const QString reporting =
                TextScan::stripTypePrefix(bounce.value(QLatin1String("reportingMTA")).toString());
            const QJsonArray list = bounce.value(QLatin1String("bouncedRecipients")).toArray();
            for (const QJsonValue &entry : list) {
                const QJsonObject object = entry.toObject();
                RecipientDiagnosis recipient;
                recipient.recipient = object.value(QLatin1String("emailAddress")).toString();
                recipient.action = object.value(QLatin1String("action")).toString();
                recipient.status = object.value(QLatin1String("status")).toString();
                recipient.diagnostic = TextScan::stripTypePrefix(
                    object.value(QLatin1String("diagnosticCode")).toString());
                recipient.reportingMta = reporting;
                recipient.date = bounce.value(QLatin1String("timestamp")).toString();
                recipients.append(recipient);
            }
        } else if (type == QLatin1String("Complaint")) {
            const QJsonObject complaint = notification.value(QLatin1String("complaint")).toObject();
            const QJsonArray list =
                complaint.value(QLatin1String("complainedRecipients")).toArray();
            for (const QJsonValue &entry : list) {
                RecipientDiagnosis recipient;
                recipient.recipient =
                    entry.toObject().value(QLatin1String("emailAddress")).toString();
                recipient.reason = QStringLiteral("feedback");
                recipient.detail =
                    complaint.value(QLatin1String("complaintFeedbackType")).toString();
                recipient.date = complaint.value(QLatin1String("timestamp")).toString();
                recipients.append(recipient);
            }
        } else if (type == QLatin1String("Delivery")) {
            const QJsonObject delivery = notification.value(QLatin1String("delivery")).toObject();
            const QJsonArray list = delivery.value(QLatin1String("recipients")).toArray();
            for (const QJsonValue &entry : list) {
                RecipientDiagnosis recipient;
                recipient.recipient = entry.toString();
                recipient.action = QStringLiteral("delivered");
                recipient.reason = QStringLiteral("delivered");
                recipient.diagnostic = delivery.value(QLatin1String("smtpResponse")).toString();
                recipient.remoteMta = delivery.value(QLatin1String("remoteMtaIp")).toString();
                recipient.reportingMta = delivery.value(QLatin1String("reportingMTA")).toString();
                recipient.date = delivery.value(QLatin1String("timestamp")).toString();
                recipients.append(recipient);
            }
        }
        for (RecipientDiagnosis &recipient : recipients)
            FormatHelpers::completeFromDiagnostic(recipient);
        return recipients;
    }
};

} // namespace

std::unique_ptr<BounceFormat> makeAmazonSesJson()
{
    return std::make_unique<AmazonSesJson>();
}

} // namespace BounceDoctor::Formats
