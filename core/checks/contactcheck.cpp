#include "contactcheck.h"

#include "report/contactdraft.h"

#include <QCoreApplication>

namespace BounceDoctor {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct ContactCheckTr
{
    Q_DECLARE_TR_FUNCTIONS(ContactCheck)
};

} // namespace

void ContactCheck::start(const CheckInput &input)
{
    RecipientDiagnosis recipient = input.diagnosis;
    if (recipient.recipient.isEmpty() || input.typed.testFlag(TypedField::Recipient))
        recipient.recipient = input.recipient;
    if (recipient.sendingIp.isEmpty() || input.typed.testFlag(TypedField::SendingIp))
        recipient.sendingIp = input.sendingIp;
    BounceMessage message = input.message;
    if (message.original.from.isEmpty())
        message.original.from = input.fromAddress;
    const ContactDraft draft = ContactDraft::forRecipient(message, recipient);
    Finding f;
    f.id = QStringLiteral("contact.draft");
    f.checked = {
        {QStringLiteral("recipient"), recipient.recipient, originOf(input, TypedField::Recipient)}};
    if (draft.offered) {
        f.status = FindingStatus::Info;
        f.title = ContactCheckTr::tr("Write to %1: %2").arg(draft.to, draft.subject);
        f.detail = draft.body;
        if (draft.toNamedByBounce)
            f.evidence.append(
                ContactCheckTr::tr("The recipient's server names %1 for help.").arg(draft.to));
        f.link = draft.mailtoUrl();
    } else if (draft.senderSideActs) {
        f.status = FindingStatus::Info;
        f.title = ContactCheckTr::tr(
            "No message to the recipient's IT is needed: the fix is on your side.");
        f.detail = draft.advice;
    } else if (draft.consumerMailbox) {
        f.status = FindingStatus::Info;
        f.title = ContactCheckTr::tr("Reach %1 another way: a personal mailbox has no IT to "
                                     "write to.")
                      .arg(recipient.recipient);
        f.detail = draft.advice;
    } else {
        f.status = FindingStatus::CouldNotCheck;
        f.title = ContactCheckTr::tr("No recipient domain to write to.");
    }
    report(f);

    // Where to go next at the recipient's mailbox provider: its forms and data for senders.
    // A block on the provider's own list has its delisting pages in step 2 already.
    const bool ownList = draft.senderSideActs && recipient.blocklist.isEmpty() &&
                         (recipient.detail == QLatin1String("ip-blocklist") ||
                          recipient.reason == QLatin1String("blocked"));
    for (const HelpPages::Page &page : draft.provider.pages) {
        if (ownList && page.kind != QLatin1String("rules"))
            continue;
        Finding help;
        help.id = QStringLiteral("contact.help.") + page.kind;
        help.status = FindingStatus::Info;
        help.title = page.title;
        help.detail = ContactCheckTr::tr("A page of %1 for senders.").arg(draft.provider.name);
        help.link = page.url;
        report(help);
    }
    finishIfIdle();
}

} // namespace BounceDoctor
