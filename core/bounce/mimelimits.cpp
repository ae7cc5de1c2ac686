#include "mimelimits.h"

#include <QCoreApplication>

#include <set>

namespace BounceDoctor::Mime {
namespace {

// Header sections are the message's first, the one after each line of "--" and a boundary
// declared before, and the one after a section whose type names a message (in a digest, one
// without a type). Where GMime could read a boundary differently (RFC 2231 sections, escapes, a
// huge field), every line starting with "--" counts as a part.
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
    void refuse(const QString &text, qint64 limit) { m_problem = text.arg(limit); }

    void readLine(QByteArrayView line)
    {
        if (m_sections == 0 && line.size() > m_limits.maxHeaderLineBytes)
            return refuse(
                QCoreApplication::translate("BounceReaderTr",
                                            "a header line is longer than the limit of %1 bytes"),
                m_limits.maxHeaderLineBytes);
        if (line.startsWith("--") &&
            (m_anyDashes || m_boundaries.count(line.sliced(2).trimmed().toByteArray()))) {
            if (++m_parts > m_limits.maxMimeParts)
                refuse(QCoreApplication::translate("BounceReader",
                                                   "the message has more than %1 MIME parts"),
                       m_limits.maxMimeParts);
            endField();
            m_inHeader = true;
            ++m_sections;
            m_typed = false;
            m_type.clear();
        } else if (!m_inHeader) {
        } else if (line.isEmpty()) {
            endField();
            ++m_sections;
            m_type = m_type.toLower();
            m_digest = m_digest || m_type.contains("multipart/digest");
            m_inHeader = m_type.contains("message") || (!m_typed && m_digest);
            if (m_inHeader && ++m_messages > m_limits.maxAttachedMessages)
                refuse(QCoreApplication::translate(
                           "BounceReader",
                           "the message holds more than %1 attached messages (counting messages "
                           "inside messages)"),
                       m_limits.maxAttachedMessages);
            m_typed = false;
            m_type.clear();
        } else if (line.front() == ' ' || line.front() == '\t') {
            if (m_inType)
                m_type += line;
        } else {
            endField();
            if (m_sections == 0 && ++m_ownFields > m_limits.maxHeaderFields)
                return refuse(QCoreApplication::translate(
                                  "BounceReaderTr", "the message has more than %1 header fields"),
                              m_limits.maxHeaderFields);
            if (++m_fields > m_limits.maxAllHeaderFields)
                refuse(QCoreApplication::translate(
                           "BounceReader",
                           "the message has more than %1 header fields in its parts and attached "
                           "messages"),
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
            const QByteArrayView rest = QByteArrayView(m_type).sliced(at + 8).trimmed();
            if (!rest.startsWith('=') && !rest.startsWith('*'))
                continue; // the word, not the parameter (in a boundary value, say)
            if (++m_multiparts > m_limits.maxMimeMultiparts)
                return refuse(
                    QCoreApplication::translate(
                        "BounceReader", "the message declares more than %1 MIME multiparts"),
                    m_limits.maxMimeMultiparts);
            if (rest.startsWith('*') || m_type.size() > 65536) {
                m_anyDashes = true; // RFC 2231 sections, or a field too long to read
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
    int m_ownFields = 0; // of the message's own header section
    int m_sections = 0;  // header sections ended
    bool m_inHeader = true;
    bool m_digest = false; // a multipart/digest was declared: its parts are messages by default
    QByteArray m_type;     // the section's Content-Type value, folds joined
    bool m_typed = false;
    bool m_inType = false;
};

} // namespace

QString shapeProblem(QByteArrayView message, const ReaderLimits &limits)
{
    return ShapeCounter(limits).count(message);
}

} // namespace BounceDoctor::Mime
