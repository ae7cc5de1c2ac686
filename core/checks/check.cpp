#include "check.h"

#include <QCoreApplication>

namespace BounceDoctor {

InputOrigin CheckInput::sendingDomainOrigin() const
{
    if (typed.testFlag(TypedField::SendingDomain))
        return InputOrigin::Typed;
    const QString domain = sendingDomain.trimmed().toLower();
    QString from = fromAddress.trimmed().toLower();
    from.remove(QLatin1Char('>'));
    return !domain.isEmpty() && from.endsWith(QLatin1Char('@') + domain) ? InputOrigin::FromAddress
                                                                         : InputOrigin::Bounce;
}

Check::Check(DnsResolver *resolver, QObject *parent)
    : QObject(parent)
    , m_resolver(resolver)
{}

void Check::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    m_finished = true;
    Q_EMIT finished();
}

void Check::ask(const QString &name, DnsType type, std::function<void(const DnsAnswer &)> handler)
{
    if (m_cancelled)
        return;
    ++m_asked;
    Q_EMIT progress(m_answered, m_asked);
    m_resolver->lookup(name, type, this,
                       [this, handler = std::move(handler)](const DnsAnswer &answer) {
                           if (m_cancelled)
                               return;
                           ++m_answered;
                           handler(answer);
                           Q_EMIT progress(m_answered, m_asked);
                           finishIfIdle();
                       });
}

void Check::report(Finding finding)
{
    if (m_cancelled)
        return;
    finding.step = step();
    if (finding.checked.isEmpty())
        finding.checked = m_checked;
    Q_EMIT findingReady(finding);
}

void Check::finishIfIdle()
{
    if (m_finished || m_answered < m_asked)
        return;
    m_finished = true;
    Q_EMIT finished();
}

Finding Check::couldNotCheck(const QString &id, const QString &what, const DnsAnswer &answer)
{
    Finding finding;
    finding.id = id;
    finding.status = FindingStatus::CouldNotCheck;
    finding.title =
        QCoreApplication::translate("Check", "Could not check %1: %2").arg(what, answer.errorText);
    finding.detail = QCoreApplication::translate(
        "Check", "The DNS question could not be answered, so this says nothing either way. Check "
                 "your network and DNS server settings, then run the check again.");
    finding.evidence.append(dnsEvidence(answer));
    return finding;
}

} // namespace BounceDoctor
