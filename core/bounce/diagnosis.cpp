#include "diagnosis.h"

#include <array>
#include <utility>

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
    std::pair{FirstStep::CheckBlocklists, "check-blocklists"},
    std::pair{FirstStep::CheckAuthentication, "check-authentication"},
    std::pair{FirstStep::ContactRecipientIt, "contact-recipient-it"},
    std::pair{FirstStep::ReviewContent, "review-content"},
    std::pair{FirstStep::FixSendingSetup, "fix-sending-setup"},
    std::pair{FirstStep::RetryLater, "retry-later"},
};

template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &names, Enum value)
{
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return QString::fromLatin1(names.front().second);
}

template<typename Enum, std::size_t N>
Enum valueOf(const std::array<std::pair<Enum, const char *>, N> &names, const QString &text)
{
    for (const auto &[value, name] : names) {
        if (text == QLatin1String(name))
            return value;
    }
    return names.front().first;
}

} // namespace

QString responsibleName(Responsible responsible)
{
    return nameOf(responsibleNames, responsible);
}

QString firstStepName(FirstStep step)
{
    return nameOf(firstStepNames, step);
}

Responsible responsibleFromString(const QString &text)
{
    return valueOf(responsibleNames, text);
}

FirstStep firstStepFromString(const QString &text)
{
    return valueOf(firstStepNames, text);
}

} // namespace BounceDoctor
