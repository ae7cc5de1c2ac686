#include "dnsresolver.h"

namespace BounceDoctor {

QString dnsTypeName(DnsType type)
{
    switch (type) {
    case DnsType::A:
        return QStringLiteral("A");
    case DnsType::AAAA:
        return QStringLiteral("AAAA");
    case DnsType::MX:
        return QStringLiteral("MX");
    case DnsType::TXT:
        return QStringLiteral("TXT");
    case DnsType::PTR:
        return QStringLiteral("PTR");
    case DnsType::CNAME:
        return QStringLiteral("CNAME");
    case DnsType::NS:
        return QStringLiteral("NS");
    }
    return {};
}

QString dnsStatusName(DnsStatus status)
{
    switch (status) {
    case DnsStatus::Ok:
        return QStringLiteral("ok");
    case DnsStatus::NxDomain:
        return QStringLiteral("nxdomain");
    case DnsStatus::Timeout:
        return QStringLiteral("timeout");
    case DnsStatus::ServFail:
        return QStringLiteral("servfail");
    case DnsStatus::Refused:
        return QStringLiteral("refused");
    case DnsStatus::NoNetwork:
        return QStringLiteral("no-network");
    case DnsStatus::Malformed:
        return QStringLiteral("malformed");
    case DnsStatus::Cancelled:
        return QStringLiteral("cancelled");
    case DnsStatus::Error:
        return QStringLiteral("error");
    }
    return {};
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
