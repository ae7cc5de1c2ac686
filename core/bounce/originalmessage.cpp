#include "originalmessage.h"

#include "authresults.h"
#include "smtptext.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace BounceDoctor {
namespace {

// The first public address in the newest Received header that names one: the server the
// message left the sender's side from, as the next hop saw it.
QString sendingIpFromReceived(const QStringList &received)
{
    static const QRegularExpression bracketed(
        QStringLiteral("[\\[(]((?:\\d{1,3}\\.){3}\\d{1,3}|(?:IPv6:)?[0-9a-fA-F:]{3,})[\\])]"));
    static const QRegularExpression fromPart(QStringLiteral("^\\s*from\\s+(.*?)(?:\\bby\\b|$)"),
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::DotMatchesEverythingOption);
    for (const QString &header : received) {
        const QRegularExpressionMatch from = fromPart.match(header);
        const QString part = from.hasMatch() ? from.captured(1) : QString();
        auto it = bracketed.globalMatch(part);
        while (it.hasNext()) {
            QString candidate = it.next().captured(1);
            candidate.remove(QLatin1String("IPv6:"));
            QHostAddress address;
            if (address.setAddress(candidate) && !SmtpText::isPrivateAddress(candidate))
                return address.toString();
        }
    }
    return {};
}

QString tagValue(const QString &tagList, const QString &tag)
{
    const QStringList parts = tagList.split(QLatin1Char(';'));
    for (const QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq > 0 && part.left(eq).trimmed() == tag)
            return part.mid(eq + 1).simplified().remove(QLatin1Char(' '));
    }
    return {};
}

} // namespace

void fillOriginalMessage(const HeaderList &headers, OriginalMessage &original)
{
    auto keep = [](QString &field, const QString &value) {
        if (field.isEmpty())
            field = value;
    };
    keep(original.from, headerValue(headers, "from"));
    keep(original.to, headerValue(headers, "to"));
    keep(original.subject, headerValue(headers, "subject"));
    keep(original.messageId, headerValue(headers, "message-id"));
    keep(original.date, headerValue(headers, "date"));
    keep(original.sendingIp, sendingIpFromReceived(headerValues(headers, "received")));
    const QString signature = headerValue(headers, "dkim-signature");
    keep(original.dkimDomain, tagValue(signature, QStringLiteral("d")));
    keep(original.dkimSelector, tagValue(signature, QStringLiteral("s")));
    if (original.authenticationResults.isEmpty()) {
        for (const QString &value : headerValues(headers, "authentication-results"))
            original.authenticationResults +=
                toAuthenticationResults(parseAuthenticationResults(value));
    }
}

} // namespace BounceDoctor
