#include "mimeparser.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <gmime/gmime.h>

#include <mutex>

Q_LOGGING_CATEGORY(lcMime, "bouncedoctor.bounce.mime", QtInfoMsg)

namespace BounceDoctor {
namespace {

// Charsets to try, in order, for 8-bit text that declares none.
const char *fallbackCharsets[] = {"UTF-8",  "ISO-2022-JP",  "Shift_JIS",
                                  "EUC-JP", "windows-1252", nullptr};

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
        GMimeParserOptions *o = g_mime_parser_options_new();
        g_mime_parser_options_set_rfc2047_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_address_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_parameter_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_fallback_charsets(o, fallbackCharsets);
        return o;
    }();
    return options;
}

QString fromGChar(char *text)
{
    if (!text)
        return {};
    QString result = QString::fromUtf8(text);
    g_free(text);
    return result;
}

HeaderList headersOf(GMimeObject *object)
{
    HeaderList list;
    GMimeHeaderList *headers = g_mime_object_get_header_list(object);
    const int count = g_mime_header_list_get_count(headers);
    list.reserve(count);
    for (int i = 0; i < count; ++i) {
        GMimeHeader *header = g_mime_header_list_get_header_at(headers, i);
        const char *name = g_mime_header_get_name(header);
        const char *value = g_mime_header_get_value(header);
        if (!name)
            continue;
        list.append({QByteArray(name).toLower(), QString::fromUtf8(value ? value : "").trimmed()});
    }
    return list;
}

QByteArray decodedBytes(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    GMimeStream *stream = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(content, stream);
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    QByteArray bytes(reinterpret_cast<const char *>(array->data), qsizetype(array->len));
    g_object_unref(stream);
    return bytes;
}

// Text of a leaf part in UTF-8: the declared charset when there is one, else a guess.
QString textOf(GMimePart *part)
{
    GMimeContentType *type = g_mime_object_get_content_type(GMIME_OBJECT(part));
    const char *charset = type ? g_mime_content_type_get_parameter(type, "charset") : nullptr;
    if (GMIME_IS_TEXT_PART(part) && charset) {
        if (char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(part)))
            return fromGChar(text);
    }
    const QByteArray bytes = decodedBytes(part);
    return fromGChar(
        g_mime_utils_decode_8bit(parserOptions(), bytes.constData(), size_t(bytes.size())));
}

QString htmlToText(const QString &html)
{
    static const QRegularExpression dropped(QStringLiteral("<(script|style|head)[^>]*>.*?</\\1>"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression breaks(QStringLiteral("<(br|/p|/div|/tr|/li|/h\\d)[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.remove(dropped);
    text.replace(breaks, QStringLiteral("\n"));
    text.remove(tags);
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&#39;"), QLatin1String("'"));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

struct Walker
{
    MimeContent &content;
    int maxDepth;
    bool sawPlainText = false;
    QString htmlText;
    GMimeMessage *firstAttached = nullptr;

    void walk(GMimeObject *object, int depth)
    {
        if (!object || depth > maxDepth)
            return;
        GMimeContentType *type = g_mime_object_get_content_type(object);
        const QString mimeType =
            type ? fromGChar(g_mime_content_type_get_mime_type(type)).toLower() : QString();

        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; i < count; ++i)
                walk(g_mime_multipart_get_part(multipart, i), depth + 1);
            return;
        }
        if (GMIME_IS_MESSAGE_PART(object)) {
            GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            if (inner && !content.hasOriginal) {
                content.hasOriginal = true;
                content.originalHeaders = headersOf(GMIME_OBJECT(inner));
                firstAttached = inner;
            }
            return; // the returned message's own body is not the bounce's text
        }
        if (!GMIME_IS_PART(object))
            return;
        GMimePart *part = GMIME_PART(object);
        if (mimeType == QLatin1String("message/delivery-status") ||
            mimeType == QLatin1String("message/global-delivery-status")) {
            content.deliveryStatus.append(textOf(part));
        } else if (mimeType == QLatin1String("message/feedback-report")) {
            content.feedbackReports.append(textOf(part));
        } else if (mimeType == QLatin1String("text/rfc822-headers") ||
                   mimeType == QLatin1String("message/global-headers") ||
                   mimeType == QLatin1String("text/rfc822-header")) {
            if (!content.hasOriginal) {
                content.hasOriginal = true;
                content.originalHeaders = MimeParser::parseHeaderBlock(textOf(part));
            }
        } else if (mimeType == QLatin1String("message/rfc822") ||
                   mimeType == QLatin1String("message/global")) {
            // GMime leaves message/global as a leaf: parse it as the returned message.
            if (!content.hasOriginal) {
                content.hasOriginal = true;
                content.originalHeaders = MimeParser::parseHeaderBlock(
                    textOf(part).section(QStringLiteral("\n\n"), 0, 0));
            }
        } else if (mimeType == QLatin1String("text/plain") || mimeType.isEmpty()) {
            if (g_mime_part_is_attachment(part) && sawPlainText)
                return;
            appendText(textOf(part));
            sawPlainText = true;
        } else if (mimeType == QLatin1String("text/html")) {
            htmlText += htmlToText(textOf(part));
        } else if (mimeType == QLatin1String("application/json")) {
            // Amazon SES and similar services send JSON notifications.
            appendText(textOf(part));
        }
    }

    void appendText(const QString &text)
    {
        if (!content.bodyText.isEmpty())
            content.bodyText += QLatin1Char('\n');
        content.bodyText += text;
    }
};

MimeContent convert(GMimeMessage *message, int maxDepth)
{
    MimeContent content;
    content.headers = headersOf(GMIME_OBJECT(message));
    GMimeObject *body = g_mime_message_get_mime_part(message);
    if (body) {
        if (GMimeContentType *type = g_mime_object_get_content_type(body)) {
            content.mimeType = fromGChar(g_mime_content_type_get_mime_type(type)).toLower();
            const char *reportType = g_mime_content_type_get_parameter(type, "report-type");
            content.reportType = QString::fromUtf8(reportType ? reportType : "").toLower();
        }
    }
    Walker walker{content, maxDepth, false, {}, nullptr};
    walker.walk(body, 0);
    if (body && GMIME_IS_MULTIPART(body) && content.bodyText.isEmpty() &&
        content.deliveryStatus.isEmpty()) {
        // Boundaries missing or broken: the whole body is left in the prologue.
        const char *prologue = g_mime_multipart_get_prologue(GMIME_MULTIPART(body));
        if (prologue)
            walker.appendText(QString::fromUtf8(prologue));
    }
    if (walker.firstAttached && content.deliveryStatus.isEmpty()) {
        char *text = g_mime_object_to_string(GMIME_OBJECT(walker.firstAttached), nullptr);
        if (text) {
            content.attachedMessage = QByteArray(text);
            g_free(text);
        }
    }
    if (!walker.sawPlainText && !walker.htmlText.isEmpty())
        walker.appendText(walker.htmlText);
    content.bodyText.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    content.bodyText.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return content;
}

} // namespace

void MimeParser::ensureInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

QByteArray MimeParser::normalizeLineEndings(const QByteArray &bytes)
{
    if (!bytes.contains('\r'))
        return bytes;
    QByteArray out;
    out.reserve(bytes.size());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = bytes.at(i);
        if (c == '\r') {
            out.append('\n');
            if (i + 1 < n && bytes.at(i + 1) == '\n')
                ++i;
        } else {
            out.append(c);
        }
    }
    return out;
}

MimeContent MimeParser::parse(const QByteArray &bytes, int maxDepth)
{
    ensureInitialized();
    QByteArray normalized = normalizeLineEndings(bytes);
    GMimeStream *stream =
        g_mime_stream_mem_new_with_buffer(normalized.constData(), size_t(normalized.size()));
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *message = g_mime_parser_construct_message(parser, parserOptions());
    MimeContent content;
    if (message) {
        content = convert(message, maxDepth);
        g_object_unref(message);
    }
    g_object_unref(parser);
    g_object_unref(stream);
    return content;
}

HeaderList MimeParser::parseHeaderBlock(const QString &text)
{
    HeaderList list;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.isEmpty()) {
            // Delivery-status parts separate their field groups with blank lines: keep reading.
            list.append({QByteArray(), QString()});
            continue;
        }
        if ((line.at(0) == QLatin1Char(' ') || line.at(0) == QLatin1Char('\t')) &&
            !list.isEmpty() && !list.last().name.isEmpty()) {
            list.last().value += QLatin1Char(' ') + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString name = line.left(colon).trimmed();
        if (name.contains(QLatin1Char(' ')))
            continue;
        list.append({name.toLatin1().toLower(), line.mid(colon + 1).trimmed()});
    }
    return list;
}

QString headerValue(const HeaderList &headers, const char *name)
{
    for (const HeaderField &field : headers) {
        if (field.name == name)
            return field.value;
    }
    return {};
}

QStringList headerValues(const HeaderList &headers, const char *name)
{
    QStringList values;
    for (const HeaderField &field : headers) {
        if (field.name == name)
            values.append(field.value);
    }
    return values;
}

} // namespace BounceDoctor
