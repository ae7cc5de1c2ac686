// AuthenticationCheck end to end over an in-memory zone: ok, warning, problem and
// could-not-check for SPF, DKIM and DMARC.

#include "checks/auth/authenticationcheck.h"
#include "checks/auth/dkimkey.h"
#include "memoryzone.h"
#include "testkeys.h"

#include <QSignalSpy>
#include <QTest>

using namespace BounceDoctor;

namespace {

using Statuses = QHash<QString, FindingStatus>;

void loadZone(Test::MemoryZone *zone, const QString &scenario)
{
    if (scenario == QLatin1String("ok")) {
        zone->add(QStringLiteral("shop.example"), DnsType::TXT,
                  QStringLiteral("v=spf1 ip4:192.0.2.0/24 include:_spf.mailer.example.net -all"));
        zone->add(QStringLiteral("_spf.mailer.example.net"), DnsType::TXT,
                  QStringLiteral("v=spf1 include:_v4.mailer.example.net -all"));
        zone->add(QStringLiteral("_v4.mailer.example.net"), DnsType::TXT,
                  QStringLiteral("v=spf1 ip4:198.51.100.0/24 -all"));
        zone->addTxt(QStringLiteral("s1._domainkey.shop.example"),
                     {QStringLiteral("v=DKIM1; k=rsa; p=" BD_TEST_RSA2048)});
        zone->add(QStringLiteral("_dmarc.shop.example"), DnsType::TXT,
                  QStringLiteral("v=DMARC1; p=reject; rua=mailto:dmarc@reports.example.net"));
        zone->add(QStringLiteral("shop.example._report._dmarc.reports.example.net"), DnsType::TXT,
                  QStringLiteral("v=DMARC1"));
    } else if (scenario == QLatin1String("warning")) {
        zone->add(QStringLiteral("shop.example"), DnsType::TXT,
                  QStringLiteral("v=spf1 ip4:192.0.2.0/24 ?all"));
        zone->add(QStringLiteral("s1._domainkey.shop.example"), DnsType::TXT,
                  QStringLiteral("v=DKIM1; p=" BD_TEST_RSA512));
        zone->add(QStringLiteral("_dmarc.shop.example"), DnsType::TXT,
                  QStringLiteral("v=DMARC1; p=none; rua=mailto:dmarc@reports.example.net"));
        zone->addName(QStringLiteral("reports.example.net"));
    } else if (scenario == QLatin1String("problem")) {
        zone->add(QStringLiteral("shop.example"), DnsType::TXT, QStringLiteral("v=spf1 mx -all"));
        zone->add(QStringLiteral("shop.example"), DnsType::MX, QStringLiteral("mx.shop.example"),
                  10);
        zone->add(QStringLiteral("mx.shop.example"), DnsType::A, QStringLiteral("192.0.2.25"));
        zone->add(QStringLiteral("s1._domainkey.shop.example"), DnsType::TXT,
                  QStringLiteral("v=DKIM1; k=rsa; p="));
        zone->add(QStringLiteral("www.shop.example"), DnsType::A, QStringLiteral("192.0.2.80"));
    } else if (scenario == QLatin1String("could-not-check")) {
        zone->addTimeout(QStringLiteral("shop.example"));
        zone->addTimeout(QStringLiteral("s1._domainkey.shop.example"));
        zone->addTimeout(QStringLiteral("_dmarc.shop.example"));
    }
}

} // namespace

class TestAuthenticationCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenarios_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("authResults"); // method=result@domain, comma-separated
        QTest::addColumn<Statuses>("expected");

        QTest::newRow("ok") << "ok"
                            << "spf=pass@bounce.shop.example,dkim=pass@shop.example"
                            << Statuses{{QStringLiteral("spf.record"), FindingStatus::Ok},
                                        {QStringLiteral("spf.result"), FindingStatus::Ok},
                                        {QStringLiteral("dkim.key.s1"), FindingStatus::Ok},
                                        {QStringLiteral("dmarc.record"), FindingStatus::Ok},
                                        {QStringLiteral("dmarc.report.reports.example.net"),
                                         FindingStatus::Ok},
                                        {QStringLiteral("dmarc.alignment"), FindingStatus::Ok}};
        QTest::newRow("warning") << "warning"
                                 << "spf=neutral@shop.example,dkim=pass@shop.example"
                                 << Statuses{
                                        {QStringLiteral("spf.neutral-all"), FindingStatus::Warning},
                                        {QStringLiteral("spf.result"), FindingStatus::Warning},
                                        {QStringLiteral("dkim.key.s1"), FindingStatus::Warning},
                                        {QStringLiteral("dmarc.record"), FindingStatus::Ok},
                                        {QStringLiteral("dmarc.report.reports.example.net"),
                                         FindingStatus::Warning},
                                        {QStringLiteral("dmarc.alignment"), FindingStatus::Ok}};
        QTest::newRow("problem")
            << "problem"
            << "spf=pass@bulk-mailer.example.net,dkim=fail@shop.example"
            << Statuses{{QStringLiteral("spf.record"), FindingStatus::Ok},
                        {QStringLiteral("spf.result"), FindingStatus::Problem},
                        {QStringLiteral("dkim.key.s1"), FindingStatus::Problem},
                        {QStringLiteral("dmarc.record"), FindingStatus::Problem},
                        {QStringLiteral("dmarc.alignment"), FindingStatus::Problem}};
        QTest::newRow("could-not-check")
            << "could-not-check"
            << ""
            << Statuses{{QStringLiteral("spf.record"), FindingStatus::CouldNotCheck},
                        {QStringLiteral("dkim.key.s1"), FindingStatus::CouldNotCheck},
                        {QStringLiteral("dmarc.record"), FindingStatus::CouldNotCheck}};
    }

    void scenarios()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, authResults);
        QFETCH(Statuses, expected);

        Test::MemoryZone zone;
        loadZone(&zone, scenario);
        AuthenticationCheck check(&zone);
        QList<Finding> findings;
        connect(&check, &Check::findingReady, this,
                [&findings](const Finding &finding) { findings.append(finding); });
        QSignalSpy finished(&check, &Check::finished);

        CheckInput input;
        input.sendingIp = scenario == QLatin1String("ok") ? QStringLiteral("198.51.100.7")
                                                          : QStringLiteral("203.0.113.9");
        input.sendingDomain = QStringLiteral("shop.example");
        input.fromAddress = QStringLiteral("Shop <orders@shop.example>");
        input.dkimDomain = QStringLiteral("shop.example");
        input.dkimSelector = QStringLiteral("s1");
        for (const QString &item : authResults.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            AuthenticationResult result;
            result.method = item.section(QLatin1Char('='), 0, 0);
            result.result = item.section(QLatin1Char('='), 1).section(QLatin1Char('@'), 0, 0);
            result.domain = item.section(QLatin1Char('@'), 1);
            result.authServId = QStringLiteral("mx.receiver.example");
            input.authenticationResults.append(result);
        }
        check.start(input);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QTest::qWait(20);
        QCOMPARE(finished.size(), 1);

        Statuses got;
        QString dump;
        for (const Finding &finding : std::as_const(findings)) {
            got.insert(finding.id, finding.status);
            QVERIFY2(!finding.title.isEmpty(), qPrintable(finding.id));
            QCOMPARE(finding.step, CheckStep::Authentication);
            dump += finding.id + QLatin1Char('=') + QString::number(int(finding.status)) +
                    QStringLiteral(": ") + finding.title + QLatin1Char(' ') + finding.detail +
                    QLatin1Char('\n');
        }
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(got.contains(it.key()), qPrintable(it.key() + QLatin1Char('\n') + dump));
            QVERIFY2(got.value(it.key()) == it.value(),
                     qPrintable(it.key() + QLatin1Char('\n') + dump));
        }
        // A DNS failure is never a pass or a fail.
        if (scenario == QLatin1String("could-not-check")) {
            for (const Finding &finding : std::as_const(findings))
                QVERIFY2(finding.status == FindingStatus::CouldNotCheck ||
                             finding.status == FindingStatus::Info,
                         qPrintable(dump));
        }
    }

    void spfTraceNamesTheInclude()
    {
        Test::MemoryZone zone;
        loadZone(&zone, QStringLiteral("ok"));
        AuthenticationCheck check(&zone);
        Finding spf;
        connect(&check, &Check::findingReady, this, [&spf](const Finding &finding) {
            if (finding.id == QLatin1String("spf.result"))
                spf = finding;
        });
        QSignalSpy finished(&check, &Check::finished);
        CheckInput input;
        input.sendingIp = QStringLiteral("198.51.100.7");
        input.sendingDomain = QStringLiteral("shop.example");
        check.start(input);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QVERIFY2(spf.detail.contains(QLatin1String("_v4.mailer.example.net")),
                 qPrintable(spf.detail));
        QVERIFY(spf.evidence.join(QLatin1Char('\n'))
                    .contains(QLatin1String("TXT _spf.mailer.example.net")));
    }

    void dkimGuessesCommonSelectors()
    {
        Test::MemoryZone zone;
        zone.addTxt(QStringLiteral("selector2._domainkey.shop.example"),
                    {QStringLiteral("v=DKIM1; k=rsa; p=" BD_TEST_RSA1024)});
        AuthenticationCheck check(&zone);
        QStringList ids;
        connect(&check, &Check::findingReady, this,
                [&ids](const Finding &finding) { ids.append(finding.id); });
        QSignalSpy finished(&check, &Check::finished);
        CheckInput input;
        input.fromAddress = QStringLiteral("orders@shop.example");
        check.start(input);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QVERIFY2(ids.contains(QStringLiteral("dkim.key.selector2")),
                 qPrintable(ids.join(QLatin1Char(' '))));
        QVERIFY(!ids.contains(QStringLiteral("dkim.keys")));
        for (const QString &selector : commonDkimSelectors())
            QVERIFY(zone.asked().contains(selector + QStringLiteral("._domainkey.shop.example")));
    }

    void dmarcFallsBackToOrganizationalDomain()
    {
        Test::MemoryZone zone;
        zone.add(QStringLiteral("_dmarc.shop.co.uk"), DnsType::TXT,
                 QStringLiteral("v=DMARC1; p=quarantine; sp=reject"));
        AuthenticationCheck check(&zone);
        Finding dmarc;
        connect(&check, &Check::findingReady, this, [&dmarc](const Finding &finding) {
            if (finding.id == QLatin1String("dmarc.record"))
                dmarc = finding;
        });
        QSignalSpy finished(&check, &Check::finished);
        CheckInput input;
        input.fromAddress = QStringLiteral("news@mail.shop.co.uk");
        check.start(input);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(dmarc.status, FindingStatus::Ok);
        QVERIFY2(dmarc.title.contains(QLatin1String("reject")), qPrintable(dmarc.title));
        QVERIFY(zone.asked().contains(QStringLiteral("_dmarc.mail.shop.co.uk")));
    }

    void spfTreeLintWithoutIp()
    {
        Test::MemoryZone zone;
        QString record = QStringLiteral("v=spf1");
        for (int i = 0; i < 6; ++i) {
            record += QStringLiteral(" include:i%1.shop.example").arg(i);
            zone.add(QStringLiteral("i%1.shop.example").arg(i), DnsType::TXT,
                     QStringLiteral("v=spf1 a:h1.shop.example a:h2.shop.example -all"));
        }
        zone.add(QStringLiteral("shop.example"), DnsType::TXT, record + QStringLiteral(" -all"));
        zone.add(QStringLiteral("h1.shop.example"), DnsType::A, QStringLiteral("192.0.2.1"));
        zone.add(QStringLiteral("h2.shop.example"), DnsType::A, QStringLiteral("192.0.2.2"));
        AuthenticationCheck check(&zone);
        QHash<QString, FindingStatus> got;
        connect(&check, &Check::findingReady, this,
                [&got](const Finding &finding) { got.insert(finding.id, finding.status); });
        QSignalSpy finished(&check, &Check::finished);
        CheckInput input;
        input.sendingDomain = QStringLiteral("shop.example");
        check.start(input);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(got.value(QStringLiteral("spf.record")), FindingStatus::Ok);
        QCOMPARE(got.value(QStringLiteral("spf.result")), FindingStatus::Info);
        QVERIFY(got.contains(QStringLiteral("spf.too-many-lookups")));
        QCOMPARE(got.value(QStringLiteral("spf.too-many-lookups")), FindingStatus::Problem);
    }

    void restartFinishesThePreviousRun()
    {
        Test::MemoryZone zone;
        loadZone(&zone, QStringLiteral("ok"));
        AuthenticationCheck check(&zone);
        QSignalSpy finished(&check, &Check::finished);
        CheckInput input;
        input.sendingDomain = QStringLiteral("shop.example");
        check.start(input);
        check.start(input);
        QCOMPARE(finished.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
        QTest::qWait(20);
        QCOMPARE(finished.size(), 2);
    }

    void cancelFinishesOnce()
    {
        Test::MemoryZone zone;
        loadZone(&zone, QStringLiteral("ok"));
        AuthenticationCheck check(&zone);
        QSignalSpy finished(&check, &Check::finished);
        QSignalSpy findings(&check, &Check::findingReady);
        CheckInput input;
        input.sendingIp = QStringLiteral("198.51.100.7");
        input.sendingDomain = QStringLiteral("shop.example");
        check.start(input);
        check.cancel();
        QCOMPARE(finished.size(), 1);
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(findings.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuthenticationCheck)
#include "tst_authenticationcheck.moc"
