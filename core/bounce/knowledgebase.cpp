#include "knowledgebase.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <limits>

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

QList<Pattern> patterns(const QJsonValue &value)
{
    QList<Pattern> list;
    const QStringList sources = stringList(value);
    for (const QString &source : sources) {
        Pattern pattern(source, Pattern::CaseInsensitive | Pattern::UnicodeProperties);
        if (!pattern.isValid()) {
            qCWarning(lcKnowledge) << "invalid pattern" << source << pattern.errorString();
            continue;
        }
        list.append(pattern);
    }
    return list;
}

Pattern combined(const QStringList &regularExpressions, const QStringList &phrases)
{
    QStringList parts;
    for (const QString &source : regularExpressions) {
        const Pattern check(source);
        if (!check.isValid()) {
            qCWarning(lcKnowledge) << "invalid pattern" << source << check.errorString();
            continue;
        }
        parts.append(QStringLiteral("(?:") + source + QLatin1Char(')'));
    }
    for (const QString &phrase : phrases)
        parts.append(Pattern::escape(phrase));
    // The same options even when nothing can match, so that combined patterns can be joined.
    Pattern pattern(parts.isEmpty() ? QStringLiteral("(?!)") // never matches
                                    : parts.join(QLatin1Char('|')),
                    Pattern::CaseInsensitive | Pattern::UnicodeProperties);
    return pattern;
}

bool matchesAny(const QList<Pattern> &patterns, const QString &text)
{
    for (const Pattern &pattern : patterns) {
        if (pattern.matches(text))
            return true;
    }
    return false;
}

QString translated(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QCoreApplication::translate("Knowledge", text.toUtf8().constData());
}

} // namespace BounceDoctor::KnowledgeBase
