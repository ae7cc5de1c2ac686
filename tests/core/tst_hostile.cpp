// Small bounces that amplify (issue 18): each shape is generated here at a small size, with the
// limit lowered where that shows the shape, and checked for what it must not cost: a copy of
// the text per recipient, a list of everything, a pass per earlier line.

#include "bounce/authresultsparser.h"
#include "bounce/bouncereader.h"

#include <QTest>

using namespace BounceDoctor;

namespace {

// An Exim-like notice whose explanation names no address: the X-Failed-Recipients header says
// who failed, and the whole explanation is their diagnostic.
QByteArray failedRecipientsBounce(int addresses, qsizetype textBytes)
{
    QByteArray list;
    for (int i = 0; i < addresses; ++i)
        list += (i ? ", " : "") + QByteArray("user") + QByteArray::number(i) + "@example.net";
    QByteArray text = "A message that you sent could not be delivered to one or more of its "
                      "recipients. 550 5.1.1 The email account does not exist.\n";
    const QByteArray filler = "The remote server gave no further details about this failure. ";
    while (text.size() < textBytes)
        text += filler + (text.size() % 640 < filler.size() ? "\n" : "");
    return "From: Mail Delivery System <Mailer-Daemon@relay.example.org>\n"
           "To: sender@example.org\n"
           "Subject: Mail delivery failed: returning message to sender\n"
           "X-Failed-Recipients: " +
           list + "\n\n" + text + "\n";
}

// A Postfix-like notice with one address line per recipient; repeated ones in other case.
QByteArray addressLinesBounce(int distinct, int repeats)
{
    QByteArray body;
    for (int i = 0; i < distinct; ++i)
        body += "<user" + QByteArray::number(i) + "@example.net>: 550 5.1.1 user unknown\n";
    for (int i = 0; i < repeats; ++i)
        body += "<USER" + QByteArray::number(i) + "@EXAMPLE.NET>: 550 5.1.1 again\n";
    return "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
           "Subject: Undelivered Mail Returned to Sender\n"
           "To: sender@example.org\n\n"
           "This is the mail system at host mx.example.org.\n\n" +
           body;
}

} // namespace

class TestHostile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedRecipientsShareTheExplanation_data()
    {
        QTest::addColumn<int>("addresses");
        QTest::addColumn<qsizetype>("textBytes");
        QTest::addColumn<int>("maxRecipients");
        QTest::newRow("one, short") << 1 << qsizetype(200) << 1000;
        QTest::newRow("three, short") << 3 << qsizetype(200) << 1000;
        QTest::newRow("forty, long text") << 40 << qsizetype(64 * 1024) << 1000;
        QTest::newRow("over the limit") << 200 << qsizetype(32 * 1024) << 25;
    }

    void failedRecipientsShareTheExplanation()
    {
        QFETCH(int, addresses);
        QFETCH(qsizetype, textBytes);
        QFETCH(int, maxRecipients);
        ReaderLimits limits;
        limits.maxRecipients = maxRecipients;
        const BounceMessage message =
            BounceReader(limits).readMessage(failedRecipientsBounce(addresses, textBytes));
        QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
        QCOMPARE(message.recipients.size(), qMin(addresses, maxRecipients));
        if (addresses > maxRecipients) {
            // The notice names the limit and how many the bounce listed.
            QVERIFY2(message.notice.contains(QString::number(maxRecipients)) &&
                         message.notice.contains(QString::number(addresses)),
                     qPrintable(message.notice));
        } else {
            QVERIFY(message.notice.isEmpty());
        }
        const RecipientDiagnosis &first = message.recipients.first();
        QCOMPARE(first.recipient, QStringLiteral("user0@example.net"));
        QCOMPARE(first.status, QStringLiteral("5.1.1"));
        QCOMPARE(first.replyCode, QStringLiteral("550"));
        QVERIFY(first.diagnostic.startsWith(QLatin1String("A message that you sent")));
        if (addresses == 1) {
            // One recipient: the whole explanation, nothing is amplified.
            QVERIFY(first.diagnostic.size() >= textBytes * 9 / 10);
            return;
        }
        // Several: one text of a diagnostic's size, shared and not copied per recipient.
        QVERIFY2(first.diagnostic.size() <= 4002,
                 qPrintable(QString::number(first.diagnostic.size())));
        for (const RecipientDiagnosis &r : message.recipients) {
            QCOMPARE(r.status, QStringLiteral("5.1.1"));
            QVERIFY(r.diagnostic.isSharedWith(first.diagnostic));
        }
    }

    void distinctAddressLines_data()
    {
        QTest::addColumn<int>("distinct");
        QTest::addColumn<int>("repeats");
        QTest::newRow("two") << 2 << 0;
        QTest::newRow("two, both again") << 2 << 2;
        QTest::newRow("a thousand, half again") << 1000 << 500;
    }

    // An address listed again, in any case, adds to its first entry; all others stay apart.
    void distinctAddressLines()
    {
        QFETCH(int, distinct);
        QFETCH(int, repeats);
        ReaderLimits limits;
        limits.maxRecipients = distinct;
        const BounceMessage message =
            BounceReader(limits).readMessage(addressLinesBounce(distinct, repeats));
        QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
        QCOMPARE(message.recipients.size(), distinct);
        QVERIFY(message.notice.isEmpty());
        for (int i = 0; i < distinct; ++i) {
            const RecipientDiagnosis &r = message.recipients.at(i);
            QCOMPARE(r.recipient, QStringLiteral("user%1@example.net").arg(i));
            QCOMPARE(r.diagnostic.contains(QLatin1String("again")), i < repeats);
        }
    }

    void authenticationResultsStayBounded_data()
    {
        QTest::addColumn<int>("methods");
        QTest::addColumn<int>("pathSegments");
        QTest::newRow("one") << 1 << 1;
        QTest::newRow("at the limit") << int(AuthResultsParser::maxMethods) << 2;
        QTest::newRow("past the limit") << 5000 << 1;
        QTest::newRow("a long joined value") << 3 << 20000;
    }

    // Read as a stream of tokens: any count of ';' and '=' is read, at most maxMethods kept.
    void authenticationResultsStayBounded()
    {
        QFETCH(int, methods);
        QFETCH(int, pathSegments);
        QStringList segments(pathSegments, QStringLiteral("ab"));
        const QString method = QStringLiteral("dkim=pass header.d=example.com header.b=%1 (ok); ")
                                   .arg(segments.join(QLatin1Char('/')));
        const AuthResultsHeader header =
            AuthResultsParser::parse(QStringLiteral("mx.example.net; ") + method.repeated(methods));
        QVERIFY(header.valid);
        QCOMPARE(header.authServId, QStringLiteral("mx.example.net"));
        QCOMPARE(header.methods.size(), qMin(qsizetype(methods), AuthResultsParser::maxMethods));
        for (const AuthResultsHeader::Method &m : header.methods) {
            QCOMPARE(m.method, QStringLiteral("dkim"));
            QCOMPARE(m.result, QStringLiteral("pass"));
            QCOMPARE(m.property(QStringLiteral("header.d")), QStringLiteral("example.com"));
            QCOMPARE(m.property(QStringLiteral("header.b")).size(), pathSegments * 3 - 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
