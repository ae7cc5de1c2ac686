#include "reportwriter.h"

#include "bounce/knowledgebase.h"
#include "bounce/untrustedtext.h"
#include "report/stepadvice.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace BounceDoctor {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct ReportTr
{
    Q_DECLARE_TR_FUNCTIONS(ReportTr)
};

using Fact = ReportWriter::Fact;

const ChecklistRecord *workFor(const QList<ChecklistRecord> &work, qsizetype index)
{
    if (index >= work.size())
        return nullptr;
    const ChecklistRecord &record = work.at(index);
    return record.steps.isEmpty() ? nullptr : &record;
}

QString doneText(bool done)
{
    return done ? ReportTr::tr("done") : ReportTr::tr("not done");
}

QString htmlStyle()
{
    // Embedded, so the file is whole on its own; wraps long words and prints on A4 or Letter.
    return QStringLiteral(
        "<style>\n"
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.45;"
        "max-width:52em;margin:2em auto;padding:0 1em;color:#1b1b1b;background:#fff;"
        "overflow-wrap:anywhere;}\n"
        "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:1px solid "
        "#ccc;padding-bottom:.2em;margin-top:1.6em}h3{font-size:1.05em;margin-bottom:.3em}\n"
        "table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid "
        "#ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3;"
        "width:28%}\n"
        "pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;border:1px solid "
        "#ddd;padding:.6em;font-family:ui-monospace,'DejaVu Sans Mono',monospace;"
        "font-size:.92em}\n"
        ".evidence{color:#444;font-family:ui-monospace,'DejaVu Sans Mono',monospace;"
        "font-size:.88em}\n"
        "@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}"
        "pre,table{page-break-inside:avoid}}\n"
        "</style>");
}

} // namespace

ReportWriter::Outcome ReportWriter::outcomeOf(const RecipientDiagnosis &r)
{
    if (StepAdvice::isNotAFailure(r))
        return Outcome::NotAFailure;
    if (r.action == QLatin1String("delayed"))
        return Outcome::Delayed;
    if (!r.permanent)
        return Outcome::Temporary;
    // Permanent means the address will not work. Other refusals (relaying denied, a block,
    // the content) are not retried either, but the address may be fine once the cause is fixed.
    return isDeadAddress(r) ? Outcome::Permanent : Outcome::Refused;
}

QString ReportWriter::permanenceText(const RecipientDiagnosis &recipient)
{
    switch (outcomeOf(recipient)) {
    case Outcome::Permanent:
        return ReportTr::tr("Permanent");
    case Outcome::Refused:
        return ReportTr::tr("Refused, not retried");
    case Outcome::Temporary:
        return ReportTr::tr("Temporary");
    case Outcome::Delayed:
        return ReportTr::tr("Delayed, still trying");
    case Outcome::NotAFailure:
        break;
    }
    return ReportTr::tr("Not a failure");
}

QString ReportWriter::responsibleText(Responsible responsible)
{
    switch (responsible) {
    case Responsible::Sender:
        return ReportTr::tr("You (the sender)");
    case Responsible::SenderAdmin:
        return ReportTr::tr("Your email administrator or provider");
    case Responsible::Recipient:
        return ReportTr::tr("The recipient");
    case Responsible::RecipientAdmin:
        return ReportTr::tr("The recipient's IT");
    case Responsible::Unknown:
        break;
    }
    return ReportTr::tr("Not clear from the bounce");
}

QString ReportWriter::whoActsText(const RecipientDiagnosis &recipient)
{
    if (StepAdvice::isNotAFailure(recipient))
        return ReportTr::tr("Nobody: nothing failed");
    if (recipient.action == QLatin1String("delayed"))
        return ReportTr::tr("Nobody yet: your mail server is still trying");
    return responsibleText(recipient.responsible);
}

QString ReportWriter::firstStepText(FirstStep step)
{
    return StepAdvice::title(step);
}

QString ReportWriter::reasonText(const QString &reason, const QString &detail)
{
    static const QHash<QString, const char *> reasons = {
        {QStringLiteral("userunknown"), QT_TRANSLATE_NOOP("ReportTr", "Address does not exist")},
        {QStringLiteral("hostunknown"), QT_TRANSLATE_NOOP("ReportTr", "Domain does not exist")},
        {QStringLiteral("hasmoved"), QT_TRANSLATE_NOOP("ReportTr", "Recipient has moved")},
        {QStringLiteral("suspend"), QT_TRANSLATE_NOOP("ReportTr", "Mailbox disabled")},
        {QStringLiteral("mailboxfull"), QT_TRANSLATE_NOOP("ReportTr", "Mailbox full")},
        {QStringLiteral("emailtoolarge"), QT_TRANSLATE_NOOP("ReportTr", "Message too large")},
        {QStringLiteral("norelaying"), QT_TRANSLATE_NOOP("ReportTr", "Relaying refused")},
        {QStringLiteral("authfailure"),
         QT_TRANSLATE_NOOP("ReportTr", "Sender authentication failed")},
        {QStringLiteral("badreputation"), QT_TRANSLATE_NOOP("ReportTr", "Poor sender reputation")},
        {QStringLiteral("requireptr"),
         QT_TRANSLATE_NOOP("ReportTr", "No reverse DNS for the sender")},
        {QStringLiteral("notcompliantrfc"),
         QT_TRANSLATE_NOOP("ReportTr", "Message breaks the standard")},
        {QStringLiteral("failedstarttls"),
         QT_TRANSLATE_NOOP("ReportTr", "Encryption (TLS) failed")},
        {QStringLiteral("filtered"), QT_TRANSLATE_NOOP("ReportTr", "Filtered by the recipient")},
        {QStringLiteral("rejected"), QT_TRANSLATE_NOOP("ReportTr", "Sender address refused")},
        {QStringLiteral("spamdetected"), QT_TRANSLATE_NOOP("ReportTr", "Judged as spam")},
        {QStringLiteral("virusdetected"), QT_TRANSLATE_NOOP("ReportTr", "Malware suspected")},
        {QStringLiteral("policyviolation"),
         QT_TRANSLATE_NOOP("ReportTr", "Against the recipient's policy")},
        {QStringLiteral("securityerror"), QT_TRANSLATE_NOOP("ReportTr", "Security check failed")},
        {QStringLiteral("ratelimited"), QT_TRANSLATE_NOOP("ReportTr", "Sending too fast")},
        {QStringLiteral("blocked"), QT_TRANSLATE_NOOP("ReportTr", "Sender blocked")},
        {QStringLiteral("expired"), QT_TRANSLATE_NOOP("ReportTr", "Gave up after retrying")},
        {QStringLiteral("networkerror"), QT_TRANSLATE_NOOP("ReportTr", "Network problem")},
        {QStringLiteral("systemerror"), QT_TRANSLATE_NOOP("ReportTr", "Receiving server error")},
        {QStringLiteral("systemfull"), QT_TRANSLATE_NOOP("ReportTr", "Receiving server full")},
        {QStringLiteral("notaccept"), QT_TRANSLATE_NOOP("ReportTr", "Domain accepts no mail")},
        {QStringLiteral("mailererror"),
         QT_TRANSLATE_NOOP("ReportTr", "Recipient's mail program failed")},
        {QStringLiteral("syntaxerror"), QT_TRANSLATE_NOOP("ReportTr", "Mail protocol error")},
        {QStringLiteral("contenterror"), QT_TRANSLATE_NOOP("ReportTr", "Content refused")},
        {QStringLiteral("onhold"), QT_TRANSLATE_NOOP("ReportTr", "On hold")},
        {QStringLiteral("undefined"), QT_TRANSLATE_NOOP("ReportTr", "Not clear from the bounce")},
        {QStringLiteral("delivered"), QT_TRANSLATE_NOOP("ReportTr", "Delivered")},
        {QStringLiteral("vacation"), QT_TRANSLATE_NOOP("ReportTr", "Automatic reply")},
        {QStringLiteral("feedback"), QT_TRANSLATE_NOOP("ReportTr", "Spam complaint")},
        {QStringLiteral("suppressed"), QT_TRANSLATE_NOOP("ReportTr", "On a suppression list")},
    };
    static const QHash<QString, const char *> details = {
        {QStringLiteral("prior-approval"), QT_TRANSLATE_NOOP("ReportTr", "approved senders only")},
        {QStringLiteral("dmarc"), QT_TRANSLATE_NOOP("ReportTr", "DMARC")},
        {QStringLiteral("dkim"), QT_TRANSLATE_NOOP("ReportTr", "DKIM")},
        {QStringLiteral("spf"), QT_TRANSLATE_NOOP("ReportTr", "SPF")},
        {QStringLiteral("unauthenticated"), QT_TRANSLATE_NOOP("ReportTr", "not signed in")},
        {QStringLiteral("smtp-auth"),
         QT_TRANSLATE_NOOP("ReportTr", "device or program not signed in")},
        {QStringLiteral("ip-blocklist"), QT_TRANSLATE_NOOP("ReportTr", "IP on a blocklist")},
        {QStringLiteral("rate-limit"), QT_TRANSLATE_NOOP("ReportTr", "rate limit")},
        {QStringLiteral("reverse-dns"), QT_TRANSLATE_NOOP("ReportTr", "reverse DNS")},
        {QStringLiteral("relaying"), QT_TRANSLATE_NOOP("ReportTr", "relaying")},
        {QStringLiteral("disabled-account"), QT_TRANSLATE_NOOP("ReportTr", "account disabled")},
        {QStringLiteral("reputation"), QT_TRANSLATE_NOOP("ReportTr", "reputation")},
        {QStringLiteral("suppression-list"), QT_TRANSLATE_NOOP("ReportTr", "suppression list")},
        {QStringLiteral("recipient-policy"), QT_TRANSLATE_NOOP("ReportTr", "recipient policy")},
        {QStringLiteral("restricted-recipient"),
         QT_TRANSLATE_NOOP("ReportTr", "restricted recipient")},
        {QStringLiteral("unsubscribe"), QT_TRANSLATE_NOOP("ReportTr", "unsubscribe request")},
        {QStringLiteral("directory-based-edge-blocking"),
         QT_TRANSLATE_NOOP("ReportTr", "unknown to the recipient's directory")},
    };
    const char *reasonWords = reasons.value(reason);
    QString text = reasonWords ? ReportTr::tr(reasonWords) : reason;
    if (!detail.isEmpty()) {
        const char *detailWords = details.value(detail);
        const QString words = detailWords ? ReportTr::tr(detailWords) : detail;
        // "Relaying refused (relaying)" says nothing the reason did not.
        if (!text.contains(words, Qt::CaseInsensitive))
            text += QStringLiteral(" (") + words + QLatin1Char(')');
    }
    return text;
}

QString ReportWriter::reasonText(const RecipientDiagnosis &recipient)
{
    // The engine files a delay under "expired" (Sisimai's vocabulary): it has not expired yet.
    if (recipient.action == QLatin1String("delayed"))
        return ReportTr::tr("Delayed, still being retried");
    return reasonText(recipient.reason, recipient.detail);
}

QString ReportWriter::providerText(const QString &provider)
{
    // Brand names, as the providers write them (providers.json "title"): not translated.
    for (const KnowledgeBase::ProviderEntry &entry : KnowledgeBase::providers()) {
        if (entry.name == provider && !entry.title.isEmpty())
            return entry.title;
    }
    return provider;
}

QString ReportWriter::findingStatusText(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Ok:
        return ReportTr::tr("OK");
    case FindingStatus::Warning:
        return ReportTr::tr("Warning");
    case FindingStatus::Problem:
        return ReportTr::tr("Problem");
    case FindingStatus::CouldNotCheck:
        return ReportTr::tr("Could not check");
    case FindingStatus::Info:
        break;
    }
    return ReportTr::tr("Information");
}

QList<Fact> ReportWriter::factsOf(const BounceMessage &message, const RecipientDiagnosis &r,
                                  bool forScreen)
{
    const QString reasonId =
        r.detail.isEmpty() ? r.reason : r.reason + QStringLiteral(", ") + r.detail;
    QList<Fact> facts;
    facts.append({ReportTr::tr("Recipient"), r.recipient, {}});
    facts.append({ReportTr::tr("Status"),
                  QStringList{r.replyCode, r.status}.join(QLatin1Char(' ')).trimmed(),
                  {}});
    facts.append({ReportTr::tr("Reason"), reasonText(r), reasonId});
    if (!forScreen) {
        facts.append({ReportTr::tr("Outcome"), permanenceText(r), {}});
        facts.append({ReportTr::tr("Who must act"), whoActsText(r), {}});
        facts.append({ReportTr::tr("Start with"), firstStepText(StepAdvice::firstStep(r)), {}});
    }
    facts.append({ReportTr::tr("Provider"), providerText(r.provider), {}});
    facts.append({ReportTr::tr("Remote server"), r.remoteMta, {}});
    facts.append({ReportTr::tr("Reporting server"), r.reportingMta, {}});
    facts.append({ReportTr::tr("Sending IP"), r.sendingIp, {}});
    facts.append({ReportTr::tr("Blocklist named"), r.blocklist, {}});
    facts.append({ReportTr::tr("Sender"), message.original.from, {}});
    facts.append({ReportTr::tr("Subject"), message.original.subject, {}});
    facts.append({ReportTr::tr("Date"), r.date.isEmpty() ? message.original.date : r.date, {}});
    if (!forScreen)
        facts.append({ReportTr::tr("Suggested address"), r.suggestedRecipient, {}});
    facts.removeIf([](const Fact &fact) { return fact.value.isEmpty(); });
    for (Fact &fact : facts) {
        // Values from the bounce: a line break would forge a line of the ticket, a bidi
        // override would flip what follows it.
        fact.value = UntrustedText::oneLine(fact.value);
        if (fact.note == fact.value)
            fact.note.clear();
    }
    return facts;
}

QString ReportWriter::csvField(const QString &text)
{
    QString field = text;
    field.removeIf([](QChar c) { return UntrustedText::isActive(c) || c == QLatin1Char('\t'); });
    const bool formula = !field.isEmpty() && QStringLiteral("=+-@").contains(field.front());
    if (formula)
        field.prepend(QLatin1Char('\''));
    const bool quote = formula || std::any_of(field.cbegin(), field.cend(), [](QChar c) {
                           return QStringLiteral(",;\t\"\r\n").contains(c);
                       });
    if (!quote)
        return field;
    return QLatin1Char('"') + field.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

bool ReportWriter::isDeadAddress(const RecipientDiagnosis &r)
{
    // Only where the address itself is gone: never a sender-side cause (relaying denied,
    // authentication, content) nor a full or filtering mailbox, whose address still works.
    static const QStringList dead = {QStringLiteral("userunknown"), QStringLiteral("hostunknown"),
                                     QStringLiteral("hasmoved"), QStringLiteral("suspend"),
                                     QStringLiteral("notaccept")};
    return dead.contains(r.reason);
}

QString ReportWriter::suppressionCsv(const QList<BounceMessage> &messages)
{
    QStringList lines{QStringLiteral("recipient,reason,status,source")};
    for (const BounceMessage &message : messages) {
        for (const RecipientDiagnosis &r : message.recipients) {
            if (isDeadAddress(r))
                lines.append(QStringList{csvField(r.recipient), csvField(r.reason),
                                         csvField(r.status), csvField(message.source)}
                                 .join(QLatin1Char(',')));
        }
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString ReportWriter::escapeMarkdown(const QString &text, bool blockStart)
{
    // Only what CommonMark and GitHub's tables, strike-through and autolinks would read as
    // markup: "550 5.7.1" stays as it is.
    QString flat = text;
    flat.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    QString out;
    out.reserve(flat.size() + 8);
    for (qsizetype i = 0; i < flat.size(); ++i) {
        const QChar c = flat.at(i);
        const QStringView rest = QStringView(flat).mid(i);
        bool escape = QStringLiteral("\\`*_[]<>|~").contains(c);
        // An entity such as &lt; or &#60;.
        if (c == QLatin1Char('&') && i + 1 < flat.size() &&
            (flat.at(i + 1).isLetter() || flat.at(i + 1) == QLatin1Char('#')))
            escape = true;
        // Bare URLs become links: break "://" and "www.".
        if (c == QLatin1Char(':') && rest.startsWith(QLatin1String("://")))
            escape = true;
        if (c == QLatin1Char('.') && i >= 3 &&
            QStringView(flat).mid(i - 3, 3).compare(QLatin1String("www"), Qt::CaseInsensitive) == 0)
            escape = true;
        // At the start of a block: headings, lists, quotes, rules.
        if (blockStart && out.isEmpty() && QStringLiteral("#+-=").contains(c))
            escape = true;
        if (escape)
            out += QLatin1Char('\\');
        out += c;
        // "1. " or "1) " at the start is an ordered list.
        if (blockStart && c.isDigit() && i + 1 < flat.size() &&
            (flat.at(i + 1) == QLatin1Char('.') || flat.at(i + 1) == QLatin1Char(')'))) {
            bool allDigits = true;
            for (qsizetype j = 0; j <= i; ++j)
                allDigits = allDigits && flat.at(j).isDigit();
            if (allDigits) {
                out += QLatin1Char('\\');
                out += flat.at(++i);
            }
        }
    }
    return out;
}

QString ReportWriter::escapeHtml(const QString &text)
{
    return text.toHtmlEscaped();
}

QString ReportWriter::markdown(const BounceMessage &message, const QList<ChecklistRecord> &work)
{
    auto code = [](const QString &text) {
        // Indented code keeps bounce text verbatim and renders nothing inside it.
        QString block;
        const QStringList lines =
            QString(text).replace(QLatin1Char('\r'), QString()).split(QLatin1Char('\n'));
        for (const QString &line : lines)
            block += QStringLiteral("    ") + line + QLatin1Char('\n');
        return block;
    };
    QString out = QStringLiteral("# ") + ReportTr::tr("Bounce diagnosis") + QStringLiteral("\n\n");
    if (!message.subject.isEmpty())
        out += QStringLiteral("*") + ReportTr::tr("Bounce:") + QLatin1Char(' ') +
               escapeMarkdown(UntrustedText::oneLine(message.subject)) + QStringLiteral("*\n\n");
    for (qsizetype i = 0; i < message.recipients.size(); ++i) {
        const RecipientDiagnosis &r = message.recipients.at(i);
        out += QStringLiteral("## ") +
               escapeMarkdown(r.recipient.isEmpty() ? ReportTr::tr("Recipient")
                                                    : UntrustedText::oneLine(r.recipient)) +
               QStringLiteral("\n\n**") + escapeMarkdown(r.headline) + QStringLiteral("**\n\n");
        out += QStringLiteral("| ") + ReportTr::tr("Fact") + QStringLiteral(" | ") +
               ReportTr::tr("Value") + QStringLiteral(" |\n|---|---|\n");
        for (const Fact &fact : factsOf(message, r))
            out += QStringLiteral("| ") + escapeMarkdown(fact.label) + QStringLiteral(" | ") +
                   escapeMarkdown(fact.value) +
                   (fact.note.isEmpty() ? QString()
                                        : QStringLiteral(" <small>") + escapeMarkdown(fact.note) +
                                              QStringLiteral("</small>")) +
                   QStringLiteral(" |\n");
        if (!r.diagnostic.isEmpty())
            out += QStringLiteral("\n") + ReportTr::tr("The server's exact words:") +
                   QStringLiteral("\n\n") + code(UntrustedText::oneLine(r.diagnostic));
        out += QStringLiteral("\n") + escapeMarkdown(r.explanation, true) + QStringLiteral("\n\n");
        const ChecklistRecord *record = workFor(work, i);
        if (!record)
            continue;
        out += QStringLiteral("### ") + ReportTr::tr("Checklist") + QStringLiteral("\n\n");
        for (const ChecklistRecord::Step &step : record->steps) {
            out += QStringLiteral("- ") +
                   (step.done ? QStringLiteral("[x] ") : QStringLiteral("[ ] ")) +
                   escapeMarkdown(step.title);
            if (step.hasCheck && !step.ran)
                out += QStringLiteral(" (") + ReportTr::tr("no check run") + QLatin1Char(')');
            out += QLatin1Char('\n');
            for (const Finding &f : step.findings) {
                out += QStringLiteral("  - ") + findingStatusMark(f.status) + QLatin1Char(' ') +
                       findingStatusText(f.status) + QStringLiteral(": ") +
                       escapeMarkdown(f.title) + QLatin1Char('\n');
                if (!f.detail.isEmpty())
                    out +=
                        QStringLiteral("    ") + escapeMarkdown(f.detail, true) + QLatin1Char('\n');
                for (const QString &line : f.evidence)
                    out +=
                        QStringLiteral("    - `") +
                        UntrustedText::oneLine(line).replace(QLatin1Char('`'), QLatin1Char('\'')) +
                        QStringLiteral("`\n");
            }
        }
        if (record->hasDraft) {
            out += QStringLiteral("\n### ") + ReportTr::tr("Message to the recipient's IT") +
                   QStringLiteral("\n\n") +
                   code(ReportTr::tr("To: %1").arg(record->draft.to) + QLatin1Char('\n') +
                        ReportTr::tr("Subject: %1").arg(record->draft.subject) +
                        QStringLiteral("\n\n") + record->draft.body.trimmed());
        }
        out += QLatin1Char('\n');
    }
    return out;
}

QString ReportWriter::html(const BounceMessage &message, const QList<ChecklistRecord> &work)
{
    QString out = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                 "<meta name=\"viewport\" content=\"width=device-width\">"
                                 "<meta http-equiv=\"Content-Security-Policy\" "
                                 "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                                 "<title>");
    out += escapeHtml(ReportTr::tr("Bounce diagnosis")) + QStringLiteral("</title>\n") +
           htmlStyle() + QStringLiteral("\n</head><body>\n<h1>") +
           escapeHtml(ReportTr::tr("Bounce diagnosis")) + QStringLiteral("</h1>\n");
    for (qsizetype i = 0; i < message.recipients.size(); ++i) {
        const RecipientDiagnosis &r = message.recipients.at(i);
        out += QStringLiteral("<h2>") + escapeHtml(UntrustedText::oneLine(r.recipient)) +
               QStringLiteral("</h2>\n<p><strong>") + escapeHtml(r.headline) +
               QStringLiteral("</strong></p>\n<table>\n");
        for (const Fact &fact : factsOf(message, r))
            out += QStringLiteral("<tr><th>") + escapeHtml(fact.label) +
                   QStringLiteral("</th><td>") + escapeHtml(fact.value) +
                   (fact.note.isEmpty() ? QString()
                                        : QStringLiteral(" <small>(") + escapeHtml(fact.note) +
                                              QStringLiteral(")</small>")) +
                   QStringLiteral("</td></tr>\n");
        out += QStringLiteral("</table>\n");
        if (!r.diagnostic.isEmpty())
            out += QStringLiteral("<p>") + escapeHtml(ReportTr::tr("The server's exact words:")) +
                   QStringLiteral("</p>\n<pre>") +
                   escapeHtml(UntrustedText::oneLine(r.diagnostic)) + QStringLiteral("</pre>\n");
        out += QStringLiteral("<p>") + escapeHtml(r.explanation) + QStringLiteral("</p>\n");
        const ChecklistRecord *record = workFor(work, i);
        if (!record)
            continue;
        out += QStringLiteral("<h3>") + escapeHtml(ReportTr::tr("Checklist")) +
               QStringLiteral("</h3>\n<table>\n");
        for (const ChecklistRecord::Step &step : record->steps) {
            out += QStringLiteral("<tr><th>") + escapeHtml(step.title) +
                   QStringLiteral("</th><td>") + escapeHtml(doneText(step.done));
            if (step.hasCheck && !step.ran)
                out += QStringLiteral("; ") + escapeHtml(ReportTr::tr("no check run"));
            for (const Finding &f : step.findings) {
                out += QStringLiteral("<div>") + escapeHtml(findingStatusMark(f.status)) +
                       QLatin1Char(' ') + escapeHtml(findingStatusText(f.status)) +
                       QStringLiteral(": ") + escapeHtml(f.title) + QStringLiteral("</div>");
                if (!f.detail.isEmpty())
                    out +=
                        QStringLiteral("<div>") + escapeHtml(f.detail) + QStringLiteral("</div>");
                for (const QString &line : f.evidence)
                    out += QStringLiteral("<div class=\"evidence\">") +
                           escapeHtml(UntrustedText::oneLine(line)) + QStringLiteral("</div>");
            }
            out += QStringLiteral("</td></tr>\n");
        }
        out += QStringLiteral("</table>\n");
        if (record->hasDraft)
            out += QStringLiteral("<h3>") +
                   escapeHtml(ReportTr::tr("Message to the recipient's IT")) +
                   QStringLiteral("</h3>\n<pre>") +
                   escapeHtml(ReportTr::tr("To: %1").arg(record->draft.to) + QLatin1Char('\n') +
                              ReportTr::tr("Subject: %1").arg(record->draft.subject) +
                              QStringLiteral("\n\n") + record->draft.body.trimmed()) +
                   QStringLiteral("</pre>\n");
    }
    out += QStringLiteral("</body></html>\n");
    return out;
}

QString ReportWriter::ticketText(const BounceMessage &message, const QList<ChecklistRecord> &work)
{
    QString out;
    for (qsizetype i = 0; i < message.recipients.size(); ++i) {
        const RecipientDiagnosis &r = message.recipients.at(i);
        out += ReportTr::tr("Bounce for %1").arg(UntrustedText::oneLine(r.recipient)) +
               QLatin1Char('\n');
        out += r.headline + QLatin1Char('\n');
        for (const Fact &fact : factsOf(message, r))
            out += QStringLiteral("  ") + fact.label + QStringLiteral(": ") + fact.value +
                   (fact.note.isEmpty() ? QString()
                                        : QStringLiteral(" [") + fact.note + QLatin1Char(']')) +
                   QLatin1Char('\n');
        if (!r.diagnostic.isEmpty())
            out += QStringLiteral("  ") + ReportTr::tr("Server said") + QStringLiteral(": ") +
                   UntrustedText::oneLine(r.diagnostic) + QLatin1Char('\n');
        out += r.explanation + QLatin1Char('\n');
        if (const ChecklistRecord *record = workFor(work, i)) {
            out += ReportTr::tr("Checklist:") + QLatin1Char('\n');
            for (const ChecklistRecord::Step &step : record->steps) {
                out += QStringLiteral("  ") +
                       (step.done ? QStringLiteral("[x] ") : QStringLiteral("[ ] ")) + step.title +
                       QLatin1Char('\n');
                for (const Finding &f : step.findings) {
                    out += QStringLiteral("    ") + findingStatusMark(f.status) + QLatin1Char(' ') +
                           findingStatusText(f.status) + QStringLiteral(": ") +
                           UntrustedText::oneLine(f.title) + QLatin1Char('\n');
                    for (const QString &line : f.evidence)
                        out += QStringLiteral("      ") + UntrustedText::oneLine(line) +
                               QLatin1Char('\n');
                }
            }
            if (record->hasDraft)
                out += ReportTr::tr("Message to the recipient's IT:") + QLatin1Char('\n') +
                       ReportTr::tr("To: %1").arg(record->draft.to) + QLatin1Char('\n') +
                       ReportTr::tr("Subject: %1").arg(record->draft.subject) +
                       QStringLiteral("\n\n") + record->draft.body.trimmed() + QLatin1Char('\n');
        }
        out += QLatin1Char('\n');
    }
    return out.trimmed() + QLatin1Char('\n');
}

} // namespace BounceDoctor
