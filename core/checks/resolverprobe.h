#pragma once

#include "dns/dnsresolver.h"
#include "finding.h"

#include <QObject>

namespace BounceDoctor {

/// Asks the DNS server, alongside a run's real questions, for names that certainly exist and
/// for one that certainly does not, to learn whether its answers can carry a verdict. A server
/// that says "no such name" to a name that exists, or gives an address to one that does not,
/// is broken: none of the run's DNS verdicts stand. A server that did not answer the existing
/// names at all (timeout, refused) gives no proof that its "does not exist" answers are real:
/// the verdicts that rest on absence do not stand; those that rest on records it returned do.
class ResolverProbe final : public QObject
{
    Q_OBJECT

public:
    enum class Verdict
    {
        Pending,
        Trusted,
        NoProof,
        Broken
    };

    explicit ResolverProbe(DnsResolver *resolver, QObject *parent = nullptr);

    void start();
    Verdict verdict() const { return m_verdict; }

    /// The one finding that names the DNS server as the cause; empty id when it is trusted.
    Finding finding() const;
    /// Whether this server cannot support the finding's verdict.
    bool distrusts(const Finding &finding) const;
    /// The finding as the run may show it: a DNS verdict this server cannot support becomes
    /// "could not check", with the answers kept as evidence.
    Finding judge(Finding finding) const;

    /// The names asked, from the knowledge base (for tests that serve them).
    static QStringList existingNames();
    static QString absentZone();

Q_SIGNALS:
    void finished();

private:
    void answered();

    DnsResolver *m_resolver;
    QList<DnsAnswer> m_existing;
    DnsAnswer m_absent;
    int m_pending = 0;
    Verdict m_verdict = Verdict::Pending;
    QString m_reason; ///< why the server's answers cannot be trusted, one sentence
    QString m_advice;
    QStringList m_evidence;
};

} // namespace BounceDoctor
