#include "mailaddress.h"

#include <libpsl.h>

namespace BounceDoctor::MailAddress {

QString bare(QStringView text)
{
    QStringView address = text.trimmed();
    const qsizetype open = address.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = address.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open)
        address = address.sliced(open + 1, close - open - 1);
    return address.trimmed().toString();
}

QString localPart(QStringView address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.left(at).toString();
}

QString domainPart(QStringView address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.sliced(at + 1).toString();
}

QString normalizedDomain(QStringView domain)
{
    QString name = domain.trimmed().toString().toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

QString domainOf(QStringView addressOrDomain)
{
    const QString address = bare(addressOrDomain);
    return normalizedDomain(address.contains(QLatin1Char('@')) ? domainPart(address) : address);
}

QString organizationalDomain(QStringView domain)
{
    const QString name = normalizedDomain(domain);
    if (name.isEmpty())
        return {};
    const QByteArray utf8 = name.toUtf8();
    const char *registrable = psl_registrable_domain(psl_builtin(), utf8.constData());
    return registrable ? QString::fromUtf8(registrable) : name;
}

} // namespace BounceDoctor::MailAddress
