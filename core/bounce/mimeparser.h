#pragma once

#include "bouncereader.h"
#include "parsedmessage.h"

#include <QByteArray>
#include <QString>

#include <cstring>

namespace BounceDoctor::Mime {

/// Where byte c first occurs in bytes at or after from, or -1: memchr, without the generic
/// search QByteArrayView::indexOf(char) goes through on every call (and never handing memchr
/// the null pointer an empty view may hold).
inline qsizetype indexOfByte(QByteArrayView bytes, char c, qsizetype from = 0)
{
    if (from < 0 || from >= bytes.size())
        return -1;
    const void *found =
        std::memchr(bytes.data() + from, c, static_cast<size_t>(bytes.size() - from));
    return found ? static_cast<const char *>(found) - bytes.data() : -1;
}

/// Where the first empty line starts: the index of "\n\n", or -1. Much faster than
/// QByteArray::indexOf("\n\n"), which compares byte by byte.
qsizetype emptyLine(QByteArrayView bytes, qsizetype from = 0);

/// Converts CRLF and bare CR line endings to LF (a no-op copy-free path when there are none).
QByteArray normaliseLineEndings(const QByteArray &bytes);

/// Parses one RFC 5322 message (LF line endings) with GMime into what the format units read.
/// Returns false, with a plain-words reason in error, when the message cannot be read.
bool parse(const QByteArray &bytes, const ReaderLimits &limits, ParsedMessage &out, QString &error);

/// Whose header section a block is, which decides the fields kept: the bounce's own are those
/// format units read (and every X- field), the returned original's those its summary reads.
enum class HeaderBlock
{
    Original,
    Bounce
};

/// Parses a block of header lines (e.g. a text/rfc822-headers part) into decoded fields.
HeaderFields parseHeaderBlock(QByteArrayView text, HeaderBlock whose = HeaderBlock::Original);

/// True when bytes are 7-bit without ESC (no ISO-2022 shifts): text that needs no decoding.
bool isPlainAscii(QByteArrayView bytes);

/// Decodes bytes in the given charset (may be null) to Unicode, guessing when it is absent or
/// wrong.
QString decode(QByteArrayView bytes, const char *charset);

} // namespace BounceDoctor::Mime
