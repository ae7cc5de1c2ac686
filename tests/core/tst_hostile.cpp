// Small bounces that amplify (issue 18): each shape is generated here at a small size, with the
// limit lowered where that shows the shape, and checked for what it must not cost: a copy of
// the text per recipient, a list of everything, a pass per earlier line.

#include "bounce/authresultsparser.h"
#include "bounce/bouncereader.h"
#include "bounce/filename.h"
#include "bounce/untrustedtext.h"
#include "report/contactdraft.h"
#include "report/reportwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

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

QList<BounceMessage> readAll(const BounceReader &reader, const QString &path)
{
    QList<BounceMessage> messages;
    reader.readPath(path, [&](BounceMessage &&message) { messages.append(std::move(message)); });
    return messages;
}

const QByteArray smallBounce = "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
                               "Subject: Undelivered Mail Returned to Sender\n"
                               "To: sender@example.org\n\n"
                               "<ana@example.net>: 550 5.1.1 user unknown\n";

// Puts something that is not a regular file at path: what kind says.
bool makeNonFile(const QString &kind, const QByteArray &path)
{
    if (kind == QLatin1String("fifo"))
        return ::mkfifo(path.constData(), 0600) == 0;
    if (kind == QLatin1String("device link"))
        return ::symlink("/dev/zero", path.constData()) == 0;
    if (kind == QLatin1String("broken link"))
        return ::symlink("/nonexistent/nothing-here", path.constData()) == 0;
    if (kind == QLatin1String("link loop"))
        return ::symlink(path.constData(), path.constData()) == 0;
    if (kind == QLatin1String("socket")) {
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        if (size_t(path.size()) >= sizeof(address.sun_path))
            return false;
        qstrcpy(address.sun_path, path.constData());
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        const bool bound =
            fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
        if (fd >= 0)
            ::close(fd); // the socket file stays
        return bound;
    }
    return false;
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

    // A delivery-status part of more recipients than the limit: the rest are only counted.
    void deliveryStatusPastTheLimit_data()
    {
        QTest::addColumn<int>("recipients");
        QTest::addColumn<int>("maxRecipients");
        QTest::newRow("under") << 5 << 10;
        QTest::newRow("at") << 10 << 10;
        QTest::newRow("over") << 400 << 10;
    }

    void deliveryStatusPastTheLimit()
    {
        QFETCH(int, recipients);
        QFETCH(int, maxRecipients);
        QByteArray blocks;
        QByteArray lines;
        for (int i = 0; i < recipients; ++i) {
            blocks += "Final-Recipient: rfc822; u" + QByteArray::number(i) +
                      "@example.net\nAction: failed\nStatus: 5.1.1\n\n";
            lines += "<u" + QByteArray::number(i) + "@example.net>: 550 5.1.1 user unknown\n";
        }
        const QByteArray bounce =
            "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
            "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
            "--B\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n" +
            lines + "\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx\n\n" +
            blocks + "--B--\n";
        ReaderLimits limits;
        limits.maxRecipients = maxRecipients;
        const BounceMessage message = BounceReader(limits).readMessage(bounce);
        QCOMPARE(message.format, QStringLiteral("rfc3464"));
        QCOMPARE(message.recipients.size(), qMin(recipients, maxRecipients));
        QCOMPARE(message.notice.isEmpty(), recipients <= maxRecipients);
        if (recipients > maxRecipients)
            QVERIFY2(
                message.notice.contains(QStringLiteral("of its %1 recipients").arg(recipients)),
                qPrintable(message.notice));
        for (const RecipientDiagnosis &r : message.recipients)
            QVERIFY2(r.diagnostic.contains(QLatin1String("user unknown")),
                     qPrintable(r.diagnostic));
    }

    void transcriptNamesTheCommand_data()
    {
        QTest::addColumn<int>("recipients");
        QTest::addColumn<int>("fillerLines");
        QTest::newRow("one") << 1 << 0;
        QTest::newRow("three, filler") << 3 << 100;
        QTest::newRow("two hundred, long transcript") << 200 << 20000;
    }

    // A transcript's summary lines give each recipient they name the command; a line is
    // matched by the addresses in it (any case, a trailing full stop), not searched for each.
    void transcriptNamesTheCommand()
    {
        QFETCH(int, recipients);
        QFETCH(int, fillerLines);
        QByteArray blocks;
        QByteArray summary;
        for (int i = 0; i < recipients; ++i) {
            blocks += "<u" + QByteArray::number(i) + "@example.net>: message refused\n";
            summary += "    rejected for U" + QByteArray::number(i) + "@EXAMPLE.NET.\n";
        }
        const QByteArray bounce = "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
                                  "Subject: Undelivered Mail Returned to Sender\n\n"
                                  "This is the mail system.\n\n" +
                                  blocks + "\n>>> DATA\n<<< 554 5.7.1 rejected by policy\n" +
                                  QByteArray("    (no address here)\n").repeated(fillerLines) +
                                  summary;
        const BounceMessage message = BounceReader().readMessage(bounce);
        QCOMPARE(message.recipients.size(), recipients);
        for (const RecipientDiagnosis &r : message.recipients)
            QCOMPARE(r.command, QStringLiteral("DATA"));
    }

    // Past the limit an address is counted for the notice, once, and not read.
    void addressLinesPastTheLimit()
    {
        ReaderLimits limits;
        limits.maxRecipients = 10;
        const BounceMessage message =
            BounceReader(limits).readMessage(addressLinesBounce(300, 300));
        QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
        QCOMPARE(message.recipients.size(), 10);
        QVERIFY2(message.notice.contains(QLatin1String("first 10 of its 300 recipients")),
                 qPrintable(message.notice));
        QCOMPARE(message.recipients.last().recipient, QStringLiteral("user9@example.net"));
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

    void pathsThatAreNotFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("named");
        QTest::addColumn<QString>("where");
        const QList<QPair<QString, QString>> kinds{
            {QStringLiteral("fifo"), QStringLiteral("it is a named pipe (FIFO)")},
            {QStringLiteral("socket"), QStringLiteral("it is a socket")},
            {QStringLiteral("device link"), QStringLiteral("it is a character device")},
            {QStringLiteral("link loop"), QStringLiteral("it is a loop of symbolic links")},
            {QStringLiteral("broken link"), QStringLiteral("a symbolic link to something that")},
        };
        for (const auto &[kind, named] : kinds) {
            for (const QString &where :
                 {QStringLiteral("direct"), QStringLiteral("folder"), QStringLiteral("maildir")})
                QTest::addRow("%s, %s", qPrintable(kind), qPrintable(where))
                    << kind << named << where;
        }
    }

    // Refused by what they are, in plain words, next to the files beside them; never read.
    void pathsThatAreNotFiles()
    {
        QFETCH(QString, kind);
        QFETCH(QString, named);
        QFETCH(QString, where);
        // Short: a socket's path has a length limit.
        QTemporaryDir dir(QStringLiteral("/tmp/bdh-XXXXXX"));
        QVERIFY(dir.isValid());
        const QString folder =
            where == QLatin1String("maildir") ? dir.filePath(QStringLiteral("cur")) : dir.path();
        QVERIFY(QDir().mkpath(folder));
        QFile good(folder + QStringLiteral("/a.eml"));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(smallBounce);
        good.close();
        const QString entry = folder + QStringLiteral("/b");
        QVERIFY(makeNonFile(kind, FileName::toNative(entry)));
        const QList<BounceMessage> messages =
            readAll(BounceReader(), where == QLatin1String("direct") ? entry : dir.path());
        QCOMPARE(messages.size(), where == QLatin1String("direct") ? 1 : 2);
        const BounceMessage &refused = messages.last();
        QCOMPARE(refused.kind, BounceMessage::Kind::Error);
        QCOMPARE(refused.source, entry);
        QVERIFY2(refused.error.contains(entry) && refused.error.contains(named),
                 qPrintable(refused.error));
        if (where != QLatin1String("direct"))
            QCOMPARE(messages.first().kind, BounceMessage::Kind::Bounce);
    }

    // A file whose size reads as 0 is still read only up to the message limit.
    void sizeOfZeroIsReadUpToTheLimit()
    {
        ReaderLimits limits;
        limits.maxMessageBytes = 1024;
        QVERIFY(QFileInfo(QStringLiteral("/proc/self/smaps")).size() == 0);
        const QList<BounceMessage> messages =
            readAll(BounceReader(limits), QStringLiteral("/proc/self/smaps"));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().kind, BounceMessage::Kind::Error);
        QVERIFY2(messages.first().error.contains(QLatin1String("larger than the limit of 1024")),
                 qPrintable(messages.first().error));
    }

    void fileNamesKeepTheirBytes_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QString>("shown");
        QTest::newRow("ASCII") << QByteArray("plain.eml") << QStringLiteral("plain.eml");
        QTest::newRow("UTF-8") << QByteArray("r\xc3\xa9sum\xc3\xa9.eml")
                               << QStringLiteral("r\u00e9sum\u00e9.eml");
        QTest::newRow("Latin-1") << QByteArray("r\xe9sum\xe9.eml")
                                 << QStringLiteral("r\\xe9sum\\xe9.eml");
        QTest::newRow("stray continuation")
            << QByteArray("a\x80\xbf.eml") << QStringLiteral("a\\x80\\xbf.eml");
        QTest::newRow("overlong slash")
            << QByteArray("a\xc0\xaf.eml") << QStringLiteral("a\\xc0\\xaf.eml");
        QTest::newRow("encoded surrogate")
            << QByteArray("a\xed\xb2\x80.eml") << QStringLiteral("a\\xed\\xb2\\x80.eml");
        QTest::newRow("cut sequence")
            << QByteArray("a\xe2\x82.eml") << QStringLiteral("a\\xe2\\x82.eml");
    }

    // Read in a folder and named directly, and reported with the bytes that were not UTF-8.
    void fileNamesKeepTheirBytes()
    {
        QFETCH(QByteArray, name);
        QFETCH(QString, shown);
        const QString decoded = FileName::fromNative(name);
        QCOMPARE(FileName::toNative(decoded), name);
        QCOMPARE(FileName::display(decoded), shown);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray path = QFile::encodeName(dir.path()) + '/' + name;
        FILE *file = std::fopen(path.constData(), "wb");
        QVERIFY(file);
        std::fwrite(smallBounce.constData(), 1, size_t(smallBounce.size()), file);
        std::fclose(file);
        for (const QString &input : {dir.path(), FileName::fromNative(path)}) {
            const QList<BounceMessage> messages = readAll(BounceReader(), input);
            QCOMPARE(messages.size(), 1);
            QCOMPARE(messages.first().kind, BounceMessage::Kind::Bounce);
            QCOMPARE(messages.first().source, dir.path() + QLatin1Char('/') + shown);
        }
        // The batch limit's error names the file as shown too.
        QFile first(dir.filePath(QStringLiteral("a.eml")));
        QVERIFY(first.open(QIODevice::WriteOnly));
        first.write(smallBounce);
        first.close();
        ReaderLimits limits;
        limits.maxBatchMessages = 1;
        const QList<BounceMessage> messages = readAll(BounceReader(limits), dir.path());
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.last().kind, BounceMessage::Kind::Error);
        QCOMPARE(messages.last().source, dir.path() + QLatin1Char('/') + shown);
        QVERIFY(messages.last().error.contains(shown));
    }

    void csvFieldsStayText_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("ana@example.net")
                               << QStringLiteral("ana@example.net");
        QTest::newRow("semicolon formula")
            << QStringLiteral("a;=1+2;b") << QStringLiteral("\"a;=1+2;b\"");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("a\"b") << QStringLiteral("\"a\"\"b\"");
        QTest::newRow("leading =")
            << QStringLiteral("=HYPERLINK(\"x\")") << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("leading +") << QStringLiteral("+1") << QStringLiteral("\"'+1\"");
        QTest::newRow("leading -") << QStringLiteral("-1") << QStringLiteral("\"'-1\"");
        QTest::newRow("leading @") << QStringLiteral("@SUM(A1)") << QStringLiteral("\"'@SUM(A1)\"");
        QTest::newRow("tab and line breaks removed")
            << QStringLiteral("a\tb\r\nc") << QStringLiteral("abc");
        QTest::newRow("formula behind a control")
            << QStringLiteral("\x1b=1+2") << QStringLiteral("\"'=1+2\"");
        QTest::newRow("escape and override removed")
            << QStringLiteral("x\x1b[2J\u202Ey") << QStringLiteral("x[2Jy");
    }

    // The addresses-to-remove list: no field runs as a formula, in any locale's separator.
    void csvFieldsStayText()
    {
        QFETCH(QString, value);
        QFETCH(QString, field);
        QCOMPARE(ReportWriter::csvField(value), field);
        BounceMessage message;
        message.source = QStringLiteral("bounce.eml");
        RecipientDiagnosis r;
        r.recipient = value;
        r.reason = QStringLiteral("userunknown");
        r.status = QStringLiteral("5.1.1");
        r.hardBounce = true;
        message.recipients = {r};
        QCOMPARE(ReportWriter::suppressionCsv({message}),
                 QStringLiteral("recipient,reason,status,source\n%1,userunknown,5.1.1,bounce.eml\n")
                     .arg(field));
    }

    void headerValuesStayOneLine_data()
    {
        QTest::addColumn<QByteArray>("subject");
        QTest::addColumn<QString>("forged");
        QTest::newRow("CR LF in an encoded word")
            << QByteArray("=?utf-8?q?Hello=0D=0A__Status:_resolved?=")
            << QStringLiteral("  Status: resolved");
        QTest::newRow("LF in an encoded word")
            << QByteArray("=?utf-8?b?SGVsbG8KU3RhdHVzOiByZXNvbHZlZA==?=")
            << QStringLiteral("Status: resolved");
        QTest::newRow("line separator") << QByteArray("=?utf-8?q?Hello=E2=80=A8Status:_resolved?=")
                                        << QStringLiteral("Status: resolved");
    }

    // A decoded header value cannot add lines to the ticket text, the draft or its mailto: URL.
    void headerValuesStayOneLine()
    {
        QFETCH(QByteArray, subject);
        QFETCH(QString, forged);
        const QByteArray bounce =
            "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
            "Subject: Undelivered Mail Returned to Sender\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
            "--B\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
            "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
            "Final-Recipient: rfc822; ben@example.net\nAction: failed\nStatus: 5.1.1\n"
            "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\n"
            "--B\nContent-Type: text/rfc822-headers\n\nFrom: " +
            subject + " <ana@example.org>\nDate: " + subject + "\nSubject: " + subject +
            "\n\n--B--\n";
        const BounceMessage message = BounceReader().readMessage(bounce);
        QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
        QVERIFY(message.original.subject.contains(QLatin1String("Status: resolved")));
        const QString ticket = ReportWriter::ticketText(message);
        const ContactDraft draft = ContactDraft::forRecipient(message, message.recipients.first());
        for (const QString &text : {ticket, draft.body, ReportWriter::markdown(message)}) {
            for (const QString &line : text.split(QLatin1Char('\n')))
                QVERIFY2(!line.startsWith(forged) && !line.contains(QChar(0x2028)) &&
                             !line.contains(QLatin1Char('\r')),
                         qPrintable(line));
        }
        QVERIFY(ticket.contains(QLatin1String("Hello")));
        const QString query = draft.mailtoUrl().toString(QUrl::FullyEncoded);
        // Only the draft's own line ends are encoded line breaks: one per line of its body.
        QCOMPARE(query.count(QLatin1String("%0D%0A")), draft.body.count(QLatin1Char('\n')));
    }

    void bidiOverridesCannotFlipExports_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("override") << QStringLiteral("invoice\u202Egpj.exe");
        QTest::newRow("embedding") << QStringLiteral("a\u202Bb\u202Cc");
        QTest::newRow("isolate") << QStringLiteral("a\u2067b");
        QTest::newRow("marks") << QStringLiteral("a\u200Fb\u061Cc");
    }

    // A bidi control from the bounce is shown by name in every export, never obeyed.
    void bidiOverridesCannotFlipExports()
    {
        QFETCH(QString, value);
        BounceMessage message;
        message.subject = value;
        message.original.subject = value;
        message.original.from = value;
        RecipientDiagnosis r;
        r.recipient = value;
        r.diagnostic = value;
        r.remoteMta = value;
        message.recipients = {r};
        const QString exports[] = {ReportWriter::html(message), ReportWriter::markdown(message),
                                   ReportWriter::ticketText(message),
                                   ContactDraft::forRecipient(message, r).body};
        for (const QString &text : exports) {
            QVERIFY(
                text.contains(QLatin1String("<U+2")) || text.contains(QLatin1String("&lt;U+")) ||
                text.contains(QLatin1String("\\<U\\+")) || text.contains(QLatin1String("<U+06")));
            for (const QChar c : text)
                QVERIFY2(!UntrustedText::isActive(c) || c == QLatin1Char('\n'),
                         qPrintable(QString::number(c.unicode(), 16)));
        }
    }

    void controlsAreShownByName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("550 5.1.1 unknown \u00e9\u4e2d")
                               << QStringLiteral("550 5.1.1 unknown \u00e9\u4e2d");
        QTest::newRow("tab kept") << QStringLiteral("a\tb") << QStringLiteral("a\tb");
        QTest::newRow("screen clear") << QStringLiteral("\x1b[2J") << QStringLiteral("\\e[2J");
        QTest::newRow("bell, backspace")
            << QStringLiteral("a\x07\x08") << QStringLiteral("a\\a\\b");
        QTest::newRow("line breaks") << QStringLiteral("a\r\nb") << QStringLiteral("a\\r\\nb");
        QTest::newRow("other C0, DEL")
            << QStringLiteral("\x01\x7f") << QStringLiteral("\\x01\\x7f");
        QTest::newRow("C1 CSI") << QStringLiteral("\u009b2J") << QStringLiteral("<U+009B>2J");
        QTest::newRow("override") << QStringLiteral("a\u202Eb") << QStringLiteral("a<U+202E>b");
        QTest::newRow("isolate, mark")
            << QStringLiteral("\u2066\u200F") << QStringLiteral("<U+2066><U+200F>");
        QTest::newRow("line separator")
            << QStringLiteral("a\u2028b") << QStringLiteral("a<U+2028>b");
    }

    // What the CLI's text output and the exports show of untrusted text (DNS TXT evidence too).
    void controlsAreShownByName()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(UntrustedText::visible(text), shown);
        const QString flat = UntrustedText::oneLine(text);
        QVERIFY(!flat.contains(QLatin1Char('\n')) && !flat.contains(QChar(0x2028)));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
