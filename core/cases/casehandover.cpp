#include "casehandover.h"

#include "bounce/untrustedtext.h"
#include "report/privacy.h"
#include "report/reportwriter.h"

#include <QStringList>

namespace BounceDoctor::CaseHandover {
namespace {

/// A fenced block longer than any backtick run inside, so the server's words show verbatim.
QString markdownBlock(const QString &text)
{
    qsizetype longest = 0, run = 0;
    for (const QChar c : text) {
        run = c == u'`' ? run + 1 : 0;
        longest = qMax(longest, run);
    }
    const QString fence(qMax<qsizetype>(3, longest + 1), u'`');
    return fence + u'\n' + text + u'\n' + fence + u'\n';
}

struct Masker
{
    bool enabled = false;
    QStringList addresses; ///< every address to mask where it appears in free text

    QString address(const QString &value) const
    {
        return enabled ? Privacy::maskAddress(value) : value;
    }
    QString freeText(const QString &text) const
    {
        return enabled ? Privacy::maskIn(text, addresses) : text;
    }
};

QString stateText(CaseState state)
{
    switch (state) {
    case CaseState::Open:
        return QStringLiteral("open");
    case CaseState::WaitingForRecipientIt:
        return QStringLiteral("waiting for the recipient's IT");
    case CaseState::Resolved:
        break;
    }
    return QStringLiteral("resolved");
}

class Writer
{
public:
    explicit Writer(Format format)
        : m_markdown(format == Format::Markdown)
    {}

    void heading(const QString &text, int level)
    {
        if (m_markdown)
            m_out += QString(level, u'#') + u' ' + ReportWriter::escapeMarkdown(text) +
                     QLatin1String("\n\n");
        else
            m_out += text + u'\n' + QString(text.size(), level == 1 ? u'=' : u'-') +
                     QLatin1String("\n\n");
    }
    void field(const QString &name, const QString &value)
    {
        if (value.isEmpty())
            return;
        const QString line = UntrustedText::oneLine(value);
        if (m_markdown)
            m_out += QLatin1String("- **") + name + QLatin1String(":** ") +
                     ReportWriter::escapeMarkdown(line) + u'\n';
        else
            m_out += name + QLatin1String(": ") + line + u'\n';
    }
    void paragraph(const QString &text)
    {
        m_out += (m_markdown ? ReportWriter::escapeMarkdown(text) : text) + QLatin1String("\n\n");
    }
    void block(const QString &label, const QString &text)
    {
        if (text.isEmpty())
            return;
        if (m_markdown)
            m_out += QLatin1String("**") + label + QLatin1String(":**\n\n") + markdownBlock(text);
        else
            m_out += label + QLatin1String(":\n") + indent(text);
        m_out += u'\n';
    }
    void item(const QString &text)
    {
        if (m_markdown)
            m_out += QLatin1String("- ") +
                     ReportWriter::escapeMarkdown(UntrustedText::oneLine(text)) + u'\n';
        else
            m_out += QLatin1String("  - ") + UntrustedText::oneLine(text) + u'\n';
    }
    void blank() { m_out += u'\n'; }
    QString text() const { return m_out; }

private:
    static QString indent(const QString &text)
    {
        QString out;
        for (const QString &line : text.split(u'\n'))
            out += QLatin1String("    ") + line + u'\n';
        return out;
    }

    bool m_markdown;
    QString m_out;
};

Masker maskerFor(const BounceCase &c, const Options &options)
{
    Masker masker;
    masker.enabled = options.hidePersonalData;
    for (const CaseRecipient &r : c.recipients)
        masker.addresses.append(r.diagnosis.recipient);
    masker.addresses.append(c.original.from);
    masker.addresses.append(c.original.to);
    return masker;
}

} // namespace

QString summaryLine(const BounceCase &c, const Options &options)
{
    const Masker mask = maskerFor(c, options);
    if (c.recipients.isEmpty())
        return QStringLiteral("Bounce with no failed recipient");
    const RecipientDiagnosis &d = c.recipients.constFirst().diagnosis;
    QStringList codes;
    if (!d.status.isEmpty())
        codes.append(d.status);
    if (!d.provider.isEmpty())
        codes.append(d.provider);
    QString line =
        QStringLiteral("Bounce to %1").arg(mask.address(UntrustedText::oneLine(d.recipient)));
    if (c.recipients.size() > 1)
        line += QStringLiteral(" and %1 more").arg(c.recipients.size() - 1);
    line +=
        QLatin1String(": ") + UntrustedText::oneLine(d.headline.isEmpty() ? d.reason : d.headline);
    if (line.endsWith(u'.'))
        line.chop(1);
    if (!codes.isEmpty())
        line += QLatin1String(" (") + codes.join(QLatin1String(", ")) + u')';
    return line;
}

QString ticketText(const BounceCase &c, const Options &options)
{
    const Masker mask = maskerFor(c, options);
    Writer w(options.format);
    w.heading(summaryLine(c, options), 1);
    w.field(QStringLiteral("Case"), c.id ? QString::number(c.id) : QString());
    w.field(QStringLiteral("Ticket"), c.ticketRef);
    w.field(QStringLiteral("State"), stateText(c.state));
    w.field(QStringLiteral("Opened"), c.createdAt.toUTC().toString(Qt::ISODate));
    w.field(QStringLiteral("Source"),
            c.source.isEmpty() ? QStringLiteral("pasted text") : c.source);
    w.field(QStringLiteral("Sender"), mask.address(c.original.from));
    w.field(QStringLiteral("Subject"), options.hidePersonalData && !c.original.subject.isEmpty()
                                           ? QStringLiteral("(hidden)")
                                           : c.original.subject);
    w.field(QStringLiteral("Sending IP"), c.original.sendingIp);
    w.blank();
    for (const CaseRecipient &r : c.recipients) {
        const RecipientDiagnosis &d = r.diagnosis;
        w.heading(
            QStringLiteral("Recipient %1").arg(mask.address(UntrustedText::oneLine(d.recipient))),
            2);
        if (!d.headline.isEmpty())
            w.paragraph(d.headline);
        if (!d.explanation.isEmpty())
            w.paragraph(d.explanation);
        w.field(QStringLiteral("Reason"),
                d.detail.isEmpty() ? d.reason : d.reason + QLatin1String(" (") + d.detail + u')');
        w.field(QStringLiteral("Status"), QStringList{d.replyCode, d.status}.join(u' ').trimmed());
        w.field(QStringLiteral("Permanent"),
                d.permanent ? QStringLiteral("yes") : QStringLiteral("no"));
        w.field(QStringLiteral("Who must act"), responsibleName(d.responsible));
        w.field(QStringLiteral("Provider"), d.provider);
        w.field(QStringLiteral("Remote server"), d.remoteMta);
        w.field(QStringLiteral("Sending IP"), d.sendingIp);
        w.blank();
        w.block(QStringLiteral("The server's exact words"), mask.freeText(d.diagnostic));
        if (!r.findings.isEmpty()) {
            w.paragraph(QStringLiteral("Checks run:"));
            for (const CaseFinding &f : r.findings) {
                QString row = findingStatusMark(f.finding.status) + u' ' +
                              ReportWriter::findingStatusText(f.finding.status) +
                              QLatin1String(": ") + f.finding.title;
                if (f.ranAt.isValid())
                    row += QLatin1String(" (") + f.ranAt.toUTC().toString(Qt::ISODate) + u')';
                w.item(mask.freeText(row));
                for (const QString &line : f.finding.evidence)
                    w.item(QLatin1String("    evidence: ") + mask.freeText(line));
            }
            w.blank();
        }
        if (!r.doneSteps.isEmpty())
            w.field(QStringLiteral("Steps done"), r.doneSteps.join(QLatin1String(", ")));
        w.block(QStringLiteral("Message sent to the recipient's IT"), mask.freeText(r.draft));
    }
    if (!c.notes.isEmpty()) {
        w.heading(QStringLiteral("Notes"), 2);
        for (const CaseNote &note : c.notes)
            w.block(note.at.toUTC().toString(Qt::ISODate), mask.freeText(note.text));
    }
    return w.text();
}

} // namespace BounceDoctor::CaseHandover
