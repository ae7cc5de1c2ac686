#pragma once

#include "bouncereader.h"
#include "parsedmessage.h"

#include <QByteArray>
#include <QString>

namespace BounceDoctor::Mime {

/// Where the first empty line starts: the index of "\n\n" at or after from, or -1.
qsizetype emptyLine(QByteArrayView bytes, qsizetype from = 0);

/// Converts CRLF and bare CR line endings to LF.
QByteArray normaliseLineEndings(const QByteArray &bytes);

/// Parses one RFC 5322 message (LF line endings) with GMime into what the format units read.
/// Returns false, with a plain-words reason in error, when the message cannot be read or goes
/// past one of the limits.
bool parse(const QByteArray &bytes, const ReaderLimits &limits, ParsedMessage &out, QString &error);

/// A header field's raw value (as GMime read it, folded) unfolded and decoded by GMime (RFC 2047
/// words, raw 8-bit text in the fallback charsets), its blank runs made one space.
QString headerText(const QByteArray &raw);

/// Parses a block of header lines (e.g. a text/rfc822-headers part) into decoded fields.
HeaderFields parseHeaderBlock(QByteArrayView text);

/// True when bytes are 7-bit without ESC (no ISO-2022 shifts): text that needs no decoding.
bool isPlainAscii(QByteArrayView bytes);

/// Decodes bytes in the given charset (may be null) to Unicode, guessing when it is absent or
/// wrong. UTF-16 and UTF-32 are read when declared or marked by a byte order mark.
QString decode(QByteArrayView bytes, const char *charset);

/// text with every UTF-16 code unit no character has (half of a surrogate pair alone, from a
/// numeric HTML entity or pasted text) replaced by U+FFFD, as a bad byte in UTF-8 is.
QString withoutLoneSurrogates(QString text);

} // namespace BounceDoctor::Mime
