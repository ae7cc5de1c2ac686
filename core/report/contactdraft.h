#pragma once

#include "bounce/diagnosis.h"

#include <QString>
#include <QUrl>

namespace BounceDoctor {

/// The message to the recipient's IT (step 4 of the checklist), tailored to the diagnosis.
struct ContactDraft
{
    QString to; ///< postmaster@<recipient domain>
    QString subject;
    QString body;

    /// A mailto: URL with subject and body percent-encoded (RFC 6068).
    QUrl mailtoUrl() const;

    static ContactDraft forRecipient(const BounceMessage &message,
                                     const RecipientDiagnosis &recipient);
};

} // namespace BounceDoctor
