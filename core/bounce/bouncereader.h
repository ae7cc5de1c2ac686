#pragma once

#include "diagnosis.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace BounceDoctor {

/// Limits that keep hostile input bounded; each is a clear error when exceeded.
struct ReaderLimits
{
    qint64 maxMessageBytes = 50 * 1024 * 1024;
    qint64 maxBatchMessages = 100000; ///< messages read by one readPaths() call
    int maxMimeDepth = 32;
    int maxMimeMultiparts = 1000; ///< multipart boundaries declared in one message
    int maxHeaderFields = 10000;
    qint64 maxHeaderLineBytes = 1024 * 1024;
    int maxRecipients = 1000;
};

/// Turns inputs into diagnosed messages. Every entry point diagnoses each recipient
/// (raw fields from the bounce, then Classifier) before handing the message on.
class BounceReader final
{
public:
    using MessageSink = std::function<void(BounceMessage &&)>;

    explicit BounceReader(ReaderLimits limits = {});

    /// One RFC 5322 message (a saved .eml) as raw bytes, any line endings and charsets.
    BounceMessage readMessage(const QByteArray &bytes, const QString &source = {},
                              int index = 0) const;

    /// Text a user pasted: a whole bounce, a mail client's NDR body, or only an SMTP reply line.
    BounceMessage readPastedText(const QString &text) const;

    /// A path as given on a command line: a file (single message or mbox), a Maildir, a folder
    /// of messages, or "-" for standard input. Streams: each message goes to sink as soon as it
    /// is read, so a huge mbox never sits in memory. An unreadable input gives one message of
    /// kind Error and reading goes on with the rest.
    void readPath(const QString &path, const MessageSink &sink) const;

    /// Several paths as one batch: like readPath() for each, but after maxBatchMessages
    /// messages one Error message says so and reading stops.
    void readPaths(const QStringList &paths, const MessageSink &sink) const;

    const ReaderLimits &limits() const { return m_limits; }

private:
    struct Batch;
    void readPath(const QString &path, const MessageSink &sink, Batch &batch) const;
    BounceMessage readSingle(const QByteArray &bytes, const QString &source) const;
    QString structureProblem(const QByteArray &bytes) const;

    ReaderLimits m_limits;
};

} // namespace BounceDoctor
