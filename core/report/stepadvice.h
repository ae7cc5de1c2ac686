#pragma once

#include "bounce/diagnosis.h"

#include <QString>
#include <QStringList>

/// What the checklist's advice steps say (fix the sending set-up, review the content, wait,
/// nothing to do), tailored to one diagnosis. The GUI shows it; exports can quote it.
namespace BounceDoctor::StepAdvice {

/// A delivery receipt, a relay notice or an auto-reply: the mail got through.
bool isNotAFailure(const RecipientDiagnosis &recipient);

/// Where the checklist starts: the engine's first step, or None when nothing failed.
FirstStep firstStep(const RecipientDiagnosis &recipient);

/// True when the recipient or their IT must act, so a message to them makes sense.
bool recipientSideActs(const RecipientDiagnosis &recipient);

/// The message size limit the server's words name, in bytes; 0 when they name none.
qint64 sizeLimit(const QString &diagnostic);

/// The step's title, without its number ("Fix your sending set-up"), translated.
QString title(FirstStep step);

/// One sentence on why this step, translated.
QString why(FirstStep step, const RecipientDiagnosis &recipient);

/// What to do, one point per line, for the four advice steps (FixSendingSetup, ReviewContent,
/// RetryLater, None); empty for the check steps.
QStringList points(FirstStep step, const RecipientDiagnosis &recipient);

} // namespace BounceDoctor::StepAdvice
