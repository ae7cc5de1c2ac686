#include "checks/authrecords.h"
#include "checks/checkrunner.h"
#include "dns/aresresolver.h"
#include "dnsmasqserver.h"

#include <QTest>

using namespace BounceDoctor;
using BounceDoctor::Test::DnsmasqServer;
using BounceDoctor::Test::SilentDnsPort;

namespace {

// Real RSA public keys (DER, base64) of three sizes, made with openssl for these tests.
const char *rsa512 = "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAMVRolLgm+Ndkj7IM2ZthQH3m8+"
                     "cZtc1J3N9hN7YdAzp7/zerv6EWDhErcWNpBPPXnX7vZ8heVpUiCvRpUQxIAECAwEAAQ==";
const char *rsa1024 =
    "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDUCLxxiIxBUTnnLv/cP8cxBLex5xfRYsowK+D4ELS/"
    "m53MtVnQaoWxJ526xdWUCyzPzpoO4ZWSl8HMi5lNG95Pe3QevteO19JcQwVmi8sGX4p0WuGbtNdmDBx31u5tBBU0PfJhh7"
    "D+USiaGARQJicbcHk0+nbc559WM7Qkn1eS/wIDAQAB";
const char *rsa2048 =
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAw/"
    "clV2RXSNsNYEzbupZ5OjNhaj5FcQPWEBu+9KBWVuP63C7U0sNCW1AMa+0I0gc0QWvhC+7tR2Qy/to1gGO3KYBtM/"
    "sbHvGsXzonZEHzVEUKY8n2HAqWtSy1pAormVt5E4GKw0lSfWzHxtjWNcOyCkDlwSdc7BBUyE1g0VlshHzHz89Ih+"
    "WZwCU3lJRCvS2SsmkHI49sabTe0UM31rho/"
    "kZrc6oTXLiWCufmFVD3CtewykafDUteC+3Ivo+kJgkwd4qZEKlbTeSK9GnLKDENnlxoEZIjrO1UbeZ47vG8+"
    "x7bgxYz0KHmXlPl/04d6EC2wTCtNQEd8Sqfune56nPkKwIDAQAB";

} // namespace

// Step 3: SPF, DKIM and DMARC, parsers alone and against a real DNS server.
class TestAuthenticationCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dmarcParser_data();
    void dmarcParser();
    void dkimParser_data();
    void dkimParser();
    void spfParser_data();
    void spfParser();
    void live_data();
    void live();
    void alignment_data();
    void alignment();
    void timeoutIsCouldNotCheck();

private:
    QList<Finding> run(const CheckInput &input, const QString &server);
    std::unique_ptr<DnsmasqServer> m_server;
};

void TestAuthenticationCheck::initTestCase()
{
    const QString k2048 = QString::fromLatin1(rsa2048);
    auto chunks = [](const QString &text) {
        QStringList parts;
        for (qsizetype i = 0; i < text.size(); i += 200)
            parts.append(QLatin1Char('"') + text.mid(i, 200) + QLatin1Char('"'));
        return parts.join(QLatin1Char(','));
    };
    QStringList zone = {
        // good.test: SPF with an include chain of depth 2, DKIM 2048, DMARC reject
        QStringLiteral(
            "txt-record=good.test,\"v=spf1 ip4:192.0.2.0/24 include:_spf.provider.test -all\""),
        QStringLiteral("txt-record=_spf.provider.test,\"v=spf1 include:_spf2.provider.test ~all\""),
        QStringLiteral("txt-record=_spf2.provider.test,\"v=spf1 ip4:198.51.100.0/24 -all\""),
        QStringLiteral("txt-record=s1._domainkey.good.test,\"v=DKIM1; k=rsa; p=\",") +
            chunks(k2048),
        QStringLiteral(
            "txt-record=_dmarc.good.test,\"v=DMARC1; p=reject; rua=mailto:dmarc@good.test\""),
        // weak.test: +all, DKIM 1024 and revoked, DMARC p=none with external rua
        QStringLiteral("txt-record=weak.test,\"v=spf1 +all\""),
        QStringLiteral("txt-record=selector1._domainkey.weak.test,\"v=DKIM1; p=") +
            QString::fromLatin1(rsa1024) + QStringLiteral("\""),
        QStringLiteral("txt-record=selector2._domainkey.weak.test,\"v=DKIM1; p=\""),
        QStringLiteral(
            "txt-record=_dmarc.weak.test,\"v=DMARC1; p=none; rua=mailto:reports@collector.test\""),
        // bad.test: two SPF records, a 512-bit key, a broken DMARC record
        QStringLiteral("txt-record=bad.test,\"v=spf1 -all\""),
        QStringLiteral("txt-record=bad.test,\"v=spf1 mx -all\""),
        QStringLiteral("txt-record=k1._domainkey.bad.test,\"v=DKIM1; p=") +
            QString::fromLatin1(rsa512) + QStringLiteral("\""),
        QStringLiteral("txt-record=_dmarc.bad.test,\"v=DMARC1; p=sometimes; pct=150\""),
        // loop.test: include loop; many.test: over ten lookups
        QStringLiteral("txt-record=loop.test,\"v=spf1 include:loop2.test -all\""),
        QStringLiteral("txt-record=loop2.test,\"v=spf1 include:loop.test -all\""),
        QStringLiteral("txt-record=many.test,\"v=spf1 a mx include:m1.test include:m2.test -all\""),
        QStringLiteral("txt-record=m1.test,\"v=spf1 a mx ptr exists:x.test include:m2.test -all\""),
        QStringLiteral("txt-record=m2.test,\"v=spf1 a mx a:x.test mx:x.test -all\""),
        // sub.shop.test falls back to the organizational domain's DMARC (shop.test is a PSL-less
        // name here)
        QStringLiteral("txt-record=collector.test,\"v=spf1 -all\""),
    };
    m_server = std::make_unique<DnsmasqServer>(zone);
    QString error;
    if (!m_server->start(&error))
        QSKIP(qPrintable(QStringLiteral("no DNS server for the test: ") + error));
}

QList<Finding> TestAuthenticationCheck::run(const CheckInput &input, const QString &server)
{
    AresResolver resolver({{server}, 1500, 1});
    CheckRunner runner(&resolver);
    QList<Finding> findings;
    bool done = false;
    connect(&runner, &CheckRunner::findingReady, this,
            [&](const Finding &f) { findings.append(f); });
    connect(&runner, &CheckRunner::finished, this, [&] { done = true; });
    runner.start(input, {CheckStep::Authentication});
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        qWarning("check did not finish");
    return findings;
}

void TestAuthenticationCheck::dmarcParser_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("policy");
    QTest::newRow("reject")
        << "v=DMARC1; p=reject; rua=mailto:a@example.com; adkim=s; aspf=r; pct=50; fo=1:d" << true
        << "reject";
    QTest::newRow("minimal") << "v=DMARC1; p=none" << true << "none";
    QTest::newRow("no version first") << "p=reject; v=DMARC1" << false << "";
    QTest::newRow("bad policy") << "v=DMARC1; p=block" << false << "block";
    QTest::newRow("missing p") << "v=DMARC1; rua=mailto:a@example.com" << false << "";
    QTest::newRow("pct out of range") << "v=DMARC1; p=reject; pct=101" << false << "reject";
    QTest::newRow("rua not mailto")
        << "v=DMARC1; p=reject; rua=https://example.com" << false << "reject";
    QTest::newRow("bad alignment") << "v=DMARC1; p=reject; adkim=x" << false << "reject";
    QTest::newRow("unknown tag") << "v=DMARC1; p=reject; foo=bar" << false << "reject";
    QTest::newRow("bad fo") << "v=DMARC1; p=reject; fo=2" << false << "reject";
}

void TestAuthenticationCheck::dmarcParser()
{
    QFETCH(QString, record);
    QFETCH(bool, valid);
    QFETCH(QString, policy);
    const AuthRecords::DmarcRecord dmarc = AuthRecords::parseDmarc(record);
    QVERIFY2(dmarc.valid == valid, qPrintable(dmarc.problems.join(QStringLiteral("; "))));
    QCOMPARE(dmarc.policy, policy);
    if (!valid)
        QVERIFY(!dmarc.problems.isEmpty());
}

void TestAuthenticationCheck::dkimParser_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("revoked");
    QTest::addColumn<int>("bits");
    QTest::newRow("rsa 2048") << QStringLiteral("v=DKIM1; k=rsa; p=") + QString::fromLatin1(rsa2048)
                              << true << false << 2048;
    QTest::newRow("rsa 1024, no k")
        << QStringLiteral("v=DKIM1; p=") + QString::fromLatin1(rsa1024) << true << false << 1024;
    QTest::newRow("rsa 512") << QStringLiteral("p=") + QString::fromLatin1(rsa512) << true << false
                             << 512;
    QTest::newRow("revoked") << "v=DKIM1; p=" << true << true << 0;
    QTest::newRow("ed25519") << "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
                             << true << false << 256;
    QTest::newRow("no p") << "v=DKIM1; k=rsa" << false << false << 0;
    QTest::newRow("not base64") << "v=DKIM1; p=@@@@" << false << false << 0;
    QTest::newRow("not a key") << "v=DKIM1; p=aGVsbG8gd29ybGQ=" << false << false << 0;
}

void TestAuthenticationCheck::dkimParser()
{
    QFETCH(QString, record);
    QFETCH(bool, valid);
    QFETCH(bool, revoked);
    QFETCH(int, bits);
    const AuthRecords::DkimKey key = AuthRecords::parseDkimKey(record);
    QVERIFY2(key.valid == valid, qPrintable(key.problems.join(QStringLiteral("; "))));
    QCOMPARE(key.revoked, revoked);
    QCOMPARE(key.bits, bits);
}

void TestAuthenticationCheck::spfParser_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("all");
    QTest::addColumn<int>("lookups");
    QTest::newRow("typical")
        << "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.example.com mx -all" << true
        << "-" << 2;
    QTest::newRow("redirect") << "v=spf1 redirect=_spf.example.com" << true << "" << 1;
    QTest::newRow("plus all") << "v=spf1 +all" << true << "+" << 0;
    QTest::newRow("bare all") << "v=spf1 a ptr all" << true << "+" << 2;
    QTest::newRow("bad ip4") << "v=spf1 ip4:192.0.2.300 -all" << false << "-" << 0;
    QTest::newRow("bad cidr") << "v=spf1 ip4:192.0.2.0/33 -all" << false << "-" << 0;
    QTest::newRow("unknown term") << "v=spf1 include -all" << false << "-" << 1;
    QTest::newRow("garbage") << "v=spf1 hello -all" << false << "-" << 0;
    QTest::newRow("not spf") << "v=spf2 -all" << false << "" << 0;
}

void TestAuthenticationCheck::spfParser()
{
    QFETCH(QString, record);
    QFETCH(bool, valid);
    QFETCH(QString, all);
    QFETCH(int, lookups);
    const AuthRecords::SpfRecord spf = AuthRecords::parseSpf(record);
    QVERIFY2(spf.valid == valid, qPrintable(spf.problems.join(QStringLiteral("; "))));
    QCOMPARE(spf.allQualifier, all);
    QCOMPARE(spf.lookupTerms, lookups);
}

void TestAuthenticationCheck::live_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("id");
    QTest::addColumn<FindingStatus>("status");
    QTest::newRow("spf ok") << "good.test"
                            << ""
                            << "spf.record" << FindingStatus::Ok;
    QTest::newRow("spf include chain in limits") << "good.test"
                                                 << ""
                                                 << "spf.limits" << FindingStatus::Ok;
    QTest::newRow("dkim 2048 given selector") << "good.test"
                                              << "s1"
                                              << "dkim.s1" << FindingStatus::Ok;
    QTest::newRow("dmarc reject") << "good.test"
                                  << ""
                                  << "dmarc.record" << FindingStatus::Ok;
    QTest::newRow("spf +all") << "weak.test"
                              << ""
                              << "spf.record" << FindingStatus::Problem;
    QTest::newRow("dkim 1024") << "weak.test"
                               << ""
                               << "dkim.selector1" << FindingStatus::Warning;
    QTest::newRow("dkim revoked") << "weak.test"
                                  << ""
                                  << "dkim.selector2" << FindingStatus::Warning;
    QTest::newRow("dmarc p=none") << "weak.test"
                                  << ""
                                  << "dmarc.record" << FindingStatus::Warning;
    QTest::newRow("external rua not authorized")
        << "weak.test"
        << ""
        << "dmarc.rua.collector.test" << FindingStatus::Warning;
    QTest::newRow("two spf records") << "bad.test"
                                     << ""
                                     << "spf.record" << FindingStatus::Problem;
    QTest::newRow("dkim 512") << "bad.test"
                              << ""
                              << "dkim.k1" << FindingStatus::Problem;
    QTest::newRow("dmarc broken") << "bad.test"
                                  << ""
                                  << "dmarc.record" << FindingStatus::Problem;
    QTest::newRow("spf loop") << "loop.test"
                              << ""
                              << "spf.limits" << FindingStatus::Problem;
    QTest::newRow("spf over ten lookups") << "many.test"
                                          << ""
                                          << "spf.limits" << FindingStatus::Problem;
    QTest::newRow("no spf") << "collector.test"
                            << ""
                            << "dmarc.record" << FindingStatus::Warning;
    QTest::newRow("no dkim found") << "collector.test"
                                   << ""
                                   << "dkim.none" << FindingStatus::Warning;
    QTest::newRow("no such domain") << "missing.test"
                                    << ""
                                    << "spf.record" << FindingStatus::Problem;
}

void TestAuthenticationCheck::live()
{
    QFETCH(QString, domain);
    QFETCH(QString, selector);
    QFETCH(QString, id);
    QFETCH(FindingStatus, status);
    CheckInput input;
    input.sendingDomain = domain;
    input.fromAddress = QStringLiteral("billing@") + domain;
    input.dkimSelector = selector;
    const QList<Finding> findings = run(input, m_server->address());
    QStringList seen;
    for (const Finding &f : findings) {
        seen.append(f.id + QLatin1Char('=') + findingStatusName(f.status) + QStringLiteral(": ") +
                    f.title);
        if (f.id == id) {
            QVERIFY2(f.status == status, qPrintable(seen.last()));
            QCOMPARE(f.step, CheckStep::Authentication);
            return;
        }
    }
    QFAIL(qPrintable(id + QStringLiteral(" missing; got:\n") + seen.join(QLatin1Char('\n'))));
}

void TestAuthenticationCheck::alignment_data()
{
    QTest::addColumn<QString>("spfDomain");
    QTest::addColumn<QString>("dkimDomain");
    QTest::addColumn<FindingStatus>("status");
    QTest::newRow("both aligned") << "good.test"
                                  << "good.test" << FindingStatus::Ok;
    QTest::newRow("dkim of the provider only") << "bounces.provider.test"
                                               << "provider.test" << FindingStatus::Problem;
    QTest::newRow("spf aligned only") << "good.test"
                                      << "provider.test" << FindingStatus::Ok;
}

void TestAuthenticationCheck::alignment()
{
    QFETCH(QString, spfDomain);
    QFETCH(QString, dkimDomain);
    QFETCH(FindingStatus, status);
    CheckInput input;
    input.sendingDomain = QStringLiteral("good.test");
    input.fromAddress = QStringLiteral("Billing <billing@good.test>");
    input.authenticationResults = {{QStringLiteral("spf"),
                                    QStringLiteral("pass"),
                                    spfDomain,
                                    {},
                                    QStringLiteral("mx.example")},
                                   {QStringLiteral("dkim"), QStringLiteral("pass"), dkimDomain,
                                    QStringLiteral("s1"), QStringLiteral("mx.example")}};
    const QList<Finding> findings = run(input, m_server->address());
    for (const Finding &f : findings) {
        if (f.id == QLatin1String("dmarc.alignment")) {
            QCOMPARE(f.status, status);
            return;
        }
    }
    QFAIL("no alignment finding");
}

void TestAuthenticationCheck::timeoutIsCouldNotCheck()
{
    SilentDnsPort silent;
    CheckInput input;
    input.sendingDomain = QStringLiteral("good.test");
    input.dkimSelector = QStringLiteral("s1");
    const QList<Finding> findings = run(input, silent.address());
    QVERIFY(findings.size() >= 3);
    for (const Finding &f : findings)
        QCOMPARE(f.status, FindingStatus::CouldNotCheck);
}

QTEST_GUILESS_MAIN(TestAuthenticationCheck)
#include "tst_authenticationcheck.moc"
