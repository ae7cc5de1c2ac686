#include "pattern.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <mutex>

#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>

Q_LOGGING_CATEGORY(lcPattern, "bouncedoctor.common.pattern", QtWarningMsg)

namespace BounceDoctor {

struct Pattern::Compiled
{
    QString source;
    Options options = NoOption;
    // Compiled on first use: a knowledge base builds hundreds of patterns and a run needs few.
    mutable std::once_flag once;
    mutable pcre2_code *code = nullptr;
    mutable QString error;
    mutable int captureCount = 0;

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
