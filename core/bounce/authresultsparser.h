#pragma once

#include "diagnosis.h"

#include <QList>
#include <QPair>
#include <QString>

namespace BounceDoctor {

/// An Authentication-Results header field (RFC 8601) as written: who evaluated, and each
/// method's result with its reason and properties.
struct AuthResultsHeader
{
    struct Method
    {
        QString method;
        int methodVersion = -1;
        QString result;
        QString reason;
        QList<QPair<QString, QString>> properties; ///< "smtp.mailfrom" -> "example.net"

        QString property(const QString &name) const;
    };

    QString authServId;
    int version = -1;
    QList<Method> methods;
    bool valid = false; ///< false when not even an authserv-id could be read
};

/// Reads Authentication-Results header values, tolerating comments (CFWS) anywhere, quoted
/// strings, and the sloppy forms providers send (stray authserv-ids, missing ';').
class AuthResultsParser final
{
public:
    /// Methods read from one header, and properties from one method; more than any real
    /// header has, so that a hostile one of millions of "a=b;" stays small. The rest are
    /// not read.
    static constexpr qsizetype maxMethods = 100;

    /// Parses a header value; a leading "Authentication-Results:" name is skipped.
    static AuthResultsHeader parse(const QString &value);
    /// The results reduced to what a diagnosis needs (method, result, domain, selector).
    static QList<AuthenticationResult> results(const QString &value);
};

} // namespace BounceDoctor
