// The Authentication-Results header parser (RFC 8601).
#include "bounce/authresultsparser.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString value = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    BounceDoctor::AuthResultsParser::parse(value);
    BounceDoctor::AuthResultsParser::results(value);
    return 0;
}
