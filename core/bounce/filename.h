#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

/// File names as the system has them: bytes, which need not be UTF-8. Qt's own conversion
/// (QFile::decodeName) turns bytes that are not UTF-8 into U+FFFD, so such a file could be
/// named but not opened again. Here each such byte becomes a lone low surrogate U+DC80..U+DCFF
/// (as Python's "surrogateescape" does), which no UTF-8 name can hold, and turns back into the
/// same byte: the name keeps its bytes. display() shows them as \xHH for people.
namespace BounceDoctor::FileName {

/// A name or path from the system (readdir, argv) without loss.
QString fromNative(QByteArrayView bytes);
/// The bytes fromNative() read, for open() and stat().
QByteArray toNative(QStringView name);
/// The name for output: every byte that was not UTF-8 as \xHH.
QString display(QStringView name);

} // namespace BounceDoctor::FileName
