#include "checkrunner.h"

#include "addresscheck.h"
#include "auth/authenticationcheck.h"
#include "contactcheck.h"
#include "dns/cachingresolver.h"

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
    if (steps.isEmpty())
        steps = {CheckStep::VerifyAddress, CheckStep::Blocklists, CheckStep::Authentication,
                 CheckStep::ContactRecipientIt};
    QList<Check *> created;
    for (CheckStep step : steps) {
        Check *check = createCheck(step);
        if (!check)
            continue;
        connect(check, &Check::findingReady, this, &CheckRunner::findingReady);
        connect(check, &Check::finished, this, &CheckRunner::onCheckFinished);
        m_checks.append(check);
        created.append(check);
        ++m_running;
    }
    if (created.isEmpty()) {
        Q_EMIT finished();
        return;
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
    if (m_running == 0)
        return;
    m_resolver->cancelAll();
    const QList<QPointer<Check>> checks = m_checks;
    for (const QPointer<Check> &check : checks) {
        if (check)
            check->cancel();
    }
}

void CheckRunner::onCheckFinished()
{
    auto *check = qobject_cast<Check *>(sender());
    if (check)
        check->deleteLater();
    m_checks.removeAll(check);
    if (--m_running == 0)
        Q_EMIT finished();
}

} // namespace BounceDoctor
