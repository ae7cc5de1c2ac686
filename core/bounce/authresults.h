#pragma once

#include "diagnosis.h"

#include <QList>
#include <QPair>
#include <QString>

namespace BounceDoctor {

/// One Authentication-Results header field (RFC 8601), parsed.
struct AuthResultsHeader
{
    struct Result
    {
        QString method;
        int methodVersion = 0;
        QString result;
        QString reason;
        QList<QPair<QString, QString>> properties; ///< "header.d" -> "example.com", in order

        QString property(const QString &name) const;
    };

    bool valid = false;
    QString authServId;
    int version = 0;
    QList<Result> results;
};

/// Parses the field's value (a leading "Authentication-Results:" is skipped). Comments and
/// folding whitespace may appear anywhere, as RFC 8601's grammar allows.
AuthResultsHeader parseAuthenticationResults(const QString &value);

/// The spf, dkim and dmarc results with the domain each is about, for the checks.
QList<AuthenticationResult> toAuthenticationResults(const AuthResultsHeader &header);

} // namespace BounceDoctor
