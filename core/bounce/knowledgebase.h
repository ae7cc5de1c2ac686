#pragma once

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace BounceDoctor::KnowledgeBase {

/// A knowledge file from resources/knowledge (embedded), parsed once per process.
/// A missing or broken file is logged and reads as empty: tests validate every file.
const QJsonObject &document(const QString &fileName);

QStringList stringList(const QJsonValue &value);

/// A user-facing knowledge text (headline, explanation, blocklist meaning) in the user's
/// language. lupdate finds these texts through translations/KnowledgeTexts.cmake.
QString translated(const QString &text);

/// Case-insensitive, optimised patterns from a JSON array of regular expressions.
QList<QRegularExpression> patterns(const QJsonValue &value);

bool matchesAny(const QList<QRegularExpression> &patterns, const QString &text);

/// One case-insensitive regular expression that matches when any of the given regular
/// expressions or literal phrases does: one pass over the text instead of one per pattern.
QRegularExpression combined(const QStringList &regularExpressions, const QStringList &phrases = {});

/// Ordered regular expressions where the first one in order that matches wins, without matching
/// every one of them: each QRegularExpression::match costs allocations and a scan that tries
/// every alternative at every position, and most texts match none or one of dozens of rules.
///
/// A literal prefilter, exact by construction: every top-level alternative of a pattern needs
/// some literal text (its longest run of plain characters), so a pattern can only match a text
/// that contains one of its alternatives' literals. One Aho-Corasick pass over the text finds
/// the patterns that can match; only those run, in order, and the first that matches wins.
/// Patterns whose syntax the prefilter does not fully understand always run.
class FirstMatch final
{
public:
    FirstMatch() = default;
    explicit FirstMatch(const QList<QRegularExpression> &patterns);

    /// The index of the first pattern, in order, that matches text; -1 when none does.
    qsizetype indexIn(const QString &text) const;

    qsizetype size() const { return m_patterns.size(); }

    /// The literals the prefilter looks for in pattern, caseless (folded), one for each
    /// top-level alternative; false when it must always run the pattern.
    static bool requiredLiterals(const QRegularExpression &pattern, QStringList &literals);

    /// What the prefilter compares: ASCII lower case, and the two non-ASCII letters that match
    /// an ASCII letter caselessly (KELVIN SIGN, LONG S). Every character that matches another
    /// caselessly folds to the same.
    static char16_t fold(char16_t c)
    {
        if (c < 128)
            return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
        if (c == 0x212a)
            return u'k';
        if (c == 0x017f)
            return u's';
        return c;
    }

private:
    enum Kind : quint8
    {
        Filtered,
        Always,
        Never
    };
    static constexpr qsizetype maxLiteral = 8;
    static constexpr quint32 outputFlag = 0x80000000u; ///< in m_next: the target has outputs

    QList<QRegularExpression> m_patterns;
    QList<Kind> m_kinds;
    // The automaton: m_next[state * m_classCount + class], classes of folded characters
    // (0: in no literal); m_outputs[state]: the patterns whose literal ends there, directly
    // or as a suffix (the lists are short: a literal belongs to one or two patterns).
    QList<quint32> m_next;
    QList<QList<qsizetype>> m_outputs;
    QHash<char16_t, quint32> m_wideClasses; ///< non-ASCII characters
    quint32 m_asciiClasses[128] = {};
    quint32 m_classCount = 1;
};

} // namespace BounceDoctor::KnowledgeBase
