#include "bounceformat.h"
#include "common/pattern.h"
#include "textscan.h"

#include <QHash>
#include <QSet>

namespace BounceDoctor::FormatHelpers {
namespace {

// One field of a status block, as views of the text: a field is read once, so lower-casing
// and copying names and values into strings of their own cost more than reading them. An
// empty name: a blank line.
struct DsnField
{
    QStringView name;  ///< as written; see is()
    QStringView value; ///< trimmed, first line; see text()
    QString unfolded;  ///< the value with its continuation lines joined, when it has any

    QStringView text() const { return unfolded.isNull() ? value : QStringView(unfolded); }
    bool is(QLatin1StringView lowerName) const
    {
        return name.size() == lowerName.size() && name.compare(lowerName, Qt::CaseInsensitive) == 0;
    }
};

// RFC 3464 fields with their continuation lines joined; blank lines kept as empty names.
QList<DsnField> unfoldFields(const QString &text)
{
    QList<DsnField> fields;
    // Line by line without a list of the lines first.
    const QStringView all(text);
    for (qsizetype at = 0; at <= all.size();) {
        qsizetype end = all.indexOf(u'\n', at);
        if (end < 0)
            end = all.size();
        const QStringView line = all.sliced(at, end - at);
        at = end + 1;
        if (line.trimmed().isEmpty()) {
            fields.append(DsnField{});
            continue;
        }
        if ((line.front() == QLatin1Char(' ') || line.front() == QLatin1Char('\t')) &&
            !fields.isEmpty() && !fields.last().name.isEmpty()) {
            DsnField &field = fields.last();
            if (field.unfolded.isNull())
                field.unfolded = field.value.toString();
            field.unfolded += QLatin1Char(' ');
            field.unfolded += line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0 || line.left(colon).contains(QLatin1Char(' ')))
            continue;
        fields.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed(), {}});
    }
    return fields;
}

// Prefers the diagnostic's more specific code when the Status field only gives a class.
QString preferredStatus(const QString &field, const QString &fromDiagnostic)
{
    // The server's own words are more specific than what the reporting MTA summarised.
    if (fromDiagnostic.isEmpty() || fromDiagnostic.endsWith(QLatin1String(".0.0")))
        return field.isEmpty() ? fromDiagnostic : field;
    return fromDiagnostic;
}

const Pattern &originalCopyMarker()
{
    static const Pattern re(
        QStringLiteral(
            R"(^[ \t]*(?:[-=_*]{2,}[ \t]*(?:This is a copy of|Below this line is a copy|)"
            R"(Below is a copy|Enclosed is a copy|Original message|Forwarded message|Original mail|)"
            R"(Returned message|Message headers follow|Unsent message below|Undelivered message|)"
            R"(The header of the original|Copy of the (?:original|message)|Headers of the original|)"
            R"(Start of returned message|Returned mail follows|Your message follows|Original message:?[ \t]*$|)"
            R"(The following is the (?:original|text)|Original Message Header)"
            R"()|Original message (?:headers|follows)|Original message:?[ \t]*$|Message headers follow|)"
            R"(Below is a copy of the original message|Included is a copy of the message header|)"
            R"(Content-Type:[ \t]*message/rfc822|Content-Type:[ \t]*text/rfc822-headers|)"
            R"(Return-Path:[ \t]*<|Received:[ \t]*(?:from|by)\s))"),
        Pattern::Multiline | Pattern::CaseInsensitive);
    return re;
}

// An address opening a line: bare, in <>, after a quoted display name or "mailto:", or after
// a short label such as "Recipient address:" or "Unknown user:" (group 1), or a reply code
// before an address in <> (group 2). Group 3 is the address, which glued letters, digits or
// '-' do not end: the character after it is matched too (see restOf()).
const Pattern &recipientLine()
{
    static const Pattern re(QStringLiteral(
        R"(^[ \t]*(?:([A-Za-z][A-Za-z' -]{0,40}:|(?:undeliverable|not delivered|could not be delivered|)"
        R"(delivery (?:has )?failed|unable to deliver|failed to deliver) to:?)[ \t]*<?|)"
        R"(([245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?)<|"[^"\n@]{0,60}"[ \t]*<|)"
        R"([^<>@\n"]{0,40}<mailto:<?|\d+\)[ \t]*<?|[*\x{2022}][ \t]*<?|<)?)"
        R"("?(?:mailto:)?([^\s<>()\[\]\\,;:"'@]+@(?:[A-Za-z0-9\x{80}-\x{FFFF}][A-Za-z0-9\x{80}-\x{FFFF}_-]*\.)+)"
        R"((?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]+))(?:[^A-Za-z0-9-]|$))"));
    return re;
}

// The explanation as the diagnostic of each of several recipients: its beginning, where a
// server's words are, up to a size no real diagnostic reaches, so that a long text listed for
// many addresses stays one text's size and not that size times the addresses.
QString sharedDiagnostic(const QString &squeezed)
{
    constexpr qsizetype maxChars = 4000;
    if (squeezed.size() <= maxChars)
        return squeezed;
    const qsizetype space = squeezed.lastIndexOf(QLatin1Char(' '), maxChars);
    return squeezed.left(space > maxChars / 2 ? space : maxChars) + QStringLiteral(" \u2026");
}

// What a recipient line says after its address: past closing quotes and brackets and a
// "...", ':' or ','.
QString restOf(QStringView line, const PatternMatch &match)
{
    static const Pattern after(QStringLiteral(R"(^"?>?[ \t]*(?:\.\.\.|:|,)?(.*)$)"));
    const QStringView tail = line.sliced(match.capturedEnd(3));
    return after.match(tail).captured(1);
}

// Labels that name the sender or the original's header fields, never a failed recipient.
bool isHeaderLabel(QStringView label)
{
    static const Pattern re(
        QStringLiteral(
            R"(^(?:from|to|cc|bcc|reply-to|sender|return-path|message-id|date|subject|)"
            R"(envelope-from|x-[\w-]+|mail from|from address|sender address|delivered-to|)"
            R"(received|in-reply-to|references|errors-to|for further assistance.*|)"
            R"(.*postmaster.*|.*contact.*|.*sender.*|.*from):$)"),
        Pattern::CaseInsensitive);
    return re.matches(label);
}

} // namespace

QList<RecipientDiagnosis> parseDeliveryStatus(const QString &text, qsizetype maxRecipients,
                                              qsizetype *leftOut)
{
    // Blocks are separated by blank lines; the per-message block has no recipient field. Inside
    // a block fields may come in any order, and some MTAs run recipients together without a
    // blank line: a second Final-Recipient starts the next one.
    QList<RecipientDiagnosis> recipients;
    QString reportingMta;
    QString arrivalDate;
    const QList<DsnField> fields = unfoldFields(text);
    auto isRecipientField = [](const DsnField &field) {
        return field.is(QLatin1String("final-recipient")) ||
               field.is(QLatin1String("original-recipient")) ||
               field.is(QLatin1String("x-actual-recipient"));
    };
    qsizetype i = 0;
    while (i < fields.size()) {
        while (i < fields.size() && fields.at(i).name.isEmpty())
            ++i;
        qsizetype end = i;
        bool hasRecipient = false;
        while (end < fields.size() && !fields.at(end).name.isEmpty()) {
            hasRecipient = hasRecipient || isRecipientField(fields.at(end));
            ++end;
        }
        RecipientDiagnosis current;
        QString originalRecipient;
        bool hasFinal = false;
        bool hasOriginal = false;
        bool touched = false;
        auto flush = [&] {
            if (current.recipient.isEmpty())
                current.recipient = originalRecipient;
            if (!current.recipient.isEmpty() && recipients.size() < maxRecipients)
                recipients.append(current);
            else if (!current.recipient.isEmpty() && leftOut)
                ++*leftOut; // past the limit: counted for the notice, not read
            current = {};
            originalRecipient.clear();
            hasFinal = hasOriginal = touched = false;
        };
        for (qsizetype k = i; k < end; ++k) {
            const DsnField &field = fields.at(k);
            const QStringView value = field.text();
            if (field.is(QLatin1String("reporting-mta"))) {
                reportingMta = TextScan::stripTypePrefix(value);
                continue;
            }
            if (field.is(QLatin1String("arrival-date"))) {
                arrivalDate = value.toString();
                continue;
            }
            if (!hasRecipient)
                continue;
            if (field.is(QLatin1String("final-recipient"))) {
                if (hasFinal)
                    flush();
                hasFinal = true;
                current.recipient = TextScan::cleanAddress(value);
            } else if (field.is(QLatin1String("original-recipient"))) {
                if (hasOriginal)
                    flush();
                hasOriginal = true;
                originalRecipient = TextScan::cleanAddress(value);
            } else if (field.is(QLatin1String("action"))) {
                const qsizetype space = value.indexOf(QLatin1Char(' '));
                current.action = (space < 0 ? value : value.first(space)).toString().toLower();
            } else if (field.is(QLatin1String("status"))) {
                current.status = TextScan::enhancedStatus(value);
            } else if (field.is(QLatin1String("remote-mta"))) {
                current.remoteMta = TextScan::stripTypePrefix(value);
            } else if (field.is(QLatin1String("diagnostic-code"))) {
                current.diagnostic = TextScan::stripTypePrefix(value).simplified();
                const qsizetype semicolon = value.indexOf(QLatin1Char(';'));
                if (semicolon > 0 && semicolon < 20)
                    current.diagnosticType = value.left(semicolon).trimmed().toString().toUpper();
            } else if (field.is(QLatin1String("x-actual-recipient"))) {
                // Delivery to a program ("|/usr/bin/procmail ..."): a local mailer failed.
                if (TextScan::stripTypePrefix(value).startsWith(QLatin1Char('|')) &&
                    current.diagnosticType.isEmpty())
                    current.diagnosticType = QStringLiteral("X-UNIX");
            } else if (field.is(QLatin1String("x-powermta-bouncecategory"))) {
                current.category = value.trimmed().toString().toLower();
            } else if (field.is(QLatin1String("last-attempt-date"))) {
                current.date = value.toString();
            }
            touched = true;
        }
        if (touched || hasFinal || hasOriginal)
            flush();
        i = end;
    }
    for (RecipientDiagnosis &recipient : recipients) {
        if (recipient.reportingMta.isEmpty())
            recipient.reportingMta = reportingMta;
        if (recipient.date.isEmpty())
            recipient.date = arrivalDate;
        recipient.status =
            preferredStatus(recipient.status, TextScan::enhancedStatus(recipient.diagnostic));
    }
    return recipients;
}

QStringView explanatoryRegion(const ParsedMessage &message, const Pattern *start,
                              const Pattern *end)
{
    const QStringView text = message.bodyText;
    qsizetype from = 0;
    if (start) {
        const auto match = start->match(text);
        if (match.hasMatch())
            from = match.capturedEnd();
    }
    // Where a marker starts does not depend on where the search starts, so the first one
    // from the top answers every search from before it.
    if (!message.firstCopyMarker) {
        const auto copy = originalCopyMarker().match(text);
        message.firstCopyMarker = copy.hasMatch() ? copy.capturedStart() : -1;
    }
    qsizetype to = text.size();
    if (*message.firstCopyMarker >= from) {
        to = *message.firstCopyMarker;
    } else if (*message.firstCopyMarker >= 0) {
        const auto copy = originalCopyMarker().match(text, from);
        if (copy.hasMatch())
            to = copy.capturedStart();
    }
    if (end) {
        const auto match = end->match(text, from);
        if (match.hasMatch() && match.capturedStart() < to)
            to = match.capturedStart();
    }
    return text.mid(from, to - from);
}

QList<RecipientDiagnosis> parseAddressBlocks(QStringView region, qsizetype maxRecipients,
                                             qsizetype *leftOut)
{
    QList<RecipientDiagnosis> recipients;
    QHash<QString, int> indexOfAddress; // case-folded address -> its entry in recipients
    QSet<size_t> pastTheLimit;          // hashes of the addresses counted but not read
    int currentIndex = -1;
    qsizetype currentIndent = 0;
    bool blockHasText = false;
    qsizetype tailStart = -1;
    qsizetype offset = 0;
    auto indentOf = [](QStringView line) {
        qsizetype n = 0;
        while (n < line.size() &&
               (line.at(n) == QLatin1Char(' ') || line.at(n) == QLatin1Char('\t')))
            ++n;
        return n;
    };
    const QList<QStringView> lines = region.split(QLatin1Char('\n'));
    for (const QStringView line : lines) {
        offset += line.size() + 1;
        if (line.trimmed().isEmpty()) {
            if (currentIndex >= 0 && blockHasText) {
                currentIndex = -1;
                tailStart = offset;
            }
            continue;
        }
        const qsizetype indent = indentOf(line);
        // Every address line has an '@': the character search rules out most lines before
        // the pattern has to.
        const auto match = line.contains(u'@') ? recipientLine().match(line) : PatternMatch();
        if (currentIndex >= 0) {
            // Inside a block: more-indented lines and lines not opening with an address
            // belong to it.
            const bool opensBlock = match.hasMatch() && indent <= currentIndent &&
                                    !(match.capturedLength(1) && isHeaderLabel(match.captured(1)));
            if (!opensBlock) {
                QString &diagnostic = recipients[currentIndex].diagnostic;
                if (!diagnostic.isEmpty())
                    diagnostic += QLatin1Char(' ');
                diagnostic += line.trimmed();
                blockHasText = true;
                continue;
            }
        }
        if (!match.hasMatch())
            continue;
        const QString label = match.hasCaptured(2) ? match.captured(2) : match.captured(1);
        if (!label.isEmpty() && isHeaderLabel(label))
            continue;
        const QString address = match.captured(3);
        // A label such as "Unknown user:" is part of what the server said.
        const QString rest =
            label.isEmpty() || label.contains(QLatin1String("recipient"), Qt::CaseInsensitive) ||
                    label.contains(QLatin1String("rcpt"), Qt::CaseInsensitive) ||
                    label.contains(QLatin1String("address"), Qt::CaseInsensitive) ||
                    label.contains(QLatin1String("delivered to"), Qt::CaseInsensitive)
                ? restOf(line, match).trimmed()
                : QString(label + QLatin1Char(' ') + restOf(line, match).trimmed());
        // An address listed again adds to its first block (addresses compare case-blind).
        const auto known = indexOfAddress.constFind(address.toCaseFolded());
        int index = known == indexOfAddress.cend() ? -1 : *known;
        if (index < 0 && recipients.size() >= maxRecipients) {
            // Past the limit an address is only counted (once), and its block is not read.
            if (leftOut && !pastTheLimit.contains(qHash(address.toCaseFolded()))) {
                pastTheLimit.insert(qHash(address.toCaseFolded()));
                ++*leftOut;
            }
            currentIndex = -1;
            continue;
        }
        if (index < 0) {
            RecipientDiagnosis recipient;
            recipient.recipient = address;
            recipients.append(recipient);
            index = static_cast<int>(recipients.size() - 1);
            indexOfAddress.insert(address.toCaseFolded(), index);
        }
        currentIndex = index;
        currentIndent = indent;
        blockHasText = false;
        if (!rest.isEmpty() && rest != QLatin1String(">")) {
            QString &diagnostic = recipients[index].diagnostic;
            if (!diagnostic.isEmpty())
                diagnostic += QLatin1Char(' ');
            diagnostic += rest;
            blockHasText = true;
        }
        tailStart = -1;
        // Sendmail's summary lines ("554 <addr>... reason") stand alone: the next line is
        // another recipient's, not a continuation.
        if (!label.isEmpty() && label.front().isDigit())
            currentIndex = -1;
    }
    // Text after the last block (Gmail: the addresses, then one paragraph of details) belongs
    // to the recipients that have no words of their own.
    // Every such recipient shares one copy of it, cut to a diagnostic's size when there are
    // several: a long paragraph must not be copied once per address.
    if (tailStart >= 0 && tailStart < region.size()) {
        QString tail = region.mid(tailStart).toString().simplified();
        if (recipients.size() > 1)
            tail = sharedDiagnostic(tail);
        for (RecipientDiagnosis &recipient : recipients) {
            if (recipient.diagnostic.isEmpty())
                recipient.diagnostic = tail;
            else if (TextScan::replyCode(recipient.diagnostic).isEmpty() &&
                     TextScan::enhancedStatus(recipient.diagnostic).isEmpty())
                recipient.diagnostic =
                    QString(recipient.diagnostic + QLatin1Char(' ') + tail).simplified();
        }
    }
    return recipients;
}

namespace {

// A provider's notice quotes the refusing server after its own sentence ("Your message
// wasn't delivered ... because the receiving server rejected it. The response from the remote
// server was: 550 ..."): the server's words are what follows the quoting phrase, whole, without
// the notice's trailing link label.
QString serverWords(const QString &text)
{
    static const Pattern quoting(
        QStringLiteral(
            R"((?:the response from the remote server was|the response was|)"
            R"(the error that the other server returned was|remote server returned)\s*:?\s*'?)"),
        Pattern::CaseInsensitive);
    qsizetype from = -1;
    bool quoted = false;
    quoting.forEachMatch(text, [&](const PatternMatch &m) {
        from = m.capturedEnd();
        quoted = m.capturedView().endsWith(QLatin1Char('\''));
        return true;
    });
    if (from < 0)
        return text;
    QString words = text.mid(from).trimmed();
    // The server's words start with its reply code; anything else is more of the notice.
    static const Pattern replyFirst(QStringLiteral(R"(^#?[245](?:\d\d|\.\d{1,3}\.\d))"));
    if (!replyFirst.matches(words))
        return text;
    // Microsoft's notice closes the quote before its details for administrators.
    static const Pattern noticeGoesOn(
        QStringLiteral(R"('\s*Diagnostic information for administrators.*$)"),
        Pattern::CaseInsensitive);
    if (const PatternMatch m = noticeGoesOn.match(words); quoted && m.hasMatch())
        words.truncate(m.capturedStart());
    static const Pattern boilerplate(QStringLiteral(R"(\s*\bLEARN MORE\b.*$)"));
    if (const PatternMatch m = boilerplate.match(words); m.hasMatch())
        words.truncate(m.capturedStart());
    if (quoted && words.endsWith(QLatin1Char('\'')))
        words.chop(1);
    // Nothing quoted after all: keep the notice's own words.
    return words.size() < 3 ? text : words;
}

} // namespace

void completeFromDiagnostic(RecipientDiagnosis &recipient)
{
    // Kept as it is when already tidy: recipients that share one text keep sharing it.
    if (QString tidy = recipient.diagnostic.simplified(); tidy != recipient.diagnostic)
        recipient.diagnostic = std::move(tidy);
    // Gmail names the server that refused before quoting it: "... rejected by the server for
    // the recipient domain example.com by mx.example.com. [192.0.2.1]."
    static const Pattern refusedBy(QStringLiteral(
        R"(rejected by the server for the recipient domain \S+ by ([A-Za-z0-9.-]+[A-Za-z0-9])\.)"));
    if (recipient.remoteMta.isEmpty()) {
        if (const PatternMatch m = refusedBy.match(recipient.diagnostic); m.hasMatch())
            recipient.remoteMta = m.captured(1);
    }
    recipient.diagnostic = serverWords(recipient.diagnostic);
    if (recipient.status.isEmpty())
        recipient.status = TextScan::enhancedStatus(recipient.diagnostic);
    if (recipient.replyCode.isEmpty())
        recipient.replyCode = TextScan::replyCode(recipient.diagnostic);
    if (recipient.sendingIp.isEmpty())
        recipient.sendingIp = TextScan::senderIpInText(recipient.diagnostic);
}

void nameCommands(const ParsedMessage &message, QList<RecipientDiagnosis> &recipients)
{
    bool missing = false;
    for (RecipientDiagnosis &recipient : recipients) {
        if (recipient.command.isEmpty())
            recipient.command = TextScan::smtpCommand(recipient.diagnostic);
        missing = missing || recipient.command.isEmpty();
    }
    if (!missing)
        return;
    const QStringView region = explanatoryRegion(message);
    // The recipient a line names: each address in it is looked up, rather than the line
    // searched for every recipient (a long transcript times many recipients).
    QHash<QString, RecipientDiagnosis *> byAddress;
    for (RecipientDiagnosis &recipient : recipients) {
        const QString key = recipient.recipient.toCaseFolded();
        if (!key.isEmpty() && !byAddress.contains(key)) // the first listed answers, as before
            byAddress.insert(key, &recipient);
    }
    auto recipientAt = [&](QStringView line) -> RecipientDiagnosis * {
        auto endsAddress = [](QChar c) {
            return c.isSpace() || QStringView(u"<>()[],;:\"'").contains(c);
        };
        for (qsizetype at = line.indexOf(u'@'); at >= 0; at = line.indexOf(u'@', at + 1)) {
            qsizetype from = at;
            qsizetype to = at + 1;
            while (from > 0 && !endsAddress(line.at(from - 1)))
                --from;
            while (to < line.size() && !endsAddress(line.at(to)))
                ++to;
            QStringView address = line.sliced(from, to - from);
            while (address.endsWith(u'.'))
                address.chop(1);
            if (const auto found = byAddress.constFind(address.toString().toCaseFolded());
                found != byAddress.cend())
                return *found;
        }
        return nullptr;
    };
    // A transcript: ">>> COMMAND" lines, the server's "<<< reply", then summary lines naming
    // the recipients that command failed for. A line about something else ends them.
    static const Pattern sent(QStringLiteral(R"(^>>>\s*([A-Za-z]+))"));
    static const Pattern session(QStringLiteral("while talking to"), Pattern::CaseInsensitive);
    QString current;
    QString reply;
    bool assigned = false;
    bool transcript = false;
    auto assign = [&](RecipientDiagnosis *r) {
        r->command = current;
        const QString said = reply.simplified();
        if (!said.isEmpty() && !r->diagnostic.simplified().contains(said))
            r->diagnostic = said + QLatin1Char(' ') + r->diagnostic;
        assigned = true;
    };
    // Without a ">>>" line nothing below is set: most notices have no transcript. The '>' are
    // found with the character search (contains(">>>") compares at every character).
    bool hasTranscript = false;
    for (qsizetype at = region.indexOf(u'>'); at >= 0 && !hasTranscript;
         at = region.indexOf(u'>', at + 1))
        hasTranscript = region.sliced(at).startsWith(u">>>");
    const QList<QStringView> lines =
        hasTranscript ? region.split(QLatin1Char('\n')) : QList<QStringView>();
    for (const QStringView raw : lines) {
        const QStringView line = raw.trimmed();
        const PatternMatch command =
            line.startsWith(QLatin1String(">>>")) ? sent.match(line) : PatternMatch();
        if (command.hasMatch()) {
            transcript = true;
            current = command.captured(1).toUpper();
            if (current == QLatin1String("HELO"))
                current = QStringLiteral("EHLO");
            reply.clear();
            assigned = false;
            if (current == QLatin1String("RCPT")) {
                if (RecipientDiagnosis *r = recipientAt(line); r && r->command.isEmpty())
                    r->command = current;
                current.clear(); // the next RCPT names its own address
            }
            continue;
        }
        if (line.startsWith(QLatin1String("<<<"))) {
            if (!current.isEmpty() && !assigned)
                reply += line.mid(3).toString() + QLatin1Char(' ');
            continue;
        }
        // Only a command in progress can end here: most lines are read with none.
        if (current.isEmpty())
            continue;
        if (session.matches(line)) {
            current.clear();
            continue;
        }
        if (current == QLatin1String("QUIT") || current == QLatin1String("RSET"))
            continue;
        RecipientDiagnosis *r = recipientAt(line);
        if (r && r->command.isEmpty())
            assign(r);
        else if (!r && assigned)
            current.clear();
    }
    // Prose that names one command for the whole notice ("(in reply to RCPT TO command)"); a
    // transcript has said which recipients its commands were for.
    if (transcript)
        return;
    const QStringList named = TextScan::namedCommands(region.toString().simplified());
    if (named.size() != 1)
        return;
    for (RecipientDiagnosis &recipient : recipients) {
        if (recipient.command.isEmpty())
            recipient.command = named.first();
    }
}

bool looksLikeBounce(const ParsedMessage &message)
{
    static const Pattern sender(
        QStringLiteral(R"(mailer-daemon|postmaster|mail delivery|mail administrator|mdaemon|)"
                       R"(mail\.?delivery|bounce|daemon@|nobody@|systemadministrator)"),
        Pattern::CaseInsensitive);
    static const Pattern subject(
        QStringLiteral(
            R"(undeliver|undelivered|delivery (?:status|fail|notification|report|problem)|)"
            R"(returned mail|failure notice|mail delivery|could not be delivered|)"
            R"(not (?:be )?delivered|non remis|unzustellbar|rejected|bounce|delivery error|)"
            R"(failed|failure|permanent error|warning: message|delayed|mail system error|)"
            R"(returned to sender|nondeliverable|non-deliverable|notification|エラー|不達|返送)"),
        Pattern::CaseInsensitive);
    static const Pattern codes(
        QStringLiteral(R"((?:\A|\D)[45]\d\d[ -]#?[45]\.\d{1,3}\.\d{1,3}|#[45]\.\d\.\d|)"
                       R"(^\s*[45]\d\d[ -]+[A-Za-z])"),
        Pattern::Multiline);
    if (sender.matches(message.from) || subject.matches(message.subject))
        return true;
    if (message.contentType == QLatin1String("multipart/report"))
        return true;
    static const Pattern phrases(
        QStringLiteral(R"(could not be delivered|undeliverable|delivery (?:has )?failed|)"
                       R"(unable to deliver|was not delivered|couldn't be delivered|)"
                       R"(delivery to the following|permanent error|returned to sender|)"
                       R"(not be delivered|failed to deliver|送信できません|エラー|不達)"),
        Pattern::CaseInsensitive);
    const QStringView head = QStringView(message.bodyText).left(3000);
    return codes.matches(head) || phrases.matches(head);
}

QList<RecipientDiagnosis> parseTextShape(const ParsedMessage &message, const Pattern *start,
                                         const Pattern *end)
{
    const QStringView region = explanatoryRegion(message, start, end);
    QList<RecipientDiagnosis> recipients =
        parseAddressBlocks(region, message.maxRecipients, &message.recipientsLeftOut);
    if (recipients.isEmpty()) {
        // No address lines: the whole explanation belongs to the failed recipients named
        // elsewhere.
        QStringList addresses;
        const QString failed = message.header("x-failed-recipients");
        if (!failed.isEmpty())
            addresses = failed.split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (!message.originalHeader("to").isEmpty())
            addresses = message.originalHeader("to").split(QLatin1Char(','), Qt::SkipEmptyParts);
        // The explanation is read once for all of them, and only as many as the limit are
        // listed; the others are counted for the notice.
        RecipientDiagnosis shared;
        shared.diagnostic = region.toString().simplified();
        if (addresses.size() > 1)
            shared.diagnostic = sharedDiagnostic(shared.diagnostic);
        bool completed = false;
        for (const QString &entry : std::as_const(addresses)) {
            const QString address = TextScan::address(entry);
            if (address.isEmpty())
                continue;
            if (recipients.size() >= message.maxRecipients) {
                ++message.recipientsLeftOut;
                continue;
            }
            if (!completed) {
                completeFromDiagnostic(shared);
                completed = true;
            }
            RecipientDiagnosis recipient = shared;
            recipient.recipient = address;
            recipients.append(recipient);
        }
    }
    // The sender's own address and the postmaster are not failed recipients.
    const QString sender = TextScan::address(message.originalHeader("from"));
    if (recipients.size() > 1) {
        recipients.removeIf([&](const RecipientDiagnosis &r) {
            return (!sender.isEmpty() && r.recipient.compare(sender, Qt::CaseInsensitive) == 0) ||
                   r.recipient.startsWith(QLatin1String("postmaster@"), Qt::CaseInsensitive) ||
                   r.recipient.startsWith(QLatin1String("mailer-daemon@"), Qt::CaseInsensitive);
        });
    }
    // Words without any code while the explanation has codes elsewhere (a "technical details"
    // paragraph): the whole explanation is the better diagnostic.
    const bool regionHasCode =
        !TextScan::replyCode(region).isEmpty() || !TextScan::enhancedStatus(region).isEmpty();
    for (RecipientDiagnosis &recipient : recipients) {
        if (recipient.action.isEmpty())
            recipient.action = QStringLiteral("failed");
        if (recipients.size() == 1 &&
            ((regionHasCode && TextScan::replyCode(recipient.diagnostic).isEmpty() &&
              TextScan::enhancedStatus(recipient.diagnostic).isEmpty()) ||
             recipient.diagnostic.trimmed().isEmpty()))
            recipient.diagnostic = QString(recipient.diagnostic + QLatin1Char(' ') +
                                           region.left(2000).toString().simplified());
        completeFromDiagnostic(recipient);
    }
    return recipients;
}

} // namespace BounceDoctor::FormatHelpers
