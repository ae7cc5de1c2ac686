#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace BounceDoctor {

/// One header field, name lower-cased. Its value is kept as it came (folded, encoded words and
/// 8-bit text as they are) and decoded when read: most fields never are.
struct HeaderField
{
    QByteArray name;
    QByteArray raw;
    QString value() const; ///< unfolded, decoded to Unicode, blank runs made one space
    mutable std::optional<QString> decoded = {}; ///< value(), once read (format units ask often)
};

using HeaderFields = QList<HeaderField>;

/// The first value of a header (name lower-case), or an empty string.
QString headerValue(const HeaderFields &fields, QByteArrayView lowerName);

/// What the MIME layer found in a message, ready for the format units: the bounce's own headers
/// and explanatory text, the machine-readable report parts and the returned original's headers.
struct ParsedMessage
{
    HeaderFields headers;   ///< the bounce's own header fields (not those only of the original)
    QString subject;        ///< the bounce's Subject
    QString from;           ///< the bounce's From
    QString contentType;    ///< top-level type/subtype, lower case
    QString reportType;     ///< multipart/report's report-type parameter, lower case
    QString bodyText;       ///< text of the bounce's own text parts (not the returned original)
    QString deliveryStatus; ///< message/(global-)delivery-status parts, decoded
    QString feedbackReport; ///< message/feedback-report part, decoded
    bool hasOriginal = false;
    HeaderFields originalHeaders; ///< headers of the returned original message
    bool pasted = false;          ///< text a user pasted, not a saved message
    /// An attached message that is itself a bounce (forwarded, or re-wrapped by a gateway).
    std::shared_ptr<ParsedMessage> forwarded;
    /// The most recipients the format units read (ReaderLimits::maxRecipients): a list that
    /// names more is cut before any work is done per recipient.
    qsizetype maxRecipients = 1000;
    /// Recipients a format unit found past maxRecipients and did not read (for the notice).
    mutable qsizetype recipientsLeftOut = 0;
    /// Where the first marker of the returned copy starts in bodyText (-1: none), once found:
    /// several format helpers ask, and finding it is a scan of the whole text. Set by
    /// FormatHelpers::explanatoryRegion(); bodyText must not change after.
    mutable std::optional<qsizetype> firstCopyMarker;

    QString header(QByteArrayView lowerName) const { return headerValue(headers, lowerName); }
    QString originalHeader(QByteArrayView lowerName) const
    {
        return headerValue(originalHeaders, lowerName);
    }
};

} // namespace BounceDoctor
