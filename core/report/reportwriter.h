#pragma once

#include "bounce/diagnosis.h"

#include <QList>
#include <QString>

namespace BounceDoctor {

/// Reports of one diagnosed bounce for tickets and files. Every string that came from the
/// bounce is escaped for the target format, so a hostile bounce cannot inject markup or links.
class ReportWriter final
{
public:
    static QString markdown(const BounceMessage &message);
    static QString html(const BounceMessage &message);
    /// Plain text to paste into a helpdesk ticket.
    static QString ticketText(const BounceMessage &message);

    /// The "addresses to remove" list: recipient, reason, status and source of every hard
    /// bounce, as CSV with a header line.
    static QString suppressionCsv(const QList<BounceMessage> &messages);
    /// One CSV field that no spreadsheet reads as anything but text: control and bidi
    /// characters removed; quoted when it holds a separator of any locale (, ; tab), a quote
    /// or a line break, or starts like a formula (= + - @), which also gets a leading ' (OWASP).
    static QString csvField(const QString &text);

    static QString escapeMarkdown(const QString &text);
    static QString escapeHtml(const QString &text);

    /// "Permanent" / "Temporary", "You" / "Your email admin" / ..., translated.
    static QString permanenceText(const RecipientDiagnosis &recipient);
    static QString responsibleText(Responsible responsible);
    static QString firstStepText(FirstStep step);
};

} // namespace BounceDoctor
