#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QUdpSocket>

namespace BounceDoctor::Test {

/// A DNS server on 127.0.0.1 that misbehaves on purpose, for the faults a real one (dnsmasq)
/// will not produce. A label of the name asked picks the behaviour (the first such label):
///   servfail.* refused.*   answer with that RCODE
///   truncated.*            over UDP: TC bit and no answer; over TCP: a TXT answer of 3,000
///                          bytes (so only a client that falls back to TCP gets it)
///   wrongid.*              an answer whose ID does not match the query
///   wrongname.*            an answer for another name
///   garbage.*              the query's ID followed by random bytes
///   ok.*                   a TXT answer "ok"
/// Everything else gets NXDOMAIN. UDP and TCP listen on the same port, as for a real server.
class FakeDnsServer final : public QObject
{
public:
    FakeDnsServer();

    bool isListening() const
    {
        return m_tcp.isListening() && m_udp.state() == QUdpSocket::BoundState;
    }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_udp.localPort()); }
    int udpQueries() const { return m_udpQueries; }
    int tcpQueries() const { return m_tcpQueries; }

    static QByteArray bigText() { return QByteArray(3000, 'x'); }

private:
    QByteArray respond(const QByteArray &query, bool overTcp);
    void readDatagrams();
    void acceptConnection();

    QUdpSocket m_udp;
    QTcpServer m_tcp;
    int m_udpQueries = 0;
    int m_tcpQueries = 0;
};

} // namespace BounceDoctor::Test
