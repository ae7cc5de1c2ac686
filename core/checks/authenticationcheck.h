#pragma once

#include "check.h"

#include <QSet>

namespace BounceDoctor {

/// Step 3: the sending domain's SPF record (presence, syntax, risky terms, the 10-lookup and
/// void-lookup limits, loops), its DKIM keys (revoked, type, RSA size), its DMARC policy (tags,
/// external report authorization) and whether SPF and DKIM passed aligned with the From domain.
class AuthenticationCheck final : public Check
{
    Q_OBJECT

public:
    using Check::Check;

    CheckStep step() const override { return CheckStep::Authentication; }
    void start(const CheckInput &input) override;

    static QStringList commonSelectors();

private:
    void checkSpf(const QString &domain);
    void followSpf(const QString &domain, int depth, QStringList chain);
    void reportSpfLimits();
    void checkDkim(const QString &domain, const QString &selector);
    void checkDmarc(const QString &fromDomain, const CheckInput &input);
    void reportDmarc(const QString &recordDomain, const QString &fromDomain, const QString &text,
                     const CheckInput &input);
    void reportAlignment(const QString &fromDomain, const CheckInput &input, const QString &adkim,
                         const QString &aspf);

    // SPF walk state
    int m_spfLookups = 0;
    int m_spfVoid = 0;
    int m_spfPending = 0;
    bool m_spfLoop = false;
    bool m_spfFailed = false;
    QStringList m_spfTrace;
    int m_dkimPending = 0;
    int m_dkimFound = 0;
    int m_dkimFailed = 0;
    QString m_dkimDomain;
};

} // namespace BounceDoctor
