#include "checkrunner.h"

#include "addresscheck.h"
#include "auth/authenticationcheck.h"
#include "bulksender.h"
#include "contactcheck.h"
#include "dns/cachingresolver.h"
#include "resolverprobe.h"

namespace BounceDoctor {

CheckRunner::CheckRunner(DnsResolver *resolver, QObject *parent)
    : QObject(parent)
    , m_resolver(resolver)
{}

Check *CheckRunner::createCheck(CheckStep step)
{
    switch (step) {
    case CheckStep::VerifyAddress:
        return new AddressCheck(m_cache, this);
    case CheckStep::Blocklists:
        return new BlocklistCheck(m_cache, m_blocklistOptions, this);
    case CheckStep::ContactRecipientIt:
        return new ContactCheck(m_cache, this);
    case CheckStep::Authentication:
        return new AuthenticationCheck(m_cache, this);
    }
    return nullptr;
}

void CheckRunner::start(const CheckInput &input, QList<CheckStep> steps)
{
    cancel();
    if (m_cache)
        m_cache->deleteLater();
    m_cache = new CachingResolver(m_resolver, this);
    delete m_probe;
    m_probe = nullptr;
    m_held.clear();
    m_causeReported = false;
    m_relayed.clear();
    m_input = input;
    if (steps.isEmpty())
        steps = {CheckStep::VerifyAddress, CheckStep::Blocklists, CheckStep::Authentication,
                 CheckStep::ContactRecipientIt};
    // The bulk sender rules draw on the address, blocklist and authentication findings.
    m_bulkRules =
        steps.contains(CheckStep::Blocklists) && steps.contains(CheckStep::Authentication);
    QList<Check *> created;
    bool asksDns = false;
    for (CheckStep step : steps) {
        Check *check = createCheck(step);
        if (!check)
            continue;
        if (created.isEmpty())
            m_firstStep = step;
        asksDns = asksDns || step != CheckStep::ContactRecipientIt;
        connect(check, &Check::findingReady, this, &CheckRunner::onFinding);
        connect(check, &Check::finished, this, &CheckRunner::onCheckFinished);
        m_checks.append(check);
        created.append(check);
        ++m_running;
    }
    if (created.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    if (asksDns) {
        m_probe = new ResolverProbe(m_cache, this);
        m_probing = true;
        connect(m_probe, &ResolverProbe::finished, this, &CheckRunner::onProbeFinished);
        m_probe->start();
    }
    for (Check *check : created)
        check->start(input);
}

int CheckRunner::upstreamQueries() const
{
    return m_cache ? m_cache->upstreamQueries() : 0;
}

void CheckRunner::cancel()
{
    const bool probing = m_probing;
    m_bulkRules = false; // a summary of a cancelled run would judge what was never asked
    if (m_running == 0 && !probing)
        return;
    // Findings still held have not been judged: they never reach the user.
    m_probing = false;
    m_held.clear();
    delete m_probe;
    m_probe = nullptr;
    const QList<QPointer<Check>> checks = m_checks;
    for (const QPointer<Check> &check : checks) {
        if (check)
            check->cancel();
    }
    // Only this run's questions go: the resolver is shared with other steps' runs, whose
    // queries must go on. Dropping the run's cache drops every callback it still waits for;
    // the queries themselves end in the resolver by their own timeout.
    if (m_cache) {
        m_cache->deleteLater();
        m_cache = nullptr;
    }
    if (m_running == 0 && probing)
        Q_EMIT finished();
}

void CheckRunner::onFinding(const Finding &finding)
{
    if (m_probing)
        m_held.append(finding);
    else
        relay(finding);
}

void CheckRunner::relay(const Finding &finding)
{
    if (!m_probe) {
        m_relayed.append(finding);
        Q_EMIT findingReady(finding);
        return;
    }
    // The DNS server is named as the cause once, before the first verdict it takes away.
    if (m_probe->distrusts(finding))
        reportCause();
    m_relayed.append(m_probe->judge(finding));
    Q_EMIT findingReady(m_relayed.last());
}

void CheckRunner::reportCause()
{
    if (m_causeReported)
        return;
    m_causeReported = true;
    Finding cause = m_probe->finding();
    cause.step = m_firstStep;
    Q_EMIT findingReady(cause);
}

void CheckRunner::onProbeFinished()
{
    m_probing = false;
    // A broken server is the cause of everything that follows: said first, whatever comes.
    if (m_probe->verdict() == ResolverProbe::Verdict::Broken)
        reportCause();
    const QList<Finding> held = std::exchange(m_held, {});
    for (const Finding &finding : held)
        relay(finding);
    finishIfDone();
}

void CheckRunner::onCheckFinished()
{
    auto *check = qobject_cast<Check *>(sender());
    if (check)
        check->deleteLater();
    m_checks.removeAll(check);
    --m_running;
    finishIfDone();
}

void CheckRunner::finishIfDone()
{
    if (m_running > 0 || m_probing)
        return;
    if (m_bulkRules) {
        m_bulkRules = false;
        for (const Finding &finding : BulkSender::findings(m_input, m_relayed))
            Q_EMIT findingReady(finding);
    }
    Q_EMIT finished();
}

} // namespace BounceDoctor
