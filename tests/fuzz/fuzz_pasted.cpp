// Pasted text: a bounce body, an NDR copied from a reading pane, or one SMTP reply line.
#include "bounce/bouncereader.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const BounceDoctor::BounceReader reader;
    reader.readPastedText(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
