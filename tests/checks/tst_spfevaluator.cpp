// check_host() beyond the RFC suite: which limit ended an evaluation (for the linter), the
// trace through includes, and the evidence of names asked.

#include "checks/auth/spfevaluator.h"
#include "memoryzone.h"

#include <QTest>

using namespace BounceDoctor;

class TestSpfEvaluator final : public QObject
{
    Q_OBJECT

private:
    static SpfEvaluation run(Test::MemoryZone *zone, const QString &ip, const QString &domain)
    {
        SpfEvaluator evaluator(zone);
        SpfEvaluation result;
        bool done = false;
        evaluator.checkHost(QHostAddress(ip), domain, QStringLiteral("user@") + domain,
                            QStringLiteral("helo.example.org"),
                            [&](const SpfEvaluation &evaluation) {
                                result = evaluation;
                                done = true;
                            });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            result.error = QStringLiteral("did not finish");
        return result;
    }

private Q_SLOTS:
    void limits_data()
    {
        QTest::addColumn<QStringList>("zone"); // name=TXT value; name=A:address; name=TIMEOUT
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("errorKind");
        QTest::addColumn<QString>("matchedTerm");
        QTest::addColumn<QString>("matchPath");

        QTest::newRow("pass-through-two-includes")
            << QStringList{QStringLiteral("d.example=v=spf1 include:i1.example -all"),
                           QStringLiteral("i1.example=v=spf1 include:i2.example ~all"),
                           QStringLiteral("i2.example=v=spf1 ip4:198.51.100.0/24 -all")}
            << "198.51.100.20"
            << "pass"
            << ""
            << "ip4:198.51.100.0/24"
            << "d.example i1.example i2.example";
        QTest::newRow("fail-at-top")
            << QStringList{QStringLiteral("d.example=v=spf1 include:i1.example -all"),
                           QStringLiteral("i1.example=v=spf1 ip4:198.51.100.0/24 -all")}
            << "203.0.113.1"
            << "fail"
            << ""
            << "-all"
            << "d.example";
        QString many;
        QStringList manyZone;
        for (int i = 0; i < 11; ++i) {
            many += QStringLiteral(" include:i%1.example").arg(i);
            manyZone.append(QStringLiteral("i%1.example=v=spf1 ip4:192.0.2.%1").arg(i));
        }
        manyZone.append(QStringLiteral("d.example=v=spf1") + many + QStringLiteral(" -all"));
        QTest::newRow("eleven-lookups") << manyZone << "203.0.113.1"
                                        << "permerror"
                                        << "dns-terms"
                                        << ""
                                        << "";
        QTest::newRow("void-lookups")
            << QStringList{QStringLiteral(
                   "d.example=v=spf1 a:n1.example a:n2.example a:n3.example -all")}
            << "203.0.113.1"
            << "permerror"
            << "void-lookups"
            << ""
            << "";
        QTest::newRow("include-loop")
            << QStringList{QStringLiteral("d.example=v=spf1 include:l.example -all"),
                           QStringLiteral("l.example=v=spf1 include:d.example -all")}
            << "203.0.113.1"
            << "permerror"
            << "loop"
            << ""
            << "";
        QTest::newRow("redirect-loop")
            << QStringList{QStringLiteral("d.example=v=spf1 redirect=l.example"),
                           QStringLiteral("l.example=v=spf1 redirect=d.example")}
            << "203.0.113.1"
            << "permerror"
            << "loop"
            << ""
            << "";
        QTest::newRow("include-without-record")
            << QStringList{QStringLiteral("d.example=v=spf1 include:gone.example -all")}
            << "203.0.113.1"
            << "permerror"
            << "include-none"
            << ""
            << "";
        QTest::newRow("broken-include")
            << QStringList{QStringLiteral("d.example=v=spf1 include:b.example -all"),
                           QStringLiteral("b.example=v=spf1 ip4:1.2.3 -all")}
            << "203.0.113.1"
            << "permerror"
            << "syntax"
            << ""
            << "";
        QTest::newRow("timeout-in-include")
            << QStringList{QStringLiteral("d.example=v=spf1 include:t.example -all"),
                           QStringLiteral("t.example=TIMEOUT")}
            << "203.0.113.1"
            << "temperror"
            << "dns"
            << ""
            << "";
        QTest::newRow("mx-match") << QStringList{QStringLiteral("d.example=v=spf1 mx -all"),
                                                 QStringLiteral("d.example=MX:mx.d.example"),
                                                 QStringLiteral("mx.d.example=A:192.0.2.25")}
                                  << "192.0.2.25"
                                  << "pass"
                                  << ""
                                  << "mx"
                                  << "d.example";
        QTest::newRow("ipv6") << QStringList{QStringLiteral(
                                     "d.example=v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all")}
                              << "2001:db8::25"
                              << "pass"
                              << ""
                              << "ip6:2001:db8::/32"
                              << "d.example";
        QTest::newRow("ipv4-mapped-ipv6")
            << QStringList{QStringLiteral("d.example=v=spf1 ip4:192.0.2.0/24 -all")}
            << "::ffff:192.0.2.9"
            << "pass"
            << ""
            << "ip4:192.0.2.0/24"
            << "d.example";
    }

    void limits()
    {
        QFETCH(QStringList, zone);
        QFETCH(QString, ip);
        QFETCH(QString, result);
        QFETCH(QString, errorKind);
        QFETCH(QString, matchedTerm);
        QFETCH(QString, matchPath);

        Test::MemoryZone memory;
        for (const QString &entry : std::as_const(zone)) {
            const QString name = entry.section(QLatin1Char('='), 0, 0);
            const QString value = entry.section(QLatin1Char('='), 1);
            if (value == QLatin1String("TIMEOUT"))
                memory.addTimeout(name);
            else if (value.startsWith(QLatin1String("A:")))
                memory.add(name, DnsType::A, value.mid(2));
            else if (value.startsWith(QLatin1String("MX:")))
                memory.add(name, DnsType::MX, value.mid(3), 10);
            else
                memory.add(name, DnsType::TXT, value);
        }
        const SpfEvaluation evaluation = run(&memory, ip, QStringLiteral("d.example"));
        const QString trace = evaluation.trace.join(QLatin1Char('\n'));
        QCOMPARE(spfResultName(evaluation.result), result);
        QCOMPARE(evaluation.errorKind, errorKind);
        if (!matchedTerm.isEmpty()) {
            QCOMPARE(evaluation.matchedTerm, matchedTerm);
            QCOMPARE(evaluation.matchPath.join(QLatin1Char(' ')), matchPath);
        }
        QVERIFY(!evaluation.queries.isEmpty());
        QVERIFY2(evaluation.queries.first().startsWith(QLatin1String("TXT d.example")),
                 qPrintable(evaluation.queries.first()));
        if (evaluation.result == SpfResult::PermError || evaluation.result == SpfResult::TempError)
            QVERIFY2(!evaluation.error.isEmpty(), qPrintable(trace));
    }

    void resultIsNeverSynchronous()
    {
        Test::MemoryZone memory;
        SpfEvaluator evaluator(&memory);
        int calls = 0;
        SpfResult result = SpfResult::Pass;
        evaluator.checkHost(QHostAddress(QStringLiteral("192.0.2.1")), QStringLiteral("nodots"),
                            QString(), QStringLiteral("nodots"), [&](const SpfEvaluation &e) {
                                ++calls;
                                result = e.result;
                            });
        QCOMPARE(calls, 0);
        QTRY_COMPARE(calls, 1);
        QCOMPARE(result, SpfResult::None);
    }

    void cancelDropsTheCallback()
    {
        Test::MemoryZone memory;
        memory.add(QStringLiteral("d.example"), DnsType::TXT, QStringLiteral("v=spf1 -all"));
        SpfEvaluator evaluator(&memory);
        bool called = false;
        evaluator.checkHost(QHostAddress(QStringLiteral("192.0.2.1")), QStringLiteral("d.example"),
                            QString(), QStringLiteral("helo.example"),
                            [&](const SpfEvaluation &) { called = true; });
        evaluator.cancel();
        QTest::qWait(30);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestSpfEvaluator)
#include "tst_spfevaluator.moc"
