#include "common/pattern.h"
#include "formats.h"
#include "textscan.h"

namespace BounceDoctor::Formats {
namespace {

// What a user pastes when they only have the error line: "550 5.7.1 ..." or
// "jsmith@example.com: 550 5.1.1 ... User unknown".
class SmtpReply final : public BounceFormat
{
public:
    QString name() const override { return QStringLiteral("smtp-reply"); }
    bool matches(const ParsedMessage &message) const override
    {
        return message.pasted && (!TextScan::replyCode(message.bodyText).isEmpty() ||
                                  !TextScan::enhancedStatus(message.bodyText).isEmpty());
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        static const Pattern codeLine(
            QStringLiteral(R"(^(?:.*[^\d.\n])?(?:[245]\d\d[ -]|[245]\.\d{1,3}\.\d{1,3}).*$)"),
            Pattern::Multiline);
        RecipientDiagnosis recipient;
        const auto match = codeLine.match(message.bodyText);
        const QString line = match.hasMatch() ? match.captured(0) : message.bodyText;
        recipient.recipient = TextScan::address(line);
        if (recipient.recipient.isEmpty())
            recipient.recipient = TextScan::address(message.bodyText);
        // "addr: 550 ..." - the words start after the address.
        QString diagnostic = message.bodyText.size() < 2000 ? message.bodyText : line;
        const qsizetype code = line.indexOf(TextScan::replyCode(line));
        if (!recipient.recipient.isEmpty() && line.startsWith(recipient.recipient) && code > 0)
            diagnostic = line.mid(code);
        recipient.diagnostic = diagnostic;
        recipient.action = QStringLiteral("failed");
        FormatHelpers::completeFromDiagnostic(recipient);
        if (recipient.status.startsWith(QLatin1Char('2')) ||
            recipient.replyCode.startsWith(QLatin1Char('2')))
            recipient.action = QStringLiteral("delivered");
        return {recipient};
    }
};

} // namespace

std::unique_ptr<BounceFormat> makeSmtpReply()
{
    return std::make_unique<SmtpReply>();
}

} // namespace BounceDoctor::Formats
