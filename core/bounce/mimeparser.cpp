#include "mimeparser.h"

#include "mimelimits.h"
#include "textscan.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStringDecoder>

#include <gmime/gmime.h>

#include <memory>
#include <string_view>

Q_LOGGING_CATEGORY(lcMime, "bouncedoctor.bounce.mime", QtWarningMsg)

namespace BounceDoctor::Mime {
namespace {

QString notAMessage()
{
    return QCoreApplication::translate("BounceReader", "not an e-mail message (no headers)");
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

// A message parsed by its own GMime parser, as its top-level part (its header list holds the
// message's fields; a GMimeMessage would also parse every address). Parts keep the stream.
Owned<GMimeObject> construct(QByteArrayView bytes)
{
    GMimeParserOptions *options = parserOptions(); // GMime initialised before its first object
    Owned<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(bytes.data(), static_cast<size_t>(bytes.size())));
    Owned<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    return Owned<GMimeObject>(g_mime_parser_construct_part(parser.get(), options));
}

HeaderFields headerFields(GMimeObject *object)
{
    HeaderFields fields;
    GMimeHeaderList *list = g_mime_object_get_header_list(object);
    const int count = list ? g_mime_header_list_get_count(list) : 0;
    fields.reserve(count);
    for (int i = 0; i < count; ++i) {
        GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
        QByteArray name(g_mime_header_get_name(header));
        fields.append({std::move(name).toLower(), QByteArray(g_mime_header_get_raw_value(header))});
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
    return (QString::fromUtf8(g_mime_content_type_get_media_type(type)) + QLatin1Char('/') +
            QString::fromUtf8(g_mime_content_type_get_media_subtype(type)))
        .toLower();
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
                out.reportType = QString::fromUtf8(reportType).toLower();
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
            const qsizetype headerEnd = emptyLine(raw);
            if (!raw.isNull()) {
                out.bodyText = decode(headerEnd < 0 ? "" : raw.sliced(headerEnd + 2), nullptr);
            } else if (body) {
                Owned<GMimeStream> memory(g_mime_stream_mem_new());
                g_mime_object_write_content_to_stream(body, nullptr, memory.get());
                out.bodyText = decode(bytesOf(memory.get()), nullptr);
            }
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
        error = QCoreApplication::translate("BounceReader",
                                            "MIME parts are nested more than %1 levels deep")
                    .arg(m_limits.maxMimeDepth);
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
        const QString from = out.originalHeader("from").toLower();
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

// bytes converted by GMime's iconv from charset, or null when invalid in it or it is unknown.
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
    return text.isNull() ? QStringLiteral("") : text; // converted, to nothing
}

QString decodeText(QByteArrayView bytes, const char *charset)
{
    GMimeParserOptions *options = parserOptions(); // GMime initialised before its first call
    const QByteArray name = QByteArray(charset ? charset : "").toLower();
    // Text in UTF-16 or UTF-32 is mostly NUL bytes to an 8-bit reader: declared, or marked by
    // a byte order mark, it is decoded before anything looks at its bytes (by Qt: iconv gives
    // up on the whole text at half a surrogate pair alone, which becomes U+FFFD here).
    const bool marked = bytes.startsWith("\xff\xfe") || bytes.startsWith("\xfe\xff");
    if (name.startsWith("utf-16") || name.startsWith("utf-32") || (name.isEmpty() && marked)) {
        QStringDecoder wide(name.isEmpty() ? "utf-16" : name.constData());
        if (wide.isValid())
            return withoutLoneSurrogates(wide.decode(bytes));
    }
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
        g_mime_utils_decode_8bit(options, bytes.data(), static_cast<size_t>(bytes.size())));
    return guessed ? QString::fromUtf8(guessed.get()) : QString::fromLatin1(bytes);
}

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
    unsigned char bits = 0; // every byte's bits together: 7-bit text leaves the top one clear
    for (const char c : bytes)
        bits |= static_cast<unsigned char>(c);
    return bits < 0x80 && !bytes.contains('\x1b');
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

QString headerText(const QByteArray &raw)
{
    const QByteArrayView trimmed = QByteArrayView(raw).trimmed();
    const std::string_view text(trimmed.data(), static_cast<size_t>(trimmed.size()));
    if (isPlainAscii(trimmed) && text.find("=?") == std::string_view::npos) {
        // Plain ASCII without encoded words has nothing to decode: most fields.
        const bool blanks = text.find_first_of("\n\t") != text.npos || text.find("  ") != text.npos;
        return blanks ? QString::fromLatin1(trimmed).simplified() : QString::fromLatin1(trimmed);
    }
    const OwnedText unfolded(g_mime_utils_header_unfold(raw.constData()));
    const OwnedText decoded(g_mime_utils_header_decode_text(parserOptions(), unfolded.get()));
    return QString::fromUtf8(decoded.get()).simplified();
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
    // A saved message often keeps its mbox postmark ("From sender date"), which is no header.
    const QByteArrayView message =
        QByteArrayView(bytes).sliced(bytes.startsWith("From ") ? bytes.indexOf('\n') + 1 : 0);
    error = shapeProblem(message, limits);
    if (!error.isEmpty())
        return false;
    const Owned<GMimeObject> tree = construct(message);
    TreeReader reader(limits);
    if (!tree || !reader.readMessage(tree.get(), tree.get(), out, message, 0)) {
        error = tree ? reader.error : notAMessage();
        return false;
    }
    if (out.headers.isEmpty()) {
        error = notAMessage();
        return false;
    }
    return true;
}

} // namespace BounceDoctor::Mime
