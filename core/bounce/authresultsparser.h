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
    /// Parses a header value; a leading "Authentication-Results:" name is skipped.
    static AuthResultsHeader parse(const QString &value);
    /// The results reduced to what a diagnosis needs (method, result, domain, selector).
    static QList<AuthenticationResult> results(const QString &value);
};

} // namespace BounceDoctor
