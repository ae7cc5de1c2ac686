#include "bounce/mimeparser.h"
#include "bounce/textscan.h"

#include <QTest>

using namespace BounceDoctor;

// The reader's text helpers that stand in for slower Qt calls must answer exactly as those do.
class TestTextScan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lowerCaseSameAsToLower_data();
    void lowerCaseSameAsToLower();
    void lowerCaseOfUnsharedTextInPlace();
    void plainAscii_data();
    void plainAscii();
};

void TestTextScan::lowerCaseSameAsToLower_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("lower already") << QStringLiteral("final-recipient");
    QTest::newRow("mixed ASCII") << QStringLiteral("Final-Recipient: RFC822; Ana@Example.ORG");
    QTest::newRow("digits and symbols") << QStringLiteral("X-Spam-Score: 5.1 [@_^`{|}~]");
    QTest::newRow("Latin-1") << QStringLiteral("Ä Ö Ü ÀÉÎ straße");
    QTest::newRow("Greek and Cyrillic") << QStringLiteral("ΣΊΣΥΦΟΣ Москва");
    QTest::newRow("Kelvin sign") << QStringLiteral("\u212A and \u0130");
    QTest::newRow("ASCII then non-ASCII") << QStringLiteral("DELIVERY FAILED – Ünzustellbar");
}

void TestTextScan::lowerCaseSameAsToLower()
{
    QFETCH(QString, text);
    QCOMPARE(TextScan::lowerCase(text), text.toLower());
}

void TestTextScan::lowerCaseOfUnsharedTextInPlace()
{
    const QString shared = QStringLiteral("Reporting-MTA");
    QString copy = shared;
    QCOMPARE(TextScan::lowerCase(copy), QStringLiteral("reporting-mta"));
    QCOMPARE(shared, QStringLiteral("Reporting-MTA")); // a shared original is left alone
}

void TestTextScan::plainAscii_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("plain");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("short ASCII") << QByteArray("550 5.1.1") << true;
    QTest::newRow("long ASCII") << QByteArray(1000, 'a') << true;
    QTest::newRow("8-bit in the first word") << QByteArray("caf\xc3\xa9 is closed") << false;
    QTest::newRow("8-bit in the tail") << QByteArray("sixteen bytes!!\xe9") << false;
    QTest::newRow("8-bit after many words") << QByteArray(99, 'x') + "\x80" << false;
    QTest::newRow("ISO-2022-JP escape") << QByteArray("\x1b$B$3$s\x1b(B") << false;
    QTest::newRow("DEL and controls") << QByteArray("\x7f\x01\t\n") << true;
}

void TestTextScan::plainAscii()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, plain);
    QCOMPARE(Mime::isPlainAscii(bytes), plain);
    // Plain text is read byte for byte, as Latin-1 (and UTF-8) would read it.
    if (plain)
        QCOMPARE(Mime::decode(bytes, nullptr), QString::fromLatin1(bytes));
}

QTEST_GUILESS_MAIN(TestTextScan)
#include "tst_textscan.moc"
