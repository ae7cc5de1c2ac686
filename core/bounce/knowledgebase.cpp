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

QList<QRegularExpression> patterns(const QJsonValue &value)
{
    QList<QRegularExpression> list;
    const QStringList sources = stringList(value);
    for (const QString &source : sources) {
        QRegularExpression pattern(source, QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::UseUnicodePropertiesOption);
        if (!pattern.isValid()) {
            qCWarning(lcKnowledge) << "invalid pattern" << source << pattern.errorString();
            continue;
        }
        pattern.optimize();
        list.append(pattern);
    }
    return list;
}

QRegularExpression combined(const QStringList &regularExpressions, const QStringList &phrases)
{
    QStringList parts;
    for (const QString &source : regularExpressions) {
        const QRegularExpression check(source);
        if (!check.isValid()) {
            qCWarning(lcKnowledge) << "invalid pattern" << source << check.errorString();
            continue;
        }
        parts.append(QStringLiteral("(?:") + source + QLatin1Char(')'));
    }
    for (const QString &phrase : phrases)
        parts.append(QRegularExpression::escape(phrase));
    if (parts.isEmpty())
        return QRegularExpression(QStringLiteral("(?!)")); // never matches
    QRegularExpression pattern(parts.join(QLatin1Char('|')),
                               QRegularExpression::CaseInsensitiveOption |
                                   QRegularExpression::UseUnicodePropertiesOption);
    pattern.optimize();
    return pattern;
}

bool matchesAny(const QList<QRegularExpression> &patterns, const QString &text)
{
    for (const QRegularExpression &pattern : patterns) {
        if (pattern.match(text).hasMatch())
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
