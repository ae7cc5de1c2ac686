#include "reportwriter.h"

#include "common/untrustedtext.h"

#include <QCoreApplication>

#include <algorithm>

namespace BounceDoctor {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct ReportTr
{
    Q_DECLARE_TR_FUNCTIONS(ReportTr)
};

struct Fact
{
    QString label;
    QString value;
};

QList<Fact> factsOf(const BounceMessage &message, const RecipientDiagnosis &r)
{
    QList<Fact> facts = {
        {ReportTr::tr("Recipient"), r.recipient},
        {ReportTr::tr("Status"),
         QStringList{r.replyCode, r.status}.join(QLatin1Char(' ')).trimmed()},
        {ReportTr::tr("Reason"),
         r.detail.isEmpty() ? r.reason
                            : r.reason + QStringLiteral(" (") + r.detail + QLatin1Char(')')},
        {ReportTr::tr("Permanent"), ReportWriter::permanenceText(r)},
        {ReportTr::tr("Who must act"), ReportWriter::responsibleText(r.responsible)},
        {ReportTr::tr("Start with"), ReportWriter::firstStepText(r.firstStep)},
        {ReportTr::tr("Provider"), r.provider},
        {ReportTr::tr("Remote server"), r.remoteMta},
        {ReportTr::tr("Reporting server"), r.reportingMta},
        {ReportTr::tr("Sending IP"), r.sendingIp},
        {ReportTr::tr("Blocklist named"), r.blocklist},
        {ReportTr::tr("Sender"), message.original.from},
        {ReportTr::tr("Subject"), message.original.subject},
        {ReportTr::tr("Date"), r.date.isEmpty() ? message.original.date : r.date},
        {ReportTr::tr("Suggested address"), r.suggestedRecipient},
    };
    facts.removeIf([](const Fact &fact) { return fact.value.isEmpty(); });
    // Values from the bounce: a line break would forge a line of the ticket, a bidi override
    // would flip what follows it.
    for (Fact &fact : facts)
        fact.value = UntrustedText::oneLine(fact.value);
    return facts;
}

} // namespace

QString ReportWriter::permanenceText(const RecipientDiagnosis &recipient)
{
    return recipient.permanent ? ReportTr::tr("Permanent") : ReportTr::tr("Temporary");
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

QString ReportWriter::firstStepText(FirstStep step)
{
    switch (step) {
    case FirstStep::VerifyAddress:
        return ReportTr::tr("Verify the recipient address");
    case FirstStep::CheckBlocklists:
        return ReportTr::tr("Check blocklists");
    case FirstStep::CheckAuthentication:
        return ReportTr::tr("Check SPF, DKIM and DMARC");
    case FirstStep::ContactRecipientIt:
        return ReportTr::tr("Contact the recipient's IT");
    case FirstStep::ReviewContent:
        return ReportTr::tr("Review the message content");
    case FirstStep::FixSendingSetup:
        return ReportTr::tr("Fix the sending set-up");
    case FirstStep::RetryLater:
        return ReportTr::tr("Wait and try again later");
    case FirstStep::None:
        break;
    }
    return ReportTr::tr("Nothing to do");
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

QString ReportWriter::suppressionCsv(const QList<BounceMessage> &messages)
{
    QStringList lines{QStringLiteral("recipient,reason,status,source")};
    for (const BounceMessage &message : messages) {
        for (const RecipientDiagnosis &r : message.recipients) {
            if (r.hardBounce)
                lines.append(QStringList{csvField(r.recipient), csvField(r.reason),
                                         csvField(r.status), csvField(message.source)}
                                 .join(QLatin1Char(',')));
        }
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
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
    QString out = QStringLiteral("# ") + ReportTr::tr("Bounce diagnosis") + QStringLiteral("\n\n");
    if (!message.subject.isEmpty())
        out += QStringLiteral("*") + ReportTr::tr("Bounce:") + QLatin1Char(' ') +
               escapeMarkdown(UntrustedText::oneLine(message.subject)) + QStringLiteral("*\n\n");
    for (const RecipientDiagnosis &r : message.recipients) {
        out += QStringLiteral("## ") +
               escapeMarkdown(r.recipient.isEmpty() ? ReportTr::tr("Recipient")
                                                    : UntrustedText::oneLine(r.recipient)) +
               QStringLiteral("\n\n**") + escapeMarkdown(r.headline) + QStringLiteral("**\n\n");
        out += QStringLiteral("| ") + ReportTr::tr("Fact") + QStringLiteral(" | ") +
               ReportTr::tr("Value") + QStringLiteral(" |\n|---|---|\n");
        for (const Fact &fact : factsOf(message, r))
            out += QStringLiteral("| ") + escapeMarkdown(fact.label) + QStringLiteral(" | ") +
                   escapeMarkdown(fact.value) + QStringLiteral(" |\n");
        if (!r.diagnostic.isEmpty()) {
            // Indented code keeps the server's exact words and renders nothing inside them.
            out += QStringLiteral("\n") + ReportTr::tr("The server's exact words:") +
                   QStringLiteral("\n\n    ") + UntrustedText::oneLine(r.diagnostic) +
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
    out += escapeHtml(ReportTr::tr("Bounce diagnosis")) +
           QStringLiteral("</title></head><body>\n<h1>") +
           escapeHtml(ReportTr::tr("Bounce diagnosis")) + QStringLiteral("</h1>\n");
    for (const RecipientDiagnosis &r : message.recipients) {
        out += QStringLiteral("<h2>") + escapeHtml(UntrustedText::oneLine(r.recipient)) +
               QStringLiteral("</h2>\n<p><strong>") + escapeHtml(r.headline) +
               QStringLiteral("</strong></p>\n<table>\n");
        for (const Fact &fact : factsOf(message, r))
            out += QStringLiteral("<tr><th align=\"left\">") + escapeHtml(fact.label) +
                   QStringLiteral("</th><td>") + escapeHtml(fact.value) +
                   QStringLiteral("</td></tr>\n");
        out += QStringLiteral("</table>\n");
        if (!r.diagnostic.isEmpty())
            out += QStringLiteral("<p>") + escapeHtml(ReportTr::tr("The server's exact words:")) +
                   QStringLiteral("</p>\n<pre>") +
                   escapeHtml(UntrustedText::oneLine(r.diagnostic)) + QStringLiteral("</pre>\n");
        out += QStringLiteral("<p>") + escapeHtml(r.explanation) + QStringLiteral("</p>\n");
    }
    out += QStringLiteral("</body></html>\n");
    return out;
}

QString ReportWriter::ticketText(const BounceMessage &message)
{
    QString out;
    for (const RecipientDiagnosis &r : message.recipients) {
        out += ReportTr::tr("Bounce for %1").arg(UntrustedText::oneLine(r.recipient)) +
               QLatin1Char('\n');
        out += r.headline + QLatin1Char('\n');
        for (const Fact &fact : factsOf(message, r))
            out += QStringLiteral("  ") + fact.label + QStringLiteral(": ") + fact.value +
                   QLatin1Char('\n');
        if (!r.diagnostic.isEmpty())
            out += QStringLiteral("  ") + ReportTr::tr("Server said") + QStringLiteral(": ") +
                   UntrustedText::oneLine(r.diagnostic) + QLatin1Char('\n');
        out += r.explanation + QStringLiteral("\n\n");
    }
    return out.trimmed() + QLatin1Char('\n');
}

} // namespace BounceDoctor
