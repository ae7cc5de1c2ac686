#include "mimeparser.h"

#include "textscan.h"

#include <QCoreApplication>
#include <QHash>
#include <QLoggingCategory>
#include <QStringDecoder>

#include <gmime/gmime.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>
#include <utility>

#if defined(__SANITIZE_ADDRESS__)
#define BD_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define BD_LEAK_CHECKED 1
#endif
#endif
#ifdef BD_LEAK_CHECKED
#include <sanitizer/lsan_interface.h>
#endif

Q_LOGGING_CATEGORY(lcMime, "bouncedoctor.bounce.mime", QtWarningMsg)

namespace BounceDoctor::Mime {
namespace {

// message/* types that carry a whole message (the returned original); read as leaf parts.
constexpr const char *embeddedMessageSubtypes[] = {"rfc822", "rfc2822", "global", "news"};

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
#ifdef BD_LEAK_CHECKED
        // Registering a type GMime already knows loses GMime's old entry (its hash table keeps
        // the old key and drops the old value): 16 bytes a type, once per process, in GMime.
        __lsan::ScopedDisabler gmimeRegistryIsNotOurs;
#endif
        g_mime_init();
        // The returned original is read for its header fields only. As a leaf part GMime copies
        // its bytes instead of building a whole message object tree for it (with every part of a
        // newsletter original), which took about a third of the parsing time.
        for (const char *subtype : embeddedMessageSubtypes)
            g_mime_object_register_type("message", subtype, GMIME_TYPE_PART);
        GMimeParserOptions *created = g_mime_parser_options_new();
        // Undeclared 8-bit text: UTF-8, then the Japanese encodings that reject Western text, then
        // Windows-1252 (which rejects the lead bytes Shift_JIS uses most), then Shift_JIS.
        static const char *fallback[] = {"UTF-8",        "ISO-2022-JP", "EUC-JP",
                                         "windows-1252", "Shift_JIS",   nullptr};
        g_mime_parser_options_set_fallback_charsets(created, fallback);
        g_mime_parser_options_set_rfc2047_compliance_mode(created, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_address_compliance_mode(created, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_parameter_compliance_mode(created, GMIME_RFC_COMPLIANCE_LOOSE);
        return created;
    }();
    return options;
}

// The same for the parser, without the fallback charsets: GMime copies its options, charset by
// charset, into every part's header list, and the parser decodes no text the walker reads
// with them (types and their parameters are ASCII).
GMimeParserOptions *structureOptions()
{
    static GMimeParserOptions *options = [] {
        GMimeParserOptions *full = parserOptions();
        GMimeParserOptions *created = g_mime_parser_options_new();
        g_mime_parser_options_set_rfc2047_compliance_mode(
            created, g_mime_parser_options_get_rfc2047_compliance_mode(full));
        g_mime_parser_options_set_address_compliance_mode(
            created, g_mime_parser_options_get_address_compliance_mode(full));
        g_mime_parser_options_set_parameter_compliance_mode(
            created, g_mime_parser_options_get_parameter_compliance_mode(full));
        return created;
    }();
    return options;
}

// Owns a GObject reference for the scope.
template<typename T>
struct GRef
{
    T *ptr = nullptr;
    explicit GRef(T *p)
        : ptr(p)
    {}
    ~GRef()
    {
        if (ptr)
            g_object_unref(ptr);
    }
    GRef(const GRef &) = delete;
    GRef &operator=(const GRef &) = delete;
};

// Each thread keeps one parser and one input stream, reset for every message: made and freed
// per message they were two of its ~45 GObjects, and every GObject freed takes GLib's global
// signal lock, which the reader threads then wait on.
class ThreadParser final
{
public:
    ThreadParser()
        : m_options(structureOptions())
        , m_bytes(g_byte_array_new())
        , m_input(g_mime_stream_mem_new())
        , m_parser(g_mime_parser_new())
    {
        g_mime_stream_mem_set_byte_array(GMIME_STREAM_MEM(m_input), m_bytes);
    }
    ~ThreadParser()
    {
        g_object_unref(m_parser);
        g_object_unref(m_input);
        g_byte_array_free(m_bytes, TRUE);
    }
    ThreadParser(const ThreadParser &) = delete;
    ThreadParser &operator=(const ThreadParser &) = delete;

    /// The input's buffer, to be filled before construct().
    GByteArray *input() { return m_bytes; }

    GMimeObject *construct()
    {
        // Setting the array again rewinds the stream to its new contents.
        g_mime_stream_mem_set_byte_array(GMIME_STREAM_MEM(m_input), m_bytes);
        g_mime_parser_init_with_stream(m_parser, m_input);
        g_mime_parser_set_format(m_parser, GMIME_FORMAT_MESSAGE);
        // Copying part contents out is cheaper than keeping a substream per part on a buffer
        // that is reused for the next message anyway.
        g_mime_parser_set_persist_stream(m_parser, FALSE);
        // As a part rather than a message: a GMimeMessage also parses every address and date
        // header into objects, which no format unit reads.
        GMimeObject *object = g_mime_parser_construct_part(m_parser, m_options);
        g_byte_array_set_size(m_bytes, 0);
        return object;
    }

private:
    GMimeParserOptions *m_options;
    GByteArray *m_bytes;
    GMimeStream *m_input;
    GMimeParser *m_parser;
};

void append(GByteArray *array, QByteArrayView bytes)
{
    g_byte_array_append(array, reinterpret_cast<const guint8 *>(bytes.data()),
                        static_cast<guint>(bytes.size()));
}

// The bounce's header section and body, split where GMime splits them: at the first empty line.
struct Sections
{
    QByteArrayView header; ///< every line of the header section, with its newline
    QByteArrayView body;
};

Sections sections(const QByteArray &bytes)
{
    QByteArrayView rest(bytes);
    // A saved message often keeps its mbox postmark ("From sender date"), which is no header.
    if (rest.startsWith("From ")) {
        const qsizetype lineEnd = rest.indexOf('\n');
        rest = lineEnd < 0 ? QByteArrayView() : rest.sliced(lineEnd + 1);
    }
    if (rest.startsWith('\n'))
        return {{}, rest.sliced(1)};
    const qsizetype blank = emptyLine(rest);
    if (blank < 0)
        return {rest, {}};
    return {rest.first(blank + 1), rest.sliced(blank + 2)};
}

// Like GMime: a header section starts with a field name (no blanks inside it, no control
// characters) and a colon, or it is no message at all.
bool startsWithField(QByteArrayView header)
{
    bool blank = false;
    for (const char c : header) {
        if (c == ':')
            return true;
        if (c == ' ' || c == '\t')
            blank = true;
        else if (blank || static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return false;
    }
    return false;
}

// The two fields that decide how GMime reads the body: the type (with its boundary and
// charset) and the transfer encoding. The other fields are read by parseHeaderBlock; as GMime
// header objects each would be one more object to build and free.
bool isStructureField(QByteArrayView line)
{
    auto isField = [line](QByteArrayView name) {
        if (line.size() <= name.size() ||
            qstrnicmp(line.data(), name.data(), static_cast<size_t>(name.size())) != 0)
            return false;
        qsizetype colon = name.size();
        while (colon < line.size() && (line.at(colon) == ' ' || line.at(colon) == '\t'))
            ++colon; // obsolete syntax allows blanks before the colon
        return colon < line.size() && line.at(colon) == ':';
    };
    return isField("content-type") || isField("content-transfer-encoding");
}

// What GMime needs of the header section to read the MIME structure: those fields, with their
// folded lines; and their values, for a message of one part, which needs no MIME parser.
struct StructureFields
{
    QByteArray lines;
    QByteArray contentType;      ///< the value, folds joined
    QByteArray transferEncoding; ///< the value, folds joined
    int contentTypes = 0;
    int transferEncodings = 0;
};

StructureFields structureFields(QByteArrayView header)
{
    StructureFields fields;
    QByteArray *value = nullptr;
    for (qsizetype at = 0; at < header.size();) {
        qsizetype end = indexOfByte(header, '\n', at);
        end = end < 0 ? header.size() : end + 1;
        const QByteArrayView line = header.sliced(at, end - at);
        at = end;
        const bool folded = line.front() == ' ' || line.front() == '\t';
        if (!folded) {
            value = nullptr;
            if (isStructureField(line)) {
                const bool isType = qstrnicmp(line.data(), "content-type", 12) == 0;
                value = isType ? &fields.contentType : &fields.transferEncoding;
                ++(isType ? fields.contentTypes : fields.transferEncodings);
                value->clear();
            }
        }
        if (!value)
            continue;
        fields.lines += line;
        if (!line.endsWith('\n'))
            fields.lines += '\n';
        const QByteArrayView text = folded ? line : line.sliced(indexOfByte(line, ':') + 1);
        *value += text.endsWith('\n') ? text.chopped(1) : text;
    }
    return fields;
}

// The header fields format units and the original-message summary read. Decoding every field
// of every message costs more than parsing the MIME structure, so only these are kept. The
// names are shared, not copied, into every field that has one.
const QByteArray *knownName(QByteArrayView lower, const QByteArray *begin, const QByteArray *end)
{
    const QByteArray *known = std::find(begin, end, lower);
    return known == end ? nullptr : known;
}

// Field names longer than this are never wanted.
constexpr qsizetype longestWantedName = 40;

// The bounce's own fields the format units read, and every "x-" field but X-Received (format
// units recognise MTAs by them); a null array for the rest.
QByteArray wantedBounceName(QByteArrayView lower)
{
    static const QByteArray wanted[] = {
        QByteArrayLiteral("subject"),
        QByteArrayLiteral("from"),
        QByteArrayLiteral("to"),
        QByteArrayLiteral("date"),
        QByteArrayLiteral("message-id"),
        QByteArrayLiteral("x-failed-recipients"),
        QByteArrayLiteral("auto-submitted"),
        QByteArrayLiteral("x-autoreply"),
        QByteArrayLiteral("x-autorespond"),
        QByteArrayLiteral("precedence"),
        QByteArrayLiteral("x-hmxmroriginalrecipient"),
        QByteArrayLiteral("content-type"),
        QByteArrayLiteral("x-mailer"),
        QByteArrayLiteral("x-original-to"),
        QByteArrayLiteral("delivered-to"),
        QByteArrayLiteral("return-path"),
        QByteArrayLiteral("reply-to"),
        QByteArrayLiteral("x-ses-outgoing"),
        QByteArrayLiteral("x-amzn-ses"),
        QByteArrayLiteral("x-postfix-queue-id"),
        QByteArrayLiteral("x-ms-exchange-message-is-ndr"),
        QByteArrayLiteral("x-gmx-antispam"),
        QByteArrayLiteral("x-spasign"),
        QByteArrayLiteral("list-id"),
    };
    if (const QByteArray *known = knownName(lower, std::begin(wanted), std::end(wanted)))
        return *known;
    if (lower.startsWith("x-") && lower != QByteArrayView("x-received") &&
        lower.size() < longestWantedName)
        return lower.toByteArray();
    return {};
}

// The returned original's fields its summary and the format units read. A Microsoft original
// alone has dozens of long X-MS-Exchange and X-Microsoft-Antispam fields nobody reads.
QByteArray wantedOriginalName(QByteArrayView lower)
{
    static const QByteArray wanted[] = {
        QByteArrayLiteral("from"),
        QByteArrayLiteral("to"),
        QByteArrayLiteral("subject"),
        QByteArrayLiteral("date"),
        QByteArrayLiteral("message-id"),
        QByteArrayLiteral("received"),
        QByteArrayLiteral("dkim-signature"),
        QByteArrayLiteral("authentication-results"),
        QByteArrayLiteral("x-hmxmroriginalrecipient"),
    };
    const QByteArray *known = knownName(lower, std::begin(wanted), std::end(wanted));
    return known ? *known : QByteArray();
}

// Lower-cases name into buffer when it could be wanted; an empty view otherwise.
QByteArrayView lowerName(QByteArrayView name, char (&buffer)[longestWantedName])
{
    if (name.size() >= longestWantedName)
        return {};
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name.at(i);
        buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    return QByteArrayView(buffer, name.size());
}

// Whether text has the start of an RFC 2047 encoded word ("=?"), found '=' by '=' (indexOf("=?")
// compares at every byte).
bool hasEncodedWord(QByteArrayView text)
{
    for (qsizetype at = indexOfByte(text, '='); at >= 0; at = indexOfByte(text, '=', at + 1)) {
        if (at + 1 < text.size() && text.at(at + 1) == '?')
            return true;
    }
    return false;
}

// bytes with a transfer encoding undone by GMime's decoder; uuencoding (which needs its begin
// line found first) is left to callers.
QByteArrayView decodeTransfer(GMimeContentEncoding encoding, QByteArrayView bytes,
                              QByteArray &storage)
{
    if (encoding != GMIME_CONTENT_ENCODING_BASE64 &&
        encoding != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE)
        return bytes;
    if (bytes.isEmpty())
        return {};
    GMimeEncoding decoder;
    g_mime_encoding_init_decode(&decoder, encoding);
    storage.resize(qsizetype(g_mime_encoding_outlen(&decoder, size_t(bytes.size()))));
    size_t written =
        g_mime_encoding_step(&decoder, bytes.data(), size_t(bytes.size()), storage.data());
    written += g_mime_encoding_flush(&decoder, nullptr, 0, storage.data() + written);
    storage.truncate(qsizetype(written));
    return storage;
}

// A part's content with its transfer encoding undone. Content is read where the parser left it,
// in its own copy, valid while the part lives: copying it out through the data wrapper took a
// memory stream, a filter stream and a filter per part. Encoded content is decoded into
// storage.
QByteArrayView content(GMimePart *part, QByteArray &storage)
{
    GMimeDataWrapper *wrapper = g_mime_part_get_content(part);
    if (!wrapper)
        return {};
    GMimeStream *source = g_mime_data_wrapper_get_stream(wrapper);
    const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(wrapper);
    if (encoding != GMIME_CONTENT_ENCODING_UUENCODE && source && GMIME_IS_STREAM_MEM(source)) {
        const GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(source));
        const gint64 length = array ? gint64(array->len) : 0;
        const gint64 start = source->bound_start;
        const gint64 end =
            source->bound_end < 0 ? length : std::min<gint64>(source->bound_end, length);
        if (array && start >= 0 && start <= end) {
            const QByteArrayView raw(reinterpret_cast<const char *>(array->data) + start,
                                     end - start);
            return decodeTransfer(encoding, raw, storage);
        }
    }
    GRef<GMimeStream> memory(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(wrapper, memory.ptr);
    const GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.ptr));
    storage = QByteArray(reinterpret_cast<const char *>(array->data), qsizetype(array->len));
    return storage;
}

// "media/subtype" in lower case, in buffer; empty when too long to be one the walker reads.
QByteArrayView lowerType(const char *media, const char *subtype, char (&buffer)[128])
{
    qsizetype size = 0;
    auto add = [&](const char *text) {
        if (!text)
            return false;
        for (; *text && size < qsizetype(sizeof buffer); ++text)
            buffer[size++] = g_ascii_tolower(*text);
        return *text == 0;
    };
    if (!add(media) || !add("/") || !add(subtype))
        return {};
    return QByteArrayView(buffer, size);
}

struct Walker
{
    const ReaderLimits &limits;
    ParsedMessage &out;
    // HTML parts, read only when the message has no plain text (most send both): the part, or
    // its content when there was no part.
    struct Html
    {
        GMimePart *part = nullptr;
        QByteArray content;
        QByteArray charset;
    };
    QList<Html> htmlParts;
    bool tooDeep = false;

    static bool isEmbeddedMessage(QByteArrayView type)
    {
        return type.startsWith("message/") &&
               std::any_of(std::begin(embeddedMessageSubtypes), std::end(embeddedMessageSubtypes),
                           [type](const char *known) { return type.sliced(8) == known; });
    }

    // bytes with LF line endings: bytes themselves, or a converted copy in storage. Content
    // the parser read has them already; a decoded base64 part may not.
    static QByteArrayView withLfLineEndings(QByteArrayView bytes, QByteArray &storage)
    {
        if (indexOfByte(bytes, '\r') < 0)
            return bytes;
        storage = normaliseLineEndings(bytes.toByteArray());
        return storage;
    }

    void readOriginal(QByteArrayView content)
    {
        out.hasOriginal = true;
        // Only the header section is read and copied: the body may be a newsletter with its
        // attachments.
        QByteArray storage;
        const QByteArrayView message = withLfLineEndings(content, storage);
        const qsizetype headerEnd = emptyLine(message);
        out.originalHeaders = parseHeaderBlock(headerEnd < 0 ? message : message.first(headerEnd));
        // Someone forwarded a bounce as an attachment: keep it to read instead.
        const QString from = headerValue(out.originalHeaders, "from").toLower();
        if (from.contains(QLatin1String("mailer-daemon")) ||
            from.contains(QLatin1String("postmaster")))
            out.forwardedBounce = message.toByteArray();
    }

    /// Reads a leaf part by what its type ("media/subtype", lower case) says it holds.
    /// content(storage) gives its bytes, transfer encoding undone; only parts that are read
    /// ask for it. part is null when the message is that one part (see readSinglePart()).
    template<typename Content>
    void readLeaf(QByteArrayView type, const char *charset, Content &&content, GMimePart *part)
    {
        QByteArray storage;
        if (type == "message/delivery-status" || type == "message/global-delivery-status") {
            out.deliveryStatus += decode(content(storage), charset) + QLatin1Char('\n');
        } else if (type == "message/feedback-report") {
            out.feedbackReport += decode(content(storage), charset);
        } else if (type == "text/rfc822-headers" || type == "message/global-headers") {
            if (!out.hasOriginal) {
                out.hasOriginal = true;
                QByteArray converted;
                out.originalHeaders =
                    parseHeaderBlock(withLfLineEndings(content(storage), converted));
            }
        } else if (isEmbeddedMessage(type)) {
            if (!out.hasOriginal)
                readOriginal(content(storage));
        } else if (type == "text/html") {
            htmlParts.append(part ? Html{part, {}, {}}
                                  : Html{nullptr, content(storage).toByteArray(), charset});
        } else if (type.startsWith("text/") || type == "application/json") {
            if (!out.bodyText.isEmpty())
                out.bodyText += QLatin1Char('\n');
            out.bodyText += decode(content(storage), charset);
        }
    }

    void walk(GMimeObject *object, int depth)
    {
        if (depth > limits.maxMimeDepth) {
            tooDeep = true;
            return;
        }
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; i < count; ++i)
                walk(g_mime_multipart_get_part(multipart, i), depth + 1);
            return;
        }
        if (!GMIME_IS_PART(object))
            return;
        GMimeContentType *contentType = g_mime_object_get_content_type(object);
        char buffer[128];
        const QByteArrayView type =
            contentType ? lowerType(g_mime_content_type_get_media_type(contentType),
                                    g_mime_content_type_get_media_subtype(contentType), buffer)
                        : QByteArrayView("text/plain");
        GMimePart *part = GMIME_PART(object);
        readLeaf(
            type, g_mime_object_get_content_type_parameter(object, "charset"),
            [part](QByteArray &storage) { return content(part, storage); }, part);
    }

    /// The text of the HTML parts, for a message without plain text.
    QString htmlText() const
    {
        QString html;
        for (const Html &h : htmlParts) {
            QByteArray storage;
            html += h.part
                        ? decode(content(h.part, storage), g_mime_object_get_content_type_parameter(
                                                               GMIME_OBJECT(h.part), "charset"))
                        : decode(h.content, h.charset.isNull() ? nullptr : h.charset.constData());
        }
        return html;
    }
};

// Opening a converter loads a gconv module each time; keep one per charset and thread.
QString convert(QByteArrayView bytes, const QByteArray &charset)
{
    // Opening a converter is costly: each thread keeps its own, closed when the thread ends
    // (reader threads come and go with every batch).
    struct Converters final
    {
        QHash<QByteArray, iconv_t> byCharset;
        ~Converters()
        {
            for (iconv_t cd : std::as_const(byCharset)) {
                if (cd != reinterpret_cast<iconv_t>(-1))
                    g_mime_iconv_close(cd);
            }
        }
    };
    thread_local Converters converters;
    auto it = converters.byCharset.find(charset);
    if (it == converters.byCharset.end())
        it = converters.byCharset.insert(charset, g_mime_iconv_open("UTF-8", charset.constData()));
    iconv_t cd = it.value();
    if (cd == reinterpret_cast<iconv_t>(-1))
        return {};
    iconv(cd, nullptr, nullptr, nullptr, nullptr); // back to the initial shift state
    char *converted =
        g_mime_iconv_strndup(cd, bytes.constData(), static_cast<size_t>(bytes.size()));
    if (!converted)
        return {};
    QString text = QString::fromUtf8(converted);
    g_free(converted);
    return text.isNull() ? QStringLiteral("") : text;
}

// The top level's type and report type.
void readContentType(GMimeContentType *type, ParsedMessage &out)
{
    out.contentType =
        QString(QString::fromUtf8(g_mime_content_type_get_media_type(type)) + QLatin1Char('/') +
                QString::fromUtf8(g_mime_content_type_get_media_subtype(type)))
            .toLower();
    if (const char *reportType = g_mime_content_type_get_parameter(type, "report-type"))
        out.reportType = QString::fromUtf8(reportType).toLower();
}

// A message of one text part (a third of bounces: qmail, Exim, Sendmail and others) needs no
// MIME parser: its body is that part's content. GMime still reads its Content-Type and undoes
// its transfer encoding; what the parser would add is about ten objects to build and free.
// Anything else (a multipart, an embedded message, a field given twice, uuencoding) is left
// to the parser: false.
bool readSinglePart(const StructureFields &fields, QByteArrayView body, Walker &walker)
{
    if (fields.contentTypes > 1 || fields.transferEncodings > 1)
        return false;
    const GMimeContentEncoding encoding =
        fields.transferEncodings == 0
            ? GMIME_CONTENT_ENCODING_DEFAULT
            : g_mime_content_encoding_from_string(fields.transferEncoding.constData());
    if (encoding == GMIME_CONTENT_ENCODING_UUENCODE)
        return false;
    auto content = [encoding, body](QByteArray &storage) {
        return decodeTransfer(encoding, body, storage);
    };
    if (fields.contentTypes == 0) {
        walker.out.contentType = QStringLiteral("text/plain"); // RFC 2045's default
        walker.readLeaf("text/plain", nullptr, content, nullptr);
        return true;
    }
    // Only a text type can be one part; a multipart, the most common, needs no object made to
    // say so. GMime reads the type.
    const QByteArrayView value = QByteArrayView(fields.contentType).trimmed();
    if (value.size() < 5 || qstrnicmp(value.data(), "text", 4) != 0 ||
        (value.at(4) != '/' && value.at(4) != ' ' && value.at(4) != '\t'))
        return false;
    GRef<GMimeContentType> type(
        g_mime_content_type_parse(structureOptions(), fields.contentType.constData()));
    if (!type.ptr || g_ascii_strcasecmp(g_mime_content_type_get_media_type(type.ptr), "text"))
        return false;
    readContentType(type.ptr, walker.out);
    char buffer[128];
    const QByteArrayView lower = lowerType(g_mime_content_type_get_media_type(type.ptr),
                                           g_mime_content_type_get_media_subtype(type.ptr), buffer);
    walker.readLeaf(lower, g_mime_content_type_get_parameter(type.ptr, "charset"), content,
                    nullptr);
    return true;
}

} // namespace

qsizetype emptyLine(QByteArrayView bytes, qsizetype from)
{
    if (from < 0)
        return -1;
    qsizetype at = from;
#if defined(__SSE2__)
    // Sixteen places a round, each a '\n' with another after it: a byte search per line cost
    // more than the lines are long.
    const char *data = bytes.data();
    const __m128i newline = _mm_set1_epi8('\n');
    for (; at + 17 <= bytes.size(); at += 16) {
        const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + at));
        const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + at + 1));
        const auto both = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(here, newline), _mm_cmpeq_epi8(next, newline))));
        if (both != 0)
            return at + __builtin_ctz(both);
    }
#endif
    for (at = indexOfByte(bytes, '\n', at); at >= 0 && at + 1 < bytes.size();
         at = indexOfByte(bytes, '\n', at + 1)) {
        if (bytes.at(at + 1) == '\n')
            return at;
    }
    return -1;
}

QByteArray normaliseLineEndings(const QByteArray &bytes)
{
    const qsizetype first = indexOfByte(bytes, '\r');
    if (first < 0)
        return bytes;
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    // Written through a pointer, and only from the first CR on: appending byte by byte checks
    // the capacity every time.
    QByteArray out(size, Qt::Uninitialized);
    char *begin = out.data();
    std::memcpy(begin, data, static_cast<size_t>(first));
    char *at = begin + first;
    for (qsizetype i = first; i < size; ++i) {
        if (data[i] == '\r') {
            *at++ = '\n';
            if (i + 1 < size && data[i + 1] == '\n')
                ++i;
        } else {
            *at++ = data[i];
        }
    }
    out.truncate(at - begin);
    return out;
}

bool isPlainAscii(QByteArrayView bytes)
{
    const char *data = bytes.data();
    const auto size = static_cast<size_t>(bytes.size());
    // Eight bytes at a time: this runs over every header value and text part.
    quint64 bits = 0;
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        bits |= word;
    }
    for (; i < size; ++i)
        bits |= static_cast<unsigned char>(data[i]);
    return (bits & 0x8080808080808080ULL) == 0 && indexOfByte(bytes, 0x1b) < 0;
}

QString decode(QByteArrayView bytes, const char *charset)
{
    if (isPlainAscii(bytes))
        return QString::fromLatin1(bytes);
    parserOptions(); // makes sure GMime is initialised
    const QByteArray name = QByteArray(charset ? charset : "").toLower();
    if (!name.isEmpty() && name != "utf-8" && name != "us-ascii" && name != "utf8") {
        const QString converted = convert(bytes, name);
        if (!converted.isNull())
            return converted;
        qCDebug(lcMime) << "cannot convert from charset" << name;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    if (bytes.contains("\x1b$B") || bytes.contains("\x1b$@")) {
        const QString converted = convert(bytes, QByteArrayLiteral("ISO-2022-JP"));
        if (!converted.isNull())
            return converted;
    }
    char *guessed = g_mime_utils_decode_8bit(parserOptions(), bytes.constData(),
                                             static_cast<size_t>(bytes.size()));
    if (guessed) {
        text = QString::fromUtf8(guessed);
        g_free(guessed);
        return text;
    }
    return QString::fromLatin1(bytes);
}

HeaderFields parseHeaderBlock(QByteArrayView text, HeaderBlock whose)
{
    // A header block alone (text/rfc822-headers, a quoted copy): unfold by hand and let GMime
    // decode the RFC 2047 words and raw 8-bit text; far cheaper than building a message.
    HeaderFields fields;
    fields.reserve(16);
    QByteArray name;  // the current field's name, lower case, when it is wanted
    QByteArray value; // its value so far, folds joined by one space; the buffer is reused
    // Appended with memcpy into the reused buffer: operator+= goes through insert().
    auto append = [&value](QByteArrayView bytes) {
        if (bytes.isEmpty())
            return; // nothing to copy, and its pointer may be null
        const qsizetype old = value.size();
        value.resize(old + bytes.size());
        std::memcpy(value.data() + old, bytes.data(), static_cast<size_t>(bytes.size()));
    };
    bool inField = false;
    auto flush = [&] {
        if (name.isEmpty())
            return;
        QString decoded;
        // Plain ASCII without encoded words ("=?") needs no decoding; it is trimmed as bytes
        // (the same blanks as QString's in ASCII).
        if (isPlainAscii(value) && !hasEncodedWord(value)) {
            decoded = QString::fromLatin1(QByteArrayView(value).trimmed());
        } else {
            char *text = g_mime_utils_header_decode_text(parserOptions(), value.constData());
            decoded = QString::fromUtf8(text ? text : "").trimmed();
            g_free(text);
        }
        fields.append({std::exchange(name, QByteArray()), std::move(decoded)});
    };
    bool started = false;
    const qsizetype size = text.size();
    for (qsizetype at = 0; at <= size;) {
        const qsizetype newline = indexOfByte(text, '\n', at);
        const qsizetype end = newline < 0 ? size : newline;
        const QByteArrayView line(text.data() + at, end - at);
        at = end + 1;
        const QByteArrayView trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            if (started)
                break; // the end of the header section
            continue;
        }
        if ((line.front() == ' ' || line.front() == '\t') && inField) {
            if (!name.isEmpty()) {
                append(" ");
                append(trimmed);
            }
            continue;
        }
        const qsizetype colon = indexOfByte(line, ':');
        if (colon <= 0 || indexOfByte(line.first(colon), ' ') >= 0)
            continue; // a broken fold: GMime skips such lines too
        flush();
        started = true;
        inField = true;
        char buffer[longestWantedName];
        const QByteArrayView lower = lowerName(line.first(colon), buffer);
        if (lower.isEmpty())
            continue;
        name = whose == HeaderBlock::Bounce ? wantedBounceName(lower) : wantedOriginalName(lower);
        if (!name.isEmpty()) {
            value.resize(0); // keeps the buffer
            append(line.sliced(colon + 1).trimmed());
        }
    }
    flush();
    return fields;
}

bool parse(const QByteArray &bytes, const ReaderLimits &limits, ParsedMessage &out, QString &error)
{
    const Sections parts = sections(bytes);
    if (!startsWithField(parts.header)) {
        error = QCoreApplication::translate("BounceReader", "not an e-mail message (no headers)");
        return false;
    }
    out.headers = parseHeaderBlock(parts.header, HeaderBlock::Bounce);
    out.subject = out.header("subject");
    out.from = out.header("from");
    const StructureFields structure = structureFields(parts.header);
    Walker walker{limits, out, {}};
    // Declared here: the walker's HTML parts live as long as the message.
    GRef<GMimeObject> message(nullptr);
    if (!readSinglePart(structure, parts.body, walker)) {
        thread_local ThreadParser parser;
        GByteArray *input = parser.input();
        append(input, structure.lines);
        append(input, "\n");
        append(input, parts.body);
        message.ptr = parser.construct();
        if (!message.ptr) {
            error =
                QCoreApplication::translate("BounceReader", "not an e-mail message (no headers)");
            return false;
        }
        if (GMimeContentType *type = g_mime_object_get_content_type(message.ptr))
            readContentType(type, out);
        walker.walk(message.ptr, 0);
        if (walker.tooDeep) {
            error = QCoreApplication::translate("BounceReader",
                                                "MIME parts are nested more than %1 levels deep")
                        .arg(limits.maxMimeDepth);
            return false;
        }
    }
    if (QStringView(out.bodyText).trimmed().isEmpty() && !walker.htmlParts.isEmpty()) {
        const QString html = walker.htmlText();
        if (!html.isEmpty())
            out.bodyText = TextScan::htmlToText(html);
    }
    if (QStringView(out.bodyText).trimmed().isEmpty() && out.deliveryStatus.isEmpty()) {
        // A multipart without its boundaries (it happens): read the body as text.
        const qsizetype end = emptyLine(bytes);
        if (end >= 0)
            out.bodyText = decode(bytes.mid(end + 2), nullptr);
    }
    if (out.headers.isEmpty()) {
        error = QCoreApplication::translate("BounceReader", "not an e-mail message (no headers)");
        return false;
    }
    return true;
}

} // namespace BounceDoctor::Mime
