#include "dmarcrecord.h"

#include "common/mailaddress.h"
#include "dkimkey.h"

#include <QCoreApplication>

namespace BounceDoctor {

namespace {

// Gives lupdate a context for the messages of this file.
class DmarcRecordTr
{
    Q_DECLARE_TR_FUNCTIONS(DmarcRecordTr)
};

bool isPolicy(const QString &value)
{
    return value == QLatin1String("none") || value == QLatin1String("quarantine") ||
           value == QLatin1String("reject");
}

} // namespace

bool isDmarcRecordText(const QString &text)
{
    const int semicolon = text.indexOf(QLatin1Char(';'));
    const QString first = (semicolon < 0 ? text : text.left(semicolon)).trimmed();
    const int equals = first.indexOf(QLatin1Char('='));
    return equals > 0 && first.left(equals).trimmed() == QLatin1String("v") &&
           first.mid(equals + 1).trimmed() == QLatin1String("DMARC1");
}

DmarcRecord parseDmarcRecord(const QString &text)
{
    DmarcRecord record;
    QList<QPair<QString, QString>> tags;
    QString error;
    if (!parseDkimTagList(text, &tags, &error)) {
        record.errors.append(error);
        return record;
    }
    if (tags.isEmpty() || tags.first().first != QLatin1String("v") ||
        tags.first().second != QLatin1String("DMARC1")) {
        record.errors.append(DmarcRecordTr::tr("the record must start with v=DMARC1"));
        return record;
    }
    auto uris = [&](const QString &name, const QString &value) {
        QStringList list;
        const QStringList parts = value.split(QLatin1Char(','));
        for (const QString &part : parts) {
            const QString uri = part.trimmed();
            if (!uri.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive) ||
                dmarcReportDomain(uri).isEmpty())
                record.errors.append(
                    DmarcRecordTr::tr("%1: \"%2\" is not a mailto: address").arg(name, uri));
            else
                list.append(uri);
        }
        return list;
    };
    bool hasPolicy = false;
    for (int i = 1; i < tags.size(); ++i) {
        const QString name = tags.at(i).first.toLower();
        const QString value = tags.at(i).second;
        const QString lower = value.toLower();
        if (name == QLatin1String("p") || name == QLatin1String("sp") ||
            name == QLatin1String("np")) {
            if (!isPolicy(lower)) {
                record.errors.append(
                    DmarcRecordTr::tr("%1=%2 is not none, quarantine or reject").arg(name, value));
                continue;
            }
            if (name == QLatin1String("p")) {
                if (i != 1)
                    record.warnings.append(
                        DmarcRecordTr::tr("p= should come right after v=DMARC1"));
                hasPolicy = true;
                record.policy = lower;
            } else if (name == QLatin1String("sp")) {
                record.subdomainPolicy = lower;
            } else {
                record.nonexistentPolicy = lower;
            }
        } else if (name == QLatin1String("pct")) {
            bool ok = false;
            const int pct = value.toInt(&ok);
            if (!ok || pct < 0 || pct > 100)
                record.errors.append(
                    DmarcRecordTr::tr("pct=%1 is not a number from 0 to 100").arg(value));
            else
                record.percent = pct;
        } else if (name == QLatin1String("adkim") || name == QLatin1String("aspf")) {
            if (lower != QLatin1String("r") && lower != QLatin1String("s"))
                record.errors.append(
                    DmarcRecordTr::tr("%1=%2 is not r (relaxed) or s (strict)").arg(name, value));
            else
                (name == QLatin1String("adkim") ? record.dkimAlignment : record.spfAlignment) =
                    lower;
        } else if (name == QLatin1String("rua")) {
            record.aggregateReports = uris(name, value);
        } else if (name == QLatin1String("ruf")) {
            record.failureReports = uris(name, value);
        } else if (name == QLatin1String("fo")) {
            const QStringList options = lower.split(QLatin1Char(':'));
            for (const QString &option : options) {
                const QString o = option.trimmed();
                if (o != QLatin1String("0") && o != QLatin1String("1") && o != QLatin1String("d") &&
                    o != QLatin1String("s"))
                    record.errors.append(
                        DmarcRecordTr::tr("fo=%1: unknown option \"%2\"").arg(value, o));
            }
            record.failureOptions = lower;
        } else if (name == QLatin1String("ri")) {
            bool ok = false;
            const uint interval = value.toUInt(&ok);
            if (!ok)
                record.errors.append(
                    DmarcRecordTr::tr("ri=%1 is not a number of seconds").arg(value));
            else
                record.reportInterval = int(qMin<uint>(interval, 0x7fffffff));
        } else if (name == QLatin1String("rf")) {
            if (lower != QLatin1String("afrf"))
                record.errors.append(DmarcRecordTr::tr("rf=%1: only afrf is defined").arg(value));
            record.reportFormat = lower;
        } else if (name == QLatin1String("v")) {
            record.errors.append(DmarcRecordTr::tr("v= appears more than once"));
        } else {
            record.warnings.append(
                DmarcRecordTr::tr("unknown tag \"%1\" (receivers ignore it)").arg(name));
        }
    }
    if (!hasPolicy)
        record.errors.append(DmarcRecordTr::tr("the required policy tag p= is missing or invalid"));
    return record;
}

QString dmarcReportDomain(const QString &uri)
{
    QString address = uri.trimmed();
    if (address.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        address = address.mid(7);
    const int bang = address.indexOf(QLatin1Char('!'));
    if (bang >= 0)
        address.truncate(bang);
    if (MailAddress::localPart(address).isEmpty())
        return {};
    return MailAddress::normalizedDomain(MailAddress::domainPart(address));
}

bool dmarcAligned(const QString &authenticated, const QString &fromDomain, bool strict)
{
    const QString a = MailAddress::normalizedDomain(authenticated);
    const QString b = MailAddress::normalizedDomain(fromDomain);
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (strict)
        return a == b;
    return MailAddress::organizationalDomain(a) == MailAddress::organizationalDomain(b);
}

} // namespace BounceDoctor
