#pragma once

#include "reportwriter.h"

#include <QList>
#include <QString>

/// Personal data hidden for a report or ticket that leaves the helpdesk: recipients' local
/// parts, the sender and the subject are masked; the server's words are kept, with the
/// addresses in them masked the same way.
namespace BounceDoctor::Privacy {

/// "j***@example.com": the first character of the local part, then stars.
QString maskAddress(const QString &address);
/// text with every occurrence of each of addresses (caselessly) masked.
QString maskIn(QString text, const QStringList &addresses);
/// message and the work done on it (work[i] for its recipient i), personal data hidden.
void hide(BounceMessage &message, QList<ChecklistRecord> &work);

} // namespace BounceDoctor::Privacy
