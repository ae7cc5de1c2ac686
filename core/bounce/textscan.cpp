#include "textscan.h"

#include "common/pattern.h"

#include <QHostAddress>

#include <algorithm>

namespace BounceDoctor::TextScan {
namespace {

// Compiled once per process: these run for every message. RE2 has no look-around, so a
// code or an address is matched with the character before and after it that show where it
// starts and ends (or the text's start and end), and captured in a group.

// What may follow a number in dotted digits: not another digit, nor a dot and a digit.
constexpr QLatin1String dottedEnd(R"((?:[^\d.]|\.\D|\.?\z))");

const Pattern &statusPattern()
{
    static const Pattern re(QStringLiteral(R"((?:\A|[^\d.])([245]\.[0-7]\.\d{1,3}))") + dottedEnd);
    return re;
}

const Pattern &replyPattern()
{
    static const Pattern re(QStringLiteral(R"((?:\A|[^\w.\-:/#=+])([245][0-5]\d)(?:[\s-]|\z))"));
    return re;
}

const Pattern &addressPattern()
{
    // Internationalised labels are allowed, but the top-level label is ASCII (or punycode):
    // that keeps text glued to an address ("a@example.jp您好") out of it.
    static const Pattern re(QStringLiteral(
        R"(([^\s<>()\[\]\\,;:"'@]+@(?:[A-Za-z0-9\x{80}-\x{FFFF}](?:[A-Za-z0-9\x{80}-\x{FFFF}_-]*)\.)+)"
        R"((?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]+))(?:[^A-Za-z0-9-]|\z))"));
    return re;
}

const Pattern &ipv4Pattern()
{
    static const Pattern re(QStringLiteral(R"((?:\A|[^\d.])((?:\d{1,3}\.){3}\d{1,3}))") +
                            dottedEnd);
    return re;
}

// The first public IPv4 address (group 1 of pattern's matches) in text. Each search goes on
// from the end of the last address, not of its match: the character read to see where an
// address ends may be the one before the next.
QString firstPublicIp(const Pattern &pattern, QStringView text)
{
    for (qsizetype from = 0; from <= text.size();) {
        const PatternMatch m = pattern.match(text, from);
        if (!m.hasMatch())
            break;
        const QString ip = m.captured(1);
        if (isPublicIp(ip))
            return ip;
        from = m.capturedEnd(1);
    }
    return {};
}

// Whether text has runs of ASCII digits joined by single dots, as many as asked ("5.7.1" has
// three, "203.0.113.5" four), which every status code and IPv4 address the patterns below look
// for is (their \d is ASCII): most texts have none, and the patterns that find one in its
// context are slow to say so.
bool hasDottedDigits(QStringView text, int runs)
{
    int dotted = 0; // runs of digits, each ended by a dot, just before here
    bool digits = false;
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            if (dotted >= runs - 1)
                return true;
            digits = true;
        } else if (c == u'.' && digits) {
            ++dotted;
            digits = false;
        } else {
            dotted = 0;
            digits = false;
        }
    }
    return false;
}

} // namespace

QString enhancedStatus(QStringView text)
{
    // A code right after the reply code ("550 5.7.1", "550-'5.7.1") is the server's own.
    static const Pattern afterReply(
        QStringLiteral(R"((?:\A|[^\d.])[245]\d\d[ -]['"#(]?([245]\.[0-7]\.\d{1,3}))") + dottedEnd);
    if (!hasDottedDigits(text, 3))
        return {};
    const auto spoken = afterReply.match(text);
    if (spoken.hasMatch())
        return spoken.captured(1);
    const auto match = statusPattern().match(text);
    return match.hasMatch() ? match.captured(1) : QString();
}

QString replyCode(QStringView text)
{
    const auto match = replyPattern().match(text);
    if (match.hasMatch())
        return match.captured(1);
    // "Error code: 421", "ERROR_CODE :550" (Zoho and others label the code).
    static const Pattern labelled(QStringLiteral(R"(\berror[_ ]code\s*:\s*([245][0-5]\d)\b)"),
                                  Pattern::CaseInsensitive);
    const auto named = labelled.match(text);
    return named.hasMatch() ? named.captured(1) : QString();
}

QString address(QStringView text)
{
    const auto match = addressPattern().match(text);
    if (!match.hasMatch())
        return {};
    QString found = match.captured(1);
    while (found.endsWith(QLatin1Char('.')) || found.endsWith(QLatin1Char('-')))
        found.chop(1);
    return found;
}

QString cleanAddress(QStringView text)
{
    QStringView value = text.trimmed();
    const qsizetype semicolon = value.indexOf(QLatin1Char(';'));
    if (semicolon >= 0 && semicolon < 12)
        value = value.mid(semicolon + 1).trimmed();
    const QString found = address(value);
    if (!found.isEmpty())
        return found;
    QString bare = value.toString();
    bare.remove(QLatin1Char('<'));
    bare.remove(QLatin1Char('>'));
    return bare.trimmed();
}

QString senderIpInText(QStringView text)
{
    // The address starts after no digit or dot: the optional host name before it would
    // otherwise lend it its first digits ("from 198.51.100.77" read as 8.51.100.77). So a host
    // name right before the address ends in a letter, '_' or '-', or is set apart from it.
    static const Pattern re(
        QStringLiteral(
            R"((?:\bfrom|client host|\bclient|\bIP(?:\s+address)?|sending ip|source ip))"
            R"(\s*[:=]?\s*(?:[\w.-]*[A-Za-z_-]\s*[\[(]?|[\w.-]+(?:\s+[\[(]?|[\[(])|[\[(])?)"
            R"(((?:\d{1,3}\.){3}\d{1,3}))") +
            dottedEnd,
        Pattern::CaseInsensitive);
    // Gmail opens its replies with the connecting address and a counter in brackets:
    // "550-5.7.1 [203.0.113.5      12] Our system has detected ..." (IPv4 or IPv6).
    static const Pattern gmailBracket(
        QStringLiteral(
            R"(\[((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}) +\d{1,4}\])"),
        Pattern::CaseInsensitive);
    if (const PatternMatch m = gmailBracket.match(text); m.hasMatch()) {
        if (const QString ip = m.captured(1); isPublicIp(ip))
            return ip;
    }
    if (!hasDottedDigits(text, 4))
        return {};
    return firstPublicIp(re, text);
}

QString receivedFromIp(QStringView received)
{
    static const Pattern byClause(QStringLiteral(R"(\sby\s)"), Pattern::CaseInsensitive);
    const auto by = byClause.match(received);
    const QStringView fromPart = by.hasMatch() ? received.left(by.capturedStart()) : received;
    if (!hasDottedDigits(fromPart, 4))
        return {};
    return firstPublicIp(ipv4Pattern(), fromPart);
}

bool isPublicIp(const QString &ip)
{
    QHostAddress address;
    if (!address.setAddress(ip))
        return false;
    // An IPv4 address written as IPv6 (::ffff:203.0.113.5) is judged as the IPv4 one.
    bool isIpv4 = false;
    if (const quint32 ipv4 = address.toIPv4Address(&isIpv4); isIpv4)
        address.setAddress(ipv4);
    // QHostAddress counts private networks as global: they never identify a server on the
    // internet, and neither does carrier-grade NAT's shared space (RFC 6598).
    static const QList<QPair<QHostAddress, int>> privateNetworks = {
        QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
        QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")),
    };
    if (!address.isGlobal() || address.isUniqueLocalUnicast() || address.isSiteLocal())
        return false;
    return std::none_of(privateNetworks.cbegin(), privateNetworks.cend(),
                        [&address](const QPair<QHostAddress, int> &network) {
                            return address.isInSubnet(network);
                        });
}

QString stripTypePrefix(QStringView text)
{
    QStringView value = text.trimmed();
    const qsizetype semicolon = value.indexOf(QLatin1Char(';'));
    if (semicolon > 0 && semicolon < 16) {
        bool typeLike = true;
        for (const QChar c : value.left(semicolon)) {
            if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_')) {
                typeLike = false;
                break;
            }
        }
        if (typeLike)
            value = value.mid(semicolon + 1).trimmed();
    }
    return value.toString();
}

namespace {

// What QString::replace(QRegularExpression, ...) does, through Pattern.
QString replaced(QStringView text, const Pattern &pattern, QStringView with)
{
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    pattern.forEachMatch(text, [&](const PatternMatch &m) {
        out += text.mid(last, m.capturedStart() - last);
        out += with;
        last = m.capturedEnd();
        return true;
    });
    out += text.mid(last);
    return out;
}

// What replacing <[^>]*> with nothing gives, without a pattern run per tag: from each '<' to
// the next '>'. Without a '>' after a '<' there is none after any later '<' either.
QString withoutTags(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype open = text.indexOf(u'<', at);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u'>', open + 1);
        if (close < 0)
            break;
        out += text.sliced(at, open - at);
        at = close + 1;
    }
    out += text.sliced(at);
    return out;
}

// What replacing [ \t]+\n with \n gives: a run of blanks goes when a line break follows it.
QString withoutTrailingBlanks(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype runStart = -1; // the blanks just before here, not yet written
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u' ' || c == u'\t') {
            if (runStart < 0)
                runStart = i;
            continue;
        }
        if (runStart >= 0 && c != u'\n')
            out += text.sliced(runStart, i - runStart);
        runStart = -1;
        out += c;
    }
    if (runStart >= 0)
        out += text.sliced(runStart);
    return out;
}

} // namespace

QString htmlToText(QStringView html)
{
    // Each element to its own closing tag. RE2 reads the text once whatever it holds: an
    // unclosed <style> costs no more than a closed one.
    static const Pattern hidden(
        QStringLiteral(R"(<style\b.*?</style\s*>|<script\b.*?</script\s*>|<head\b.*?</head\s*>)"),
        Pattern::CaseInsensitive | Pattern::DotMatchesEverything);
    static const Pattern breaks(QStringLiteral(R"(<(?:br|/p|/div|/tr|/li|/h\d)\b[^>]*>)"),
                                Pattern::CaseInsensitive);
    static const Pattern cells(QStringLiteral(R"(</t[dh]\s*>)"), Pattern::CaseInsensitive);
    static const Pattern numeric(QStringLiteral(R"(&#(x?)([0-9a-fA-F]+);)"));
    QString text = replaced(html, hidden, {});
    text = replaced(text, breaks, u"\n");
    text = replaced(text, cells, u" ");
    text = withoutTags(text);
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&#39;"), QLatin1String("'"));
    QString out;
    qsizetype last = 0;
    numeric.forEachMatch(text, [&](const PatternMatch &m) {
        out += QStringView(text).mid(last, m.capturedStart() - last);
        bool ok = false;
        const uint code =
            m.capturedView(2).toUInt(&ok, m.hasCaptured(1) && m.capturedLength(1) ? 16 : 10);
        if (ok && code > 0 && code < 0x110000)
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        last = m.capturedEnd();
        return true;
    });
    out += QStringView(text).mid(last);
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    // Lines of only spaces left by the markup read as paragraph breaks.
    return withoutTrailingBlanks(out);
}

namespace {

struct CommandRule
{
    const char *pattern;
    const char *command;
    bool strict; ///< wording that names the command unmistakably
};

// In order: the first rule whose words match names the command.
constexpr CommandRule commandRules[] = {
    {"in reply to (?:the )?rcpt to|after rcpt to|>>> rcpt to|rcpt to response|"
     "for rcpt to|did not like our rcpt to|does not like "
     "recipient|\\[rcpt_to\\]|\\bsmtp:rcpt\\b",
     "RCPT", true},
    {"in reply to (?:the )?mail from|after mail from|>>> mail from|"
     "mail from response|did not like our mail from|but sender was "
     "rejected|\\[mail_from\\]|"
     "\\bsmtp:mail\\b",
     "MAIL", true},
    {"in reply to (?:the )?(?:end of )?data|after end of data|after data|>>> data|"
     "final data|data response|end of data|did not like our data|"
     "failed after i sent the message|"
     "\\[data\\]|\\bsmtp:data\\b",
     "DATA", true},
    {"in reply to (?:the )?(?:ehlo|helo)|after (?:ehlo|helo)|>>> (?:ehlo|helo)|"
     "(?:ehlo|helo) response|but my name was rejected",
     "EHLO", true},
    {"after initial connection|greeting|in reply to (?:the )?initial", "CONN", true},
    {"starttls", "STARTTLS", true},
    // Looser wording, only when nothing above matched.
    {"our data|data command|after the data", "DATA", false},
    {"\\brcpt\\s*to\\b|\\brcpt command|after rcpt\\b|recipient command", "RCPT", false},
    {"\\bmail\\s+from\\b|mail command", "MAIL", false},
};

constexpr bool strictRulesFirst()
{
    bool loose = false;
    for (const CommandRule &rule : commandRules) {
        if (rule.strict && loose)
            return false;
        loose = loose || !rule.strict;
    }
    return true;
}
static_assert(strictRulesFirst(), "namedCommands() reads the strict rules' indexes as rules'");

// Every rule, and the strict ones alone, each tried in one pass over the text.
const PatternSet &commandPatterns(bool strictOnly)
{
    auto build = [](bool strict) {
        QStringList patterns;
        for (const CommandRule &rule : commandRules) {
            if (!strict || rule.strict)
                patterns.append(QString::fromLatin1(rule.pattern));
        }
        return PatternSet(patterns, Pattern::CaseInsensitive);
    };
    static const PatternSet all = build(false);
    static const PatternSet strict = build(true);
    return strictOnly ? strict : all;
}

} // namespace

QString smtpCommand(const QString &text)
{
    const qsizetype rule = commandPatterns(false).firstMatching(text);
    return rule < 0 ? QString() : QString::fromLatin1(commandRules[rule].command);
}

QStringList namedCommands(const QString &text)
{
    // The strict rules come first in commandRules, so the set's indexes are the rules'.
    QStringList commands;
    for (const qsizetype rule : commandPatterns(true).matching(text)) {
        const QString command = QString::fromLatin1(commandRules[rule].command);
        if (!commands.contains(command))
            commands.append(command);
    }
    return commands;
}

} // namespace BounceDoctor::TextScan
