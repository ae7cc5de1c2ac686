#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace BounceDoctor {

enum class DnsType
{
    A,
    AAAA,
    MX,
    TXT,
    PTR,
    CNAME,
    NS
};

/// How a query ended. Ok with no records is NODATA. Everything after NxDomain means the
/// question could not be answered: a check must report "could not check", never pass or fail.
enum class DnsStatus
{
    Ok,
    NxDomain,
    Timeout,
    ServFail,
    Refused,
    NoNetwork,
    Malformed,
    Cancelled,
    Error
};

struct DnsRecord
{
    QString name;
    DnsType type = DnsType::A;
    QString value;      ///< address, host name (MX exchange, PTR, CNAME, NS), or TXT strings joined
    QStringList texts;  ///< TXT: the record's character-strings, unjoined
    int preference = 0; ///< MX
    quint32 ttl = 0;
};

struct DnsAnswer
{
    QString name;
    DnsType type = DnsType::A;
    DnsStatus status = DnsStatus::Ok;
    QString errorText; ///< plain words when status is not Ok/NxDomain
    QString server;    ///< which server answered, for evidence
    QList<DnsRecord> records;

    bool answered() const { return status == DnsStatus::Ok || status == DnsStatus::NxDomain; }
};

QString dnsTypeName(DnsType type);
QString dnsStatusName(DnsStatus status);

/// An answer as one line of a finding's evidence, the question and what came back:
/// "MX example.com -> 10 mx1.example.com, 20 mx2.example.com (127.0.0.1)",
/// "A x.example -> NXDOMAIN", "TXT y.example -> timeout (no answer in 5 s)".
QString dnsEvidence(const DnsAnswer &answer);

/// Asynchronous DNS. Callbacks run on the resolver's thread (the Qt event loop), never
/// inside lookup(); they are dropped when context is destroyed first.
class DnsResolver : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const DnsAnswer &)>;

    using QObject::QObject;
    ~DnsResolver() override = default;

    virtual void lookup(const QString &name, DnsType type, QObject *context, Callback callback) = 0;

    /// Ends every query in flight; their callbacks get status Cancelled.
    virtual void cancelAll() = 0;
};

} // namespace BounceDoctor
