#pragma once

#include "bounce/mimecontent.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace BounceDoctor::TextBlocks {

/// A recipient named in a bounce's prose, with the text that explains its failure.
struct Block
{
    QString recipient;
    QString text;     ///< the lines that belong to this recipient, joined
    QString smtpText; ///< only the server's reply lines within them, when there are any
};

/// The bounce's own explanation: the body up to where the returned message starts.
QStringList errorSection(const QString &bodyText, int *originalStart = nullptr);

/// Recipients and their text, found in the error section. Addresses in `exclude` (lower case)
/// are the sender's or the bounce's own and never count as recipients.
QList<Block> findBlocks(const QStringList &lines, const QStringList &exclude);

/// Lines of the section that carry a server reply (reply codes, status codes, "said:").
QString smtpLines(const QStringList &lines);

/// True when the section says delivery is only delayed and will be retried.
bool saysDelayed(const QString &text);

/// True when the text says plainly that delivery failed.
bool saysFailure(const QString &text);

/// True for subjects of automatic replies (vacation notices).
bool isAutoReplySubject(const QString &subject);

/// True for complaint reports that do not use the ARF format.
bool looksLikeComplaint(const MimeContent &content);

/// True when the message looks like a delivery failure report at all.
bool looksLikeBounce(const MimeContent &content);

/// Addresses that belong to the sender side of this bounce, lower case.
QStringList senderAddresses(const MimeContent &content);

/// The bare address in text such as "Name <a@b>" or "rfc822; a@b", lower case kept as given.
QString bareAddress(const QString &text);

} // namespace BounceDoctor::TextBlocks
