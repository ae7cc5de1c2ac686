#pragma once

#include "dnsresolver.h"

#include <QHash>
#include <QStringList>

class QSocketNotifier;
class QTimer;

namespace BounceDoctor {

struct AresChannel;

/// DNS through c-ares, driven by the Qt event loop: socket notifiers wake it when an answer
/// arrives, a timer when c-ares wants to retry or give up. Every query is in flight at once.
class AresResolver final : public DnsResolver
{
    Q_OBJECT

public:
    struct Options
    {
        QStringList servers;  ///< "IP" or "IP:PORT" ("[IPv6]:PORT"); empty: the system's resolvers
        int timeoutMs = 3000; ///< per try, at most maxTimeoutMs
        int tries = 2;
    };

    /// Ten minutes: longer waits for one DNS answer are taken as this.
    static constexpr int maxTimeoutMs = 600000;

    explicit AresResolver(const Options &options, QObject *parent = nullptr);
    ~AresResolver() override;

    /// Empty when the channel is usable, else why not (a bad server address, ...).
    QString setupError() const { return m_setupError; }

    void lookup(const QString &name, DnsType type, QObject *context, Callback callback) override;
    void cancelAll() override;

    /// Called by c-ares (through a static trampoline); public only for that.
    void socketStateChanged(int fd, bool readable, bool writable);

private:
    void process(int readFd, int writeFd);
    void scheduleTimeout();

    AresChannel *m_channel = nullptr;
    QString m_setupError;
    QString m_serverText;
    QHash<int, QSocketNotifier *> m_readNotifiers;
    QHash<int, QSocketNotifier *> m_writeNotifiers;
    QTimer *m_timer = nullptr;
};

} // namespace BounceDoctor
