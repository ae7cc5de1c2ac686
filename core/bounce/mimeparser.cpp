#include "mimeparser.h"

#include "textscan.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStringDecoder>

#include <gmime/gmime.h>

#include <memory>
#include <set>
#include <string_view>

Q_LOGGING_CATEGORY(lcMime, "bouncedoctor.bounce.mime", QtWarningMsg)

namespace BounceDoctor::Mime {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BounceReader", text);
}

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *const options = [] {
        g_mime_init();
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

struct Unref
{
    void operator()(gpointer object) const { g_object_unref(object); }
};
template<typename T>
using Owned = std::unique_ptr<T, Unref>;

struct Free
{
    void operator()(gpointer memory) const { g_free(memory); }
};
using OwnedText = std::unique_ptr<char, Free>;

// A message parsed by its own GMime parser, as its top-level part (whose header list holds
// the message's fields): a GMimeMessage would also parse every address field, unread here.
// The parts keep the input stream alive.
Owned<GMimeObject> construct(QByteArrayView bytes)
{
    Owned<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(bytes.data(), static_cast<size_t>(bytes.size())));
    Owned<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    return Owned<GMimeObject>(g_mime_parser_construct_part(parser.get(), parserOptions()));
}

// Every field GMime read, value unfolded and decoded by GMime (RFC 2047 words, raw 8-bit text
// in the fallback charsets), its blank runs (folds, tabs, decoded line breaks) made one space.
HeaderFields headerFields(GMimeObject *object)
{
    HeaderFields fields;
    GMimeHeaderList *list = g_mime_object_get_header_list(object);
    const int count = list ? g_mime_header_list_get_count(list) : 0;
    fields.reserve(count);
    for (int i = 0; i < count; ++i) {
        GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
        const QByteArrayView raw = QByteArrayView(g_mime_header_get_raw_value(header)).trimmed();
        const std::string_view text(raw.data(), static_cast<size_t>(raw.size()));
        // Plain ASCII without encoded words ("=?") has nothing to decode: most fields.
        const bool plain = isPlainAscii(raw) && text.find("=?") == std::string_view::npos;
        QString value =
            plain ? QString::fromLatin1(raw) : QString::fromUtf8(g_mime_header_get_value(header));
        if (!plain || text.find_first_of("\n\t") != std::string_view::npos ||
            text.find("  ") != std::string_view::npos)
            value = value.simplified();
        fields.append({QByteArray(g_mime_header_get_name(header)).toLower(), value});
    }
    return fields;
}

// Everything GMime's stream holds, as bytes.
QByteArray bytesOf(GMimeStream *stream)
{
    const GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    return QByteArray(reinterpret_cast<const char *>(array->data), qsizetype(array->len));
}

// A part's content with its transfer encoding undone by GMime's decoding filter.
QByteArray contentOf(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    Owned<GMimeStream> memory(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, memory.get());
    return bytesOf(memory.get());
}

QString lowerType(GMimeContentType *type)
{
    return TextScan::lowerCase(QString::fromUtf8(g_mime_content_type_get_media_type(type)) +
                               QLatin1Char('/') +
                               QString::fromUtf8(g_mime_content_type_get_media_subtype(type)));
}

// Reads GMime's tree of one message into what the format units read.
class TreeReader final
{
public:
    explicit TreeReader(const ReaderLimits &limits)
        : m_limits(limits)
    {}

    QString error;

    /// A message: the object with its header fields, and its body (the same object for a
    /// message parsed as a part). raw: the message as it came, whose body is read as text when
    /// no part gives any; null for a message inside another, whose body GMime writes out again.
    bool readMessage(GMimeObject *fields, GMimeObject *body, ParsedMessage &out, QByteArrayView raw,
                     int depth)
    {
        out.headers = headerFields(fields);
        out.subject = out.header("subject");
        out.from = out.header("from");
        out.contentType = QStringLiteral("text/plain"); // RFC 2045's default
        QList<GMimePart *> html; // read only when the message has no plain text
        if (body) {
            GMimeContentType *type = g_mime_object_get_content_type(body);
            out.contentType = lowerType(type);
            if (const char *reportType = g_mime_content_type_get_parameter(type, "report-type"))
                out.reportType = TextScan::lowerCase(QString::fromUtf8(reportType));
            if (!walk(body, out, html, depth))
                return false;
        }
        if (QStringView(out.bodyText).trimmed().isEmpty() && !html.isEmpty()) {
            QString text;
            for (GMimePart *part : std::as_const(html))
                text += decode(contentOf(part), charsetOf(part));
            out.bodyText = withoutLoneSurrogates(TextScan::htmlToText(text));
        }
        if (QStringView(out.bodyText).trimmed().isEmpty() && out.deliveryStatus.isEmpty()) {
            // A multipart without its boundaries (it happens): read the body as text.
            QByteArray written;
            const qsizetype headerEnd = emptyLine(raw);
            QByteArrayView rawBody = headerEnd < 0 ? QByteArrayView("") : raw.sliced(headerEnd + 2);
            if (raw.isNull() && body) {
                Owned<GMimeStream> memory(g_mime_stream_mem_new());
                g_mime_object_write_content_to_stream(body, nullptr, memory.get());
                written = bytesOf(memory.get());
                rawBody = written;
            }
            out.bodyText = decode(rawBody, nullptr);
        }
        return true;
    }

private:
    static const char *charsetOf(GMimePart *part)
    {
        return g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
    }

    bool tooDeep()
    {
        error = tr("MIME parts are nested more than %1 levels deep").arg(m_limits.maxMimeDepth);
        return false;
    }

    bool walk(GMimeObject *object, ParsedMessage &out, QList<GMimePart *> &html, int depth)
    {
        if (depth > m_limits.maxMimeDepth)
            return tooDeep();
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; i < count; ++i) {
                if (!walk(g_mime_multipart_get_part(multipart, i), out, html, depth + 1))
                    return false;
            }
            return true;
        }
        if (GMIME_IS_MESSAGE_PART(object)) {
            GMimeMessage *message = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            return !message || readOriginal(GMIME_OBJECT(message),
                                            g_mime_message_get_mime_part(message), out, depth + 1);
        }
        return !GMIME_IS_PART(object) || readLeaf(GMIME_PART(object), out, html, depth);
    }

    // The returned original: its header fields, and, when it is a bounce someone forwarded as
    // an attachment, what it says (read from the same tree, never parsed again).
    bool readOriginal(GMimeObject *fields, GMimeObject *body, ParsedMessage &out, int depth)
    {
        if (out.hasOriginal)
            return true;
        out.hasOriginal = true;
        out.originalHeaders = headerFields(fields);
        if (out.originalHeaders.isEmpty() && body && GMIME_IS_PART(body)) {
            // Some servers put a blank line before the original, where GMime ends its header
            // section: the fields are then the start of the body.
            out.originalHeaders = parseHeaderBlock(contentOf(GMIME_PART(body)));
            return true;
        }
        const QString from = TextScan::lowerCase(out.originalHeader("from"));
        if (!from.contains(QLatin1String("mailer-daemon")) &&
            !from.contains(QLatin1String("postmaster")))
            return true;
        if (depth > m_limits.maxMimeDepth)
            return tooDeep();
        auto forwarded = std::make_shared<ParsedMessage>();
        if (!readMessage(fields, body, *forwarded, {}, depth))
            return false;
        out.forwarded = std::move(forwarded);
        return true;
    }

    bool readLeaf(GMimePart *part, ParsedMessage &out, QList<GMimePart *> &html, int depth)
    {
        const QString type = lowerType(g_mime_object_get_content_type(GMIME_OBJECT(part)));
        if (type == QLatin1String("message/delivery-status") ||
            type == QLatin1String("message/global-delivery-status")) {
            out.deliveryStatus += decode(contentOf(part), charsetOf(part)) + QLatin1Char('\n');
        } else if (type == QLatin1String("message/feedback-report")) {
            out.feedbackReport += decode(contentOf(part), charsetOf(part));
        } else if (type == QLatin1String("text/rfc822-headers") ||
                   type == QLatin1String("message/global-headers")) {
            if (!out.hasOriginal) {
                out.hasOriginal = true;
                out.originalHeaders = parseHeaderBlock(normaliseLineEndings(contentOf(part)));
            }
        } else if (type == QLatin1String("message/rfc822") ||
                   type == QLatin1String("message/global")) {
            // An attached message GMime left as a part: one with a transfer encoding, which
            // RFC 2046 forbids (some servers do it). Decoded, it is read as one.
            const Owned<GMimeObject> message =
                out.hasOriginal ? nullptr : construct(normaliseLineEndings(contentOf(part)));
            return !message || readOriginal(message.get(), message.get(), out, depth + 1);
        } else if (type == QLatin1String("text/html")) {
            html.append(part);
        } else if (type.startsWith(QLatin1String("text/")) ||
                   type == QLatin1String("application/json")) {
            if (!out.bodyText.isEmpty())
                out.bodyText += QLatin1Char('\n');
            out.bodyText += decode(contentOf(part), charsetOf(part));
        }
        return true;
    }

    const ReaderLimits &m_limits;
};

// bytes converted by GMime's iconv from charset to UTF-8, or a null string when they are not
// valid in it or the charset is unknown.
QString convert(QByteArrayView bytes, const char *charset)
{
    const iconv_t converter = g_mime_iconv_open("UTF-8", charset);
    if (converter == reinterpret_cast<iconv_t>(-1))
        return {};
    const OwnedText converted(
        g_mime_iconv_strndup(converter, bytes.data(), static_cast<size_t>(bytes.size())));
    g_mime_iconv_close(converter);
    if (!converted)
        return {};
    const QString text = QString::fromUtf8(converted.get());
    return text.isNull() ? QStringLiteral("") : text;
}

bool isUtf16Or32(QByteArrayView charset)
{
    return charset.startsWith("utf-16") || charset.startsWith("utf-32") ||
           charset.startsWith("ucs-2") || charset.startsWith("ucs-4") || charset == "utf16" ||
           charset == "utf32";
}

QString decodeText(QByteArrayView bytes, const char *charset)
{
    const QByteArray name = QByteArray(charset ? charset : "").toLower();
    // Text in UTF-16 or UTF-32 is mostly NUL bytes to an 8-bit reader: declared, or marked by
    // a byte order mark, it is converted before anything looks at its bytes.
    if (isUtf16Or32(name)) {
        const QString converted = convert(bytes, name.constData());
        if (!converted.isNull())
            return converted;
    }
    if (name.isEmpty() && (bytes.startsWith("\xff\xfe") || bytes.startsWith("\xfe\xff")))
        return QStringDecoder(QStringDecoder::Utf16).decode(bytes);
    if (isPlainAscii(bytes))
        return QString::fromLatin1(bytes);
    if (!name.isEmpty() && name != "utf-8" && name != "us-ascii" && name != "utf8") {
        const QString converted = convert(bytes, name.constData());
        if (!converted.isNull())
            return converted;
        qCDebug(lcMime) << "cannot convert from charset" << name;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    if (bytes.contains("\x1b$B") || bytes.contains("\x1b$@")) {
        const QString converted = convert(bytes, "ISO-2022-JP");
        if (!converted.isNull())
            return converted;
    }
    // Undeclared or wrongly declared: GMime tries the fallback charsets of the options.
    const OwnedText guessed(
        g_mime_utils_decode_8bit(parserOptions(), bytes.data(), static_cast<size_t>(bytes.size())));
    return guessed ? QString::fromUtf8(guessed.get()) : QString::fromLatin1(bytes);
}

// Counts, in one pass before GMime sees a message, what GMime would build an object (and, for
// nesting, a stack frame) for: multiparts, parts, header fields and attached messages. It reads
// the shapes GMime reads: header sections are the message's first, the one after each line of
// "--" and a boundary declared before, and the one after a section whose type names a message
// (in a digest, one without a type). Where GMime could read a boundary differently (RFC 2231
// sections, escapes, a huge field), every line starting with "--" counts as a part.
class ShapeCounter final
{
public:
    explicit ShapeCounter(const ReaderLimits &limits)
        : m_limits(limits)
    {}

    QString count(QByteArrayView bytes)
    {
        for (qsizetype at = 0; at < bytes.size() && m_problem.isEmpty();) {
            qsizetype end = bytes.indexOf('\n', at);
            end = end < 0 ? bytes.size() : end;
            readLine(bytes.sliced(at, end - at));
            at = end + 1;
        }
        endField();
        return m_problem;
    }

private:
    void refuse(const char *text, int limit) { m_problem = tr(text).arg(limit); }

    void readLine(QByteArrayView line)
    {
        if (line.startsWith("--") &&
            (m_anyDashes || m_boundaries.count(line.sliced(2).trimmed().toByteArray()))) {
            if (++m_parts > m_limits.maxMimeParts)
                refuse("the message has more than %1 MIME parts", m_limits.maxMimeParts);
            endField();
            m_inHeader = true;
            m_typed = false;
            m_type.clear();
        } else if (!m_inHeader) {
        } else if (line.isEmpty()) {
            endField();
            m_type = m_type.toLower();
            m_digest = m_digest || m_type.contains("multipart/digest");
            m_inHeader = m_type.contains("message") || (!m_typed && m_digest);
            if (m_inHeader && ++m_messages > m_limits.maxAttachedMessages)
                refuse("the message holds more than %1 attached messages (counting messages "
                       "inside messages)",
                       m_limits.maxAttachedMessages);
            m_typed = false;
            m_type.clear();
        } else if (line.front() == ' ' || line.front() == '\t') {
            if (m_inType)
                m_type += line;
        } else {
            endField();
            if (++m_fields > m_limits.maxAllHeaderFields)
                refuse("the message has more than %1 header fields in its parts and attached "
                       "messages",
                       m_limits.maxAllHeaderFields);
            const qsizetype colon = line.indexOf(':');
            m_inType = colon > 0 && line.first(colon).trimmed().compare("content-type",
                                                                        Qt::CaseInsensitive) == 0;
            if (m_inType) {
                m_typed = true;
                m_type = line.sliced(colon + 1).toByteArray();
            }
        }
    }

    // At the end of a Content-Type field: the boundaries it declares.
    void endField()
    {
        if (!m_inType)
            return;
        m_inType = false;
        const QLatin1StringView type(m_type);
        for (qsizetype at = type.indexOf(QLatin1StringView("boundary"), 0, Qt::CaseInsensitive);
             at >= 0;
             at = type.indexOf(QLatin1StringView("boundary"), at + 1, Qt::CaseInsensitive)) {
            if (++m_multiparts > m_limits.maxMimeMultiparts)
                return refuse("the message declares more than %1 MIME multiparts",
                              m_limits.maxMimeMultiparts);
            const QByteArrayView rest = QByteArrayView(m_type).sliced(at + 8).trimmed();
            if (!rest.startsWith('=') || m_type.size() > 65536) {
                m_anyDashes = m_anyDashes || rest.startsWith('*') || m_type.size() > 65536;
                continue;
            }
            QByteArrayView value = rest.sliced(1).trimmed();
            const bool quoted = value.startsWith('"');
            value = value.sliced(quoted ? 1 : 0);
            qsizetype end = 0;
            while (end < value.size() &&
                   !QByteArrayView(quoted ? "\"" : "; \t\n").contains(value.at(end)))
                ++end;
            m_anyDashes = m_anyDashes || value.first(end).contains('\\');
            m_boundaries.insert(value.first(end).trimmed().toByteArray());
        }
    }

    const ReaderLimits &m_limits;
    QString m_problem;
    std::set<QByteArray> m_boundaries;
    bool m_anyDashes = false;
    int m_multiparts = 0;
    int m_parts = 0;
    int m_messages = 0;
    int m_fields = 0;
    bool m_inHeader = true;
    bool m_digest = false; // a multipart/digest was declared: its parts are messages by default
    QByteArray m_type;     // the section's Content-Type value, folds joined
    bool m_typed = false;
    bool m_inType = false;
};

} // namespace

qsizetype emptyLine(QByteArrayView bytes, qsizetype from)
{
    for (qsizetype at = from < 0 ? -1 : bytes.indexOf('\n', from); at >= 0 && at + 1 < bytes.size();
         at = bytes.indexOf('\n', at + 1)) {
        if (bytes.at(at + 1) == '\n')
            return at;
    }
    return -1;
}

QByteArray normaliseLineEndings(const QByteArray &bytes)
{
    if (!bytes.contains('\r'))
        return bytes;
    QByteArray out = bytes;
    out.replace("\r\n", "\n");
    out.replace('\r', '\n');
    return out;
}

bool isPlainAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80 || c == 0x1b)
            return false;
    }
    return true;
}

QString decode(QByteArrayView bytes, const char *charset)
{
    QString text = decodeText(bytes, charset);
    // Mail may not hold NUL (RFC 5322); one left in 8-bit text reads as a blank.
    text.replace(QChar(0), QLatin1Char(' '));
    return text;
}

QString withoutLoneSurrogates(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            text[i] = QChar::ReplacementCharacter;
    }
    return text;
}

HeaderFields parseHeaderBlock(QByteArrayView text)
{
    // Blank lines before the fields are no end of them; the first one after is.
    while (text.startsWith('\n'))
        text = text.sliced(1);
    const qsizetype end = emptyLine(text);
    const QByteArray block = (end < 0 ? text : text.first(end + 1)).toByteArray() + '\n';
    const Owned<GMimeObject> part = construct(block);
    return part ? headerFields(part.get()) : HeaderFields();
}

bool parse(const QByteArray &bytes, const ReaderLimits &limits, ParsedMessage &out, QString &error)
{
    QByteArrayView message(bytes);
    // A saved message often keeps its mbox postmark ("From sender date"), which is no header.
    if (message.startsWith("From ")) {
        const qsizetype lineEnd = message.indexOf('\n');
        message = lineEnd < 0 ? QByteArrayView() : message.sliced(lineEnd + 1);
    }
    error = ShapeCounter(limits).count(message);
    if (!error.isEmpty())
        return false;
    const Owned<GMimeObject> tree = construct(message);
    TreeReader reader(limits);
    if (!tree || !reader.readMessage(tree.get(), tree.get(), out, message, 0)) {
        error = tree ? reader.error : tr("not an e-mail message (no headers)");
        return false;
    }
    if (out.headers.isEmpty()) {
        error = tr("not an e-mail message (no headers)");
        return false;
    }
    return true;
}

} // namespace BounceDoctor::Mime
