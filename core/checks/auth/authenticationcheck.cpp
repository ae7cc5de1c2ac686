#include "authenticationcheck.h"

#include "common/mailaddress.h"
#include "dkimkey.h"
#include "dmarcrecord.h"
#include "spfevaluator.h"
#include "spflint.h"
#include "spfrecord.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QSet>

#include <memory>

Q_LOGGING_CATEGORY(lcAuthCheck, "bouncedoctor.checks.authentication", QtInfoMsg)

namespace BounceDoctor {

namespace {

QString txtOf(const DnsRecord &record)
{
    return record.texts.isEmpty() ? record.value : record.texts.join(QString());
}

// Why a lookup could not be answered, in plain words.
// Lint issues about names that do not exist (void lookups, no record) rest on absence.
FindingBasis basisOf(const SpfLintIssue &issue)
{
    return issue.id.contains(QLatin1String("void")) ||
                   issue.id.contains(QLatin1String("missing")) ||
                   issue.id == QLatin1String("spf.none")
               ? FindingBasis::DnsAbsence
               : FindingBasis::DnsRecords;
}

QString failureReason(const DnsAnswer &answer)
{
    switch (answer.status) {
    case DnsStatus::Timeout:
        return AuthenticationCheck::tr("the DNS server did not answer in time");
    case DnsStatus::ServFail:
        return AuthenticationCheck::tr("the DNS server reported a failure (SERVFAIL)");
    case DnsStatus::Refused:
        return AuthenticationCheck::tr("the DNS server refused the question (REFUSED)");
    case DnsStatus::NoNetwork:
        return AuthenticationCheck::tr("there is no network connection");
    default:
        return answer.errorText.isEmpty() ? AuthenticationCheck::tr("the DNS lookup failed")
                                          : answer.errorText;
    }
}

} // namespace

AuthenticationCheck::AuthenticationCheck(DnsResolver *resolver, QObject *parent)
    : Check(resolver, parent)
{}

AuthenticationCheck::~AuthenticationCheck()
{
    delete m_run;
}

void AuthenticationCheck::start(const CheckInput &input)
{
    cancel(); // a run still going ends with its own finished()
    delete m_run;
    m_run = new QObject(this);
    m_input = input;
    m_pending = 0;
    m_total = 0;
    m_done = 0;
    m_running = true;

    // A domain the user typed is what all three records are checked for; otherwise SPF takes
    // the sending domain, DKIM the signature's d=, DMARC the From address.
    const QString typedDomain = input.typed.testFlag(TypedField::SendingDomain)
                                    ? MailAddress::domainOf(input.sendingDomain)
                                    : QString();
    const QString from = MailAddress::domainOf(input.fromAddress);
    if (!typedDomain.isEmpty()) {
        m_spfDomain = m_dkimDomain = m_dmarcDomain = typedDomain;
        m_spfOrigin = m_dkimOrigin = m_dmarcOrigin = InputOrigin::Typed;
    } else {
        m_spfDomain = MailAddress::domainOf(input.sendingDomain);
        m_spfOrigin = input.sendingDomainOrigin();
        if (m_spfDomain.isEmpty()) {
            m_spfDomain = from;
            m_spfOrigin = InputOrigin::FromAddress;
        }
        m_dmarcDomain = from.isEmpty() ? m_spfDomain : from;
        m_dmarcOrigin = from.isEmpty() ? m_spfOrigin : InputOrigin::FromAddress;
        m_dkimDomain = MailAddress::domainOf(input.dkimDomain);
        m_dkimOrigin = InputOrigin::DkimSignature;
        if (m_dkimDomain.isEmpty()) {
            m_dkimDomain = m_dmarcDomain;
            m_dkimOrigin = m_dmarcOrigin;
        }
    }
    // Alignment is about the message the receiver saw: its own From domain.
    m_alignmentDomain = from.isEmpty() ? m_dmarcDomain : from;
    m_selectorOrigins.clear();
    const QString sendingDomain = m_spfDomain;
    const QString fromDomain = m_dmarcDomain;
    const QString dkimDomain = m_dkimDomain;

    // Hold one unit of work so that findings emitted synchronously cannot finish early.
    addWork();
    if (sendingDomain.isEmpty()) {
        emitFinding(QStringLiteral("spf.record"), FindingStatus::CouldNotCheck,
                    tr("SPF could not be checked: the sending domain is not known."),
                    tr("Type the domain you send from (the part after @ in your address)."), {},
                    FindingBasis::Input);
    } else {
        startSpf(sendingDomain);
    }
    if (dkimDomain.isEmpty()) {
        emitFinding(QStringLiteral("dkim.keys"), FindingStatus::CouldNotCheck,
                    tr("DKIM could not be checked: the signing domain is not known."), {}, {},
                    FindingBasis::Input);
    } else {
        startDkim(dkimDomain);
    }
    if (fromDomain.isEmpty()) {
        emitFinding(QStringLiteral("dmarc.record"), FindingStatus::CouldNotCheck,
                    tr("DMARC could not be checked: the From address is not known."), {}, {},
                    FindingBasis::Input);
    } else {
        startDmarc(fromDomain);
    }
    workDone();
}

void AuthenticationCheck::cancel()
{
    if (!m_running)
        return;
    delete m_run; // drops every callback still pending
    m_running = false;
    Q_EMIT finished();
}

void AuthenticationCheck::lookup(const QString &name, DnsType type, DnsResolver::Callback callback)
{
    addWork();
    resolver()->lookup(name, type, m_run, [this, callback](const DnsAnswer &answer) {
        callback(answer);
        workDone();
    });
}

QString AuthenticationCheck::aboutOf(const QString &id) const
{
    if (id.startsWith(QLatin1String("dkim.key.")))
        return tr("the DKIM key \"%1\" of %2").arg(id.mid(9), m_dkimDomain);
    if (id.startsWith(QLatin1String("dkim.")))
        return tr("the DKIM keys of %1").arg(m_dkimDomain);
    if (id.startsWith(QLatin1String("dmarc.report.")))
        return tr("whether %1 takes DMARC reports for %2").arg(id.mid(13), m_dmarcDomain);
    if (id.startsWith(QLatin1String("dmarc.")))
        return tr("the DMARC policy of %1").arg(m_dmarcDomain);
    return tr("the SPF record of %1").arg(m_spfDomain);
}

QList<CheckedValue> AuthenticationCheck::checkedOf(const QString &id) const
{
    const QString domain = QStringLiteral("domain");
    if (id.startsWith(QLatin1String("dkim.key."))) {
        const QString selector = id.mid(9);
        return {{domain, m_dkimDomain, m_dkimOrigin},
                {QStringLiteral("selector"), selector, m_selectorOrigins.value(selector)}};
    }
    if (id.startsWith(QLatin1String("dkim.")))
        return {{domain, m_dkimDomain, m_dkimOrigin}};
    if (id == QLatin1String("dmarc.alignment"))
        return {{domain, m_alignmentDomain,
                 m_alignmentDomain == m_dmarcDomain ? m_dmarcOrigin : InputOrigin::FromAddress}};
    if (id.startsWith(QLatin1String("dmarc.")))
        return {{domain, m_dmarcDomain, m_dmarcOrigin}};
    QList<CheckedValue> checked{{domain, m_spfDomain, m_spfOrigin}};
    if (id == QLatin1String("spf.result") && !m_input.sendingIp.trimmed().isEmpty())
        checked.append({QStringLiteral("ip"), m_input.sendingIp.trimmed(),
                        originOf(m_input, TypedField::SendingIp)});
    return checked;
}

void AuthenticationCheck::emitFinding(const QString &id, FindingStatus status, const QString &title,
                                      const QString &detail, const QStringList &evidence,
                                      FindingBasis basis)
{
    Finding finding;
    finding.step = CheckStep::Authentication;
    finding.id = id;
    finding.basis = basis;
    finding.about = aboutOf(id);
    finding.checked = checkedOf(id);
    finding.status = status;
    finding.title = title;
    finding.detail = detail;
    finding.evidence = evidence;
    qCDebug(lcAuthCheck) << id << int(status) << title;
    Q_EMIT findingReady(finding);
}

void AuthenticationCheck::addWork(int count)
{
    m_pending += count;
    m_total += count;
    Q_EMIT progress(m_done, m_total);
}

void AuthenticationCheck::workDone()
{
    ++m_done;
    Q_EMIT progress(m_done, m_total);
    if (--m_pending == 0 && m_running) {
        m_running = false;
        Q_EMIT finished();
    }
}

// ---- SPF ------------------------------------------------------------------------------

void AuthenticationCheck::startSpf(const QString &domain)
{
    lookup(domain, DnsType::TXT, [this, domain](const DnsAnswer &answer) {
        QStringList evidence{dnsEvidence(answer)};
        if (!answer.answered()) {
            emitFinding(
                QStringLiteral("spf.record"), FindingStatus::CouldNotCheck,
                tr("Could not check the SPF record of %1: %2.").arg(domain, failureReason(answer)),
                tr("Try again later or with another DNS server."), evidence);
            return;
        }
        QList<QStringList> txt;
        for (const DnsRecord &record : answer.records) {
            if (record.type == DnsType::TXT)
                txt.append(record.texts.isEmpty() ? QStringList{record.value} : record.texts);
        }
        const QList<SpfLintIssue> issues = lintSpfTxtRecords(txt);
        bool usable = true;
        for (const SpfLintIssue &issue : issues) {
            if (issue.id == QLatin1String("spf.none") ||
                issue.id == QLatin1String("spf.multiple") ||
                issue.id == QLatin1String("spf.syntax"))
                usable = false;
            emitFinding(issue.id, issue.status,
                        issue.status == FindingStatus::Problem
                            ? tr("The SPF record of %1 has a problem.").arg(domain)
                            : tr("The SPF record of %1 could be better.").arg(domain),
                        issue.text, evidence,
                        issue.id == QLatin1String("spf.none") ? FindingBasis::DnsAbsence
                                                              : FindingBasis::DnsRecords);
        }
        if (issues.isEmpty())
            emitFinding(QStringLiteral("spf.record"), FindingStatus::Ok,
                        tr("%1 publishes a valid SPF record.").arg(domain),
                        tr("It lists the servers allowed to send mail for the domain."), evidence);
        if (!usable)
            return;

        const QHostAddress ip(m_input.sendingIp.trimmed());
        if (ip.isNull()) {
            emitFinding(QStringLiteral("spf.result"), FindingStatus::Info,
                        tr("SPF was not evaluated: the sending IP address is not known."),
                        tr("Enter the IP address your mail left from to see whether SPF allows "
                           "it."),
                        {}, FindingBasis::Input);
            // Still walk the include tree with an address no term should match, so that
            // lookup limits, void lookups and loops are found without an IP.
            auto *walker = new SpfEvaluator(resolver(), m_run);
            addWork();
            walker->checkHost(QHostAddress(QStringLiteral("192.0.2.255")), domain,
                              QStringLiteral("postmaster@") + domain, domain,
                              [this, domain, walker](const SpfEvaluation &evaluation) {
                                  for (const SpfLintIssue &issue : lintSpfEvaluation(evaluation))
                                      emitFinding(
                                          issue.id, issue.status,
                                          tr("The SPF setup of %1 has a problem.").arg(domain),
                                          issue.text, evaluation.queries + evaluation.trace,
                                          basisOf(issue));
                                  walker->deleteLater();
                                  workDone();
                              });
            return;
        }
        const QString fromDomain = MailAddress::domainOf(m_input.fromAddress);
        const QString sender = !m_input.fromAddress.isEmpty() && fromDomain == domain
                                   ? m_input.fromAddress.trimmed()
                                   : QStringLiteral("postmaster@") + domain;
        auto *evaluator = new SpfEvaluator(resolver(), m_run);
        addWork();
        evaluator->checkHost(
            ip, domain, sender, domain,
            [this, domain, ip, evaluator](const SpfEvaluation &evaluation) {
                QStringList evidence = evaluation.queries;
                evidence.append(QStringLiteral("check_host(%1, %2) = %3")
                                    .arg(ip.toString(), domain, spfResultName(evaluation.result)));
                evidence += evaluation.trace;
                const QString ipText = ip.toString();
                const QString via =
                    evaluation.matchPath.size() > 1
                        ? tr(" (through %1)")
                              .arg(evaluation.matchPath.mid(1).join(QStringLiteral(" → ")))
                        : QString();
                switch (evaluation.result) {
                case SpfResult::Pass:
                    emitFinding(QStringLiteral("spf.result"), FindingStatus::Ok,
                                tr("SPF allows %1 to send mail for %2.").arg(ipText, domain),
                                tr("The term \"%1\"%2 matched.").arg(evaluation.matchedTerm, via),
                                evidence);
                    break;
                case SpfResult::Fail:
                    emitFinding(QStringLiteral("spf.result"), FindingStatus::Problem,
                                tr("SPF says %1 may not send mail for %2.").arg(ipText, domain),
                                tr("Receivers may reject this mail. Add the server to the SPF "
                                   "record (for example with ip4:%1 or the include your mail "
                                   "provider documents).")
                                        .arg(ipText) +
                                    (evaluation.explanation.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" ") + tr("The domain explains: \"%1\"")
                                                                     .arg(evaluation.explanation)),
                                evidence);
                    break;
                case SpfResult::SoftFail:
                    emitFinding(QStringLiteral("spf.result"), FindingStatus::Warning,
                                tr("SPF does not list %1 for %2 (softfail).").arg(ipText, domain),
                                tr("Receivers treat such mail with suspicion and often file it "
                                   "as spam. Add the server to the SPF record."),
                                evidence);
                    break;
                case SpfResult::Neutral:
                case SpfResult::None:
                    emitFinding(QStringLiteral("spf.result"), FindingStatus::Warning,
                                tr("SPF neither allows nor forbids %1 for %2 (%3).")
                                    .arg(ipText, domain, spfResultName(evaluation.result)),
                                tr("Mail from this server gets no help from SPF. Add the server "
                                   "to the record and end it with \"~all\" or \"-all\"."),
                                evidence);
                    break;
                case SpfResult::TempError:
                    emitFinding(
                        QStringLiteral("spf.result"), FindingStatus::CouldNotCheck,
                        tr("Could not evaluate SPF for %1: %2.").arg(ipText, evaluation.error),
                        tr("A DNS lookup failed on the way; try again later."), evidence);
                    break;
                case SpfResult::PermError:
                    emitFinding(QStringLiteral("spf.result"), FindingStatus::Problem,
                                tr("SPF for %1 ends in an error (permerror): %2.")
                                    .arg(domain, evaluation.error),
                                tr("Receivers treat a broken SPF setup like a missing one or "
                                   "reject the mail. Fix the record."),
                                evidence);
                    break;
                }
                if (evaluation.result != SpfResult::TempError) {
                    for (const SpfLintIssue &issue : lintSpfEvaluation(evaluation)) {
                        if (issue.id != QLatin1String("spf.void-lookup") ||
                            evaluation.result != SpfResult::PermError)
                            emitFinding(issue.id, issue.status,
                                        tr("The SPF setup of %1 has a problem.").arg(domain),
                                        issue.text, evaluation.trace, basisOf(issue));
                    }
                }
                evaluator->deleteLater();
                workDone();
            });
    });
}

// ---- DKIM -----------------------------------------------------------------------------

void AuthenticationCheck::startDkim(const QString &domain)
{
    QStringList selectors;
    const QString given = m_input.dkimSelector.trimmed().toLower();
    const bool typed = m_input.typed.testFlag(TypedField::DkimSelector) && !given.isEmpty();
    // The signature's selector belongs to the signature's domain: for another domain the user
    // typed it is only a guess among the usual ones.
    const bool signatureFits = m_dkimOrigin != InputOrigin::Typed ||
                               MailAddress::domainOf(m_input.dkimDomain).isEmpty() ||
                               MailAddress::domainOf(m_input.dkimDomain) == domain;
    if (!given.isEmpty() && (typed || signatureFits)) {
        selectors.append(given);
        m_selectorOrigins.insert(given, typed ? InputOrigin::Typed : InputOrigin::DkimSignature);
    }
    for (const AuthenticationResult &result : std::as_const(m_input.authenticationResults)) {
        if (typed)
            break;
        if (result.method == QLatin1String("dkim") && !result.selector.isEmpty() &&
            (result.domain.isEmpty() || MailAddress::domainOf(result.domain) == domain) &&
            !selectors.contains(result.selector.toLower())) {
            selectors.append(result.selector.toLower());
            m_selectorOrigins.insert(result.selector.toLower(), InputOrigin::AuthenticationResults);
        }
    }
    const bool known = !selectors.isEmpty();
    if (!known) {
        selectors = commonDkimSelectors();
        if (!given.isEmpty() && !selectors.contains(given))
            selectors.prepend(given);
        for (const QString &selector : std::as_const(selectors))
            m_selectorOrigins.insert(selector, selector == given ? InputOrigin::DkimSignature
                                                                 : InputOrigin::CommonSelectors);
    }

    struct Tally
    {
        int pending = 0;
        int found = 0;
        QStringList failures;
        QStringList evidence;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = int(selectors.size());
    for (const QString &selector : std::as_const(selectors)) {
        const QString name = selector + QStringLiteral("._domainkey.") + domain;
        lookup(
            name, DnsType::TXT,
            [this, tally, selector, name, domain, known](const DnsAnswer &answer) {
                const QString evidence = dnsEvidence(answer);
                tally->evidence.append(evidence);
                if (!answer.answered()) {
                    tally->failures.append(selector + QStringLiteral(": ") + failureReason(answer));
                    if (known)
                        emitFinding(QStringLiteral("dkim.key.") + selector,
                                    FindingStatus::CouldNotCheck,
                                    tr("Could not fetch the DKIM key \"%1\" of %2: %3.")
                                        .arg(selector, domain, failureReason(answer)),
                                    {}, {evidence});
                } else {
                    QStringList texts;
                    for (const DnsRecord &record : answer.records) {
                        if (record.type == DnsType::TXT)
                            texts.append(txtOf(record));
                    }
                    if (texts.isEmpty()) {
                        if (known)
                            emitFinding(QStringLiteral("dkim.key.") + selector,
                                        FindingStatus::Problem,
                                        tr("No DKIM key is published for selector \"%1\" of %2.")
                                            .arg(selector, domain),
                                        tr("The mail was signed with this selector, but receivers "
                                           "cannot find the key at %1, so the signature fails. "
                                           "Publish the key your mail provider gives you.")
                                            .arg(name),
                                        {evidence}, FindingBasis::DnsAbsence);
                    } else {
                        ++tally->found;
                        const DkimKeyRecord key = parseDkimKeyRecord(texts.first());
                        const QString id = QStringLiteral("dkim.key.") + selector;
                        if (texts.size() > 1) {
                            emitFinding(
                                id, FindingStatus::Problem,
                                tr("Selector \"%1\" of %2 has %3 key records.")
                                    .arg(selector, domain)
                                    .arg(texts.size()),
                                tr("There must be exactly one; receivers may pick the wrong "
                                   "one. Remove the extra records."),
                                {evidence});
                        } else if (!key.isValid()) {
                            emitFinding(id, FindingStatus::Problem,
                                        tr("The DKIM key \"%1\" of %2 is broken: %3.")
                                            .arg(selector, domain, key.error),
                                        tr("Receivers cannot verify signatures made with it. "
                                           "Publish the record exactly as your mail provider gives "
                                           "it."),
                                        {evidence});
                        } else if (key.revoked) {
                            emitFinding(id, FindingStatus::Problem,
                                        tr("The DKIM key \"%1\" of %2 has been revoked (empty p=).")
                                            .arg(selector, domain),
                                        tr("Signatures with this selector always fail. Sign with a "
                                           "current key or publish the key again."),
                                        {evidence});
                        } else if (key.keyType == QLatin1String("rsa") && key.keyBits < 1024) {
                            emitFinding(id, FindingStatus::Warning,
                                        tr("The DKIM key \"%1\" of %2 is only %3 bits long.")
                                            .arg(selector, domain)
                                            .arg(key.keyBits),
                                        tr("Receivers ignore RSA keys under 1024 bits. Generate a "
                                           "2048-bit key."),
                                        {evidence});
                        } else {
                            QString detail = key.keyType == QLatin1String("rsa")
                                                 ? tr("An RSA key of %1 bits.").arg(key.keyBits)
                                                 : tr("An %1 key.").arg(key.keyType);
                            if (key.keyType == QLatin1String("rsa") && key.keyBits < 2048)
                                detail += QLatin1Char(' ') +
                                          tr("2048 bits is recommended when you next rotate it.");
                            if (key.testing())
                                detail += QLatin1Char(' ') +
                                          tr("The key is marked as testing (t=y): some receivers "
                                             "treat its signatures as unsigned.");
                            emitFinding(id, FindingStatus::Ok,
                                        tr("The DKIM key \"%1\" of %2 is published and valid.")
                                            .arg(selector, domain),
                                        detail, {evidence});
                        }
                    }
                }
                if (--tally->pending > 0 || known)
                    return;
                // Guessing common selectors: say something only when none was found.
                if (tally->found > 0)
                    return;
                if (!tally->failures.isEmpty())
                    emitFinding(QStringLiteral("dkim.keys"), FindingStatus::CouldNotCheck,
                                tr("Could not look for DKIM keys of %1.").arg(domain),
                                tally->failures.join(QStringLiteral("; ")), tally->evidence);
                else
                    emitFinding(
                        QStringLiteral("dkim.keys"), FindingStatus::Warning,
                        tr("No DKIM key found for %1 under the usual selectors.").arg(domain),
                        tr("The selector is not known. Look at the DKIM-Signature header of "
                           "a message you sent (s=) and check that selector, or ask your "
                           "mail provider to turn on DKIM signing."),
                        tally->evidence, FindingBasis::DnsAbsence);
            });
    }
}

// ---- DMARC ----------------------------------------------------------------------------

void AuthenticationCheck::startDmarc(const QString &fromDomain)
{
    lookupDmarc(fromDomain, fromDomain, false);
}

void AuthenticationCheck::lookupDmarc(const QString &fromDomain, const QString &queried,
                                      bool isFallback)
{
    const QString name = QStringLiteral("_dmarc.") + queried;
    lookup(name, DnsType::TXT, [this, fromDomain, queried, isFallback](const DnsAnswer &answer) {
        const QStringList evidence{dnsEvidence(answer)};
        if (!answer.answered()) {
            emitFinding(QStringLiteral("dmarc.record"), FindingStatus::CouldNotCheck,
                        tr("Could not check the DMARC policy of %1: %2.")
                            .arg(queried, failureReason(answer)),
                        tr("Try again later or with another DNS server."), evidence);
            // What the receiver saw does not depend on DNS; relaxed is the default mode.
            reportAlignment(fromDomain, false, false);
            return;
        }
        QStringList records;
        for (const DnsRecord &record : answer.records) {
            if (record.type == DnsType::TXT && isDmarcRecordText(txtOf(record)))
                records.append(txtOf(record));
        }
        if (records.isEmpty()) {
            const QString organizational = MailAddress::organizationalDomain(fromDomain);
            if (!isFallback && organizational != fromDomain) {
                lookupDmarc(fromDomain, organizational, true);
                return;
            }
            emitFinding(QStringLiteral("dmarc.record"), FindingStatus::Problem,
                        tr("%1 publishes no DMARC policy.").arg(fromDomain),
                        tr("Large mailbox providers (Gmail, Yahoo, Microsoft) expect one and may "
                           "reject or junk the mail without it. Start with \"v=DMARC1; p=none; "
                           "rua=mailto:...\" at _dmarc.%1.")
                            .arg(MailAddress::organizationalDomain(fromDomain)),
                        evidence, FindingBasis::DnsAbsence);
            reportAlignment(fromDomain, false, false);
            return;
        }
        if (records.size() > 1) {
            emitFinding(QStringLiteral("dmarc.record"), FindingStatus::Problem,
                        tr("%1 publishes %2 DMARC records.").arg(queried).arg(records.size()),
                        tr("Receivers ignore DMARC when there is more than one record. Keep "
                           "exactly one."),
                        evidence);
            reportAlignment(fromDomain, false, false);
            return;
        }
        const DmarcRecord record = parseDmarcRecord(records.first());
        const QString where = isFallback ? tr(" (inherited from %1)").arg(queried) : QString();
        if (!record.isValid()) {
            emitFinding(QStringLiteral("dmarc.record"), FindingStatus::Problem,
                        tr("The DMARC record of %1 is broken: %2.")
                            .arg(queried, record.errors.join(QStringLiteral("; "))),
                        tr("Receivers may ignore a record with errors. Correct it."), evidence);
        } else {
            QString policy = record.policy;
            if (isFallback && !record.subdomainPolicy.isEmpty())
                policy = record.subdomainPolicy;
            QString detail;
            if (policy == QLatin1String("none"))
                detail = tr("The policy is p=none: receivers only report failures and deliver "
                            "the mail anyway.");
            else if (policy == QLatin1String("quarantine"))
                detail = tr("Mail that fails DMARC goes to spam (p=quarantine).");
            else
                detail = tr("Mail that fails DMARC is rejected (p=reject).");
            if (record.percent < 100)
                detail += QLatin1Char(' ') +
                          tr("It applies to %1% of failing mail (pct=%1).").arg(record.percent);
            if (!record.warnings.isEmpty())
                detail += QLatin1Char(' ') + record.warnings.join(QStringLiteral("; "));
            emitFinding(QStringLiteral("dmarc.record"),
                        record.warnings.isEmpty() ? FindingStatus::Ok : FindingStatus::Warning,
                        tr("%1 has a DMARC policy: %2%3.").arg(fromDomain, policy, where), detail,
                        evidence);
            checkReportAuthorization(queried, record.aggregateReports + record.failureReports);
        }
        reportAlignment(fromDomain, record.spfAlignment == QLatin1String("s"),
                        record.dkimAlignment == QLatin1String("s"));
    });
}

void AuthenticationCheck::checkReportAuthorization(const QString &policyDomain,
                                                   const QStringList &uris)
{
    QSet<QString> asked;
    for (const QString &uri : uris) {
        const QString reportDomain = dmarcReportDomain(uri);
        if (reportDomain.isEmpty() ||
            MailAddress::organizationalDomain(reportDomain) ==
                MailAddress::organizationalDomain(policyDomain) ||
            asked.contains(reportDomain))
            continue;
        asked.insert(reportDomain);
        // RFC 7489 §7.1: the report receiver must agree to take reports for this domain.
        const QString name = policyDomain + QStringLiteral("._report._dmarc.") + reportDomain;
        lookup(name, DnsType::TXT, [this, policyDomain, reportDomain](const DnsAnswer &answer) {
            const QString id = QStringLiteral("dmarc.report.") + reportDomain;
            const QStringList evidence{dnsEvidence(answer)};
            if (!answer.answered()) {
                emitFinding(id, FindingStatus::CouldNotCheck,
                            tr("Could not check whether %1 accepts DMARC reports for %2: %3.")
                                .arg(reportDomain, policyDomain, failureReason(answer)),
                            {}, evidence);
                return;
            }
            bool authorized = false;
            for (const DnsRecord &record : answer.records)
                authorized = authorized || isDmarcRecordText(txtOf(record));
            if (authorized)
                emitFinding(id, FindingStatus::Ok,
                            tr("%1 accepts DMARC reports for %2.").arg(reportDomain, policyDomain),
                            {}, evidence);
            else
                emitFinding(
                    id, FindingStatus::Warning,
                    tr("DMARC reports for %1 will not reach %2.").arg(policyDomain, reportDomain),
                    tr("%1 is another domain and has not published "
                       "%2._report._dmarc.%1 with \"v=DMARC1\", so receivers drop the "
                       "reports. Ask the report service to add it.")
                        .arg(reportDomain, policyDomain),
                    evidence, FindingBasis::DnsAbsence);
        });
    }
}

void AuthenticationCheck::reportAlignment(const QString &policyDomain, bool strictSpf,
                                          bool strictDkim)
{
    // The From domain of the message the receiver judged; a policy looked up for another
    // (typed) domain says nothing of its alignment modes, so they are the relaxed default.
    const QString fromDomain = m_alignmentDomain.isEmpty() ? policyDomain : m_alignmentDomain;
    if (fromDomain != policyDomain)
        strictSpf = strictDkim = false;
    QStringList evidence;
    bool anySpf = false;
    bool anyDkim = false;
    QString spfAligned;
    QString dkimAligned;
    QStringList notes;
    for (const AuthenticationResult &result : std::as_const(m_input.authenticationResults)) {
        const QString method = result.method.toLower();
        if (method != QLatin1String("spf") && method != QLatin1String("dkim"))
            continue;
        const QString domain = MailAddress::domainOf(result.domain);
        evidence.append(
            QStringLiteral("%1=%2 %3 (%4)").arg(method, result.result, domain, result.authServId));
        const bool passed = result.result.compare(QLatin1String("pass"), Qt::CaseInsensitive) == 0;
        const bool strict = method == QLatin1String("spf") ? strictSpf : strictDkim;
        const bool aligned = dmarcAligned(domain, fromDomain, strict);
        if (method == QLatin1String("spf"))
            anySpf = true;
        else
            anyDkim = true;
        if (passed && aligned) {
            (method == QLatin1String("spf") ? spfAligned : dkimAligned) = domain;
        } else if (passed) {
            notes.append(tr("%1 passed for %2, but that is not your From domain %3, so it does "
                            "not count for DMARC.")
                             .arg(method.toUpper(), domain, fromDomain));
        } else {
            notes.append(
                tr("%1 did not pass (%2) for %3.")
                    .arg(method.toUpper(), result.result, domain.isEmpty() ? fromDomain : domain));
        }
    }
    if (!anySpf && !anyDkim)
        return;
    if (!spfAligned.isEmpty() || !dkimAligned.isEmpty()) {
        QStringList why;
        if (!spfAligned.isEmpty())
            why.append(tr("SPF passed for %1").arg(spfAligned));
        if (!dkimAligned.isEmpty())
            why.append(tr("DKIM passed for %1").arg(dkimAligned));
        emitFinding(
            QStringLiteral("dmarc.alignment"), FindingStatus::Ok,
            tr("The message passed DMARC alignment for %1.").arg(fromDomain),
            why.join(QStringLiteral("; ")) + tr(", which matches the From domain.") +
                (notes.isEmpty() ? QString() : QLatin1Char(' ') + notes.join(QLatin1Char(' '))),
            evidence, FindingBasis::Input);
        return;
    }
    emitFinding(QStringLiteral("dmarc.alignment"), FindingStatus::Problem,
                tr("Neither SPF nor DKIM passed for the From domain %1.").arg(fromDomain),
                notes.join(QLatin1Char(' ')) + QLatin1Char(' ') +
                    tr("DMARC needs at least one of them to pass for %1 itself (or a "
                       "subdomain of it). Have your mail provider sign with DKIM for %1.")
                        .arg(fromDomain),
                evidence, FindingBasis::Input);
}

} // namespace BounceDoctor
