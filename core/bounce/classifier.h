#pragma once

#include "diagnosis.h"

namespace BounceDoctor {

/// Fills what a recipient's failure means from what the bounce says.
///
/// Input: recipient, action, status, replyCode, command, diagnostic, remoteMta, reportingMta (and
/// the message's context). Output: reason, detail, blocklist, permanent, hardBounce, responsible,
/// firstStep, provider, reportingMtaProvider, suggestedRecipient, headline, explanation, and status
/// when the bounce gave none. A reason already set by a format unit is kept as a strong hint. The
/// command is read, not looked for: the reader names it first (FormatHelpers::nameCommands()).
///
/// The knowledge (patterns, provider codes, explanations) is data under resources/knowledge,
/// loaded once per process.
class Classifier final
{
public:
    static void classify(RecipientDiagnosis &recipient, const BounceMessage &message);

    /// What is wrong with the knowledge files, in plain words (a reason outside the vocabulary,
    /// a reason without advice); empty when they are consistent. Checked once, on loading.
    static QStringList knowledgeProblems();
};

} // namespace BounceDoctor
