#include "bounce/bouncereader.h"

#include <QFile>
#include <QTest>

using namespace BounceDoctor;

// The provider codes and phrases users meet, through the whole engine as pasted reply lines.
class TestClassifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replies_data();
    void replies();
    void bounces_data();
    void bounces();
    void suggestsCorrectedRecipient();
};

void TestClassifier::replies_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("firstStep");

    QTest::newRow("microsoft S3150")
        << "550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your "
           "Internet service provider since part of their network is on our block list (S3150). "
           "[AM4PEPF00027A6B.eurprd04.prod.outlook.com]"
        << "blocked"
        << "ip-blocklist"
        << "microsoft"
        << "check-blocklists";
    QTest::newRow("microsoft 5.7.606") << "550 5.7.606 Access denied, banned sending IP "
                                          "[203.0.113.9]. To request removal from this "
                                          "list please visit https://sender.office.com/ (AS130501) "
                                          "[BN8NAM11FT012.eop-nam11.prod.protection.outlook.com]"
                                       << "blocked"
                                       << "ip-blocklist"
                                       << "microsoft"
                                       << "check-blocklists";
    QTest::newRow("microsoft 5.1.10")
        << "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient pat@fabrikam-store.example not "
           "found by SMTP address lookup"
        << "userunknown"
        << ""
        << "microsoft"
        << "verify-address";
    QTest::newRow("microsoft 5.4.1 AS")
        << "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
           "[DM6NAM12FT013.eop-nam12.prod.protection.outlook.com]"
        << "userunknown"
        << "directory-based-edge-blocking"
        << "microsoft"
        << "verify-address";
    QTest::newRow("microsoft 5.7.23")
        << "550 5.7.23 The message was rejected because of Sender Policy Framework violation "
           "[CO1PEPF000044F2.namprd05.prod.outlook.com]"
        << "authfailure"
        << "spf"
        << "microsoft"
        << "check-authentication";
    QTest::newRow("microsoft 5.7.509")
        << "550 5.7.509 Access denied, sending domain tailspin-toys.example does not pass DMARC "
           "verification and has a DMARC policy of reject. "
           "[SN1PEPF000252A0.namprd05.prod.outlook.com]"
        << "authfailure"
        << "dmarc"
        << "microsoft"
        << "check-authentication";
    QTest::newRow("microsoft 5.7.515")
        << "550 5.7.515 Access denied, sending domain tailspin-toys.example doesn't meet the "
           "required authentication level. [BL02EPF0001A0FA.namprd21.prod.outlook.com]"
        << "authfailure"
        << "unauthenticated"
        << "microsoft"
        << "check-authentication";
    QTest::newRow("microsoft 5.7.57") << "530 5.7.57 Client not authenticated to send mail. "
                                         "[MW4PR03CA0123.namprd03.prod.outlook.com]"
                                      << "securityerror"
                                      << "unauthenticated"
                                      << "microsoft"
                                      << "fix-sending-setup";
    QTest::newRow("gmail 5.7.26") << "550 5.7.26 Unauthenticated email from tailspin-toys.example "
                                     "is not accepted due to domain's DMARC policy. - gsmtp"
                                  << "authfailure"
                                  << "dmarc"
                                  << "gmail"
                                  << "check-authentication";
    QTest::newRow("gmail 5.7.27 is spf")
        << "550 5.7.27 This mail has been blocked because the sender is unauthenticated. Gmail "
           "requires all senders to authenticate with either SPF or DKIM. SPF check for "
           "tailspin-toys.example did not pass. - gsmtp"
        << "authfailure"
        << "spf"
        << "gmail"
        << "check-authentication";
    QTest::newRow("gmail 5.2.1 disabled")
        << "550 5.2.1 The email account that you tried to reach is disabled. - gsmtp"
        << "suspend"
        << ""
        << "gmail"
        << "contact-recipient-it";
    QTest::newRow("gmail gcdp")
        << "550 5.7.1 [203.0.113.9] The IP you're using to send mail is not authorized to send "
           "email directly to our servers. (gcdp) - gsmtp"
        << "blocked"
        << "recipient-policy"
        << "gmail"
        << "contact-recipient-it";
    QTest::newRow("yahoo TSS04")
        << "421 4.7.0 [TSS04] Messages from 203.0.113.9 temporarily deferred due to unexpected "
           "volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
        << "badreputation"
        << "reputation"
        << "yahoo"
        << "check-blocklists";
    QTest::newRow("yahoo BL21")
        << "553 5.7.1 [BL21] Connections will not be accepted from 203.0.113.9, because the ip is "
           "in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes"
        << "blocked"
        << "ip-blocklist"
        << "yahoo"
        << "check-blocklists";
    QTest::newRow("yahoo 5.7.9")
        << "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo "
           "requires all senders to authenticate with either SPF or DKIM. postmaster.yahooinc.com"
        << "authfailure"
        << "unauthenticated"
        << "yahoo"
        << "check-authentication";
    QTest::newRow("icloud CS01") << "554 5.7.1 [CS01] Message rejected due to local policy. Please "
                                    "visit https://support.apple.com/en-us/HT204137"
                                 << "policyviolation"
                                 << ""
                                 << "apple"
                                 << "check-authentication";
    QTest::newRow("relaying denied") << "554 5.7.1 <ana@elsewhere.example>: Relay access denied"
                                     << "norelaying"
                                     << "relaying"
                                     << ""
                                     << "contact-recipient-it";
    QTest::newRow("mailbox full") << "552 5.2.2 <ana@example.net>: Mailbox full, quota exceeded"
                                  << "mailboxfull"
                                  << ""
                                  << ""
                                  << "contact-recipient-it";
    QTest::newRow("disabled account") << "550 5.2.1 <ana@example.net>: account disabled"
                                      << "suspend"
                                      << "disabled-account"
                                      << ""
                                      << "contact-recipient-it";
    QTest::newRow("spamhaus named")
        << "554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using "
           "zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.9"
        << "blocked"
        << "ip-blocklist"
        << ""
        << "check-blocklists";
    QTest::newRow("kddi: the recipient's address in the reply")
        << "jun.sato@ezweb.ne.jp: 550 <jun.sato@ezweb.ne.jp>: User unknown"
        << "userunknown"
        << ""
        << "kddi"
        << "verify-address";
    QTest::newRow("kddi: reception settings") << "jun.sato@ezweb.ne.jp: 550 : User unknown"
                                              << "filtered"
                                              << ""
                                              << "kddi"
                                              << "contact-recipient-it";
    QTest::newRow("address code beats vague words") << "550 #5.1.0 Address rejected."
                                                    << "userunknown"
                                                    << ""
                                                    << ""
                                                    << "verify-address";
    QTest::newRow("refused at MAIL FROM is about the sender")
        << "SMTP error from remote mail server after MAIL FROM:<news@adatum.test> SIZE=2048: "
           "553 adatum.test does not exist"
        << "rejected"
        << ""
        << ""
        << "fix-sending-setup";
    QTest::newRow("refused at the greeting is about the host")
        << "SMTP error from remote mail server after initial connection: 554 Access denied"
        << "blocked"
        << ""
        << ""
        << "check-blocklists";
    QTest::newRow("dmarc check failed") << "550 DMARC check failed."
                                        << "authfailure"
                                        << ""
                                        << ""
                                        << "check-authentication";
    QTest::newRow("postfix: refused to talk to me")
        << "host mx.fabrikam.test[192.0.2.77] refused to talk to me: 421 Service not available"
        << "blocked"
        << ""
        << ""
        << "check-blocklists";
    QTest::newRow("account or domain may not exist")
        << "kim@fabrikam.test: The account or domain may not exist, they may be blacklisted, or "
           "missing the proper "
           "dns entries."
        << "hostunknown"
        << ""
        << ""
        << "verify-address";
    QTest::newRow("send mail as, misconfigured")
        << "kim@fabrikam.test: You're sending this from a different address or alias using the "
           "'Send mail as' "
           "feature. The settings for your 'Send mail as' account are misconfigured."
        << "rejected"
        << ""
        << ""
        << "fix-sending-setup";
    QTest::newRow("5.2.3 is an administrative limit")
        << "552 5.2.3 Message size exceeds fixed maximum message size (10485760)"
        << "emailtoolarge"
        << ""
        << ""
        << "review-content";
    QTest::newRow("gmail low reputation")
        << "550-5.7.1 Our system has detected that this message is likely suspicious due to the "
           "very low reputation of the sending IP address. - gsmtp"
        << "badreputation"
        << ""
        << "gmail"
        << "check-blocklists";
    QTest::newRow("qmail no mail exchanger")
        << "ana@example.net: Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)"
        << "notaccept"
        << ""
        << ""
        << "verify-address";
    QTest::newRow("dns lookup to try again")
        << "ana@example.net: Name service error for domain example.net: Host not found, try again"
        << "networkerror"
        << ""
        << ""
        << "retry-later";
    QTest::newRow("labelled error code")
        << "ana@example.net: Error, ERROR_CODE :421, ERROR_CODE :, Host not reachable."
        << "expired"
        << ""
        << ""
        << "retry-later";
    QTest::newRow("microsoft 5.1.351")
        << "550 5.1.351 Remote server returned unknown recipient or mailbox unavailable -> 550 "
           "Unknown user ana@example.net [HK2APC01HT017.eop-APC01.prod.protection.outlook.com]"
        << "userunknown"
        << ""
        << "microsoft"
        << "verify-address";
    QTest::newRow("la poste code 416")
        << "ana@laposte.net: 550 5.5.0 Adresse destinataire invalide. Invalid recipient. "
           "LPN007_416"
        << "userunknown"
        << ""
        << "orange"
        << "verify-address";
    QTest::newRow("orange code 506") << "ana@wanadoo.fr: 550 5.2.0 Mail rejete. Mail rejected. "
                                        "OFR_506 [506]"
                                     << "spamdetected"
                                     << ""
                                     << "orange"
                                     << "review-content";
    QTest::newRow("cox AUP code")
        << "ana@cox.net: 550 5.1.0 <news@adatum.test> sender rejected. AUP#CDRBL"
        << "blocked"
        << ""
        << "cox"
        << "check-blocklists";
    QTest::newRow("spectrum AUP range")
        << "ana@charter.net: 550 5.1.0 <news@adatum.test> sender rejected. AUP#In-1310"
        << "ratelimited"
        << ""
        << "spectrum"
        << "retry-later";
    QTest::newRow("mimecast geographic policy")
        << "554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554"
        << "policyviolation"
        << ""
        << "mimecast"
        << "contact-recipient-it";
    QTest::newRow("bad sequence of commands") << "503 Improper sequence of commands"
                                              << "syntaxerror"
                                              << ""
                                              << ""
                                              << "fix-sending-setup";
    QTest::newRow("qmail: recipient refused at RCPT")
        << "ana@example.net: 192.0.2.25 does not like recipient. Remote host said: 550 "
           "<ana@example.net>: User unknown"
        << "userunknown"
        << ""
        << ""
        << "verify-address";
    QTest::newRow("qmail: refused after the message")
        << "ana@example.net: 192.0.2.25 failed after I sent the message. Remote host said: 550 "
           "User unknown"
        << "filtered"
        << ""
        << ""
        << "contact-recipient-it";
    QTest::newRow("storage would be exceeded")
        << "ana@example.net: 552 Mailbox would exceed maximum allowed storage"
        << "mailboxfull"
        << ""
        << ""
        << "contact-recipient-it";
    QTest::newRow("spamassassin score")
        << "ana@example.net: 550 Rejected by SpamAssassin, score 8.2"
        << "spamdetected"
        << ""
        << ""
        << "review-content";
    QTest::newRow("currently suspended")
        << "ana@example.net: 554 This mailbox is currently suspended"
        << "suspend"
        << ""
        << ""
        << "contact-recipient-it";
    QTest::newRow("on our block list")
        << "ana@example.net: 554 Your IP 203.0.113.9 is on our block list"
        << "blocked"
        << ""
        << ""
        << "check-blocklists";
    QTest::newRow("name or service not known") << "ana@example.net: Name or service not known"
                                               << "hostunknown"
                                               << ""
                                               << ""
                                               << "verify-address";
    QTest::newRow("organization policy")
        << "ana@example.net: 550 The message was rejected by organization policy"
        << "policyviolation"
        << ""
        << ""
        << "contact-recipient-it";
    QTest::newRow("qmail badrcptto list")
        << "ana@example.net: 553 sorry, your envelope recipient is in my badrcptto list "
           "(in reply to RCPT TO command)"
        << "userunknown"
        << ""
        << ""
        << "verify-address";
    QTest::newRow("wrong or no longer valid")
        << "ana@example.net: 550 This email address is wrong or no longer valid (in reply to "
           "RCPT TO command)"
        << "userunknown"
        << ""
        << ""
        << "verify-address";
    QTest::newRow("a bare temporary failure says nothing more")
        << "ana@example.net: 450 4.0.0 Temporary failure"
        << "onhold"
        << ""
        << ""
        << "contact-recipient-it";
    QTest::newRow("null mx") << "556 5.1.10 Recipient address has null MX"
                             << "notaccept"
                             << ""
                             << ""
                             << "verify-address";
}

void TestClassifier::replies()
{
    QFETCH(QString, reply);
    QFETCH(QString, reason);
    QFETCH(QString, detail);
    QFETCH(QString, provider);
    QFETCH(QString, firstStep);
    const BounceMessage message = BounceReader().readPastedText(reply);
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    const RecipientDiagnosis &r = message.recipients.first();
    QCOMPARE(r.reason, reason);
    if (!detail.isEmpty())
        QCOMPARE(r.detail, detail);
    QCOMPARE(r.provider, provider);
    QCOMPARE(firstStepName(r.firstStep), firstStep);
    QVERIFY(!r.headline.isEmpty());
}

// Whole notices: which SMTP command the server answered decides what its words mean.
void TestClassifier::bounces_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("status");

    QTest::newRow("postfix: unknown user in reply to RCPT TO") << "postfix/in-reply-to-rcpt.eml"
                                                               << "postfix"
                                                               << "RCPT"
                                                               << "userunknown"
                                                               << "5.0.911";
    QTest::newRow("postfix: unknown user, no command named") << "postfix/said-no-command.eml"
                                                             << "postfix"
                                                             << ""
                                                             << "filtered"
                                                             << "5.0.910";
    QTest::newRow("sendmail: transcript names RCPT") << "sendmail/transcript.eml"
                                                     << "sendmail"
                                                     << "RCPT"
                                                     << "userunknown"
                                                     << "5.1.1";
    QTest::newRow("sendmail: refused at MAIL FROM, the server's reply kept")
        << "sendmail/transcript-mail-from.eml"
        << "sendmail"
        << "MAIL"
        << "blocked"
        << "5.0.971";
    QTest::newRow("powermta: its own bounce category") << "powermta/bad-mailbox.eml"
                                                       << "rfc3464"
                                                       << ""
                                                       << "userunknown"
                                                       << "5.2.1";
    QTest::newRow("delivery to a program failed") << "rfc3464/pipe-to-program.eml"
                                                  << "rfc3464"
                                                  << ""
                                                  << "mailererror"
                                                  << "5.5.0";
    QTest::newRow("apache james: envelope details are not a command")
        << "apachejames/no-such-user.eml"
        << "apachejames"
        << ""
        << "filtered"
        << "5.0.910";
    QTest::newRow("mcafee: answers from its directory") << "mcafee/unknown-user.eml"
                                                        << "mcafee"
                                                        << ""
                                                        << "userunknown"
                                                        << "5.0.911";
    QTest::newRow("imail: invalid final delivery userid") << "imailserver/invalid-userid.eml"
                                                          << "imailserver"
                                                          << ""
                                                          << "userunknown"
                                                          << "5.0.911";
}

void TestClassifier::bounces()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(QString, command);
    QFETCH(QString, reason);
    QFETCH(QString, status);
    QFile input(QStringLiteral(BD_TEST_DATA_DIR "/bounces/") + file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const BounceMessage message = BounceReader().readMessage(input.readAll(), file);
    QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
    QCOMPARE(message.format, format);
    const RecipientDiagnosis &r = message.recipients.first();
    QCOMPARE(r.command, command);
    QCOMPARE(r.reason, reason);
    QCOMPARE(r.status, status);
}

void TestClassifier::suggestsCorrectedRecipient()
{
    const BounceMessage message = BounceReader().readPastedText(
        QStringLiteral("jo.smith@gmial.com: 550 5.1.2 Host or domain name not found"));
    QCOMPARE(message.recipients.first().reason, QStringLiteral("hostunknown"));
    QCOMPARE(message.recipients.first().suggestedRecipient, QStringLiteral("jo.smith@gmail.com"));
}

QTEST_GUILESS_MAIN(TestClassifier)
#include "tst_classifier.moc"
