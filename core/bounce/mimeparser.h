#pragma once

#include "mimecontent.h"

#include <QByteArray>

namespace BounceDoctor {

/// The GMime side of reading: MIME structure, transfer encodings and charsets.
class MimeParser final
{
public:
    /// Parses one message. Line endings may be LF, CRLF or bare CR.
    static MimeContent parse(const QByteArray &bytes, int maxDepth);

    /// Parses a block of header lines ("Name: value" with folding) without GMime's message
    /// requirements: delivery-status fields and text/rfc822-headers.
    static HeaderList parseHeaderBlock(const QString &text);

    /// Bare CR and CRLF become LF.
    static QByteArray normalizeLineEndings(const QByteArray &bytes);

    /// Makes sure GMime is initialised once per process.
    static void ensureInitialized();
};

} // namespace BounceDoctor
