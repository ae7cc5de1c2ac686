#include "formats.h"
#include "textshapeformat.h"

namespace BounceDoctor::Formats {

// Microsoft Exchange 2003/2007+, Microsoft 365 and Outlook.com non-delivery reports.
std::unique_ptr<BounceFormat> makeExchange()
{
    return std::make_unique<TextShapeFormat>(
        QStringLiteral("exchange"),
        QStringLiteral(
            R"(Diagnostic information for administrators|Delivery has failed to these recipients|)"
            R"(Your message did not reach some or all of the intended recipients|)"
            R"(Remote Server returned|Microsoft Exchange|Office 365|)"
            R"(Your message (?:to [^\n]*)?couldn't be delivered)"),
        // Microsoft 365's own wording comes first, with the server's reply ("Remote server
        // returned '550 5.5.5 ...'") above the administrators' section.
        QStringLiteral(
            R"(Your message to [^\n]* couldn't be delivered\.?|)"
            R"(Diagnostic information for administrators:?|)"
            R"(Delivery has failed to these recipients or (?:groups|distribution lists):|)"
            R"(Your message did not reach some or all of the intended recipients\.?)"),
        QStringLiteral(R"(^\s*(?:Original message headers:|Original Message Headers))"));
}

} // namespace BounceDoctor::Formats
