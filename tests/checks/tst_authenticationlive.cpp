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

// Step 3 against a real DNS server on loopback: ok, warning, problem and could-not-check.
class TestAuthenticationLive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void live_data();
    void live();
    void alignment_data();
    void alignment();
    void timeoutIsCouldNotCheck();
    void typedInputWins_data();
    void typedInputWins();

private:
    QList<Finding> run(const CheckInput &input, const QString &server);
    std::unique_ptr<DnsmasqServer> m_server;
};

void TestAuthenticationLive::initTestCase()
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

QList<Finding> TestAuthenticationLive::run(const CheckInput &input, const QString &server)
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

void TestAuthenticationLive::live_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("id");
    QTest::addColumn<FindingStatus>("status");
    QTest::newRow("spf ok") << "good.test"
                            << ""
                            << "spf.record" << FindingStatus::Ok;
    QTest::newRow("spf passes for an ip in the include chain") << "good.test"
                                                               << ""
                                                               << "spf.result" << FindingStatus::Ok;
    QTest::newRow("dkim 2048 given selector") << "good.test"
                                              << "s1"
                                              << "dkim.key.s1" << FindingStatus::Ok;
    QTest::newRow("dmarc reject") << "good.test"
                                  << ""
                                  << "dmarc.record" << FindingStatus::Ok;
    QTest::newRow("spf +all") << "weak.test"
                              << ""
                              << "spf.plus-all" << FindingStatus::Problem;
    QTest::newRow("dkim 1024 is acceptable") << "weak.test"
                                             << ""
                                             << "dkim.key.selector1" << FindingStatus::Ok;
    QTest::newRow("dkim revoked") << "weak.test"
                                  << ""
                                  << "dkim.key.selector2" << FindingStatus::Problem;
    QTest::newRow("dmarc p=none") << "weak.test"
                                  << ""
                                  << "dmarc.record" << FindingStatus::Ok;
    QTest::newRow("external rua not authorized")
        << "weak.test"
        << ""
        << "dmarc.report.collector.test" << FindingStatus::Warning;
    QTest::newRow("two spf records") << "bad.test"
                                     << ""
                                     << "spf.multiple" << FindingStatus::Problem;
    QTest::newRow("dkim 512") << "bad.test"
                              << ""
                              << "dkim.key.k1" << FindingStatus::Warning;
    QTest::newRow("dmarc broken") << "bad.test"
                                  << ""
                                  << "dmarc.record" << FindingStatus::Problem;
    QTest::newRow("spf loop") << "loop.test"
                              << ""
                              << "spf.loop" << FindingStatus::Problem;
    QTest::newRow("spf void lookups") << "many.test"
                                      << ""
                                      << "spf.void-lookups" << FindingStatus::Problem;
    QTest::newRow("no dmarc") << "collector.test"
                              << ""
                              << "dmarc.record" << FindingStatus::Problem;
    QTest::newRow("no dkim found") << "collector.test"
                                   << ""
                                   << "dkim.keys" << FindingStatus::Warning;
    QTest::newRow("no such domain") << "missing.test"
                                    << ""
                                    << "spf.none" << FindingStatus::Problem;
}

void TestAuthenticationLive::live()
{
    QFETCH(QString, domain);
    QFETCH(QString, selector);
    QFETCH(QString, id);
    QFETCH(FindingStatus, status);
    CheckInput input;
    input.sendingDomain = domain;
    input.fromAddress = QStringLiteral("billing@") + domain;
    input.dkimSelector = selector;
    input.sendingIp = QStringLiteral("198.51.100.7"); // listed through good.test's include chain
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

void TestAuthenticationLive::alignment_data()
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

void TestAuthenticationLive::alignment()
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

void TestAuthenticationLive::timeoutIsCouldNotCheck()
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

void TestAuthenticationLive::typedInputWins_data()
{
    QTest::addColumn<bool>("typed");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("from");
    QTest::addColumn<FindingStatus>("status");
    // The bounce: From news@weak.test, signed d=bad.test s=k1. The user types good.test and s1.
    QTest::newRow("typed: spf") << true << "spf.record"
                                << "good.test"
                                << "typed" << FindingStatus::Ok;
    QTest::newRow("typed: dkim") << true << "dkim.key.s1"
                                 << "good.test"
                                 << "typed" << FindingStatus::Ok;
    QTest::newRow("typed: dmarc") << true << "dmarc.record"
                                  << "good.test"
                                  << "typed" << FindingStatus::Ok;
    QTest::newRow("bounce: spf") << false << "spf.plus-all"
                                 << "weak.test"
                                 << "from-address" << FindingStatus::Problem;
    QTest::newRow("bounce: dkim") << false << "dkim.key.k1"
                                  << "bad.test"
                                  << "dkim-signature" << FindingStatus::Warning;
    QTest::newRow("bounce: dmarc") << false << "dmarc.record"
                                   << "weak.test"
                                   << "from-address" << FindingStatus::Ok;
}

void TestAuthenticationLive::typedInputWins()
{
    QFETCH(bool, typed);
    QFETCH(QString, id);
    QFETCH(QString, domain);
    QFETCH(QString, from);
    QFETCH(FindingStatus, status);
    CheckInput input;
    input.fromAddress = QStringLiteral("Weekly News <news@weak.test>");
    input.sendingDomain = QStringLiteral("weak.test");
    input.dkimDomain = QStringLiteral("bad.test");
    input.dkimSelector = QStringLiteral("k1");
    if (typed) {
        input.sendingDomain = QStringLiteral("good.test");
        input.dkimSelector = QStringLiteral("s1");
        input.typed = TypedField::SendingDomain | TypedField::DkimSelector;
    }
    const QList<Finding> findings = run(input, m_server->address());
    const Finding *found = nullptr;
    for (const Finding &f : findings) {
        if (f.id == id)
            found = &f;
        // Nothing of the run checks a domain other than what it was told to.
        for (const CheckedValue &value : f.checked) {
            if (typed && value.what == QLatin1String("domain"))
                QVERIFY2(value.value == QLatin1String("good.test") ||
                             f.id == QLatin1String("dmarc.alignment"),
                         qPrintable(f.id + QStringLiteral(": ") + value.value));
        }
    }
    QVERIFY2(found, qPrintable(id + QStringLiteral(" missing")));
    QCOMPARE(found->status, status);
    QVERIFY(!found->checked.isEmpty());
    QCOMPARE(found->checked.first().what, QStringLiteral("domain"));
    QCOMPARE(found->checked.first().value, domain);
    QCOMPARE(inputOriginName(found->checked.first().from), from);
    if (id.startsWith(QLatin1String("dkim.key."))) {
        QCOMPARE(found->checked.size(), 2);
        QCOMPARE(found->checked.at(1).value, id.mid(9));
        QCOMPARE(inputOriginName(found->checked.at(1).from),
                 typed ? QStringLiteral("typed") : QStringLiteral("dkim-signature"));
    }
}

QTEST_GUILESS_MAIN(TestAuthenticationLive)
#include "tst_authenticationlive.moc"
