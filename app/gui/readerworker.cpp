#include "readerworker.h"

#include "bounce/bouncereader.h"

namespace BounceDoctor::Gui {

ReaderWorker::ReaderWorker(QObject *parent)
    : QObject(parent)
{}

void ReaderWorker::readPaths(const QStringList &paths, int generation)
{
    constexpr int batchSize = 200;
    const BounceReader reader;
    QList<BounceMessage> batch;
    for (const QString &path : paths) {
        reader.readPath(path, [&](BounceMessage &&message) {
            batch.append(std::move(message));
            if (batch.size() >= batchSize) {
                Q_EMIT messagesRead(batch, generation);
                batch.clear();
            }
        });
    }
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
