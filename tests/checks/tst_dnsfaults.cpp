// DNS going wrong in every way a resolver meets: each fault becomes a plain "could not check"
// reason, never a pass, a fail or a listing. A FakeDnsServer on loopback produces the faults.

#include "checks/checkrunner.h"
#include "dns/aresresolver.h"
#include "fakednsserver.h"

#include <QTest>
#include <QUdpSocket>

using namespace BounceDoctor;
using BounceDoctor::Test::FakeDnsServer;

Q_DECLARE_METATYPE(BounceDoctor::DnsStatus)

class TestDnsFaults final : public QObject
{
    Q_OBJECT

private:
    DnsAnswer ask(const QString &server, const QString &name, int timeoutMs = 500)
    {
        AresResolver resolver({{server}, timeoutMs, 1});
        DnsAnswer result;
        bool done = false;
        resolver.lookup(name, DnsType::TXT, this, [&](const DnsAnswer &answer) {
            result = answer;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            result.errorText = QStringLiteral("the test gave up waiting");
        return result;
    }

private Q_SLOTS:
    void faults_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<DnsStatus>("status");
        QTest::addColumn<QString>("text"); // the TXT answer, or words of the error text

        QTest::newRow("healthy") << "ok.fault.test" << DnsStatus::Ok << "ok";
        QTest::newRow("SERVFAIL") << "servfail.fault.test" << DnsStatus::ServFail << "SERVFAIL";
        QTest::newRow("REFUSED") << "refused.fault.test" << DnsStatus::Refused << "REFUSED";
        QTest::newRow("NXDOMAIN") << "nothing.fault.test" << DnsStatus::NxDomain << "";
        // An answer with another ID or for another name could be spoofed: it is dropped and
        // the query times out rather than take it.
        QTest::newRow("mismatched ID") << "wrongid.fault.test" << DnsStatus::Timeout << "in time";
        QTest::newRow("mismatched name")
            << "wrongname.fault.test" << DnsStatus::Timeout << "in time";
        QTest::newRow("garbage") << "garbage.fault.test" << DnsStatus::Timeout << "in time";
    }

    void faults()
    {
        QFETCH(QString, name);
        QFETCH(DnsStatus, status);
        QFETCH(QString, text);
        FakeDnsServer server;
        QVERIFY(server.isListening());
        const DnsAnswer answer = ask(server.address(), name);
        QCOMPARE(dnsStatusName(answer.status), dnsStatusName(status));
        if (status == DnsStatus::Ok) {
            QCOMPARE(answer.records.size(), 1);
            QCOMPARE(answer.records.first().value, text);
        } else {
            QVERIFY(answer.records.isEmpty());
            QVERIFY2(answer.errorText.contains(text), qPrintable(answer.errorText));
        }
    }

    // A UDP answer with the TC bit set is retried over TCP, and the full answer arrives.
    void truncatedAnswerFallsBackToTcp()
    {
        FakeDnsServer server;
        QVERIFY(server.isListening());
        const DnsAnswer answer =
            ask(server.address(), QStringLiteral("truncated.fault.test"), 2000);
        QCOMPARE(dnsStatusName(answer.status), dnsStatusName(DnsStatus::Ok));
        QCOMPARE(answer.records.size(), 1);
        QCOMPARE(answer.records.first().value.toLatin1(), FakeDnsServer::bigText());
        QVERIFY(server.udpQueries() >= 1);
        QVERIFY(server.tcpQueries() >= 1);
    }

    // Nothing listens: the answer says so instead of hanging or passing.
    void nothingListens()
    {
        quint16 port = 0;
        {
            QUdpSocket probe;
            QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
            port = probe.localPort();
        } // closed again: the port now refuses
        const DnsAnswer answer =
            ask(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("ok.fault.test"));
        QVERIFY2(!answer.answered(), qPrintable(dnsStatusName(answer.status)));
        QVERIFY(!answer.errorText.isEmpty());
    }

    // The checks turn each fault into "could not check: <reason>", with the reason in words.
    void checksSayCouldNotCheck_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("reason");
        QTest::newRow("SERVFAIL") << "servfail.fault.test"
                                  << "SERVFAIL";
        QTest::newRow("REFUSED") << "refused.fault.test"
                                 << "REFUSED";
        QTest::newRow("mismatched") << "wrongid.fault.test"
                                    << "in time";
    }

    void checksSayCouldNotCheck()
    {
        QFETCH(QString, domain);
        QFETCH(QString, reason);
        FakeDnsServer server;
        AresResolver resolver({{server.address()}, 300, 1});
        CheckRunner runner(&resolver);
        QList<Finding> findings;
        bool done = false;
        connect(&runner, &CheckRunner::findingReady, this,
                [&](const Finding &f) { findings.append(f); });
        connect(&runner, &CheckRunner::finished, this, [&] { done = true; });
        CheckInput input;
        input.recipient = QStringLiteral("ana@") + domain;
        input.sendingDomain = domain;
        runner.start(input, {CheckStep::VerifyAddress, CheckStep::Authentication});
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        int couldNotCheck = 0;
        for (const Finding &f : std::as_const(findings)) {
            // The fake server says "no such name" for the names every run probes: rightly
            // named as a broken resolver, a cause of its own.
            if (f.id == QLatin1String("address.syntax") || f.id == QLatin1String("dns.resolver"))
                continue;
            QVERIFY2(f.status != FindingStatus::Ok && f.status != FindingStatus::Problem,
                     qPrintable(f.id + QStringLiteral(": ") + f.title));
            if (f.status == FindingStatus::CouldNotCheck) {
                ++couldNotCheck;
                QVERIFY2(f.title.contains(reason) || f.detail.contains(reason),
                         qPrintable(f.title + QStringLiteral(" / ") + f.detail));
            }
        }
        QVERIFY(couldNotCheck >= 2);
    }
};

QTEST_GUILESS_MAIN(TestDnsFaults)
#include "tst_dnsfaults.moc"
