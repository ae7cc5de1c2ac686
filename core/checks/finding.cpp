#include "finding.h"

namespace BounceDoctor {

QString checkStepName(CheckStep step)
{
    switch (step) {
    case CheckStep::VerifyAddress:
        return QStringLiteral("verify-address");
    case CheckStep::Blocklists:
        return QStringLiteral("blocklists");
    case CheckStep::Authentication:
        return QStringLiteral("authentication");
    case CheckStep::ContactRecipientIt:
        return QStringLiteral("contact-recipient-it");
    }
    return {};
}

QString findingStatusName(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Ok:
        return QStringLiteral("ok");
    case FindingStatus::Warning:
        return QStringLiteral("warning");
    case FindingStatus::Problem:
        return QStringLiteral("problem");
    case FindingStatus::CouldNotCheck:
        return QStringLiteral("could-not-check");
    case FindingStatus::Info:
        return QStringLiteral("info");
    }
    return {};
}

} // namespace BounceDoctor
