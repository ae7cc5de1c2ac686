#pragma once

#include "mimecontent.h"

#include <QByteArray>

#include <functional>

typedef struct _GMimeMessage GMimeMessage;

namespace BounceDoctor {

/// The GMime side of reading: MIME structure, transfer encodings and charsets.
class MimeParser final
{
public:
    /// Parses one message. Line endings may be LF, CRLF or bare CR.
    static MimeContent parse(const QByteArray &bytes, int maxDepth);

    /// Converts an already parsed GMime message (as read from an mbox).
    static MimeContent fromGMime(GMimeMessage *message, int maxDepth);

    /// Reads an mbox file from fd message by message, without holding the file in memory.
    /// Calls sink(content, index, sizeInBytes); returns false (with error) when fd is unreadable.
    static bool parseMbox(int fd, int maxDepth,
                          const std::function<void(MimeContent &&, int, qint64)> &sink,
                          QString *error);

    /// The same for an mbox already in memory (standard input).
    static bool parseMboxBytes(const QByteArray &bytes, int maxDepth,
                               const std::function<void(MimeContent &&, int, qint64)> &sink,
                               QString *error);

    /// Parses a block of header lines ("Name: value" with folding) without GMime's message
    /// requirements: delivery-status fields and text/rfc822-headers.
    static HeaderList parseHeaderBlock(const QString &text);

    /// Bare CR and CRLF become LF.
    static QByteArray normalizeLineEndings(const QByteArray &bytes);

    /// Makes sure GMime is initialised once per process.
    static void ensureInitialized();
};

} // namespace BounceDoctor
