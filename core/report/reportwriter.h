#pragma once

#include "bounce/diagnosis.h"
#include "checks/finding.h"
#include "report/contactdraft.h"

#include <QList>
#include <QString>

namespace BounceDoctor {

/// What the user did in one recipient's checklist, so exports and tickets carry it.
struct ChecklistRecord
{
    struct Step
    {
        QString title;           ///< as shown, with its number
        bool done = false;       ///< the user ticked Done
        bool hasCheck = false;   ///< the step has a check to run
        bool ran = false;        ///< its check was run (findings may still be empty)
        QList<Finding> findings; ///< every row of the last run, with its evidence
        FirstStep kind = FirstStep::None;
    };

    QList<Step> steps;
    bool hasDraft = false; ///< a message to the recipient's IT fits this diagnosis
    ContactDraft draft;    ///< as the user left it
};

/// Reports of one diagnosed bounce for tickets and files. Every string that came from the
/// bounce is escaped for the target format, so a hostile bounce cannot inject markup or links.
class ReportWriter final
{
public:
    /// One line of the key facts: a translated label, the value, and for experts the
    /// internal name behind a translated value (the reason id), else empty.
    struct Fact
    {
        QString label;
        QString value;
        QString note;
    };

    /// What the failure amounts to, for the badge and the reports.
    enum class Outcome
    {
        Permanent,  ///< the address will not work: a hard bounce
        Refused,    ///< refused for good this time, but sending again (changed, later) can work
        Temporary,  ///< a temporary failure
        Delayed,    ///< still being retried
        NotAFailure ///< delivered, relayed, an auto-reply
    };

    /// work[i] is what the user did for message.recipients[i]; it may be shorter or empty.
    static QString markdown(const BounceMessage &message, const QList<ChecklistRecord> &work = {});
    static QString html(const BounceMessage &message, const QList<ChecklistRecord> &work = {});
    /// Plain text to paste into a helpdesk ticket.
    static QString ticketText(const BounceMessage &message,
                              const QList<ChecklistRecord> &work = {});

    /// The "addresses to remove" list: recipient, reason, status and source of every address
    /// that is gone (isDeadAddress), as CSV with a header line.
    static QString suppressionCsv(const QList<BounceMessage> &messages);
    /// True when the address itself no longer works (unknown user or domain, moved, disabled,
    /// a domain that takes no mail), so a mailing list should drop it.
    static bool isDeadAddress(const RecipientDiagnosis &recipient);
    /// One CSV field that no spreadsheet reads as anything but text: control and bidi
    /// characters removed; quoted when it holds a separator of any locale (, ; tab), a quote
    /// or a line break, or starts like a formula (= + - @), which also gets a leading ' (OWASP).
    static QString csvField(const QString &text);

    /// Escapes what Markdown would read as markup. blockStart: the text begins a paragraph,
    /// where "# ", "- " and "1. " would start a heading or a list.
    static QString escapeMarkdown(const QString &text, bool blockStart = false);
    static QString escapeHtml(const QString &text);

    static Outcome outcomeOf(const RecipientDiagnosis &recipient);
    /// "Permanent" / "Refused, not retried" / "Temporary" / ..., translated.
    static QString permanenceText(const RecipientDiagnosis &recipient);
    static QString responsibleText(Responsible responsible);
    /// Who must act, "Nobody" when nothing failed.
    static QString whoActsText(const RecipientDiagnosis &recipient);
    static QString firstStepText(FirstStep step);
    /// A reason id (emailtoolarge) in plain words (Message too large), translated.
    static QString reasonText(const QString &reason, const QString &detail = {});
    /// The same for one recipient: a delay that is still retried reads as such.
    static QString reasonText(const RecipientDiagnosis &recipient);
    /// A provider id (nttdocomo) as people write it (NTT Docomo).
    static QString providerText(const QString &provider);
    /// The facts worth showing; forScreen leaves out what the window shows elsewhere.
    static QList<Fact> factsOf(const BounceMessage &message, const RecipientDiagnosis &recipient,
                               bool forScreen = false);
    static QString findingStatusText(FindingStatus status);
};

} // namespace BounceDoctor
