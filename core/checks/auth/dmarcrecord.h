#pragma once

#include <QString>
#include <QStringList>

namespace BounceDoctor {

/// A DMARC policy record (RFC 7489 §6.3), parsed and validated. Pure: no I/O.
struct DmarcRecord
{
    QString policy;                                ///< p: none, quarantine, reject
    QString subdomainPolicy;                       ///< sp, empty means "as p"
    QString nonexistentPolicy;                     ///< np (DMARCbis), empty means "as sp"
    int percent = 100;                             ///< pct
    QString dkimAlignment = QStringLiteral("r");   ///< adkim: r or s
    QString spfAlignment = QStringLiteral("r");    ///< aspf: r or s
    QStringList aggregateReports;                  ///< rua URIs
    QStringList failureReports;                    ///< ruf URIs
    QString failureOptions = QStringLiteral("0");  ///< fo
    int reportInterval = 86400;                    ///< ri
    QString reportFormat = QStringLiteral("afrf"); ///< rf
    QStringList errors;   ///< syntax errors and invalid values; the record is unusable
    QStringList warnings; ///< unknown tags, odd but legal values

    bool isValid() const { return errors.isEmpty(); }
};

/// True when the text starts with the v=DMARC1 tag (receivers ignore other TXT records).
bool isDmarcRecordText(const QString &text);
DmarcRecord parseDmarcRecord(const QString &text);

/// The domain a rua/ruf URI sends reports to: "mailto:d@example.net!10m" → example.net.
QString dmarcReportDomain(const QString &uri);

/// DMARC identifier alignment: strict needs the same name, relaxed the same organizational
/// domain.
bool dmarcAligned(const QString &authenticated, const QString &fromDomain, bool strict);

} // namespace BounceDoctor
