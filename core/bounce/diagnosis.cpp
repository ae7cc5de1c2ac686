#include "diagnosis.h"

#include "common/enumnames.h"

namespace BounceDoctor {
namespace {

constexpr std::array responsibleNames{
    std::pair{Responsible::Unknown, "unknown"},
    std::pair{Responsible::Sender, "sender"},
    std::pair{Responsible::SenderAdmin, "sender-admin"},
    std::pair{Responsible::Recipient, "recipient"},
    std::pair{Responsible::RecipientAdmin, "recipient-admin"},
};

constexpr std::array firstStepNames{
    std::pair{FirstStep::None, "none"},
    std::pair{FirstStep::VerifyAddress, "verify-address"},
    std::pair{FirstStep::Blocklists, "check-blocklists"},
    std::pair{FirstStep::Authentication, "check-authentication"},
    std::pair{FirstStep::ContactRecipientIt, "contact-recipient-it"},
    std::pair{FirstStep::ReviewContent, "review-content"},
    std::pair{FirstStep::FixSendingSetup, "fix-sending-setup"},
    std::pair{FirstStep::RetryLater, "retry-later"},
};

} // namespace

QString responsibleName(Responsible responsible)
{
    return enumName(responsibleNames, responsible);
}

QString firstStepName(FirstStep step)
{
    return enumName(firstStepNames, step);
}

Responsible responsibleFromString(const QString &text)
{
    return enumValue(responsibleNames, text);
}

std::optional<CheckStep> checklistStep(FirstStep step)
{
    switch (step) {
    case FirstStep::VerifyAddress:
        return CheckStep::VerifyAddress;
    case FirstStep::Blocklists:
        return CheckStep::Blocklists;
    case FirstStep::Authentication:
        return CheckStep::Authentication;
    case FirstStep::ContactRecipientIt:
        return CheckStep::ContactRecipientIt;
    default:
        return std::nullopt;
    }
}

FirstStep firstStepFromString(const QString &text)
{
    return enumValue(firstStepNames, text);
}

} // namespace BounceDoctor
