#pragma once

#include "check.h"

namespace BounceDoctor {

/// Step 1: is the recipient address well formed, is its domain real, and can it take mail?
class AddressCheck final : public Check
{
    Q_OBJECT

public:
    struct Syntax
    {
        bool valid = false;
        QString problem; ///< plain words when not valid
        QString localPart;
        QString domain;      ///< as typed (may be Unicode)
        QString asciiDomain; ///< IDNA form used for DNS
    };

    using Check::Check;

    CheckStep step() const override { return CheckStep::VerifyAddress; }
    void start(const CheckInput &input) override;

    /// RFC 5321/5322 syntax: dot-atom or quoted local part (UTF-8 allowed, RFC 6531), a domain
    /// of valid labels (IDN through IDNA) or an address literal.
    static Syntax parse(const QString &address);

    /// The provider hosting mail for these MX hosts ("Microsoft 365", ...), or empty.
    static QString providerOf(const QStringList &mxHosts);

private:
    void checkMx(const DnsAnswer &answer);
    void checkFallback(const DnsAnswer &answer);

    Syntax m_syntax;
};

} // namespace BounceDoctor
