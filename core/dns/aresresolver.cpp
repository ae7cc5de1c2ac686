#include "aresresolver.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <ares.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <mutex>

Q_LOGGING_CATEGORY(lcAres, "bouncedoctor.dns.ares", QtInfoMsg)

namespace BounceDoctor {

struct AresChannel
{
    ares_channel channel = nullptr;
};

namespace {

int typeCode(DnsType type)
{
    switch (type) {
    case DnsType::A:
        return ns_t_a;
    case DnsType::AAAA:
        return ns_t_aaaa;
    case DnsType::MX:
        return ns_t_mx;
    case DnsType::TXT:
        return ns_t_txt;
    case DnsType::PTR:
        return ns_t_ptr;
    case DnsType::CNAME:
        return ns_t_cname;
    case DnsType::NS:
        return ns_t_ns;
    }
    return ns_t_a;
}

DnsStatus statusOf(int code, QString *text)
{
    *text = QString::fromUtf8(ares_strerror(code));
    switch (code) {
    case ARES_SUCCESS:
    case ARES_ENODATA:
        return DnsStatus::Ok;
    case ARES_ENOTFOUND:
        return DnsStatus::NxDomain;
    case ARES_ETIMEOUT:
        *text = AresResolver::tr("no answer from the DNS server in time");
        return DnsStatus::Timeout;
    case ARES_ESERVFAIL:
        *text = AresResolver::tr("the DNS server failed to answer (SERVFAIL)");
        return DnsStatus::ServFail;
    case ARES_EREFUSED:
        *text = AresResolver::tr("the DNS server refused the query (REFUSED)");
        return DnsStatus::Refused;
    case ARES_ECONNREFUSED:
        *text = AresResolver::tr("could not reach the DNS server (connection refused)");
        return DnsStatus::NoNetwork;
    case ARES_EBADRESP:
    case ARES_EFORMERR:
        *text = AresResolver::tr("the DNS server sent an answer that cannot be read");
        return DnsStatus::Malformed;
    case ARES_EBADNAME:
    case ARES_EBADQUERY:
        return DnsStatus::Malformed;
    case ARES_ECANCELLED:
    case ARES_EDESTRUCTION:
        return DnsStatus::Cancelled;
    default:
        return DnsStatus::Error;
    }
}

QString addressText(int family, const void *address)
{
    char buffer[INET6_ADDRSTRLEN] = {};
    inet_ntop(family, address, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

// Turns a successful answer into records. Returns a c-ares status (ENODATA for no records).
int parseAnswer(DnsType type, const unsigned char *buffer, int length, const QString &name,
                QList<DnsRecord> &records)
{
    auto add = [&](const QString &value, quint32 ttl = 0, int preference = 0) {
        DnsRecord record;
        record.name = name;
        record.type = type;
        record.value = value;
        record.ttl = ttl;
        record.preference = preference;
        records.append(record);
    };
    int status = ARES_SUCCESS;
    switch (type) {
    case DnsType::A: {
        ares_addrttl addresses[64];
        int count = 64;
        hostent *host = nullptr;
        status = ares_parse_a_reply(buffer, length, &host, addresses, &count);
        if (host)
            ares_free_hostent(host);
        for (int i = 0; status == ARES_SUCCESS && i < count; ++i)
            add(addressText(AF_INET, &addresses[i].ipaddr), quint32(addresses[i].ttl));
        break;
    }
    case DnsType::AAAA: {
        ares_addr6ttl addresses[64];
        int count = 64;
        hostent *host = nullptr;
        status = ares_parse_aaaa_reply(buffer, length, &host, addresses, &count);
        if (host)
            ares_free_hostent(host);
        for (int i = 0; status == ARES_SUCCESS && i < count; ++i)
            add(addressText(AF_INET6, &addresses[i].ip6addr), quint32(addresses[i].ttl));
        break;
    }
    case DnsType::MX: {
        ares_mx_reply *mx = nullptr;
        status = ares_parse_mx_reply(buffer, length, &mx);
        for (ares_mx_reply *it = mx; it; it = it->next)
            add(QString::fromUtf8(it->host), 0, it->priority);
        if (mx)
            ares_free_data(mx);
        break;
    }
    case DnsType::TXT: {
        ares_txt_ext *txt = nullptr;
        status = ares_parse_txt_reply_ext(buffer, length, &txt);
        for (ares_txt_ext *it = txt; it; it = it->next) {
            const QString chunk =
                QString::fromUtf8(reinterpret_cast<const char *>(it->txt), qsizetype(it->length));
            if (it->record_start || records.isEmpty()) {
                add(QString());
            }
            records.last().texts.append(chunk);
            records.last().value += chunk;
        }
        if (txt)
            ares_free_data(txt);
        break;
    }
    case DnsType::PTR:
    case DnsType::CNAME:
    case DnsType::NS: {
        hostent *host = nullptr;
        if (type == DnsType::NS) {
            status = ares_parse_ns_reply(buffer, length, &host);
        } else if (type == DnsType::PTR) {
            status = ares_parse_ptr_reply(buffer, length, nullptr, 0, AF_INET, &host);
        } else {
            // A CNAME answer parses like an A answer whose host entry carries the target.
            ares_addrttl unused[1];
            int count = 1;
            status = ares_parse_a_reply(buffer, length, &host, unused, &count);
            if (status == ARES_SUCCESS && host && host->h_name &&
                name.compare(QString::fromUtf8(host->h_name), Qt::CaseInsensitive) == 0)
                status = ARES_ENODATA;
        }
        if (status == ARES_SUCCESS && host) {
            if (type == DnsType::NS) {
                for (char **alias = host->h_aliases; alias && *alias; ++alias)
                    add(QString::fromUtf8(*alias));
            } else {
                add(QString::fromUtf8(host->h_name));
            }
        }
        if (host)
            ares_free_hostent(host);
        break;
    }
    }
    return status;
}

struct PendingQuery
{
    QPointer<QObject> context;
    DnsResolver::Callback callback;
    DnsAnswer answer;
};

void queryCallback(void *arg, int status, int /*timeouts*/, unsigned char *buffer, int length)
{
    auto *query = static_cast<PendingQuery *>(arg);
    DnsAnswer &answer = query->answer;
    if (status == ARES_SUCCESS) {
        status = parseAnswer(answer.type, buffer, length, answer.name, answer.records);
        if (status == ARES_EBADRESP && answer.records.isEmpty())
            status = ARES_EBADRESP;
    }
    answer.status = statusOf(status, &answer.errorText);
    if (answer.status == DnsStatus::Ok || answer.status == DnsStatus::NxDomain)
        answer.errorText.clear();
    // Always deliver from the event loop, never from inside lookup() or ares_cancel().
    QObject *context = query->context.data();
    if (!context) {
        delete query;
        return;
    }
    // Owned by the queued call: if context goes away before it runs, Qt drops the call and
    // this frees the query with it (a raw pointer would leak).
    QMetaObject::invokeMethod(
        context, [owned = std::shared_ptr<PendingQuery>(query)] { owned->callback(owned->answer); },
        Qt::QueuedConnection);
}

void socketStateTrampoline(void *data, ares_socket_t fd, int readable, int writable)
{
    static_cast<AresResolver *>(data)->socketStateChanged(int(fd), readable != 0, writable != 0);
}

} // namespace

AresResolver::AresResolver(const Options &options, QObject *parent)
    : DnsResolver(parent)
    , m_channel(new AresChannel)
    , m_timer(new QTimer(this))
{
    static std::once_flag once;
    std::call_once(once, [] { ares_library_init(ARES_LIB_INIT_ALL); });

    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { process(ARES_SOCKET_BAD, ARES_SOCKET_BAD); });

    ares_options ao{};
    ao.sock_state_cb = socketStateTrampoline;
    ao.sock_state_cb_data = this;
    // c-ares doubles the timeout on each retry in an int: keep it where that cannot overflow.
    ao.timeout = std::clamp(options.timeoutMs, 1, maxTimeoutMs);
    ao.tries = options.tries;
    // NOCHECKRESP: a SERVFAIL or REFUSED answer reaches us as such. Without it c-ares turns
    // them into "connection refused", and the user would be told to check a network that works
    // (REFUSED is what Spamhaus gives public resolvers).
    ao.flags = ARES_FLAG_NOSEARCH | ARES_FLAG_NOCHECKRESP;
    const int mask = ARES_OPT_SOCK_STATE_CB | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS;
    int status = ares_init_options(&m_channel->channel, &ao, mask);
    if (status != ARES_SUCCESS) {
        m_setupError = QString::fromUtf8(ares_strerror(status));
        m_channel->channel = nullptr;
        return;
    }
    if (!options.servers.isEmpty()) {
        m_serverText = options.servers.join(QLatin1Char(','));
        status =
            ares_set_servers_ports_csv(m_channel->channel, m_serverText.toLatin1().constData());
        if (status != ARES_SUCCESS)
            m_setupError = QStringLiteral("invalid DNS server list '%1': %2")
                               .arg(m_serverText, QString::fromUtf8(ares_strerror(status)));
    }
}

AresResolver::~AresResolver()
{
    if (m_channel->channel)
        ares_destroy(m_channel->channel); // pending queries end with ARES_EDESTRUCTION
    qDeleteAll(m_readNotifiers);
    qDeleteAll(m_writeNotifiers);
    delete m_channel;
}

void AresResolver::lookup(const QString &name, DnsType type, QObject *context, Callback callback)
{
    auto *query = new PendingQuery{context, std::move(callback), {}};
    query->answer.name = name;
    query->answer.type = type;
    query->answer.server = m_serverText;
    if (!m_channel->channel || !m_setupError.isEmpty()) {
        query->answer.status = DnsStatus::Error;
        query->answer.errorText =
            m_setupError.isEmpty() ? QStringLiteral("DNS is not available") : m_setupError;
        QMetaObject::invokeMethod(
            context ? context : this,
            [owned = std::shared_ptr<PendingQuery>(query)] { owned->callback(owned->answer); },
            Qt::QueuedConnection);
        return;
    }
    ares_query(m_channel->channel, name.toUtf8().constData(), ns_c_in, typeCode(type),
               queryCallback, query);
    scheduleTimeout();
}

void AresResolver::cancelAll()
{
    if (m_channel->channel)
        ares_cancel(m_channel->channel);
    scheduleTimeout();
}

void AresResolver::socketStateChanged(int fd, bool readable, bool writable)
{
    auto update = [&](QHash<int, QSocketNotifier *> &notifiers, bool wanted,
                      QSocketNotifier::Type kind) {
        QSocketNotifier *notifier = notifiers.value(fd);
        if (wanted && !notifier) {
            notifier = new QSocketNotifier(qintptr(fd), kind);
            connect(notifier, &QSocketNotifier::activated, this, [this, fd, kind] {
                if (kind == QSocketNotifier::Read)
                    process(fd, ARES_SOCKET_BAD);
                else
                    process(ARES_SOCKET_BAD, fd);
            });
            notifiers.insert(fd, notifier);
        } else if (!wanted && notifier) {
            notifiers.remove(fd);
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    };
    update(m_readNotifiers, readable, QSocketNotifier::Read);
    update(m_writeNotifiers, writable, QSocketNotifier::Write);
}

void AresResolver::process(int readFd, int writeFd)
{
    if (!m_channel->channel)
        return;
    ares_process_fd(m_channel->channel, ares_socket_t(readFd), ares_socket_t(writeFd));
    scheduleTimeout();
}

void AresResolver::scheduleTimeout()
{
    if (!m_channel->channel)
        return;
    timeval wait{};
    if (ares_timeout(m_channel->channel, nullptr, &wait)) {
        // In 64 bits: a long per-try timeout (--timeout 2147483647) overflows an int.
        const qint64 ms = qint64(wait.tv_sec) * 1000 + wait.tv_usec / 1000 + 1;
        m_timer->start(int(std::min<qint64>(ms, std::numeric_limits<int>::max())));
    } else {
        m_timer->stop();
    }
}

} // namespace BounceDoctor
