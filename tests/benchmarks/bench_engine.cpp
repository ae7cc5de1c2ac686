// Engine throughput and memory benchmark (a program, not a test).
//   bench_engine --repeat N FILE...   diagnose the files N times in one process; prints msgs/s
//   bench_engine --mbox PATH          stream an mbox; prints messages read (run under
//                                     /usr/bin/time -v for the peak resident set size)
#include "bounce/bouncereader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace BounceDoctor;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const BounceReader reader;
    if (args.size() == 2 && args.first() == QLatin1String("--mbox")) {
        qint64 messages = 0;
        qint64 recipients = 0;
        QElapsedTimer timer;
        timer.start();
        reader.readPath(args.at(1), [&](BounceMessage &&message) {
            ++messages;
            recipients += message.recipients.size();
        });
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        std::printf("mbox: %lld messages, %lld recipients in %.2f s (%.0f messages/s)\n",
                    static_cast<long long>(messages), static_cast<long long>(recipients), seconds,
                    double(messages) / seconds);
        return 0;
    }
    int repeat = 10;
    if (args.size() > 2 && args.first() == QLatin1String("--repeat")) {
        repeat = args.at(1).toInt();
        args = args.mid(2);
    }
    QList<QByteArray> files;
    for (const QString &path : args) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.append(file.readAll());
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "usage: bench_engine [--repeat N] FILE... | --mbox PATH\n");
        return 2;
    }
    qint64 messages = 0;
    qint64 recipients = 0;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < repeat; ++round) {
        for (const QByteArray &bytes : files) {
            const BounceMessage message = reader.readMessage(bytes, QStringLiteral("bench"), 0);
            ++messages;
            recipients += message.recipients.size();
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%lld messages (%d files x %d), %lld recipients in %.3f s: %.0f messages/s\n",
                static_cast<long long>(messages), int(files.size()), repeat,
                static_cast<long long>(recipients), seconds, double(messages) / seconds);
    return 0;
}
