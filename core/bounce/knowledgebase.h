#pragma once

#include "common/pattern.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

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

/// The options every knowledge pattern is compiled with: caseless, folding Unicode.
constexpr Pattern::Options patternOptions = Pattern::CaseInsensitive;

/// The alternatives (RE2 syntax) of a rule that matches where any of the given regular
/// expressions or literal phrases (caseless) does. A regular expression that does not compile
/// is left out and logged, naming where it is (the knowledge file and entry).
QStringList alternatives(const QStringList &regularExpressions, const QStringList &phrases = {},
                         const QString &where = {});
/// An entry's "phrases" (plain words, matched caselessly as they are) and "patterns"
/// (regular expressions, where the wording varies), as alternatives.
QStringList entryAlternatives(const QJsonObject &entry, const QString &where);
/// The alternatives as one pattern, compiled with patternOptions; one that never matches when
/// there are none.
Pattern combined(const QStringList &regularExpressions, const QStringList &phrases = {},
                 const QString &where = {});

/// What is wrong with the regular expressions in a list: one line for each that does not
/// compile, naming where it is, the pattern and RE2's reason.
QStringList patternErrors(const QStringList &regularExpressions, const QString &where);

} // namespace BounceDoctor::KnowledgeBase
