// Throughput and memory benchmark for BounceReader (not a test; run by hand, Release build).
//
//   bd-bench-diagnose speed DIR [REPEAT=10] [THREADS=ideal thread count]
//       reads every *.eml in DIR into memory, then diagnoses them REPEAT times in one process
//       (THREADS worker threads sharing one BounceReader) and prints messages per second.
//   bd-bench-diagnose make-mbox OUT SIZE_MB DIR
//       writes an mbox of about SIZE_MB megabytes cycling through the *.eml files in DIR (use the
//       project's own fixtures, tests/data/bounces), for measuring peak memory with
//       /usr/bin/time -v bounce-doctor-cli diagnose --format json OUT > /dev/null

#include "bounce/bouncereader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace BounceDoctor;

namespace {

QList<QByteArray> loadMessages(const QString &dir)
{
    QList<QByteArray> messages;
    QDirIterator it(dir, {QStringLiteral("*.eml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            messages.append(file.readAll());
    }
    return messages;
}

int speed(const QString &dir, int repeat, int threads)
{
    const QList<QByteArray> messages = loadMessages(dir);
    if (messages.isEmpty()) {
        std::fprintf(stderr, "no .eml files in %s\n", qPrintable(dir));
        return 1;
    }
    const BounceReader reader;
    // One warm-up pass loads the knowledge files and compiles the patterns.
    for (const QByteArray &bytes : messages)
        reader.readMessage(bytes);
    const qsizetype count = messages.size() * repeat;
    std::atomic<qsizetype> next{0};
    std::atomic<qsizetype> recipients{0};
    QElapsedTimer timer;
    timer.start();
    // Workers take the next message of the repeated corpus until all are done.
    auto work = [&] {
        qsizetype found = 0;
        for (qsizetype i = next++; i < count; i = next++)
            found += reader.readMessage(messages.at(i % messages.size())).recipients.size();
        recipients += found;
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (std::thread &worker : workers)
        worker.join();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    std::printf("%lld messages (%lld recipients), %d thread(s), in %.3f s: %.0f messages/s\n",
                static_cast<long long>(count), static_cast<long long>(recipients.load()), threads,
                seconds, static_cast<double>(count) / seconds);
    return 0;
}

int makeMbox(const QString &out, qint64 megabytes, const QString &dir)
{
    const QList<QByteArray> messages = loadMessages(dir);
    QFile file(out);
    if (messages.isEmpty() || !file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s or no .eml files in %s\n", qPrintable(out),
                     qPrintable(dir));
        return 1;
    }
    const qint64 target = megabytes * 1024 * 1024;
    qint64 written = 0;
    for (qsizetype i = 0; written < target; ++i) {
        QByteArray bytes = messages.at(i % messages.size());
        bytes.replace("\r\n", "\n");
        bytes.replace("\nFrom ", "\n>From ");
        const QByteArray entry = "From MAILER-DAEMON Mon Jun 10 12:00:00 2024\n" + bytes + "\n";
        written += file.write(entry);
    }
    std::printf("wrote %lld bytes to %s\n", static_cast<long long>(written), qPrintable(out));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() >= 2 && args.at(0) == QLatin1String("speed"))
        return speed(args.at(1), args.size() > 2 ? args.at(2).toInt() : 10,
                     args.size() > 3 ? args.at(3).toInt()
                                     : static_cast<int>(std::thread::hardware_concurrency()));
    if (args.size() == 4 && args.at(0) == QLatin1String("make-mbox"))
        return makeMbox(args.at(1), args.at(2).toLongLong(), args.at(3));
    std::fprintf(
        stderr,
        "usage: bd-bench-diagnose speed DIR [REPEAT] [THREADS] | make-mbox OUT SIZE_MB DIR\n");
    return 2;
}
