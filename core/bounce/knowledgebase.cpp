#include "knowledgebase.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>

Q_LOGGING_CATEGORY(lcKnowledge, "bouncedoctor.bounce.knowledge", QtInfoMsg)

namespace BounceDoctor::KnowledgeBase {

const QJsonObject &document(const QString &fileName)
{
    static QMutex mutex;
    static QHash<QString, QJsonObject> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.find(fileName);
    if (it != cache.end())
        return *it;
    QFile file(QStringLiteral(":/bouncedoctor/knowledge/") + fileName);
    QJsonObject object;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcKnowledge) << "knowledge file missing:" << fileName;
    } else {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            qCWarning(lcKnowledge) << fileName << "is not valid JSON:" << error.errorString();
        object = json.object();
    }
    return *cache.insert(fileName, object);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

const QList<ProviderEntry> &providers()
{
    static const QList<ProviderEntry> list = [] {
        QList<ProviderEntry> entries;
        const QJsonArray array =
            document(QStringLiteral("providers.json")).value(QLatin1String("providers")).toArray();
        for (const QJsonValue &value : array) {
            const QJsonObject entry = value.toObject();
            entries.append({entry.value(QLatin1String("name")).toString(),
                            entry.value(QLatin1String("title")).toString(),
                            stringList(entry.value(QLatin1String("hosts"))),
                            entry.value(QLatin1String("signs")).toObject(),
                            entry.value(QLatin1String("rules")).toArray(),
                            stringList(entry.value(QLatin1String("mx")))});
        }
        return entries;
    }();
    return list;
}

QStringList patternErrors(const QStringList &regularExpressions, const QString &where)
{
    QStringList errors;
    for (const QString &source : regularExpressions) {
        const Pattern check(source, patternOptions);
        if (!check.isValid())
            errors.append(QStringLiteral("%1: pattern \"%2\" does not compile: %3")
                              .arg(where, source, check.errorString()));
    }
    return errors;
}

QStringList alternatives(const QStringList &regularExpressions, const QStringList &phrases,
                         const QString &where)
{
    QStringList parts;
    for (const QString &source : regularExpressions) {
        const QStringList errors = patternErrors({source}, where);
        if (!errors.isEmpty()) {
            qCWarning(lcKnowledge).noquote() << errors.first();
            continue;
        }
        parts.append(source);
    }
    for (const QString &phrase : phrases)
        parts.append(Pattern::escape(phrase));
    return parts;
}

QStringList entryAlternatives(const QJsonObject &entry, const QString &where)
{
    return alternatives(stringList(entry.value(QLatin1String("patterns"))),
                        stringList(entry.value(QLatin1String("phrases"))), where);
}

Pattern combined(const QStringList &regularExpressions, const QStringList &phrases,
                 const QString &where)
{
    QStringList parts = alternatives(regularExpressions, phrases, where);
    for (QString &part : parts)
        part = QStringLiteral("(?:") + part + QLatin1Char(')');
    // An empty class: nothing matches it.
    return Pattern(parts.isEmpty() ? QStringLiteral("[^\\x00-\\x{10FFFF}]")
                                   : parts.join(QLatin1Char('|')),
                   patternOptions);
}

QString translated(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QCoreApplication::translate("Knowledge", text.toUtf8().constData());
}

} // namespace BounceDoctor::KnowledgeBase
