// The DMARC policy record parser.
#include "checks/auth/dmarcrecord.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    BounceDoctor::parseDmarcRecord(
        QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
