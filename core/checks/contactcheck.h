#pragma once

#include "check.h"

namespace BounceDoctor {

/// Step 4: the message to the recipient's IT. Needs no DNS; one finding carries the draft.
class ContactCheck final : public Check
{
    Q_OBJECT

public:
    using Check::Check;

    CheckStep step() const override { return CheckStep::ContactRecipientIt; }
    void start(const CheckInput &input) override;
};

} // namespace BounceDoctor
