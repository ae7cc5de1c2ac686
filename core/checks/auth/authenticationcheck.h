#pragma once

#include "checks/check.h"
#include "dns/dnsresolver.h"

#include <QHash>
#include <QPointer>

namespace BounceDoctor {

/// Step 3 of the checklist: the sending domain's SPF (record, lint, check_host() for the
/// sending IP), DKIM keys and DMARC policy with alignment, all running at once.
/// Finding ids: spf.record, spf.<lint-id>, spf.result, dkim.key.<selector>, dkim.keys,
/// dmarc.record, dmarc.report.<domain>, dmarc.alignment.
class AuthenticationCheck final : public Check
{
    Q_OBJECT

public:
    explicit AuthenticationCheck(DnsResolver *resolver, QObject *parent = nullptr);
    ~AuthenticationCheck() override;

    CheckStep step() const override { return CheckStep::Authentication; }
    void start(const CheckInput &input) override;
    void cancel() override;

private:
    void startSpf(const QString &domain);
    void startDkim(const QString &domain);
    void startDmarc(const QString &fromDomain);
    void lookupDmarc(const QString &fromDomain, const QString &queried, bool isFallback);
    void checkReportAuthorization(const QString &policyDomain, const QStringList &uris);
    void reportAlignment(const QString &policyDomain, bool strictSpf, bool strictDkim);

    void lookup(const QString &name, DnsType type, DnsResolver::Callback callback);
    void emitFinding(const QString &id, FindingStatus status, const QString &title,
                     const QString &detail, const QStringList &evidence,
                     FindingBasis basis = FindingBasis::DnsRecords);
    QString aboutOf(const QString &id) const; ///< "the SPF record of example.com", ...
    QList<CheckedValue> checkedOf(const QString &id) const;
    void addWork(int count = 1);
    void workDone();

    CheckInput m_input;
    QString m_spfDomain;
    QString m_dkimDomain;
    QString m_dmarcDomain;
    QString m_alignmentDomain; ///< the returned message's From domain
    InputOrigin m_spfOrigin = InputOrigin::Unknown;
    InputOrigin m_dkimOrigin = InputOrigin::Unknown;
    InputOrigin m_dmarcOrigin = InputOrigin::Unknown;
    QHash<QString, InputOrigin> m_selectorOrigins;
    QPointer<QObject> m_run; ///< context of this run's DNS callbacks; deleting it cancels them
    int m_pending = 0;
    int m_total = 0;
    int m_done = 0;
    bool m_running = false;
};

} // namespace BounceDoctor
