#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVarLengthArray>

#include <memory>

namespace BounceDoctor {

class PatternMatch;

/// A compiled regular expression for the hot paths of reading bounces, on PCRE2 (the engine
/// behind QRegularExpression, same syntax and options).
///
/// Why not QRegularExpression: in Qt 6.4 every match() locks the expression's mutex and
/// allocates a match object, match data and a match context. Reading one bounce runs a few
/// hundred matches over short texts, where that costs more than the matching itself, and the
/// shared mutex serialises the reader threads. A Pattern is immutable once built; matching
/// reuses per-thread match data, so one Pattern may be shared by every thread.
class Pattern final
{
public:
    enum Option
    {
        NoOption = 0,
        CaseInsensitive = 0x1,
        Multiline = 0x2,            ///< ^ and $ match at line starts and ends
        DotMatchesEverything = 0x4, ///< . matches newlines too
        UnicodeProperties = 0x8,    ///< \w, \d, \b and POSIX classes follow Unicode
        /// The caller has found the pattern's literal text in the texts it asks about (a
        /// FirstMatch prefilter): no literal gate of its own (see matches()).
        LiteralsChecked = 0x10,
    };
    using Options = int;

    /// A pattern that never matches.
    Pattern();
    explicit Pattern(const QString &pattern, Options options = NoOption);
    ~Pattern();
    Pattern(const Pattern &other);
    Pattern &operator=(const Pattern &other);
    Pattern(Pattern &&other) noexcept;
    Pattern &operator=(Pattern &&other) noexcept;

    bool isValid() const;
    /// Why the pattern did not compile, with the offset; empty when valid.
    QString errorString() const;
    QString pattern() const;
    Options options() const;

    /// True when the pattern matches text at or after from. Cheaper than match().
    /// On a long text, a pattern whose every alternative has literal text first looks for
    /// that text (a skipping scan) and runs only where it is there.
    bool matches(QStringView text, qsizetype from = 0) const;
    /// The first match at or after from, with its capture groups. The match refers to text,
    /// which must outlive it (a temporary QString would not: that overload is deleted).
    PatternMatch match(QStringView text, qsizetype from = 0) const;
    PatternMatch match(QString &&text, qsizetype from = 0) const = delete;

    /// Calls visit(const PatternMatch &) for each successive non-overlapping match, like
    /// QRegularExpression::globalMatch (an empty match is retried one character further on),
    /// until visit returns false.
    template<typename Visit>
    void forEachMatch(QStringView text, Visit &&visit, qsizetype from = 0) const;

    /// Pattern text that matches text literally.
    static QString escape(QStringView text);

private:
    struct Compiled;
    std::shared_ptr<const Compiled> m_compiled;

    enum RunFlag : unsigned
    {
        NonEmptyAnchored = 0x1, ///< after an empty match: a non-empty one, right there
    };
    bool run(QStringView text, qsizetype from, unsigned flags, PatternMatch *out) const;
    friend class PatternMatch;
};

/// One match of a Pattern: offsets into the text it was run on, which must outlive it.
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

template<typename Visit>
void Pattern::forEachMatch(QStringView text, Visit &&visit, qsizetype from) const
{
    bool retryNotEmpty = false;
    while (from <= text.size()) {
        PatternMatch m;
        // After an empty match, first look for a non-empty one at the same place (as PCRE2's
        // own demo and QRegularExpression do), else move on one character.
        const bool found = run(text, from, retryNotEmpty ? NonEmptyAnchored : 0u, &m);
        if (!found) {
            if (!retryNotEmpty)
                return;
            retryNotEmpty = false;
            ++from;
            if (from < text.size() && text.at(from - 1).isHighSurrogate() &&
                text.at(from).isLowSurrogate())
                ++from;
            continue;
        }
        if (!visit(static_cast<const PatternMatch &>(m)))
            return;
        retryNotEmpty = m.capturedEnd() == m.capturedStart();
        from = m.capturedEnd();
    }
}

} // namespace BounceDoctor
