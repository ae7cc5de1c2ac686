#include "common/mailaddress.h"

#include <QTest>

using namespace BounceDoctor;

class TestMailAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parts_data();
    void parts();
    void domainOf_data();
    void domainOf();
    void organizationalDomain_data();
    void organizationalDomain();
};

void TestMailAddress::parts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("bare");
    QTest::addColumn<QString>("localPart");
    QTest::addColumn<QString>("domainPart");
    QTest::newRow("plain") << QStringLiteral("ana@Example.org") << QStringLiteral("ana@Example.org")
                           << QStringLiteral("ana") << QStringLiteral("Example.org");
    QTest::newRow("display name") << QStringLiteral("Ana Lima <ana@example.org>")
                                  << QStringLiteral("ana@example.org")
                                  << QStringLiteral("Ana Lima <ana")
                                  << QStringLiteral("example.org>");
    QTest::newRow("angle brackets")
        << QStringLiteral(" <ana@example.org> ") << QStringLiteral("ana@example.org")
        << QStringLiteral(" <ana") << QStringLiteral("example.org> ");
    QTest::newRow("quoted local part with @")
        << QStringLiteral("\"a@b\"@example.org") << QStringLiteral("\"a@b\"@example.org")
        << QStringLiteral("\"a@b\"") << QStringLiteral("example.org");
    QTest::newRow("no @") << QStringLiteral("example.org") << QStringLiteral("example.org")
                          << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QString() << QString();
}

void TestMailAddress::parts()
{
    QFETCH(QString, text);
    QFETCH(QString, bare);
    QFETCH(QString, localPart);
    QFETCH(QString, domainPart);
    QCOMPARE(MailAddress::bare(text), bare);
    QCOMPARE(MailAddress::localPart(text), localPart);
    QCOMPARE(MailAddress::domainPart(text), domainPart);
}

void TestMailAddress::domainOf_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("domain");
    QTest::newRow("address") << QStringLiteral("ana@Example.ORG") << QStringLiteral("example.org");
    QTest::newRow("display name") << QStringLiteral("Ana <ana@mail.example.org.>")
                                  << QStringLiteral("mail.example.org");
    QTest::newRow("domain alone") << QStringLiteral(" Example.org. ")
                                  << QStringLiteral("example.org");
    QTest::newRow("empty") << QString() << QString();
}

void TestMailAddress::domainOf()
{
    QFETCH(QString, text);
    QFETCH(QString, domain);
    QCOMPARE(MailAddress::domainOf(text), domain);
}

void TestMailAddress::organizationalDomain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("organizational");
    QTest::newRow("subdomain") << QStringLiteral("mail.example.com")
                               << QStringLiteral("example.com");
    QTest::newRow("two-label suffix")
        << QStringLiteral("a.b.shop.co.uk") << QStringLiteral("shop.co.uk");
    QTest::newRow("already organizational")
        << QStringLiteral("example.com") << QStringLiteral("example.com");
    QTest::newRow("case and trailing dot")
        << QStringLiteral("MX.Example.COM.") << QStringLiteral("example.com");
    QTest::newRow("public suffix alone") << QStringLiteral("co.uk") << QStringLiteral("co.uk");
    QTest::newRow("empty") << QString() << QString();
}

void TestMailAddress::organizationalDomain()
{
    QFETCH(QString, domain);
    QFETCH(QString, organizational);
    QCOMPARE(MailAddress::organizationalDomain(domain), organizational);
}

QTEST_GUILESS_MAIN(TestMailAddress)
#include "tst_mailaddress.moc"
