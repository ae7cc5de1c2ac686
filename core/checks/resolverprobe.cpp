#include "resolverprobe.h"

#include "bounce/knowledgebase.h"
#include "check.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcResolverProbe, "bouncedoctor.checks.resolverprobe", QtInfoMsg)

namespace BounceDoctor {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct ResolverProbeTr
{
    Q_DECLARE_TR_FUNCTIONS(ResolverProbeTr)
};

const QJsonObject &probes()
{
    return KnowledgeBase::document(QStringLiteral("dns-probes.json"));
}

QStringList addressesOf(const DnsAnswer &answer)
{
    QStringList addresses;
    if (answer.status == DnsStatus::Ok) {
        for (const DnsRecord &record : answer.records)
            addresses.append(record.value);
    }
    return addresses;
}

} // namespace

ResolverProbe::ResolverProbe(DnsResolver *resolver, QObject *parent)
    : QObject(parent)
    , m_resolver(resolver)
{}

QStringList ResolverProbe::existingNames()
{
    QStringList names;
    for (const QJsonValue &value : probes().value(QLatin1String("exists")).toArray())
        names.append(value.toString());
    return names;
}

QString ResolverProbe::absentZone()
{
    return probes().value(QLatin1String("absentUnder")).toString();
}

void ResolverProbe::start()
{
    const QStringList names = existingNames();
    m_pending = int(names.size()) + 1;
    for (const QString &name : names) {
        m_resolver->lookup(name, DnsType::A, this, [this](const DnsAnswer &answer) {
            m_existing.append(answer);
            answered();
        });
    }
    // A fresh random label each run: no cache, ours or the server's, can have an answer for it.
    const QString absent =
        QStringLiteral("bd-probe-%1.%2")
            .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'))
            .arg(absentZone());
    m_resolver->lookup(absent, DnsType::A, this, [this](const DnsAnswer &answer) {
        m_absent = answer;
        answered();
    });
}

void ResolverProbe::answered()
{
    if (--m_pending > 0)
        return;
    for (const DnsAnswer &answer : std::as_const(m_existing))
        m_evidence.append(dnsEvidence(answer));
    m_evidence.append(dnsEvidence(m_absent));

    bool exists = false;
    bool saidMissing = false;
    QStringList existingAddresses;
    for (const DnsAnswer &answer : std::as_const(m_existing)) {
        existingAddresses += addressesOf(answer);
        exists = exists || !addressesOf(answer).isEmpty();
        saidMissing = saidMissing || answer.status == DnsStatus::NxDomain;
    }
    const QStringList absentAddresses = addressesOf(m_absent);
    const QString absentName = m_absent.name;

    m_advice = ResolverProbeTr::tr(
        "Run the check on another network (not a hotel, café or guest network), turn off a "
        "VPN or filtering service, or give the DNS server of your internet provider in "
        "Settings (on the command line: --dns-server).");
    if (!absentAddresses.isEmpty()) {
        m_verdict = Verdict::Broken;
        const bool same =
            !existingAddresses.isEmpty() && existingAddresses.first() == absentAddresses.first();
        m_reason = same ? ResolverProbeTr::tr("your DNS server answers every name with the same "
                                              "address (%1), even names that do not exist")
                              .arg(absentAddresses.first())
                        : ResolverProbeTr::tr("your DNS server gives an address (%1) to names "
                                              "that do not exist, such as %2")
                              .arg(absentAddresses.first(), absentName);
    } else if (!exists && saidMissing) {
        m_verdict = Verdict::Broken;
        m_reason = ResolverProbeTr::tr(
                       "your DNS server says that %1, a name that certainly exists, does not "
                       "exist: it answers \"no such name\" to everything")
                       .arg(m_existing.isEmpty() ? QString() : m_existing.first().name);
    } else if (!exists) {
        m_verdict = Verdict::NoProof;
        const DnsAnswer &first = m_existing.isEmpty() ? m_absent : m_existing.first();
        m_reason = ResolverProbeTr::tr("your DNS server did not answer for %1, a name that "
                                       "certainly exists (%2), so its \"does not exist\" "
                                       "answers cannot be trusted")
                       .arg(first.name, first.errorText.isEmpty() ? dnsStatusName(first.status)
                                                                  : first.errorText);
    } else {
        m_verdict = Verdict::Trusted;
    }
    qCDebug(lcResolverProbe) << int(m_verdict) << m_reason;
    Q_EMIT finished();
}

Finding ResolverProbe::finding() const
{
    Finding f;
    if (m_verdict != Verdict::Broken && m_verdict != Verdict::NoProof)
        return f;
    f.id = QStringLiteral("dns.resolver");
    f.status = FindingStatus::CouldNotCheck;
    f.basis = FindingBasis::DnsRecords;
    f.about = ResolverProbeTr::tr("your DNS server");
    f.title = m_verdict == Verdict::Broken
                  ? ResolverProbeTr::tr("The DNS checks cannot be trusted: %1.").arg(m_reason)
                  : ResolverProbeTr::tr("Some DNS checks cannot be trusted: %1.").arg(m_reason);
    f.detail = (m_verdict == Verdict::Broken
                    ? ResolverProbeTr::tr("Every DNS result of this check is shown as \"could "
                                          "not check\": what this server says about your "
                                          "domain, your IP address or blocklists says nothing "
                                          "either way.")
                    : ResolverProbeTr::tr("Results that say a domain, a record or a listing "
                                          "does not exist are shown as \"could not check\".")) +
               QLatin1Char(' ') + m_advice;
    f.evidence = m_evidence;
    return f;
}

bool ResolverProbe::distrusts(const Finding &finding) const
{
    if (finding.basis == FindingBasis::Input || finding.status == FindingStatus::CouldNotCheck)
        return false;
    return m_verdict == Verdict::Broken ||
           (m_verdict == Verdict::NoProof && finding.basis == FindingBasis::DnsAbsence);
}

Finding ResolverProbe::judge(Finding finding) const
{
    if (!distrusts(finding))
        return finding;
    const QString about = finding.about.isEmpty() ? ResolverProbeTr::tr("this") : finding.about;
    finding.status = FindingStatus::CouldNotCheck;
    finding.title = ResolverProbeTr::tr("Could not check %1: %2.").arg(about, m_reason);
    finding.detail = m_advice;
    finding.link.clear();
    return finding;
}

} // namespace BounceDoctor
