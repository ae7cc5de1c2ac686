#pragma once

#include "pattern.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

namespace BounceDoctor {

/// Ordered regular expressions where the first one in order that matches wins, without matching
/// every one of them: each match is a scan that tries
/// every alternative at every position, and most texts match none or one of dozens of rules.
///
/// A literal prefilter, exact by construction: every top-level alternative of a pattern needs
/// some literal text (its longest run of plain characters), so it can only match a text that
/// contains that literal (caselessly). One Aho-Corasick pass over the text finds the
/// alternatives that can match; a pattern matches where one of its alternatives does, so only
/// those alternatives run, each as a small pattern of its own, pattern by pattern in order,
/// and the first pattern that matches wins. Patterns whose syntax the prefilter does not fully
/// understand always run whole.
class FirstMatch final
{
public:
    /// Which patterns can match a text: one flag per alternative of every group's patterns,
    /// and the patterns with a flagged alternative (indexes over all groups, ascending).
    struct Candidates
    {
        QVarLengthArray<bool, 1024> alternatives;
        QVarLengthArray<qsizetype, 32> patterns;
    };

    FirstMatch() = default;
    /// Ordered groups of patterns, each group answering on its own, one prefilter for all.
    explicit FirstMatch(const QList<QList<Pattern>> &groups);
    explicit FirstMatch(const QList<Pattern> &patterns)
        : FirstMatch(QList<QList<Pattern>>{patterns})
    {}

    /// The patterns of every group that can match text: one pass, for as many groups as asked.
    Candidates candidates(QStringView text) const;

    /// The index in group of its first pattern, in order, that matches text; -1 when none
    /// does. candidates are text's, or those of any text that contains every literal text
    /// contains (folded), such as text.toLower().
    qsizetype indexIn(qsizetype group, QStringView text, const Candidates &candidates) const;
    qsizetype indexIn(const QString &text) const { return indexIn(0, text, candidates(text)); }

    /// The literals the prefilter looks for in pattern, caseless (folded), one for each
    /// top-level alternative (the text of which goes to sources, when given); false when it
    /// must always run the pattern.
    static bool requiredLiterals(const Pattern &pattern, QStringList &literals,
                                 QStringList *sources = nullptr);
    /// The same, from a pattern's source, which must compile.
    static bool requiredLiterals(const QString &source, QStringList &literals,
                                 QStringList *sources = nullptr);

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
    static constexpr qsizetype maxLiteral = 8;

    // The automaton reads classes of folded characters: letters and digits each their own,
    // the rest a few shared ones. Sharing only lets it find a literal where there is none,
    // which costs a match but never loses one; the table stays small enough for the cache.
    static constexpr quint32 classCount = 48;
    // Rows are stored as offset / rowUnit in 16 bits (half the memory of 32-bit offsets, for
    // one shift), which bounds the number of states.
    static constexpr quint32 rowUnit = 16;
    static_assert(classCount % rowUnit == 0);
    static constexpr qsizetype maxStates = 0xffff / (classCount / rowUnit);
    static quint32 classOf(char16_t c)
    {
        c = fold(c);
        if (c >= u'a' && c <= u'z')
            return c - u'a';
        if (c >= u'0' && c <= u'9')
            return 26 + (c - u'0');
        if (c == u' ')
            return 36;
        if (c == u'.')
            return 37;
        if (c < 128)
            return 38 + c % 4;
        return 42 + c % 6;
    }

    QList<Pattern> m_patterns;      ///< all groups' in a row
    QList<qsizetype> m_groupStarts; ///< a group's first pattern in m_patterns; then the end
    // A pattern is never run ("(?!)"), always run whole, or run by its candidate alternatives.
    QList<qsizetype> m_always;            ///< the patterns that always run, ascending
    QList<qsizetype> m_alternativeOwners; ///< each alternative's pattern
    // A prefiltered pattern's top-level alternatives, each a pattern of its own (same options):
    // pattern i's are m_alternatives[m_alternativeStarts[i]...m_alternativeStarts[i + 1]].
    QList<Pattern> m_alternatives;
    QList<qsizetype> m_alternativeStarts;
    // Each alternative's literal, folded (the automaton knows its start):
    // m_literalChars[m_literalStarts[a]...m_literalStarts[a + 1]], all in one buffer.
    QList<char16_t> m_literalChars;
    QList<quint32> m_literalStarts;
    // The automaton: a state is the offset of its row, state number * classCount, and
    // m_next[row + class] * rowUnit is the next state's. The states from m_firstOutputRow on have
    // outputs: the alternatives whose literal ends there, directly or as a suffix; state
    // number m_firstOutputRow / classCount + k has
    // m_outputPatterns[m_outputStarts[k]...m_outputStarts[k + 1]].
    QList<quint16> m_next;
    quint32 m_firstOutputRow = 0;
    QList<quint32> m_outputStarts;
    QList<quint16> m_outputPatterns;
};

/// Ordered patterns (one option set) asked together which of them match a text, for rules
/// where the first in order wins or where every rule that matches counts. One prefilter pass
/// (FirstMatch) finds the few that can match; only those run.
class PatternSet final
{
public:
    PatternSet() = default;
    PatternSet(const QStringList &patterns, Pattern::Options options);

    qsizetype size() const { return m_size; }

    /// The indexes of the patterns that match text anywhere, ascending.
    QList<qsizetype> matching(QStringView text) const;
    /// The lowest index whose pattern matches text, or -1.
    qsizetype firstMatching(QStringView text) const;

private:
    FirstMatch m_filter; ///< one group per pattern
    qsizetype m_size = 0;
};

} // namespace BounceDoctor
