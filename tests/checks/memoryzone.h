#pragma once

// A DnsResolver over records held in memory, for tests of SPF/DKIM/DMARC logic that need
// exact control (TIMEOUT names, CNAMEs) without a DNS server.

#include "dns/dnsresolver.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

namespace BounceDoctor::Test {

class MemoryZone final : public DnsResolver
{
public:
    using DnsResolver::DnsResolver;

    static QString key(QString name)
    {
        if (name.endsWith(QLatin1Char('.')))
            name.chop(1);
        return name.toLower();
    }

    void add(const QString &name, DnsType type, const QString &value, int preference = 0)
    {
        DnsRecord record;
        record.name = key(name);
        record.type = type;
        record.value = value;
        record.preference = preference;
        if (type == DnsType::TXT)
            record.texts = QStringList{value};
        m_records[key(name)].append(record);
    }
    void addTxt(const QString &name, const QStringList &strings)
    {
        DnsRecord record;
        record.name = key(name);
        record.type = DnsType::TXT;
        record.texts = strings;
        record.value = strings.join(QString());
        m_records[key(name)].append(record);
    }
    /// Queries for name time out unless a record of the asked type was added before this
    /// call (the RFC 7208 suite's TIMEOUT pseudo-record works that way).
    void addTimeout(const QString &name)
    {
        m_timeouts.insert(key(name), int(m_records.value(key(name)).size()));
    }
    void addName(const QString &name) { m_records[key(name)]; }
    void clear()
    {
        m_records.clear();
        m_timeouts.clear();
    }
    QStringList asked() const { return m_asked; }

    void lookup(const QString &name, DnsType type, QObject *context, Callback callback) override
    {
        m_asked.append(name);
        DnsAnswer answer = resolve(name, type);
        QPointer<QObject> guard(context);
        QTimer::singleShot(0, this, [guard, answer, callback] {
            if (guard)
                callback(answer);
        });
    }
    void cancelAll() override {}

private:
    DnsAnswer resolve(const QString &name, DnsType type) const
    {
        DnsAnswer answer;
        answer.name = name;
        answer.type = type;
        answer.server = QStringLiteral("memory");
        QString current = key(name);
        for (int hops = 0; hops < 8; ++hops) {
            const auto it = m_records.constFind(current);
            if (m_timeouts.contains(current)) {
                const int before = m_timeouts.value(current);
                bool answered = false;
                for (int i = 0; it != m_records.cend() && i < before && i < it->size(); ++i)
                    answered = answered || it->at(i).type == type;
                if (!answered) {
                    answer.status = DnsStatus::Timeout;
                    answer.errorText = QStringLiteral("timeout");
                    answer.records.clear();
                    return answer;
                }
            }
            if (it == m_records.cend()) {
                answer.status = hasDescendant(current) ? DnsStatus::Ok : DnsStatus::NxDomain;
                return answer;
            }
            QString cname;
            for (const DnsRecord &record : *it) {
                if (record.type == type)
                    answer.records.append(record);
                else if (record.type == DnsType::CNAME)
                    cname = key(record.value);
            }
            if (!answer.records.isEmpty() || cname.isEmpty() || type == DnsType::CNAME)
                return answer;
            current = cname;
        }
        answer.status = DnsStatus::ServFail;
        answer.errorText = QStringLiteral("CNAME loop");
        return answer;
    }
    bool hasDescendant(const QString &name) const
    {
        const QString suffix = QLatin1Char('.') + name;
        for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
            if (it.key().endsWith(suffix))
                return true;
        }
        return false;
    }

    QHash<QString, QList<DnsRecord>> m_records;
    QHash<QString, int> m_timeouts;
    QStringList m_asked;
};

} // namespace BounceDoctor::Test
