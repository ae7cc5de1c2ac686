#include "dns/dnsresolver.h"

#include <QTest>

using namespace BounceDoctor;

// Every check writes its DNS answers into the evidence the same way.
class TestDnsEvidence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lines_data();
    void lines();
};

namespace {

DnsRecord record(DnsType type, const QString &value, int preference = 0,
                 const QStringList &texts = {})
{
    DnsRecord r;
    r.type = type;
    r.value = value;
    r.preference = preference;
    r.texts = texts;
    return r;
}

} // namespace

void TestDnsEvidence::lines_data()
{
    QTest::addColumn<DnsType>("type");
    QTest::addColumn<DnsStatus>("status");
    QTest::addColumn<QString>("errorText");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QList<DnsRecord>>("records");
    QTest::addColumn<QString>("line");
    QTest::newRow("mx with preferences")
        << DnsType::MX << DnsStatus::Ok << QString() << QStringLiteral("127.0.0.1")
        << QList<DnsRecord>{record(DnsType::MX, QStringLiteral("mx1.example.org"), 10),
                            record(DnsType::MX, QStringLiteral("mx2.example.org"), 20)}
        << QStringLiteral("MX example.org -> 10 mx1.example.org, 20 mx2.example.org (127.0.0.1)");
    QTest::newRow("txt strings quoted")
        << DnsType::TXT << DnsStatus::Ok << QString() << QString()
        << QList<DnsRecord>{record(DnsType::TXT, QStringLiteral("v=spf1 -all"), 0,
                                   {QStringLiteral("v=spf1 "), QStringLiteral("-all")})}
        << QStringLiteral("TXT example.org -> \"v=spf1 \" \"-all\"");
    QTest::newRow("no records") << DnsType::A << DnsStatus::Ok << QString() << QString()
                                << QList<DnsRecord>{}
                                << QStringLiteral("A example.org -> (no records)");
    QTest::newRow("nxdomain") << DnsType::A << DnsStatus::NxDomain << QString() << QString()
                              << QList<DnsRecord>{} << QStringLiteral("A example.org -> NXDOMAIN");
    QTest::newRow("timeout with the resolver's words")
        << DnsType::TXT << DnsStatus::Timeout << QStringLiteral("no answer in 5 s")
        << QStringLiteral("192.0.2.53") << QList<DnsRecord>{}
        << QStringLiteral("TXT example.org -> timeout (no answer in 5 s) (192.0.2.53)");
    QTest::newRow("failure without words")
        << DnsType::PTR << DnsStatus::ServFail << QString() << QString() << QList<DnsRecord>{}
        << QStringLiteral("PTR example.org -> servfail");
}

void TestDnsEvidence::lines()
{
    QFETCH(DnsType, type);
    QFETCH(DnsStatus, status);
    QFETCH(QString, errorText);
    QFETCH(QString, server);
    QFETCH(QList<DnsRecord>, records);
    QFETCH(QString, line);
    DnsAnswer answer;
    answer.name = QStringLiteral("example.org");
    answer.type = type;
    answer.status = status;
    answer.errorText = errorText;
    answer.server = server;
    answer.records = records;
    QCOMPARE(dnsEvidence(answer), line);
}

QTEST_GUILESS_MAIN(TestDnsEvidence)
#include "tst_dnsevidence.moc"
