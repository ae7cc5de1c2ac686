#include "bounce/mimeparser.h"
#include "formats.h"
#include "formatunit.h"
#include "textblocks.h"

namespace BounceDoctor {
namespace {

// RFC 5965 abuse reports: a mailbox provider telling the sender that a recipient complained.
class FeedbackReportFormat final : public FormatUnit
{
public:
    const char *name() const override { return "arf"; }

    bool parse(const MimeContent &content, BounceMessage &message) const override
    {
        if (content.feedbackReports.isEmpty() &&
            content.reportType != QLatin1String("feedback-report") &&
            !TextBlocks::looksLikeComplaint(content))
            return false;
        const HeaderList report =
            MimeParser::parseHeaderBlock(content.feedbackReports.join(QLatin1Char('\n')));
        QStringList recipients;
        for (const QString &value : headerValues(report, "original-rcpt-to"))
            recipients.append(TextBlocks::bareAddress(value));
        if (recipients.isEmpty()) {
            const QString to = TextBlocks::bareAddress(headerValue(content.originalHeaders, "to"));
            recipients.append(
                to.isEmpty() ? TextBlocks::bareAddress(headerValue(content.headers, "to")) : to);
        }
        const QString type = headerValue(report, "feedback-type");
        for (const QString &address : recipients) {
            RecipientDiagnosis r;
            r.recipient = address;
            r.reason = QStringLiteral("feedback");
            r.detail = type.toLower();
            r.diagnostic = type.isEmpty() ? QString() : QStringLiteral("Feedback-Type: ") + type;
            r.sendingIp = headerValue(report, "source-ip");
            r.reportingMta =
                headerValue(report, "reporting-mta").section(QLatin1Char(';'), -1).trimmed();
            r.date = headerValue(report, "arrival-date");
            message.recipients.append(r);
        }
        return true;
    }
};

// RFC 3834 automatic replies: the message arrived; someone is away.
class AutoReplyFormat final : public FormatUnit
{
public:
    const char *name() const override { return "rfc3834"; }

    bool parse(const MimeContent &content, BounceMessage &message) const override
    {
        const QString autoSubmitted = headerValue(content.headers, "auto-submitted").toLower();
        const QString subject = headerValue(content.headers, "subject").toLower();
        const bool autoReply = autoSubmitted.startsWith(QLatin1String("auto-replied")) ||
                               !headerValue(content.headers, "x-autoreply").isEmpty() ||
                               !headerValue(content.headers, "x-autorespond").isEmpty() ||
                               subject.startsWith(QLatin1String("auto:")) ||
                               subject.contains(QLatin1String("out of office")) ||
                               subject.contains(QLatin1String("automatic reply")) ||
                               subject.contains(QLatin1String("autoreply")) ||
                               subject.contains(QLatin1String("vacation"));
        if (!autoReply || !content.deliveryStatus.isEmpty())
            return false;
        // Some servers mark their non-delivery reports auto-replied too: a bounce is no holiday.
        const QString from = headerValue(content.headers, "from").toLower();
        if (!TextBlocks::isAutoReplySubject(subject) &&
            (TextBlocks::saysFailure(subject) || from.contains(QLatin1String("mailer-daemon")) ||
             from.contains(QLatin1String("postmaster"))))
            return false;
        const QString sender = TextBlocks::bareAddress(headerValue(content.headers, "from"));
        if (sender.isEmpty())
            return false;
        RecipientDiagnosis r;
        r.recipient = sender;
        r.reason = QStringLiteral("vacation");
        r.diagnostic = content.bodyText.simplified().left(300);
        message.recipients.append(r);
        return true;
    }
};

} // namespace

const FormatUnit &feedbackReportFormat()
{
    static const FeedbackReportFormat format;
    return format;
}

const FormatUnit &autoReplyFormat()
{
    static const AutoReplyFormat format;
    return format;
}

} // namespace BounceDoctor
