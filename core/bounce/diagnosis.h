#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace BounceDoctor {

/// One method's result from an Authentication-Results header (RFC 8601), e.g. "dkim=pass
/// header.d=example.com".
struct AuthenticationResult
{
    QString method;     ///< spf, dkim, dmarc, arc, ...
    QString result;     ///< pass, fail, softfail, neutral, none, temperror, permerror, ...
    QString domain;     ///< the domain the result is about (smtp.mailfrom, header.d, header.from)
    QString selector;   ///< header.s for dkim, when present
    QString authServId; ///< who evaluated it (the header's authserv-id)
};

/// What the bounce carried of the message that failed to be delivered.
struct OriginalMessage
{
    QString from;
    QString to;
    QString subject;
    QString messageId;
    QString date;
    QString sendingIp;    ///< the first public IP the message left from (Received chain)
    QString dkimDomain;   ///< DKIM-Signature d=
    QString dkimSelector; ///< DKIM-Signature s=
    QList<AuthenticationResult> authenticationResults;
};

/// Who has to act for the mail to get through.
enum class Responsible
{
    Unknown,
    Sender,
    SenderAdmin,
    Recipient,
    RecipientAdmin
};

/// The guided checklist's steps, in their default order.
enum class CheckStep
{
    VerifyAddress,
    Blocklists,
    Authentication,
    ContactRecipientIt
};

/// What to do first for this failure: one of the checklist's steps (same names as CheckStep),
/// or advice the checklist has no step for.
enum class FirstStep
{
    None,
    VerifyAddress,
    Blocklists,
    Authentication,
    ContactRecipientIt,
    ReviewContent,
    FixSendingSetup,
    RetryLater
};

/// The checklist step a first step is, if it is one.
std::optional<CheckStep> checklistStep(FirstStep step);

/// The diagnosis of one failed (or delayed, or delivered) recipient.
struct RecipientDiagnosis
{
    // What the bounce says.
    QString recipient;
    QString action;     ///< failed, delayed, delivered, relayed, expanded
    QString status;     ///< enhanced status code, e.g. "5.1.1"
    QString replyCode;  ///< SMTP reply code, e.g. "550"
    QString diagnostic; ///< the remote server's exact words
    QString remoteMta;
    QString reportingMta;
    QString date;
    QString sendingIp;      ///< from the diagnostic text, else the original message's
    QString command;        ///< the SMTP command the server answered: EHLO, MAIL, RCPT, DATA, ...
    QString diagnosticType; ///< the Diagnostic-Code type: SMTP, X-Unix, X-Postfix, ...
    QString category;       ///< the sending MTA's own verdict, e.g. PowerMTA's "bad-mailbox"

    // What it means.
    QString reason;    ///< Sisimai-compatible vocabulary: userunknown, blocked, ...
    QString detail;    ///< finer tag: spf, dkim, prior-approval, ip-blocklist, ...
    QString blocklist; ///< the blocklist the text names, e.g. zen.spamhaus.org
    bool permanent = false;
    bool temporary = false; ///< a failure that may pass later; neither for a non-failure report
    bool hardBounce = false;
    Responsible responsible = Responsible::Unknown;
    FirstStep firstStep = FirstStep::None;
    QString provider; ///< the operator of the server that refused: gmail, microsoft, ...
    QString
        reportingMtaProvider; ///< the operator of the server that wrote the bounce, when another
    QString suggestedRecipient;
    QString headline;    ///< one plain-language sentence, translated
    QString explanation; ///< a short paragraph a non-expert understands, translated
};

/// One message read from an input: a bounce with its recipients, something else, or an error.
struct BounceMessage
{
    enum class Kind
    {
        Bounce,
        NotABounce,
        Error
    };

    Kind kind = Kind::Bounce;
    QString source;  ///< the path as given ("-" for standard input, empty for pasted text)
    int index = 0;   ///< 0-based position of the message within its source
    QString error;   ///< plain words, when kind is Error
    QString notice;  ///< plain words on what was left out of a readable message (limits)
    QString format;  ///< which parser understood it: rfc3464, postfix, exim, office365, ...
    QString subject; ///< the bounce's own Subject
    QString from;    ///< the bounce's own From
    OriginalMessage original;
    QList<RecipientDiagnosis> recipients;
};

QString responsibleName(Responsible responsible);
QString firstStepName(FirstStep step);
Responsible responsibleFromString(const QString &text);
FirstStep firstStepFromString(const QString &text);

} // namespace BounceDoctor
