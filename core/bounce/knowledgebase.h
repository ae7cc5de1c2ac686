#pragma once

#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace BounceDoctor::KnowledgeBase {

/// A knowledge file from resources/knowledge (embedded), parsed once per process.
/// A missing or broken file is logged and reads as empty: tests validate every file.
const QJsonObject &document(const QString &fileName);

QStringList stringList(const QJsonValue &value);

/// Case-insensitive, optimised patterns from a JSON array of regular expressions.
QList<QRegularExpression> patterns(const QJsonValue &value);

bool matchesAny(const QList<QRegularExpression> &patterns, const QString &text);

} // namespace BounceDoctor::KnowledgeBase
