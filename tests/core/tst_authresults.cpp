#include "bounce/authresults.h"

#include <QTest>

using namespace BounceDoctor;

class TestAuthResults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void providerHeaders_data();
    void providerHeaders();
    void malformed_data();
    void malformed();
};

void TestAuthResults::providerHeaders_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("spfDomain");
    QTest::addColumn<QString>("dkimDomain");
    QTest::addColumn<QString>("dkimSelector");
    QTest::addColumn<QString>("dmarcResult");

    QTest::newRow("gmail style")
        << "mx.google.com; dkim=pass header.i=@shop.example header.s=s2024 header.b=Ab/Cd+e; "
           "spf=pass (google.com: domain of news@shop.example designates 198.51.100.3 as permitted "
           "sender) smtp.mailfrom=news@shop.example; dmarc=pass (p=QUARANTINE sp=NONE dis=NONE) "
           "header.from=shop.example"
        << "shop.example"
        << "shop.example"
        << "s2024"
        << "pass";
    QTest::newRow("outlook style")
        << "spf=fail (sender IP is 203.0.113.4) smtp.mailfrom=billing.example; dkim=none (message "
           "not signed) header.d=none;dmarc=fail action=oreject header.from=billing.example;"
        << "billing.example"
        << "none"
        << ""
        << "fail";
}

void TestAuthResults::providerHeaders()
{
    QFETCH(QString, header);
    QFETCH(QString, spfDomain);
    QFETCH(QString, dkimDomain);
    QFETCH(QString, dkimSelector);
    QFETCH(QString, dmarcResult);
    // Outlook leaves out the authserv-id: the first token is then a method.
    const QString value =
        header.startsWith(QLatin1String("spf=")) ? QStringLiteral("x; ") + header : header;
    const QList<AuthenticationResult> results =
        toAuthenticationResults(parseAuthenticationResults(value));
    QCOMPARE(results.size(), 3);
    for (const AuthenticationResult &r : results) {
        if (r.method == QLatin1String("spf"))
            QCOMPARE(r.domain, spfDomain);
        else if (r.method == QLatin1String("dkim")) {
            QCOMPARE(r.domain, dkimDomain);
            QCOMPARE(r.selector, dkimSelector);
        } else {
            QCOMPARE(r.method, QStringLiteral("dmarc"));
            QCOMPARE(r.result, dmarcResult);
        }
    }
}

void TestAuthResults::malformed_data()
{
    QTest::addColumn<QString>("header");
    QTest::newRow("empty") << QString();
    QTest::newRow("only punctuation") << QStringLiteral(";;;==");
    QTest::newRow("unclosed comment") << QStringLiteral("example.com; spf=pass (never closed");
    QTest::newRow("unclosed quote") << QStringLiteral("example.com; dkim=fail reason=\"bad");
}

void TestAuthResults::malformed()
{
    QFETCH(QString, header);
    const AuthResultsHeader parsed = parseAuthenticationResults(header);
    // No crash, no invented results.
    for (const AuthResultsHeader::Result &r : parsed.results)
        QVERIFY(!r.method.isEmpty());
    QVERIFY(parsed.results.size() <= 1);
}

QTEST_GUILESS_MAIN(TestAuthResults)
#include "tst_authresults.moc"
