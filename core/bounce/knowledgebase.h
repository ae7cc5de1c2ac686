#pragma once

#include "common/pattern.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QVarLengthArray>

namespace BounceDoctor::KnowledgeBase {

/// A knowledge file from resources/knowledge (embedded), parsed once per process.
/// A missing or broken file is logged and reads as empty: tests validate every file.
const QJsonObject &document(const QString &fileName);

QStringList stringList(const QJsonValue &value);

/// A mailbox provider of providers.json, the one list of them: how a bounce shows the provider
/// refused (hosts, signs, rules: Classifier) and how a domain's MX hosts show it hosts the
/// domain's mail (mx: AddressCheck).
struct ProviderEntry
{
    QString name;      ///< stable id, the diagnosis's provider: "microsoft"
    QString title;     ///< the name people know: "Microsoft 365"
    QStringList hosts; ///< regular expressions for the provider's servers named in a bounce
    QJsonObject signs; ///< phrases or patterns only its bounces use
    QJsonArray rules;  ///< its own codes and wordings, before the generic meanings
    QStringList mx;    ///< regular expressions for its MX host names
};

/// The providers in the file's order, loaded once.
const QList<ProviderEntry> &providers();

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
