#include "parsedmessage.h"

#include "mimeparser.h"

namespace BounceDoctor {

QString HeaderField::value() const
{
    if (!decoded)
        decoded = Mime::headerText(raw);
    return *decoded;
}

QString headerValue(const HeaderFields &fields, QByteArrayView lowerName)
{
    for (const HeaderField &field : fields) {
        if (field.name == lowerName)
            return field.value();
    }
    return {};
}

} // namespace BounceDoctor
