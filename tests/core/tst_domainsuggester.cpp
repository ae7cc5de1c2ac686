#include "common/domainsuggester.h"

#include <QTest>

using namespace BounceDoctor;

class TestDomainSuggester final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suggestsCommonDomain_data();
    void suggestsCommonDomain();
    void editDistance_data();
    void editDistance();
    void suggestsWholeAddress();
};

void TestDomainSuggester::suggestsCommonDomain_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("swapped letters") << QStringLiteral("gmial.com") << QStringLiteral("gmail.com");
    QTest::newRow("missing letter")
        << QStringLiteral("hotmal.com") << QStringLiteral("hotmail.com");
    QTest::newRow("upper case") << QStringLiteral("YAHOO.CON") << QStringLiteral("yahoo.com");
    QTest::newRow("second level and tld")
        << QStringLiteral("outlok.co") << QStringLiteral("outlook.com");
    QTest::newRow("country tld") << QStringLiteral("yahooo.co.uk") << QStringLiteral("yahoo.co.uk");
    QTest::newRow("known domain") << QStringLiteral("gmail.com") << QString();
    QTest::newRow("mail.com is real") << QStringLiteral("mail.com") << QString();
    QTest::newRow("unrelated company") << QStringLiteral("acme.com") << QString();
    QTest::newRow("unrelated long") << QStringLiteral("example.org") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestDomainSuggester::suggestsCommonDomain()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(DomainSuggester::instance().suggestDomain(typed), expected);
}

void TestDomainSuggester::editDistance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("distance");
    QTest::newRow("same") << QStringLiteral("abc") << QStringLiteral("abc") << 0;
    QTest::newRow("swap") << QStringLiteral("gmial") << QStringLiteral("gmail") << 1;
    QTest::newRow("insert") << QStringLiteral("yaho") << QStringLiteral("yahoo") << 1;
    QTest::newRow("two") << QStringLiteral("hotnal") << QStringLiteral("hotmail") << 2;
    QTest::newRow("empty") << QString() << QStringLiteral("abc") << 3;
}

void TestDomainSuggester::editDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(DomainSuggester::editDistance(a, b), distance);
}

void TestDomainSuggester::suggestsWholeAddress()
{
    const auto &suggester = DomainSuggester::instance();
    QCOMPARE(suggester.suggestAddress(QStringLiteral("jo.smith@gmial.com")),
             QStringLiteral("jo.smith@gmail.com"));
    QCOMPARE(suggester.suggestAddress(QStringLiteral("jo@acme-widgets.com")), QString());
    QCOMPARE(suggester.suggestAddress(QStringLiteral("not an address")), QString());
}

QTEST_GUILESS_MAIN(TestDomainSuggester)
#include "tst_domainsuggester.moc"
