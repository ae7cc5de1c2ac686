#pragma once

#include "common/pattern.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QVarLengthArray>

namespace BounceDoctor::KnowledgeBase {

/// A knowledge file from resources/knowledge (embedded), parsed once per process.
/// A missing or broken file is logged and reads as empty: tests validate every file.
const QJsonObject &document(const QString &fileName);

QStringList stringList(const QJsonValue &value);

/// A user-facing knowledge text (headline, explanation, blocklist meaning) in the user's
/// language. lupdate finds these texts through translations/KnowledgeTexts.cmake.
QString translated(const QString &text);

/// Case-insensitive patterns from a JSON array of regular expressions.
QList<Pattern> patterns(const QJsonValue &value);

bool matchesAny(const QList<Pattern> &patterns, const QString &text);

/// One case-insensitive regular expression that matches when any of the given regular
/// expressions or literal phrases does: one pass over the text instead of one per pattern.
Pattern combined(const QStringList &regularExpressions, const QStringList &phrases = {});

} // namespace BounceDoctor::KnowledgeBase
