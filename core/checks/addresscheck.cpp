#include "addresscheck.h"

#include "bounce/domainsuggester.h"
#include "bounce/knowledgebase.h"
#include "common/mailaddress.h"
#include "common/pattern.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QUrl>

namespace BounceDoctor {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct AddressCheckTr
{
    Q_DECLARE_TR_FUNCTIONS(AddressCheckTr)
};

bool isAtext(QChar c)
{
    if (c.unicode() > 127)
        return true; // RFC 6531: UTF-8 local parts
    return c.isLetterOrNumber() || QStringLiteral("!#$%&'*+/=?^_`{|}~-").contains(c);
}

QString localPartProblem(const QString &local)
{
    if (local.isEmpty())
        return AddressCheckTr::tr("nothing before the @");
    if (local.toUtf8().size() > 64)
        return AddressCheckTr::tr("the part before the @ is longer than 64 characters");
    if (local.startsWith(QLatin1Char('"'))) {
        if (local.size() < 2 || !local.endsWith(QLatin1Char('"')))
            return AddressCheckTr::tr("a quoted name before the @ is not closed");
        for (qsizetype i = 1; i < local.size() - 1; ++i) {
            const QChar c = local.at(i);
            if (c == QLatin1Char('\\')) {
                ++i;
                continue;
            }
            if (c == QLatin1Char('"') || c.unicode() < 32)
                return AddressCheckTr::tr(
                    "the quoted name before the @ has a character that must be escaped");
        }
        return {};
    }
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) ||
        local.contains(QLatin1String("..")))
        return AddressCheckTr::tr("dots before the @ may not be first, last or doubled");
    for (const QChar c : local) {
        if (c != QLatin1Char('.') && !isAtext(c))
            return AddressCheckTr::tr(
                       "the character '%1' is not allowed before the @ (unless quoted)")
                .arg(c);
    }
    return {};
}

QString domainProblem(const QString &domain, QString *ascii)
{
    if (domain.isEmpty())
        return AddressCheckTr::tr("nothing after the @");
    if (domain.startsWith(QLatin1Char('[')) && domain.endsWith(QLatin1Char(']'))) {
        QString literal = domain.mid(1, domain.size() - 2);
        if (literal.startsWith(QLatin1String("IPv6:"), Qt::CaseInsensitive))
            literal = literal.mid(5);
        if (QHostAddress(literal).isNull())
            return AddressCheckTr::tr("the address literal after the @ is not an IP address");
        *ascii = domain;
        return {};
    }
    *ascii = QString::fromLatin1(QUrl::toAce(domain, QUrl::AceProcessingOption{}));
    if (ascii->isEmpty())
        return AddressCheckTr::tr("the domain '%1' is not a valid international domain name")
            .arg(domain);
    if (ascii->size() > 253)
        return AddressCheckTr::tr("the domain is longer than 253 characters");
    const QStringList labels = ascii->split(QLatin1Char('.'));
    if (labels.size() < 2)
        return AddressCheckTr::tr(
                   "the domain '%1' has no dot: a mail domain looks like example.com")
            .arg(domain);
    static const Pattern label(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    for (const QString &part : labels) {
        if (!label.matches(part))
            return AddressCheckTr::tr(
                       "the domain part '%1' is not valid (letters, digits and inner hyphens only, "
                       "at most 63)")
                .arg(part);
    }
    return {};
}

} // namespace

AddressCheck::Syntax AddressCheck::parse(const QString &input)
{
    Syntax syntax;
    QString address = input.trimmed();
    if (address.startsWith(QLatin1Char('<')) && address.endsWith(QLatin1Char('>')))
        address = address.mid(1, address.size() - 2);
    if (!address.contains(QLatin1Char('@'))) {
        syntax.problem = AddressCheckTr::tr("there is no @ in the address");
        return syntax;
    }
    syntax.localPart = MailAddress::localPart(address);
    syntax.domain = MailAddress::domainPart(address);
    if (address.contains(QLatin1Char(' ')) && !syntax.localPart.startsWith(QLatin1Char('"'))) {
        syntax.problem = AddressCheckTr::tr("the address contains a space");
        return syntax;
    }
    syntax.problem = localPartProblem(syntax.localPart);
    if (syntax.problem.isEmpty())
        syntax.problem = domainProblem(syntax.domain, &syntax.asciiDomain);
    syntax.valid = syntax.problem.isEmpty();
    return syntax;
}

QString AddressCheck::providerOf(const QStringList &mxHosts)
{
    static const QList<QPair<QString, Pattern>> providers = [] {
        QList<QPair<QString, Pattern>> list;
        for (const KnowledgeBase::ProviderEntry &entry : KnowledgeBase::providers()) {
            if (!entry.mx.isEmpty())
                list.append({entry.title, KnowledgeBase::combined(entry.mx)});
        }
        return list;
    }();
    for (const QString &host : mxHosts) {
        for (const auto &[name, pattern] : providers) {
            if (pattern.matches(host))
                return name;
        }
    }
    return {};
}

void AddressCheck::start(const CheckInput &input)
{
    m_syntax = parse(input.recipient);
    setChecked(
        {{QStringLiteral("recipient"), input.recipient, originOf(input, TypedField::Recipient)}});
    Finding syntax;
    syntax.id = QStringLiteral("address.syntax");
    if (!m_syntax.valid) {
        syntax.status = FindingStatus::Problem;
        syntax.title = AddressCheckTr::tr("The address '%1' is not valid: %2")
                           .arg(input.recipient, m_syntax.problem);
        syntax.detail = AddressCheckTr::tr("Correct the address and send again.");
        report(syntax);
        finishIfIdle();
        return;
    }
    syntax.status = FindingStatus::Ok;
    syntax.title = AddressCheckTr::tr("The address is written correctly.");
    if (m_syntax.asciiDomain != m_syntax.domain)
        syntax.evidence.append(AddressCheckTr::tr("International domain %1 is %2 in DNS")
                                   .arg(m_syntax.domain, m_syntax.asciiDomain));
    report(syntax);

    const QString suggestion = DomainSuggester::instance().suggestDomain(m_syntax.domain);
    if (!suggestion.isEmpty()) {
        Finding typo;
        typo.id = QStringLiteral("address.typo");
        typo.status = FindingStatus::Warning;
        typo.title = AddressCheckTr::tr("Did you mean %1@%2?").arg(m_syntax.localPart, suggestion);
        typo.detail =
            AddressCheckTr::tr("The domain %1 is very close to the common mail domain %2. A typing "
                               "mistake here is a frequent cause of bounces.")
                .arg(m_syntax.domain, suggestion);
        report(typo);
    }
    if (m_syntax.asciiDomain.startsWith(QLatin1Char('['))) {
        finishIfIdle();
        return;
    }
    ask(m_syntax.asciiDomain, DnsType::MX, [this](const DnsAnswer &answer) { checkMx(answer); });
}

void AddressCheck::checkMx(const DnsAnswer &answer)
{
    const QString domain = m_syntax.domain;
    if (answer.status == DnsStatus::NxDomain) {
        Finding f;
        f.id = QStringLiteral("address.domain");
        f.status = FindingStatus::Problem;
        f.basis = FindingBasis::DnsAbsence;
        f.about = AddressCheckTr::tr("whether the domain %1 exists").arg(domain);
        f.title = AddressCheckTr::tr("The domain %1 does not exist.").arg(domain);
        f.detail = AddressCheckTr::tr(
            "DNS has no such domain, so no mail can reach it. Check the spelling of the "
            "part after the @; the domain may also have expired.");
        f.evidence.append(dnsEvidence(answer));
        report(f);
        return;
    }
    if (!answer.answered()) {
        report(couldNotCheck(QStringLiteral("address.mx"),
                             AddressCheckTr::tr("the mail servers of %1").arg(domain), answer));
        return;
    }
    if (answer.records.isEmpty()) {
        // No MX: mail goes to the domain's own address (RFC 5321 section 5.1).
        ask(m_syntax.asciiDomain, DnsType::A, [this](const DnsAnswer &a) { checkFallback(a); });
        return;
    }
    const bool nullMx =
        answer.records.size() == 1 && (answer.records.first().value.isEmpty() ||
                                       answer.records.first().value == QLatin1String("."));
    if (nullMx) {
        Finding f;
        f.id = QStringLiteral("address.null-mx");
        f.status = FindingStatus::Problem;
        f.basis = FindingBasis::DnsRecords;
        f.about = AddressCheckTr::tr("the mail servers of %1").arg(domain);
        f.title =
            AddressCheckTr::tr("The domain %1 says it accepts no email (null MX).").arg(domain);
        f.detail = AddressCheckTr::tr(
            "Its owner has published that this domain never receives mail (RFC 7505). "
            "The address cannot work; ask the recipient for another one.");
        f.evidence.append(dnsEvidence(answer));
        report(f);
        return;
    }
    QStringList hosts;
    for (const DnsRecord &record : answer.records)
        hosts.append(record.value);
    Finding mx;
    mx.id = QStringLiteral("address.mx");
    mx.status = FindingStatus::Ok;
    mx.basis = FindingBasis::DnsRecords;
    mx.about = AddressCheckTr::tr("the mail servers of %1").arg(domain);
    mx.title =
        AddressCheckTr::tr("%1 receives mail at %2.").arg(domain, hosts.join(QStringLiteral(", ")));
    mx.evidence.append(dnsEvidence(answer));
    report(mx);

    const QString provider = providerOf(hosts);
    if (!provider.isEmpty()) {
        Finding p;
        p.id = QStringLiteral("address.provider");
        p.status = FindingStatus::Info;
        p.basis = FindingBasis::DnsRecords;
        p.about = AddressCheckTr::tr("who hosts the mail of %1").arg(domain);
        p.title = AddressCheckTr::tr("%1 hosts this domain's mail.").arg(provider);
        p.detail = AddressCheckTr::tr("Advice and error codes from %1 apply to this recipient.")
                       .arg(provider);
        report(p);
    }

    // Each mail server must itself resolve.
    auto resolved = std::make_shared<int>(0);
    auto failed = std::make_shared<QStringList>();
    auto remaining = std::make_shared<int>(int(hosts.size()));
    for (const QString &host : std::as_const(hosts)) {
        ask(host, DnsType::A, [this, host, resolved, failed, remaining](const DnsAnswer &a) {
            if (a.status == DnsStatus::Ok && !a.records.isEmpty())
                ++*resolved;
            else
                failed->append(dnsEvidence(a));
            if (--*remaining > 0)
                return;
            Finding f;
            f.id = QStringLiteral("address.mx-hosts");
            f.basis = failed->isEmpty() ? FindingBasis::DnsRecords : FindingBasis::DnsAbsence;
            f.about =
                AddressCheckTr::tr("the addresses of the mail servers of %1").arg(m_syntax.domain);
            if (*resolved > 0) {
                f.status = failed->isEmpty() ? FindingStatus::Ok : FindingStatus::Warning;
                f.title = failed->isEmpty()
                              ? AddressCheckTr::tr("All of its mail servers have addresses.")
                              : AddressCheckTr::tr("Some of its mail servers have no address.");
            } else {
                f.status = FindingStatus::Problem;
                f.title = AddressCheckTr::tr(
                    "None of its mail servers has an address, so mail cannot be delivered.");
                f.detail = AddressCheckTr::tr(
                    "The domain's MX records point to names that do not resolve. The "
                    "recipient's IT must fix their DNS.");
            }
            f.evidence = *failed;
            report(f);
        });
    }
}

void AddressCheck::checkFallback(const DnsAnswer &answer)
{
    Finding f;
    f.id = QStringLiteral("address.mx");
    f.basis = FindingBasis::DnsAbsence; // no MX record
    f.about = AddressCheckTr::tr("the mail servers of %1").arg(m_syntax.domain);
    f.evidence.append(dnsEvidence(answer));
    if (!answer.answered()) {
        report(couldNotCheck(f.id, AddressCheckTr::tr("the address of %1").arg(m_syntax.domain),
                             answer));
        return;
    }
    if (answer.records.isEmpty()) {
        f.status = FindingStatus::Problem;
        f.title = AddressCheckTr::tr("The domain %1 has no mail server.").arg(m_syntax.domain);
        f.detail = AddressCheckTr::tr(
            "It has neither MX records nor an address to deliver to, so it cannot "
            "receive mail. Check the domain with the recipient.");
    } else {
        f.status = FindingStatus::Warning;
        f.title =
            AddressCheckTr::tr("The domain %1 has no MX record; mail goes to its web address.")
                .arg(m_syntax.domain);
        f.detail =
            AddressCheckTr::tr("This works only if that server accepts mail, which is unusual. The "
                               "recipient's IT should publish MX records.");
    }
    report(f);
}

} // namespace BounceDoctor
