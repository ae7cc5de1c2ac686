#pragma once

#include "dnsresolver.h"

#include <QHash>
#include <QPointer>

namespace BounceDoctor {

/// A per-run cache in front of another resolver: each (name, type) is asked once; identical
/// questions asked while the first is in flight wait for its answer. Failed answers (timeout,
/// SERVFAIL, ...) are not kept, so a later run asks again.
class CachingResolver final : public DnsResolver
{
    Q_OBJECT

public:
    explicit CachingResolver(DnsResolver *upstream, QObject *parent = nullptr);

    void lookup(const QString &name, DnsType type, QObject *context, Callback callback) override;
    void cancelAll() override;

    int upstreamQueries() const { return m_upstreamQueries; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback callback;
    };
    using Key = QPair<QString, int>;

    DnsResolver *m_upstream;
    QHash<Key, DnsAnswer> m_answers;
    QHash<Key, QList<Waiter>> m_waiting;
    int m_upstreamQueries = 0;
};

} // namespace BounceDoctor
