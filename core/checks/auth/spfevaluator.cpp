#include "spfevaluator.h"

#include "common/enumnames.h"
#include "spfrecord.h"

#include <QCoreApplication>
#include <QPointer>

namespace BounceDoctor {

namespace {

constexpr int kMaxDnsTerms = 10;
constexpr int kMaxVoidLookups = 2;
constexpr int kMaxMxOrPtrNames = 10;

bool isDnsError(const DnsAnswer &answer)
{
    return !answer.answered();
}

// §4.3: a malformed or single-label domain makes check_host() return none.
bool isUsableDomain(const QString &domain)
{
    QString d = domain;
    if (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    if (d.isEmpty() || d.size() > 253 || !d.contains(QLatin1Char('.')))
        return false;
    const QStringList labels = d.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63)
            return false;
    }
    return true;
}

QString stripDot(QString name)
{
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

QString reverseName(const QHostAddress &ip)
{
    if (ip.protocol() == QAbstractSocket::IPv4Protocol) {
        QStringList parts = ip.toString().split(QLatin1Char('.'));
        std::reverse(parts.begin(), parts.end());
        return parts.join(QLatin1Char('.')) + QStringLiteral(".in-addr.arpa");
    }
    const Q_IPV6ADDR bytes = ip.toIPv6Address();
    QStringList nibbles;
    for (int i = 15; i >= 0; --i) {
        nibbles.append(QString::number(bytes[i] & 0x0f, 16));
        nibbles.append(QString::number(bytes[i] >> 4, 16));
    }
    return nibbles.join(QLatin1Char('.')) + QStringLiteral(".ip6.arpa");
}

SpfResult resultOf(SpfQualifier qualifier)
{
    switch (qualifier) {
    case SpfQualifier::Pass:
        return SpfResult::Pass;
    case SpfQualifier::Fail:
        return SpfResult::Fail;
    case SpfQualifier::SoftFail:
        return SpfResult::SoftFail;
    case SpfQualifier::Neutral:
        return SpfResult::Neutral;
    }
    return SpfResult::Neutral;
}

bool addressMatches(const QHostAddress &ip, const QString &value, int cidr4, int cidr6)
{
    const QHostAddress candidate = spfNormalizedAddress(QHostAddress(value));
    if (candidate.isNull() || candidate.protocol() != ip.protocol())
        return false;
    const int prefix = ip.protocol() == QAbstractSocket::IPv4Protocol ? cidr4 : cidr6;
    return ip.isInSubnet(candidate, prefix);
}

// Notes what kind of limit or error ended the evaluation, for the linter.
template<typename StatePtr>
QString kind(const StatePtr &state, const char *name, const QString &text)
{
    state->evaluation.errorKind = QString::fromLatin1(name);
    return text;
}

} // namespace

constexpr std::array spfResultNames{
    std::pair{SpfResult::None, "none"},           std::pair{SpfResult::Neutral, "neutral"},
    std::pair{SpfResult::Pass, "pass"},           std::pair{SpfResult::Fail, "fail"},
    std::pair{SpfResult::SoftFail, "softfail"},   std::pair{SpfResult::TempError, "temperror"},
    std::pair{SpfResult::PermError, "permerror"},
};

QString spfResultName(SpfResult result)
{
    return enumName(spfResultNames, result);
}

struct SpfEvaluator::State
{
    quint64 generation = 0;
    SpfMacroContext macros;
    QHostAddress ip;
    SpfEvaluation evaluation;
    bool validatedNameKnown = false;
    bool finished = false;
    Callback callback;
};

struct SpfEvaluator::Frame
{
    QString domain;
    SpfRecord record;
    int index = 0;
    int depth = 0;
    QStringList chain; ///< domains from the top record down to this one
    FrameDone done;
};

SpfEvaluator::SpfEvaluator(DnsResolver *resolver, QObject *parent)
    : QObject(parent)
    , m_resolver(resolver)
{}

SpfEvaluator::~SpfEvaluator() = default;

void SpfEvaluator::cancel()
{
    ++m_generation;
}

void SpfEvaluator::lookup(const std::shared_ptr<State> &state, const QString &name, DnsType type,
                          std::function<void(const DnsAnswer &)> callback)
{
    m_resolver->lookup(name, type, this,
                       [this, state, callback = std::move(callback)](const DnsAnswer &answer) {
                           if (state->finished || state->generation != m_generation)
                               return;
                           state->evaluation.queries.append(dnsEvidence(answer));
                           callback(answer);
                       });
}

void SpfEvaluator::checkHost(const QHostAddress &ip, const QString &domain, const QString &sender,
                             const QString &helo, Callback callback)
{
    auto state = std::make_shared<State>();
    state->generation = m_generation;
    state->callback = std::move(callback);
    state->ip = spfNormalizedAddress(ip);
    QString mailFrom = sender;
    if (mailFrom.isEmpty())
        mailFrom = QStringLiteral("postmaster@") + helo;
    else if (mailFrom.startsWith(QLatin1Char('@')))
        mailFrom.prepend(QStringLiteral("postmaster"));
    else if (!mailFrom.contains(QLatin1Char('@')))
        mailFrom = QStringLiteral("postmaster@") + mailFrom;
    state->macros.sender = mailFrom;
    state->macros.ip = state->ip;
    state->macros.helo = helo;

    runCheckHost(state, domain, 0, {}, [this, state](SpfResult result, const QString &exp) {
        state->evaluation.result = result;
        state->evaluation.explanation = exp;
        state->finished = true;
        // Queued, so that a result known at once (an unusable domain) still arrives after
        // checkHost() returns, like every other.
        QMetaObject::invokeMethod(
            this,
            [this, state] {
                if (state->generation == m_generation)
                    state->callback(state->evaluation);
            },
            Qt::QueuedConnection);
    });
}

void SpfEvaluator::runCheckHost(const std::shared_ptr<State> &state, const QString &domain,
                                int depth, QStringList chain, FrameDone done)
{
    const QString indent(depth * 2, QLatin1Char(' '));
    if (!isUsableDomain(domain)) {
        state->evaluation.trace.append(indent + tr("%1: not a usable domain name").arg(domain));
        done(SpfResult::None, {});
        return;
    }
    chain.append(domain);
    lookup(
        state, domain, DnsType::TXT,
        [this, state, domain, depth, chain, done, indent](const DnsAnswer &answer) {
            if (isDnsError(answer)) {
                state->evaluation.errorKind = QStringLiteral("dns");
                state->evaluation.error =
                    tr("the DNS lookup of %1 failed (%2)").arg(domain, answer.errorText);
                state->evaluation.trace.append(indent + domain + QStringLiteral(": ") +
                                               state->evaluation.error);
                done(SpfResult::TempError, {});
                return;
            }
            QStringList spf;
            for (const DnsRecord &record : answer.records) {
                const QString text =
                    record.texts.isEmpty() ? record.value : record.texts.join(QString());
                if (isSpfRecordText(text))
                    spf.append(text);
            }
            if (spf.isEmpty()) {
                state->evaluation.trace.append(indent + tr("%1: no SPF record").arg(domain));
                done(SpfResult::None, {});
                return;
            }
            if (spf.size() > 1) {
                state->evaluation.errorKind = QStringLiteral("multiple-records");
                state->evaluation.error = tr("%1 publishes %2 SPF records; only one is allowed")
                                              .arg(domain)
                                              .arg(spf.size());
                state->evaluation.trace.append(indent + state->evaluation.error);
                done(SpfResult::PermError, {});
                return;
            }
            state->evaluation.trace.append(indent + domain + QStringLiteral(": ") + spf.first());
            auto frame = std::make_shared<Frame>();
            frame->domain = domain;
            frame->record = parseSpfRecord(spf.first());
            frame->depth = depth;
            frame->chain = chain;
            frame->done = done;
            if (!frame->record.isValid()) {
                state->evaluation.errorKind = QStringLiteral("syntax");
                state->evaluation.error =
                    tr("syntax error in the SPF record of %1: %2").arg(domain, frame->record.error);
                state->evaluation.trace.append(indent + state->evaluation.error);
                done(SpfResult::PermError, {});
                return;
            }
            runTerm(state, frame);
        });
}

void SpfEvaluator::finishFrame(const std::shared_ptr<State> &state,
                               const std::shared_ptr<Frame> &frame, SpfResult result,
                               const QString &why)
{
    const QString indent(frame->depth * 2 + 2, QLatin1Char(' '));
    if (!why.isEmpty()) {
        if (result == SpfResult::PermError || result == SpfResult::TempError)
            state->evaluation.error = why;
        state->evaluation.trace.append(indent + why);
    }
    if (result != SpfResult::Fail || !frame->record.explanation) {
        frame->done(result, {});
        return;
    }
    // §6.2: the explanation is best effort; any problem just leaves it out.
    const QString spec = *frame->record.explanation;
    withValidatedName(state, frame->domain, [this, state, frame, spec] {
        SpfMacroContext macros = state->macros;
        macros.domain = frame->domain;
        const auto target = expandSpfMacros(spec, macros, false);
        if (!target || !isUsableDomain(*target)) {
            frame->done(SpfResult::Fail, {});
            return;
        }
        lookup(state, *target, DnsType::TXT, [state, frame, macros](const DnsAnswer &answer) {
            if (answer.status != DnsStatus::Ok || answer.records.size() != 1) {
                frame->done(SpfResult::Fail, {});
                return;
            }
            const DnsRecord &record = answer.records.first();
            const QString text =
                record.texts.isEmpty() ? record.value : record.texts.join(QString());
            const auto explanation = expandSpfMacros(text, macros, true);
            frame->done(SpfResult::Fail, explanation.value_or(QString()));
        });
    });
}

void SpfEvaluator::withValidatedName(const std::shared_ptr<State> &state, const QString &domain,
                                     std::function<void()> then)
{
    if (state->validatedNameKnown) {
        then();
        return;
    }
    validatedNames(state, [state, domain, then](const QStringList &names) {
        state->validatedNameKnown = true;
        QString chosen;
        for (const QString &name : names) {
            if (name.compare(domain, Qt::CaseInsensitive) == 0 ||
                name.endsWith(QLatin1Char('.') + domain, Qt::CaseInsensitive)) {
                chosen = name;
                break;
            }
        }
        if (chosen.isEmpty() && !names.isEmpty())
            chosen = names.first();
        state->macros.validatedName = chosen.isEmpty() ? QStringLiteral("unknown") : chosen;
        then();
    });
}

void SpfEvaluator::validatedNames(const std::shared_ptr<State> &state,
                                  std::function<void(const QStringList &)> then)
{
    lookup(state, reverseName(state->ip), DnsType::PTR, [this, state, then](const DnsAnswer &ptr) {
        QStringList names;
        for (const DnsRecord &record : ptr.records) {
            if (record.type == DnsType::PTR && names.size() < kMaxMxOrPtrNames)
                names.append(stripDot(record.value));
        }
        if (ptr.status != DnsStatus::Ok || names.isEmpty()) {
            then({});
            return;
        }
        auto pending = std::make_shared<int>(int(names.size()));
        auto valid = std::make_shared<QList<bool>>(names.size(), false);
        const DnsType type =
            state->ip.protocol() == QAbstractSocket::IPv4Protocol ? DnsType::A : DnsType::AAAA;
        for (int i = 0; i < names.size(); ++i) {
            lookup(state, names.at(i), type,
                   [state, names, pending, valid, i, then](const DnsAnswer &a) {
                       for (const DnsRecord &record : a.records) {
                           if (addressMatches(state->ip, record.value, 32, 128))
                               (*valid)[i] = true;
                       }
                       if (--*pending == 0) {
                           QStringList validated;
                           for (int j = 0; j < names.size(); ++j) {
                               if (valid->at(j))
                                   validated.append(names.at(j));
                           }
                           then(validated);
                       }
                   });
        }
    });
}

void SpfEvaluator::runTerm(const std::shared_ptr<State> &state, const std::shared_ptr<Frame> &frame)
{
    const QString indent(frame->depth * 2 + 2, QLatin1Char(' '));
    SpfEvaluation &evaluation = state->evaluation;

    if (frame->index >= frame->record.terms.size()) {
        if (!frame->record.redirect) {
            evaluation.trace.append(indent + tr("no mechanism matched: neutral"));
            frame->done(SpfResult::Neutral, {});
            return;
        }
        if (++evaluation.dnsTerms > kMaxDnsTerms) {
            finishFrame(
                state, frame, SpfResult::PermError,
                kind(state, "dns-terms", tr("more than %1 DNS-querying terms")).arg(kMaxDnsTerms));
            return;
        }
        const QString spec = *frame->record.redirect;
        withValidatedName(state, frame->domain, [this, state, frame, spec, indent] {
            SpfMacroContext macros = state->macros;
            macros.domain = frame->domain;
            const auto target = expandSpfMacros(spec, macros, false);
            if (!target) {
                finishFrame(state, frame, SpfResult::PermError,
                            kind(state, "syntax", tr("bad redirect target")));
                return;
            }
            const QString domain = stripDot(*target);
            state->evaluation.trace.append(indent + QStringLiteral("redirect=") + domain);
            if (frame->chain.contains(domain, Qt::CaseInsensitive)) {
                finishFrame(state, frame, SpfResult::PermError,
                            kind(state, "loop", tr("redirect loop back to %1")).arg(domain));
                return;
            }
            // The redirected record replaces this one, explanation included.
            runCheckHost(state, domain, frame->depth + 1, frame->chain,
                         [frame](SpfResult result, const QString &exp) {
                             frame->done(result == SpfResult::None ? SpfResult::PermError : result,
                                         exp);
                         });
        });
        return;
    }

    const SpfTerm term = frame->record.terms.at(frame->index);
    if (term.queriesDns() && ++evaluation.dnsTerms > kMaxDnsTerms) {
        finishFrame(state, frame, SpfResult::PermError,
                    kind(state, "dns-terms", tr("more than %1 DNS-querying terms (at %2)"))
                        .arg(kMaxDnsTerms)
                        .arg(term.text));
        return;
    }

    // Continuations shared by every mechanism.
    auto matched = [this, state, frame, term, indent] {
        state->evaluation.trace.append(indent + term.text + QStringLiteral(" matched: ") +
                                       spfResultName(resultOf(term.qualifier)));
        // An include that matched keeps the included record's deciding term.
        if (term.mechanism != SpfMechanism::Include) {
            state->evaluation.matchedTerm = term.text;
            state->evaluation.matchPath = frame->chain;
        }
        finishFrame(state, frame, resultOf(term.qualifier), {});
    };
    auto notMatched = [this, state, frame, term, indent] {
        state->evaluation.trace.append(indent + term.text + QStringLiteral(": no match"));
        ++frame->index;
        runTerm(state, frame);
    };
    auto tempError = [this, state, frame, term](const DnsAnswer &answer) {
        finishFrame(state, frame, SpfResult::TempError,
                    kind(state, "dns",
                         tr("DNS lookup of %1 failed (%2) at %3")
                             .arg(answer.name, answer.errorText, term.text)));
    };
    // A lookup that found nothing counts against the void lookup limit (§4.6.4).
    auto isVoid = [state](const DnsAnswer &answer) {
        const bool empty = answer.status == DnsStatus::NxDomain || answer.records.isEmpty();
        if (empty)
            ++state->evaluation.voidLookups;
        return empty;
    };

    const bool isV4 = state->ip.protocol() == QAbstractSocket::IPv4Protocol;
    const DnsType addressType = isV4 ? DnsType::A : DnsType::AAAA;

    auto withTarget = [this, state, frame, term](std::function<void(const QString &)> use) {
        const QString spec = term.domainSpec;
        auto expand = [this, state, frame, spec, use] {
            if (spec.isEmpty()) {
                use(frame->domain);
                return;
            }
            SpfMacroContext macros = state->macros;
            macros.domain = frame->domain;
            QString error;
            const auto target = expandSpfMacros(spec, macros, false, &error);
            if (!target) {
                finishFrame(state, frame, SpfResult::PermError, error);
                return;
            }
            use(stripDot(*target));
        };
        if (spec.contains(QLatin1String("%{p"), Qt::CaseInsensitive))
            withValidatedName(state, frame->domain, expand);
        else
            expand();
    };

    switch (term.mechanism) {
    case SpfMechanism::All:
        matched();
        return;
    case SpfMechanism::Ip4:
    case SpfMechanism::Ip6: {
        const bool wantV4 = term.mechanism == SpfMechanism::Ip4;
        if (wantV4 == isV4 && state->ip.isInSubnet(term.network, wantV4 ? term.cidr4 : term.cidr6))
            matched();
        else
            notMatched();
        return;
    }
    case SpfMechanism::A:
        withTarget([=, this](const QString &target) {
            lookup(state, target, addressType, [=, this](const DnsAnswer &answer) {
                if (isDnsError(answer))
                    return tempError(answer);
                if (isVoid(answer) && state->evaluation.voidLookups > kMaxVoidLookups)
                    return finishFrame(state, frame, SpfResult::PermError,
                                       kind(state, "void-lookups", tr("more than %1 void lookups"))
                                           .arg(kMaxVoidLookups));
                for (const DnsRecord &record : answer.records) {
                    if (record.type == addressType &&
                        addressMatches(state->ip, record.value, term.cidr4, term.cidr6))
                        return matched();
                }
                notMatched();
            });
        });
        return;
    case SpfMechanism::Exists:
        withTarget([=, this](const QString &target) {
            lookup(state, target, DnsType::A, [=, this](const DnsAnswer &answer) {
                if (isDnsError(answer))
                    return tempError(answer);
                if (isVoid(answer)) {
                    if (state->evaluation.voidLookups > kMaxVoidLookups)
                        return finishFrame(
                            state, frame, SpfResult::PermError,
                            kind(state, "void-lookups", tr("more than %1 void lookups"))
                                .arg(kMaxVoidLookups));
                    return notMatched();
                }
                matched();
            });
        });
        return;
    case SpfMechanism::Mx:
        withTarget([=, this](const QString &target) {
            lookup(state, target, DnsType::MX, [=, this](const DnsAnswer &answer) {
                if (isDnsError(answer))
                    return tempError(answer);
                if (isVoid(answer)) {
                    if (state->evaluation.voidLookups > kMaxVoidLookups)
                        return finishFrame(
                            state, frame, SpfResult::PermError,
                            kind(state, "void-lookups", tr("more than %1 void lookups"))
                                .arg(kMaxVoidLookups));
                    return notMatched();
                }
                QStringList hosts;
                for (const DnsRecord &record : answer.records) {
                    if (record.type == DnsType::MX)
                        hosts.append(stripDot(record.value));
                }
                if (hosts.size() > kMaxMxOrPtrNames)
                    return finishFrame(state, frame, SpfResult::PermError,
                                       kind(state, "mx-limit", tr("%1 has more than %2 MX records"))
                                           .arg(target)
                                           .arg(kMaxMxOrPtrNames));
                if (hosts.isEmpty())
                    return notMatched();
                auto pending = std::make_shared<int>(int(hosts.size()));
                auto found = std::make_shared<bool>(false);
                auto failed = std::make_shared<std::optional<DnsAnswer>>();
                for (const QString &host : hosts) {
                    lookup(state, host, addressType, [=](const DnsAnswer &a) {
                        if (isDnsError(a))
                            *failed = a;
                        for (const DnsRecord &record : a.records) {
                            if (record.type == addressType &&
                                addressMatches(state->ip, record.value, term.cidr4, term.cidr6))
                                *found = true;
                        }
                        if (--*pending > 0)
                            return;
                        if (*found)
                            return matched();
                        if (*failed)
                            return tempError(**failed);
                        notMatched();
                    });
                }
            });
        });
        return;
    case SpfMechanism::Ptr:
        withTarget([=, this](const QString &target) {
            validatedNames(state, [=](const QStringList &names) {
                for (const QString &name : names) {
                    if (name.compare(target, Qt::CaseInsensitive) == 0 ||
                        name.endsWith(QLatin1Char('.') + target, Qt::CaseInsensitive))
                        return matched();
                }
                notMatched();
            });
        });
        return;
    case SpfMechanism::Include:
        withTarget([=, this](const QString &target) {
            if (frame->chain.contains(target, Qt::CaseInsensitive))
                return finishFrame(state, frame, SpfResult::PermError,
                                   kind(state, "loop", tr("include loop back to %1")).arg(target));
            runCheckHost(state, target, frame->depth + 1, frame->chain,
                         [=, this](SpfResult result, const QString &) {
                             switch (result) {
                             case SpfResult::Pass:
                                 return matched();
                             case SpfResult::Fail:
                             case SpfResult::SoftFail:
                             case SpfResult::Neutral:
                                 return notMatched();
                             case SpfResult::TempError:
                                 return finishFrame(state, frame, SpfResult::TempError, {});
                             case SpfResult::None:
                                 return finishFrame(state, frame, SpfResult::PermError,
                                                    kind(state, "include-none",
                                                         tr("%1 has no SPF record for the include"))
                                                        .arg(target));
                             case SpfResult::PermError:
                                 return finishFrame(state, frame, SpfResult::PermError, {});
                             }
                         });
        });
        return;
    }
}

} // namespace BounceDoctor
