#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUdpSocket>

namespace BounceDoctor::Test {

/// A real DNS server for tests: dnsmasq on 127.0.0.1 and a free port, serving only the zone
/// lines a test gives ("txt-record=...", "mx-host=...", "host-record=...", "ptr-record=...",
/// "cname=..."). Names under the local domains it is given answer NXDOMAIN when unknown.
/// Like any working resolver it also answers the names that certainly exist which every run
/// probes (wellKnownNames()), unless told not to: a test of a broken resolver.
class DnsmasqServer final
{
public:
    enum class WellKnown
    {
        Answered,
        NotServed
    };

    explicit DnsmasqServer(QStringList zoneLines,
                           QStringList localDomains = {QStringLiteral("test")},
                           WellKnown wellKnown = WellKnown::Answered);
    ~DnsmasqServer();

    DnsmasqServer(const DnsmasqServer &) = delete;
    DnsmasqServer &operator=(const DnsmasqServer &) = delete;

    /// Starts it and waits until it listens; false (with error) when dnsmasq is missing or fails.
    bool start(QString *error);
    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

    static QString binary();
    /// The names that certainly exist, as the knowledge base's dns-probes.json lists them.
    static QStringList wellKnownNames();

private:
    QStringList m_zoneLines;
    QStringList m_localDomains;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

/// A loopback UDP port where nothing ever answers: queries to it time out.
class SilentDnsPort final
{
public:
    SilentDnsPort();
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_socket.localPort()); }

private:
    QUdpSocket m_socket;
};

} // namespace BounceDoctor::Test
