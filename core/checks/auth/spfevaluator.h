#pragma once

#include "dns/dnsresolver.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace BounceDoctor {

enum class SpfResult
{
    None,
    Neutral,
    Pass,
    Fail,
    SoftFail,
    TempError,
    PermError
};

QString spfResultName(SpfResult result); ///< none, neutral, pass, fail, softfail, ...

/// What check_host() concluded, and how.
struct SpfEvaluation
{
    SpfResult result = SpfResult::None;
    QString explanation;   ///< the expanded exp= text on fail, when the domain publishes one
    QString error;         ///< plain words for permerror/temperror
    QString errorKind;     ///< what ended it: dns, dns-terms, void-lookups, loop, syntax, ...
    QString matchedTerm;   ///< the mechanism that decided, e.g. "ip4:192.0.2.0/24"
    QStringList matchPath; ///< domains through which it matched: example.com, _spf.example.net
    QStringList trace;     ///< one readable line per step, indented by include depth
    QStringList queries;   ///< "TXT example.com -> ..." for evidence
    int dnsTerms = 0;      ///< DNS-querying terms evaluated (limit 10)
    int voidLookups = 0;   ///< lookups with no answer (limit 2)
};

/// Asynchronous check_host() of RFC 7208 over a DnsResolver. Several evaluations may run
/// at once; each is a small state machine driven by DNS callbacks.
class SpfEvaluator final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const SpfEvaluation &)>;

    explicit SpfEvaluator(DnsResolver *resolver, QObject *parent = nullptr);
    ~SpfEvaluator() override;

    /// sender is the MAIL FROM address (may be empty: then postmaster@helo is used).
    /// callback runs once, from the event loop, never inside this call.
    void checkHost(const QHostAddress &ip, const QString &domain, const QString &sender,
                   const QString &helo, Callback callback);

    /// Ends every evaluation; their callbacks are not called.
    void cancel();

private:
    struct State;
    struct Frame;
    using FrameDone = std::function<void(SpfResult, const QString &explanation)>;

    void runCheckHost(const std::shared_ptr<State> &state, const QString &domain, int depth,
                      QStringList chain, FrameDone done);
    void runTerm(const std::shared_ptr<State> &state, const std::shared_ptr<Frame> &frame);
    void finishFrame(const std::shared_ptr<State> &state, const std::shared_ptr<Frame> &frame,
                     SpfResult result, const QString &why);
    void lookup(const std::shared_ptr<State> &state, const QString &name, DnsType type,
                std::function<void(const DnsAnswer &)> callback);
    void withValidatedName(const std::shared_ptr<State> &state, const QString &domain,
                           std::function<void()> then);
    void validatedNames(const std::shared_ptr<State> &state,
                        std::function<void(const QStringList &)> then);

    DnsResolver *m_resolver;
    quint64 m_generation = 0;
};

} // namespace BounceDoctor
