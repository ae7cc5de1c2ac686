#include "bounce/bouncereader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace BounceDoctor;

// Reads the fixtures under tests/data/bounces (written by generate.py there) and checks the raw
// fields each format extracts.
class TestBounceReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void lineEndings_data();
    void lineEndings();
    void diagnoses_data();
    void diagnoses();
    void serverWordsWhole_data();
    void serverWordsWhole();
    void charsets_data();
    void charsets();
    void originalMessage();
    void pasted_data();
    void pasted();
    void notABounce();
    void dsnCornerCases();
    void mboxStreams_data();
    void mboxStreams();
    void maildirAndFolder();
    void unreadableInputs();
    void sizeLimit();

private:
    static QByteArray fixture(const QString &name);
    static BounceMessage read(const QString &name);
};

QByteArray TestBounceReader::fixture(const QString &name)
{
    QFile file(QStringLiteral(BD_TEST_DATA_DIR "/bounces/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

BounceMessage TestBounceReader::read(const QString &name)
{
    return BounceReader().readMessage(fixture(name), name);
}

void TestBounceReader::formats_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("recipientIndex");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("replyCode");
    QTest::addColumn<QString>("diagnosticContains");
    QTest::addColumn<QString>("sendingIp");

    QTest::newRow("rfc3464 first of two, folded Diagnostic-Code")
        << "rfc3464/two-recipients-folded.eml"
        << "rfc3464" << 0 << "lena.fischer@fabrikam.test"
        << "failed"
        << "5.1.1"
        << "550"
        << "550 5.1.1 <lena.fischer@fabrikam.test>: Recipient address rejected: no such mailbox "
           "here"
        << "198.51.100.23";
    QTest::newRow("rfc3464 second of two") << "rfc3464/two-recipients-folded.eml"
                                           << "rfc3464" << 1 << "ops@fabrikam.test"
                                           << "failed"
                                           << "5.2.2"
                                           << "552"
                                           << "Mailbox quota exceeded for ops"
                                           << "198.51.100.23";
    QTest::newRow("rfc3464 missing fields: words from the text part")
        << "rfc3464/missing-fields.eml"
        << "rfc3464" << 0 << "k.tanaka@contoso-mail.test"
        << "failed"
        << "5.7.1"
        << "554"
        << "blocked using bl.blocklist.test"
        << "198.51.100.23";
    QTest::newRow("rfc3464 delayed") << "rfc3464/delayed.eml"
                                     << "rfc3464" << 0 << "backlog@slowpoke.test"
                                     << "delayed"
                                     << "4.4.1"
                                     << ""
                                     << "Connection timed out"
                                     << "198.51.100.23";
    QTest::newRow("rfc6533 global DSN, UTF-8 address")
        << "rfc3464/global-dsn.eml"
        << "rfc3464" << 0 << QStringLiteral("jörg@bücher.test") << "failed"
        << "5.1.1"
        << "550" << QStringLiteral("Mailbox \"jörg\" does not exist") << "198.51.100.23";
    QTest::newRow("rfc3464 with text/rfc822-headers")
        << "rfc3464/headers-only.eml"
        << "rfc3464" << 0 << "noreply-test@tailspin.test"
        << "failed"
        << "5.7.26"
        << "550"
        << "not accepted due to domain's DMARC policy. Please"
        << "198.51.100.23";
    QTest::newRow("qmail first") << "qmail/two-recipients.eml"
                                 << "qmail" << 0 << "p.novak@litware.test"
                                 << "failed"
                                 << "5.1.1"
                                 << "550"
                                 << "The email account that you tried to reach does not exist"
                                 << "";
    QTest::newRow("qmail second") << "qmail/two-recipients.eml"
                                  << "qmail" << 1 << "sales@litware.test"
                                  << "failed"
                                  << "5.3.4"
                                  << "552"
                                  << "Message size exceeds fixed limit"
                                  << "";
    QTest::newRow("exim, sending IP from the server's words")
        << "exim/rejected-after-data.eml"
        << "exim" << 0 << "m.rossi@proseware.test"
        << "failed"
        << "5.7.1"
        << "550"
        << "listed at zen.blocklist.test"
        << "203.0.113.200";
    QTest::newRow("sendmail transcript") << "sendmail/transcript.eml"
                                         << "sendmail" << 0 << "h.berg@wingtip.test"
                                         << "failed"
                                         << "5.1.1"
                                         << "550"
                                         << "User unknown"
                                         << "198.51.100.61";
    QTest::newRow("forwarded bounce inside a gateway's notice")
        << "forwarded/wrapped-bounce.eml"
        << "sendmail" << 0 << "h.berg@wingtip.test"
        << "failed"
        << "5.1.1"
        << "550"
        << "User unknown"
        << "198.51.100.61";
    QTest::newRow("office 365 NDR, quoted-printable")
        << "exchange/office365-ndr.eml"
        << "exchange" << 0 << "a.kowalski@relecloud-partner.test"
        << "failed"
        << "5.1.10"
        << "550"
        << "RESOLVER.ADR.RecipientNotFound; Recipient a.kowalski@relecloud-partner.test not found"
        << "198.51.100.90";
    QTest::newRow("gmail technical details")
        << "gmail/permanent-failure.eml"
        << "gmail" << 0 << "r.silva@cohowinery.test"
        << "failed"
        << "5.2.1"
        << "550"
        << "The email account that you tried to reach is disabled"
        << "";
    QTest::newRow("amazon ses json") << "amazonses/bounce-json.eml"
                                     << "amazonses" << 0 << "nobody@graphicdesign-client.test"
                                     << "failed"
                                     << "5.1.1"
                                     << "550"
                                     << "user does not exist"
                                     << "";
    QTest::newRow("arf feedback") << "arf/abuse-report.eml"
                                  << "arf" << 0 << "angry.reader@mailbox-provider.test"
                                  << ""
                                  << ""
                                  << ""
                                  << "spam complaint"
                                  << "203.0.113.77";
    QTest::newRow("unsubscribe request") << "arf/unsubscribe-request.eml"
                                         << "arf" << 0 << "reader.one@mailbox-provider.test"
                                         << ""
                                         << ""
                                         << ""
                                         << "to unsubscribe from the list"
                                         << "";
    QTest::newRow("vacation") << "autoreply/out-of-office.eml"
                              << "rfc3834" << 0 << "priya.raman@margiestravel.test"
                              << "delivered"
                              << ""
                              << ""
                              << "I am on leave"
                              << "";
    QTest::newRow("opensmtpd notification before its delivery-status part")
        << "opensmtpd/delayed-with-dsn.eml"
        << "opensmtpd" << 0 << "t.mbeki@nodomain.test"
        << "failed"
        << "5.0.932"
        << ""
        << "No MX found for domain"
        << "";
    QTest::newRow("fml refuses a post from a non-member")
        << "fml/not-member.eml"
        << "fml" << 0 << "y.tanaka@contoso.test"
        << "failed"
        << "5.0.918"
        << ""
        << "You are not a member of this mailing list"
        << "";
    QTest::newRow("apache james error message and envelope details")
        << "apachejames/no-such-user.eml"
        << "apachejames" << 0 << "oncall@relecloud.test"
        << "failed"
        << "5.0.910"
        << "550"
        << "550 - Requested action not taken: no such user here"
        << "";
    QTest::newRow("lotus notes failure reasons") << "notes/failure-reasons.eml"
                                                 << "notes" << 0 << "a.moreau@woodgrove.test"
                                                 << "failed"
                                                 << "5.0.911"
                                                 << ""
                                                 << "User not listed in public Name & Address Book"
                                                 << "";
    QTest::newRow("exchange 2003 MSEXCH:IMS code")
        << "exchange2003/not-recognized.eml"
        << "exchange2003" << 0 << "k.owens@mail.adventure-works.test"
        << "failed"
        << "5.0.911"
        << ""
        << "(000C05A6) Unknown Recipient"
        << "";
    QTest::newRow("verizon mms gateway") << "verizon/no-valid-recipients.eml"
                                         << "verizon" << 0 << "5550100@vzwpix.com"
                                         << "failed"
                                         << "5.0.911"
                                         << ""
                                         << "No valid recipients for this MM"
                                         << "";
    QTest::newRow("mcafee gateway, DSN part") << "mcafee/unknown-user.eml"
                                              << "mcafee" << 0 << "p.novak@litware.test"
                                              << "failed"
                                              << "5.0.911"
                                              << "550"
                                              << "550 Unknown user p.novak@litware.test"
                                              << "";
    QTest::newRow("imail server userid line") << "imailserver/invalid-userid.eml"
                                              << "imailserver" << 0 << "r.ames@mail.northwind.test"
                                              << "failed"
                                              << "5.0.911"
                                              << ""
                                              << "Invalid final delivery userid"
                                              << "";
}

void TestBounceReader::formats()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, recipientIndex);
    QFETCH(QString, recipient);
    QFETCH(QString, action);
    QFETCH(QString, status);
    QFETCH(QString, replyCode);
    QFETCH(QString, diagnosticContains);
    QFETCH(QString, sendingIp);

    const BounceMessage message = read(file);
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    QCOMPARE(message.format, format);
    QVERIFY(recipientIndex < message.recipients.size());
    const RecipientDiagnosis &r = message.recipients.at(recipientIndex);
    QCOMPARE(r.recipient, recipient);
    QCOMPARE(r.action, action);
    QCOMPARE(r.status, status);
    if (!replyCode.isEmpty())
        QCOMPARE(r.replyCode, replyCode);
    QVERIFY2(r.diagnostic.contains(diagnosticContains), qPrintable(r.diagnostic));
    QCOMPARE(r.sendingIp, sendingIp);
}

void TestBounceReader::lineEndings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("ending");
    for (const char *file : {"rfc3464/two-recipients-folded.eml", "qmail/two-recipients.eml",
                             "exim/rejected-after-data.eml", "exchange/office365-ndr.eml"}) {
        QTest::addRow("%s LF", file) << QString::fromLatin1(file) << QByteArray("\n");
        QTest::addRow("%s CRLF", file) << QString::fromLatin1(file) << QByteArray("\r\n");
        QTest::addRow("%s CR", file) << QString::fromLatin1(file) << QByteArray("\r");
    }
}

void TestBounceReader::lineEndings()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, ending);
    const BounceMessage reference = read(file);
    QByteArray bytes = fixture(file);
    bytes.replace("\n", ending);
    const BounceMessage message = BounceReader().readMessage(bytes, file);
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    QCOMPARE(message.format, reference.format);
    QCOMPARE(message.recipients.size(), reference.recipients.size());
    for (qsizetype i = 0; i < message.recipients.size(); ++i) {
        QCOMPARE(message.recipients.at(i).recipient, reference.recipients.at(i).recipient);
        QCOMPARE(message.recipients.at(i).status, reference.recipients.at(i).status);
        QCOMPARE(message.recipients.at(i).diagnostic, reference.recipients.at(i).diagnostic);
    }
    QCOMPARE(message.original.subject, reference.original.subject);
}

// What a bounce means, whatever its line endings: who refused, who wrote the bounce, and the
// advice, for bounces worded apart from the corpus samples.
void TestBounceReader::diagnoses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("recipientIndex");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("reportingProvider");
    QTest::addColumn<QString>("responsible");
    QTest::addColumn<QString>("firstStep");
    QTest::addColumn<QString>("failure"); ///< permanent, temporary or none
    QTest::addColumn<QString>("blocklist");
    const struct
    {
        const char *name;
        const char *file;
        int index;
        const char *reason, *detail, *provider, *reportingProvider, *responsible, *firstStep,
            *failure, *blocklist;
    } rows[] = {
        {"recipient's blocklist lookup failed", "postfix/blocklist-lookup-and-starttls.eml", 0,
         "blocked", "blocklist-lookup-failed", "", "", "recipient-admin", "contact-recipient-it",
         "permanent", ""},
        {"starttls required", "postfix/blocklist-lookup-and-starttls.eml", 1, "failedstarttls",
         "tls-required", "", "", "sender-admin", "fix-sending-setup", "permanent", ""},
        {"gmail relays a microsoft refusal", "gmail/relayed-microsoft-refusal.eml", 0,
         "userunknown", "directory-based-edge-blocking", "microsoft", "gmail", "sender",
         "verify-address", "permanent", ""},
        {"listed at a blocklist", "exim/rejected-after-data.eml", 0, "blocked", "ip-blocklist", "",
         "", "sender-admin", "check-blocklists", "permanent", ""},
        {"google workspace notice without the server's reply",
         "gmail/workspace-address-not-found.eml", 0, "userunknown", "", "gmail", "", "sender",
         "verify-address", "permanent", ""},
        {"notice naming no failed address: the original's recipient",
         "norecipient/quota-notice.eml", 0, "mailboxfull", "", "", "", "recipient",
         "contact-recipient-it", "permanent", ""},
        {"delivery receipt", "rfc3464/delivery-receipt.eml", 0, "delivered", "", "", "", "unknown",
         "none", "none", ""},
        {"auto-reply", "autoreply/out-of-office.eml", 0, "vacation", "", "", "", "unknown", "none",
         "none", ""},
    };
    for (const auto &row : rows)
        QTest::newRow(row.name) << QString::fromLatin1(row.file) << row.index
                                << QString::fromLatin1(row.reason)
                                << QString::fromLatin1(row.detail)
                                << QString::fromLatin1(row.provider)
                                << QString::fromLatin1(row.reportingProvider)
                                << QString::fromLatin1(row.responsible)
                                << QString::fromLatin1(row.firstStep)
                                << QString::fromLatin1(row.failure)
                                << QString::fromLatin1(row.blocklist);
}

void TestBounceReader::diagnoses()
{
    QFETCH(QString, file);
    QFETCH(int, recipientIndex);
    QFETCH(QString, reason);
    QFETCH(QString, detail);
    QFETCH(QString, provider);
    QFETCH(QString, reportingProvider);
    QFETCH(QString, responsible);
    QFETCH(QString, firstStep);
    QFETCH(QString, failure);
    QFETCH(QString, blocklist);
    for (const QByteArray &ending : {QByteArray("\n"), QByteArray("\r\n"), QByteArray("\r")}) {
        QByteArray bytes = fixture(file);
        bytes.replace("\n", ending);
        const BounceMessage message = BounceReader().readMessage(bytes, file);
        const QByteArray where = "line ending " + ending.toPercentEncoding();
        QVERIFY2(recipientIndex < message.recipients.size(), where.constData());
        const RecipientDiagnosis &r = message.recipients.at(recipientIndex);
        QVERIFY(!r.recipient.isEmpty());
        // The address that failed, never the sender the bounce went back to.
        QVERIFY2(!message.original.from.contains(r.recipient, Qt::CaseInsensitive),
                 qPrintable(r.recipient));
        QCOMPARE(r.reason, reason);
        QCOMPARE(r.detail, detail);
        QCOMPARE(r.provider, provider);
        QCOMPARE(r.reportingMtaProvider, reportingProvider);
        QCOMPARE(responsibleName(r.responsible), responsible);
        QCOMPARE(firstStepName(r.firstStep), firstStep);
        QCOMPARE(r.permanent   ? QStringLiteral("permanent")
                 : r.temporary ? QStringLiteral("temporary")
                               : QStringLiteral("none"),
                 failure);
        QCOMPARE(r.blocklist, blocklist);
    }
}

// The refusing server's words as the diagnostic, whole: the provider's own sentence before the
// quote and its link label after it left out, folded lines joined.
void TestBounceReader::serverWordsWhole_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("words");
    QTest::newRow("gmail notice, folded reply, LEARN MORE")
        << "gmail/response-was-learn-more.eml"
        << "554 5.7.1 Service unavailable; Client host [198.51.100.20] blocked using "
           "bl.blocklist.test; https://blocklist.test/lookup?ip=198.51.100.20";
    QTest::newRow("gmail technical details name the server that refused")
        << "gmail/permanent-failure.eml"
        << "550 5.2.1 The email account that you tried to reach is disabled.";
    QTest::newRow("google workspace notice without a quoted reply")
        << "gmail/workspace-address-not-found.eml"
        << "the address couldn't be found, or is unable to receive mail.";
}

void TestBounceReader::serverWordsWhole()
{
    QFETCH(QString, file);
    QFETCH(QString, words);
    for (const QByteArray &ending : {QByteArray("\n"), QByteArray("\r\n"), QByteArray("\r")}) {
        QByteArray bytes = fixture(file);
        bytes.replace("\n", ending);
        const BounceMessage message = BounceReader().readMessage(bytes, file);
        QCOMPARE(message.recipients.size(), 1);
        QCOMPARE(message.recipients.first().diagnostic, words);
        if (file == QLatin1String("gmail/permanent-failure.eml"))
            QCOMPARE(message.recipients.first().remoteMta, QStringLiteral("mx.cohowinery.test"));
    }
}

void TestBounceReader::charsets_data()
{
    QTest::addColumn<QString>("charset");
    QTest::addColumn<QString>("words");
    QTest::newRow("utf-8 base64") << "utf-8" << QStringLiteral("Speicherplatz überschritten");
    QTest::newRow("iso-2022-jp") << "iso-2022-jp" << QStringLiteral("メールボックスが一杯です");
    QTest::newRow("shift_jis base64") << "shift_jis" << QStringLiteral("メールボックスが一杯です");
    QTest::newRow("euc-jp qp") << "euc-jp" << QStringLiteral("メールボックスが一杯です");
    QTest::newRow("iso-8859-1 qp") << "iso-8859-1" << QStringLiteral("Boîte aux lettres pleine");
    QTest::newRow("iso-8859-2 8bit") << "iso-8859-2" << QStringLiteral("pocztowa jest pełna");
    QTest::newRow("windows-1251 base64") << "windows-1251" << QStringLiteral("Почтовый ящик");
    QTest::newRow("windows-1252 qp") << "windows-1252" << QStringLiteral("Buzón lleno – inténtelo");
    QTest::newRow("koi8-r 8bit") << "koi8-r" << QStringLiteral("ящик переполнен");
}

void TestBounceReader::charsets()
{
    QFETCH(QString, charset);
    QFETCH(QString, words);
    const BounceMessage message = read(QStringLiteral("charsets/%1.eml").arg(charset));
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    QCOMPARE(message.subject, QStringLiteral("Unzustellbar: Rückmeldung")); // RFC 2047
    QCOMPARE(message.recipients.size(), 1);
    const RecipientDiagnosis &r = message.recipients.first();
    QCOMPARE(r.recipient, QStringLiteral("kunde@charset-%1.test").arg(charset));
    QCOMPARE(r.status, QStringLiteral("5.2.2"));
    QVERIFY2(r.diagnostic.contains(words), qPrintable(r.diagnostic));
}

void TestBounceReader::originalMessage()
{
    const BounceMessage message = read(QStringLiteral("rfc3464/two-recipients-folded.eml"));
    const OriginalMessage &original = message.original;
    QCOMPARE(original.from, QStringLiteral("Order Desk <orders@northwind-traders.test>"));
    QCOMPARE(original.to, QStringLiteral("lena.fischer@fabrikam.test"));
    QCOMPARE(original.subject, QStringLiteral("Your quote #5531"));
    QCOMPARE(original.messageId, QStringLiteral("<quote-5531@northwind-traders.test>"));
    QCOMPARE(original.date, QStringLiteral("Tue, 14 May 2024 09:12:00 +0200"));
    // The private 10.1.2.3 hop is skipped: the relay's public address is where it left from.
    QCOMPARE(original.sendingIp, QStringLiteral("198.51.100.23"));
    QCOMPARE(original.dkimDomain, QStringLiteral("northwind-traders.test"));
    QCOMPARE(original.dkimSelector, QStringLiteral("mail2024"));
    QCOMPARE(original.authenticationResults.size(), 3);
    const AuthenticationResult &spf = original.authenticationResults.at(0);
    QCOMPARE(spf.method, QStringLiteral("spf"));
    QCOMPARE(spf.result, QStringLiteral("softfail"));
    QCOMPARE(spf.domain, QStringLiteral("northwind-traders.test"));
    QCOMPARE(original.authenticationResults.at(1).selector, QStringLiteral("mail2024"));
    QCOMPARE(original.authenticationResults.at(2).method, QStringLiteral("dmarc"));
    QCOMPARE(original.authenticationResults.at(2).result, QStringLiteral("fail"));

    // A copy quoted in the text (qmail) is read too.
    const BounceMessage quoted = read(QStringLiteral("qmail/two-recipients.eml"));
    QCOMPARE(quoted.original.subject, QStringLiteral("Monthly report"));
    QCOMPARE(quoted.original.messageId, QStringLiteral("<report-2024-06@woodgrove.test>"));
}

void TestBounceReader::pasted_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("replyCode");
    QTest::addColumn<QString>("diagnosticContains");
    QTest::newRow("address and reply") << "pasted/reply-line.txt"
                                       << "jsmith@tradewinds.test"
                                       << "5.1.1"
                                       << "550"
                                       << "User unknown";
    QTest::newRow("reply only") << "pasted/bare-reply.txt"
                                << ""
                                << "5.7.1"
                                << "550"
                                << "blocked using Spamhaus";
    QTest::newRow("outlook reading pane") << "pasted/outlook-pane.txt"
                                          << "m.chen@fineartschool.test"
                                          << "5.1.10"
                                          << "550"
                                          << "RecipientNotFound";
    QTest::newRow("whole bounce with headers") << "qmail/two-recipients.eml"
                                               << "p.novak@litware.test"
                                               << "5.1.1"
                                               << "550"
                                               << "does not exist";
}

void TestBounceReader::pasted()
{
    QFETCH(QString, file);
    QFETCH(QString, recipient);
    QFETCH(QString, status);
    QFETCH(QString, replyCode);
    QFETCH(QString, diagnosticContains);
    const BounceMessage message = BounceReader().readPastedText(
        QString::fromUtf8(fixture(file)).replace(QLatin1Char('\n'), QLatin1String("\r\n")));
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    QVERIFY(!message.recipients.isEmpty());
    const RecipientDiagnosis &r = message.recipients.first();
    QCOMPARE(r.recipient, recipient);
    QCOMPARE(r.status, status);
    QCOMPARE(r.replyCode, replyCode);
    QVERIFY2(r.diagnostic.contains(diagnosticContains), qPrintable(r.diagnostic));
    QVERIFY(!r.diagnostic.contains(QLatin1Char('\n')));
}

void TestBounceReader::notABounce()
{
    QCOMPARE(read(QStringLiteral("notabounce/newsletter.eml")).kind,
             BounceMessage::Kind::NotABounce);
    QCOMPARE(BounceReader().readPastedText(QStringLiteral("Hello, see you at lunch?")).kind,
             BounceMessage::Kind::NotABounce);
    QCOMPARE(BounceReader().readPastedText(QStringLiteral("   ")).kind, BounceMessage::Kind::Error);
}

void TestBounceReader::dsnCornerCases()
{
    // Per-recipient blocks without blank lines between them, a recipient without Status,
    // and a Diagnostic-Code folded over three lines with tabs.
    const QByteArray bytes =
        "From: MAILER-DAEMON@relay.test\n"
        "To: a@sender.test\n"
        "Subject: Delivery Status Notification\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
        "--b\nContent-Type: text/plain\n\nSee below.\n"
        "--b\nContent-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; relay.test\n\n"
        "Final-Recipient: rfc822; one@dest.test\nAction: failed\nStatus: 5.1.1\n"
        "Diagnostic-Code: smtp; 550-5.1.1 first line\n\tsecond line\n\t third line\n"
        "Final-Recipient: rfc822;<two@dest.test>\nAction: failed\n"
        "Diagnostic-Code: smtp; 554 5.7.1 Relay access denied\n\n"
        "Original-Recipient: rfc822; three@dest.test\nAction: delayed\nStatus: 4.2.2\n"
        "--b--\n";
    const BounceMessage message = BounceReader().readMessage(bytes);
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    QCOMPARE(message.recipients.size(), 3);
    QCOMPARE(message.recipients.at(0).diagnostic,
             QStringLiteral("550-5.1.1 first line second line third line"));
    QCOMPARE(message.recipients.at(0).reportingMta, QStringLiteral("relay.test"));
    QCOMPARE(message.recipients.at(1).recipient, QStringLiteral("two@dest.test"));
    QCOMPARE(message.recipients.at(1).status, QStringLiteral("5.7.1"));
    QCOMPARE(message.recipients.at(1).replyCode, QStringLiteral("554"));
    QCOMPARE(message.recipients.at(2).recipient, QStringLiteral("three@dest.test"));
    QCOMPARE(message.recipients.at(2).action, QStringLiteral("delayed"));
    QCOMPARE(message.recipients.at(2).status, QStringLiteral("4.2.2"));
}

// An mbox file with any line endings, CR-only (classic Mac tools) included.
void TestBounceReader::mboxStreams_data()
{
    QTest::addColumn<QByteArray>("ending");
    QTest::newRow("LF") << QByteArray("\n");
    QTest::newRow("CRLF") << QByteArray("\r\n");
    QTest::newRow("CR") << QByteArray("\r");
}

void TestBounceReader::mboxStreams()
{
    QFETCH(QByteArray, ending);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bounces.mbox"));
    QFile mbox(path);
    QVERIFY(mbox.open(QIODevice::WriteOnly));
    const QStringList files{QStringLiteral("qmail/two-recipients.eml"),
                            QStringLiteral("notabounce/newsletter.eml"),
                            QStringLiteral("exim/rejected-after-data.eml")};
    for (const QString &file : files) {
        QByteArray bytes = fixture(file);
        bytes.replace("\nFrom ", "\n>From ");
        QByteArray entry = "From MAILER-DAEMON Thu Jun  6 08:00:10 2024\n" + bytes + "\n";
        entry.replace("\n", ending);
        mbox.write(entry);
    }
    mbox.close();
    QList<BounceMessage> messages;
    BounceReader().readPath(path, [&](BounceMessage &&m) { messages.append(std::move(m)); });
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).index, 0);
    QCOMPARE(messages.at(0).source, path);
    QCOMPARE(messages.at(0).recipients.size(), 2);
    QCOMPARE(messages.at(1).kind, BounceMessage::Kind::NotABounce);
    QCOMPARE(messages.at(1).index, 1);
    QCOMPARE(messages.at(2).recipients.first().recipient, QStringLiteral("m.rossi@proseware.test"));
    QCOMPARE(messages.at(2).index, 2);
}

void TestBounceReader::maildirAndFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("box/cur")) && root.mkpath(QStringLiteral("box/new")) &&
            root.mkpath(QStringLiteral("box/tmp")) && root.mkpath(QStringLiteral("folder")));
    auto put = [&](const QString &where, const QString &file) {
        QFile out(root.filePath(where));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(fixture(file));
    };
    put(QStringLiteral("box/cur/1717660800.M1P1.host:2,S"),
        QStringLiteral("qmail/two-recipients.eml"));
    put(QStringLiteral("box/new/1717660900.M2P1.host"),
        QStringLiteral("gmail/permanent-failure.eml"));
    put(QStringLiteral("folder/a.eml"), QStringLiteral("sendmail/transcript.eml"));
    put(QStringLiteral("folder/b.eml"), QStringLiteral("notabounce/newsletter.eml"));

    QStringList seen;
    BounceReader().readPath(root.filePath(QStringLiteral("box")),
                            [&](BounceMessage &&m) { seen.append(m.format); });
    QCOMPARE(seen, (QStringList{QStringLiteral("qmail"), QStringLiteral("gmail")}));
    seen.clear();
    BounceReader().readPath(root.filePath(QStringLiteral("folder")), [&](BounceMessage &&m) {
        seen.append(m.kind == BounceMessage::Kind::Bounce ? m.format : QStringLiteral("-"));
    });
    QCOMPARE(seen, (QStringList{QStringLiteral("sendmail"), QStringLiteral("-")}));
}

void TestBounceReader::unreadableInputs()
{
    QList<BounceMessage> messages;
    BounceReader().readPath(QStringLiteral("/nonexistent/x.eml"),
                            [&](BounceMessage &&m) { messages.append(std::move(m)); });
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().kind, BounceMessage::Kind::Error);
    QCOMPARE(messages.first().error,
             QStringLiteral("cannot open /nonexistent/x.eml: No such file or directory"));
    const BounceMessage empty = BounceReader().readMessage(QByteArray("\n\n"), QStringLiteral("e"));
    QCOMPARE(empty.kind, BounceMessage::Kind::Error);
}

void TestBounceReader::sizeLimit()
{
    ReaderLimits limits;
    limits.maxMessageBytes = 1000;
    const BounceMessage message =
        BounceReader(limits).readMessage(fixture(QStringLiteral("qmail/two-recipients.eml")));
    QCOMPARE(message.kind, BounceMessage::Kind::Error);
    QVERIFY2(message.error.contains(QLatin1String("larger than the limit of 1000 bytes")),
             qPrintable(message.error));
}

QTEST_GUILESS_MAIN(TestBounceReader)
#include "tst_bounceformats.moc"
