// Small bounces that amplify (issue 18): each shape is generated here at a small size, with the
// limit lowered where that shows the shape, and checked for what it must not cost: a copy of
// the text per recipient, a list of everything, a pass per earlier line.

#include "bounce/bouncereader.h"

#include <QTest>

using namespace BounceDoctor;

namespace {

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
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
