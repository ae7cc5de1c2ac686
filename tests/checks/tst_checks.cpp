#include "checks/addresscheck.h"
#include "checks/blocklistcheck.h"
#include "checks/bulksender.h"
#include "checks/checkrunner.h"
#include "checks/resolverprobe.h"
#include "dns/aresresolver.h"
#include "dns/cachingresolver.h"
#include "dnsmasqserver.h"

#include <QTest>

using namespace BounceDoctor;
using BounceDoctor::Test::DnsmasqServer;
using BounceDoctor::Test::SilentDnsPort;

// Steps 1, 2 and 4 against a real DNS server on loopback.
class TestChecks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void syntax_data();
    void syntax();
    void reversedNames_data();
    void reversedNames();
    void address_data();
    void address();
    void blocklists_data();
    void blocklists();
    void reverseDns_data();
    void reverseDns();
    void dnsFailureIsNeverPassOrFail();
    void contactDraft();
    void contactAtAProviderGoesToItsPages();
    void cancelStopsTheRun();
    void cancelLeavesOtherRunsAlone();
    void identicalQuestionsAreAskedOnce();
    void probeNamesAreServed();
    void bulkSenderRules_data();
    void bulkSenderRules();
    void bulkSenderRulesEndAFullRun();
    void brokenResolver_data();
    void brokenResolver();
    void unprovenResolverKeepsRecords();

private:
    QList<Finding> run(DnsResolver &resolver, const CheckInput &input, CheckStep step,
                       BlocklistCheck::Options options = {});
    static const Finding *find(const QList<Finding> &findings, const QString &id);
    std::unique_ptr<DnsmasqServer> m_server;
};

void TestChecks::initTestCase()
{
    m_server = std::make_unique<DnsmasqServer>(
        QStringList{
            // recipient domains
            QStringLiteral("mx-host=shop.test,mx1.shop.test,10"),
            QStringLiteral("host-record=mx1.shop.test,192.0.2.25"),
            QStringLiteral("mx-host=brokenmx.test,nowhere.brokenmx.test,10"),
            QStringLiteral("mx-host=nomail.test,.,0"),
            QStringLiteral("host-record=webonly.test,192.0.2.80"),
            QStringLiteral("mx-host=m365.test,m365-test.mail.protection.outlook.com,0"),
            QStringLiteral("host-record=m365-test.mail.protection.outlook.com,192.0.2.30"),
            // blocklists: 192.0.2.99 is listed, 192.0.2.98 gets Spamhaus' "public resolver" error
            QStringLiteral("host-record=99.2.0.192.zen.spamhaus.org,127.0.0.2"),
            QStringLiteral("host-record=98.2.0.192.zen.spamhaus.org,127.255.255.254"),
            QStringLiteral("host-record=99.2.0.192.bl.spamcop.net,127.0.0.2"),
            QStringLiteral("host-record=spammy.test.multi.uribl.com,127.0.0.2"),
            QStringLiteral("host-record=refused.test.multi.uribl.com,127.0.0.1"),
            QStringLiteral("host-record=phish.test.multi.surbl.org,127.0.0.8"),
            QStringLiteral("host-record=mykey.zen.dq.spamhaus.net,127.0.0.1"),
            QStringLiteral("host-record=99.2.0.192.mykey.zen.dq.spamhaus.net,127.0.0.4"),
            // the lists' test points (RFC 5782 section 5, and the lists' own)
            QStringLiteral("host-record=2.0.0.127.zen.spamhaus.org,127.0.0.2"),
            QStringLiteral("host-record=2.0.0.127.mykey.zen.dq.spamhaus.net,127.0.0.2"),
            QStringLiteral("host-record=2.0.0.127.bl.spamcop.net,127.0.0.2"),
            QStringLiteral("host-record=test.uribl.com.multi.uribl.com,127.0.0.14"),
            QStringLiteral("host-record=test.surbl.org.multi.surbl.org,127.0.0.254"),
            // PSBL's test point is missing: this server does not give the list's answers
            QStringLiteral("host-record=99.2.0.192.psbl.surriel.com,127.0.0.2"),
            // Mailspike's never-listed test point is listed: it answers everything
            QStringLiteral("host-record=2.0.0.127.bl.mailspike.net,127.0.0.2"),
            QStringLiteral("host-record=1.0.0.127.bl.mailspike.net,127.0.0.2"),
            // a DQS key Spamhaus refuses: its test points get the "public resolver" code
            QStringLiteral("host-record=2.0.0.127.badkey.zen.dq.spamhaus.net,127.255.255.254"),
            QStringLiteral("host-record=1.0.0.127.badkey.zen.dq.spamhaus.net,127.255.255.254"),
            // reverse DNS
            QStringLiteral("ptr-record=99.2.0.192.in-addr.arpa,mail.sender.test"),
            QStringLiteral("host-record=mail.sender.test,192.0.2.99"),
            QStringLiteral("ptr-record=97.2.0.192.in-addr.arpa,liar.sender.test"),
            QStringLiteral("host-record=liar.sender.test,192.0.2.1"),
        },
        QStringList{QStringLiteral("test"), QStringLiteral("spamhaus.org"),
                    QStringLiteral("spamcop.net"), QStringLiteral("uribl.com"),
                    QStringLiteral("surbl.org"), QStringLiteral("spamhaus.net"),
                    QStringLiteral("in-addr.arpa"), QStringLiteral("outlook.com"),
                    QStringLiteral("surriel.com"), QStringLiteral("mailspike.net")});
    QString error;
    if (!m_server->start(&error))
        QSKIP(qPrintable(QStringLiteral("no DNS server for the test: ") + error));
}

QList<Finding> TestChecks::run(DnsResolver &resolver, const CheckInput &input, CheckStep step,
                               BlocklistCheck::Options options)
{
    CheckRunner runner(&resolver);
    runner.setBlocklistOptions(options);
    QList<Finding> findings;
    bool done = false;
    connect(&runner, &CheckRunner::findingReady, this,
            [&](const Finding &f) { findings.append(f); });
    connect(&runner, &CheckRunner::finished, this, [&] { done = true; });
    runner.start(input, {step});
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("check did not finish");
    return findings;
}

const Finding *TestChecks::find(const QList<Finding> &findings, const QString &id)
{
    for (const Finding &f : findings) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

void TestChecks::syntax_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("ascii");
    QTest::newRow("plain") << "jo.smith@example.com" << true << "example.com";
    QTest::newRow("plus tag") << "jo+news@example.com" << true << "example.com";
    QTest::newRow("quoted local") << "\"jo smith\"@example.com" << true << "example.com";
    QTest::newRow("idn") << QStringLiteral("anna@bücher.example") << true
                         << "xn--bcher-kva.example";
    QTest::newRow("utf-8 local") << QStringLiteral("用户@example.com") << true << "example.com";
    QTest::newRow("address literal") << "jo@[192.0.2.1]" << true << "[192.0.2.1]";
    QTest::newRow("no at") << "jo.example.com" << false << "";
    QTest::newRow("double dot") << "jo..smith@example.com" << false << "";
    QTest::newRow("leading dot") << ".jo@example.com" << false << "";
    QTest::newRow("space") << "jo smith@example.com" << false << "";
    QTest::newRow("comma") << "jo,smith@example.com" << false << "";
    QTest::newRow("no dot in domain") << "jo@localhost" << false << "";
    QTest::newRow("bad label") << "jo@-bad-.example" << false << "";
    QTest::newRow("long local") << QString(65, QLatin1Char('a')) + QStringLiteral("@example.com")
                                << false << "";
    QTest::newRow("unclosed quote") << "\"jo@example.com" << false << "";
}

void TestChecks::syntax()
{
    QFETCH(QString, address);
    QFETCH(bool, valid);
    QFETCH(QString, ascii);
    const AddressCheck::Syntax s = AddressCheck::parse(address);
    QVERIFY2(s.valid == valid, qPrintable(s.problem));
    if (valid)
        QCOMPARE(s.asciiDomain, ascii);
    else
        QVERIFY(!s.problem.isEmpty());
}

void TestChecks::reversedNames_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("reversed");
    QTest::newRow("ipv4") << "192.0.2.99"
                          << "99.2.0.192";
    QTest::newRow("ipv6") << "2001:db8::1"
                          << "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2";
    QTest::newRow("not an ip") << "mail.example.com"
                               << "";
}

void TestChecks::reversedNames()
{
    QFETCH(QString, ip);
    QFETCH(QString, reversed);
    QCOMPARE(BlocklistCheck::reversedName(ip), reversed);
}

void TestChecks::address_data()
{
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("id");
    QTest::addColumn<FindingStatus>("status");
    QTest::newRow("mx ok") << "ana@shop.test"
                           << "address.mx" << FindingStatus::Ok;
    QTest::newRow("mx hosts resolve") << "ana@shop.test"
                                      << "address.mx-hosts" << FindingStatus::Ok;
    QTest::newRow("no such domain") << "ana@missing.test"
                                    << "address.domain" << FindingStatus::Problem;
    QTest::newRow("null mx") << "ana@nomail.test"
                             << "address.null-mx" << FindingStatus::Problem;
    QTest::newRow("mx host does not resolve") << "ana@brokenmx.test"
                                              << "address.mx-hosts" << FindingStatus::Problem;
    QTest::newRow("a fallback") << "ana@webonly.test"
                                << "address.mx" << FindingStatus::Warning;
    QTest::newRow("bad syntax") << "ana@@shop.test"
                                << "address.syntax" << FindingStatus::Problem;
    QTest::newRow("provider") << "ana@m365.test"
                              << "address.provider" << FindingStatus::Info;
}

void TestChecks::address()
{
    QFETCH(QString, recipient);
    QFETCH(QString, id);
    QFETCH(FindingStatus, status);
    AresResolver resolver({{m_server->address()}, 2000, 1});
    CheckInput input;
    input.recipient = recipient;
    const QList<Finding> findings = run(resolver, input, CheckStep::VerifyAddress);
    const Finding *f = find(findings, id);
    QVERIFY2(f, qPrintable(id + QStringLiteral(" missing")));
    QCOMPARE(f->status, status);
    QCOMPARE(f->step, CheckStep::VerifyAddress);
    QVERIFY(!f->title.isEmpty());
    if (id == QLatin1String("address.provider"))
        QVERIFY2(f->title.contains(QLatin1String("Microsoft")), qPrintable(f->title));
}

void TestChecks::blocklists_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("dqsKey");
    QTest::addColumn<FindingStatus>("status");
    QTest::addColumn<QString>("words");
    QTest::newRow("listed") << "192.0.2.99"
                            << ""
                            << "zen.spamhaus.org"
                            << "" << FindingStatus::Problem << "SBL";
    QTest::newRow("not listed") << "192.0.2.50"
                                << ""
                                << "zen.spamhaus.org"
                                << "" << FindingStatus::Ok << "not on";
    QTest::newRow("public resolver refused") << "192.0.2.98"
                                             << ""
                                             << "zen.spamhaus.org"
                                             << "" << FindingStatus::CouldNotCheck << "public";
    QTest::newRow("spamcop") << "192.0.2.99"
                             << ""
                             << "bl.spamcop.net"
                             << "" << FindingStatus::Problem << "SpamCop";
    QTest::newRow("uribl listed") << ""
                                  << "spammy.test"
                                  << "multi.uribl.com"
                                  << "" << FindingStatus::Problem << "black";
    QTest::newRow("uribl refused") << ""
                                   << "refused.test"
                                   << "multi.uribl.com"
                                   << "" << FindingStatus::CouldNotCheck << "refused";
    QTest::newRow("surbl bitmask") << ""
                                   << "phish.test"
                                   << "multi.surbl.org"
                                   << "" << FindingStatus::Problem << "phishing";
    QTest::newRow("dqs key") << "192.0.2.99"
                             << ""
                             << "zen.spamhaus.org"
                             << "mykey" << FindingStatus::Problem << "XBL";
    QTest::newRow("test point not listed")
        << "192.0.2.99"
        << ""
        << "psbl.surriel.com"
        << "" << FindingStatus::CouldNotCheck << "does not give this list's answers";
    QTest::newRow("test point not listed, subject not listed either")
        << "192.0.2.50"
        << ""
        << "psbl.surriel.com"
        << "" << FindingStatus::CouldNotCheck << "does not give this list's answers";
    QTest::newRow("never-listed test point listed")
        << "192.0.2.50"
        << ""
        << "bl.mailspike.net"
        << "" << FindingStatus::CouldNotCheck << "never lists";
    QTest::newRow("spamhaus refuses the test points")
        << "192.0.2.50"
        << ""
        << "zen.spamhaus.org"
        << "badkey" << FindingStatus::CouldNotCheck << "public";
    QTest::newRow("uribl not listed") << ""
                                      << "clean.test"
                                      << "multi.uribl.com"
                                      << "" << FindingStatus::Ok << "not on";
}

void TestChecks::blocklists()
{
    QFETCH(QString, ip);
    QFETCH(QString, domain);
    QFETCH(QString, zone);
    QFETCH(QString, dqsKey);
    QFETCH(FindingStatus, status);
    QFETCH(QString, words);
    AresResolver resolver({{m_server->address()}, 2000, 1});
    CheckInput input;
    input.sendingIp = ip;
    input.sendingDomain = domain;
    const QList<Finding> findings =
        run(resolver, input, CheckStep::Blocklists, {{zone}, dqsKey, false});
    const Finding *f = find(findings, QStringLiteral("dnsbl.") + zone);
    QVERIFY(f);
    QCOMPARE(f->status, status);
    QVERIFY2(f->title.contains(words) || f->detail.contains(words), qPrintable(f->title));
    QVERIFY(!f->evidence.isEmpty());
    if (status == FindingStatus::Problem)
        QVERIFY(f->link.isValid());
}

void TestChecks::reverseDns_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<FindingStatus>("status");
    QTest::newRow("forward-confirmed") << "192.0.2.99" << FindingStatus::Ok;
    QTest::newRow("does not point back") << "192.0.2.97" << FindingStatus::Warning;
    QTest::newRow("no ptr") << "192.0.2.50" << FindingStatus::Problem;
}

void TestChecks::reverseDns()
{
    QFETCH(QString, ip);
    QFETCH(FindingStatus, status);
    AresResolver resolver({{m_server->address()}, 2000, 1});
    CheckInput input;
    input.sendingIp = ip;
    const QList<Finding> findings = run(resolver, input, CheckStep::Blocklists,
                                        {{QStringLiteral("bl.spamcop.net")}, {}, false});
    const Finding *f = find(findings, QStringLiteral("rdns"));
    QVERIFY(f);
    QCOMPARE(f->status, status);
}

void TestChecks::dnsFailureIsNeverPassOrFail()
{
    SilentDnsPort silent;
    AresResolver resolver({{silent.address()}, 200, 1});
    CheckInput input;
    input.recipient = QStringLiteral("ana@shop.test");
    input.sendingIp = QStringLiteral("192.0.2.99");
    for (CheckStep step : {CheckStep::VerifyAddress, CheckStep::Blocklists}) {
        const QList<Finding> findings = run(resolver, input, step);
        QVERIFY(!findings.isEmpty());
        for (const Finding &f : findings) {
            if (f.id == QLatin1String("address.syntax"))
                continue;
            QCOMPARE(f.status, FindingStatus::CouldNotCheck);
            QVERIFY2(f.title.contains(QLatin1String("in time")), qPrintable(f.title));
        }
    }
}

void TestChecks::contactDraft()
{
    AresResolver resolver({{m_server->address()}, 2000, 1});
    CheckInput input;
    input.recipient = QStringLiteral("ana@shop.test");
    input.sendingIp = QStringLiteral("192.0.2.99");
    input.fromAddress = QStringLiteral("billing@sender.test");
    input.diagnosis.recipient = input.recipient;
    input.diagnosis.reason = QStringLiteral("blocked");
    input.diagnosis.diagnostic = QStringLiteral("550 5.7.1 Client host [192.0.2.99] blocked");
    const QList<Finding> findings = run(resolver, input, CheckStep::ContactRecipientIt);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().status, FindingStatus::Info);
    QVERIFY(findings.first().title.contains(QLatin1String("postmaster@shop.test")));
    QVERIFY(findings.first().detail.contains(QLatin1String("192.0.2.99")));
    QCOMPARE(findings.first().link.scheme(), QStringLiteral("mailto"));
}

void TestChecks::contactAtAProviderGoesToItsPages()
{
    // Microsoft's own block list (S3150) for a Hotmail recipient: no draft to postmaster@, the
    // provider's delisting form instead, in step 2 and step 4.
    AresResolver resolver({{m_server->address()}, 2000, 1});
    CheckInput input;
    input.recipient = QStringLiteral("p.nakamura@hotmail.com");
    input.sendingIp = QStringLiteral("192.0.2.50");
    input.fromAddress = QStringLiteral("billing@sender.test");
    input.diagnosis.recipient = input.recipient;
    input.diagnosis.reason = QStringLiteral("blocked");
    input.diagnosis.detail = QStringLiteral("ip-blocklist");
    input.diagnosis.provider = QStringLiteral("microsoft");
    input.diagnosis.responsible = Responsible::SenderAdmin;
    QList<Finding> findings = run(resolver, input, CheckStep::ContactRecipientIt);
    const Finding *draft = find(findings, QStringLiteral("contact.draft"));
    QVERIFY(draft);
    QVERIFY2(!draft->title.contains(QLatin1String("postmaster@")), qPrintable(draft->title));
    QVERIFY(draft->link.isEmpty());
    // Its rules in step 4; its delisting form in step 2, not twice.
    const Finding *rules = find(findings, QStringLiteral("contact.help.rules"));
    QVERIFY(rules);
    QCOMPARE(rules->link.scheme(), QStringLiteral("https"));
    QVERIFY(!find(findings, QStringLiteral("contact.help.delist")));

    findings = run(resolver, input, CheckStep::Blocklists,
                   {{QStringLiteral("bl.spamcop.net")}, {}, false});
    const Finding *own = find(findings, QStringLiteral("dnsbl.provider.delist"));
    QVERIFY(own);
    QVERIFY(own->link.isValid());
    QVERIFY2(own->detail.contains(QLatin1String("own block list")), qPrintable(own->detail));
}

void TestChecks::cancelStopsTheRun()
{
    SilentDnsPort silent;
    AresResolver resolver({{silent.address()}, 5000, 2});
    CheckRunner runner(&resolver);
    bool done = false;
    int findings = 0;
    connect(&runner, &CheckRunner::finished, this, [&] { done = true; });
    connect(&runner, &CheckRunner::findingReady, this, [&] { ++findings; });
    CheckInput input;
    input.recipient = QStringLiteral("ana@shop.test");
    input.sendingIp = QStringLiteral("192.0.2.99");
    runner.start(input, {CheckStep::VerifyAddress, CheckStep::Blocklists});
    QVERIFY(runner.isRunning());
    const int before = findings;
    runner.cancel();
    QVERIFY(done);
    QVERIFY(!runner.isRunning());
    QTest::qWait(300);
    QCOMPARE(findings, before); // nothing arrives after the cancel
}

void TestChecks::cancelLeavesOtherRunsAlone()
{
    // The GUI runs each step in its own runner over one shared resolver.
    AresResolver resolver({{m_server->address()}, 2000, 1});
    CheckRunner cancelled(&resolver);
    CheckRunner running(&resolver);
    QList<Finding> kept;
    int afterCancel = 0;
    bool done = false;
    connect(&running, &CheckRunner::findingReady, this, [&](const Finding &f) { kept.append(f); });
    connect(&running, &CheckRunner::finished, this, [&] { done = true; });
    CheckInput input;
    input.recipient = QStringLiteral("ana@shop.test");
    input.sendingIp = QStringLiteral("192.0.2.99");
    running.start(input, {CheckStep::VerifyAddress});
    cancelled.start(input, {CheckStep::Blocklists});
    connect(&cancelled, &CheckRunner::findingReady, this, [&] { ++afterCancel; });
    cancelled.cancel();
    QVERIFY(!cancelled.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    const Finding *mx = find(kept, QStringLiteral("address.mx"));
    QVERIFY(mx);
    QCOMPARE(mx->status, FindingStatus::Ok);
    for (const Finding &f : std::as_const(kept))
        QVERIFY2(f.status != FindingStatus::CouldNotCheck, qPrintable(f.id + f.title));
    QCOMPARE(afterCancel, 0);

    // The cancelled runner runs again cleanly.
    QList<Finding> again = run(resolver, input, CheckStep::Blocklists,
                               {{QStringLiteral("bl.spamcop.net")}, {}, false});
    const Finding *listed = find(again, QStringLiteral("dnsbl.bl.spamcop.net"));
    QVERIFY(listed);
    QCOMPARE(listed->status, FindingStatus::Problem);
}

void TestChecks::identicalQuestionsAreAskedOnce()
{
    AresResolver resolver({{m_server->address()}, 2000, 1});
    CheckRunner runner(&resolver);
    bool done = false;
    connect(&runner, &CheckRunner::finished, this, [&] { done = true; });
    CheckInput input;
    input.recipient = QStringLiteral("ana@shop.test");
    input.sendingIp = QStringLiteral("192.0.2.99");
    input.sendingDomain = QStringLiteral("shop.test");
    // Steps 1 and 3 both ask for shop.test; the reverse DNS and the address check overlap too.
    runner.start(input,
                 {CheckStep::VerifyAddress, CheckStep::Blocklists, CheckStep::Authentication});
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    const int first = runner.upstreamQueries();
    QVERIFY(first > 0);

    // The same checks once more through one shared cache ask nothing new.
    CachingResolver cache(&resolver);
    int answered = 0;
    for (int i = 0; i < 3; ++i)
        cache.lookup(QStringLiteral("mx1.shop.test"), DnsType::A, this, [&](const DnsAnswer &a) {
            QCOMPARE(a.status, DnsStatus::Ok);
            ++answered;
        });
    QTRY_COMPARE(answered, 3);
    QCOMPARE(cache.upstreamQueries(), 1);
    cache.lookup(QStringLiteral("MX1.shop.test"), DnsType::A, this,
                 [&](const DnsAnswer &) { ++answered; });
    QTRY_COMPARE(answered, 4);
    QCOMPARE(cache.upstreamQueries(), 1);
}

void TestChecks::probeNamesAreServed()
{
    // The test server answers exactly the names the runs probe.
    QCOMPARE(DnsmasqServer::wellKnownNames(), ResolverProbe::existingNames());
    QCOMPARE(ResolverProbe::absentZone(), QStringLiteral("root-servers.net"));
}

// Every finding that is not about the bounce itself or the typed input.
static bool restsOnInputOnly(const Finding &f)
{
    static const QStringList ids = {
        QStringLiteral("address.syntax"),  QStringLiteral("address.typo"),
        QStringLiteral("dmarc.alignment"), QStringLiteral("contact.draft"),
        QStringLiteral("dnsbl.input"),     QStringLiteral("spf.result")};
    // Links to a provider's pages and the draft are information, never a verdict.
    return f.basis == FindingBasis::Input &&
           (ids.contains(f.id) || f.status == FindingStatus::Info);
}

void TestChecks::brokenResolver_data()
{
    QTest::addColumn<QStringList>("zone");
    QTest::addColumn<QString>("cause");
    // A captive portal or filtering resolver: "no such name" for every name.
    QTest::newRow("nxdomain for everything")
        << QStringList{QStringLiteral("address=/#/")} << "no such name";
    // A hotel network: every name has the portal's address.
    QTest::newRow("one address for everything")
        << QStringList{QStringLiteral("address=/#/192.0.2.1")} << "same address (192.0.2.1)";
}

void TestChecks::brokenResolver()
{
    QFETCH(QStringList, zone);
    QFETCH(QString, cause);
    DnsmasqServer broken(zone, {}, DnsmasqServer::WellKnown::NotServed);
    QString error;
    if (!broken.start(&error))
        QSKIP(qPrintable(error));
    AresResolver resolver({{broken.address()}, 2000, 1});
    CheckRunner runner(&resolver);
    QList<Finding> findings;
    bool done = false;
    connect(&runner, &CheckRunner::findingReady, this,
            [&](const Finding &f) { findings.append(f); });
    connect(&runner, &CheckRunner::finished, this, [&] { done = true; });
    CheckInput input;
    input.recipient = QStringLiteral("someone@outlook.com");
    input.sendingIp = QStringLiteral("203.0.113.88");
    input.sendingDomain = QStringLiteral("yahoo.com");
    input.fromAddress = QStringLiteral("news@yahoo.com");
    input.dkimSelector = QStringLiteral("s2048");
    input.diagnosis.recipient = input.recipient;
    input.diagnosis.reason = QStringLiteral("blocked");
    runner.start(input);
    QTRY_VERIFY_WITH_TIMEOUT(done, 15000);

    int causes = 0;
    int dnsFindings = 0;
    for (const Finding &f : std::as_const(findings)) {
        if (f.id == QLatin1String("dns.resolver")) {
            ++causes;
            QCOMPARE(f.status, FindingStatus::CouldNotCheck);
            QVERIFY2(f.title.contains(cause), qPrintable(f.title));
            continue;
        }
        if (restsOnInputOnly(f))
            continue;
        ++dnsFindings;
        QVERIFY2(f.status == FindingStatus::CouldNotCheck,
                 qPrintable(f.id + QStringLiteral(": ") + f.title));
    }
    QCOMPARE(causes, 1); // named once, not on every row
    QVERIFY(dnsFindings >= 10);
}

void TestChecks::unprovenResolverKeepsRecords()
{
    // A private server that answers only its own zones: no proof that its "no such name" is
    // true, but the records it does return are real.
    DnsmasqServer server({QStringLiteral("host-record=99.2.0.192.bl.spamcop.net,127.0.0.2"),
                          QStringLiteral("host-record=2.0.0.127.bl.spamcop.net,127.0.0.2"),
                          QStringLiteral("mx-host=shop.test,mx1.shop.test,10"),
                          QStringLiteral("host-record=mx1.shop.test,192.0.2.25")},
                         {QStringLiteral("test"), QStringLiteral("spamcop.net")},
                         DnsmasqServer::WellKnown::NotServed);
    QString error;
    if (!server.start(&error))
        QSKIP(qPrintable(error));
    AresResolver resolver({{server.address()}, 1000, 1});
    CheckInput input;
    input.sendingIp = QStringLiteral("192.0.2.99");
    input.recipient = QStringLiteral("ana@missing.test");
    QList<Finding> findings = run(resolver, input, CheckStep::Blocklists,
                                  {{QStringLiteral("bl.spamcop.net")}, {}, false});
    const Finding *listed = find(findings, QStringLiteral("dnsbl.bl.spamcop.net"));
    QVERIFY(listed);
    QCOMPARE(listed->status, FindingStatus::Problem);
    QVERIFY(!find(findings, QStringLiteral("dns.resolver"))); // named only where it matters

    findings = run(resolver, input, CheckStep::VerifyAddress);
    const Finding *missing = find(findings, QStringLiteral("address.domain"));
    QVERIFY(missing);
    QCOMPARE(missing->status, FindingStatus::CouldNotCheck);
    QVERIFY2(missing->title.contains(QLatin1String("missing.test")), qPrintable(missing->title));
    const Finding *cause = find(findings, QStringLiteral("dns.resolver"));
    QVERIFY(cause);
    QVERIFY2(cause->title.contains(QLatin1String("certainly exists")), qPrintable(cause->title));

    input.recipient = QStringLiteral("ana@shop.test");
    findings = run(resolver, input, CheckStep::VerifyAddress);
    const Finding *mx = find(findings, QStringLiteral("address.mx"));
    QVERIFY(mx);
    QCOMPARE(mx->status, FindingStatus::Ok);
}

void TestChecks::bulkSenderRules_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("id");
    QTest::addColumn<FindingStatus>("status");
    QTest::newRow("spf passed at the receiver") << "good"
                                                << "bulk.spf" << FindingStatus::Ok;
    QTest::newRow("spf failed at the receiver") << "bad"
                                                << "bulk.spf" << FindingStatus::Problem;
    QTest::newRow("spf from the live check") << "live"
                                             << "bulk.spf" << FindingStatus::Problem;
    QTest::newRow("dkim passed") << "good"
                                 << "bulk.dkim" << FindingStatus::Ok;
    QTest::newRow("dkim unknown") << "live"
                                  << "bulk.dkim" << FindingStatus::CouldNotCheck;
    QTest::newRow("dmarc published, p=none is enough") << "good"
                                                       << "bulk.dmarc" << FindingStatus::Ok;
    QTest::newRow("dmarc missing") << "bad"
                                   << "bulk.dmarc" << FindingStatus::Problem;
    QTest::newRow("dmarc not checked") << "live"
                                       << "bulk.dmarc" << FindingStatus::CouldNotCheck;
    QTest::newRow("ptr confirmed") << "good"
                                   << "bulk.ptr" << FindingStatus::Ok;
    QTest::newRow("ptr does not point back") << "bad"
                                             << "bulk.ptr" << FindingStatus::Problem;
    QTest::newRow("key of 2048 bits") << "good"
                                      << "bulk.dkim-key" << FindingStatus::Ok;
    QTest::newRow("key of 512 bits") << "bad"
                                     << "bulk.dkim-key" << FindingStatus::Problem;
    QTest::newRow("message-id") << "good"
                                << "bulk.message-id" << FindingStatus::Ok;
    QTest::newRow("broken message-id") << "bad"
                                       << "bulk.message-id" << FindingStatus::Problem;
    QTest::newRow("date") << "good"
                          << "bulk.date" << FindingStatus::Ok;
    QTest::newRow("broken date") << "bad"
                                 << "bulk.date" << FindingStatus::Problem;
    QTest::newRow("no date returned") << "live"
                                      << "bulk.date" << FindingStatus::CouldNotCheck;
    QTest::newRow("tls not read") << "good"
                                  << "bulk.tls" << FindingStatus::CouldNotCheck;
    QTest::newRow("unsubscribe not read") << "good"
                                          << "bulk.unsubscribe" << FindingStatus::CouldNotCheck;
}

void TestChecks::bulkSenderRules()
{
    QFETCH(QString, scenario);
    QFETCH(QString, id);
    QFETCH(FindingStatus, status);
    CheckInput input;
    QList<Finding> run;
    auto add = [&](const QString &findingId, FindingStatus s) {
        Finding f;
        f.id = findingId;
        f.status = s;
        f.title = findingId;
        run.append(f);
    };
    if (scenario == QLatin1String("good")) {
        input.authenticationResults = {
            {QStringLiteral("spf"), QStringLiteral("pass"), {}, {}, {}},
            {QStringLiteral("dkim"), QStringLiteral("pass"), {}, {}, {}}};
        input.message.original.messageId = QStringLiteral("<a1b2@mail.shop.example>");
        input.message.original.date = QStringLiteral("Tue, 3 Dec 2024 10:15:00 +0100");
        add(QStringLiteral("dmarc.record"), FindingStatus::Ok);
        add(QStringLiteral("rdns"), FindingStatus::Ok);
        add(QStringLiteral("dkim.key.s1"), FindingStatus::Ok);
    } else if (scenario == QLatin1String("bad")) {
        input.authenticationResults = {
            {QStringLiteral("spf"), QStringLiteral("fail"), {}, {}, {}},
            {QStringLiteral("dkim"), QStringLiteral("fail"), {}, {}, {}}};
        input.message.original.messageId = QStringLiteral("not an id");
        input.message.original.date = QStringLiteral("yesterday");
        add(QStringLiteral("dmarc.record"), FindingStatus::Problem);
        add(QStringLiteral("rdns"), FindingStatus::Warning);
        add(QStringLiteral("dkim.key.k1"), FindingStatus::Warning);
    } else {
        add(QStringLiteral("spf.result"), FindingStatus::Problem);
        add(QStringLiteral("dmarc.record"), FindingStatus::CouldNotCheck);
    }
    const QList<Finding> rows = BulkSender::findings(input, run);
    QCOMPARE(rows.size(), 10);
    const Finding *f = find(rows, id);
    QVERIFY2(f, qPrintable(id));
    QCOMPARE(f->status, status);
    QCOMPARE(f->step, CheckStep::Authentication);
    // Each row names whose rule it is.
    QVERIFY2(f->title.contains(QLatin1String("Gmail")) || f->title.startsWith(QLatin1String("RFC")),
             qPrintable(f->title));
}

void TestChecks::bulkSenderRulesEndAFullRun()
{
    AresResolver resolver({{m_server->address()}, 2000, 1});
    CheckRunner runner(&resolver);
    QList<Finding> findings;
    bool done = false;
    connect(&runner, &CheckRunner::findingReady, this,
            [&](const Finding &f) { findings.append(f); });
    connect(&runner, &CheckRunner::finished, this, [&] { done = true; });
    CheckInput input;
    input.recipient = QStringLiteral("ana@shop.test");
    input.sendingIp = QStringLiteral("192.0.2.99");
    input.sendingDomain = QStringLiteral("sender.test");
    runner.start(input);
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    const Finding *ptr = find(findings, QStringLiteral("bulk.ptr"));
    QVERIFY(ptr);
    QCOMPARE(ptr->status, FindingStatus::Ok); // 192.0.2.99 is mail.sender.test and back
    QCOMPARE(findings.last().id.left(5), QStringLiteral("bulk."));

    // One step alone: no summary of steps that did not run.
    findings = run(resolver, input, CheckStep::Blocklists);
    QVERIFY(!find(findings, QStringLiteral("bulk.ptr")));
}

QTEST_GUILESS_MAIN(TestChecks)
#include "tst_checks.moc"
