#pragma once

#include "bounce/diagnosis.h"

namespace BounceDoctor {

/// Fills the raw fields that can be read off a server's words: status, reply code, command,
/// remote host and sending IP. Fields already set are kept.
void fillFromDiagnostic(RecipientDiagnosis &recipient, const QString &contextText = {});

} // namespace BounceDoctor
