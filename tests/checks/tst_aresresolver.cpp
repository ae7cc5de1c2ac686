#include "dns/aresresolver.h"
#include "dnsmasqserver.h"

#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace BounceDoctor;
using BounceDoctor::Test::DnsmasqServer;
using BounceDoctor::Test::SilentDnsPort;

// c-ares against a real dnsmasq on loopback.
class TestAresResolver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void answers_data();
    void answers();
    void timeoutIsNotAnAnswer();
    void cancelStopsEveryQuery();
    void queriesRunInParallel();
    void badServerIsReported();
    void hugeTimeoutStillAnswers();

private:
    DnsAnswer ask(AresResolver &resolver, const QString &name, DnsType type);
    std::unique_ptr<DnsmasqServer> m_server;
};

void TestAresResolver::initTestCase()
{
    m_server = std::make_unique<DnsmasqServer>(QStringList{
        QStringLiteral("host-record=mail.example.test,192.0.2.10,2001:db8::10"),
        QStringLiteral("mx-host=example.test,mail.example.test,10"),
        QStringLiteral("mx-host=example.test,backup.example.test,20"),
        QStringLiteral("txt-record=example.test,\"v=spf1 ip4:192.0.2.0/24\",\" -all\""),
        QStringLiteral("txt-record=_dmarc.example.test,\"v=DMARC1; p=reject\""),
        QStringLiteral("ptr-record=10.2.0.192.in-addr.arpa,mail.example.test"),
        QStringLiteral("host-record=onlyv4.example.test,192.0.2.20"),
    });
    QString error;
    if (!m_server->start(&error))
        QSKIP(qPrintable(QStringLiteral("no DNS server for the test: ") + error));
}

DnsAnswer TestAresResolver::ask(AresResolver &resolver, const QString &name, DnsType type)
{
    DnsAnswer result;
    bool done = false;
    resolver.lookup(name, type, this, [&](const DnsAnswer &answer) {
        result = answer;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
    return result;
}

void TestAresResolver::answers_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<DnsType>("type");
    QTest::addColumn<DnsStatus>("status");
    QTest::addColumn<QStringList>("values");

    QTest::newRow("A") << "mail.example.test" << DnsType::A << DnsStatus::Ok
                       << QStringList{QStringLiteral("192.0.2.10")};
    QTest::newRow("AAAA") << "mail.example.test" << DnsType::AAAA << DnsStatus::Ok
                          << QStringList{QStringLiteral("2001:db8::10")};
    QTest::newRow("MX") << "example.test" << DnsType::MX << DnsStatus::Ok
                        << QStringList{QStringLiteral("mail.example.test"),
                                       QStringLiteral("backup.example.test")};
    QTest::newRow("TXT joins strings")
        << "example.test" << DnsType::TXT << DnsStatus::Ok
        << QStringList{QStringLiteral("v=spf1 ip4:192.0.2.0/24 -all")};
    QTest::newRow("PTR") << "10.2.0.192.in-addr.arpa" << DnsType::PTR << DnsStatus::Ok
                         << QStringList{QStringLiteral("mail.example.test")};
    QTest::newRow("NXDOMAIN") << "nothing.example.test" << DnsType::A << DnsStatus::NxDomain
                              << QStringList{};
    QTest::newRow("NODATA") << "onlyv4.example.test" << DnsType::AAAA << DnsStatus::Ok
                            << QStringList{};
}

void TestAresResolver::answers()
{
    QFETCH(QString, name);
    QFETCH(DnsType, type);
    QFETCH(DnsStatus, status);
    QFETCH(QStringList, values);
    AresResolver resolver({{m_server->address()}, 2000, 1});
    QVERIFY2(resolver.setupError().isEmpty(), qPrintable(resolver.setupError()));
    const DnsAnswer answer = ask(resolver, name, type);
    QCOMPARE(answer.status, status);
    QStringList got;
    for (const DnsRecord &record : answer.records)
        got.append(record.value);
    std::sort(got.begin(), got.end());
    std::sort(values.begin(), values.end());
    QCOMPARE(got, values);
    if (type == DnsType::TXT)
        QCOMPARE(answer.records.first().texts.size(), 2); // the two character-strings, unjoined
}

void TestAresResolver::timeoutIsNotAnAnswer()
{
    SilentDnsPort silent;
    AresResolver resolver({{silent.address()}, 300, 1});
    const DnsAnswer answer = ask(resolver, QStringLiteral("mail.example.test"), DnsType::A);
    QCOMPARE(answer.status, DnsStatus::Timeout);
    QVERIFY(!answer.answered());
    QVERIFY(!answer.errorText.isEmpty());
}

void TestAresResolver::cancelStopsEveryQuery()
{
    SilentDnsPort silent;
    AresResolver resolver({{silent.address()}, 5000, 2});
    int cancelled = 0;
    for (int i = 0; i < 5; ++i) {
        resolver.lookup(QStringLiteral("q%1.example.test").arg(i), DnsType::A, this,
                        [&](const DnsAnswer &answer) {
                            if (answer.status == DnsStatus::Cancelled)
                                ++cancelled;
                        });
    }
    resolver.cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled, 5, 2000);
}

void TestAresResolver::queriesRunInParallel()
{
    AresResolver resolver({{m_server->address()}, 2000, 1});
    int answered = 0;
    for (int i = 0; i < 50; ++i) {
        resolver.lookup(QStringLiteral("mail.example.test"), DnsType::A, this,
                        [&](const DnsAnswer &answer) {
                            if (answer.status == DnsStatus::Ok)
                                ++answered;
                        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, 50, 5000);
}

void TestAresResolver::badServerIsReported()
{
    AresResolver resolver({{QStringLiteral("not-an-ip")}, 1000, 1});
    QVERIFY(!resolver.setupError().isEmpty());
    const DnsAnswer answer = ask(resolver, QStringLiteral("mail.example.test"), DnsType::A);
    QCOMPARE(answer.status, DnsStatus::Error);
    QVERIFY(answer.errorText.contains(QLatin1String("not-an-ip")));
}

void TestAresResolver::hugeTimeoutStillAnswers()
{
    // --timeout 2147483647: the retry timer's milliseconds once overflowed an int (UBSan).
    AresResolver resolver({{m_server->address()}, std::numeric_limits<int>::max(), 2});
    QVERIFY(resolver.setupError().isEmpty());
    const DnsAnswer answer = ask(resolver, QStringLiteral("mail.example.test"), DnsType::A);
    QCOMPARE(answer.status, DnsStatus::Ok);

    // A silent server with that timeout: the query is still waiting, not failed at once.
    SilentDnsPort silent;
    AresResolver patient({{silent.address()}, std::numeric_limits<int>::max(), 2});
    bool answered = false;
    patient.lookup(QStringLiteral("mail.example.test"), DnsType::A, this,
                   [&](const DnsAnswer &) { answered = true; });
    QTest::qWait(200);
    QVERIFY(!answered);
    patient.cancelAll();
    QTRY_VERIFY(answered);
}

QTEST_GUILESS_MAIN(TestAresResolver)
#include "tst_aresresolver.moc"
