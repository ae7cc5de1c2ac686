#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

#include <functional>
#include <memory>
#include <vector>

namespace re2 {
class RE2;
} // namespace re2

namespace BounceDoctor {

class PatternMatch;

/// A compiled regular expression in RE2 syntax, over Qt text.
///
/// RE2 matches in time linear in the text's length whatever the pattern (no backtracking), so
/// a hostile bounce cannot make a pattern run for ever; in exchange it has no look-around and
/// no back-references. \w, \d, \s and \b are ASCII; write [\pL\pN_] where letters of any
/// script count. Caseless matching folds Unicode. A Pattern is immutable and may be shared by
/// every thread.
class Pattern final
{
public:
    enum Option
    {
        NoOption = 0,
        CaseInsensitive = 0x1,
        Multiline = 0x2,            ///< ^ and $ match at line starts and ends
        DotMatchesEverything = 0x4, ///< . matches newlines too
    };
    using Options = int;

    /// A pattern that never matches.
    Pattern();
    explicit Pattern(const QString &pattern, Options options = NoOption);

    bool isValid() const;
    /// Why the pattern did not compile; empty when valid.
    QString errorString() const;
    QString pattern() const { return m_source; }
    Options options() const { return m_options; }

    /// True when the pattern matches text at or after from (text before from still counts for
    /// ^ and \b).
    bool matches(QStringView text, qsizetype from = 0) const;
    /// The first match at or after from, with its capture groups. The match refers to text,
    /// which must outlive it (a temporary QString would not: that overload is deleted).
    PatternMatch match(QStringView text, qsizetype from = 0) const;
    PatternMatch match(QString &&text, qsizetype from = 0) const = delete;

    /// Calls visit for each successive non-overlapping match at or after from, until visit
    /// returns false. After an empty match the search goes on one character further.
    void forEachMatch(QStringView text, const std::function<bool(const PatternMatch &)> &visit,
                      qsizetype from = 0) const;

    /// Pattern text that matches text literally.
    static QString escape(QStringView text);

private:
    QString m_source;
    Options m_options = NoOption;
    std::shared_ptr<const re2::RE2> m_re; ///< null for the default pattern
};

/// One match of a Pattern: offsets (UTF-16, like the text's) into the text it was run on,
/// which must outlive it.
class PatternMatch final
{
public:
    bool hasMatch() const { return m_matched; }
    /// The highest group that took part in the match (0 when only the whole match did).
    int lastCapturedIndex() const;
    bool hasCaptured(int group) const { return capturedStart(group) >= 0; }
    qsizetype capturedStart(int group = 0) const;
    qsizetype capturedEnd(int group = 0) const;
    qsizetype capturedLength(int group = 0) const
    {
        return hasCaptured(group) ? capturedEnd(group) - capturedStart(group) : 0;
    }
    QStringView capturedView(int group = 0) const;
    QString captured(int group = 0) const { return capturedView(group).toString(); }

private:
    friend class Pattern;
    QStringView m_subject;
    bool m_matched = false;
    QVarLengthArray<qsizetype, 20> m_offsets; ///< start, end per group; -1 when unset
};

/// Groups of ordered rules, each rule a list of patterns (alternatives, one option set for
/// all), asked which rules match a text: for rules where the first in order wins or where every
/// rule that matches counts. Through RE2's FilteredRE2, only the alternatives whose literal text
/// (atoms) the text holds run; one pass over a text finds the atoms of every group, for groups
/// that are asked about the same text. An alternative that does not compile is logged and never
/// matches; a rule without alternatives never matches; the others keep their indexes.
class PatternGroups final
{
public:
    /// The atoms a text holds, for asking any group about that text.
    class Atoms final
    {
    private:
        friend class PatternGroups;
        std::vector<int> m_found; ///< indexes into the groups' shared atoms
        bool m_known = false;     ///< false: every alternative must run
    };

    PatternGroups() = default;
    PatternGroups(const QList<QList<QStringList>> &groups, Pattern::Options options);

    qsizetype size(qsizetype group) const;

    /// The atoms in text. Those of a text that holds every atom text holds caselessly (the
    /// same text in lower case, say) do for text too.
    Atoms atomsIn(QStringView text) const;
    /// The indexes of group's rules that match text anywhere, ascending.
    QList<qsizetype> matching(qsizetype group, QStringView text, const Atoms &atoms) const;
    /// The lowest index of group's rules that matches text, or -1.
    qsizetype firstMatching(qsizetype group, QStringView text, const Atoms &atoms) const;

private:
    struct Filters; ///< each group's FilteredRE2 and the RE2::Set of all their atoms
    std::vector<int> run(qsizetype group, QStringView text, const Atoms &atoms,
                         bool firstOnly) const;
    std::shared_ptr<const Filters> m_filters;
};

/// One group of ordered patterns (see PatternGroups), asked one text at a time.
class PatternSet final
{
public:
    PatternSet() = default;
    /// One pattern a rule.
    PatternSet(const QStringList &patterns, Pattern::Options options);

    qsizetype size() const { return m_groups.size(0); }
    QList<qsizetype> matching(QStringView text) const
    {
        return m_groups.matching(0, text, m_groups.atomsIn(text));
    }
    qsizetype firstMatching(QStringView text) const
    {
        return m_groups.firstMatching(0, text, m_groups.atomsIn(text));
    }

private:
    PatternGroups m_groups;
};

} // namespace BounceDoctor
