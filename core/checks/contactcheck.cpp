#include "contactcheck.h"

#include "report/contactdraft.h"

#include <QCoreApplication>

namespace BounceDoctor {

void ContactCheck::start(const CheckInput &input)
{
    RecipientDiagnosis recipient = input.diagnosis;
    if (recipient.recipient.isEmpty())
        recipient.recipient = input.recipient;
    if (recipient.sendingIp.isEmpty())
        recipient.sendingIp = input.sendingIp;
    BounceMessage message = input.message;
    if (message.original.from.isEmpty())
        message.original.from = input.fromAddress;
    const ContactDraft draft = ContactDraft::forRecipient(message, recipient);
    Finding f;
    f.id = QStringLiteral("contact.draft");
    if (draft.to.isEmpty()) {
        f.status = FindingStatus::CouldNotCheck;
        f.title = QCoreApplication::translate("ContactCheck", "No recipient domain to write to.");
    } else {
        f.status = FindingStatus::Info;
        f.title = QCoreApplication::translate("ContactCheck", "Write to %1: %2")
                      .arg(draft.to, draft.subject);
        f.detail = draft.body;
        f.link = draft.mailtoUrl();
    }
    report(f);
    finishIfIdle();
}

} // namespace BounceDoctor
