#pragma once

#include "diagnosis.h"
#include "mimecontent.h"

namespace BounceDoctor {

/// Fills what is still empty in original from the returned message's headers: From, To,
/// Subject, Message-ID, Date, the sending IP (Received chain), DKIM-Signature d= and s=, and
/// the Authentication-Results.
void fillOriginalMessage(const HeaderList &headers, OriginalMessage &original);

} // namespace BounceDoctor
