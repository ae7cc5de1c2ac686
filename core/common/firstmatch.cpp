#include "firstmatch.h"

#include <algorithm>
#include <array>
#include <limits>

namespace BounceDoctor {

namespace {

// Reads a regular expression's syntax far enough to name literal text every match contains.
// Anything not understood gives up (false): the pattern then always runs, which is safe.
class LiteralScan final
{
public:
    explicit LiteralScan(QStringView pattern)
        : m_p(pattern)
    {}

    // The literals (and the text) of the alternatives of m_p[from, to), one per alternative.
    bool alternatives(qsizetype from, qsizetype to, QStringList &literals,
                      QStringList &sources) const
    {
        qsizetype start = from;
        for (qsizetype i = from; i <= to; ++i) {
            if (i < to && m_p.at(i) != u'|') {
                if (!skipAtom(i, to))
                    return false;
                --i; // skipAtom moved past the atom
                continue;
            }
            if (!alternative(start, i, literals, sources))
                return false;
            start = i + 1;
        }
        return true;
    }

private:
    static bool isQuantifier(QChar c) { return c == u'?' || c == u'*' || c == u'+' || c == u'{'; }

    // Moves i past one atom (an escape, a class, a group, or a single character).
    bool skipAtom(qsizetype &i, qsizetype to) const
    {
        const QChar c = m_p.at(i);
        if (c == u'\\') {
            i += 2;
            return i <= to;
        }
        if (c == u'[') {
            qsizetype j = i + 1;
            if (j < to && m_p.at(j) == u'^')
                ++j;
            if (j < to && m_p.at(j) == u']')
                ++j;
            while (j < to && m_p.at(j) != u']') {
                if (m_p.at(j) == u'\\') {
                    j += 2;
                } else if (m_p.at(j) == u'[' && j + 1 < to && m_p.at(j + 1) == u':') {
                    const qsizetype close = m_p.indexOf(u":]", j + 2);
                    if (close < 0 || close >= to)
                        return false;
                    j = close + 2;
                } else {
                    ++j;
                }
            }
            if (j >= to)
                return false;
            i = j + 1;
            return true;
        }
        if (c == u'(') {
            qsizetype j = i + 1;
            while (j < to && m_p.at(j) != u')') {
                if (!skipAtom(j, to))
                    return false;
            }
            if (j >= to)
                return false;
            i = j + 1;
            return true;
        }
        if (c == u')')
            return false; // unbalanced
        ++i;
        return true;
    }

    // The longest run of plain characters of the alternative m_p[from, to), or, when the
    // alternative is one plain group, the literals of the group's alternatives.
    bool alternative(qsizetype from, qsizetype to, QStringList &literals,
                     QStringList &sources) const
    {
        if (from < to && m_p.at(from) == u'(') {
            qsizetype end = from;
            if (!skipAtom(end, to))
                return false;
            if (end == to) {
                if (m_p.at(from + 1) != u'?')
                    return alternatives(from + 1, to - 1, literals, sources);
                if (m_p.at(from + 2) == u':')
                    return alternatives(from + 3, to - 1, literals, sources);
            }
        }
        QString best;
        QString run;
        auto endRun = [&best, &run] {
            if (run.size() > best.size())
                best = run;
            run.clear();
        };
        qsizetype i = from;
        while (i < to) {
            const QChar c = m_p.at(i);
            QChar literal;
            qsizetype next = i + 1;
            if (c == u'\\') {
                if (i + 1 >= to)
                    return false;
                const QChar e = m_p.at(i + 1);
                next = i + 2;
                if (e.unicode() < 128 && e.isLetterOrNumber()) {
                    // Single-position classes and assertions only; the rest (\x{..}, \p{..},
                    // back references, \Q, \K, \G, ...) is not worth reading.
                    if (!QStringView(u"dDwWsSbBhHvVRntrfeaAzZ").contains(e))
                        return false;
                } else {
                    literal = e;
                }
            } else if (c == u'(') {
                // Groups are opaque; only those that cannot change how the rest reads.
                if (i + 1 < to && m_p.at(i + 1) == u'*')
                    return false;
                if (i + 2 < to && m_p.at(i + 1) == u'?') {
                    const QChar t = m_p.at(i + 2);
                    const bool known = t == u':' || t == u'=' || t == u'!' || t == u'>' ||
                                       t == u'<' || t == u'\'' ||
                                       (t == u'P' && i + 3 < to && m_p.at(i + 3) == u'<');
                    if (!known)
                        return false;
                }
                if (!skipAtom(next = i, to))
                    return false;
            } else if (c == u'[') {
                if (!skipAtom(next = i, to))
                    return false;
            } else if (c == u'{') {
                // A quantifier's count; anything else there is not read.
                const qsizetype close = m_p.indexOf(u'}', i);
                if (close < 0 || close >= to)
                    return false;
                for (qsizetype j = i + 1; j < close; ++j) {
                    if (!m_p.at(j).isDigit() && m_p.at(j) != u',' && m_p.at(j) != u' ')
                        return false;
                }
                next = close + 1;
            } else if (c != u'.' && c != u'^' && c != u'$' && c != u'?' && c != u'*' && c != u'+') {
                literal = c;
            }
            // A quantified character is not required where it stands; characters that
            // match others caselessly in ways fold() does not know end the run too.
            const bool plain =
                !literal.isNull() && !(next < to && isQuantifier(m_p.at(next))) &&
                (literal.unicode() < 128 || literal.category() == QChar::Letter_Other);
            if (plain)
                run += QChar(FirstMatch::fold(literal.unicode()));
            else
                endRun();
            i = next;
        }
        endRun();
        if (best.isEmpty())
            return false;
        literals.append(best);
        sources.append(m_p.sliced(from, to - from).toString());
        return true;
    }

    QStringView m_p;
};

} // namespace

bool FirstMatch::requiredLiterals(const Pattern &pattern, QStringList &literals,
                                  QStringList *sources)
{
    literals.clear();
    return pattern.isValid() && requiredLiterals(pattern.pattern(), literals, sources);
}

bool FirstMatch::requiredLiterals(const QString &source, QStringList &literals,
                                  QStringList *sources)
{
    literals.clear();
    QStringList alternatives;
    if (source.contains(QLatin1String("\\Q")) || source.contains(QLatin1String("(?#")))
        return false;
    if (!LiteralScan(source).alternatives(0, source.size(), literals, alternatives)) {
        literals.clear();
        return false;
    }
    if (sources)
        *sources = alternatives;
    return true;
}

FirstMatch::FirstMatch(const QList<QList<Pattern>> &groups)
{
    for (const QList<Pattern> &group : groups) {
        m_groupStarts.append(m_patterns.size());
        m_patterns.append(group);
    }
    m_groupStarts.append(m_patterns.size());
    // The trie of all literals first.
    QList<std::array<quint16, classCount>> children(1); // the root; 0: no child
    QList<QList<quint16>> outputs(1);
    for (qsizetype index = 0; index < m_patterns.size(); ++index) {
        const Pattern &pattern = m_patterns.at(index);
        m_alternativeStarts.append(m_alternatives.size());
        QStringList literals;
        QStringList sources;
        qsizetype length = 0;
        if (pattern.pattern() == QLatin1String("(?!)"))
            continue; // never matches, so never runs
        const bool filtered = requiredLiterals(pattern, literals, &sources);
        for (const QString &literal : std::as_const(literals))
            length += std::min(literal.size(), maxLiteral);
        // Compiled on first use: most never are.
        QList<Pattern> alternatives;
        for (const QString &source : std::as_const(sources))
            alternatives.append(Pattern(source, pattern.options() | Pattern::LiteralsChecked));
        if (!filtered || children.size() + length > maxStates ||
            m_alternatives.size() + alternatives.size() > std::numeric_limits<quint16>::max()) {
            m_always.append(index);
            continue;
        }
        for (qsizetype a = 0; a < literals.size(); ++a) {
            const QString &literal = literals.at(a);
            const auto alternative = quint16(m_alternatives.size() + a);
            quint16 state = 0;
            // A few characters are as telling as the whole phrase, and keep the automaton
            // small enough for the cache.
            for (const QChar c : QStringView(literal).left(maxLiteral)) {
                const quint32 cls = classOf(c.unicode());
                if (children[state][cls] == 0) {
                    children[state][cls] = quint16(children.size());
                    children.append(std::array<quint16, classCount>{});
                    outputs.append(QList<quint16>());
                }
                state = children[state][cls];
            }
            if (!outputs[state].contains(alternative))
                outputs[state].append(alternative);
        }
        m_alternatives.append(alternatives);
        for (const QString &literal : std::as_const(literals)) {
            m_literalStarts.append(quint32(m_literalChars.size()));
            for (const QChar c : literal)
                m_literalChars.append(c.unicode());
        }
        for (qsizetype a = 0; a < alternatives.size(); ++a)
            m_alternativeOwners.append(index);
    }
    m_alternativeStarts.append(m_alternatives.size());
    m_literalStarts.append(quint32(m_literalChars.size()));
    // Then the transitions of every state for every class, breadth first, each state's
    // failure (its longest proper suffix in the trie) being complete before it is needed.
    const qsizetype states = children.size();
    QList<quint16> transitions(states * classCount, 0);
    QList<quint16> failure(states, 0);
    QList<quint16> queue;
    for (quint16 cls = 0; cls < classCount; ++cls) {
        if (const quint16 child = children[0][cls]) {
            transitions[cls] = child;
            queue.append(child);
        }
    }
    for (qsizetype head = 0; head < queue.size(); ++head) {
        const quint16 state = queue.at(head);
        const quint16 fail = failure.at(state);
        for (const quint16 index : std::as_const(outputs[fail])) {
            if (!outputs[state].contains(index))
                outputs[state].append(index);
        }
        for (quint16 cls = 0; cls < classCount; ++cls) {
            const quint16 child = children[state][cls];
            if (child == 0) {
                transitions[state * classCount + cls] = transitions[fail * classCount + cls];
            } else {
                transitions[state * classCount + cls] = child;
                failure[child] = transitions[fail * classCount + cls];
                queue.append(child);
            }
        }
    }
    // Renumbered with the few states that have outputs last, so that one comparison says
    // whether a transition reached one; each stored as its row's offset in m_next.
    QList<quint32> renumbered(states);
    quint32 number = 0;
    for (const bool withOutputs : {false, true}) {
        if (withOutputs)
            m_firstOutputRow = number * classCount;
        for (qsizetype state = 0; state < states; ++state) {
            if (outputs.at(state).isEmpty() != withOutputs) {
                renumbered[state] = number++;
                if (withOutputs) {
                    m_outputStarts.append(quint32(m_outputPatterns.size()));
                    m_outputPatterns.append(outputs.at(state));
                }
            }
        }
    }
    m_outputStarts.append(quint32(m_outputPatterns.size()));
    m_next.fill(0, states * classCount);
    for (qsizetype state = 0; state < states; ++state) {
        for (quint32 cls = 0; cls < classCount; ++cls) {
            m_next[renumbered.at(state) * classCount + cls] = quint16(
                renumbered.at(transitions.at(state * classCount + cls)) * classCount / rowUnit);
        }
    }
}

FirstMatch::Candidates FirstMatch::candidates(QStringView text) const
{
    Candidates found;
    found.alternatives.resize(m_alternatives.size());
    std::fill(found.alternatives.begin(), found.alternatives.end(), false);
    if (m_next.isEmpty())
        return found;
    QVarLengthArray<bool, 1024> &candidate = found.alternatives;
    // The class of each ASCII character from a table: this loop runs for every character of
    // every text the rules are asked about.
    static const std::array<quint8, 128> asciiClass = [] {
        std::array<quint8, 128> classes{};
        for (char16_t c = 0; c < 128; ++c)
            classes[c] = static_cast<quint8>(classOf(c));
        return classes;
    }();
    // Each character's step is one load from the row the last one reached: with rows stored
    // as offsets there is no multiplication waiting between the loads.
    quint32 row = 0;
    const quint16 *next = m_next.constData();
    const quint32 firstOutputRow = m_firstOutputRow;
    const char16_t *units = text.utf16();
    const qsizetype size = text.size();
    const char16_t *literalChars = m_literalChars.constData();
    const quint32 *literalStarts = m_literalStarts.constData();
    for (qsizetype p = 0; p < size; ++p) {
        const char16_t c = units[p];
        row = quint32(next[row + (c < 128 ? asciiClass[c] : classOf(c))]) * rowUnit;
        if (row < firstOutputRow)
            continue;
        const quint32 state = (row - firstOutputRow) / classCount;
        for (quint32 i = m_outputStarts.at(state); i < m_outputStarts.at(state + 1); ++i) {
            // The automaton saw the literal's first characters, by class: the whole literal
            // must be there, character by character, for the alternative to be able to match.
            const quint16 alternative = m_outputPatterns.at(i);
            if (candidate[alternative])
                continue;
            const char16_t *literal = literalChars + literalStarts[alternative];
            const qsizetype length =
                qsizetype(literalStarts[alternative + 1]) - qsizetype(literalStarts[alternative]);
            const qsizetype start = p + 1 - std::min(length, maxLiteral);
            if (start + length > size)
                continue;
            qsizetype j = 0;
            while (j < length && fold(units[start + j]) == literal[j])
                ++j;
            if (j == length) {
                candidate[alternative] = true;
                found.patterns.append(m_alternativeOwners.at(alternative));
            }
        }
    }
    std::sort(found.patterns.begin(), found.patterns.end());
    found.patterns.erase(std::unique(found.patterns.begin(), found.patterns.end()),
                         found.patterns.end());
    return found;
}

qsizetype FirstMatch::indexIn(qsizetype group, QStringView text, const Candidates &candidates) const
{
    if (group < 0 || group + 1 >= m_groupStarts.size())
        return -1;
    const qsizetype first = m_groupStarts.at(group);
    const qsizetype end = m_groupStarts.at(group + 1);
    // Only the group's patterns that always run and those with a candidate alternative can
    // match, merged in pattern order: walking every pattern of a large group to find the few
    // cost more than running them.
    auto always = std::lower_bound(m_always.cbegin(), m_always.cend(), first);
    auto found = std::lower_bound(candidates.patterns.cbegin(), candidates.patterns.cend(), first);
    while (true) {
        const qsizetype nextAlways = always != m_always.cend() ? *always : end;
        const qsizetype nextFound = found != candidates.patterns.cend() ? *found : end;
        const qsizetype i = std::min({nextAlways, nextFound, end});
        if (i >= end)
            return -1;
        if (i == nextAlways) {
            ++always;
            if (m_patterns.at(i).matches(text))
                return i - first;
            continue;
        }
        ++found;
        // The pattern matches where one of its alternatives does: only those whose literal
        // the text has can, and each alone is cheap to look for.
        for (qsizetype a = m_alternativeStarts.at(i); a < m_alternativeStarts.at(i + 1); ++a) {
            if (!candidates.alternatives[a])
                continue;
            // An alternative that would not compile alone (the scan lets through none known)
            // leaves the answer to the whole pattern.
            const Pattern &alternative = m_alternatives.at(a);
            const Pattern &asked = alternative.isValid() ? alternative : m_patterns.at(i);
            if (asked.matches(text))
                return i - first;
        }
    }
}

namespace {

QList<QList<Pattern>> onePerGroup(const QStringList &patterns, Pattern::Options options)
{
    QList<QList<Pattern>> groups;
    for (const QString &source : patterns)
        groups.append({Pattern(source, options)});
    return groups;
}

} // namespace

PatternSet::PatternSet(const QStringList &patterns, Pattern::Options options)
    : m_filter(onePerGroup(patterns, options))
    , m_size(patterns.size())
{}

QList<qsizetype> PatternSet::matching(QStringView text) const
{
    QList<qsizetype> indexes;
    const FirstMatch::Candidates candidates = m_filter.candidates(text);
    for (qsizetype i = 0; i < m_size; ++i) {
        if (m_filter.indexIn(i, text, candidates) >= 0)
            indexes.append(i);
    }
    return indexes;
}

qsizetype PatternSet::firstMatching(QStringView text) const
{
    const FirstMatch::Candidates candidates = m_filter.candidates(text);
    for (qsizetype i = 0; i < m_size; ++i) {
        if (m_filter.indexIn(i, text, candidates) >= 0)
            return i;
    }
    return -1;
}

} // namespace BounceDoctor
