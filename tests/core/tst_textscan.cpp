#include "bounce/mimeparser.h"
#include "bounce/textscan.h"

#include <QTest>

using namespace BounceDoctor;

// The reader's text helpers that stand in for slower Qt calls must answer exactly as those do.
class TestTextScan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainAscii_data();
    void plainAscii();
    void sendingIp_data();
    void sendingIp();
    void isPublicIp_data();
    void isPublicIp();
    void htmlToText_data();
    void htmlToText();
    void htmlWithUnclosedStyle();
    void replyCodeAndAddress_data();
    void replyCodeAndAddress();
    void enhancedStatus_data();
    void enhancedStatus();
    void emptyLineSameAsIndexOf_data();
    void emptyLineSameAsIndexOf();
};

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
    QTest::newRow("a host name ending in a digit before a bracket")
        << QStringLiteral("client host mx2[198.51.100.9] blocked") << QStringLiteral("198.51.100.9")
        << QStringLiteral("from mx2(198.51.100.9) by mx") << QStringLiteral("198.51.100.9");
    QTest::newRow("a private address, then a public one")
        << QStringLiteral("from 10.0.0.1 (198.51.100.9) refused") << QStringLiteral("198.51.100.9")
        << QStringLiteral("from 10.0.0.1 198.51.100.9 by mx") << QStringLiteral("198.51.100.9");
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

void TestTextScan::isPublicIp_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<bool>("isPublic");
    QTest::newRow("IPv4 public") << QStringLiteral("8.8.8.8") << true;
    QTest::newRow("IPv4 documentation") << QStringLiteral("203.0.113.5") << true;
    QTest::newRow("IPv4 private 10/8") << QStringLiteral("10.1.2.3") << false;
    QTest::newRow("IPv4 private 172.16/12") << QStringLiteral("172.20.0.1") << false;
    QTest::newRow("IPv4 just outside 172.16/12") << QStringLiteral("172.32.0.1") << true;
    QTest::newRow("IPv4 private 192.168/16") << QStringLiteral("192.168.1.1") << false;
    QTest::newRow("IPv4 shared (CGNAT)") << QStringLiteral("100.64.0.1") << false;
    QTest::newRow("IPv4 loopback") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("IPv4 link-local") << QStringLiteral("169.254.10.1") << false;
    QTest::newRow("IPv4 this network") << QStringLiteral("0.1.2.3") << false;
    QTest::newRow("IPv4 multicast") << QStringLiteral("224.0.0.5") << false;
    QTest::newRow("IPv4 reserved") << QStringLiteral("240.0.0.1") << false;
    QTest::newRow("IPv4 broadcast") << QStringLiteral("255.255.255.255") << false;
    QTest::newRow("IPv4 octet too large") << QStringLiteral("203.0.113.256") << false;
    QTest::newRow("IPv6 public") << QStringLiteral("2a00:1450:4001:82b::200e") << true;
    QTest::newRow("IPv6 loopback") << QStringLiteral("::1") << false;
    QTest::newRow("IPv6 unspecified") << QStringLiteral("::") << false;
    QTest::newRow("IPv6 link-local") << QStringLiteral("fe80::1") << false;
    QTest::newRow("IPv6 unique local") << QStringLiteral("fd12:3456::1") << false;
    QTest::newRow("IPv6 site-local") << QStringLiteral("fec0::1") << false;
    QTest::newRow("IPv6 multicast") << QStringLiteral("ff02::1") << false;
    QTest::newRow("IPv4-mapped private") << QStringLiteral("::ffff:192.168.0.1") << false;
    QTest::newRow("IPv4-mapped public") << QStringLiteral("::ffff:198.51.100.7") << true;
    QTest::newRow("not an address") << QStringLiteral("mx.example.org") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestTextScan::isPublicIp()
{
    QFETCH(QString, ip);
    QFETCH(bool, isPublic);
    QCOMPARE(TextScan::isPublicIp(ip), isPublic);
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
    QTest::newRow("style, script and head go")
        << QStringLiteral("<head><title>t</title></head><STYLE type=x>p{}</style >a<script>"
                          "if (a<b) x();</SCRIPT>b")
        << QStringLiteral("ab");
    QTest::newRow("each element to its own end tag")
        << QStringLiteral("<style>p{}</script>x</style>y") << QStringLiteral("y");
    QTest::newRow("an end tag of another element only")
        << QStringLiteral("<style>p{} </script>x") << QStringLiteral("p{} x");
    QTest::newRow("a name that only starts like one")
        << QStringLiteral("<styles>a</styles>b") << QStringLiteral("ab");
    QTest::newRow("unclosed style") << QStringLiteral("Delivery failed<br><style>p { color: red }")
                                    << QStringLiteral("Delivery failed\np { color: red }");
}

// An HTML-only bounce with a <style> that never ends: reading it is one pass however long it
// is (it used to rescan to the end from every tag), and the text around it is kept.
void TestTextScan::htmlWithUnclosedStyle()
{
    const QString css = QStringLiteral("p.x { color: red; } <b>\n").repeated(9000); // over 200 KB
    QVERIFY(css.size() >= 200000);
    const QString html = QStringLiteral("<html><body><p>550 5.1.1 user unknown</p><style>") + css +
                         QStringLiteral("</body></html>");
    // Tags go and so do the blanks they leave before a line break.
    const QString expected = QStringLiteral("550 5.1.1 user unknown\n") +
                             QStringLiteral("p.x { color: red; }\n").repeated(9000);
    QCOMPARE(TextScan::htmlToText(html), expected);
}

void TestTextScan::replyCodeAndAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("replyCode");
    QTest::addColumn<QString>("address");
    QTest::newRow("code and address") << QStringLiteral("550 <ana@example.org>: no such user")
                                      << QStringLiteral("550") << QStringLiteral("ana@example.org");
    QTest::newRow("code at the end")
        << QStringLiteral("said: 452") << QStringLiteral("452") << QString();
    QTest::newRow("code before a hyphen")
        << QStringLiteral("550-5.1.1 The email account") << QStringLiteral("550") << QString();
    QTest::newRow("code at a line end")
        << QStringLiteral("x 421\nbye") << QStringLiteral("421") << QString();
    QTest::newRow("part of a number or path")
        << QStringLiteral("id 1550 /550 v.550 #550 =550") << QString() << QString();
    QTest::newRow("labelled code")
        << QStringLiteral("ERROR_CODE :550, x") << QStringLiteral("550") << QString();
    QTest::newRow("text glued to the domain") << QStringLiteral("a@example.jp\u60a8\u597d")
                                              << QString() << QStringLiteral("a@example.jp");
    QTest::newRow("digits glued to the domain")
        << QStringLiteral("user@example.com5 x") << QString() << QString();
    QTest::newRow("punycode top-level domain")
        << QStringLiteral("to: user@example.xn--p1ai.") << QString()
        << QStringLiteral("user@example.xn--p1ai");
    QTest::newRow("after non-ASCII text")
        << QStringLiteral("宛先不明 <kijitora@example.jp> 550") << QStringLiteral("550")
        << QStringLiteral("kijitora@example.jp");
}

void TestTextScan::replyCodeAndAddress()
{
    QFETCH(QString, text);
    QFETCH(QString, replyCode);
    QFETCH(QString, address);
    QCOMPARE(TextScan::replyCode(text), replyCode);
    QCOMPARE(TextScan::address(text), address);
}

void TestTextScan::htmlToText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(TextScan::htmlToText(html), text);
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
    QTest::newRow("part of a longer number")
        << QStringLiteral("45.1.1 and 5.1.12.3 and 5.1.1.2") << QString();
    QTest::newRow("a dot after it") << QStringLiteral("code 5.1.1.") << QStringLiteral("5.1.1");
    QTest::newRow("a letter before it") << QStringLiteral("x5.2.2 full") << QStringLiteral("5.2.2");
    QTest::newRow("after a non-ASCII word")
        << QStringLiteral("Fehler 5.2.2 Größe") << QStringLiteral("5.2.2");
}

void TestTextScan::enhancedStatus()
{
    QFETCH(QString, text);
    QFETCH(QString, status);
    QCOMPARE(TextScan::enhancedStatus(text), status);
}

// Mime::emptyLine() finds the blank line QByteArray::indexOf("\n\n") finds, wherever it falls.
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
