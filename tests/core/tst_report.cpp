#include "bounce/bouncereader.h"
#include "report/contactdraft.h"
#include "report/privacy.h"
#include "report/reportwriter.h"
#include "report/stepadvice.h"

#include <QTest>
#include <QUrlQuery>

using namespace BounceDoctor;

namespace {

BounceMessage hostileBounce()
{
    BounceMessage message = BounceReader().readPastedText(
        QStringLiteral("<script>alert(1)</script>@evil.example: 550 5.1.1 User unknown "
                       "[click](javascript:alert(2)) <img src=http://127.0.0.1:1/x.png>"));
    message.original.subject = QStringLiteral("**bold** [link](http://evil.example) <b>x</b>");
    return message;
}

} // namespace

class TestReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void htmlEscapesBounceText();
    void markdownEscapesBounceText();
    void markdownEscapesOnlyWhatItMust_data();
    void markdownEscapesOnlyWhatItMust();
    void ticketTextHasTheFacts();
    void sizeLimitFromTheServersWords_data();
    void sizeLimitFromTheServersWords();
    void mailtoIsPercentEncoded_data();
    void mailtoIsPercentEncoded();
    void draftIsTailored();
    void draftFitsTheDiagnosis_data();
    void draftFitsTheDiagnosis();
    void personalDataHidden();
};

void TestReport::htmlEscapesBounceText()
{
    const QString html = ReportWriter::html(hostileBounce());
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(!html.contains(QLatin1String("<img")));
    QVERIFY(!html.contains(QLatin1String("<b>x</b>")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;")));
    QVERIFY(html.contains(QLatin1String("default-src 'none'")));
}

void TestReport::markdownEscapesBounceText()
{
    const QString md = ReportWriter::markdown(hostileBounce());
    QVERIFY(!md.contains(QLatin1String("[link](http")));
    QVERIFY(!md.contains(QLatin1String("**bold**")));
    QVERIFY(md.contains(QLatin1String("\\[link\\](http\\://evil.example)")));
    // Raw markup may only appear inside code (indented lines), where Markdown shows it as text.
    const QStringList lines = md.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("<script>")) || line.contains(QLatin1String("<img")))
            QVERIFY2(line.startsWith(QLatin1String("    ")), qPrintable(line));
    }
    // The server's words stay verbatim, but inside an indented code block.
    QVERIFY(md.contains(
        QLatin1String("\n    <script>alert(1)</script>@evil.example: 550 5.1.1 User unknown "
                      "[click](javascript:alert(2))")));
}

void TestReport::markdownEscapesOnlyWhatItMust_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("blockStart");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("status codes and dots stay")
        << "550 5.7.1 see mx.example.org" << false << "550 5.7.1 see mx.example.org";
    QTest::newRow("emphasis and code") << "*a* _b_ `c`" << false << "\\*a\\* \\_b\\_ \\`c\\`";
    QTest::newRow("html and tables") << "<b>|x|</b>" << false << "\\<b\\>\\|x\\|\\</b\\>";
    QTest::newRow("bare URL") << "go to http://x.example or www.x.example" << false
                              << "go to http\\://x.example or www\\.x.example";
    QTest::newRow("entity") << "&lt; & more" << false << "\\&lt; & more";
    QTest::newRow("heading at a block start") << "# not a heading" << true << "\\# not a heading";
    QTest::newRow("hash inside a cell") << "# 5" << false << "# 5";
    QTest::newRow("ordered list at a block start") << "12. item" << true << "12\\. item";
    QTest::newRow("lines flattened") << "a\nb" << false << "a b";
}

void TestReport::markdownEscapesOnlyWhatItMust()
{
    QFETCH(QString, text);
    QFETCH(bool, blockStart);
    QFETCH(QString, escaped);
    QCOMPARE(ReportWriter::escapeMarkdown(text, blockStart), escaped);
}

void TestReport::sizeLimitFromTheServersWords_data()
{
    QTest::addColumn<QString>("diagnostic");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("bytes after maximum")
        << "552 5.3.4 Message size exceeds fixed maximum message size of 10485760 bytes"
        << qint64(10485760);
    QTest::newRow("the limit, not the message's size")
        << "552 5.2.3 Message size 12000000 exceeds size limit 10240000 of server"
        << qint64(10240000);
    QTest::newRow("megabytes") << "552 Message too large (max 25 MB)" << qint64(25 * 1024 * 1024);
    QTest::newRow("grouped digits")
        << "552 5.3.4 Your message exceeded Google's message size limits (35,882,577 bytes)"
        << qint64(35882577);
    QTest::newRow("no limit named") << "552 5.3.4 Message size exceeds fixed limit" << qint64(0);
    QTest::newRow("only codes") << "552 5.3.4 Error: message file too big" << qint64(0);
}

void TestReport::sizeLimitFromTheServersWords()
{
    QFETCH(QString, diagnostic);
    QFETCH(qint64, bytes);
    QCOMPARE(StepAdvice::sizeLimit(diagnostic), bytes);
}

void TestReport::ticketTextHasTheFacts()
{
    const BounceMessage message =
        BounceReader().readPastedText(QStringLiteral("ana@example.net: 552 5.2.2 Mailbox full"));
    const QString ticket = ReportWriter::ticketText(message);
    QVERIFY(ticket.contains(QLatin1String("ana@example.net")));
    QVERIFY(ticket.contains(QLatin1String("552 5.2.2")));
    QVERIFY(ticket.contains(message.recipients.first().headline));
    // Refused for good this time, but a full mailbox is not a dead address.
    QVERIFY(ticket.contains(QLatin1String("Refused, not retried")));
    QVERIFY(!ticket.contains(QLatin1String("Permanent")));
}

void TestReport::mailtoIsPercentEncoded_data()
{
    QTest::addColumn<QString>("subject");
    QTest::newRow("ampersand and equals") << QStringLiteral("a&b=c");
    QTest::newRow("question and hash") << QStringLiteral("why? #1");
    QTest::newRow("plus and percent") << QStringLiteral("1+1 = 100%");
    QTest::newRow("non-ascii") << QStringLiteral("Zustellung fehlgeschlagen – 配信エラー");
}

void TestReport::mailtoIsPercentEncoded()
{
    QFETCH(QString, subject);
    ContactDraft draft;
    draft.to = QStringLiteral("postmaster@example.net");
    draft.subject = subject;
    draft.body = QStringLiteral("line one\nline two & more");
    const QUrl url = draft.mailtoUrl();
    QVERIFY(url.isValid());
    const QString encoded = url.toString(QUrl::FullyEncoded);
    QVERIFY(encoded.startsWith(QLatin1String("mailto:postmaster@example.net?subject=")));
    QVERIFY(!encoded.contains(QLatin1Char(' ')));
    QCOMPARE(encoded.count(QLatin1Char('&')), 1); // only the one between subject and body
    QCOMPARE(encoded.count(QLatin1Char('#')), 0);
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded), subject);
    QCOMPARE(query.queryItemValue(QStringLiteral("body"), QUrl::FullyDecoded),
             QStringLiteral("line one\r\nline two & more"));
}

void TestReport::draftIsTailored()
{
    BounceMessage message = BounceReader().readPastedText(QStringLiteral(
        "ana@hill.example: 550 5.5.5 Message not delivered to user without prior approval"));
    message.original.from = QStringLiteral("office@school.example");
    const RecipientDiagnosis &r = message.recipients.first();
    const ContactDraft draft = ContactDraft::forRecipient(message, r);
    QCOMPARE(draft.to, QStringLiteral("postmaster@hill.example"));
    QVERIFY(draft.subject.contains(QLatin1String("ana@hill.example")));
    QVERIFY(draft.body.contains(QLatin1String("without prior approval")));
    QVERIFY(draft.body.contains(QLatin1String("allowed senders")));
    QVERIFY(draft.body.contains(QLatin1String("office@school.example")));
}

void TestReport::draftFitsTheDiagnosis_data()
{
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("diagnostic");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<Responsible>("responsible");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<bool>("offered");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("page"); ///< a link the advice must carry, or empty

    QTest::newRow("business domain, their filter")
        << "ana@hill.example"
        << "550 5.7.1 Rejected by content filter"
        << "filtered" << Responsible::RecipientAdmin << "" << true << "postmaster@hill.example"
        << "";
    QTest::newRow("address the bounce names for help")
        << "ana@hill.example"
        << "550 5.7.1 Sender not allowed. Contact it-helpdesk@hill.example for help."
        << "blocked" << Responsible::RecipientAdmin << "" << true << "it-helpdesk@hill.example"
        << "";
    QTest::newRow("the recipient's own address is no help address")
        << "ana@hill.example"
        << "550 5.1.1 <ana@hill.example>: Recipient address rejected"
        << "userunknown" << Responsible::Unknown << "" << true << "postmaster@hill.example"
        << "";
    // Microsoft's own block list (S3150): the fix is Microsoft's delisting form, not mail to
    // postmaster@hotmail.com.
    QTest::newRow("microsoft's own list")
        << "p.nakamura@hotmail.com"
        << "550 5.7.1 Unfortunately, messages from [203.0.113.88] weren't sent. (S3150)"
        << "blocked" << Responsible::SenderAdmin << "microsoft" << false << ""
        << "https://olcsupport.office.com/";
    // A disabled Gmail account: nobody at postmaster@gmail.com reads that; reach the person.
    QTest::newRow("disabled gmail account")
        << "old.friend@gmail.com"
        << "550 5.2.1 The email account that you tried to reach is disabled."
        << "suspend" << Responsible::Recipient << "gmail" << false << ""
        << "https://postmaster.google.com/";
    QTest::newRow("full mailbox at a consumer provider without pages")
        << "oma@web.de"
        << "552 5.2.2 Mailbox full"
        << "mailboxfull" << Responsible::Recipient << "" << false << ""
        << "";
}

void TestReport::draftFitsTheDiagnosis()
{
    QFETCH(QString, recipient);
    QFETCH(QString, diagnostic);
    QFETCH(QString, reason);
    QFETCH(Responsible, responsible);
    QFETCH(QString, provider);
    QFETCH(bool, offered);
    QFETCH(QString, to);
    QFETCH(QString, page);
    BounceMessage message;
    message.original.from = QStringLiteral("office@school.example");
    RecipientDiagnosis r;
    r.recipient = recipient;
    r.diagnostic = diagnostic;
    r.reason = reason;
    r.responsible = responsible;
    r.provider = provider;
    const ContactDraft draft = ContactDraft::forRecipient(message, r);
    QCOMPARE(draft.offered, offered);
    QCOMPARE(draft.to, to);
    QVERIFY(!draft.to.startsWith(QLatin1String("postmaster@gmail")));
    QVERIFY(!draft.to.startsWith(QLatin1String("postmaster@hotmail")));
    if (!offered)
        QVERIFY2(!draft.advice.isEmpty(), "no advice instead of the draft");
    if (responsible == Responsible::Recipient && !offered)
        QVERIFY2(draft.advice.contains(QLatin1String("another way")), qPrintable(draft.advice));
    bool hasPage = page.isEmpty();
    for (const HelpPages::Page &p : draft.provider.pages)
        hasPage = hasPage || p.url == QUrl(page);
    QVERIFY2(hasPage, qPrintable(page));
}

// Hidden personal data: recipients, sender and subject masked everywhere they appear, in the
// facts, the server's words, the check rows and the draft; the rest of the words kept.
void TestReport::personalDataHidden()
{
    BounceMessage message;
    message.original.from = QStringLiteral("Ann Lee <ann.lee@shop.example>");
    message.original.subject = QStringLiteral("Your invoice 2291");
    RecipientDiagnosis r;
    r.recipient = QStringLiteral("Jo.Smith@example.org");
    r.diagnostic = QStringLiteral("550 5.1.1 <jo.smith@example.org>: Recipient address rejected");
    r.headline = QStringLiteral("The recipient's address does not exist.");
    message.recipients = {r};
    ChecklistRecord record;
    ChecklistRecord::Step step;
    step.title = QStringLiteral("1. Verify the recipient address");
    step.ran = true;
    Finding f;
    f.title = QStringLiteral("The address Jo.Smith@example.org is written correctly.");
    f.evidence = {QStringLiteral("MX example.org: 10 mx.example.org")};
    step.findings = {f};
    record.steps = {step};
    record.hasDraft = true;
    record.draft.to = QStringLiteral("postmaster@example.org");
    record.draft.body =
        QStringLiteral("Mail from ann.lee@shop.example to jo.smith@example.org failed.");
    QList<ChecklistRecord> work{record};
    Privacy::hide(message, work);
    for (const QString &text :
         {ReportWriter::ticketText(message, work), ReportWriter::markdown(message, work),
          ReportWriter::html(message, work)}) {
        QVERIFY2(!text.contains(QLatin1String("jo.smith"), Qt::CaseInsensitive), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("ann.lee")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("invoice 2291")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("J***@example.org")) ||
                text.contains(QLatin1String("j***@example.org")));
        QVERIFY(text.contains(QLatin1String("Recipient address rejected"))); // words kept
        QVERIFY(text.contains(QLatin1String("postmaster@example.org")));     // not personal
    }
    QCOMPARE(Privacy::maskAddress(QStringLiteral("Ann Lee <ann.lee@shop.example>")),
             QStringLiteral("*** <a***@shop.example>"));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
