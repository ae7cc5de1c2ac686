#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace BounceDoctor {

struct HeaderField
{
    QByteArray name; ///< lower case
    QString value;   ///< unfolded, RFC 2047 decoded
};

using HeaderList = QList<HeaderField>;

/// First value of a header (name in lower case), or an empty string.
QString headerValue(const HeaderList &headers, const char *name);
QStringList headerValues(const HeaderList &headers, const char *name);

/// What a bounce is made of, once MIME and charsets are dealt with (by GMime).
struct MimeContent
{
    HeaderList headers;          ///< the bounce's own headers
    QString mimeType;            ///< top-level type, lower case: multipart/report, text/plain, ...
    QString reportType;          ///< report-type parameter of multipart/report
    QString bodyText;            ///< the bounce's own text parts, decoded to UTF-8, joined
    QStringList deliveryStatus;  ///< message/(global-)delivery-status parts, decoded
    QStringList feedbackReports; ///< message/feedback-report parts (ARF)
    HeaderList originalHeaders;  ///< headers of the returned message, when attached
    bool hasOriginal = false;
    /// The attached message as bytes, kept only when the bounce has no delivery-status part:
    /// some servers forward the real bounce as an attachment.
    QByteArray attachedMessage;
};

} // namespace BounceDoctor
