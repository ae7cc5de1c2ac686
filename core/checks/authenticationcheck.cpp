#include "authenticationcheck.h"

#include "authrecords.h"
#include "blocklistcheck.h"

#include <QCoreApplication>

namespace BounceDoctor {
namespace {

QString domainOf(const QString &address)
{
    QString domain = address.section(QLatin1Char('@'), -1);
    domain.remove(QLatin1Char('>'));
    domain.remove(QLatin1Char('<'));
    return domain.trimmed().toLower();
}

QStringList spfRecords(const DnsAnswer &answer)
{
    QStringList records;
    for (const DnsRecord &record : answer.records) {
        const QString text = record.texts.join(QString()); // SPF joins strings without spaces
        if (text.startsWith(QLatin1String("v=spf1 "), Qt::CaseInsensitive) ||
            text.compare(QLatin1String("v=spf1"), Qt::CaseInsensitive) == 0)
            records.append(text);
    }
    return records;
}

constexpr int spfLookupLimit = 10;
constexpr int spfVoidLimit = 2;

} // namespace

QStringList AuthenticationCheck::commonSelectors()
{
    return {QStringLiteral("google"),  QStringLiteral("selector1"), QStringLiteral("selector2"),
            QStringLiteral("k1"),      QStringLiteral("s1"),        QStringLiteral("s2"),
            QStringLiteral("default"), QStringLiteral("dkim"),      QStringLiteral("mail")};
}

void AuthenticationCheck::start(const CheckInput &input)
{
    QString domain = input.sendingDomain.trimmed().toLower();
    if (domain.contains(QLatin1Char('@')))
        domain = domainOf(domain);
    const QString fromDomain = input.fromAddress.isEmpty() ? domain : domainOf(input.fromAddress);
    if (domain.isEmpty() && fromDomain.isEmpty()) {
        Finding f;
        f.id = QStringLiteral("auth.input");
        f.status = FindingStatus::CouldNotCheck;
        f.title = tr(
            "Nothing to check: type your sending domain (the part after the @ of your address).");
        report(f);
        finishIfIdle();
        return;
    }
    const QString spfDomain = domain.isEmpty() ? fromDomain : domain;
    checkSpf(spfDomain);

    m_dkimDomain = input.dkimDomain.isEmpty() ? spfDomain : input.dkimDomain.toLower();
    const QStringList selectors =
        input.dkimSelector.isEmpty() ? commonSelectors() : QStringList{input.dkimSelector};
    m_dkimPending = int(selectors.size());
    for (const QString &selector : selectors)
        checkDkim(m_dkimDomain, selector);

    checkDmarc(fromDomain.isEmpty() ? spfDomain : fromDomain, input);
    finishIfIdle();
}

void AuthenticationCheck::checkSpf(const QString &domain)
{
    m_spfPending = 1;
    ask(domain, DnsType::TXT, [this, domain](const DnsAnswer &answer) {
        --m_spfPending;
        Finding f;
        f.id = QStringLiteral("spf.record");
        f.evidence.append(evidence(answer));
        if (!answer.answered()) {
            m_spfFailed = true;
            report(couldNotCheck(f.id, tr("the SPF record of %1").arg(domain), answer));
            return;
        }
        const QStringList records = spfRecords(answer);
        if (records.isEmpty()) {
            f.status = FindingStatus::Problem;
            f.title = answer.status == DnsStatus::NxDomain
                          ? tr("The domain %1 does not exist.").arg(domain)
                          : tr("%1 has no SPF record.").arg(domain);
            f.detail =
                tr("Without SPF, receivers cannot tell which servers may send for your domain, "
                   "and many reject or junk your mail. Publish a TXT record such as "
                   "\"v=spf1 include:<your provider> -all\".");
            report(f);
            return;
        }
        if (records.size() > 1) {
            f.status = FindingStatus::Problem;
            f.title = tr("%1 has %2 SPF records; there must be exactly one.")
                          .arg(domain)
                          .arg(records.size());
            f.detail =
                tr("With several records, SPF fails with a permanent error. Merge them into one.");
            report(f);
            return;
        }
        const QString text = records.first();
        const AuthRecords::SpfRecord spf = AuthRecords::parseSpf(text);
        if (!spf.problems.isEmpty()) {
            f.status = FindingStatus::Problem;
            f.title = tr("The SPF record of %1 has errors: %2.")
                          .arg(domain, spf.problems.join(QStringLiteral("; ")));
            f.detail = tr("Receivers treat a broken SPF record as a permanent error.");
            f.evidence.append(text);
            report(f);
            return;
        }
        if (spf.allQualifier == QLatin1String("+")) {
            f.status = FindingStatus::Problem;
            f.title =
                tr("The SPF record of %1 ends with +all: it lets anyone send as you.").arg(domain);
            f.detail = tr("Replace +all with -all (or ~all while testing).");
        } else if (spf.allQualifier == QLatin1String("?")) {
            f.status = FindingStatus::Warning;
            f.title =
                tr("The SPF record of %1 ends with ?all, which says nothing about other senders.")
                    .arg(domain);
            f.detail = tr("Use -all, or ~all while testing, so receivers can reject forgeries.");
        } else if (spf.allQualifier.isEmpty() && spf.redirect.isEmpty()) {
            f.status = FindingStatus::Warning;
            f.title = tr("The SPF record of %1 has no 'all' at the end.").arg(domain);
            f.detail =
                tr("End the record with -all (or ~all) so it says what to do with other senders.");
        } else {
            f.status = FindingStatus::Ok;
            f.title = tr("%1 publishes an SPF record.").arg(domain);
        }
        f.evidence.append(text);
        report(f);
        if (spf.usesPtr) {
            Finding p;
            p.id = QStringLiteral("spf.ptr");
            p.status = FindingStatus::Warning;
            p.title = tr("The SPF record uses 'ptr', which RFC 7208 says not to use.");
            p.detail = tr("It is slow and unreliable; many receivers ignore it. List your servers "
                          "with ip4/ip6 or include.");
            report(p);
        }
        if (text.size() > 450) {
            Finding s;
            s.id = QStringLiteral("spf.size");
            s.status = FindingStatus::Warning;
            s.title = tr("The SPF record is %1 characters long; answers over 512 bytes may be cut.")
                          .arg(text.size());
            report(s);
        }
        m_spfLookups = spf.lookupTerms;
        m_spfTrace.append(domain + QStringLiteral(": ") + text);
        for (const QString &include : spf.includes)
            followSpf(include, 1, {domain});
        if (!spf.redirect.isEmpty())
            followSpf(spf.redirect, 1, {domain});
        reportSpfLimits();
    });
}

void AuthenticationCheck::followSpf(const QString &domain, int depth, QStringList chain)
{
    if (chain.contains(domain.toLower())) {
        m_spfLoop = true;
        m_spfTrace.append(tr("loop: %1 -> %2").arg(chain.join(QStringLiteral(" -> ")), domain));
        return;
    }
    if (depth > spfLookupLimit || m_spfLookups > spfLookupLimit + 5)
        return; // already over the limit: no need to walk further
    chain.append(domain.toLower());
    ++m_spfPending;
    ask(domain, DnsType::TXT, [this, domain, depth, chain](const DnsAnswer &answer) {
        --m_spfPending;
        if (!answer.answered()) {
            m_spfFailed = true;
            m_spfTrace.append(evidence(answer));
        } else {
            const QStringList records = spfRecords(answer);
            if (records.isEmpty()) {
                ++m_spfVoid;
                m_spfTrace.append(tr("%1: no SPF record (a void lookup)").arg(domain));
            } else {
                const AuthRecords::SpfRecord spf = AuthRecords::parseSpf(records.first());
                m_spfLookups += spf.lookupTerms;
                m_spfTrace.append(QString(depth * 2, QLatin1Char(' ')) + domain +
                                  QStringLiteral(": ") + records.first());
                for (const QString &include : spf.includes)
                    followSpf(include, depth + 1, chain);
                if (!spf.redirect.isEmpty())
                    followSpf(spf.redirect, depth + 1, chain);
            }
        }
        reportSpfLimits();
    });
}

void AuthenticationCheck::reportSpfLimits()
{
    if (m_spfPending > 0)
        return;
    Finding f;
    f.id = QStringLiteral("spf.limits");
    f.evidence = m_spfTrace;
    if (m_spfFailed) {
        f.status = FindingStatus::CouldNotCheck;
        f.title =
            tr("Could not follow every include of the SPF record: a DNS question went unanswered.");
    } else if (m_spfLoop) {
        f.status = FindingStatus::Problem;
        f.title = tr("The SPF record includes itself in a loop.");
        f.detail =
            tr("Receivers stop with a permanent error. Remove the include that points back.");
    } else if (m_spfLookups > spfLookupLimit) {
        f.status = FindingStatus::Problem;
        f.title = tr("The SPF record needs %1 DNS lookups; the limit is 10.").arg(m_spfLookups);
        f.detail = tr("Over 10, SPF fails with a permanent error at every receiver. Remove unused "
                      "includes, or replace some with ip4/ip6 ranges.");
    } else if (m_spfVoid > spfVoidLimit) {
        f.status = FindingStatus::Problem;
        f.title =
            tr("The SPF record has %1 includes that lead nowhere; the limit is 2.").arg(m_spfVoid);
    } else {
        f.status = FindingStatus::Ok;
        f.title = tr("The SPF record needs %1 of the 10 DNS lookups allowed.").arg(m_spfLookups);
    }
    if (m_spfTrace.isEmpty())
        return;
    report(f);
}

void AuthenticationCheck::checkDkim(const QString &domain, const QString &selector)
{
    const QString name = selector + QStringLiteral("._domainkey.") + domain;
    ask(name, DnsType::TXT, [this, name, selector](const DnsAnswer &answer) {
        --m_dkimPending;
        Finding f;
        f.id = QStringLiteral("dkim.") + selector;
        f.evidence.append(evidence(answer));
        if (!answer.answered()) {
            ++m_dkimFailed;
            report(couldNotCheck(f.id, tr("the DKIM key %1").arg(name), answer));
        } else if (!answer.records.isEmpty()) {
            ++m_dkimFound;
            const AuthRecords::DkimKey key =
                AuthRecords::parseDkimKey(answer.records.first().texts.join(QString()));
            if (key.revoked) {
                f.status = FindingStatus::Warning;
                f.title = tr("The DKIM key at selector %1 is revoked (empty p=).").arg(selector);
                f.detail = tr("Mail signed with this selector fails DKIM. Make sure your server "
                              "signs with a current selector.");
            } else if (!key.problems.isEmpty()) {
                f.status = FindingStatus::Problem;
                f.title = tr("The DKIM key at selector %1 is broken: %2.")
                              .arg(selector, key.problems.join(QStringLiteral("; ")));
            } else if (key.keyType == QLatin1String("rsa") && key.bits < 1024) {
                f.status = FindingStatus::Problem;
                f.title =
                    tr("The DKIM key at selector %1 is only %2 bits.").arg(selector).arg(key.bits);
                f.detail =
                    tr("Receivers ignore RSA keys under 1024 bits. Generate a 2048-bit key.");
            } else if (key.keyType == QLatin1String("rsa") && key.bits < 2048) {
                f.status = FindingStatus::Warning;
                f.title = tr("The DKIM key at selector %1 is %2 bits; 2048 is recommended.")
                              .arg(selector)
                              .arg(key.bits);
            } else {
                f.status = FindingStatus::Ok;
                f.title = tr("DKIM key found at selector %1 (%2, %3 bits).")
                              .arg(selector, key.keyType.toUpper())
                              .arg(key.bits);
            }
            report(f);
        }
        if (m_dkimPending == 0 && m_dkimFound == 0 && m_dkimFailed == 0) {
            Finding none;
            none.id = QStringLiteral("dkim.none");
            none.status = FindingStatus::Warning;
            none.title = tr("No DKIM key found for %1 at the selectors tried.").arg(m_dkimDomain);
            none.detail = tr("Your provider may use another selector: it is the s= value in the "
                             "DKIM-Signature header of a message you sent. Type it and run again.");
            report(none);
        }
    });
}

void AuthenticationCheck::checkDmarc(const QString &fromDomain, const CheckInput &input)
{
    ask(QStringLiteral("_dmarc.") + fromDomain, DnsType::TXT,
        [this, fromDomain, input](const DnsAnswer &answer) {
            if (!answer.answered()) {
                report(couldNotCheck(QStringLiteral("dmarc.record"),
                                     tr("the DMARC record of %1").arg(fromDomain), answer));
                return;
            }
            for (const DnsRecord &record : answer.records) {
                const QString text = record.texts.join(QString());
                if (text.startsWith(QLatin1String("v=DMARC1"))) {
                    reportDmarc(fromDomain, fromDomain, text, input);
                    return;
                }
            }
            const QString organization = BlocklistCheck::organizationalDomain(fromDomain);
            if (organization == fromDomain) {
                reportDmarc(fromDomain, fromDomain, {}, input);
                return;
            }
            ask(QStringLiteral("_dmarc.") + organization, DnsType::TXT,
                [this, fromDomain, organization, input](const DnsAnswer &org) {
                    if (!org.answered()) {
                        report(couldNotCheck(QStringLiteral("dmarc.record"),
                                             tr("the DMARC record of %1").arg(organization), org));
                        return;
                    }
                    QString found;
                    for (const DnsRecord &record : org.records) {
                        const QString text = record.texts.join(QString());
                        if (text.startsWith(QLatin1String("v=DMARC1")))
                            found = text;
                    }
                    reportDmarc(organization, fromDomain, found, input);
                });
        });
}

void AuthenticationCheck::reportDmarc(const QString &recordDomain, const QString &fromDomain,
                                      const QString &text, const CheckInput &input)
{
    Finding f;
    f.id = QStringLiteral("dmarc.record");
    if (text.isEmpty()) {
        f.status = FindingStatus::Warning;
        f.title = tr("%1 has no DMARC record.").arg(fromDomain);
        f.detail = tr("Gmail and Yahoo require DMARC from bulk senders. Start with "
                      "\"v=DMARC1; p=none; rua=mailto:<your address>\" at _dmarc.%1.")
                       .arg(fromDomain);
        report(f);
        reportAlignment(fromDomain, input, QStringLiteral("r"), QStringLiteral("r"));
        return;
    }
    const AuthRecords::DmarcRecord dmarc = AuthRecords::parseDmarc(text);
    f.evidence.append(QStringLiteral("_dmarc.%1: %2").arg(recordDomain, text));
    if (!dmarc.problems.isEmpty()) {
        f.status = FindingStatus::Problem;
        f.title = tr("The DMARC record of %1 has errors: %2.")
                      .arg(recordDomain, dmarc.problems.join(QStringLiteral("; ")));
    } else if (dmarc.policy == QLatin1String("none")) {
        f.status = FindingStatus::Warning;
        f.title = tr("%1 has a DMARC record in monitoring mode (p=none).").arg(recordDomain);
        f.detail = tr("It protects nothing yet; move to p=quarantine, then p=reject, once your "
                      "reports show all your mail passes.");
    } else {
        f.status = FindingStatus::Ok;
        f.title = tr("%1 has a DMARC policy of %2.").arg(recordDomain, dmarc.policy);
        if (dmarc.percent < 100)
            f.detail = tr("It applies to %1% of failing mail (pct).").arg(dmarc.percent);
    }
    report(f);

    // Reports sent to another organization's address need that domain's consent (RFC 7489 7.1).
    for (const QString &uri : dmarc.aggregateReports) {
        const QString target = domainOf(uri.mid(7).section(QLatin1Char('!'), 0, 0));
        if (BlocklistCheck::organizationalDomain(target) ==
            BlocklistCheck::organizationalDomain(recordDomain))
            continue;
        const QString name = recordDomain + QStringLiteral("._report._dmarc.") + target;
        ask(name, DnsType::TXT, [this, name, target](const DnsAnswer &answer) {
            Finding r;
            r.id = QStringLiteral("dmarc.rua.") + target;
            r.evidence.append(evidence(answer));
            if (!answer.answered()) {
                report(couldNotCheck(r.id, name, answer));
                return;
            }
            bool authorized = false;
            for (const DnsRecord &record : answer.records)
                authorized = authorized ||
                             record.texts.join(QString()).startsWith(QLatin1String("v=DMARC1"));
            r.status = authorized ? FindingStatus::Ok : FindingStatus::Warning;
            r.title = authorized
                          ? tr("%1 agrees to receive your DMARC reports.").arg(target)
                          : tr("%1 has not agreed to receive your DMARC reports (no %2 record).")
                                .arg(target, name);
            report(r);
        });
    }
    reportAlignment(fromDomain, input, dmarc.dkimAlignment, dmarc.spfAlignment);
}

void AuthenticationCheck::reportAlignment(const QString &fromDomain, const CheckInput &input,
                                          const QString &adkim, const QString &aspf)
{
    if (input.authenticationResults.isEmpty())
        return;
    auto aligned = [&](const QString &domain, const QString &mode) {
        if (domain.isEmpty())
            return false;
        if (mode == QLatin1String("s"))
            return domain.compare(fromDomain, Qt::CaseInsensitive) == 0;
        return BlocklistCheck::organizationalDomain(domain) ==
               BlocklistCheck::organizationalDomain(fromDomain);
    };
    bool spfPass = false;
    bool spfAligned = false;
    bool dkimPass = false;
    bool dkimAligned = false;
    for (const AuthenticationResult &r : input.authenticationResults) {
        if (r.method == QLatin1String("spf") && r.result == QLatin1String("pass")) {
            spfPass = true;
            spfAligned = spfAligned || aligned(r.domain, aspf);
        } else if (r.method == QLatin1String("dkim") && r.result == QLatin1String("pass")) {
            dkimPass = true;
            dkimAligned = dkimAligned || aligned(r.domain, adkim);
        }
    }
    Finding f;
    f.id = QStringLiteral("dmarc.alignment");
    for (const AuthenticationResult &r : input.authenticationResults)
        f.evidence.append(
            QStringLiteral("%1=%2 %3 (%4)").arg(r.method, r.result, r.domain, r.authServId));
    if (spfAligned || dkimAligned) {
        f.status = FindingStatus::Ok;
        f.title =
            spfAligned && dkimAligned
                ? tr("The message passed SPF and DKIM for %1 (aligned).").arg(fromDomain)
            : spfAligned
                ? tr("The message passed SPF aligned with %1; DKIM did not align.").arg(fromDomain)
                : tr("The message passed DKIM aligned with %1; SPF did not align.").arg(fromDomain);
    } else {
        f.status = FindingStatus::Problem;
        f.title = tr("Neither SPF nor DKIM passed for the From domain %1, so DMARC fails.")
                      .arg(fromDomain);
        f.detail =
            spfPass || dkimPass
                ? tr("A check passed, but for another domain (for example your mail service's). "
                     "Sign with DKIM for %1, or send from an envelope address in %1.")
                      .arg(fromDomain)
                : tr("Fix SPF and DKIM for the server that sent this message.");
    }
    report(f);
}

} // namespace BounceDoctor
