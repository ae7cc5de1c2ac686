// Live-check latency benchmark (a program, not a test): all four steps of a typical bounce
// against a DNS server that answers every query after 50 ms. It starts dnsmasq with the zone
// and a delaying UDP proxy in front of it, both on loopback.
//   bench_checks [--delay MS] [--rounds N]
#include "checks/checkrunner.h"
#include "dns/aresresolver.h"
#include "dnsmasqserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>
#include <cstdio>

using namespace BounceDoctor;

namespace {

// Forwards each query to the real server and holds every answer back for `delay` ms.
class DelayingProxy final : public QObject
{
public:
    DelayingProxy(quint16 upstream, int delay)
        : m_upstreamPort(upstream)
        , m_delay(delay)
    {
        m_front.bind(QHostAddress::LocalHost, 0);
        m_back.bind(QHostAddress::LocalHost, 0);
        connect(&m_front, &QUdpSocket::readyRead, this, [this] {
            while (m_front.hasPendingDatagrams()) {
                const QNetworkDatagram query = m_front.receiveDatagram();
                const QByteArray data = query.data();
                if (data.size() < 2)
                    continue;
                m_clients.insert(quint16((quint8(data[0]) << 8) | quint8(data[1])),
                                 {query.senderAddress(), quint16(query.senderPort())});
                m_back.writeDatagram(data, QHostAddress::LocalHost, m_upstreamPort);
            }
        });
        connect(&m_back, &QUdpSocket::readyRead, this, [this] {
            while (m_back.hasPendingDatagrams()) {
                const QByteArray answer = m_back.receiveDatagram().data();
                if (answer.size() < 2)
                    continue;
                const auto client =
                    m_clients.value(quint16((quint8(answer[0]) << 8) | quint8(answer[1])));
                QTimer::singleShot(m_delay, this, [this, answer, client] {
                    m_front.writeDatagram(answer, client.first, client.second);
                });
            }
        });
    }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_front.localPort()); }

private:
    quint16 m_upstreamPort;
    int m_delay;
    QUdpSocket m_front;
    QUdpSocket m_back;
    QHash<quint16, QPair<QHostAddress, quint16>> m_clients;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int delay = args.contains(QStringLiteral("--delay"))
                          ? args.at(args.indexOf(QStringLiteral("--delay")) + 1).toInt()
                          : 50;
    const int rounds = args.contains(QStringLiteral("--rounds"))
                           ? args.at(args.indexOf(QStringLiteral("--rounds")) + 1).toInt()
                           : 5;

    // A typical bounce: SPF include chain of depth 2, DMARC, two DKIM selectors, ten blocklists.
    Test::DnsmasqServer server(
        {QStringLiteral("mx-host=customer.example,mx.customer.example,10"),
         QStringLiteral("host-record=mx.customer.example,198.51.100.25"),
         QStringLiteral("txt-record=shop.example,\"v=spf1 include:_spf.mailer.example -all\""),
         QStringLiteral(
             "txt-record=_spf.mailer.example,\"v=spf1 include:_spf2.mailer.example ~all\""),
         QStringLiteral("txt-record=_spf2.mailer.example,\"v=spf1 ip4:203.0.113.0/24 -all\""),
         QStringLiteral("txt-record=_dmarc.shop.example,\"v=DMARC1; p=quarantine; "
                        "rua=mailto:d@shop.example\""),
         QStringLiteral("txt-record=s1._domainkey.shop.example,\"v=DKIM1; p=\""),
         QStringLiteral("ptr-record=10.113.0.203.in-addr.arpa,out.mailer.example"),
         QStringLiteral("host-record=out.mailer.example,203.0.113.10")},
        {QStringLiteral("example"), QStringLiteral("org"), QStringLiteral("net"),
         QStringLiteral("com"), QStringLiteral("arpa")});
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "cannot start dnsmasq: %s\n", qPrintable(error));
        return 1;
    }
    DelayingProxy proxy(server.port(), delay);

    CheckInput input;
    input.recipient = QStringLiteral("ana@customer.example");
    input.sendingIp = QStringLiteral("203.0.113.10");
    input.sendingDomain = QStringLiteral("shop.example");
    input.fromAddress = QStringLiteral("orders@shop.example");
    input.dkimSelector = QString(); // the common selectors: more than two queries
    QList<qint64> times;
    int findings = 0;
    for (int round = 0; round < rounds; ++round) {
        AresResolver resolver({{proxy.address()}, 2000, 1});
        CheckRunner runner(&resolver);
        QObject::connect(&runner, &CheckRunner::findingReady, &app,
                         [&](const Finding &) { ++findings; });
        QElapsedTimer timer;
        timer.start();
        bool done = false;
        QObject::connect(&runner, &CheckRunner::finished, &app, [&] { done = true; });
        runner.start(input);
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        times.append(timer.elapsed());
    }
    std::sort(times.begin(), times.end());
    std::printf("all four steps, %d ms per DNS answer, %d rounds: median %lld ms, max %lld ms (%d "
                "findings per round)\n",
                delay, rounds, static_cast<long long>(times.at(times.size() / 2)),
                static_cast<long long>(times.last()), findings / rounds);
    return 0;
}
