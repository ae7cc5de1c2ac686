#include "reportwriter.h"

#include <QCoreApplication>

namespace BounceDoctor {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Report", text);
}

struct Fact
{
    QString label;
    QString value;
};

QList<Fact> factsOf(const BounceMessage &message, const RecipientDiagnosis &r)
{
    QList<Fact> facts = {
        {tr("Recipient"), r.recipient},
        {tr("Status"), QStringList{r.replyCode, r.status}.join(QLatin1Char(' ')).trimmed()},
        {tr("Reason"), r.detail.isEmpty()
                           ? r.reason
                           : r.reason + QStringLiteral(" (") + r.detail + QLatin1Char(')')},
        {tr("Permanent"), ReportWriter::permanenceText(r)},
        {tr("Who must act"), ReportWriter::responsibleText(r.responsible)},
        {tr("Start with"), ReportWriter::firstStepText(r.firstStep)},
        {tr("Provider"), r.provider},
        {tr("Remote server"), r.remoteMta},
        {tr("Reporting server"), r.reportingMta},
        {tr("Sending IP"), r.sendingIp},
        {tr("Blocklist named"), r.blocklist},
        {tr("Sender"), message.original.from},
        {tr("Subject"), message.original.subject},
        {tr("Date"), r.date.isEmpty() ? message.original.date : r.date},
        {tr("Suggested address"), r.suggestedRecipient},
    };
    facts.removeIf([](const Fact &fact) { return fact.value.isEmpty(); });
    return facts;
}

} // namespace

QString ReportWriter::permanenceText(const RecipientDiagnosis &recipient)
{
    return recipient.permanent ? tr("Permanent") : tr("Temporary");
}

QString ReportWriter::responsibleText(Responsible responsible)
{
    switch (responsible) {
    case Responsible::Sender:
        return tr("You (the sender)");
    case Responsible::SenderAdmin:
        return tr("Your email administrator or provider");
    case Responsible::Recipient:
        return tr("The recipient");
    case Responsible::RecipientAdmin:
        return tr("The recipient's IT");
    case Responsible::Unknown:
        break;
    }
    return tr("Not clear from the bounce");
}

QString ReportWriter::firstStepText(FirstStep step)
{
    switch (step) {
    case FirstStep::VerifyAddress:
        return tr("Verify the recipient address");
    case FirstStep::CheckBlocklists:
        return tr("Check blocklists");
    case FirstStep::CheckAuthentication:
        return tr("Check SPF, DKIM and DMARC");
    case FirstStep::ContactRecipientIt:
        return tr("Contact the recipient's IT");
    case FirstStep::ReviewContent:
        return tr("Review the message content");
    case FirstStep::FixSendingSetup:
        return tr("Fix the sending set-up");
    case FirstStep::RetryLater:
        return tr("Wait and try again later");
    case FirstStep::None:
        break;
    }
    return tr("Nothing to do");
}

QString ReportWriter::escapeMarkdown(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (QStringLiteral("\\`*_{}[]()<>#+-.!|~&").contains(c))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            out += QLatin1Char(' ');
            continue;
        }
        out += c;
    }
    return out;
}

QString ReportWriter::escapeHtml(const QString &text)
{
    return text.toHtmlEscaped();
}

QString ReportWriter::markdown(const BounceMessage &message)
{
    QString out = QStringLiteral("# ") + tr("Bounce diagnosis") + QStringLiteral("\n\n");
    if (!message.subject.isEmpty())
        out += QStringLiteral("*") + tr("Bounce:") + QLatin1Char(' ') +
               escapeMarkdown(message.subject) + QStringLiteral("*\n\n");
    for (const RecipientDiagnosis &r : message.recipients) {
        out += QStringLiteral("## ") +
               escapeMarkdown(r.recipient.isEmpty() ? tr("Recipient") : r.recipient) +
               QStringLiteral("\n\n**") + escapeMarkdown(r.headline) + QStringLiteral("**\n\n");
        out += QStringLiteral("| ") + tr("Fact") + QStringLiteral(" | ") + tr("Value") +
               QStringLiteral(" |\n|---|---|\n");
        for (const Fact &fact : factsOf(message, r))
            out += QStringLiteral("| ") + escapeMarkdown(fact.label) + QStringLiteral(" | ") +
                   escapeMarkdown(fact.value) + QStringLiteral(" |\n");
        if (!r.diagnostic.isEmpty()) {
            // Indented code keeps the server's exact words and renders nothing inside them.
            out += QStringLiteral("\n") + tr("The server's exact words:") +
                   QStringLiteral("\n\n    ") +
                   QString(r.diagnostic).replace(QLatin1Char('\n'), QLatin1Char(' ')) +
                   QStringLiteral("\n");
        }
        out += QStringLiteral("\n") + escapeMarkdown(r.explanation) + QStringLiteral("\n\n");
    }
    return out;
}

QString ReportWriter::html(const BounceMessage &message)
{
    QString out = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                 "<meta http-equiv=\"Content-Security-Policy\" "
                                 "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                                 "<title>");
    out += escapeHtml(tr("Bounce diagnosis")) + QStringLiteral("</title></head><body>\n<h1>") +
           escapeHtml(tr("Bounce diagnosis")) + QStringLiteral("</h1>\n");
    for (const RecipientDiagnosis &r : message.recipients) {
        out += QStringLiteral("<h2>") + escapeHtml(r.recipient) +
               QStringLiteral("</h2>\n<p><strong>") + escapeHtml(r.headline) +
               QStringLiteral("</strong></p>\n<table>\n");
        for (const Fact &fact : factsOf(message, r))
            out += QStringLiteral("<tr><th align=\"left\">") + escapeHtml(fact.label) +
                   QStringLiteral("</th><td>") + escapeHtml(fact.value) +
                   QStringLiteral("</td></tr>\n");
        out += QStringLiteral("</table>\n");
        if (!r.diagnostic.isEmpty())
            out += QStringLiteral("<p>") + escapeHtml(tr("The server's exact words:")) +
                   QStringLiteral("</p>\n<pre>") + escapeHtml(r.diagnostic) +
                   QStringLiteral("</pre>\n");
        out += QStringLiteral("<p>") + escapeHtml(r.explanation) + QStringLiteral("</p>\n");
    }
    out += QStringLiteral("</body></html>\n");
    return out;
}

QString ReportWriter::ticketText(const BounceMessage &message)
{
    QString out;
    for (const RecipientDiagnosis &r : message.recipients) {
        out += tr("Bounce for %1").arg(r.recipient) + QLatin1Char('\n');
        out += r.headline + QLatin1Char('\n');
        for (const Fact &fact : factsOf(message, r))
            out += QStringLiteral("  ") + fact.label + QStringLiteral(": ") + fact.value +
                   QLatin1Char('\n');
        if (!r.diagnostic.isEmpty())
            out += QStringLiteral("  ") + tr("Server said") + QStringLiteral(": ") + r.diagnostic +
                   QLatin1Char('\n');
        out += r.explanation + QStringLiteral("\n\n");
    }
    return out.trimmed() + QLatin1Char('\n');
}

} // namespace BounceDoctor
