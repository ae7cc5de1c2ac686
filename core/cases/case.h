#pragma once

#include "bounce/diagnosis.h"
#include "checks/finding.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace BounceDoctor {

/// Where a helpdesk case stands.
enum class CaseState
{
    Open,
    WaitingForRecipientIt, ///< the draft went out; the recipient's IT has not answered yet
    Resolved
};

QString caseStateName(CaseState state);        ///< open, waiting, resolved
CaseState caseStateFromName(QStringView name); ///< open for an unknown name

/// One check row as it was shown, with when it ran.
struct CaseFinding
{
    Finding finding;
    QDateTime ranAt;
};

/// What a case keeps of one recipient: the diagnosis, the checks run, the steps ticked Done
/// and the draft as the user left it.
struct CaseRecipient
{
    RecipientDiagnosis diagnosis;
    QList<CaseFinding> findings;
    QStringList doneSteps; ///< checklist step names ticked Done
    QString draft;         ///< the message to the recipient's IT as sent (or as edited)
};

struct CaseNote
{
    QDateTime at;
    QString text;
};

/// A helpdesk case: one bounce and everything done about it.
struct BounceCase
{
    qint64 id = 0; ///< 0 until stored
    QDateTime createdAt;
    QDateTime updatedAt;
    QString source;       ///< the file path, or empty for pasted text
    QByteArray rawBounce; ///< empty when not kept (setting, or over the size cap)
    QString format;       ///< which bounce format was understood
    QString subject;      ///< the bounce's own Subject
    OriginalMessage original;
    QList<CaseRecipient> recipients;
    QList<CaseNote> notes;
    QString ticketRef;
    CaseState state = CaseState::Open;

    /// A case for a message just diagnosed, with nothing done yet.
    static BounceCase fromMessage(const BounceMessage &message, const QByteArray &raw = {});
};

/// JSON form of the returned original a case stores (a diagnosis's is DiagnosisJson's).
namespace CaseJson {
QJsonObject fromOriginal(const OriginalMessage &original);
OriginalMessage toOriginal(const QJsonObject &object);
} // namespace CaseJson

} // namespace BounceDoctor
