#pragma once

#include "bounce/diagnosis.h"

#include <QObject>
#include <QStringList>

namespace BounceDoctor::Gui {

/// Reads bounces on a worker thread so the window never freezes, and hands the diagnosed
/// messages back in small batches through queued signals.
class ReaderWorker final : public QObject
{
    Q_OBJECT

public:
    explicit ReaderWorker(QObject *parent = nullptr);

public Q_SLOTS:
    void readPaths(const QStringList &paths, int generation);
    void readText(const QString &text, int generation);

Q_SIGNALS:
    void messagesRead(const QList<BounceDoctor::BounceMessage> &messages, int generation);
    void finished(int generation);
};

} // namespace BounceDoctor::Gui
