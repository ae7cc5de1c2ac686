#include "common/pattern.h"
#include "formats.h"
#include "textscan.h"

namespace BounceDoctor::Formats {
namespace {

// RFC 3834 automatic responses (out-of-office, vacation): the recipient is away, the mail
// was delivered.
class AutoReply final : public BounceFormat
{
public:
    QString name() const override { return QStringLiteral("rfc3834"); }
    bool matches(const ParsedMessage &message) const override
    {
        static const Pattern subject(
            QStringLiteral(R"(^\s*(?:auto(?:matic)?[ -]?reply|auto:|out of (?:the )?office|)"
                           R"(vacation|away from|abwesenheit|absence|r[ée]ponse automatique))"),
            Pattern::CaseInsensitive);
        // Exim marks its bounces auto-replied too: a failure notice is never a vacation reply.
        if (FormatHelpers::looksLikeBounce(message) || !message.deliveryStatus.isEmpty())
            return false;
        const QString autoSubmitted = message.header("auto-submitted").toLower();
        if (autoSubmitted.startsWith(QLatin1String("auto-replied")))
            return true;
        if (!message.header("x-autoreply").isEmpty() ||
            !message.header("x-autorespond").isEmpty() ||
            message.header("precedence")
                    .compare(QLatin1String("auto_reply"), Qt::CaseInsensitive) == 0)
            return true;
        return subject.matches(message.subject);
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        RecipientDiagnosis recipient;
        recipient.recipient = TextScan::address(message.from);
        recipient.reason = QStringLiteral("vacation");
        recipient.action = QStringLiteral("delivered");
        recipient.diagnostic = message.bodyText.left(400).simplified();
        recipient.date = message.header("date");
        return {recipient};
    }
};

} // namespace

std::unique_ptr<BounceFormat> makeAutoReply()
{
    return std::make_unique<AutoReply>();
}

} // namespace BounceDoctor::Formats
