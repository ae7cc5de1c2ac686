#pragma once

#include "bounce/diagnosis.h"
#include "dns/dnsresolver.h"
#include "finding.h"

#include <QObject>

#include <functional>

namespace BounceDoctor {

/// The inputs a user can type; what they typed wins over what the bounce says.
enum class TypedField
{
    Recipient = 0x1,
    SendingIp = 0x2,
    SendingDomain = 0x4, ///< then SPF, DKIM and DMARC all check this domain
    DkimSelector = 0x8
};
Q_DECLARE_FLAGS(TypedFields, TypedField)
Q_DECLARE_OPERATORS_FOR_FLAGS(TypedFields)

/// What the checks work on: taken from a diagnosis, each field editable by the user.
struct CheckInput
{
    QString recipient;
    QString sendingIp;
    QString sendingDomain; ///< envelope/From domain of the sender
    QString fromAddress;   ///< the original's From, for DMARC alignment
    QString dkimDomain;
    QString dkimSelector;
    QList<AuthenticationResult> authenticationResults;
    RecipientDiagnosis diagnosis; ///< the failure the checks are about (for the draft and advice)
    BounceMessage message;        ///< the whole bounce, when there is one
    TypedFields typed;            ///< which of the fields above the user typed

    /// Where the sending domain came from: typed, the From address, or the bounce.
    InputOrigin sendingDomainOrigin() const;
};

/// One asynchronous step of the checklist. Emits findings as they come, then finished()
/// exactly once (also after cancel()). Never blocks the event loop.
class Check : public QObject
{
    Q_OBJECT

public:
    explicit Check(DnsResolver *resolver, QObject *parent = nullptr);

    virtual CheckStep step() const = 0;
    virtual void start(const CheckInput &input) = 0;
    /// Stops the check: no more findings, finished() at once. Queries still in flight are
    /// ignored when they answer (the runner cancels them in the resolver).
    virtual void cancel();
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void findingReady(const BounceDoctor::Finding &finding);
    void progress(int done, int total);
    void finished();

protected:
    DnsResolver *resolver() const { return m_resolver; }

    /// Asks DNS and calls handler with the answer, unless the check was cancelled meanwhile.
    /// When the last outstanding answer has been handled, the check finishes by itself.
    void ask(const QString &name, DnsType type, std::function<void(const DnsAnswer &)> handler);
    void report(Finding finding);
    /// For checks without DNS work, or after reporting that nothing could be asked.
    void finishIfIdle();
    /// What every finding of this check checked, unless the finding says otherwise.
    void setChecked(QList<CheckedValue> checked) { m_checked = std::move(checked); }
    static InputOrigin originOf(const CheckInput &input, TypedField field)
    {
        return input.typed.testFlag(field) ? InputOrigin::Typed : InputOrigin::Bounce;
    }

    /// A finding for an answer that could not be had: never a pass, never a fail.
    static Finding couldNotCheck(const QString &id, const QString &what, const DnsAnswer &answer);

private:
    DnsResolver *m_resolver;
    QList<CheckedValue> m_checked;
    int m_asked = 0;
    int m_answered = 0;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace BounceDoctor
