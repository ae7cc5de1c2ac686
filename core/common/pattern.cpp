#include "pattern.h"

#include "firstmatch.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>
#include <vector>

#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

Q_LOGGING_CATEGORY(lcPattern, "bouncedoctor.common.pattern", QtWarningMsg)

namespace BounceDoctor {

namespace {

// Whether a text contains any of a few literals (folded, see FirstMatch::fold). Each is found
// eight places at a time: where two of its characters (its anchors) are, compared as vectors,
// the whole literal is compared. Without SSE2, or for a literal whose every character is one a
// non-ASCII character folds to, each is found by skipping ahead by up to its length where it
// cannot end (Boyer-Moore-Horspool). Either touches a fraction of the work a pattern does by
// trying every character that could start a match. (One shared scan for all literals can only
// skip as far as its worst literal allows, which over letters is little: it measured slower.)
class LiteralGate final
{
public:
    explicit LiteralGate(QStringList literals)
    {
        // A literal that contains another adds nothing: a text with it has the other too.
        literals.removeDuplicates();
        for (const QString &literal : std::as_const(literals)) {
            const bool redundant =
                std::any_of(literals.cbegin(), literals.cend(), [&literal](const QString &other) {
                    return other.size() < literal.size() && literal.contains(other);
                });
            if (!redundant)
                m_literals.append(literal.left(maxLength)); // a prefix that long is as telling
        }
        for (const QString &literal : std::as_const(m_literals)) {
            std::array<quint8, 256> skip;
            skip.fill(static_cast<quint8>(literal.size()));
            // Characters sharing a table slot keep the smallest skip of any of them.
            for (qsizetype i = 0; i + 1 < literal.size(); ++i)
                skip[literal.at(i).unicode() & 0xff] = static_cast<quint8>(literal.size() - 1 - i);
            m_skips.append(skip);
            // The first and the last character a vector compare finds whatever their case:
            // not 'k' or 's', which KELVIN SIGN and LONG S also fold to.
            auto usable = [&literal](qsizetype i) {
                const char16_t c = literal.at(i).unicode();
                return c != u'k' && c != u's';
            };
            qsizetype first = 0;
            while (first < literal.size() && !usable(first))
                ++first;
            qsizetype last = literal.size() - 1;
            while (last > first && !usable(last))
                --last;
            using Anchors = std::pair<qsizetype, qsizetype>;
            m_anchors.append(first < literal.size() ? Anchors(first, last) : Anchors(-1, -1));
        }
    }

    bool anyIn(QStringView text) const
    {
        for (qsizetype k = 0; k < m_literals.size(); ++k) {
            if (occursIn(k, text))
                return true;
        }
        return false;
    }

private:
    bool occursIn(qsizetype k, QStringView text) const
    {
#if defined(__SSE2__)
        if (m_anchors.at(k).first >= 0)
            return occursByAnchors(k, text);
#endif
        const QString &literal = m_literals.at(k);
        const qsizetype length = literal.size();
        const auto *chars = reinterpret_cast<const char16_t *>(literal.utf16());
        const std::array<quint8, 256> &skip = m_skips.at(k);
        const char16_t *units = text.utf16();
        const char16_t last = chars[length - 1];
        for (qsizetype at = 0; at + length <= text.size();) {
            const char16_t end = FirstMatch::fold(units[at + length - 1]);
            if (end == last) {
                qsizetype i = length - 2;
                while (i >= 0 && FirstMatch::fold(units[at + i]) == chars[i])
                    --i;
                if (i < 0)
                    return true;
            }
            at += skip[end & 0xff];
        }
        return false;
    }

#if defined(__SSE2__)
    bool occursByAnchors(qsizetype k, QStringView text) const
    {
        const QString &literal = m_literals.at(k);
        const qsizetype length = literal.size();
        const auto *chars = reinterpret_cast<const char16_t *>(literal.utf16());
        const auto [first, last] = m_anchors.at(k);
        const char16_t *units = text.utf16();
        const qsizetype size = text.size();
        auto isAt = [&](qsizetype start) {
            for (qsizetype i = 0; i < length; ++i) {
                if (FirstMatch::fold(units[start + i]) != chars[i])
                    return false;
            }
            return true;
        };
        // A lower-case letter matches either case: OR-ing 0x20 in maps only its upper case to
        // it. Any other character must be itself.
        auto caseBit = [](char16_t c) { return _mm_set1_epi16(c >= u'a' && c <= u'z' ? 0x20 : 0); };
        const __m128i firstChar = _mm_set1_epi16(static_cast<short>(chars[first]));
        const __m128i lastChar = _mm_set1_epi16(static_cast<short>(chars[last]));
        const __m128i firstCase = caseBit(chars[first]);
        const __m128i lastCase = caseBit(chars[last]);
        qsizetype start = 0;
        // Eight starting places a round, while the literal at each is inside the text (and so
        // are both anchors' eight characters).
        for (; start + length + 7 <= size; start += 8) {
            const __m128i atFirst =
                _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + start + first));
            const __m128i atLast =
                _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + start + last));
            const __m128i both =
                _mm_and_si128(_mm_cmpeq_epi16(_mm_or_si128(atFirst, firstCase), firstChar),
                              _mm_cmpeq_epi16(_mm_or_si128(atLast, lastCase), lastChar));
            // Two bits a place.
            for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(both)); mask != 0;
                 mask &= mask - 1, mask &= mask - 1) {
                if (isAt(start + __builtin_ctz(mask) / 2))
                    return true;
            }
        }
        for (; start + length <= size; ++start) {
            if (isAt(start))
                return true;
        }
        return false;
    }
#endif

    static constexpr qsizetype maxLength = 64;
    QStringList m_literals;
    QList<std::array<quint8, 256>> m_skips; ///< each literal's Horspool table
    /// Each literal's two characters compared as vectors, or -1 when it has none to compare.
    QList<std::pair<qsizetype, qsizetype>> m_anchors;
};

// Which patterns get a literal gate, and on which texts it pays: a few long literals, a text
// long enough that skipping through it beats the pattern's own first-character search.
constexpr qsizetype maxGateLiterals = 8;
constexpr qsizetype minGateLiteral = 4;
constexpr qsizetype minGatedText = 64;

} // namespace

struct Pattern::Compiled
{
    QString source;
    Options options = NoOption;
    // Compiled on first use: a knowledge base builds hundreds of patterns and a run needs few.
    mutable std::once_flag once;
    mutable pcre2_code *code = nullptr;
    mutable QString error;
    mutable int captureCount = 0;
    // Every match contains one of these (each the literal text of a top-level alternative):
    // a long text with none of them is answered without running the pattern. Empty when the
    // pattern has no such literals worth looking for.
    mutable std::optional<LiteralGate> gate;

    ~Compiled() { pcre2_code_free(code); }

    const Compiled &ready() const
    {
        std::call_once(once, [this] { compile(); });
        return *this;
    }

    void compile() const;
};

namespace {

// Match data sized for most patterns, a JIT stack as large as QRegularExpression allows (deep
// alternations on long texts need more than PCRE2's 32 KiB default), one of each per thread.
struct ThreadMatchState final
{
    static constexpr uint32_t pairs = 64;
    pcre2_match_data *data = pcre2_match_data_create(pairs, nullptr);
    pcre2_match_context *context = pcre2_match_context_create(nullptr);
    pcre2_jit_stack *jitStack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, nullptr);

    ThreadMatchState() { pcre2_jit_stack_assign(context, nullptr, jitStack); }
    ~ThreadMatchState()
    {
        pcre2_jit_stack_free(jitStack);
        pcre2_match_context_free(context);
        pcre2_match_data_free(data);
    }
    ThreadMatchState(const ThreadMatchState &) = delete;
    ThreadMatchState &operator=(const ThreadMatchState &) = delete;
};

} // namespace

namespace {

ThreadMatchState &threadState()
{
    thread_local ThreadMatchState state;
    return state;
}

} // namespace

Pattern::Pattern() = default;

Pattern::Pattern(const QString &pattern, Options options)
{
    auto compiled = std::make_shared<Compiled>();
    compiled->source = pattern;
    compiled->options = options;
    m_compiled = std::move(compiled);
}

void Pattern::Compiled::compile() const
{
    // The options QRegularExpression passes for the same flags, so patterns mean the same.
    // Without MATCH_INVALID_UTF PCRE2 checks the whole text is valid UTF-16 at every match, which
    // cost more than the matching over one message's text, and refuses the whole text for one
    // broken surrogate; with it, broken code units just never match.
    uint32_t flags = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (options & CaseInsensitive)
        flags |= PCRE2_CASELESS;
    if (options & Multiline)
        flags |= PCRE2_MULTILINE;
    if (options & DotMatchesEverything)
        flags |= PCRE2_DOTALL;
    if (options & UnicodeProperties)
        flags |= PCRE2_UCP;
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.utf16()),
                         static_cast<PCRE2_SIZE>(source.size()), flags, &errorCode, &errorOffset,
                         nullptr);
    if (!code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(errorCode, message, 256);
        error = QStringLiteral("%1 at offset %2")
                    .arg(QString::fromUtf16(reinterpret_cast<const char16_t *>(message)))
                    .arg(errorOffset);
        qCWarning(lcPattern) << "invalid pattern" << source << error;
        return;
    }
    uint32_t captures = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &captures);
    captureCount = static_cast<int>(captures);
    // Without JIT (not built for this CPU, out of memory) PCRE2 interprets: slower, same.
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    QStringList literals;
    if (!(options & LiteralsChecked) && FirstMatch::requiredLiterals(source, literals) &&
        literals.size() <= maxGateLiterals &&
        std::all_of(literals.cbegin(), literals.cend(),
                    [](const QString &literal) { return literal.size() >= minGateLiteral; })) {
        gate.emplace(literals);
    }
}

Pattern::~Pattern() = default;
Pattern::Pattern(const Pattern &other) = default;
Pattern &Pattern::operator=(const Pattern &other) = default;
Pattern::Pattern(Pattern &&other) noexcept = default;
Pattern &Pattern::operator=(Pattern &&other) noexcept = default;

bool Pattern::isValid() const
{
    return m_compiled && m_compiled->ready().code;
}

QString Pattern::errorString() const
{
    return m_compiled ? m_compiled->ready().error : QString();
}

QString Pattern::pattern() const
{
    return m_compiled ? m_compiled->source : QString();
}

Pattern::Options Pattern::options() const
{
    return m_compiled ? m_compiled->options : NoOption;
}

bool Pattern::matches(QStringView text, qsizetype from) const
{
    return run(text, from, 0, nullptr);
}

PatternMatch Pattern::match(QStringView text, qsizetype from) const
{
    PatternMatch m;
    run(text, from, 0, &m);
    return m;
}

QString Pattern::escape(QStringView text)
{
    return QRegularExpression::escape(text);
}

bool Pattern::run(QStringView text, qsizetype from, unsigned flags, PatternMatch *out) const
{
    if (out) {
        out->m_subject = text;
        out->m_matched = false;
        out->m_offsets.clear();
    }
    if (!isValid() || from < 0 || from > text.size())
        return false;
    // A match contains its literal after from, whatever it looks behind at.
    const std::optional<LiteralGate> &gate = m_compiled->gate;
    if (gate && text.size() - from >= minGatedText && !gate->anyIn(text.sliced(from)))
        return false;
    ThreadMatchState &state = threadState();
    pcre2_match_data *data = state.data;
    std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> ownData(
        nullptr, &pcre2_match_data_free);
    if (out && static_cast<uint32_t>(m_compiled->captureCount) >= ThreadMatchState::pairs) {
        ownData.reset(pcre2_match_data_create_from_pattern(m_compiled->code, nullptr));
        data = ownData.get();
    }
    uint32_t options = 0;
    if (flags & NonEmptyAnchored)
        options |= PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED;
    // An empty view may have a null pointer, which PCRE2 refuses even with length 0.
    static const char16_t empty = 0;
    const auto *subject = reinterpret_cast<PCRE2_SPTR>(text.isNull() ? &empty : text.utf16());
    const int rc = pcre2_match(m_compiled->code, subject, static_cast<PCRE2_SIZE>(text.size()),
                               static_cast<PCRE2_SIZE>(from), options, data, state.context);
    if (rc < 0) {
        if (rc != PCRE2_ERROR_NOMATCH)
            qCDebug(lcPattern) << "match failed with PCRE2 error" << rc << "for" << pattern();
        return false;
    }
    if (!out)
        return true;
    out->m_matched = true;
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(data);
    const int groups = m_compiled->captureCount + 1;
    out->m_offsets.resize(groups * 2);
    for (int i = 0; i < groups; ++i) {
        // Groups past the last one that matched are left unset by PCRE2 only up to rc.
        const bool set = i < rc && ovector[2 * i] != PCRE2_UNSET;
        out->m_offsets[2 * i] = set ? static_cast<qsizetype>(ovector[2 * i]) : -1;
        out->m_offsets[2 * i + 1] = set ? static_cast<qsizetype>(ovector[2 * i + 1]) : -1;
    }
    return true;
}

int PatternMatch::lastCapturedIndex() const
{
    int last = static_cast<int>(m_offsets.size() / 2) - 1;
    while (last > 0 && m_offsets[2 * last] < 0)
        --last;
    return last;
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

} // namespace BounceDoctor
