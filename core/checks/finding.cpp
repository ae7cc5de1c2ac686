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

QString inputOriginName(InputOrigin origin)
{
    switch (origin) {
    case InputOrigin::Typed:
        return QStringLiteral("typed");
    case InputOrigin::Bounce:
        return QStringLiteral("bounce");
    case InputOrigin::FromAddress:
        return QStringLiteral("from-address");
    case InputOrigin::DkimSignature:
        return QStringLiteral("dkim-signature");
    case InputOrigin::AuthenticationResults:
        return QStringLiteral("authentication-results");
    case InputOrigin::CommonSelectors:
        return QStringLiteral("common-selectors");
    case InputOrigin::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace BounceDoctor
