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

/// What a finding's verdict rests on, so that a run can hold back the verdicts its DNS server
/// cannot support (one that says "no such name" to everything, or redirects every name).
enum class FindingBasis
{
    Input,      ///< the bounce or what the user typed, no DNS (syntax, headers, the draft)
    DnsRecords, ///< records the DNS server returned
    DnsAbsence  ///< the DNS server saying a name or record does not exist
};

/// Where a value a check worked on came from.
enum class InputOrigin
{
    Unknown,
    Typed,                 ///< the user typed it (GUI step input, CLI option)
    Bounce,                ///< the bounce's diagnosis (recipient, sending IP)
    FromAddress,           ///< the returned message's From address
    DkimSignature,         ///< the returned message's DKIM-Signature (d=, s=)
    AuthenticationResults, ///< the returned message's Authentication-Results
    CommonSelectors        ///< not known: the selectors mail services usually use
};

/// One value a finding checked: "domain example.com, typed".
struct CheckedValue
{
    QString what; ///< domain, selector, ip, recipient
    QString value;
    InputOrigin from = InputOrigin::Unknown;
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
    FindingBasis basis = FindingBasis::Input;
    QString about;               ///< what was checked, in words ("the DMARC policy of example.com")
    QList<CheckedValue> checked; ///< the values it checked, and where each came from
};

QString
checkStepName(CheckStep step); ///< verify-address, blocklists, authentication, contact-recipient-it
QString findingStatusName(FindingStatus status); ///< ok, warning, problem, could-not-check, info
/// The mark a finding is shown with: ✓ ⚠ ✗ ? ℹ (inline: reports show findings too, and the
/// report layer sits below the checks).
inline QString findingStatusMark(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Ok:
        return QStringLiteral("✓");
    case FindingStatus::Warning:
        return QStringLiteral("⚠");
    case FindingStatus::Problem:
        return QStringLiteral("✗");
    case FindingStatus::CouldNotCheck:
        return QStringLiteral("?");
    case FindingStatus::Info:
        break;
    }
    return QStringLiteral("ℹ");
}
/// The step or status a name above stands for (the first one for an unknown name).
CheckStep checkStepFromName(QStringView name);
FindingStatus findingStatusFromName(QStringView name);
/// typed, bounce, from-address, dkim-signature, authentication-results, common-selectors
QString inputOriginName(InputOrigin origin);

} // namespace BounceDoctor
