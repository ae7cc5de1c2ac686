// The SPF record parser and the record linter, on one TXT record split into strings at '\n'.
#include "checks/auth/spflint.h"
#include "checks/auth/spfrecord.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    BounceDoctor::parseSpfRecord(text);
    BounceDoctor::lintSpfTxtRecords({text.split(QLatin1Char('\n'))});
    return 0;
}
