#include "mimeparser.h"

#include "textscan.h"

#include <QCoreApplication>
#include <QHash>
#include <QLoggingCategory>
#include <QStringDecoder>

#include <gmime/gmime.h>

#include <cstring>

Q_LOGGING_CATEGORY(lcMime, "bouncedoctor.bounce.mime", QtWarningMsg)

namespace BounceDoctor::Mime {
namespace {

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
        g_mime_init();
        // The returned original is read for its header fields only. As a leaf part GMime copies
        // its bytes instead of building a whole message object tree for it (with every part of a
        // newsletter original), which took about a third of the parsing time.
        for (const char *subtype : {"rfc822", "rfc2822", "global", "news"})
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

GMimeObject *constructTopLevel(const QByteArray &bytes)
{
    GMimeParserOptions *options = parserOptions();
    // A saved message often keeps its mbox postmark ("From sender date"), which is no header.
    qsizetype start = 0;
    if (bytes.startsWith("From ")) {
        const qsizetype lineEnd = bytes.indexOf('\n');
        start = lineEnd < 0 ? bytes.size() : lineEnd + 1;
    }
    GRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(
        bytes.constData() + start, static_cast<gsize>(bytes.size() - start)));
    GRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.ptr));
    g_mime_parser_set_format(parser.ptr, GMIME_FORMAT_MESSAGE);
    // Copying part contents out is cheaper than keeping a substream per part on a buffer
    // that lives only for this call anyway.
    g_mime_parser_set_persist_stream(parser.ptr, FALSE);
    // As a part rather than a message: a GMimeMessage also parses every address and date header
    // into objects, which no format unit reads.
    return g_mime_parser_construct_part(parser.ptr, options);
}

// The header fields format units and the original-message summary read. Decoding every field
// of every message costs more than parsing the MIME structure, so only these are kept.
bool isWantedLowerName(QByteArrayView lower)
{
    static constexpr QByteArrayView wanted[] = {
        "subject",
        "from",
        "to",
        "date",
        "message-id",
        "received",
        "dkim-signature",
        "authentication-results",
        "x-failed-recipients",
        "auto-submitted",
        "x-autoreply",
        "x-autorespond",
        "precedence",
        "x-hmxmroriginalrecipient",
        "content-type",
        "x-mailer",
        "x-original-to",
        "delivered-to",
        "return-path",
        "reply-to",
        "x-ses-outgoing",
        "x-amzn-ses",
        "x-postfix-queue-id",
        "x-ms-exchange-message-is-ndr",
        "x-gmx-antispam",
        "x-spasign",
        "list-id",
    };
    for (const QByteArrayView candidate : wanted) {
        if (candidate.size() == lower.size() && candidate == lower)
            return true;
    }
    return lower.startsWith("x-") && lower != QByteArrayView("x-received") && lower.size() < 40;
}

// Field names longer than this are never wanted (see isWantedLowerName).
constexpr qsizetype longestWantedName = 40;

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

bool isWantedHeader(const char *name)
{
    char buffer[longestWantedName];
    const QByteArrayView lower = lowerName(QByteArrayView(name), buffer);
    return !lower.isEmpty() && isWantedLowerName(lower);
}

QString unfoldedRaw(const char *raw)
{
    // Plain ASCII without encoded words: unfolding is all that decoding would do. One pass:
    // a fold (newline and a blank) becomes one space, any other newline goes.
    const qsizetype size = static_cast<qsizetype>(std::strlen(raw));
    QString value(size, Qt::Uninitialized);
    QChar *out = value.data();
    QChar *at = out;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = raw[i];
        if (c == '\n') {
            if (i + 1 < size && (raw[i + 1] == '\t' || raw[i + 1] == ' ')) {
                *at++ = QLatin1Char(' ');
                ++i;
            }
            continue;
        }
        *at++ = QLatin1Char(c);
    }
    value.truncate(at - out);
    return value.trimmed();
}

HeaderFields headersOf(GMimeObject *object)
{
    HeaderFields fields;
    GMimeHeaderList *list = g_mime_object_get_header_list(object);
    if (!list)
        return fields;
    const int count = g_mime_header_list_get_count(list);
    fields.reserve(count);
    for (int i = 0; i < count; ++i) {
        GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
        const char *name = g_mime_header_get_name(header);
        if (!name || !isWantedHeader(name))
            continue;
        const char *raw = g_mime_header_get_raw_value(header);
        bool plain = raw != nullptr;
        for (const char *c = raw; plain && *c; ++c) {
            if (static_cast<unsigned char>(*c) >= 0x80 || *c == 0x1b ||
                (c[0] == '=' && c[1] == '?'))
                plain = false;
        }
        QString value;
        if (plain) {
            value = unfoldedRaw(raw);
        } else {
            const char *decoded = g_mime_header_get_value(header);
            value = QString::fromUtf8(decoded ? decoded : "").trimmed();
        }
        fields.append({QByteArray(name).toLower(), value});
    }
    return fields;
}

QByteArray contentBytes(GMimePart *part)
{
    GMimeDataWrapper *wrapper = g_mime_part_get_content(part);
    if (!wrapper)
        return {};
    GRef<GMimeStream> memory(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(wrapper, memory.ptr);
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.ptr));
    return QByteArray(reinterpret_cast<const char *>(array->data), static_cast<int>(array->len));
}

struct Walker
{
    const ReaderLimits &limits;
    ParsedMessage &out;
    QString html;
    bool tooDeep = false;

    static bool isEmbeddedMessage(const QByteArray &subtype)
    {
        return subtype == "rfc822" || subtype == "rfc2822" || subtype == "global" ||
               subtype == "news";
    }

    void readOriginal(const QByteArray &message)
    {
        out.hasOriginal = true;
        const qsizetype headerEnd = message.indexOf("\n\n");
        out.originalHeaders = parseHeaderBlock(headerEnd < 0 ? message : message.left(headerEnd));
        // Someone forwarded a bounce as an attachment: keep it to read instead.
        const QString from = headerValue(out.originalHeaders, "from").toLower();
        if (from.contains(QLatin1String("mailer-daemon")) ||
            from.contains(QLatin1String("postmaster")))
            out.forwardedBounce = message;
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
        GMimeContentType *type = g_mime_object_get_content_type(object);
        const QByteArray media =
            QByteArray(type ? g_mime_content_type_get_media_type(type) : "text").toLower();
        const QByteArray subtype =
            QByteArray(type ? g_mime_content_type_get_media_subtype(type) : "plain").toLower();
        if (!GMIME_IS_PART(object))
            return;
        GMimePart *part = GMIME_PART(object);
        const char *charset = g_mime_object_get_content_type_parameter(object, "charset");
        if (media == "message" &&
            (subtype == "delivery-status" || subtype == "global-delivery-status")) {
            out.deliveryStatus += decode(contentBytes(part), charset) + QLatin1Char('\n');
        } else if (media == "message" && subtype == "feedback-report") {
            out.feedbackReport += decode(contentBytes(part), charset);
        } else if ((media == "text" && subtype == "rfc822-headers") ||
                   (media == "message" && subtype == "global-headers")) {
            if (!out.hasOriginal) {
                out.hasOriginal = true;
                out.originalHeaders = parseHeaderBlock(normaliseLineEndings(contentBytes(part)));
            }
        } else if (media == "message" && isEmbeddedMessage(subtype)) {
            if (!out.hasOriginal)
                readOriginal(normaliseLineEndings(contentBytes(part)));
        } else if (media == "text" && subtype == "html") {
            html += decode(contentBytes(part), charset);
        } else if (media == "text" || (media == "application" && subtype == "json")) {
            if (!out.bodyText.isEmpty())
                out.bodyText += QLatin1Char('\n');
            out.bodyText += decode(contentBytes(part), charset);
        }
    }
};

// Opening a converter loads a gconv module each time; keep one per charset and thread.
QString convert(const QByteArray &bytes, const QByteArray &charset)
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

} // namespace

QByteArray normaliseLineEndings(const QByteArray &bytes)
{
    if (!bytes.contains('\r'))
        return bytes;
    QByteArray out;
    out.reserve(bytes.size());
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] == '\r') {
            out += '\n';
            if (i + 1 < size && data[i + 1] == '\n')
                ++i;
        } else {
            out += data[i];
        }
    }
    return out;
}

QString decode(const QByteArray &bytes, const char *charset)
{
    bool ascii = true;
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80 || c == 0x1b) {
            ascii = false;
            break;
        }
    }
    if (ascii)
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

HeaderFields parseHeaderBlock(const QByteArray &text)
{
    // A header block alone (text/rfc822-headers, a quoted copy): unfold by hand and let GMime
    // decode the RFC 2047 words and raw 8-bit text; far cheaper than building a message.
    HeaderFields fields;
    QByteArray lower; // the current field's name, lower case, when it is wanted
    QByteArray value; // its value so far, folds joined by one space
    bool inField = false;
    auto flush = [&] {
        if (lower.isEmpty())
            return;
        bool plain = true;
        for (const char c : std::as_const(value)) {
            if (static_cast<unsigned char>(c) >= 0x80 || c == 0x1b) {
                plain = false;
                break;
            }
        }
        QString decoded;
        if (plain && !value.contains("=?")) {
            decoded = QString::fromLatin1(value).trimmed();
        } else {
            char *text = g_mime_utils_header_decode_text(parserOptions(), value.constData());
            decoded = QString::fromUtf8(text ? text : "").trimmed();
            g_free(text);
        }
        fields.append({lower, decoded});
        lower.clear();
        value.clear();
    };
    bool started = false;
    const qsizetype size = text.size();
    for (qsizetype at = 0; at <= size;) {
        qsizetype end = text.indexOf('\n', at);
        if (end < 0)
            end = size;
        const QByteArrayView line(text.constData() + at, end - at);
        at = end + 1;
        const QByteArrayView trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            if (started)
                break; // the end of the header section
            continue;
        }
        if ((line.front() == ' ' || line.front() == '\t') && inField) {
            if (!lower.isEmpty()) {
                value += ' ';
                value += trimmed;
            }
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.first(colon).contains(' '))
            continue; // a broken fold: GMime skips such lines too
        flush();
        started = true;
        inField = true;
        char buffer[longestWantedName];
        const QByteArrayView name = lowerName(line.first(colon), buffer);
        if (!name.isEmpty() && isWantedLowerName(name)) {
            lower = name.toByteArray();
            value = line.sliced(colon + 1).trimmed().toByteArray();
        }
    }
    flush();
    return fields;
}

bool parse(const QByteArray &bytes, const ReaderLimits &limits, ParsedMessage &out, QString &error)
{
    GRef<GMimeObject> message(constructTopLevel(bytes));
    if (!message.ptr) {
        error = QCoreApplication::translate("BounceReader", "not an e-mail message (no headers)");
        return false;
    }
    out.headers = headersOf(message.ptr);
    out.subject = out.header("subject");
    out.from = out.header("from");
    if (GMimeContentType *type = g_mime_object_get_content_type(message.ptr)) {
        out.contentType = QString::fromUtf8(g_mime_content_type_get_media_type(type)).toLower() +
                          QLatin1Char('/') +
                          QString::fromUtf8(g_mime_content_type_get_media_subtype(type)).toLower();
        const char *reportType = g_mime_content_type_get_parameter(type, "report-type");
        if (reportType)
            out.reportType = QString::fromUtf8(reportType).toLower();
    }
    Walker walker{limits, out, {}};
    walker.walk(message.ptr, 0);
    if (walker.tooDeep) {
        error = QCoreApplication::translate("BounceReader",
                                            "MIME parts are nested more than %1 levels deep")
                    .arg(limits.maxMimeDepth);
        return false;
    }
    if (out.bodyText.trimmed().isEmpty() && !walker.html.isEmpty())
        out.bodyText = TextScan::htmlToText(walker.html);
    if (out.bodyText.trimmed().isEmpty() && out.deliveryStatus.isEmpty()) {
        // A multipart without its boundaries (it happens): read the body as text.
        const qsizetype end = bytes.indexOf("\n\n");
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
