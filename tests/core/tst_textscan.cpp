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
    void sendingIp_data();
    void sendingIp();
    void htmlToText_data();
    void htmlToText();
    void squeezeSameAsSimplified_data();
    void squeezeSameAsSimplified();
    void enhancedStatus_data();
    void enhancedStatus();
    void emptyLineSameAsIndexOf_data();
    void emptyLineSameAsIndexOf();
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

// Both look for an address only where the text has one at all; these rows keep the quick
// "no address here" answer from hiding one.
void TestTextScan::sendingIp_data()
{
    QTest::addColumn<QString>("diagnostic");
    QTest::addColumn<QString>("inDiagnostic");
    QTest::addColumn<QString>("received");
    QTest::addColumn<QString>("inReceived");
    QTest::newRow("codes only") << QStringLiteral("550 5.7.1 Service unavailable") << QString()
                                << QStringLiteral("from mx.example.net by mx.example.org")
                                << QString();
    QTest::newRow("client host in brackets")
        << QStringLiteral("550 5.7.1 Client host [203.0.113.5] blocked using zen.spamhaus.org")
        << QStringLiteral("203.0.113.5")
        << QStringLiteral("from mail.example.net ([203.0.113.5]) by mx.example.org")
        << QStringLiteral("203.0.113.5");
    QTest::newRow("address at the very end")
        << QStringLiteral("messages from 198.51.100.77") << QStringLiteral("198.51.100.77")
        << QStringLiteral("from 198.51.100.77") << QStringLiteral("198.51.100.77");
    QTest::newRow("after a version number")
        << QStringLiteral("5.7.1 v1.2 from IP 192.0.2.10.") << QStringLiteral("192.0.2.10")
        << QStringLiteral("from [10.0.0.1] (relay v2.5.1 192.0.2.10) by mx")
        << QStringLiteral("192.0.2.10");
    QTest::newRow("gmail's bracketed connecting address")
        << QStringLiteral("550-5.7.1 [198.51.100.44      12] Our system has detected that this "
                          "message is likely suspicious due to the very low reputation of the "
                          "sending domain. - gsmtp")
        << QStringLiteral("198.51.100.44") << QString() << QString();
    QTest::newRow("gmail's bracketed IPv6 address")
        << QStringLiteral("550-5.7.1 [2001:db8:7:1::25 3] The IP address sending this message "
                          "does not meet IPv6 sending guidelines - gsmtp")
        << QStringLiteral("2001:db8:7:1::25") << QString() << QString();
    QTest::newRow("private address only")
        << QStringLiteral("from 10.1.2.3 rejected") << QString()
        << QStringLiteral("from [192.168.1.20] by mx.example.org") << QString();
    QTest::newRow("three groups are no address")
        << QStringLiteral("from 192.0.2 rejected") << QString()
        << QStringLiteral("from 192.0.2 by mx") << QString();
}

void TestTextScan::sendingIp()
{
    QFETCH(QString, diagnostic);
    QFETCH(QString, inDiagnostic);
    QFETCH(QString, received);
    QFETCH(QString, inReceived);
    QCOMPARE(TextScan::senderIpInText(diagnostic), inDiagnostic);
    QCOMPARE(TextScan::receivedFromIp(received), inReceived);
}

// Tags go from a '<' to the next '>' (as <[^>]*> would), and blanks before a line break go.
void TestTextScan::htmlToText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("tags") << QStringLiteral("a<b>c</b>d") << QStringLiteral("acd");
    QTest::newRow("a line break") << QStringLiteral("one<br>two<BR/>three")
                                  << QStringLiteral("one\ntwo\nthree");
    QTest::newRow("a stray < up to the next >")
        << QStringLiteral("1 < 2 <b>bold</b>") << QStringLiteral("1 bold");
    QTest::newRow("a < and a > apart")
        << QStringLiteral("a < b and c > d") << QStringLiteral("a  d");
    QTest::newRow("a < never closed")
        << QStringLiteral("x<b>y</b> and z<w") << QStringLiteral("xy and z<w");
    QTest::newRow("blanks before line breaks")
        << QStringLiteral("line one   \n  \t\nend  ") << QStringLiteral("line one\n\nend  ");
    QTest::newRow("blanks inside a line stay")
        << QStringLiteral("tab\t\tthen text\n") << QStringLiteral("tab\t\tthen text\n");
    QTest::newRow("cells and entities")
        << QStringLiteral("<td>550</td><td>5.1.1&nbsp;user&lt;unknown&gt;</td>")
        << QStringLiteral("550 5.1.1 user<unknown> ");
}

void TestTextScan::htmlToText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(TextScan::htmlToText(html), text);
}

void TestTextScan::squeezeSameAsSimplified_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("only blanks") << QStringLiteral(" \t\r\n ");
    QTest::newRow("one word") << QStringLiteral("unknown");
    QTest::newRow("around and between")
        << QStringLiteral("  550 5.1.1\n\t<ana@example.org>:   user\r\n unknown  ");
    QTest::newRow("vertical tab and form feed") << QStringLiteral("a\vb\fc");
    QTest::newRow("no-break and ideographic spaces")
        << QString::fromUtf16(u"a\u00a0b\u3000c\u2028d\u0085e");
    QTest::newRow("non-ASCII words") << QString::fromUtf16(u"  宛先  不明 \n Größe  ");
}

void TestTextScan::squeezeSameAsSimplified()
{
    QFETCH(QString, text);
    QCOMPARE(TextScan::squeeze(text), text.simplified());
}

// The quick "no code here" answer must never hide one.
void TestTextScan::enhancedStatus_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("status");
    QTest::newRow("after the reply code")
        << QStringLiteral("550 5.7.1 Relaying denied") << QStringLiteral("5.7.1");
    QTest::newRow("alone at the end") << QStringLiteral("Status: 4.4.7") << QStringLiteral("4.4.7");
    QTest::newRow("after a hash") << QStringLiteral("#5.1.1 SMTP; 550") << QStringLiteral("5.1.1");
    QTest::newRow("three-digit detail")
        << QStringLiteral("550-5.7.509 Access denied") << QStringLiteral("5.7.509");
    QTest::newRow("no code") << QStringLiteral("Mailbox unavailable. Try later.") << QString();
    QTest::newRow("two runs only") << QStringLiteral("version 1.2 of 5.7") << QString();
    QTest::newRow("an address is no code") << QStringLiteral("from 192.0.2.1") << QString();
}

void TestTextScan::enhancedStatus()
{
    QFETCH(QString, text);
    QFETCH(QString, status);
    QCOMPARE(TextScan::enhancedStatus(text), status);
}

// Mime::emptyLine() compares sixteen places at a time: the blank line must be found wherever it
// falls against those blocks, as QByteArray::indexOf("\n\n") finds it.
void TestTextScan::emptyLineSameAsIndexOf_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("from");
    const QByteArray line = "Subject: x\n"; // 11 bytes
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("none") << line.repeated(5) << 0;
    QTest::newRow("at the start") << "\n\n" + line.repeated(3) << 0;
    QTest::newRow("one newline at the very end") << line.repeated(3) << 0;
    QTest::newRow("at the very end") << line.repeated(3) + "\n" << 0;
    for (int pad = 12; pad <= 20; ++pad) {
        const QByteArray bytes = QByteArray(pad, 'a') + "\n\n" + line.repeated(3);
        QTest::addRow("after %d bytes", pad) << bytes << 0;
        QTest::addRow("after %d bytes, from past it", pad) << bytes << pad + 1;
    }
    QTest::newRow("newline then CR") << line.repeated(2) + "\r\n\r\n" + line << 0;
    QTest::newRow("three in a row") << QByteArray(30, 'a') + "\n\n\n" + line << 0;
    QTest::newRow("from past the end") << line.repeated(2) + "\n" << 40;
}

void TestTextScan::emptyLineSameAsIndexOf()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, from);
    const qsizetype expected = from > bytes.size() ? -1 : bytes.indexOf("\n\n", from);
    QCOMPARE(Mime::emptyLine(bytes, from), expected);
}

QTEST_GUILESS_MAIN(TestTextScan)
#include "tst_textscan.moc"
