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
    /// Messages read by one readPaths() call. Reading streams, so this bounds time rather than
    /// memory; the GUI, which keeps every diagnosis, sets a lower one (Settings).
    qint64 maxBatchMessages = 10000000;
    int maxMimeDepth = 32;        ///< levels of multiparts and forwarded bounces inside others
    int maxMimeMultiparts = 1000; ///< multipart boundaries declared in one message
    int maxMimeParts = 10000;     ///< parts in one message, counted by their boundary lines
    /// Messages attached as message/rfc822 (or global, news), those inside attached ones too.
    int maxAttachedMessages = 100;
    int maxHeaderFields = 10000;     ///< in the message's own header section
    int maxAllHeaderFields = 100000; ///< in all header sections: parts, attached messages
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

    /// readPath() for each path in turn, as one batch, with the diagnosing spread over threads
    /// worker threads (0: one per core). The sink still gets every message on the calling
    /// thread, one at a time and in input order; only a few messages are in flight at once, so
    /// streaming holds. After maxBatchMessages messages one Error message says so and reading
    /// stops.
    void readPaths(const QStringList &paths, const MessageSink &sink, int threads = 0) const;

    /// A message's diagnosis still to be done: run it on any thread.
    using Job = std::function<BounceMessage()>;
    /// Gets the jobs in input order, with the size of the input each one holds.
    using JobSink = std::function<void(Job &&, qsizetype)>;

    const ReaderLimits &limits() const { return m_limits; }

private:
    struct Batch;
    void readPathJobs(const QString &path, const JobSink &submit, Batch &batch) const;
    BounceMessage readSingle(const QByteArray &bytes, const QString &source) const;

    ReaderLimits m_limits;
};

} // namespace BounceDoctor
