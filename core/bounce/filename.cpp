#include "filename.h"

namespace BounceDoctor::FileName {
namespace {

constexpr char16_t escapeBase = 0xDC00; // U+DC80..U+DCFF stand for the bytes 0x80..0xFF

bool isEscapedByte(char16_t c)
{
    return c >= escapeBase + 0x80 && c <= escapeBase + 0xFF;
}

// The length of the well-formed UTF-8 sequence at bytes[at] (RFC 3629: no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0.
qsizetype sequenceLength(QByteArrayView bytes, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return uchar(bytes.at(i)); };
    const uchar lead = byte(at);
    qsizetype length = 0;
    char32_t lowest = 0;
    char32_t code = 0;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        lowest = 0x80;
        code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        lowest = 0x800;
        code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        lowest = 0x10000;
        code = lead & 0x07;
    } else {
        return 0;
    }
    if (at + length > bytes.size())
        return 0;
    for (qsizetype i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    if (code < lowest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return length;
}

} // namespace

QString fromNative(QByteArrayView bytes)
{
    QString name;
    name.reserve(bytes.size());
    qsizetype runStart = 0;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype length = sequenceLength(bytes, at);
        if (length > 0) {
            at += length;
            continue;
        }
        name += QString::fromUtf8(bytes.sliced(runStart, at - runStart));
        name += QChar(char16_t(escapeBase + uchar(bytes.at(at))));
        runStart = ++at;
    }
    name += QString::fromUtf8(bytes.sliced(runStart));
    return name;
}

QByteArray toNative(QStringView name)
{
    QByteArray bytes;
    bytes.reserve(name.size());
    qsizetype runStart = 0;
    for (qsizetype at = 0; at < name.size(); ++at) {
        if (!isEscapedByte(name.at(at).unicode()))
            continue;
        bytes += name.sliced(runStart, at - runStart).toUtf8();
        bytes += char(name.at(at).unicode() - escapeBase);
        runStart = at + 1;
    }
    bytes += name.sliced(runStart).toUtf8();
    return bytes;
}

QString display(QStringView name)
{
    QString shown;
    shown.reserve(name.size());
    for (const QChar c : name) {
        if (isEscapedByte(c.unicode()))
            shown += QStringLiteral("\\x%1").arg(c.unicode() - escapeBase, 2, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    return shown;
}

} // namespace BounceDoctor::FileName
