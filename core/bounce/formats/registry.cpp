#include "formats.h"
#include "formatunit.h"

namespace BounceDoctor {

const QList<const FormatUnit *> &formatUnits()
{
    // An explicit list (not self-registration): a static library drops unreferenced objects.
    static const QList<const FormatUnit *> units = {
        &amazonSesJsonFormat(), &feedbackReportFormat(), &deliveryStatusFormat(),
        &autoReplyFormat(),     &freeTextFormat(),
    };
    return units;
}

} // namespace BounceDoctor
