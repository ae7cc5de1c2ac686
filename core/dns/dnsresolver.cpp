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

} // namespace BounceDoctor
