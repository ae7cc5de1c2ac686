#include "pattern.h"

#include <QHash>
#include <QLoggingCategory>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <string>
#include <vector>

Q_LOGGING_CATEGORY(lcPattern, "bouncedoctor.common.pattern", QtWarningMsg)

namespace BounceDoctor {

namespace {

// A Qt text in UTF-8, the encoding RE2 reads, and the way between the two texts' offsets.
// Offsets are asked near each other (a match's groups, the matches through a text), so each
// walk starts where the last one ended.
class Utf8Text final
{
public:
    explicit Utf8Text(QStringView text)
        : m_bytes(text.toUtf8())
        , m_ascii(m_bytes.size() == text.size())
    {}

    re2::StringPiece piece() const { return {m_bytes.constData(), size_t(m_bytes.size())}; }
    qsizetype size() const { return m_bytes.size(); }

    /// The UTF-16 offset of a byte offset (the start of a character).
    qsizetype unitsAt(qsizetype byte)
    {
        if (m_ascii)
            return byte;
        while (m_byte < byte)
            stepForward();
        while (m_byte > byte)
            stepBack();
        return m_unit;
    }

    /// The byte offset of a UTF-16 offset.
    qsizetype byteAt(qsizetype units)
    {
        if (m_ascii)
            return units;
        while (m_unit < units && m_byte < m_bytes.size())
            stepForward();
        while (m_unit > units)
            stepBack();
        return m_byte;
    }

    /// The byte offset of the character after the one at byte.
    qsizetype nextCharacter(qsizetype byte) const
    {
        return byte < m_bytes.size() ? byte + characterBytes(m_bytes.at(byte)) : byte + 1;
    }

private:
    // A character's length from its first byte. Qt writes valid UTF-8 (a broken surrogate
    // becomes a replacement character), so the lead byte tells.
    static qsizetype characterBytes(char lead)
    {
        const auto c = static_cast<unsigned char>(lead);
        return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    }
    // Four bytes are a character outside the BMP: a surrogate pair in UTF-16.
    static qsizetype characterUnits(char lead) { return characterBytes(lead) == 4 ? 2 : 1; }
    static bool isContinuation(char byte)
    {
        return (static_cast<unsigned char>(byte) & 0xc0) == 0x80;
    }

    void stepForward()
    {
        m_unit += characterUnits(m_bytes.at(m_byte));
        m_byte += characterBytes(m_bytes.at(m_byte));
    }
    void stepBack()
    {
        do
            --m_byte;
        while (m_byte > 0 && isContinuation(m_bytes.at(m_byte)));
        m_unit -= characterUnits(m_bytes.at(m_byte));
    }

    QByteArray m_bytes;
    bool m_ascii;
    qsizetype m_byte = 0; ///< where the last walk ended, in bytes
    qsizetype m_unit = 0; ///< and in UTF-16 units
};

RE2::Options re2Options(Pattern::Options options)
{
    RE2::Options o;
    o.set_log_errors(false); // reported by the caller, with the pattern's name
    o.set_case_sensitive(!(options & Pattern::CaseInsensitive));
    o.set_dot_nl(options & Pattern::DotMatchesEverything);
    return o;
}

// RE2 has no option for multi-line anchors outside its POSIX mode: its inline flag says it.
std::string re2Source(const QString &pattern, Pattern::Options options)
{
    return ((options & Pattern::Multiline) ? QStringLiteral("(?m)") + pattern : pattern)
        .toStdString();
}

// Runs re over text from a byte offset; fills offsets (start and end of each group, in the
// text's UTF-16 offsets) when given.
bool run(const RE2 &re, Utf8Text &text, qsizetype fromByte,
         QVarLengthArray<qsizetype, 20> *offsets = nullptr)
{
    if (fromByte > text.size())
        return false;
    const int groups = offsets ? re.NumberOfCapturingGroups() + 1 : 0;
    std::vector<re2::StringPiece> found(static_cast<size_t>(groups));
    if (!re.Match(text.piece(), size_t(fromByte), size_t(text.size()), RE2::UNANCHORED,
                  found.data(), groups))
        return false;
    if (!offsets)
        return true;
    offsets->resize(2 * groups);
    const char *start = text.piece().data();
    for (int i = 0; i < groups; ++i) {
        const re2::StringPiece &group = found[size_t(i)];
        // A group that took no part in the match has no data; an empty one has.
        const bool set = group.data() != nullptr;
        (*offsets)[2 * i] = set ? text.unitsAt(group.data() - start) : -1;
        (*offsets)[2 * i + 1] = set ? text.unitsAt(group.data() + group.size() - start) : -1;
    }
    return true;
}

} // namespace

Pattern::Pattern() = default;

Pattern::Pattern(const QString &pattern, Options options)
    : m_source(pattern)
    , m_options(options)
{
    m_re = std::make_shared<const RE2>(re2Source(pattern, options), re2Options(options));
    if (!m_re->ok())
        qCWarning(lcPattern) << "invalid pattern" << pattern << errorString();
}

bool Pattern::isValid() const
{
    return m_re && m_re->ok();
}

QString Pattern::errorString() const
{
    return m_re && !m_re->ok() ? QString::fromStdString(m_re->error()) : QString();
}

bool Pattern::matches(QStringView text, qsizetype from) const
{
    if (!isValid() || from < 0 || from > text.size())
        return false;
    Utf8Text utf8(text);
    return run(*m_re, utf8, utf8.byteAt(from));
}

PatternMatch Pattern::match(QStringView text, qsizetype from) const
{
    PatternMatch m;
    m.m_subject = text;
    if (!isValid() || from < 0 || from > text.size())
        return m;
    Utf8Text utf8(text);
    m.m_matched = run(*m_re, utf8, utf8.byteAt(from), &m.m_offsets);
    return m;
}

void Pattern::forEachMatch(QStringView text, const std::function<bool(const PatternMatch &)> &visit,
                           qsizetype fromUnits) const
{
    if (!isValid() || fromUnits < 0 || fromUnits > text.size())
        return;
    Utf8Text utf8(text);
    qsizetype from = utf8.byteAt(fromUnits);
    while (from <= utf8.size()) {
        PatternMatch m;
        m.m_subject = text;
        if (!run(*m_re, utf8, from, &m.m_offsets))
            return;
        m.m_matched = true;
        if (!visit(m))
            return;
        // Where the match ended, in bytes: the walk back from UTF-16 starts where it stopped.
        const qsizetype end = utf8.byteAt(m.capturedEnd());
        from = m.capturedEnd() == m.capturedStart() ? utf8.nextCharacter(end) : end;
    }
}

QString Pattern::escape(QStringView text)
{
    return QString::fromStdString(RE2::QuoteMeta(text.toUtf8().toStdString()));
}

int PatternMatch::lastCapturedIndex() const
{
    int last = static_cast<int>(m_offsets.size() / 2) - 1;
    while (last > 0 && m_offsets[2 * last] < 0)
        --last;
    return std::max(last, 0);
}

qsizetype PatternMatch::capturedStart(int group) const
{
    return group >= 0 && 2 * group + 1 < m_offsets.size() ? m_offsets[2 * group] : -1;
}

qsizetype PatternMatch::capturedEnd(int group) const
{
    return group >= 0 && 2 * group + 1 < m_offsets.size() ? m_offsets[2 * group + 1] : -1;
}

QStringView PatternMatch::capturedView(int group) const
{
    const qsizetype start = capturedStart(group);
    return start < 0 ? QStringView() : m_subject.mid(start, capturedEnd(group) - start);
}

// FilteredRE2 rather than RE2::Set. A set reads the text once for all its patterns, but it
// cannot stop at the first pattern that matches, and its automaton has a state for every
// combination of patterns part-way through a match: with the reason rules' ".*" it built new
// states on nearly every text, several times slower than running the rules one by one. FilteredRE2
// names the literal text (atoms) each alternative needs; one RE2::Set of those atoms, plain strings
// whose automaton stays small, says which atoms a text holds, and FilteredRE2 then tries, in order,
// only the alternatives those atoms allow (and the few that need none): the first that matches
// names the rule.
struct PatternGroups::Filters
{
    // Shorter atoms would let nearly every text through: such alternatives always run.
    static constexpr int minAtomLength = 3;

    struct Group
    {
        re2::FilteredRE2 filter{minAtomLength};
        bool compiled = false;   ///< false when no alternative compiled
        std::vector<int> ruleOf; ///< an alternative (filter's index) -> its rule
        std::vector<int> atomOf; ///< a shared atom -> the filter's atom, or -1
        qsizetype rules = 0;
    };
    std::vector<Group> groups;
    std::unique_ptr<RE2::Set> atoms; ///< every group's atoms; null when there are none
    bool atomsFailed = false;        ///< the atoms did not compile: every alternative runs
};

PatternGroups::PatternGroups(const QList<QList<QStringList>> &groups, Pattern::Options options)
{
    auto filters = std::make_shared<Filters>();
    filters->groups.resize(size_t(groups.size()));
    QHash<QByteArray, int> shared; // an atom -> its index in filters->atoms
    std::vector<std::vector<std::string>> groupAtoms(size_t(groups.size()));
    for (qsizetype g = 0; g < groups.size(); ++g) {
        Filters::Group &group = filters->groups[size_t(g)];
        group.rules = groups.at(g).size();
        for (qsizetype rule = 0; rule < groups.at(g).size(); ++rule) {
            for (const QString &alternative : groups.at(g).at(rule)) {
                const std::string source = re2Source(alternative, options);
                int id = 0;
                if (group.filter.Add(source, re2Options(options), &id) != RE2::NoError) {
                    const RE2 broken(source, re2Options(options));
                    qCWarning(lcPattern) << "invalid pattern" << alternative
                                         << QString::fromStdString(broken.error());
                    continue;
                }
                group.ruleOf.push_back(int(rule));
            }
        }
        if (group.ruleOf.empty())
            continue;
        group.filter.Compile(&groupAtoms[size_t(g)]);
        group.compiled = true;
        for (const std::string &atom : groupAtoms[size_t(g)]) {
            const QByteArray key = QByteArray::fromStdString(atom);
            if (!shared.contains(key))
                shared.insert(key, int(shared.size()));
        }
    }
    for (size_t g = 0; g < groupAtoms.size(); ++g) {
        std::vector<int> &atomOf = filters->groups[g].atomOf;
        atomOf.assign(size_t(shared.size()), -1);
        for (size_t a = 0; a < groupAtoms[g].size(); ++a)
            atomOf[size_t(shared.value(QByteArray::fromStdString(groupAtoms[g][a])))] = int(a);
    }
    // FilteredRE2's atoms are lower case, to be found in lower-case text; found caselessly
    // (folding Unicode) instead, they are found wherever the lower-case text has them.
    if (!shared.isEmpty()) {
        std::vector<std::string> atoms(size_t(shared.size()));
        for (auto it = shared.cbegin(); it != shared.cend(); ++it)
            atoms[size_t(it.value())] = it.key().toStdString();
        filters->atoms =
            std::make_unique<RE2::Set>(re2Options(Pattern::CaseInsensitive), RE2::UNANCHORED);
        for (const std::string &atom : atoms)
            filters->atoms->Add(RE2::QuoteMeta(atom), nullptr);
        if (!filters->atoms->Compile()) {
            qCWarning(lcPattern) << "the atoms of pattern groups did not compile";
            filters->atoms.reset();
            filters->atomsFailed = true;
        }
    }
    m_filters = std::move(filters);
}

qsizetype PatternGroups::size(qsizetype group) const
{
    return m_filters && group >= 0 && size_t(group) < m_filters->groups.size()
               ? m_filters->groups[size_t(group)].rules
               : 0;
}

PatternGroups::Atoms PatternGroups::atomsIn(QStringView text) const
{
    Atoms found;
    if (!m_filters)
        return found;
    if (!m_filters->atoms) {
        // Without atoms every alternative is one FilteredRE2 always runs.
        found.m_known = !m_filters->atomsFailed;
        return found;
    }
    const QByteArray utf8 = text.toUtf8();
    RE2::Set::ErrorInfo error{RE2::Set::kNoError};
    found.m_known =
        m_filters->atoms->Match({utf8.constData(), size_t(utf8.size())}, &found.m_found, &error) ||
        error.kind == RE2::Set::kNoError;
    if (!found.m_known)
        qCDebug(lcPattern) << "RE2::Set failed with error" << error.kind
                           << "; matching one pattern at a time";
    return found;
}

std::vector<int> PatternGroups::run(qsizetype groupIndex, QStringView text, const Atoms &atoms,
                                    bool firstOnly) const
{
    std::vector<int> found; // the group's alternatives that match, ascending
    if (!m_filters || groupIndex < 0 || size_t(groupIndex) >= m_filters->groups.size())
        return found;
    const Filters::Group &group = m_filters->groups[size_t(groupIndex)];
    if (!group.compiled)
        return found;
    const QByteArray utf8 = text.toUtf8();
    const re2::StringPiece piece(utf8.constData(), size_t(utf8.size()));
    if (atoms.m_known) {
        std::vector<int> groupAtoms;
        for (const int atom : atoms.m_found) {
            if (size_t(atom) < group.atomOf.size() && group.atomOf[size_t(atom)] >= 0)
                groupAtoms.push_back(group.atomOf[size_t(atom)]);
        }
        // FilteredRE2 tries the alternatives the atoms allow in the order they were added.
        if (!firstOnly) {
            group.filter.AllMatches(piece, groupAtoms, &found);
            std::sort(found.begin(), found.end());
        } else if (const int first = group.filter.FirstMatch(piece, groupAtoms); first >= 0) {
            found.push_back(first);
        }
        return found;
    }
    for (int i = 0; i < group.filter.NumRegexps() && !(firstOnly && !found.empty()); ++i) {
        if (RE2::PartialMatch(piece, group.filter.GetRE2(i)))
            found.push_back(i);
    }
    return found;
}

QList<qsizetype> PatternGroups::matching(qsizetype group, QStringView text,
                                         const Atoms &atoms) const
{
    QList<qsizetype> rules;
    for (const int id : run(group, text, atoms, false)) {
        const qsizetype rule = m_filters->groups[size_t(group)].ruleOf[size_t(id)];
        if (rules.isEmpty() || rules.last() != rule)
            rules.append(rule); // ascending: a rule's alternatives are added together
    }
    return rules;
}

qsizetype PatternGroups::firstMatching(qsizetype group, QStringView text, const Atoms &atoms) const
{
    const std::vector<int> first = run(group, text, atoms, true);
    return first.empty() ? -1 : m_filters->groups[size_t(group)].ruleOf[size_t(first.front())];
}

PatternSet::PatternSet(const QStringList &patterns, Pattern::Options options)
    : m_groups(
          [&patterns] {
              QList<QStringList> rules;
              for (const QString &pattern : patterns)
                  rules.append(QStringList{pattern});
              return QList<QList<QStringList>>{rules};
          }(),
          options)
{}

} // namespace BounceDoctor
