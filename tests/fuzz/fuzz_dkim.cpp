// The DKIM key record parser, including the public key's decoding (OpenSSL).
#include "checks/auth/dkimkey.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    BounceDoctor::parseDkimKeyRecord(
        QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
