#include "readerworker.h"

#include "bounce/bouncereader.h"
#include "settings.h"

namespace BounceDoctor::Gui {

ReaderWorker::ReaderWorker(QObject *parent)
    : QObject(parent)
{}

void ReaderWorker::readPaths(const QStringList &paths, int generation)
{
    constexpr int batchSize = 200;
    const Settings settings;
    ReaderLimits limits;
    limits.maxMessageBytes = qint64(settings.maxMessageMegabytes()) << 20;
    limits.maxBatchMessages = settings.maxBatchMessages();
    const BounceReader reader(limits);
    QList<BounceMessage> batch;
    reader.readPaths(paths, [&](BounceMessage &&message) {
        batch.append(std::move(message));
        if (batch.size() >= batchSize) {
            Q_EMIT messagesRead(batch, generation);
            batch.clear();
        }
    });
    if (!batch.isEmpty())
        Q_EMIT messagesRead(batch, generation);
    Q_EMIT finished(generation);
}

void ReaderWorker::readText(const QString &text, int generation)
{
    Q_EMIT messagesRead({BounceReader().readPastedText(text)}, generation);
    Q_EMIT finished(generation);
}

} // namespace BounceDoctor::Gui
