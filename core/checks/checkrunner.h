#pragma once

#include "blocklistcheck.h"
#include "check.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace BounceDoctor {

class CachingResolver;
class ResolverProbe;

/// Runs checklist steps concurrently over one resolver and relays what they find. Alongside the
/// steps' questions it probes the DNS server (ResolverProbe) and holds the findings back until
/// it knows whether the server's answers can carry a verdict; when they cannot, it says so once
/// and turns the DNS verdicts into "could not check". Cancel stops this run only: other runs on
/// the same resolver (the GUI's other steps) go on untouched.
class CheckRunner final : public QObject
{
    Q_OBJECT

public:
    explicit CheckRunner(DnsResolver *resolver, QObject *parent = nullptr);

    void setBlocklistOptions(const BlocklistCheck::Options &options)
    {
        m_blocklistOptions = options;
    }

    /// Starts the given steps (all four when empty). A run already going is cancelled first.
    void start(const CheckInput &input, QList<CheckStep> steps = {});
    void cancel();
    bool isRunning() const { return m_running > 0 || m_probing; }

    /// DNS questions sent upstream by the current run (identical questions are asked once).
    int upstreamQueries() const;

    /// Creates the check for a step; one place to add a new kind of check.
    Check *createCheck(CheckStep step);

Q_SIGNALS:
    void findingReady(const BounceDoctor::Finding &finding);
    void progress(int done, int total);
    void finished();

private:
    void onCheckFinished();
    void onFinding(const Finding &finding);
    void relay(const Finding &finding);
    void reportCause();
    void onProbeFinished();
    void finishIfDone();

    DnsResolver *m_resolver;
    CachingResolver *m_cache = nullptr; ///< this run's answers: every step shares them
    BlocklistCheck::Options m_blocklistOptions;
    QList<QPointer<Check>> m_checks;
    ResolverProbe *m_probe = nullptr; ///< this run's probe; null when no step asks DNS
    QList<Finding> m_held;            ///< findings waiting for the probe's verdict
    CheckStep m_firstStep = CheckStep::VerifyAddress;
    int m_running = 0;
    bool m_probing = false;
    bool m_causeReported = false;
    bool m_bulkRules = false; ///< end the run with the bulk sender requirements
    CheckInput m_input;       ///< this run's input, for the bulk sender requirements
    QList<Finding> m_relayed; ///< what this run has shown, as shown
};

} // namespace BounceDoctor
