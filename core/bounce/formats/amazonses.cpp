#include "formats.h"
#include "formatunit.h"
#include "recipientbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace BounceDoctor {
namespace {

// Amazon SES notifications (bounce, complaint, delivery) as JSON, raw or wrapped by SNS.
class AmazonSesJsonFormat final : public FormatUnit
{
public:
    const char *name() const override { return "amazonses"; }

    bool parse(const MimeContent &content, BounceMessage &message) const override
    {
        const QString &body = content.bodyText;
        if (!body.contains(QLatin1String("notificationType")) &&
            !body.contains(QLatin1String("eventType")))
            return false;
        const qsizetype open = body.indexOf(QLatin1Char('{'));
        const qsizetype close = body.lastIndexOf(QLatin1Char('}'));
        if (open < 0 || close <= open)
            return false;
        QJsonObject root =
            QJsonDocument::fromJson(body.mid(open, close - open + 1).toUtf8()).object();
        if (root.value(QLatin1String("Message")).isString()) // SNS envelope
            root = QJsonDocument::fromJson(root.value(QLatin1String("Message")).toString().toUtf8())
                       .object();
        QString type = root.value(QLatin1String("notificationType")).toString();
        if (type.isEmpty())
            type = root.value(QLatin1String("eventType")).toString();
        const QJsonObject mail = root.value(QLatin1String("mail")).toObject();
        if (type == QLatin1String("Bounce")) {
            const QJsonObject bounce = root.value(QLatin1String("bounce")).toObject();
            const bool permanent =
                bounce.value(QLatin1String("bounceType")).toString() == QLatin1String("Permanent");
            const QString subType = bounce.value(QLatin1String("bounceSubType")).toString();
            const QJsonArray recipients =
                bounce.value(QLatin1String("bouncedRecipients")).toArray();
            for (const QJsonValue &value : recipients) {
                const QJsonObject item = value.toObject();
                RecipientDiagnosis r;
                r.recipient = item.value(QLatin1String("emailAddress")).toString();
                r.action = item.value(QLatin1String("action")).toString();
                if (r.action.isEmpty())
                    r.action = permanent ? QStringLiteral("failed") : QStringLiteral("delayed");
                r.status = item.value(QLatin1String("status")).toString();
                r.diagnostic = item.value(QLatin1String("diagnosticCode")).toString().simplified();
                r.reportingMta = bounce.value(QLatin1String("reportingMTA"))
                                     .toString()
                                     .section(QLatin1Char(';'), -1)
                                     .trimmed();
                r.date = bounce.value(QLatin1String("timestamp")).toString();
                if (subType.contains(QLatin1String("Suppress")))
                    r.reason = QStringLiteral("suppressed");
                r.sendingIp = mail.value(QLatin1String("sourceIp")).toString();
                fillFromDiagnostic(r);
                message.recipients.append(r);
            }
        } else if (type == QLatin1String("Complaint")) {
            const QJsonArray recipients = root.value(QLatin1String("complaint"))
                                              .toObject()
                                              .value(QLatin1String("complainedRecipients"))
                                              .toArray();
            for (const QJsonValue &value : recipients) {
                RecipientDiagnosis r;
                r.recipient = value.toObject().value(QLatin1String("emailAddress")).toString();
                r.reason = QStringLiteral("feedback");
                r.detail = root.value(QLatin1String("complaint"))
                               .toObject()
                               .value(QLatin1String("complaintFeedbackType"))
                               .toString();
                message.recipients.append(r);
            }
        } else if (type == QLatin1String("Delivery")) {
            const QJsonObject delivery = root.value(QLatin1String("delivery")).toObject();
            const QJsonArray recipients = delivery.value(QLatin1String("recipients")).toArray();
            for (const QJsonValue &value : recipients) {
                RecipientDiagnosis r;
                r.recipient = value.toString();
                r.action = QStringLiteral("delivered");
                r.diagnostic = delivery.value(QLatin1String("smtpResponse")).toString();
                r.remoteMta = delivery.value(QLatin1String("remoteMtaIp")).toString();
                fillFromDiagnostic(r);
                if (r.status.isEmpty())
                    r.status = QStringLiteral("2.6.0");
                message.recipients.append(r);
            }
        }
        return !message.recipients.isEmpty();
    }
};

} // namespace

const FormatUnit &amazonSesJsonFormat()
{
    static const AmazonSesJsonFormat format;
    return format;
}

} // namespace BounceDoctor
