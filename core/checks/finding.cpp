#include "finding.h"

#include "common/enumnames.h"

namespace BounceDoctor {

constexpr std::array checkStepNames{
    std::pair{CheckStep::VerifyAddress, "verify-address"},
    std::pair{CheckStep::Blocklists, "blocklists"},
    std::pair{CheckStep::Authentication, "authentication"},
    std::pair{CheckStep::ContactRecipientIt, "contact-recipient-it"},
};

QString checkStepName(CheckStep step)
{
    return enumName(checkStepNames, step);
}

CheckStep checkStepFromName(QStringView name)
{
    return enumValue(checkStepNames, name);
}

constexpr std::array findingStatusNames{
    std::pair{FindingStatus::Ok, "ok"},
    std::pair{FindingStatus::Warning, "warning"},
    std::pair{FindingStatus::Problem, "problem"},
    std::pair{FindingStatus::CouldNotCheck, "could-not-check"},
    std::pair{FindingStatus::Info, "info"},
};

QString findingStatusName(FindingStatus status)
{
    return enumName(findingStatusNames, status);
}

FindingStatus findingStatusFromName(QStringView name)
{
    return enumValue(findingStatusNames, name);
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
