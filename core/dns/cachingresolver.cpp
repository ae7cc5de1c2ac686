#include "cachingresolver.h"

#include <QMetaObject>

namespace BounceDoctor {

CachingResolver::CachingResolver(DnsResolver *upstream, QObject *parent)
    : DnsResolver(parent)
    , m_upstream(upstream)
{}

void CachingResolver::lookup(const QString &name, DnsType type, QObject *context, Callback callback)
{
    const Key key{name.toLower(), int(type)};
    if (auto cached = m_answers.constFind(key); cached != m_answers.cend()) {
        // Still from the event loop, as the contract says, never from inside lookup().
        QMetaObject::invokeMethod(
            context ? context : this,
            [callback = std::move(callback), answer = *cached] { callback(answer); },
            Qt::QueuedConnection);
        return;
    }
    auto waiting = m_waiting.find(key);
    if (waiting != m_waiting.end()) {
        waiting->append({context, std::move(callback)});
        return;
    }
    m_waiting.insert(key, {{context, std::move(callback)}});
    ++m_upstreamQueries;
    m_upstream->lookup(name, type, this, [this, key](const DnsAnswer &answer) {
        if (answer.answered())
            m_answers.insert(key, answer);
        const QList<Waiter> waiters = m_waiting.take(key);
        for (const Waiter &waiter : waiters) {
            if (waiter.context)
                waiter.callback(answer);
        }
    });
}

void CachingResolver::cancelAll()
{
    m_upstream->cancelAll(); // the waiting callbacks get Cancelled through the upstream answer
}

} // namespace BounceDoctor
