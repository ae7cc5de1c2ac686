#pragma once

#include "bounce/diagnosis.h"
#include "finding.h"

#include <QObject>

namespace BounceDoctor {

class DnsResolver;

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
};

/// One asynchronous step of the checklist. Emits findings as they come, then finished()
/// exactly once (also after cancel()). Never blocks the event loop.
class Check : public QObject
{
    Q_OBJECT

public:
    explicit Check(DnsResolver *resolver, QObject *parent = nullptr)
        : QObject(parent)
        , m_resolver(resolver)
    {}

    virtual CheckStep step() const = 0;
    virtual void start(const CheckInput &input) = 0;
    virtual void cancel() = 0;

Q_SIGNALS:
    void findingReady(const BounceDoctor::Finding &finding);
    void progress(int done, int total);
    void finished();

protected:
    DnsResolver *resolver() const { return m_resolver; }

private:
    DnsResolver *m_resolver;
};

} // namespace BounceDoctor
