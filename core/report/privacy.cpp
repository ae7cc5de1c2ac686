#include "privacy.h"

#include <QCoreApplication>

namespace BounceDoctor::Privacy {

QString maskAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0)
        return address.isEmpty() ? address : QStringLiteral("***");
    const qsizetype open = address.lastIndexOf(u'<', at);
    const qsizetype start = open < 0 ? 0 : open + 1; // "Name <a@b>": mask the name too
    return (open < 0 ? QString() : QStringLiteral("*** <")) + address.mid(start, 1) +
           QLatin1String("***") + address.mid(at);
}

QString maskIn(QString text, const QStringList &addresses)
{
    for (const QString &address : addresses) {
        if (!address.isEmpty())
            text.replace(address, maskAddress(address), Qt::CaseInsensitive);
    }
    return text;
}

void hide(BounceMessage &message, QList<ChecklistRecord> &work)
{
    QStringList addresses;
    for (const RecipientDiagnosis &r : std::as_const(message.recipients))
        addresses.append(r.recipient);
    for (const QString &header : {message.original.from, message.original.to}) {
        const qsizetype open = header.lastIndexOf(u'<');
        const qsizetype close = header.lastIndexOf(u'>');
        addresses.append(open >= 0 && close > open ? header.mid(open + 1, close - open - 1)
                                                   : header.trimmed());
    }
    addresses.removeAll(QString());
    // Longest first, so that an address inside a longer one is not masked half-way.
    std::sort(addresses.begin(), addresses.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (RecipientDiagnosis &r : message.recipients) {
        r.recipient = maskAddress(r.recipient);
        r.suggestedRecipient = maskAddress(r.suggestedRecipient);
        r.diagnostic = maskIn(r.diagnostic, addresses);
    }
    message.original.from = maskAddress(message.original.from);
    message.original.to = maskAddress(message.original.to);
    if (!message.original.subject.isEmpty())
        message.original.subject = QCoreApplication::translate("ReportTr", "(hidden)");
    for (ChecklistRecord &record : work) {
        for (ChecklistRecord::Step &step : record.steps) {
            for (Finding &f : step.findings) {
                f.title = maskIn(f.title, addresses);
                f.detail = maskIn(f.detail, addresses);
                for (QString &line : f.evidence)
                    line = maskIn(line, addresses);
            }
        }
        record.draft.body = maskIn(record.draft.body, addresses);
        record.draft.subject = maskIn(record.draft.subject, addresses);
    }
}

} // namespace BounceDoctor::Privacy
