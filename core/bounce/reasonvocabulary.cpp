#include "reasonvocabulary.h"

namespace BounceDoctor::ReasonVocabulary {

const QStringList &reasons()
{
    static const QStringList list{
        // The recipient's address or mailbox.
        QStringLiteral("userunknown"), QStringLiteral("hostunknown"), QStringLiteral("hasmoved"),
        QStringLiteral("suspend"), QStringLiteral("mailboxfull"), QStringLiteral("notaccept"),
        QStringLiteral("filtered"),
        // The sender, its server or its domain.
        QStringLiteral("rejected"), QStringLiteral("blocked"), QStringLiteral("badreputation"),
        QStringLiteral("requireptr"), QStringLiteral("authfailure"),
        QStringLiteral("securityerror"), QStringLiteral("failedstarttls"),
        QStringLiteral("norelaying"), QStringLiteral("ratelimited"),
        // The message.
        QStringLiteral("emailtoolarge"), QStringLiteral("spamdetected"),
        QStringLiteral("virusdetected"), QStringLiteral("contenterror"),
        QStringLiteral("policyviolation"), QStringLiteral("notcompliantrfc"),
        QStringLiteral("syntaxerror"),
        // The way there.
        QStringLiteral("expired"), QStringLiteral("networkerror"), QStringLiteral("systemerror"),
        QStringLiteral("systemfull"), QStringLiteral("mailererror"), QStringLiteral("suppressed"),
        // Not understood, or not a failure.
        QStringLiteral("onhold"), QStringLiteral("undefined"), QStringLiteral("delivered"),
        QStringLiteral("vacation"), QStringLiteral("feedback")};
    return list;
}

bool isKnown(const QString &reason)
{
    return reasons().contains(reason);
}

bool isNotAFailure(const QString &reason)
{
    return reason == QLatin1String("delivered") || reason == QLatin1String("vacation") ||
           reason == QLatin1String("feedback");
}

} // namespace BounceDoctor::ReasonVocabulary
