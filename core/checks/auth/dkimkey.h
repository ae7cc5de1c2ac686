#pragma once

#include <QString>
#include <QStringList>

namespace BounceDoctor {

/// A DKIM public key record (RFC 6376 §3.6.1, RFC 8463 for ed25519), parsed and with the
/// key itself examined through OpenSSL. Pure: no I/O.
struct DkimKeyRecord
{
    QString version;                         ///< v=, empty when absent
    QString keyType = QStringLiteral("rsa"); ///< k=
    QStringList hashAlgorithms;              ///< h=, empty means any
    QStringList serviceTypes;                ///< s=, empty means *
    QStringList flags;                       ///< t=: y (testing), s (strict)
    QString notes;                           ///< n=
    QString publicKey;                       ///< p= as published (base64)
    bool revoked = false;                    ///< p= present and empty
    int keyBits = 0;                         ///< RSA modulus size, 256 for ed25519
    QString error;                           ///< syntax error or unusable key, plain words
    QStringList unknownTags;                 ///< ignored by verifiers, kept for evidence

    bool isValid() const { return error.isEmpty(); }
    bool testing() const { return flags.contains(QStringLiteral("y")); }
};

/// Splits "a=b; c = d" into tag/value pairs (RFC 6376 §3.2). Returns false and sets error on
/// a malformed or repeated tag.
bool parseDkimTagList(const QString &text, QList<QPair<QString, QString>> *tags, QString *error);

DkimKeyRecord parseDkimKeyRecord(const QString &text);

/// The selectors tried when the bounce does not say which one signed.
QStringList commonDkimSelectors();

} // namespace BounceDoctor
