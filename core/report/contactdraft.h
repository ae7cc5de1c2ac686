#pragma once

#include "bounce/diagnosis.h"
#include "helppages.h"

#include <QString>
#include <QUrl>

namespace BounceDoctor {

/// The message to the recipient's IT (step 4 of the checklist), tailored to the diagnosis, and
/// whether writing it fits at all.
struct ContactDraft
{
    QString to; ///< an address the bounce names for help, else postmaster@<recipient domain>;
                ///< empty for a consumer mailbox provider, whose postmaster nobody reads
    QString subject;
    QString body;
    /// Only when the recipient's side must act, and there is someone there to write to.
    bool offered = true;
    bool senderSideActs = false;  ///< the diagnosis says the fix is the sender's
    bool toNamedByBounce = false; ///< `to` is an address the bounce gives for help
    bool consumerMailbox = false; ///< the recipient is a personal mailbox at a large provider
    QString advice;               ///< when not offered: what to do instead, in plain words
    HelpPages::Provider provider; ///< the recipient's mailbox provider and its pages, if known

    /// A mailto: URL with subject and body percent-encoded (RFC 6068).
    QUrl mailtoUrl() const;

    static ContactDraft forRecipient(const BounceMessage &message,
                                     const RecipientDiagnosis &recipient);

    /// The first address in the server's reply offered for help ("contact it-helpdesk@..."):
    /// not the recipient and not the sender.
    static QString addressNamedForHelp(const QString &text, const QString &recipient,
                                       const QString &sender);
};

} // namespace BounceDoctor
