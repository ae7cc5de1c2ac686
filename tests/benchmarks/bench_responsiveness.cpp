// Responsiveness benchmark (run by hand): opens a large bounce in the real main window and
// measures how long the event loop is ever kept from running while the bounce is read and
// shown. A 10 ms timer ticks throughout; the longest gap between ticks is the worst freeze.
//   QT_QPA_PLATFORM=offscreen bench_responsiveness [MEGABYTES]

#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

// A DSN whose returned original carries a large attachment: the size a user meets when an
// invoice or a newsletter with images bounces.
QByteArray largeBounce(int megabytes)
{
    QByteArray out =
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
        "To: billing@shop.example\nSubject: Undelivered Mail Returned to Sender\n"
        "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;"
        " boundary=\"outer\"\n\n--outer\nContent-Type: text/plain\n\n"
        "<ana@example.net>: host mx.example.net[192.0.2.7] said: 552 5.2.2 <ana@example.net>: "
        "Mailbox full (in reply to RCPT TO command)\n\n--outer\n"
        "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
        "Final-Recipient: rfc822; ana@example.net\nAction: failed\nStatus: 5.2.2\n"
        "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full\n\n--outer\n"
        "Content-Type: message/rfc822\n\nFrom: billing@shop.example\nTo: ana@example.net\n"
        "Subject: Invoice 2026-114\nMIME-Version: 1.0\nContent-Type: multipart/mixed;"
        " boundary=\"inner\"\n\n--inner\nContent-Type: text/plain\n\nPlease find the invoice "
        "attached.\n--inner\nContent-Type: application/pdf; name=\"invoice.pdf\"\n"
        "Content-Transfer-Encoding: base64\n\n";
    const QByteArray line = QByteArray(57, 'x').toBase64() + '\n';
    while (out.size() < qsizetype(megabytes) * 1024 * 1024)
        out += line;
    out += "--inner--\n--outer--\n";
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int megabytes = argc > 1 ? QByteArray(argv[1]).toInt() : 10;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large-bounce.eml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(largeBounce(megabytes)) < 0)
        return 1;
    file.close();

    BounceDoctor::Gui::MainWindow window;
    window.show();
    QElapsedTimer clock;
    qint64 lastTick = 0;
    qint64 worstGap = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worstGap = std::max(worstGap, now - lastTick);
        lastTick = now;
    });
    QTimer::singleShot(200, [&] { // once the window is up
        clock.start();
        ticker.start(10);
        window.openPaths({path});
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (clock.isValid() && clock.elapsed() > 50 && !window.isReading()) {
            const QLabel *headline = window.findChild<QLabel *>(QStringLiteral("headlineLabel"));
            std::printf("%d MB bounce: shown after %lld ms; longest event-loop stall %lld ms; "
                        "headline: %s\n",
                        megabytes, clock.elapsed(), worstGap,
                        headline ? qPrintable(headline->text()) : "?");
            QApplication::quit();
        }
    });
    poll.start(5);
    return QApplication::exec();
}
