#pragma once

#include "case.h"

#include <QString>

namespace BounceDoctor::CaseHandover {

enum class Format
{
    PlainText,
    Markdown ///< renders in Jira, GitHub and GitLab
};

struct Options
{
    Format format = Format::PlainText;
    /// Masks the recipients' local parts, the sender and the subject; the server's words are
    /// kept, with the addresses in them masked the same way.
    bool hidePersonalData = false;
};

/// The whole case for a ticket: the diagnosis of every recipient, the checks run with their
/// results and evidence, the steps ticked Done, the draft sent, and the notes.
QString ticketText(const BounceCase &c, const Options &options = {});

/// One line for a ticket title, e.g. "Bounce to jo@example.com: the address does not exist
/// (5.1.1, Gmail)".
QString summaryLine(const BounceCase &c, const Options &options = {});

} // namespace BounceDoctor::CaseHandover
