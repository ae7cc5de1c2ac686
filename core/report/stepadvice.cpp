#include "stepadvice.h"

#include "bounce/reasonvocabulary.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace BounceDoctor::StepAdvice {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct StepAdviceTr
{
    Q_DECLARE_TR_FUNCTIONS(StepAdviceTr)
};

bool mentions(const QString &lowerText, std::initializer_list<const char *> words)
{
    for (const char *word : words) {
        if (lowerText.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

bool isOneOf(const QString &value, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (value == QLatin1String(name))
            return true;
    }
    return false;
}

qint64 bytesOf(const QString &number, const QString &unit)
{
    QString digits = number;
    // "10,485,760" groups thousands; "1,5 MB" is a decimal comma.
    if (digits.count(QLatin1Char(',')) == 1 && digits.section(QLatin1Char(','), 1).size() != 3)
        digits.replace(QLatin1Char(','), QLatin1Char('.'));
    else
        digits.remove(QLatin1Char(','));
    const double value = digits.toDouble();
    const QChar scale = unit.isEmpty() ? QLatin1Char('b') : unit.front().toLower();
    double factor = 1;
    if (scale == QLatin1Char('k'))
        factor = 1024;
    else if (scale == QLatin1Char('m'))
        factor = 1024.0 * 1024;
    else if (scale == QLatin1Char('g'))
        factor = 1024.0 * 1024 * 1024;
    return qint64(value * factor);
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QStringList fixSetupPoints(const RecipientDiagnosis &r, const QString &text)
{
    QStringList points;
    const bool signIn = r.reason == QLatin1String("norelaying") ||
                        isOneOf(r.detail, {"unauthenticated", "relaying"}) ||
                        mentions(text, {"authenticat", "smtp auth", "sign in", "log in", "login"});
    const bool tls = r.reason == QLatin1String("failedstarttls") ||
                     mentions(text, {"tls", "ssl", "encrypt", "certificate"});
    if (signIn) {
        points << StepAdviceTr::tr(
            "Make the mail program or device (a copier, scanner or web form, for example) sign in "
            "to its outgoing (SMTP) server: turn on \"My outgoing server requires "
            "authentication\" (or \"SMTP authentication\") and enter the mailbox's user name and "
            "password.");
        points << StepAdviceTr::tr(
            "Send through the submission port: 587 with STARTTLS, or 465 with SSL/TLS. Port 25 is "
            "for servers and often refuses devices.");
        points << StepAdviceTr::tr(
            "With Microsoft 365 or Google, the account may need SMTP sign-in (SMTP AUTH) turned "
            "on, or an app password when two-step sign-in is on.");
    }
    if (r.reason == QLatin1String("norelaying"))
        points << StepAdviceTr::tr(
            "A server passes mail on only for senders it knows. Check the outgoing server name in "
            "the settings, and that the sender address is one of your own domain's.");
    if (tls) {
        points << StepAdviceTr::tr(
            "Check the encryption setting: STARTTLS on port 587, or SSL/TLS on port 465. Most "
            "servers refuse \"None\".");
        points << StepAdviceTr::tr(
            "Old devices and programs may speak only TLS 1.0 or 1.1, which servers now refuse: "
            "update the firmware or program, or send through a relay that speaks TLS 1.2 or "
            "newer.");
        points << StepAdviceTr::tr(
            "For a certificate error, check that the server name in the settings matches the "
            "server's certificate (a name such as smtp.example.com, not an IP address) and that "
            "the device's date and time are right.");
    }
    if (r.reason == QLatin1String("rejected"))
        points << StepAdviceTr::tr(
            "The receiving server refused your sender address. Check that the From address, and "
            "the return address your server uses, is a real address of a domain that exists.");
    if (r.reason == QLatin1String("syntaxerror"))
        points << StepAdviceTr::tr(
            "The receiving server did not understand what your mail program or server sent. "
            "Update the program, the device's firmware or the server, and undo custom SMTP "
            "settings.");
    points << StepAdviceTr::tr(
        "If you do not manage the sending program or server, send these steps and the server's "
        "words to whoever does. Then send a test message.");
    return points;
}

QStringList reviewContentPoints(const RecipientDiagnosis &r, const QString &text)
{
    QStringList points;
    const bool size = r.reason == QLatin1String("emailtoolarge") ||
                      mentions(text, {"size", "too large", "too big"});
    if (size) {
        const qint64 limit = sizeLimit(r.diagnostic);
        points << (limit > 0
                       ? StepAdviceTr::tr("The server accepts messages up to %1, attachments "
                                          "included.")
                             .arg(sizeText(limit))
                       : StepAdviceTr::tr("The server does not say its limit; many accept 10 to "
                                          "25 MB, attachments included."));
        points << StepAdviceTr::tr(
            "Attachments grow by about a third when sent. Share large files through a link, "
            "compress them, or send them in several messages.");
    }
    if (r.reason == QLatin1String("spamdetected") ||
        (!size && isOneOf(r.reason, {"contenterror", "undefined"}))) {
        points << StepAdviceTr::tr(
            "Links: remove shortened links and links whose text shows another address than they "
            "go to; check the linked sites are not on blocklists.");
        points << StepAdviceTr::tr(
            "Attachments: archives, Office files with macros and programs are often refused; "
            "send a PDF or a link instead.");
        points << StepAdviceTr::tr(
            "Wording: capitals, many exclamation marks, \"free\", \"urgent\" or a single large "
            "image with little text look like spam.");
    }
    if (r.reason == QLatin1String("virusdetected"))
        points << StepAdviceTr::tr(
            "The server found or suspects malware in an attachment. Scan the file, and send it "
            "as a link or in another format; password-protected archives and programs are "
            "refused by most servers.");
    if (r.reason == QLatin1String("notcompliantrfc"))
        points << StepAdviceTr::tr(
            "The message breaks the email standard (RFC 5322): a missing or doubled header such "
            "as Date, From or Message-ID, overlong lines or bad encoding. The program that "
            "built it must be fixed; send from an ordinary mail program to compare.");
    if (r.reason == QLatin1String("feedback"))
        points << StepAdviceTr::tr(
            "The recipient marked your message as spam. Stop sending them this kind of message "
            "unless they asked for it, and make unsubscribing easy.");
    if (points.isEmpty())
        points << StepAdviceTr::tr(
            "Compare the message with the server's words: its size, its attachments, its links "
            "and its wording.");
    points << StepAdviceTr::tr("Then send the changed message again to the same address.");
    return points;
}

QStringList waitPoints(const RecipientDiagnosis &r, const QString &text)
{
    QStringList points;
    if (r.action == QLatin1String("delayed")) {
        points << StepAdviceTr::tr(
            "This is a delay notice, not a failure: your mail server is still trying and retries "
            "by itself, usually for up to four or five days. Do not send the message again.");
    } else if (r.reason == QLatin1String("expired")) {
        points << StepAdviceTr::tr(
            "Your mail server retried for its whole retry period and has given up: the message "
            "was not delivered. Send it again later.");
    } else {
        points << StepAdviceTr::tr(
            "The receiving server asked to try again later. Your mail server retries by itself "
            "for a while; as this notice says it failed, send the message again in an hour or "
            "two.");
    }
    if (r.reason == QLatin1String("ratelimited") || r.detail == QLatin1String("rate-limit") ||
        mentions(text, {"rate", "too many"}))
        points << StepAdviceTr::tr(
            "The server refuses you for sending too much, too fast: send fewer messages per "
            "hour (split large mailings) and wait at least an hour.");
    points << StepAdviceTr::tr(
        "Worry when the same error comes back after a day, or a final failure notice arrives: "
        "then the receiving side has a lasting problem and its IT must look at it.");
    return points;
}

QStringList nothingToDoPoints(const RecipientDiagnosis &r)
{
    QStringList points;
    if (r.reason == QLatin1String("vacation"))
        points << StepAdviceTr::tr(
            "This is an automatic reply (out of office or similar): your message was delivered. "
            "Read it for the date they are back or for another contact.");
    else if (r.action == QLatin1String("relayed") || r.action == QLatin1String("expanded"))
        points << StepAdviceTr::tr(
            "The message was passed on to a system that sends no further reports. Nothing "
            "failed.");
    else
        points << StepAdviceTr::tr(
            "This is a delivery report: the message reached the recipient's server. Nothing "
            "failed.");
    if (r.reason != QLatin1String("vacation"))
        points << StepAdviceTr::tr("Keep this notice if you need proof of delivery.");
    return points;
}

} // namespace

bool isNotAFailure(const RecipientDiagnosis &r)
{
    return ReasonVocabulary::isNotAFailure(r.reason) ||
           isOneOf(r.action, {"delivered", "relayed", "expanded"});
}

FirstStep firstStep(const RecipientDiagnosis &r)
{
    return isNotAFailure(r) ? FirstStep::None : r.firstStep;
}

bool recipientSideActs(const RecipientDiagnosis &r)
{
    // Nothing failed, or the sending server is still trying: nobody has to act yet.
    if (isNotAFailure(r) || r.action == QLatin1String("delayed"))
        return false;
    return r.firstStep == FirstStep::ContactRecipientIt ||
           r.responsible == Responsible::Recipient || r.responsible == Responsible::RecipientAdmin;
}

qint64 sizeLimit(const QString &diagnostic)
{
    static const QString number = QStringLiteral("(\\d[\\d,]*(?:\\.\\d+)?)");
    static const QString unit = QStringLiteral("(bytes?|octets?|[kmg]i?b\\b|[kmg]bytes|kilobytes?|"
                                               "megabytes?|gigabytes?|[kmg]\\b)");
    // A number after the words that name a limit, then any number with a unit.
    static const QRegularExpression afterLimit(
        QStringLiteral("(?:limit|maximum|max\\.?|allowed|exceed(?:s|ed)?)[^\\d]{0,24}?") + number +
            QStringLiteral("\\s*") + unit + QLatin1Char('?'),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression withUnit(number + QStringLiteral("\\s*") + unit,
                                             QRegularExpression::CaseInsensitiveOption);
    for (const QRegularExpression *pattern : {&afterLimit, &withUnit}) {
        QRegularExpressionMatchIterator it = pattern->globalMatch(diagnostic);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const qint64 bytes = bytesOf(match.captured(1), match.captured(2));
            if (bytes >= 1024) // smaller numbers are status codes, counts or line lengths
                return bytes;
        }
    }
    return 0;
}

QString title(FirstStep step)
{
    switch (step) {
    case FirstStep::VerifyAddress:
        return StepAdviceTr::tr("Verify the recipient address");
    case FirstStep::Blocklists:
        return StepAdviceTr::tr("Check blocklists");
    case FirstStep::Authentication:
        return StepAdviceTr::tr("Check SPF, DKIM and DMARC");
    case FirstStep::ContactRecipientIt:
        return StepAdviceTr::tr("Contact the recipient's IT");
    case FirstStep::FixSendingSetup:
        return StepAdviceTr::tr("Fix the sending set-up");
    case FirstStep::ReviewContent:
        return StepAdviceTr::tr("Review the message content");
    case FirstStep::RetryLater:
        return StepAdviceTr::tr("Wait");
    case FirstStep::None:
        break;
    }
    return StepAdviceTr::tr("Nothing to do");
}

QString why(FirstStep step, const RecipientDiagnosis &r)
{
    switch (step) {
    case FirstStep::VerifyAddress:
        return StepAdviceTr::tr(
            "A typing mistake or an address that no longer exists is the most common cause of a "
            "bounce. Check the spelling letter by letter, and that the domain after the @ is "
            "right.");
    case FirstStep::Blocklists:
        return StepAdviceTr::tr(
            "Receiving servers refuse mail from IP addresses and domains on public blocklists. If "
            "your sending IP is listed, fix the cause (often a hacked account or a spam "
            "complaint), then ask the list to remove it.");
    case FirstStep::Authentication:
        return StepAdviceTr::tr(
            "These DNS records prove that your server may send for your domain. Large providers "
            "reject or junk mail that fails them.");
    case FirstStep::ContactRecipientIt:
        return StepAdviceTr::tr(
            "When the receiving side refuses you, only its administrators can change that. This "
            "message gives them what they need.");
    case FirstStep::FixSendingSetup:
        return StepAdviceTr::tr(
            "The refusal is about how your message is sent, not about the recipient: a setting "
            "in your mail program, device or server must change. Sending again unchanged fails "
            "the same way.");
    case FirstStep::ReviewContent:
        return StepAdviceTr::tr(
            "The receiving server refused what the message contains. Change the message, not "
            "the address.");
    case FirstStep::RetryLater:
        return r.action == QLatin1String("delayed")
                   ? StepAdviceTr::tr("The message is late, not lost. Usually there is nothing "
                                      "to do but wait.")
                   : StepAdviceTr::tr("The problem is temporary. Usually it is enough to wait "
                                      "and send again.");
    case FirstStep::None:
        break;
    }
    return StepAdviceTr::tr("Nothing failed: this notice is for your information.");
}

QStringList points(FirstStep step, const RecipientDiagnosis &r)
{
    const QString text = r.diagnostic.toLower();
    switch (step) {
    case FirstStep::FixSendingSetup:
        return fixSetupPoints(r, text);
    case FirstStep::ReviewContent:
        return reviewContentPoints(r, text);
    case FirstStep::RetryLater:
        return waitPoints(r, text);
    case FirstStep::None:
        return nothingToDoPoints(r);
    default:
        break;
    }
    return {};
}

} // namespace BounceDoctor::StepAdvice
