// A saved .eml: any bytes through the whole reader (GMime, format readers, classifier).
#include "bounce/bouncereader.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const BounceDoctor::BounceReader reader;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    reader.readMessage(bytes, QStringLiteral("fuzz"), 0);
    return 0;
}
