// Hostile and broken input: every case is diagnosed or refused with plain words, in bounded
// time and memory. The inputs are generated here, since some are hundreds of megabytes.

#include "bounce/bouncereader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace BounceDoctor;

namespace {

constexpr qint64 megabyte = 1 << 20;

const QByteArray postfixBounce =
    "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "To: sender@example.org\n\n"
    "<ana@example.net>: host mx.example.net[192.0.2.7] said: 550 5.1.1 <ana@example.net>: "
    "Recipient address rejected: User unknown (in reply to RCPT TO command)\n";

QByteArray nestedMultiparts(int depth)
{
    QByteArray out = "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail\n"
                     "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n";
    for (int i = 1; i < depth; ++i)
        out += "--b" + QByteArray::number(i - 1) + "\nContent-Type: multipart/mixed; boundary=\"b" +
               QByteArray::number(i) + "\"\n\n";
    out += "--b" + QByteArray::number(depth - 1) +
           "\nContent-Type: text/plain\n\n550 5.1.1 user unknown\n";
    for (int i = depth - 1; i >= 0; --i)
        out += "--b" + QByteArray::number(i) + "--\n";
    return out;
}

// A multipart of count parts under one boundary; each part's header holds fields fields.
QByteArray manyParts(int count, const QByteArray &boundaryParameter = "boundary=\"b\"",
                     int fields = 0)
{
    QByteArray out = "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail\n"
                     "MIME-Version: 1.0\nContent-Type: multipart/mixed; " +
                     boundaryParameter + "\n\n";
    QByteArray header;
    for (int i = 0; i < fields; ++i)
        header += "X-Part-" + QByteArray::number(i) + ": x\n";
    for (int i = 0; i < count; ++i)
        out += "--b\n" + header + "\n";
    return out + "--b\nContent-Type: text/plain\n\n550 5.1.1 user unknown\n--b--\n";
}

// A message attached in a message, depth times, each declared as message/rfc822.
QByteArray nestedMessages(int depth, const QByteArray &typeField = "Content-Type: message/rfc822")
{
    QByteArray out;
    for (int i = 0; i < depth; ++i)
        out += "From: postmaster@relay.example\nSubject: Fwd\n" + typeField + "\n\n";
    return out + postfixBounce;
}

qint64 peakRssBytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss) * 1024;
}

} // namespace

class TestTorture final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // First, while the process is still small: the peak memory it adds is measurable.
    void hugeMboxStreams()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.mbox"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("From MAILER-DAEMON Mon Nov 30 10:00:00 2026\n" + postfixBounce + "\n");
            // 200 MB in one line with no line break: it must never be held whole.
            file.write("From MAILER-DAEMON Mon Nov 30 10:01:00 2026\nSubject: x\n\n");
            const QByteArray block(megabyte, 'a');
            for (int i = 0; i < 200; ++i)
                file.write(block);
            file.write("\n\nFrom MAILER-DAEMON Mon Nov 30 10:02:00 2026\n" + postfixBounce);
        }
        const qint64 before = peakRssBytes();
        QElapsedTimer timer;
        timer.start();
        QList<BounceMessage::Kind> kinds;
        QString error;
        BounceReader().readPath(path, [&](BounceMessage &&message) {
            kinds.append(message.kind);
            if (message.kind == BounceMessage::Kind::Error)
                error = message.error;
        });
        const qint64 grown = peakRssBytes() - before;
        qInfo("200 MB mbox: %lld ms, peak memory grew by %lld MB", timer.elapsed(),
              grown / megabyte);
        QCOMPARE(kinds, (QList<BounceMessage::Kind>{BounceMessage::Kind::Bounce,
                                                    BounceMessage::Kind::Error,
                                                    BounceMessage::Kind::Bounce}));
        QVERIFY2(error.contains(QLatin1String("larger than the limit")), qPrintable(error));
        // AddressSanitizer keeps freed memory in quarantine: the bound holds for real builds.
#if defined(__SANITIZE_ADDRESS__) || (defined(__has_feature) && __has_feature(address_sanitizer))
        qInfo("memory bound not checked under AddressSanitizer");
#else
        QVERIFY2(grown < 100 * megabyte, qPrintable(QString::number(grown / megabyte)));
#endif
    }

    void hostileMessages_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("maxMessageBytes"); // 0: the default
        QTest::addColumn<int>("kind");               // BounceMessage::Kind
        QTest::addColumn<QString>("expected");       // words of the error, or the reason

        const int bounce = int(BounceMessage::Kind::Bounce);
        const int error = int(BounceMessage::Kind::Error);
        QByteArray crOnly = postfixBounce;
        crOnly.replace('\n', '\r');
        QByteArray withNul = postfixBounce;
        withNul.replace("User unknown", QByteArray("User\0 unknown", 13));

        QTest::newRow("CR-only line endings") << crOnly << qint64(0) << bounce << "userunknown";
        QTest::newRow("NUL bytes") << withNul << qint64(0) << bounce << "userunknown";
        QTest::newRow("truncated MIME")
            << QByteArray("From: MAILER-DAEMON@mx.example.org\nSubject: Delivery Status "
                          "Notification (Failure)\nMIME-Version: 1.0\nContent-Type: "
                          "multipart/report; report-type=delivery-status; boundary=\"XX\"\n\n"
                          "--XX\nContent-Type: text/plain\n\nDelivery failed.\n--XX\n"
                          "Content-Type: message/delivery-status\n\nReporting-MTA: dns; "
                          "mx.example.org\n\nFinal-Recipient: rfc822; ana@example.net\n"
                          "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 us")
            << qint64(0) << bounce << "userunknown";
        QTest::newRow("invalid base64")
            << QByteArray("From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail "
                          "Returned to Sender\nMIME-Version: 1.0\nContent-Type: text/plain\n"
                          "Content-Transfer-Encoding: base64\n\n!!!!$$$$====\n%%%%\n\x01\x02\n")
            << qint64(0) << int(BounceMessage::Kind::NotABounce) << "";
        QTest::newRow("10,000-level MIME nesting")
            << nestedMultiparts(10000) << qint64(0) << error << "multiparts";
        QTest::newRow("100 MB header line, default limits")
            << QByteArray("X-Long: " + QByteArray(100 * megabyte, 'a') + "\n" + postfixBounce)
            << qint64(0) << error << "larger than the limit";
        QTest::newRow("100 MB header line, message limit raised")
            << QByteArray("X-Long: " + QByteArray(100 * megabyte, 'a') + "\n" + postfixBounce)
            << 200 * megabyte << error << "header line is longer";
        // Shapes that cost GMime an object (or a stack frame) each, far below the size limit.
        QTest::newRow("a million empty parts under one boundary")
            << manyParts(1000000) << qint64(0) << error << "more than 10000 MIME parts";
        QTest::newRow("200,000 nested attached messages")
            << nestedMessages(200000) << qint64(0) << error << "more than 100 attached messages";
        QTest::newRow("a million header fields in one part")
            << manyParts(1, "boundary=\"b\"", 1000000) << qint64(0) << error
            << "more than 100000 header fields in its parts";
        QByteArray manyFields;
        for (int i = 0; i < 20000; ++i)
            manyFields += "X-Field-" + QByteArray::number(i) + ": x\n";
        QTest::newRow("20,000 header fields")
            << manyFields + postfixBounce << qint64(0) << error << "header fields";
    }

    void hostileMessages()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, maxMessageBytes);
        QFETCH(int, kind);
        QFETCH(QString, expected);
        ReaderLimits limits;
        if (maxMessageBytes > 0)
            limits.maxMessageBytes = maxMessageBytes;
        QElapsedTimer timer;
        timer.start();
        const BounceMessage message = BounceReader(limits).readMessage(bytes, QStringLiteral("t"));
        qInfo("%lld ms", timer.elapsed());
        QCOMPARE(int(message.kind), kind);
        if (message.kind == BounceMessage::Kind::Error) {
            QVERIFY2(message.error.contains(expected), qPrintable(message.error));
        } else if (!expected.isEmpty()) {
            QVERIFY(!message.recipients.isEmpty());
            QCOMPARE(message.recipients.first().reason, expected);
        }
    }

    // The structure limits hold exactly at their edge, for small messages too (the reader
    // skips counting what a message is too small to exceed).
    void structureLimits_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("maxMimeMultiparts");
        QTest::addColumn<int>("maxHeaderFields");
        QTest::addColumn<qint64>("maxHeaderLineBytes");
        QTest::addColumn<QString>("error"); // words of the error, or empty

        const QByteArray threeLevels = nestedMultiparts(3);
        QTest::newRow("3 multiparts, at the limit")
            << threeLevels << 3 << 10000 << qint64(1024 * 1024) << "";
        QTest::newRow("3 multiparts, over the limit")
            << threeLevels << 2 << 10000 << qint64(1024 * 1024) << "more than 2 MIME multiparts";
        QTest::newRow("upper-case BOUNDARY counts")
            << QByteArray(threeLevels).replace("boundary", "BOUNDARY") << 2 << 10000
            << qint64(1024 * 1024) << "more than 2 MIME multiparts";
        // postfixBounce's header section has 3 fields.
        QTest::newRow("fields at the limit")
            << postfixBounce << 1000 << 3 << qint64(1024 * 1024) << "";
        QTest::newRow("fields over the limit")
            << postfixBounce << 1000 << 2 << qint64(1024 * 1024) << "more than 2 header fields";
        QTest::newRow("header line over the limit")
            << postfixBounce << 1000 << 10000 << qint64(20) << "longer than the limit of 20";
    }

    void structureLimits()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, maxMimeMultiparts);
        QFETCH(int, maxHeaderFields);
        QFETCH(qint64, maxHeaderLineBytes);
        QFETCH(QString, error);
        ReaderLimits limits;
        limits.maxMimeMultiparts = maxMimeMultiparts;
        limits.maxHeaderFields = maxHeaderFields;
        limits.maxHeaderLineBytes = maxHeaderLineBytes;
        const BounceMessage message = BounceReader(limits).readMessage(bytes);
        if (error.isEmpty()) {
            QVERIFY2(message.kind != BounceMessage::Kind::Error, qPrintable(message.error));
        } else {
            QCOMPARE(message.kind, BounceMessage::Kind::Error);
            QVERIFY2(message.error.contains(error), qPrintable(message.error));
        }
    }

    // The MIME shape limits count what GMime builds: parts (not boundary declarations),
    // attached messages, header fields of every section; each refusal names its limit.
    void shapeLimits_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("maxMimeParts");
        QTest::addColumn<int>("maxAttachedMessages");
        QTest::addColumn<int>("maxAllHeaderFields");
        QTest::addColumn<QString>("error"); // words of the error, or empty

        // manyParts(n) has n + 1 parts; the top-level header section has 4 fields.
        QTest::newRow("parts at the limit") << manyParts(49) << 50 << 100 << 100000 << "";
        QTest::newRow("parts over the limit")
            << manyParts(50) << 50 << 100 << 100000 << "more than 50 MIME parts";
        QTest::newRow("upper-case BOUNDARY, quoted with blanks")
            << manyParts(50, "BOUNDARY = \"b\"") << 50 << 100 << 100000
            << "more than 50 MIME parts";
        QTest::newRow("boundary in RFC 2231 sections: every -- line counts")
            << manyParts(50, "boundary*0=\"b\"") << 50 << 100 << 100000
            << "more than 50 MIME parts";
        QTest::newRow("lines like a boundary that was never declared")
            << QByteArray(postfixBounce + QByteArray("--b\n").repeated(100)) << 50 << 100 << 100000
            << "";
        QTest::newRow("attached messages at the limit")
            << nestedMessages(3) << 10000 << 3 << 100000 << "";
        QTest::newRow("attached messages over the limit")
            << nestedMessages(4) << 10000 << 3 << 100000 << "more than 3 attached messages";
        QTest::newRow("a folded message type counts")
            << nestedMessages(4, "Content-Type:\n message/rfc822") << 10000 << 3 << 100000
            << "more than 3 attached messages";
        QTest::newRow("fields of all parts at the limit")
            << manyParts(2, "boundary=\"b\"", 7) << 10000 << 100 << 4 + 2 * 7 + 1 << "";
        QTest::newRow("fields of all parts over the limit")
            << manyParts(2, "boundary=\"b\"", 7) << 10000 << 100 << 4 + 2 * 7
            << "more than 18 header fields in its parts";
        QTest::newRow("fields of an attached message count")
            << nestedMessages(1) << 10000 << 100 << 5 << "more than 5 header fields in its parts";
    }

    void shapeLimits()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, maxMimeParts);
        QFETCH(int, maxAttachedMessages);
        QFETCH(int, maxAllHeaderFields);
        QFETCH(QString, error);
        ReaderLimits limits;
        limits.maxMimeParts = maxMimeParts;
        limits.maxAttachedMessages = maxAttachedMessages;
        limits.maxAllHeaderFields = maxAllHeaderFields;
        const BounceMessage message = BounceReader(limits).readMessage(bytes);
        if (error.isEmpty()) {
            QVERIFY2(message.kind != BounceMessage::Kind::Error, qPrintable(message.error));
        } else {
            QCOMPARE(message.kind, BounceMessage::Kind::Error);
            QVERIFY2(message.error.contains(error), qPrintable(message.error));
        }
    }

    void recipientLimit()
    {
        QByteArray dsn = "From: MAILER-DAEMON@mx.example.org\nSubject: Delivery Status "
                         "Notification (Failure)\nMIME-Version: 1.0\nContent-Type: "
                         "multipart/report; report-type=delivery-status; boundary=\"XX\"\n\n"
                         "--XX\nContent-Type: text/plain\n\nDelivery failed.\n--XX\n"
                         "Content-Type: message/delivery-status\n\nReporting-MTA: dns; "
                         "mx.example.org\n";
        for (int i = 0; i < 30; ++i)
            dsn += "\nFinal-Recipient: rfc822; user" + QByteArray::number(i) +
                   "@example.net\nAction: failed\nStatus: 5.1.1\n";
        dsn += "--XX--\n";
        ReaderLimits limits;
        limits.maxRecipients = 10;
        const BounceMessage message = BounceReader(limits).readMessage(dsn);
        QCOMPARE(message.kind, BounceMessage::Kind::Bounce);
        QCOMPARE(message.recipients.size(), 10);
        QVERIFY2(message.notice.contains(QLatin1String("first 10 of its 30")),
                 qPrintable(message.notice));
    }

    void batchLimit()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 5; ++i) {
            QFile file(dir.filePath(QStringLiteral("%1.eml").arg(i)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(postfixBounce);
        }
        ReaderLimits limits;
        limits.maxBatchMessages = 3;
        QList<BounceMessage> read;
        BounceReader(limits).readPaths(
            {dir.path()}, [&](BounceMessage &&message) { read.append(std::move(message)); });
        QCOMPARE(read.size(), 4);
        QCOMPARE(read.last().kind, BounceMessage::Kind::Error);
        QVERIFY2(read.last().error.contains(QLatin1String("limit for one batch")),
                 qPrintable(read.last().error));
    }
};

QTEST_GUILESS_MAIN(TestTorture)
#include "tst_torture.moc"
