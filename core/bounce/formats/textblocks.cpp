#include "textblocks.h"

#include "bounce/knowledgebase.h"
#include "bounce/smtptext.h"

#include <QRegularExpression>
#include <QSet>

namespace BounceDoctor::TextBlocks {
namespace {

struct TextKnowledge
{
    QRegularExpression originalMarkers;
    QRegularExpression bounceSignatures;
    QRegularExpression delayMarkers;
    QRegularExpression complaintSignatures;
    QRegularExpression autoReplySubjects;
    QRegularExpression replyLine;
};

bool found(const QRegularExpression &pattern, const QString &text)
{
    return pattern.match(text).hasMatch();
}

const TextKnowledge &knowledge()
{
    static const TextKnowledge k = [] {
        const QJsonObject &doc = KnowledgeBase::document(QStringLiteral("bounce-text.json"));
        TextKnowledge t;
        auto list = [&](const char *key) {
            return KnowledgeBase::combined(
                KnowledgeBase::stringList(doc.value(QLatin1String(key))));
        };
        t.originalMarkers = list("originalMarkers");
        t.bounceSignatures = list("bounceSignatures");
        t.delayMarkers = list("delayMarkers");
        t.complaintSignatures = list("complaintSignatures");
        t.autoReplySubjects = list("autoReplySubjects");
        t.replyLine = QRegularExpression(doc.value(QLatin1String("replyLine")).toString(),
                                         QRegularExpression::CaseInsensitiveOption);
        t.replyLine.optimize();
        return t;
    }();
    return k;
}

const QString addressChars =
    QStringLiteral("[^\\s<>()\\[\\]\"',;:]+@[A-Za-z0-9][A-Za-z0-9.\\-]*[A-Za-z0-9]");

// A line that is only an address: qmail "<a@b>:", Exim "  a@b", Gmail "     a@b".
const QRegularExpression &aloneLine()
{
    static const QRegularExpression re(QStringLiteral("^\\s*(?:[-*]\\s*)?[\"']?<?(?:mailto:)?(") +
                                       addressChars + QStringLiteral(")>?[\"']?\\s*:?\\s*$"));
    return re;
}

// An address that opens a line of text: Postfix "<a@b>: host ... said", Sendmail "a@b... User
// unknown".
const QRegularExpression &leadingLine()
{
    static const QRegularExpression re(QStringLiteral("^\\s*[\"']?<?(?:mailto:)?(") + addressChars +
                                       QStringLiteral(")>?[\"']?\\s*(?::|\\.\\.\\.|,)\\s*(.+)$"));
    return re;
}

// An address that a sentence names as the recipient.
const QRegularExpression &namedInSentence()
{
    static const QRegularExpression re(
        QStringLiteral(
            "(?:to|recipient|recipients|address|addresses|for|rcpt|user|mailbox|destinataire|"
            "empfänger|an)\\s*(?:is|was)?\\s*:?\\s*[<\\[\"']?(?:mailto:)?(") +
            addressChars + QStringLiteral(")"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &anyAddress()
{
    static const QRegularExpression re(addressChars);
    return re;
}

QString cleanAddress(QString address)
{
    while (!address.isEmpty() && QStringLiteral(".,;:)>]'\"").contains(address.back()))
        address.chop(1);
    if (address.startsWith(QLatin1Char('<')))
        address.remove(0, 1);
    return address;
}

bool isQuoted(const QString &line)
{
    return line.startsWith(QLatin1Char('>')) && !line.startsWith(QLatin1String(">>>"));
}

} // namespace

QString bareAddress(const QString &text)
{
    const QRegularExpressionMatch m = anyAddress().match(text);
    return m.hasMatch() ? cleanAddress(m.captured(0)) : QString();
}

QStringList errorSection(const QString &bodyText, int *originalStart)
{
    QStringList lines = bodyText.split(QLatin1Char('\n'));
    const TextKnowledge &k = knowledge();
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.size() < 3)
            continue;
        // A header line only counts once the prose has started.
        if (i > 2 && found(k.originalMarkers, line)) {
            if (originalStart)
                *originalStart = i;
            lines.resize(i);
            return lines;
        }
    }
    if (originalStart)
        *originalStart = -1;
    return lines;
}

QString smtpLines(const QStringList &lines)
{
    const TextKnowledge &k = knowledge();
    QStringList picked;
    bool continuing = false;
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            continuing = false;
            continue;
        }
        if (k.replyLine.match(trimmed).hasMatch()) {
            picked.append(trimmed);
            continuing = true;
        } else if (continuing) {
            picked.append(trimmed);
        }
    }
    return picked.join(QLatin1Char(' '));
}

QList<Block> findBlocks(const QStringList &lines, const QStringList &exclude)
{
    struct Start
    {
        int line;
        QString address;
        QString rest;
    };
    QList<Start> starts;
    QSet<QString> seen;
    auto accept = [&](const QString &address) {
        const QString lower = address.toLower();
        // The server's reply often repeats the recipient: that continues the block.
        if (!starts.isEmpty() && starts.last().address.toLower() == lower)
            return false;
        return !address.isEmpty() && !exclude.contains(lower) &&
               !lower.startsWith(QLatin1String("mailer-daemon@"));
    };

    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (isQuoted(line))
            continue;
        QRegularExpressionMatch m = aloneLine().match(line);
        if (m.hasMatch()) {
            const QString address = cleanAddress(m.captured(1));
            if (accept(address))
                starts.append({i, address, {}});
            continue;
        }
        m = leadingLine().match(line);
        if (m.hasMatch()) {
            const QString address = cleanAddress(m.captured(1));
            if (accept(address))
                starts.append({i, address, m.captured(2)});
        }
    }
    if (starts.isEmpty()) {
        for (int i = 0; i < lines.size(); ++i) {
            if (isQuoted(lines.at(i)))
                continue;
            auto it = namedInSentence().globalMatch(lines.at(i));
            while (it.hasNext()) {
                const QString address = cleanAddress(it.next().captured(1));
                if (accept(address))
                    starts.append({i, address, {}});
            }
        }
    }

    QList<Block> blocks;
    for (int s = 0; s < starts.size(); ++s) {
        const Start &start = starts.at(s);
        int end = s + 1 < starts.size() ? starts.at(s + 1).line : int(lines.size());
        if (end == start.line)
            end = start.line + 1;
        QStringList own;
        if (!start.rest.isEmpty())
            own.append(start.rest);
        for (int i = start.line + 1; i < end; ++i)
            own.append(lines.at(i));
        const QString key = start.address.toLower();
        Block block{start.address, SmtpText::collapseWhitespace(own.join(QLatin1Char('\n'))),
                    smtpLines(own)};
        if (seen.contains(key)) {
            for (Block &existing : blocks) {
                if (existing.recipient.toLower() == key && existing.smtpText.isEmpty()) {
                    existing.text = block.text;
                    existing.smtpText = block.smtpText;
                }
            }
            continue;
        }
        seen.insert(key);
        blocks.append(block);
    }
    return blocks;
}

bool saysDelayed(const QString &text)
{
    return found(knowledge().delayMarkers, text);
}

bool saysFailure(const QString &text)
{
    return found(knowledge().bounceSignatures, text);
}

bool isAutoReplySubject(const QString &subject)
{
    return found(knowledge().autoReplySubjects, subject);
}

bool looksLikeComplaint(const MimeContent &content)
{
    const TextKnowledge &k = knowledge();
    if (found(k.complaintSignatures, headerValue(content.headers, "subject")))
        return true;
    for (const HeaderField &field : content.originalHeaders) {
        if (found(k.complaintSignatures, QString::fromLatin1(field.name)))
            return true;
    }
    return false;
}

bool looksLikeBounce(const MimeContent &content)
{
    const TextKnowledge &k = knowledge();
    const QString subject = headerValue(content.headers, "subject");
    const QString from = headerValue(content.headers, "from");
    if (found(k.bounceSignatures, subject) ||
        from.contains(QLatin1String("mailer-daemon"), Qt::CaseInsensitive) ||
        from.contains(QLatin1String("postmaster"), Qt::CaseInsensitive))
        return true;
    return found(k.bounceSignatures, content.bodyText.left(4000));
}

QStringList senderAddresses(const MimeContent &content)
{
    QStringList addresses;
    auto add = [&](const QString &text) {
        auto it = anyAddress().globalMatch(text);
        while (it.hasNext()) {
            const QString address = cleanAddress(it.next().captured(0)).toLower();
            if (!addresses.contains(address))
                addresses.append(address);
        }
    };
    add(headerValue(content.headers, "from"));
    add(headerValue(content.headers, "to"));
    add(headerValue(content.headers, "return-path"));
    add(headerValue(content.originalHeaders, "from"));
    add(headerValue(content.originalHeaders, "return-path"));
    add(headerValue(content.originalHeaders, "sender"));
    return addresses;
}

} // namespace BounceDoctor::TextBlocks
