#pragma once

#include "blocklistcheck.h"
#include "check.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace BounceDoctor {

class CachingResolver;

/// Runs checklist steps concurrently over one resolver and relays what they find. Cancel stops
/// every step and every DNS query at once.
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
    bool isRunning() const { return m_running > 0; }

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

    DnsResolver *m_resolver;
    CachingResolver *m_cache = nullptr; ///< this run's answers: every step shares them
    BlocklistCheck::Options m_blocklistOptions;
    QList<QPointer<Check>> m_checks;
    int m_running = 0;
};

} // namespace BounceDoctor
