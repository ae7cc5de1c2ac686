#include "bounce/mimeparser.h"
#include "bounce/originalmessage.h"
#include "bounce/smtptext.h"
#include "formats.h"
#include "formatunit.h"
#include "recipientbuilder.h"
#include "textblocks.h"

namespace BounceDoctor {
namespace {

// Bounces written as prose: qmail, Exim, Postfix without DSN, Gmail, Yahoo, Exchange 2003,
// Domino, and most providers' web-mail NDRs. The words that mark their parts are data
// (knowledge/bounce-text.json); this unit only walks the structure they share: a recipient
// line, then the server's reply.
class FreeTextFormat final : public FormatUnit
{
public:
    const char *name() const override { return "text"; }

    bool parse(const MimeContent &content, BounceMessage &message) const override
    {
        if (content.bodyText.trimmed().isEmpty())
            return false;
        int originalStart = -1;
        const QStringList section = TextBlocks::errorSection(content.bodyText, &originalStart);
        if (originalStart >= 0 && !content.hasOriginal) {
            const QStringList rest = content.bodyText.split(QLatin1Char('\n')).mid(originalStart);
            QStringList headerLines;
            for (const QString &line : rest) {
                if (headerLines.isEmpty() &&
                    (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('-'))))
                    continue;
                if (line.isEmpty())
                    break;
                headerLines.append(line);
            }
            fillOriginalMessage(MimeParser::parseHeaderBlock(headerLines.join(QLatin1Char('\n'))),
                                message.original);
        }

        QStringList exclude = TextBlocks::senderAddresses(content);
        const QString originalFrom = TextBlocks::bareAddress(message.original.from).toLower();
        if (!originalFrom.isEmpty())
            exclude.append(originalFrom);
        QList<TextBlocks::Block> blocks = TextBlocks::findBlocks(section, exclude);

        // Exim names the failed recipients in a header of its own.
        const QStringList failed = headerValue(content.headers, "x-failed-recipients")
                                       .split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &address : failed) {
            const QString bare = TextBlocks::bareAddress(address);
            bool known = false;
            for (const TextBlocks::Block &block : blocks)
                known = known || block.recipient.compare(bare, Qt::CaseInsensitive) == 0;
            if (!known && !bare.isEmpty())
                blocks.append({bare, {}, {}});
        }

        const QString sectionText = section.join(QLatin1Char('\n'));
        const QString sectionSmtp = TextBlocks::smtpLines(section);
        if (!TextBlocks::looksLikeBounce(content))
            return false;
        if (blocks.isEmpty()) {
            // Many provider notices name no address in their prose: the failed recipient is
            // the returned message's To.
            QString to = headerValue(content.originalHeaders, "to");
            if (to.isEmpty())
                to = message.original.to;
            const QString address = TextBlocks::bareAddress(to);
            if (address.isEmpty() || exclude.contains(address.toLower()) ||
                (TextBlocks::smtpLines(section).isEmpty() && !TextBlocks::saysFailure(sectionText)))
                return false;
            blocks.append({address, {}, {}});
        }

        const bool delayed = TextBlocks::saysDelayed(sectionText);
        for (const TextBlocks::Block &block : blocks) {
            RecipientDiagnosis r;
            r.recipient = block.recipient;
            r.action = delayed ? QStringLiteral("delayed") : QStringLiteral("failed");
            // The recipient's own lines say the most; the section's reply lines come next.
            QString diagnostic = block.smtpText;
            if (diagnostic.isEmpty())
                diagnostic = block.text;
            if (diagnostic.isEmpty() && blocks.size() == 1)
                diagnostic = sectionSmtp;
            if (diagnostic.isEmpty())
                diagnostic = SmtpText::collapseWhitespace(sectionText);
            r.diagnostic = SmtpText::collapseWhitespace(diagnostic);
            fillFromDiagnostic(r, block.text.isEmpty() ? sectionText : block.text);
            message.recipients.append(r);
        }
        return true;
    }
};

} // namespace

const FormatUnit &freeTextFormat()
{
    static const FreeTextFormat format;
    return format;
}

} // namespace BounceDoctor
