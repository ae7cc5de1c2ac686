#pragma once

#include "bounce/diagnosis.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace BounceDoctor {

enum class FindingStatus
{
    Ok,
    Warning,
    Problem,
    CouldNotCheck,
    Info
};

/// One row of a check's result: ✓ / ⚠ / ✗ / ? with a plain sentence and the evidence.
struct Finding
{
    CheckStep step = CheckStep::VerifyAddress;
    QString id; ///< stable machine name, e.g. "spf.record", "dnsbl.zen.spamhaus.org"
    FindingStatus status = FindingStatus::Info;
    QString title;        ///< short plain-language sentence, translated
    QString detail;       ///< what it means and what to do, translated
    QStringList evidence; ///< DNS names asked and raw answers, records, traces
    QUrl link;            ///< e.g. a blocklist's delisting page
};

QString
checkStepName(CheckStep step); ///< verify-address, blocklists, authentication, contact-recipient-it
QString findingStatusName(FindingStatus status); ///< ok, warning, problem, could-not-check, info
/// The step or status a name above stands for (the first one for an unknown name).
CheckStep checkStepFromName(QStringView name);
FindingStatus findingStatusFromName(QStringView name);

} // namespace BounceDoctor
