#include "classifier.h"

namespace BounceDoctor {

// A first, minimal classification so that the engine links and the CLI runs end to end: it
// reads only the RFC 3463 status class and the reason a format unit already gave. Engine B's
// knowledge-driven classifier (provider codes, text patterns, explanations) replaces this file.
void Classifier::classify(RecipientDiagnosis &recipient, const BounceMessage &message)
{
    Q_UNUSED(message);
    const QString &status = recipient.status;
    const QString &reply = recipient.replyCode;
    const QChar kind =
        !status.isEmpty() ? status.front() : (!reply.isEmpty() ? reply.front() : QChar());
    recipient.permanent = kind == QLatin1Char('5');
    if (recipient.reason.isEmpty())
        recipient.reason = QStringLiteral("undefined");
}

} // namespace BounceDoctor
