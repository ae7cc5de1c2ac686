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

} // namespace BounceDoctor
