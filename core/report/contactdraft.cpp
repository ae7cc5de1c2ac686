#include "contactdraft.h"

#include "bounce/untrustedtext.h"
#include "common/mailaddress.h"

#include <QCoreApplication>

namespace BounceDoctor {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct ContactDraftTr
{
    Q_DECLARE_TR_FUNCTIONS(ContactDraftTr)
};

// What to ask the recipient's IT for, by what went wrong.
QString askFor(const RecipientDiagnosis &r, const QString &sender, const QString &ip)
{
    const QString who =
        ip.isEmpty() ? sender : ContactDraftTr::tr("%1 (sending IP %2)").arg(sender, ip);
    if (r.detail == QLatin1String("prior-approval") || r.reason == QLatin1String("filtered") ||
        r.reason == QLatin1String("policyviolation"))
        return ContactDraftTr::tr(
                   "Could you please add %1 to your allowed senders, or tell us which rule refused "
                   "the message?")
            .arg(who);
    if (r.reason == QLatin1String("blocked") || r.reason == QLatin1String("badreputation") ||
        r.reason == QLatin1String("spamdetected") || r.reason == QLatin1String("requireptr"))
        return ContactDraftTr::tr(
                   "Could you please check why your server refused mail from %1, and allow-list "
                   "it if you can?")
            .arg(who);
    if (r.reason == QLatin1String("userunknown") || r.reason == QLatin1String("hasmoved") ||
        r.reason == QLatin1String("suspend"))
        return ContactDraftTr::tr(
            "Could you please confirm whether this mailbox exists and is active, or give us "
            "the right address?");
    if (r.reason == QLatin1String("mailboxfull") || r.reason == QLatin1String("emailtoolarge"))
        return ContactDraftTr::tr("Could you please check the mailbox's storage or size limits?");
    if (r.reason == QLatin1String("norelaying"))
        return ContactDraftTr::tr(
            "Could you please check that your domain's MX records point to your mail server, "
            "and that it accepts mail for this address?");
    if (r.reason == QLatin1String("authfailure"))
        return ContactDraftTr::tr(
            "We are checking our SPF, DKIM and DMARC set-up; could you tell us which check "
            "failed on your side?");
    return ContactDraftTr::tr(
        "Could you please look into this error and tell us what we should change?");
}

} // namespace

QUrl ContactDraft::mailtoUrl() const
{
    // Build the query by hand: QUrlQuery leaves '+', '&' and '=' ambiguous for mail clients.
    auto encode = [](const QString &text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    };
    QUrl url;
    url.setScheme(QStringLiteral("mailto"));
    url.setPath(to);
    url.setQuery(QStringLiteral("subject=") + encode(subject) + QStringLiteral("&body=") +
                     encode(QString(body).replace(QLatin1Char('\n'), QStringLiteral("\r\n"))),
                 QUrl::StrictMode);
    return url;
}

QString ContactDraft::addressNamedForHelp(const QString &text, const QString &recipient,
                                          const QString &sender)
{
    auto bare = [](QString address) {
        const qsizetype open = address.lastIndexOf(QLatin1Char('<'));
        if (open >= 0)
            address = address.mid(open + 1);
        address.remove(QLatin1Char('>'));
        return address.trimmed().toLower();
    };
    const QString self = bare(recipient);
    const QString from = bare(sender);
    static const QString separators = QStringLiteral(" \t\r\n<>()[]{},;:\"'");
    QString token;
    auto take = [&]() -> QString {
        QString candidate = token;
        token.clear();
        while (candidate.endsWith(QLatin1Char('.')))
            candidate.chop(1);
        const qsizetype at = candidate.indexOf(QLatin1Char('@'));
        if (at <= 0 || candidate.indexOf(QLatin1Char('@'), at + 1) >= 0 ||
            !candidate.mid(at + 1).contains(QLatin1Char('.')))
            return {};
        const QString lower = candidate.toLower();
        if (lower == self || lower == from)
            return {};
        return lower;
    };
    const QString padded = text + QLatin1Char(' ');
    for (const QChar c : padded) {
        if (!separators.contains(c)) {
            token += c;
            continue;
        }
        const QString address = take();
        if (!address.isEmpty())
            return address;
    }
    return {};
}

ContactDraft ContactDraft::forRecipient(const BounceMessage &message,
                                        const RecipientDiagnosis &diagnosis)
{
    // Every value from the bounce on one line with its controls shown: a line break in a
    // decoded header would forge lines of the draft (and of the mailto: URL made from it).
    RecipientDiagnosis r = diagnosis;
    for (QString *value : {&r.recipient, &r.date, &r.sendingIp, &r.remoteMta, &r.diagnostic})
        *value = UntrustedText::oneLine(*value);
    ContactDraft draft;
    const QString domain = MailAddress::domainPart(r.recipient);
    draft.consumerMailbox = !domain.isEmpty() && HelpPages::isConsumerDomain(domain);
    draft.provider = HelpPages::providerOfDomain(domain);
    if (draft.provider.id.isEmpty() && !r.provider.isEmpty())
        draft.provider = HelpPages::provider(r.provider);
    const QString helpAddress =
        addressNamedForHelp(r.diagnostic, r.recipient, message.original.from);
    if (!helpAddress.isEmpty()) {
        draft.to = helpAddress;
        draft.toNamedByBounce = true;
    } else if (!domain.isEmpty() && !draft.consumerMailbox) {
        draft.to = QStringLiteral("postmaster@") + domain;
    }
    draft.senderSideActs =
        r.responsible == Responsible::Sender || r.responsible == Responsible::SenderAdmin;
    const bool senderSideActs = draft.senderSideActs;
    draft.offered = !senderSideActs && !draft.to.isEmpty();
    const QString providerName =
        draft.provider.name.isEmpty() ? ContactDraftTr::tr("the provider") : draft.provider.name;
    if (senderSideActs) {
        draft.advice =
            draft.provider.pages.isEmpty()
                ? ContactDraftTr::tr("The fix is on your side, not the recipient's: writing to "
                                     "their IT would not change it. Follow the other steps.")
                : ContactDraftTr::tr("The fix is on your side, not the recipient's: writing to "
                                     "their IT would not change it. Use %1's pages for senders "
                                     "below once the cause is fixed.")
                      .arg(providerName);
    } else if (draft.to.isEmpty() && draft.consumerMailbox) {
        draft.advice =
            ContactDraftTr::tr("%1 is a personal mailbox at %2, whose postmaster address nobody "
                               "reads. Reach the person another way (phone, another address) "
                               "and tell them their mail does not arrive.")
                .arg(r.recipient, draft.provider.name.isEmpty() ? domain : providerName) +
            (draft.provider.pages.isEmpty()
                 ? QString()
                 : QLatin1Char(' ') +
                       ContactDraftTr::tr("If %1 refused your mail, use its pages for senders "
                                          "below.")
                           .arg(providerName));
    }
    const QString sender = message.original.from.isEmpty()
                               ? ContactDraftTr::tr("our address")
                               : UntrustedText::oneLine(message.original.from);
    const QString date = r.date.isEmpty() ? UntrustedText::oneLine(message.original.date) : r.date;
    draft.subject = ContactDraftTr::tr("Email to %1 was rejected by your server").arg(r.recipient);

    QStringList lines;
    lines << ContactDraftTr::tr("Hello,") << QString()
          << ContactDraftTr::tr(
                 "We tried to send an email to %1, and your mail server rejected it. We would be "
                 "grateful for your help.")
                 .arg(r.recipient)
          << QString() << ContactDraftTr::tr("Details:");
    if (!date.isEmpty())
        lines << ContactDraftTr::tr("  Date: %1").arg(date);
    lines << ContactDraftTr::tr("  Sender: %1").arg(sender);
    if (!r.sendingIp.isEmpty())
        lines << ContactDraftTr::tr("  Sending IP: %1").arg(r.sendingIp);
    lines << ContactDraftTr::tr("  Recipient: %1").arg(r.recipient);
    if (!r.remoteMta.isEmpty())
        lines << ContactDraftTr::tr("  Your server: %1").arg(r.remoteMta);
    if (!r.diagnostic.isEmpty())
        lines << ContactDraftTr::tr("  Your server's reply: %1").arg(r.diagnostic);
    lines << QString() << askFor(r, sender, r.sendingIp) << QString()
          << ContactDraftTr::tr("Thank you,");
    draft.body = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return draft;
}

} // namespace BounceDoctor
