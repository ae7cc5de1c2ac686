#include "smtptext.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace BounceDoctor::SmtpText {

QString findStatusCode(const QString &text)
{
    static const QRegularExpression ipv4(
        QStringLiteral("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"));
    static const QRegularExpression code(
        QStringLiteral("(?<![\\d./vV])([245])\\.([0-7])\\.(\\d{1,3})(?![\\d])"));
    QString masked = text;
    masked.replace(ipv4, QStringLiteral("x"));
    QString fallback;
    auto it = code.globalMatch(masked);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString found =
            m.captured(1) + QLatin1Char('.') + m.captured(2) + QLatin1Char('.') + m.captured(3);
        if ((m.captured(2) == QLatin1String("0") && m.captured(3) == QLatin1String("0")) ||
            found == QLatin1String("4.4.7")) {
            if (fallback.isEmpty())
                fallback = found;
            continue;
        }
        return found;
    }
    return fallback;
}

QString findReplyCode(const QString &text)
{
    static const QRegularExpression reply(
        QStringLiteral("(?<![\\d.:/=#-])([245][0-5]\\d)(?:[ -]|$|\\s|\\]|\\))"));
    static const QRegularExpression ipv4(
        QStringLiteral("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"));
    QString masked = text;
    masked.replace(ipv4, QStringLiteral("x"));
    const QRegularExpressionMatch m = reply.match(masked);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString findCommand(const QString &text)
{
    struct Rule
    {
        QRegularExpression pattern;
        const char *command;
    };
    static const QList<Rule> rules = [] {
        const auto ci = QRegularExpression::CaseInsensitiveOption;
        return QList<Rule>{
            {QRegularExpression(QStringLiteral("in reply to (?:the )?rcpt to|after rcpt to|"
                                               ">>> rcpt to|rcpt to response|for rcpt to"),
                                ci),
             "RCPT"},
            {QRegularExpression(QStringLiteral("in reply to (?:the )?mail from|after mail from|"
                                               ">>> mail from|mail from response"),
                                ci),
             "MAIL"},
            {QRegularExpression(
                 QStringLiteral("in reply to (?:the )?(?:end of )?data|after end of data|"
                                "after data|>>> data|final data|"
                                "data response|end of data"),
                 ci),
             "DATA"},
            {QRegularExpression(
                 QStringLiteral("in reply to (?:the )?(?:ehlo|helo)|after (?:ehlo|helo)|"
                                ">>> (?:ehlo|helo)|(?:ehlo|helo) response"),
                 ci),
             "EHLO"},
            {QRegularExpression(QStringLiteral("after initial connection|greeting|"
                                               "in reply to (?:the )?initial"),
                                ci),
             "CONN"},
            {QRegularExpression(QStringLiteral("starttls"), ci), "STARTTLS"},
            // Looser wording, only when nothing above matched.
            {QRegularExpression(QStringLiteral("our data|data command|after the data"), ci),
             "DATA"},
            {QRegularExpression(QStringLiteral("\\brcpt\\s*to\\b|\\brcpt command|after rcpt\\b|"
                                               "recipient command"),
                                ci),
             "RCPT"},
            {QRegularExpression(QStringLiteral("\\bmail\\s+from\\b|mail command"), ci), "MAIL"},
        };
    }();
    for (const Rule &rule : rules) {
        if (rule.pattern.match(text).hasMatch())
            return QString::fromLatin1(rule.command);
    }
    return {};
}

QString findRemoteHost(const QString &text)
{
    static const QRegularExpression host(
        QStringLiteral(
            "(?:host|server|while talking to|by|from)\\s+([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})"
            "\\.?\\s*\\[?\\(?\\d"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = host.match(text);
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

QString findSendingIp(const QString &text)
{
    static const QRegularExpression ip(
        QStringLiteral("(?:client host|client|from|sender ip|sending ip|your ip|ip address|"
                       "connecting ip|\\bip|source)\\s*(?:address)?\\s*(?:is)?\\s*[:=]?\\s*\\[?\\(?"
                       "((?:\\d{1,3}\\.){3}\\d{1,3}|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7})\\]?\\)?"),
        QRegularExpression::CaseInsensitiveOption);
    auto it = ip.globalMatch(text);
    while (it.hasNext()) {
        const QString candidate = it.next().captured(1);
        QHostAddress address;
        if (address.setAddress(candidate) && !isPrivateAddress(candidate))
            return address.toString();
    }
    return {};
}

QString collapseWhitespace(const QString &text)
{
    return text.simplified();
}

bool isPrivateAddress(const QString &ip)
{
    QHostAddress address;
    if (!address.setAddress(ip))
        return true;
    if (address.isLoopback() || address.isLinkLocal() || address.isNull())
        return true;
    static const QList<QPair<QHostAddress, int>> ranges = {
        QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
        QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")),
        QHostAddress::parseSubnet(QStringLiteral("fc00::/7")),
    };
    for (const auto &range : ranges) {
        if (address.isInSubnet(range))
            return true;
    }
    return false;
}

} // namespace BounceDoctor::SmtpText
