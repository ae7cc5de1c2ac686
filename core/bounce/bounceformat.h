#pragma once

#include "common/pattern.h"
#include "diagnosis.h"
#include "parsedmessage.h"

#include <QList>
#include <QString>

#include <limits>
#include <memory>
#include <vector>

namespace BounceDoctor {

/// One bounce format (an MTA's or provider's shape, or a standard one). Each lives in its own
/// file under formats/ and is listed once in formats/registry.cpp.
class BounceFormat
{
public:
    virtual ~BounceFormat() = default;
    /// Short name reported as BounceMessage::format: rfc3464, qmail, exim, ...
    virtual QString name() const = 0;
    /// Cheap check whether this format applies.
    virtual bool matches(const ParsedMessage &message) const = 0;
    /// The recipients with their raw fields; empty when the message did not parse after all.
    virtual QList<RecipientDiagnosis> parse(const ParsedMessage &message) const = 0;
};

/// Every format, most specific first; the first that matches and yields recipients wins.
const std::vector<std::unique_ptr<BounceFormat>> &bounceFormats();

/// Helpers the format units share: the generic shapes most bounces follow.
namespace FormatHelpers {

/// RFC 3464 / RFC 6533 fields of message/delivery-status text, one entry per recipient.
/// At most maxRecipients are read; those past it are counted in *leftOut.
QList<RecipientDiagnosis>
parseDeliveryStatus(const QString &text,
                    qsizetype maxRecipients = std::numeric_limits<qsizetype>::max(),
                    qsizetype *leftOut = nullptr);

/// The part of the message's text before the returned original message starts (a "copy of the
/// message" marker or embedded headers), optionally only from the first match of start on.
QStringView explanatoryRegion(const ParsedMessage &message, const Pattern *start = nullptr,
                              const Pattern *end = nullptr);

/// Generic "address line, then the server's words" blocks: Postfix, qmail, Exim, Exchange, ...
/// At most maxRecipients addresses are read; those past it are counted in *leftOut.
QList<RecipientDiagnosis>
parseAddressBlocks(QStringView region,
                   qsizetype maxRecipients = std::numeric_limits<qsizetype>::max(),
                   qsizetype *leftOut = nullptr);

/// Fills status, replyCode and sendingIp from the diagnostic text where still empty, and
/// tidies the diagnostic (unfolded, trimmed).
void completeFromDiagnostic(RecipientDiagnosis &recipient);

/// Fills each recipient's SMTP command where its own words do not name one: from an SMTP
/// transcript (">>> RCPT To:<addr>", or the command a summary line follows), else from the
/// explanation when it names exactly one command for everybody.
void nameCommands(const ParsedMessage &message, QList<RecipientDiagnosis> &recipients);

/// True when the message looks like a delivery failure notice at all (sender, subject, codes).
bool looksLikeBounce(const ParsedMessage &message);

/// A text-shaped bounce: optional start and end markers around the address blocks; when no
/// address line is found, the whole region is one diagnostic for the fallback recipients
/// (X-Failed-Recipients, the original's To).
QList<RecipientDiagnosis> parseTextShape(const ParsedMessage &message, const Pattern *start,
                                         const Pattern *end);

} // namespace FormatHelpers

} // namespace BounceDoctor
