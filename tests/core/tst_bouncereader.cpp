#include "bounce/bouncereader.h"
#include "bounce/mimeparser.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace BounceDoctor;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(BD_TEST_DATA_DIR "/bounces/") + name;
}

QList<BounceMessage> readAll(const BounceReader &reader, const QString &path)
{
    QList<BounceMessage> messages;
    reader.readPath(path, [&](BounceMessage &&message) { messages.append(std::move(message)); });
    return messages;
}

// A multipart/report whose third part is the returned original, in the shapes MTAs send it.
QByteArray reportWithOriginal(const QByteArray &originalPartHeaders, const QByteArray &original)
{
    return QByteArrayLiteral(
               "From: Mail Delivery System <MAILER-DAEMON@mx.sender.example>\n"
               "To: ana@sender.example\n"
               "Subject: Undelivered Mail Returned to Sender\n"
               "MIME-Version: 1.0\n"
               "Content-Type: multipart/report; report-type=delivery-status;\n"
               "\tboundary=\"B0UND\"\n"
               "\n"
               "--B0UND\n"
               "Content-Type: text/plain\n"
               "\n"
               "Your message could not be delivered.\n"
               "\n"
               "--B0UND\n"
               "Content-Type: message/delivery-status\n"
               "\n"
               "Reporting-MTA: dns; mx.sender.example\n"
               "\n"
               "Final-Recipient: rfc822; ben@receiver.example\n"
               "Action: failed\n"
               "Status: 5.1.1\n"
               "Diagnostic-Code: smtp; 550 5.1.1 <ben@receiver.example>: user unknown\n"
               "\n"
               "--B0UND\n") +
           originalPartHeaders + "\n" + original + "\n--B0UND--\n";
}

} // namespace

class TestBounceReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledExamples_data();
    void bundledExamples();
    void formats_data();
    void formats();
    void originalMessage();
    void attachedOriginal_data();
    void attachedOriginal();
    void severalRecipients();
    void pastedText_data();
    void pastedText();
    void mboxStreamsEveryMessage();
    void maildirAndFolder();
    void errorsDoNotStopTheBatch();
    void oversizedMessageIsRefused();
    void notABounce();
    void headerSection_data();
    void headerSection();
    void onePartSameAsInMultipart_data();
    void onePartSameAsInMultipart();
    void threadsKeepInputOrder_data();
    void threadsKeepInputOrder();
    void textEncodings_data();
    void textEncodings();
    void noLoneSurrogates_data();
    void noLoneSurrogates();
    void forwardedLayers_data();
    void forwardedLayers();
};

// Help > Examples is a new user's first impression: each bundled bounce must be diagnosed
// right, both opened as a file and with its body pasted from a mail client's reading pane.
void TestBounceReader::bundledExamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("status");
    for (bool pasted : {false, true}) {
        const char *how = pasted ? "pasted" : "file";
        QTest::addRow("user unknown, %s", how) << "01-user-unknown.eml"
                                               << "userunknown"
                                               << ""
                                               << "5.1.1";
        QTest::addRow("mailbox full, %s", how) << "02-mailbox-full.eml"
                                               << "mailboxfull"
                                               << ""
                                               << "5.2.2";
        QTest::addRow("Microsoft blocklist, %s", how) << "03-microsoft-blocklist.eml"
                                                      << "blocked"
                                                      << "ip-blocklist"
                                                      << "5.7.1";
        QTest::addRow("Gmail DMARC, %s", how) << "04-gmail-dmarc.eml"
                                              << "authfailure"
                                              << "dmarc"
                                              << "5.7.26";
        QTest::addRow("prior approval, %s", how) << "05-prior-approval.eml"
                                                 << "filtered"
                                                 << "prior-approval"
                                                 << "5.5.5";
        QTest::addRow("relaying denied, %s", how) << "06-relaying-denied.eml"
                                                  << "norelaying"
                                                  << ""
                                                  << "5.7.1";
    }
}

void TestBounceReader::bundledExamples()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    QFETCH(QString, detail);
    QFETCH(QString, status);
    const QString path = QStringLiteral(BD_TEST_DATA_DIR "/../../resources/examples/") + file;
    BounceMessage message;
    if (QString::fromLatin1(QTest::currentDataTag()).endsWith(QLatin1String("pasted"))) {
        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        message =
            BounceReader().readPastedText(QString::fromUtf8(bytes.mid(bytes.indexOf("\n\n") + 2)));
    } else {
        const QList<BounceMessage> messages = readAll(BounceReader(), path);
        QCOMPARE(messages.size(), 1);
        message = messages.first();
    }
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    QVERIFY(!message.recipients.isEmpty());
    const RecipientDiagnosis &r = message.recipients.first();
    QCOMPARE(r.reason, reason);
    if (!detail.isEmpty())
        QCOMPARE(r.detail, detail);
    QCOMPARE(r.status, status);
}

void TestBounceReader::formats_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("replyCode");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("provider");

    QTest::newRow("postfix dsn, crlf") << "postfix-dsn-userunknown.eml"
                                       << "m.lindqvist@fjordtrading.example"
                                       << "5.1.1"
                                       << "550"
                                       << "userunknown"
                                       << "";
    QTest::newRow("exim prose") << "exim-prose-mailboxfull.eml"
                                << "tomas.brandt@lakeview-mail.example"
                                << "5.2.2"
                                << "552"
                                << "mailboxfull"
                                << "";
    QTest::newRow("qmail") << "qmail-hostunknown.eml"
                           << "patient.care@sunnyside-clinic.exmaple"
                           << "5.1.2"
                           << ""
                           << "hostunknown"
                           << "";
    QTest::newRow("gmail quoted-printable") << "gmail-prose-dmarc.eml"
                                            << "jane.okafor@gmail.com"
                                            << "5.7.26"
                                            << "550"
                                            << "authfailure"
                                            << "gmail";
    QTest::newRow("office365 s3150") << "office365-s3150.eml"
                                     << "k.hartmann@outlook.com"
                                     << "5.7.1"
                                     << "550"
                                     << "blocked"
                                     << "microsoft";
    QTest::newRow("iso-2022-jp") << "iso2022jp-userunknown.eml"
                                 << "yamada.taro@kumo-net.example"
                                 << "5.1.1"
                                 << "550"
                                 << "userunknown"
                                 << "";
    QTest::newRow("shift_jis raw 8-bit") << "shiftjis-8bit-mailboxfull.eml"
                                         << "suzuki@ame.example"
                                         << "5.2.2"
                                         << "552"
                                         << "mailboxfull"
                                         << "";
    QTest::newRow("koi8-r, cr only") << "koi8r-cr-only.eml"
                                     << "ivanov@pochta.example"
                                     << "5.1.1"
                                     << "550"
                                     << "userunknown"
                                     << "";
    QTest::newRow("base64 latin-1") << "base64-latin1-relay.eml"
                                    << "lucia@destino.example"
                                    << "5.7.1"
                                    << "554"
                                    << "norelaying"
                                    << "";
    QTest::newRow("arf") << "arf-complaint.eml"
                         << "reader@mailbox-provider.example"
                         << ""
                         << ""
                         << "feedback"
                         << "";
    QTest::newRow("auto-reply") << "autoreply-vacation.eml"
                                << "ingrid@nordlys-design.example"
                                << ""
                                << ""
                                << "vacation"
                                << "";
    QTest::newRow("amazon ses json") << "ses-bounce.json.eml"
                                     << "old.customer@webmail.example"
                                     << "5.1.1"
                                     << "550"
                                     << "userunknown"
                                     << "amazonses";
    QTest::newRow("global dsn, utf-8 address")
        << "global-dsn-utf8.eml" << QStringLiteral("用户@例子.example") << "5.1.1"
        << "550"
        << "userunknown"
        << "";
}

void TestBounceReader::formats()
{
    QFETCH(QString, file);
    QFETCH(QString, recipient);
    QFETCH(QString, status);
    QFETCH(QString, replyCode);
    QFETCH(QString, reason);
    QFETCH(QString, provider);

    const QList<BounceMessage> messages = readAll(BounceReader(), fixture(file));
    QCOMPARE(messages.size(), 1);
    const BounceMessage &message = messages.first();
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    QCOMPARE(message.recipients.size(), 1);
    const RecipientDiagnosis &r = message.recipients.first();
    QCOMPARE(r.recipient, recipient);
    QCOMPARE(r.status, status);
    QCOMPARE(r.replyCode, replyCode);
    QCOMPARE(r.reason, reason);
    QCOMPARE(r.provider, provider);
    QVERIFY(!r.headline.isEmpty());
    QVERIFY(!r.explanation.isEmpty());
}

void TestBounceReader::originalMessage()
{
    const QList<BounceMessage> messages =
        readAll(BounceReader(), fixture(QStringLiteral("postfix-dsn-userunknown.eml")));
    QCOMPARE(messages.size(), 1);
    const OriginalMessage &original = messages.first().original;
    QCOMPARE(original.subject, QStringLiteral("Invoice 2025-1142"));
    QCOMPARE(original.messageId, QStringLiteral("<inv-2025-1142@harbour-books.example>"));
    QCOMPARE(original.sendingIp, QStringLiteral("203.0.113.77"));
    QCOMPARE(original.dkimDomain, QStringLiteral("harbour-books.example"));
    QCOMPARE(original.dkimSelector, QStringLiteral("mail2025"));
    QCOMPARE(original.authenticationResults.size(), 2);
    QCOMPARE(original.authenticationResults.at(0).method, QStringLiteral("spf"));
    QCOMPARE(original.authenticationResults.at(1).selector, QStringLiteral("mail2025"));

    const RecipientDiagnosis &r = messages.first().recipients.first();
    QCOMPARE(r.remoteMta, QStringLiteral("mail.fjordtrading.example"));
    QCOMPARE(r.reportingMta, QStringLiteral("mx1.harbour-books.example"));
    QVERIFY(r.diagnostic.contains(QLatin1String("User unknown in virtual mailbox table")));
    QVERIFY(r.permanent);
    QVERIFY(r.hardBounce);
    QCOMPARE(r.firstStep, FirstStep::VerifyAddress);

    // The diagnostic's own words name the sending IP: they win over the Received chain.
    const BounceMessage s3150 =
        readAll(BounceReader(), fixture(QStringLiteral("office365-s3150.eml"))).first();
    QCOMPARE(s3150.recipients.first().sendingIp, QStringLiteral("203.0.113.150"));
    QCOMPARE(s3150.recipients.first().detail, QStringLiteral("ip-blocklist"));
}

void TestBounceReader::attachedOriginal_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("messageId");

    const QByteArray original = "Received: from pc.sender.example ([198.51.100.23])\n"
                                "\tby mx.sender.example; Tue, 4 Mar 2025 09:12:00 +0100\n"
                                "From: Ana <ana@sender.example>\n"
                                "To: ben@receiver.example\n"
                                "Subject: =?UTF-8?Q?Facture_n=C2=B0_12?=\n"
                                "Message-ID: <f12@sender.example>\n"
                                "MIME-Version: 1.0\n"
                                "Content-Type: multipart/alternative; boundary=\"INNER\"\n"
                                "\n"
                                "--INNER\n"
                                "Content-Type: text/plain\n"
                                "\n"
                                "Hello\n"
                                "--INNER--\n";
    const QString subject = QStringLiteral("Facture n° 12");
    const QString id = QStringLiteral("<f12@sender.example>");
    QTest::newRow("message/rfc822")
        << reportWithOriginal("Content-Type: message/rfc822\n", original) << subject << id;
    // Some MTAs put a blank line between the part's headers and the original's.
    QTest::newRow("stray blank line")
        << reportWithOriginal("Content-Type: message/rfc822\n", "\n" + original) << subject << id;
    QTest::newRow("message/global")
        << reportWithOriginal("Content-Type: message/global\n", original) << subject << id;
    QTest::newRow("base64 original")
        << reportWithOriginal("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n",
                              original.toBase64())
        << subject << id;
    QTest::newRow("headers only") << reportWithOriginal("Content-Type: text/rfc822-headers\n",
                                                        original.left(original.indexOf("\n\n")))
                                  << subject << id;
    // A saved message that kept its mbox postmark line.
    QTest::newRow("mbox postmark")
        << "From MAILER-DAEMON Tue Mar  4 09:13:00 2025\n" +
               reportWithOriginal("Content-Type: message/rfc822\n", original)
        << subject << id;
    QTest::newRow("CRLF")
        << reportWithOriginal("Content-Type: message/rfc822\n", original).replace("\n", "\r\n")
        << subject << id;
}

void TestBounceReader::attachedOriginal()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, subject);
    QFETCH(QString, messageId);
    const BounceMessage read = BounceReader().readMessage(message);
    QCOMPARE(read.kind, BounceMessage::Kind::Bounce);
    QCOMPARE(read.subject, QStringLiteral("Undelivered Mail Returned to Sender"));
    QCOMPARE(read.recipients.size(), 1);
    QCOMPARE(read.recipients.first().reason, QStringLiteral("userunknown"));
    QCOMPARE(read.original.subject, subject);
    QCOMPARE(read.original.messageId, messageId);
    QCOMPARE(read.original.from, QStringLiteral("Ana <ana@sender.example>"));
    QCOMPARE(read.original.sendingIp, QStringLiteral("198.51.100.23"));
}

void TestBounceReader::severalRecipients()
{
    const QList<BounceMessage> messages =
        readAll(BounceReader(), fixture(QStringLiteral("dsn-two-recipients.eml")));
    QCOMPARE(messages.size(), 1);
    const QList<RecipientDiagnosis> &r = messages.first().recipients;
    QCOMPARE(r.size(), 3);
    // Folded Diagnostic-Code, a provider phrase that needs the recipient's IT.
    QCOMPARE(r.at(0).recipient, QStringLiteral("parent.one@hillmail.example"));
    QVERIFY(r.at(0).diagnostic.contains(QLatin1String("without prior approval")));
    QCOMPARE(r.at(0).detail, QStringLiteral("prior-approval"));
    QCOMPARE(r.at(0).responsible, Responsible::RecipientAdmin);
    QCOMPARE(r.at(0).firstStep, FirstStep::ContactRecipientIt);
    QCOMPARE(r.at(1).reason, QStringLiteral("norelaying"));
    // No Diagnostic-Code at all, a delay: temporary, not a hard bounce.
    QCOMPARE(r.at(2).action, QStringLiteral("delayed"));
    QCOMPARE(r.at(2).status, QStringLiteral("4.2.2"));
    QCOMPARE(r.at(2).reason, QStringLiteral("mailboxfull"));
    QVERIFY(!r.at(2).permanent);
    QVERIFY(!r.at(2).hardBounce);
}

void TestBounceReader::pastedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<bool>("permanent");

    QTest::newRow("reply line with address")
        << "jsmith@example.com: 550 5.1.1 <jsmith@example.com>... User unknown"
        << "jsmith@example.com"
        << "userunknown"
        << "" << true;
    QTest::newRow("bare reply line")
        << "550 5.7.1 Unfortunately, messages from [198.51.100.7] weren't sent. Please contact "
           "your Internet service provider since part of their network is on our block list "
           "(S3150)."
        << ""
        << "blocked"
        << "ip-blocklist" << true;
    QTest::newRow("prior approval")
        << "550 5.5.5 Message not delivered to user without prior approval"
        << ""
        << "filtered"
        << "prior-approval" << true;
    QTest::newRow("temporary") << "451 4.7.1 Please try again later, greylisted"
                               << ""
                               << "blocked"
                               << "" << false;
    QTest::newRow("outlook reading pane")
        << "Your message to sales@contoso-supplies.example couldn't be delivered.\n"
           "sales wasn't found at contoso-supplies.example.\n\n"
           "Remote server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient "
           "sales@contoso-supplies.example not found by SMTP address lookup'"
        << "sales@contoso-supplies.example"
        << "userunknown"
        << "" << true;
    QTest::newRow("whole bounce with headers")
        << "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\n"
           "To: me@example.org\n\n<old@example.net>: host mx.example.net[192.0.2.1] said: 550 "
           "5.1.1 <old@example.net>: Recipient address rejected: User unknown (in reply to RCPT "
           "TO command)\n"
        << "old@example.net"
        << "userunknown"
        << "" << true;
}

void TestBounceReader::pastedText()
{
    QFETCH(QString, text);
    QFETCH(QString, recipient);
    QFETCH(QString, reason);
    QFETCH(QString, detail);
    QFETCH(bool, permanent);
    const BounceMessage message = BounceReader().readPastedText(text);
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    QVERIFY(!message.recipients.isEmpty());
    const RecipientDiagnosis &r = message.recipients.first();
    QCOMPARE(r.recipient, recipient);
    QCOMPARE(r.reason, reason);
    if (!detail.isEmpty())
        QCOMPARE(r.detail, detail);
    QCOMPARE(r.permanent, permanent);
}

void TestBounceReader::mboxStreamsEveryMessage()
{
    const QList<BounceMessage> messages =
        readAll(BounceReader(), fixture(QStringLiteral("three.mbox")));
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).index, 0);
    QCOMPARE(messages.at(0).recipients.first().reason, QStringLiteral("mailboxfull"));
    QCOMPARE(messages.at(1).kind, BounceMessage::Kind::NotABounce);
    QCOMPARE(messages.at(1).index, 1);
    QCOMPARE(messages.at(2).recipients.first().reason, QStringLiteral("hostunknown"));
    QCOMPARE(messages.at(2).source, fixture(QStringLiteral("three.mbox")));
}

void TestBounceReader::maildirAndFolder()
{
    const QList<BounceMessage> maildir =
        readAll(BounceReader(), fixture(QStringLiteral("maildir")));
    QCOMPARE(maildir.size(), 2); // cur and new, never tmp
    QCOMPARE(maildir.at(0).kind, BounceMessage::Kind::Bounce);
    QCOMPARE(maildir.at(1).kind, BounceMessage::Kind::NotABounce);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(fixture(QStringLiteral("qmail-hostunknown.eml")),
                        dir.filePath(QStringLiteral("a.eml"))));
    QVERIFY(QFile::copy(fixture(QStringLiteral("exim-prose-mailboxfull.eml")),
                        dir.filePath(QStringLiteral("b.eml"))));
    const QList<BounceMessage> folder = readAll(BounceReader(), dir.path());
    QCOMPARE(folder.size(), 2);
    QCOMPARE(folder.at(0).recipients.first().reason, QStringLiteral("hostunknown"));
    QCOMPARE(folder.at(1).recipients.first().reason, QStringLiteral("mailboxfull"));
}

void TestBounceReader::errorsDoNotStopTheBatch()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(fixture(QStringLiteral("qmail-hostunknown.eml")),
                        dir.filePath(QStringLiteral("good.eml"))));
    QFile unreadable(dir.filePath(QStringLiteral("locked.eml")));
    QVERIFY(unreadable.open(QIODevice::WriteOnly));
    unreadable.write("From: x\n\n");
    unreadable.close();
    const BounceReader reader;
    QList<BounceMessage> messages = readAll(reader, dir.filePath(QStringLiteral("missing.eml")));
    messages += readAll(reader, dir.filePath(QStringLiteral("good.eml")));
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).kind, BounceMessage::Kind::Error);
    QVERIFY2(messages.at(0).error.contains(QLatin1String("no such file"), Qt::CaseInsensitive),
             qPrintable(messages.at(0).error));
    QCOMPARE(messages.at(1).kind, BounceMessage::Kind::Bounce);
}

void TestBounceReader::oversizedMessageIsRefused()
{
    ReaderLimits limits;
    limits.maxMessageBytes = 1024;
    const BounceReader reader(limits);
    QByteArray big = "From: MAILER-DAEMON@example.org\nSubject: failure\n\n";
    big += QByteArray(4096, 'x');
    const BounceMessage message = reader.readMessage(big, QStringLiteral("big.eml"));
    QCOMPARE(message.kind, BounceMessage::Kind::Error);
    QVERIFY2(message.error.contains(QLatin1String("limit")), qPrintable(message.error));
}

void TestBounceReader::notABounce()
{
    const QList<BounceMessage> messages =
        readAll(BounceReader(), fixture(QStringLiteral("not-a-bounce.eml")));
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().kind, BounceMessage::Kind::NotABounce);
    QCOMPARE(BounceReader().readPastedText(QStringLiteral("Hello, how are you?")).kind,
             BounceMessage::Kind::NotABounce);
}

// The reader splits the header section from the body where GMime would, and reads its fields.
void TestBounceReader::headerSection_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("reason");

    const QByteArray body = "Content-Type: text/plain; charset=utf-8\n"
                            "Content-Transfer-Encoding: quoted-printable\n"
                            "\n"
                            "<ana@example.org>: host mx.example.org said: 550 5.1.1 User=\n"
                            " unknown (in reply to RCPT TO command)\n";
    const QByteArray head = "From: MAILER-DAEMON@mx.example.net\n"
                            "Subject: =?UTF-8?Q?Undelivered_Mail_=E2=80=93?=\n"
                            " Returned to Sender\n";
    const QString subject = QStringLiteral("Undelivered Mail – Returned to Sender");
    QTest::newRow("fields around the MIME ones")
        << head + body.first(body.indexOf("\n\n") + 1) + "X-Spam: no\n" +
               body.sliced(body.indexOf("\n\n") + 1)
        << true << subject << "userunknown";
    QTest::newRow("folded Content-Type") << head +
                                                "Content-Type: text/plain;\n\tcharset=utf-8\n"
                                                "Content-Transfer-Encoding: quoted-printable\n\n" +
                                                body.sliced(body.indexOf("\n\n") + 2)
                                         << true << subject << "userunknown";
    QTest::newRow("mbox postmark") << "From MAILER-DAEMON Mon Jun 10 12:00:00 2024\n" + head + body
                                   << true << subject << "userunknown";
    // GMime reads the body by the type and the transfer encoding alone; blanks before a
    // field's colon are old syntax it still accepts.
    const QByteArray plain = "<ana@example.org>: host mx.example.org said: 550 5.1.1 User\n"
                             " unknown (in reply to RCPT TO command)\n";
    QTest::newRow("blanks before the colons")
        << head +
               "Content-Language: en\nContent-Type : text/plain; charset=utf-8\n"
               "Content-Transfer-Encoding\t: base64\n\n" +
               plain.toBase64() + "\n"
        << true << subject << "userunknown";
    QTest::newRow("no body") << head << true << subject << "";
    QTest::newRow("text, not a message")
        << "Hello Ana,\nFrom: me\n\nsee below\n" + body << false << ""
        << "";
    QTest::newRow("blank first line") << "\n" + head + body << false << ""
                                      << "";
}

void TestBounceReader::headerSection()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, readable);
    QFETCH(QString, subject);
    QFETCH(QString, reason);
    const BounceMessage read = BounceReader().readMessage(message);
    if (!readable) {
        QCOMPARE(read.kind, BounceMessage::Kind::Error);
        QCOMPARE(read.error, QStringLiteral("not an e-mail message (no headers)"));
        return;
    }
    QVERIFY2(read.kind != BounceMessage::Kind::Error, qPrintable(read.error));
    QCOMPARE(read.subject, subject);
    QCOMPARE(read.recipients.isEmpty() ? QString() : read.recipients.first().reason, reason);
}

// A message of one text part reads exactly as the same part inside a multipart.
void TestBounceReader::onePartSameAsInMultipart_data()
{
    QTest::addColumn<QByteArray>("fields"); // the part's Content-* fields
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // in its text, its HTML's or its header fields

    const QByteArray said = "<ana@example.org>: host mx.example.org said: 550 5.1.1 User\n"
                            " unknown (in reply to RCPT TO command)\n";
    const QString saidText = QString::fromLatin1(said);
    QTest::newRow("no fields") << QByteArray() << said << saidText;
    QTest::newRow("7bit, upper-case type")
        << QByteArray("Content-Type: TEXT/Plain; charset=US-ASCII\n"
                      "Content-Transfer-Encoding: 7bit\n")
        << said << saidText;
    QTest::newRow("folded type, raw Latin-1")
        << QByteArray("Content-Type: text/plain;\n\tcharset=\"iso-8859-1\"\n"
                      "Content-Transfer-Encoding: 8bit\n")
        << QByteArray("Empf\xe4nger unbekannt: 550 5.1.1 User unknown\n")
        << QStringLiteral("Empfänger unbekannt: 550 5.1.1 User unknown\n");
    QTest::newRow("quoted-printable UTF-8")
        << QByteArray("Content-Type: text/plain; charset=utf-8\n"
                      "Content-Transfer-Encoding: Quoted-Printable\n")
        << QByteArray("Destinataire inconnu =E2=80=93 550 5.1.1 User=\n unknown\n")
        << QStringLiteral("Destinataire inconnu – 550 5.1.1 User unknown\n");
    QTest::newRow("base64 KOI8-R")
        << QByteArray("Content-Type: text/plain; charset=koi8-r\n"
                      "Content-Transfer-Encoding: base64\n")
        << QByteArray("\xf0\xcf\xcc\xd8\xda\xcf\xd7\xc1\xd4\xc5\xcc\xd8 550 5.1.1\n").toBase64() +
               "\n"
        << QStringLiteral("Пользователь 550 5.1.1\n");
    QTest::newRow("HTML only") << QByteArray("Content-Type: text/html; charset=utf-8\n")
                               << QByteArray(
                                      "<html><body><p>550 5.1.1 User unknown</p></body></html>\n")
                               << QStringLiteral("550 5.1.1 User unknown");
    QTest::newRow("header fields as text")
        << QByteArray("Content-Type: text/rfc822-headers\n")
        << QByteArray("From: ben@sender.example\nSubject: Invoice 42\n") << "Invoice 42";
    QTest::newRow("uuencoded")
        << QByteArray("Content-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n")
        << QByteArray("begin 644 said.txt\n"
                      "6-34P(#4N,2XQ(%5S97(@=6YK;F]W;@``\n"
                      "`\nend\n")
        << QStringLiteral("550 5.1.1 User unknown");
    QTest::newRow("two types")
        << QByteArray("Content-Type: text/plain\nContent-Type: text/plain; charset=utf-8\n") << said
        << saidText;
}

void TestBounceReader::onePartSameAsInMultipart()
{
    QFETCH(QByteArray, fields);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QByteArray head = "From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail\n";
    const QByteArray alone = head + fields + "\n" + content;
    // The blank line before the closing boundary belongs to the boundary.
    const QByteArray inMultipart = head + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n" +
                                   fields + "\n" + content + "\n--b--\n";
    ParsedMessage one;
    ParsedMessage many;
    QString error;
    QVERIFY2(Mime::parse(alone, ReaderLimits(), one, error), qPrintable(error));
    QVERIFY2(Mime::parse(inMultipart, ReaderLimits(), many, error), qPrintable(error));
    QCOMPARE(one.hasOriginal, many.hasOriginal);
    // Without text, both read the whole body as text instead: not the same body.
    if (!one.hasOriginal)
        QCOMPARE(one.bodyText, many.bodyText);
    auto flatten = [](const HeaderFields &headers) {
        QStringList flat;
        for (const HeaderField &field : headers)
            flat << QString::fromLatin1(field.name) + QLatin1Char(':') + field.value();
        return flat;
    };
    QCOMPARE(flatten(one.originalHeaders), flatten(many.originalHeaders));
    QVERIFY2(one.bodyText.contains(expected) || one.header("subject") == expected ||
                 one.originalHeader("subject") == expected,
             qPrintable(one.bodyText));
    QVERIFY(one.contentType.startsWith(QLatin1String("text/")));
    QCOMPARE(many.contentType, QStringLiteral("multipart/mixed"));
}

void TestBounceReader::threadsKeepInputOrder_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("two") << 2;
    QTest::newRow("five") << 5;
}

// Messages read on worker threads reach the sink one at a time on the calling thread, in
// input order, exactly as they do read one after the other.
void TestBounceReader::threadsKeepInputOrder()
{
    QFETCH(int, threads);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList originals = {fixture(QStringLiteral("three.mbox")),
                                   fixture(QStringLiteral("qmail-hostunknown.eml")),
                                   fixture(QStringLiteral("exim-prose-mailboxfull.eml"))};
    QStringList paths;
    for (int i = 0; i < 40; ++i) {
        const QString path = dir.filePath(QStringLiteral("%1.eml").arg(i, 2, 10, QLatin1Char('0')));
        QVERIFY(QFile::copy(originals.at(i % originals.size()), path));
        paths.append(path);
    }
    paths.append(dir.filePath(QStringLiteral("missing.eml"))); // an error keeps its place too
    auto summary = [](const BounceMessage &m) {
        QStringList fields{m.source, QString::number(m.index), QString::number(int(m.kind))};
        for (const RecipientDiagnosis &r : m.recipients)
            fields.append(r.reason);
        return fields.join(QLatin1Char(' '));
    };
    QStringList oneByOne;
    BounceReader().readPaths(
        paths, [&](BounceMessage &&m) { oneByOne.append(summary(m)); }, 1);
    QStringList threaded;
    bool onCallingThread = true;
    BounceReader().readPaths(
        paths,
        [&](BounceMessage &&m) {
            onCallingThread = onCallingThread && QThread::currentThread() == thread();
            threaded.append(summary(m));
        },
        threads);
    QCOMPARE(oneByOne.size(), 14 * 3 + 26 + 1); // 14 mboxes of three, 26 messages, 1 error
    QCOMPARE(threaded, oneByOne);
    QVERIFY(onCallingThread);
}

namespace {

const QByteArray bounceHead =
    "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned "
    "to Sender\nTo: sender@example.org\nMIME-Version: 1.0\n";
const QString saidText = QStringLiteral(
    "<ana@example.net>: host mx.example.net[192.0.2.7] said: 550 5.1.1 <ana@example.net>: "
    "Recipient address rejected: User unknown (in reply to RCPT TO command)\n");

QByteArray utf16(const QString &text, bool bigEndian, bool mark)
{
    QByteArray out = mark ? QByteArray(bigEndian ? "\xfe\xff" : "\xff\xfe", 2) : QByteArray();
    for (const QChar c : text) {
        const char high = char(c.unicode() >> 8);
        const char low = char(c.unicode() & 0xff);
        out += bigEndian ? QByteArray{&high, 1} + QByteArray{&low, 1}
                         : QByteArray{&low, 1} + QByteArray{&high, 1};
    }
    return out;
}

// True when text holds a UTF-16 code unit no character has: half a surrogate pair alone.
bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            return true;
    }
    return false;
}

// A bounce wrapped layers - 1 times in reports that say nothing of their own (a status part
// without a status or diagnostic) and attach the message they wrap.
QByteArray forwardedBounce(int layers)
{
    QByteArray message = bounceHead + "Content-Type: text/plain\n\n" + saidText.toUtf8();
    for (int i = 1; i < layers; ++i) {
        const QByteArray boundary = "L" + QByteArray::number(i);
        message =
            "From: postmaster@relay" + QByteArray::number(i) +
            ".example\nSubject: Fwd: returned mail\nMIME-Version: 1.0\nContent-Type: "
            "multipart/report; report-type=delivery-status; boundary=\"" +
            boundary + "\"\n\n--" + boundary +
            "\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; "
            "relay.example\n\nFinal-Recipient: rfc822; ana@example.net\nAction: failed\n\n--" +
            boundary + "\nContent-Type: message/rfc822\n\n" + message + "\n--" + boundary + "--\n";
    }
    return message;
}

} // namespace

// UTF-16 text is decoded, declared or marked by a byte order mark, whole file or one part; its
// NUL bytes are no blanks.
void TestBounceReader::textEncodings_data()
{
    QTest::addColumn<QByteArray>("message");

    for (const bool bigEndian : {false, true}) {
        const QByteArray order = bigEndian ? "big-endian" : "little-endian";
        QTest::addRow("whole file, %s, marked", order.constData()) << utf16(
            QString::fromUtf8(bounceHead) + QStringLiteral("\n") + saidText, bigEndian, true);
        QTest::addRow("8-bit part, %s, declared", order.constData())
            << bounceHead +
                   "Content-Type: text/plain; charset=" + (bigEndian ? "utf-16be" : "UTF-16LE") +
                   "\nContent-Transfer-Encoding: 8bit\n\n" + utf16(saidText, bigEndian, false);
        QTest::addRow("binary part, %s, marked", order.constData())
            << bounceHead + "Content-Transfer-Encoding: binary\n\n" +
                   utf16(saidText, bigEndian, true);
        QTest::addRow("base64 part, %s, declared utf-16 with a mark", order.constData())
            << bounceHead +
                   "Content-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: "
                   "base64\n\n" +
                   utf16(saidText, bigEndian, true).toBase64() + "\n";
    }
}

void TestBounceReader::textEncodings()
{
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bounce.eml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(message);
    file.close();
    const QList<BounceMessage> read = readAll(BounceReader(), path);
    QCOMPARE(read.size(), 1);
    QVERIFY2(read.first().kind == BounceMessage::Kind::Bounce, qPrintable(read.first().error));
    const RecipientDiagnosis &recipient = read.first().recipients.first();
    QCOMPARE(recipient.recipient, QStringLiteral("ana@example.net"));
    QCOMPARE(recipient.reason, QStringLiteral("userunknown"));
    QVERIFY2(recipient.diagnostic.contains(QLatin1String("550 5.1.1")),
             qPrintable(recipient.diagnostic));
}

// Half a surrogate pair (from a numeric entity, bad UTF-16 or pasted text) never reaches a
// diagnosis: it becomes U+FFFD.
void TestBounceReader::noLoneSurrogates_data()
{
    QTest::addColumn<QByteArray>("message"); // empty: paste text instead
    QTest::addColumn<QString>("pasted");

    const QByteArray html = "&lt;ana@example.net&gt;: host mx.example.net[192.0.2.7] said: 550 "
                            "5.1.1 User unknown %1 (in reply to RCPT TO command)";
    for (const char *entity : {"&#xD800;", "&#xDFFF;", "&#55296;", "&#xD800;&#xD800;"})
        QTest::addRow("HTML entity %s", entity)
            << bounceHead + "Content-Type: text/html\n\n<html><body><p>" +
                   QByteArray(html).replace("%1", entity) + "</p></body></html>\n"
            << QString();
    QTest::newRow("UTF-16 part with a lone high half")
        << bounceHead +
               "Content-Type: text/plain; charset=utf-16le\nContent-Transfer-Encoding: "
               "base64\n\n" +
               QByteArray(utf16(saidText, false, false) + QByteArray("\x00\xd8", 2) +
                          utf16(QStringLiteral(" more\n"), false, false))
                   .toBase64() +
               "\n"
        << QString();
    QString pasted = saidText;
    pasted.insert(pasted.indexOf(QLatin1String("User")), QChar(0xdc00));
    QTest::newRow("pasted text") << QByteArray() << pasted;
}

void TestBounceReader::noLoneSurrogates()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, pasted);
    const BounceMessage read = message.isEmpty() ? BounceReader().readPastedText(pasted)
                                                 : BounceReader().readMessage(message);
    QVERIFY2(read.kind == BounceMessage::Kind::Bounce, qPrintable(read.error));
    QVERIFY(!read.recipients.isEmpty());
    for (const RecipientDiagnosis &recipient : read.recipients) {
        QVERIFY2(!hasLoneSurrogate(recipient.diagnostic), qPrintable(recipient.diagnostic));
        QVERIFY(!hasLoneSurrogate(recipient.recipient));
    }
}

// A bounce forwarded inside forwarded notices is read from the one tree GMime built, layer by
// layer, up to the depth limit; deeper nesting is refused in words naming the limit.
void TestBounceReader::forwardedLayers_data()
{
    QTest::addColumn<int>("layers");
    QTest::addColumn<int>("maxMimeDepth");
    QTest::addColumn<QString>("error"); // empty: read as the innermost bounce

    QTest::newRow("not forwarded") << 1 << 32 << QString();
    QTest::newRow("forwarded once") << 2 << 32 << QString();
    QTest::newRow("forwarded ten times") << 11 << 32 << QString();
    // Each notice is two levels: its multipart, and the message attached in it.
    QTest::newRow("at the depth limit") << 6 << 10 << QString();
    QTest::newRow("past the depth limit")
        << 7 << 10 << QStringLiteral("MIME parts are nested more than 10 levels deep");
}

void TestBounceReader::forwardedLayers()
{
    QFETCH(int, layers);
    QFETCH(int, maxMimeDepth);
    QFETCH(QString, error);
    ReaderLimits limits;
    limits.maxMimeDepth = maxMimeDepth;
    const BounceMessage read = BounceReader(limits).readMessage(forwardedBounce(layers));
    if (!error.isEmpty()) {
        QCOMPARE(read.kind, BounceMessage::Kind::Error);
        QCOMPARE(read.error, error);
        return;
    }
    QVERIFY2(read.kind == BounceMessage::Kind::Bounce, qPrintable(read.error));
    QCOMPARE(read.recipients.first().reason, QStringLiteral("userunknown"));
    QCOMPARE(read.subject, QStringLiteral("Undelivered Mail Returned to Sender"));
}

QTEST_GUILESS_MAIN(TestBounceReader)
#include "tst_bouncereader.moc"
