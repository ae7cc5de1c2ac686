#pragma once

#include <QStringList>

namespace BounceDoctor::ReasonVocabulary {

/// Every reason the engine can give, in Sisimai 5.6's vocabulary (ratelimited replaces
/// toomanyconn and speeding, emailtoolarge replaces exceedlimit and mesgtoobig). The one list
/// the knowledge files are checked against when they load.
const QStringList &reasons();

/// Whether a reason name belongs to the vocabulary.
bool isKnown(const QString &reason);

/// Whether a reason names something that is not a failure at all (a delivery report, an
/// auto-reply, a complaint): neither permanent nor temporary, nothing to retry.
bool isNotAFailure(const QString &reason);

} // namespace BounceDoctor::ReasonVocabulary
