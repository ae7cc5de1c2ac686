// Throughput and memory benchmark for BounceReader (not a test; run by hand, Release build).
//
//   bd-bench-diagnose speed DIR [REPEAT=10] [THREADS=ideal thread count] [ROUNDS=5]
//       reads every *.eml in DIR into memory, then diagnoses them REPEAT times in one process
//       (THREADS worker threads sharing one BounceReader), ROUNDS times over, and prints
//       messages per second for each round and their median.
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

#include <algorithm>
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

int speed(const QString &dir, int repeat, int threads, int rounds)
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
    // Each round diagnoses the repeated corpus once. A round takes a fraction of a second, so
    // on a shared machine one can land on a neighbour's burst: the median of several is the
    // figure, with the slowest and fastest beside it.
    std::vector<double> rates;
    qsizetype recipientsPerRound = 0;
    for (int round = 0; round < rounds; ++round) {
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
        rates.push_back(static_cast<double>(count) / seconds);
        recipientsPerRound = recipients.load();
        std::printf("round %d: %.3f s, %.0f messages/s\n", round + 1, seconds, rates.back());
    }
    std::vector<double> sorted = rates;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.size() % 2
                              ? sorted[sorted.size() / 2]
                              : (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2;
    std::printf("%lld messages (%lld recipients), %d thread(s), %d round(s): slowest %.0f, "
                "fastest %.0f, median %.0f messages/s\n",
                static_cast<long long>(count), static_cast<long long>(recipientsPerRound), threads,
                rounds, sorted.front(), sorted.back(), median);
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
                                     : static_cast<int>(std::thread::hardware_concurrency()),
                     args.size() > 4 ? std::max(1, args.at(4).toInt()) : 5);
    if (args.size() == 4 && args.at(0) == QLatin1String("make-mbox"))
        return makeMbox(args.at(1), args.at(2).toLongLong(), args.at(3));
    std::fprintf(
        stderr,
        "usage: bd-bench-diagnose speed DIR [REPEAT] [THREADS] [ROUNDS] | make-mbox OUT SIZE_MB "
        "DIR\n");
    return 2;
}
