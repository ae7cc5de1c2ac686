#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace BounceDoctor {

/// Parsers for the DNS records of step 3. Pure functions of the record text (no DNS), so they
/// can be tested and fuzzed on their own.
namespace AuthRecords {

/// "k=v; k2=v2" tag lists (DKIM, DMARC): tags in order; problems in plain words.
struct TagList
{
    QList<QPair<QString, QString>> tags;
    QStringList problems;
    QString value(const QString &tag) const;
    bool has(const QString &tag) const;
};
TagList parseTagList(const QString &text);

struct DmarcRecord
{
    bool valid = false;
    QString policy;            ///< p: none, quarantine, reject
    QString subdomainPolicy;   ///< sp
    QString nonexistentPolicy; ///< np
    int percent = 100;
    QString dkimAlignment = QStringLiteral("r"); ///< adkim: r or s
    QString spfAlignment = QStringLiteral("r");  ///< aspf: r or s
    QStringList aggregateReports;                ///< rua URIs
    QStringList failureReports;                  ///< ruf URIs
    QStringList problems;                        ///< syntax errors and bad values, in plain words
};
DmarcRecord parseDmarc(const QString &text);

struct DkimKey
{
    bool valid = false;
    QString keyType = QStringLiteral("rsa"); ///< k
    bool revoked = false;                    ///< empty p=
    int bits = 0;                            ///< RSA key size, from OpenSSL
    bool testing = false;                    ///< t=y
    QStringList problems;
};
DkimKey parseDkimKey(const QString &text);

struct SpfRecord
{
    bool valid = false;
    QStringList terms;
    QString allQualifier; ///< '+', '-', '~', '?' of "all", empty when absent
    QString redirect;
    QStringList includes;
    int lookupTerms = 0; ///< include, a, mx, ptr, exists, redirect in this record
    bool usesPtr = false;
    QStringList problems; ///< syntax errors, in plain words
};
SpfRecord parseSpf(const QString &text);

} // namespace AuthRecords
} // namespace BounceDoctor
