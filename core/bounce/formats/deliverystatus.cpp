#include "bounce/mimeparser.h"
#include "bounce/smtptext.h"
#include "formats.h"
#include "formatunit.h"
#include "recipientbuilder.h"
#include "textblocks.h"

namespace BounceDoctor {
namespace {

// "rfc822; a@b" -> "a@b", "smtp; 550 ..." -> "550 ..." (type returned separately)
QString valueAfterType(const QString &value, QString *type = nullptr)
{
    const qsizetype semicolon = value.indexOf(QLatin1Char(';'));
    if (semicolon < 0 || semicolon > 20)
        return value.trimmed();
    if (type)
        *type = value.left(semicolon).trimmed();
    return value.mid(semicolon + 1).trimmed();
}

QString statusCode(const QString &value)
{
    // "5.1.1 (bad destination mailbox)" or "5.1.1"
    const QString code = value.section(QLatin1Char(' '), 0, 0).trimmed();
    return code.count(QLatin1Char('.')) == 2 ? code : SmtpText::findStatusCode(value);
}

class DeliveryStatusFormat final : public FormatUnit
{
public:
    const char *name() const override { return "rfc3464"; }

    bool parse(const MimeContent &content, BounceMessage &message) const override
    {
        QString fields = content.deliveryStatus.join(QStringLiteral("\n\n"));
        if (fields.isEmpty()) {
            // Some bounces, and pasted text, carry the DSN fields inline in the body.
            const qsizetype at =
                content.bodyText.indexOf(QLatin1String("Final-Recipient:"), 0, Qt::CaseInsensitive);
            if (at < 0)
                return false;
            const qsizetype start = content.bodyText.lastIndexOf(QLatin1String("\n\n"), at);
            fields = content.bodyText.mid(start < 0 ? 0 : start);
        }
        const HeaderList list = MimeParser::parseHeaderBlock(fields);

        QString reportingMta;
        QString arrivalDate;
        QList<HeaderList> groups(1);
        for (const HeaderField &field : list) {
            if (field.name.isEmpty()) {
                if (!groups.last().isEmpty())
                    groups.append(HeaderList());
                continue;
            }
            // A recipient group can follow the message fields without a blank line.
            if ((field.name == "final-recipient" || field.name == "original-recipient") &&
                (!headerValue(groups.last(), "final-recipient").isEmpty() ||
                 !headerValue(groups.last(), "original-recipient").isEmpty()) &&
                headerValue(groups.last(), field.name.constData()).size() > 0)
                groups.append(HeaderList());
            groups.last().append(field);
        }

        const QStringList exclude = TextBlocks::senderAddresses(content);
        const QStringList section = TextBlocks::errorSection(content.bodyText);
        const QList<TextBlocks::Block> blocks = TextBlocks::findBlocks(section, exclude);
        const QString sectionSmtp = TextBlocks::smtpLines(section);

        for (const HeaderList &group : groups) {
            QString recipient = valueAfterType(headerValue(group, "final-recipient"));
            if (recipient.isEmpty())
                recipient = valueAfterType(headerValue(group, "original-recipient"));
            if (recipient.isEmpty()) {
                if (reportingMta.isEmpty())
                    reportingMta = valueAfterType(headerValue(group, "reporting-mta"));
                if (arrivalDate.isEmpty())
                    arrivalDate = headerValue(group, "arrival-date");
                continue;
            }
            RecipientDiagnosis r;
            r.recipient = TextBlocks::bareAddress(recipient);
            if (r.recipient.isEmpty())
                r.recipient = recipient;
            r.action = headerValue(group, "action").section(QLatin1Char(' '), 0, 0).toLower();
            r.status = statusCode(headerValue(group, "status"));
            QString type;
            r.diagnostic = SmtpText::collapseWhitespace(
                valueAfterType(headerValue(group, "diagnostic-code"), &type));
            r.diagnosticType = type.toUpper();
            r.remoteMta = valueAfterType(headerValue(group, "remote-mta"));
            r.reportingMta = reportingMta;
            r.date = headerValue(group, "last-attempt-date");
            if (r.date.isEmpty())
                r.date = arrivalDate;

            QString context;
            for (const TextBlocks::Block &block : blocks) {
                if (block.recipient.compare(r.recipient, Qt::CaseInsensitive) == 0)
                    context = block.smtpText.isEmpty() ? block.text : block.smtpText;
            }
            if (context.isEmpty() && blocks.size() <= 1)
                context = sectionSmtp;
            // An empty or bare Diagnostic-Code says less than the prose around it.
            if (r.diagnostic.isEmpty() || (r.diagnostic.size() < 12 && !context.isEmpty()))
                r.diagnostic = SmtpText::collapseWhitespace(context);
            fillFromDiagnostic(r, context);
            message.recipients.append(r);
        }
        return !message.recipients.isEmpty();
    }
};

} // namespace

const FormatUnit &deliveryStatusFormat()
{
    static const DeliveryStatusFormat format;
    return format;
}

} // namespace BounceDoctor
