#include "dnsresolver.h"

#include "common/enumnames.h"

namespace BounceDoctor {

constexpr std::array dnsTypeNames{
    std::pair{DnsType::A, "A"},     std::pair{DnsType::AAAA, "AAAA"},
    std::pair{DnsType::MX, "MX"},   std::pair{DnsType::TXT, "TXT"},
    std::pair{DnsType::PTR, "PTR"}, std::pair{DnsType::CNAME, "CNAME"},
    std::pair{DnsType::NS, "NS"},
};

QString dnsTypeName(DnsType type)
{
    return enumName(dnsTypeNames, type);
}

constexpr std::array dnsStatusNames{
    std::pair{DnsStatus::Ok, "ok"},
    std::pair{DnsStatus::NxDomain, "nxdomain"},
    std::pair{DnsStatus::Timeout, "timeout"},
    std::pair{DnsStatus::ServFail, "servfail"},
    std::pair{DnsStatus::Refused, "refused"},
    std::pair{DnsStatus::NoNetwork, "no-network"},
    std::pair{DnsStatus::Malformed, "malformed"},
    std::pair{DnsStatus::Cancelled, "cancelled"},
    std::pair{DnsStatus::Error, "error"},
};

QString dnsStatusName(DnsStatus status)
{
    return enumName(dnsStatusNames, status);
}

QString dnsEvidence(const DnsAnswer &answer)
{
    QString outcome;
    if (answer.status == DnsStatus::NxDomain) {
        outcome = QStringLiteral("NXDOMAIN");
    } else if (answer.status != DnsStatus::Ok) {
        outcome = dnsStatusName(answer.status);
        if (!answer.errorText.isEmpty())
            outcome += QStringLiteral(" (") + answer.errorText + QLatin1Char(')');
    } else if (answer.records.isEmpty()) {
        outcome = QStringLiteral("(no records)");
    } else {
        QStringList values;
        for (const DnsRecord &record : answer.records) {
            if (record.type == DnsType::MX)
                values.append(QString::number(record.preference) + QLatin1Char(' ') + record.value);
            else if (record.type == DnsType::TXT)
                values.append(QLatin1Char('"') + record.texts.join(QStringLiteral("\" \"")) +
                              QLatin1Char('"'));
            else
                values.append(record.value);
        }
        outcome = values.join(QStringLiteral(", "));
    }
    QString line = dnsTypeName(answer.type) + QLatin1Char(' ') + answer.name +
                   QStringLiteral(" -> ") + outcome;
    if (!answer.server.isEmpty())
        line += QStringLiteral(" (") + answer.server + QLatin1Char(')');
    return line;
}

} // namespace BounceDoctor
