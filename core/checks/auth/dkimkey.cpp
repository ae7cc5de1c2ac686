#include "dkimkey.h"

#include <QByteArray>
#include <QCoreApplication>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace BounceDoctor {

namespace {

// Gives lupdate a context for the messages of this file.
class DkimKeyTr
{
    Q_DECLARE_TR_FUNCTIONS(DkimKeyTr)
};

bool isTagName(const QString &name)
{
    if (name.isEmpty() || !name.at(0).isLetter() || name.at(0).unicode() > 0x7f)
        return false;
    for (const QChar c : name) {
        if (c.unicode() > 0x7f || !(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return false;
    }
    return true;
}

QString withoutWhitespace(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (!c.isSpace())
            out += c;
    }
    return out;
}

bool isBase64(const QString &text)
{
    int padding = 0;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (u == '=') {
            ++padding;
            continue;
        }
        if (padding > 0)
            return false;
        if (!((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
              u == '+' || u == '/'))
            return false;
    }
    return padding <= 2 && text.size() % 4 == 0;
}

// Uses OpenSSL to read the key rather than hand-walking ASN.1.
void examineKey(DkimKeyRecord *record)
{
    const QString compact = withoutWhitespace(record->publicKey);
    if (!isBase64(compact)) {
        record->error = DkimKeyTr::tr("the public key (p=) is not valid base64");
        return;
    }
    const QByteArray der = QByteArray::fromBase64(compact.toLatin1());
    if (record->keyType == QLatin1String("ed25519")) {
        // RFC 8463: p= is the bare 32-byte key, not SubjectPublicKeyInfo.
        EVP_PKEY *key = EVP_PKEY_new_raw_public_key(
            EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(der.constData()),
            size_t(der.size()));
        if (!key) {
            record->error = DkimKeyTr::tr("the ed25519 public key is not a valid 32-byte key");
            return;
        }
        record->keyBits = EVP_PKEY_get_bits(key);
        EVP_PKEY_free(key);
        return;
    }
    const unsigned char *data = reinterpret_cast<const unsigned char *>(der.constData());
    EVP_PKEY *key = d2i_PUBKEY(nullptr, &data, long(der.size()));
    if (!key) {
        record->error = DkimKeyTr::tr("the public key (p=) cannot be read as an RSA key");
        return;
    }
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
        record->error = DkimKeyTr::tr("the public key (p=) is not an RSA key although k=rsa");
    else
        record->keyBits = EVP_PKEY_get_bits(key);
    EVP_PKEY_free(key);
}

} // namespace

bool parseDkimTagList(const QString &text, QList<QPair<QString, QString>> *tags, QString *error)
{
    const QStringList specs = text.split(QLatin1Char(';'));
    for (int i = 0; i < specs.size(); ++i) {
        const QString spec = specs.at(i).trimmed();
        if (spec.isEmpty()) {
            if (i == specs.size() - 1)
                break; // a trailing ';' is allowed
            *error = DkimKeyTr::tr("an empty tag between two ';'");
            return false;
        }
        const int equals = spec.indexOf(QLatin1Char('='));
        if (equals < 0) {
            *error = DkimKeyTr::tr("\"%1\" is not of the form tag=value").arg(spec);
            return false;
        }
        const QString name = spec.left(equals).trimmed();
        const QString value = spec.mid(equals + 1).trimmed();
        if (!isTagName(name)) {
            *error = DkimKeyTr::tr("\"%1\" is not a valid tag name").arg(name);
            return false;
        }
        for (const auto &tag : std::as_const(*tags)) {
            if (tag.first == name) {
                *error = DkimKeyTr::tr("the tag \"%1\" appears more than once").arg(name);
                return false;
            }
        }
        tags->append({name, value});
    }
    return true;
}

DkimKeyRecord parseDkimKeyRecord(const QString &text)
{
    DkimKeyRecord record;
    QList<QPair<QString, QString>> tags;
    if (!parseDkimTagList(text, &tags, &record.error))
        return record;
    bool hasKey = false;
    auto list = [](const QString &value) {
        QStringList items;
        const QStringList parts = value.split(QLatin1Char(':'));
        for (const QString &part : parts)
            items.append(part.trimmed().toLower());
        return items;
    };
    for (int i = 0; i < tags.size(); ++i) {
        const QString &name = tags.at(i).first;
        const QString &value = tags.at(i).second;
        if (name == QLatin1String("v")) {
            if (i != 0) {
                record.error = DkimKeyTr::tr("v= must be the first tag");
                return record;
            }
            if (value != QLatin1String("DKIM1")) {
                record.error = DkimKeyTr::tr("v=%1 is not DKIM1").arg(value);
                return record;
            }
            record.version = value;
        } else if (name == QLatin1String("k")) {
            record.keyType = value.toLower();
            if (record.keyType != QLatin1String("rsa") &&
                record.keyType != QLatin1String("ed25519")) {
                record.error = DkimKeyTr::tr("unknown key type k=%1").arg(value);
                return record;
            }
        } else if (name == QLatin1String("h")) {
            record.hashAlgorithms = list(value);
            for (const QString &hash : std::as_const(record.hashAlgorithms)) {
                if (hash != QLatin1String("sha1") && hash != QLatin1String("sha256")) {
                    record.error = DkimKeyTr::tr("unknown hash algorithm h=%1").arg(hash);
                    return record;
                }
            }
        } else if (name == QLatin1String("s")) {
            record.serviceTypes = list(value);
        } else if (name == QLatin1String("t")) {
            record.flags = list(value);
        } else if (name == QLatin1String("n")) {
            record.notes = value;
        } else if (name == QLatin1String("p")) {
            hasKey = true;
            record.publicKey = value;
        } else {
            record.unknownTags.append(name + QLatin1Char('=') + value);
        }
    }
    if (!hasKey) {
        record.error = DkimKeyTr::tr("the record has no public key (p= is missing)");
        return record;
    }
    if (!record.serviceTypes.isEmpty() && !record.serviceTypes.contains(QStringLiteral("*")) &&
        !record.serviceTypes.contains(QStringLiteral("email"))) {
        record.error = DkimKeyTr::tr("the key is not for email (s=%1)")
                           .arg(record.serviceTypes.join(QLatin1Char(':')));
        return record;
    }
    if (withoutWhitespace(record.publicKey).isEmpty()) {
        record.revoked = true;
        return record;
    }
    examineKey(&record);
    return record;
}

QStringList commonDkimSelectors()
{
    return {QStringLiteral("google"),  QStringLiteral("selector1"), QStringLiteral("selector2"),
            QStringLiteral("k1"),      QStringLiteral("s1"),        QStringLiteral("s2"),
            QStringLiteral("default"), QStringLiteral("dkim"),      QStringLiteral("mail")};
}

} // namespace BounceDoctor
