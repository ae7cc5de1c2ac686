#include "parsedmessage.h"

namespace BounceDoctor {

QString headerValue(const HeaderFields &fields, QByteArrayView lowerName)
{
    for (const HeaderField &field : fields) {
        if (field.name == lowerName)
            return field.value;
    }
    return {};
}

} // namespace BounceDoctor
