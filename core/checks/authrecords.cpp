#include "authrecords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace BounceDoctor::AuthRecords {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AuthRecords", text);
}

} // namespace

QString TagList::value(const QString &tag) const
{
    for (const auto &[name, value] : tags) {
        if (name == tag)
            return value;
    }
    return {};
}

bool TagList::has(const QString &tag) const
{
    for (const auto &pair : tags) {
        if (pair.first == tag)
            return true;
    }
    return false;
}

TagList parseTagList(const QString &text)
{
    TagList list;
    const QStringList parts = text.split(QLatin1Char(';'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString part = parts.at(i).trimmed();
        if (part.isEmpty()) {
            if (i + 1 < parts.size())
                list.problems.append(tr("an empty tag (two ';' in a row)"));
            continue;
        }
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            list.problems.append(tr("'%1' is not a tag=value pair").arg(part));
            continue;
        }
        const QString name = part.left(eq).trimmed();
        if (list.has(name))
            list.problems.append(tr("the tag %1 appears twice").arg(name));
        list.tags.append({name, part.mid(eq + 1).trimmed()});
    }
    return list;
}

DmarcRecord parseDmarc(const QString &text)
{
    DmarcRecord record;
    const TagList tags = parseTagList(text);
    record.problems = tags.problems;
    if (tags.tags.isEmpty() || tags.tags.first().first != QLatin1String("v") ||
        tags.tags.first().second != QLatin1String("DMARC1")) {
        record.problems.prepend(tr("a DMARC record must start with v=DMARC1"));
        return record;
    }
    static const QStringList policies = {QStringLiteral("none"), QStringLiteral("quarantine"),
                                         QStringLiteral("reject")};
    record.policy = tags.value(QStringLiteral("p")).toLower();
    if (!tags.has(QStringLiteral("p")))
        record.problems.append(tr("the required policy tag p= is missing"));
    else if (!policies.contains(record.policy))
        record.problems.append(
            tr("p=%1 is not a policy (none, quarantine or reject)").arg(record.policy));
    for (const auto &[tag, target] : {std::pair{QStringLiteral("sp"), &record.subdomainPolicy},
                                      std::pair{QStringLiteral("np"), &record.nonexistentPolicy}}) {
        if (tags.has(tag)) {
            *target = tags.value(tag).toLower();
            if (!policies.contains(*target))
                record.problems.append(tr("%1=%2 is not a policy").arg(tag, *target));
        }
    }
    if (tags.has(QStringLiteral("pct"))) {
        bool ok = false;
        record.percent = tags.value(QStringLiteral("pct")).toInt(&ok);
        if (!ok || record.percent < 0 || record.percent > 100)
            record.problems.append(
                tr("pct=%1 must be a number from 0 to 100").arg(tags.value(QStringLiteral("pct"))));
    }
    for (const auto &[tag, target] : {std::pair{QStringLiteral("adkim"), &record.dkimAlignment},
                                      std::pair{QStringLiteral("aspf"), &record.spfAlignment}}) {
        if (tags.has(tag)) {
            *target = tags.value(tag).toLower();
            if (*target != QLatin1String("r") && *target != QLatin1String("s"))
                record.problems.append(
                    tr("%1=%2 must be r (relaxed) or s (strict)").arg(tag, *target));
        }
    }
    auto uris = [&](const QString &tag) {
        QStringList list;
        const QStringList items = tags.value(tag).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &item : items) {
            const QString uri = item.trimmed();
            if (!uri.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive) ||
                !uri.contains(QLatin1Char('@')))
                record.problems.append(
                    tr("%1 address '%2' must be a mailto: address").arg(tag, uri));
            else
                list.append(uri);
        }
        return list;
    };
    record.aggregateReports = uris(QStringLiteral("rua"));
    record.failureReports = uris(QStringLiteral("ruf"));
    if (tags.has(QStringLiteral("fo"))) {
        static const QRegularExpression fo(QStringLiteral("^[01ds](?::[01ds])*$"));
        if (!fo.match(tags.value(QStringLiteral("fo"))).hasMatch())
            record.problems.append(tr("fo=%1 must be 0, 1, d or s, separated by ':'")
                                       .arg(tags.value(QStringLiteral("fo"))));
    }
    static const QStringList known = {
        QStringLiteral("v"),    QStringLiteral("p"),   QStringLiteral("sp"),
        QStringLiteral("np"),   QStringLiteral("pct"), QStringLiteral("adkim"),
        QStringLiteral("aspf"), QStringLiteral("rua"), QStringLiteral("ruf"),
        QStringLiteral("fo"),   QStringLiteral("rf"),  QStringLiteral("ri"),
        QStringLiteral("psd"),  QStringLiteral("t")};
    for (const auto &pair : tags.tags) {
        if (!known.contains(pair.first))
            record.problems.append(tr("unknown tag %1").arg(pair.first));
    }
    record.valid = record.problems.isEmpty();
    return record;
}

DkimKey parseDkimKey(const QString &text)
{
    DkimKey key;
    const TagList tags = parseTagList(text);
    key.problems = tags.problems;
    if (tags.has(QStringLiteral("v")) && tags.value(QStringLiteral("v")) != QLatin1String("DKIM1"))
        key.problems.append(tr("v=%1 should be DKIM1").arg(tags.value(QStringLiteral("v"))));
    if (tags.has(QStringLiteral("k")))
        key.keyType = tags.value(QStringLiteral("k")).toLower();
    key.testing =
        tags.value(QStringLiteral("t")).split(QLatin1Char(':')).contains(QStringLiteral("y"));
    if (!tags.has(QStringLiteral("p"))) {
        key.problems.append(tr("the public key tag p= is missing"));
        return key;
    }
    QString p = tags.value(QStringLiteral("p"));
    p.remove(QRegularExpression(QStringLiteral("\\s")));
    if (p.isEmpty()) {
        key.revoked = true;
        key.valid = key.problems.isEmpty();
        return key;
    }
    const QByteArray der =
        QByteArray::fromBase64(p.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (der.isEmpty()) {
        key.problems.append(tr("p= is not valid base64"));
        return key;
    }
    if (key.keyType == QLatin1String("ed25519")) {
        key.bits = int(der.size()) * 8;
        if (der.size() != 32)
            key.problems.append(
                tr("an Ed25519 key must be 32 bytes, this one is %1").arg(der.size()));
    } else {
        const unsigned char *data = reinterpret_cast<const unsigned char *>(der.constData());
        EVP_PKEY *pkey = d2i_PUBKEY(nullptr, &data, long(der.size()));
        if (!pkey) {
            key.problems.append(tr("p= is not a valid public key"));
            return key;
        }
        key.bits = EVP_PKEY_get_bits(pkey);
        if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA)
            key.problems.append(tr("the key is not an RSA key although k=rsa"));
        EVP_PKEY_free(pkey);
    }
    key.valid = key.problems.isEmpty();
    return key;
}

SpfRecord parseSpf(const QString &text)
{
    SpfRecord record;
    const QStringList terms = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (terms.isEmpty() ||
        terms.first().compare(QLatin1String("v=spf1"), Qt::CaseInsensitive) != 0) {
        record.problems.append(tr("an SPF record must start with v=spf1"));
        return record;
    }
    static const QRegularExpression mechanism(
        QStringLiteral("^([+\\-~?]?)(all|include|a|mx|ptr|ip4|ip6|exists)(?:([:/])(.*))?$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression modifier(QStringLiteral("^([a-z][a-z0-9_.-]*)=(.*)$"),
                                             QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = 1; i < terms.size(); ++i) {
        const QString &term = terms.at(i);
        record.terms.append(term);
        const QRegularExpressionMatch m = mechanism.match(term);
        if (m.hasMatch()) {
            const QString name = m.captured(2).toLower();
            const QString argument = m.captured(4);
            if (name == QLatin1String("all")) {
                record.allQualifier = m.captured(1).isEmpty() ? QStringLiteral("+") : m.captured(1);
                if (!m.captured(3).isEmpty())
                    record.problems.append(tr("'all' takes no argument: %1").arg(term));
                if (i + 1 < terms.size() && !terms.at(i + 1).contains(QLatin1Char('=')))
                    record.problems.append(tr("terms after 'all' are never used"));
            } else if (name == QLatin1String("include") || name == QLatin1String("exists")) {
                ++record.lookupTerms;
                if (argument.isEmpty() || m.captured(3) != QLatin1String(":"))
                    record.problems.append(tr("%1 needs a domain: %2").arg(name, term));
                else if (name == QLatin1String("include"))
                    record.includes.append(argument);
            } else if (name == QLatin1String("a") || name == QLatin1String("mx") ||
                       name == QLatin1String("ptr")) {
                ++record.lookupTerms;
                if (name == QLatin1String("ptr"))
                    record.usesPtr = true;
            } else if (name == QLatin1String("ip4") || name == QLatin1String("ip6")) {
                static const QRegularExpression v4(
                    QStringLiteral("^(?:\\d{1,3}\\.){3}\\d{1,3}(?:/(?:[0-9]|[12][0-9]|3[0-2]))?$"));
                static const QRegularExpression v6(QStringLiteral(
                    "^[0-9a-fA-F:.]+(?:/(?:[0-9]|[1-9][0-9]|1[01][0-9]|12[0-8]))?$"));
                const QString network = argument.section(QLatin1Char('/'), 0, 0);
                const QHostAddress address(network);
                const bool family = name == QLatin1String("ip4")
                                        ? address.protocol() == QAbstractSocket::IPv4Protocol
                                        : address.protocol() == QAbstractSocket::IPv6Protocol;
                if (m.captured(3) != QLatin1String(":") || !family ||
                    !(name == QLatin1String("ip4") ? v4 : v6).match(argument).hasMatch())
                    record.problems.append(tr("'%1' is not a valid %2 network").arg(term, name));
            }
            continue;
        }
        const QRegularExpressionMatch mod = modifier.match(term);
        if (mod.hasMatch()) {
            const QString name = mod.captured(1).toLower();
            if (name == QLatin1String("redirect")) {
                if (!record.redirect.isEmpty())
                    record.problems.append(tr("redirect= appears twice"));
                record.redirect = mod.captured(2);
                ++record.lookupTerms;
            }
            continue;
        }
        record.problems.append(tr("'%1' is not an SPF term").arg(term));
    }
    record.valid = record.problems.isEmpty();
    return record;
}

} // namespace BounceDoctor::AuthRecords
