#include "bulksender.h"

#include <QCoreApplication>
#include <QDateTime>

namespace BounceDoctor::BulkSender {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct BulkSenderTr
{
    Q_DECLARE_TR_FUNCTIONS(BulkSender)
};

const Finding *byId(const QList<Finding> &run, const QString &id)
{
    for (const Finding &f : run) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

// What the receiver itself recorded for a method: pass, fail, ... or empty.
QString receiverResult(const CheckInput &input, const QString &method)
{
    QString result;
    for (const AuthenticationResult &r : input.authenticationResults) {
        if (r.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        if (r.result.compare(QLatin1String("pass"), Qt::CaseInsensitive) == 0)
            return QStringLiteral("pass");
        result = r.result.toLower();
    }
    return result;
}

// A rule: who requires it (named in the title) and since when, in a sentence.
struct Rule
{
    QString who;
    QString sentence;
};

Finding row(const QString &id, const Rule &rule, FindingStatus status, const QString &title,
            const QString &detail = {})
{
    Finding f;
    f.step = CheckStep::Authentication;
    f.id = QStringLiteral("bulk.") + id;
    f.status = status;
    f.title = BulkSenderTr::tr("%1: %2").arg(rule.who, title);
    f.detail = detail.isEmpty() ? rule.sentence : rule.sentence + QLatin1Char(' ') + detail;
    return f;
}

// A row that follows a finding of the run: its verdict (already judged against the DNS
// server), its evidence and what it checked.
Finding follow(const QString &id, const Rule &rule, const Finding *source, const QString &met,
               const QString &broken, const QString &unknown)
{
    if (!source || source->status == FindingStatus::CouldNotCheck ||
        source->status == FindingStatus::Info)
        return row(id, rule, FindingStatus::CouldNotCheck, unknown,
                   source ? source->title : QString());
    const bool ok = source->status == FindingStatus::Ok;
    Finding f = row(id, rule, ok ? FindingStatus::Ok : FindingStatus::Problem, ok ? met : broken,
                    source->title);
    f.evidence = source->evidence;
    f.checked = source->checked;
    f.basis = source->basis;
    return f;
}

} // namespace

QList<Finding> findings(const CheckInput &input, const QList<Finding> &run)
{
    const Rule all{BulkSenderTr::tr("Gmail, Yahoo and Outlook.com bulk sender rule"),
                   BulkSenderTr::tr("Gmail and Yahoo (since February 2024) and Outlook.com "
                                    "(since May 2025) require it of senders of over 5,000 "
                                    "messages a day.")};
    const Rule gmailYahoo{BulkSenderTr::tr("Gmail and Yahoo sender rule"),
                          BulkSenderTr::tr("Gmail and Yahoo require it of every sender since "
                                           "February 2024, bulk or not.")};
    const Rule keyRule{BulkSenderTr::tr("Gmail and Yahoo sender rule"),
                       BulkSenderTr::tr("Gmail and Yahoo ignore DKIM keys under 1024 bits.")};
    const Rule rfc5322{BulkSenderTr::tr("RFC 5322"),
                       BulkSenderTr::tr("Every message needs a Message-ID and a Date (RFC 5322); "
                                        "Gmail rejects mail without them.")};
    QList<Finding> rows;

    // SPF and DKIM: what the receiver recorded wins; else the live SPF evaluation.
    const QString spf = receiverResult(input, QStringLiteral("spf"));
    if (!spf.isEmpty())
        rows.append(row(QStringLiteral("spf"), gmailYahoo,
                        spf == QLatin1String("pass") ? FindingStatus::Ok : FindingStatus::Problem,
                        spf == QLatin1String("pass")
                            ? BulkSenderTr::tr("SPF passed at the receiver.")
                            : BulkSenderTr::tr("SPF did not pass at the receiver (%1).").arg(spf)));
    else
        rows.append(follow(QStringLiteral("spf"), gmailYahoo,
                           byId(run, QStringLiteral("spf.result")),
                           BulkSenderTr::tr("SPF passes for the sending IP address."),
                           BulkSenderTr::tr("SPF does not pass for the sending IP address."),
                           BulkSenderTr::tr("Could not check whether SPF passes: the bounce "
                                            "shows no result and the live check gave none.")));
    const QString dkim = receiverResult(input, QStringLiteral("dkim"));
    rows.append(
        dkim.isEmpty()
            ? row(QStringLiteral("dkim"), gmailYahoo, FindingStatus::CouldNotCheck,
                  BulkSenderTr::tr("Could not check whether DKIM passes: the bounce does not "
                                   "show the receiver's result."))
            : row(QStringLiteral("dkim"), gmailYahoo,
                  dkim == QLatin1String("pass") ? FindingStatus::Ok : FindingStatus::Problem,
                  dkim == QLatin1String("pass")
                      ? BulkSenderTr::tr("DKIM passed at the receiver.")
                      : BulkSenderTr::tr("DKIM did not pass at the receiver (%1).").arg(dkim)));

    rows.append(follow(QStringLiteral("dmarc"), all, byId(run, QStringLiteral("dmarc.record")),
                       BulkSenderTr::tr("A DMARC policy is published (p=none is enough)."),
                       BulkSenderTr::tr("No usable DMARC policy is published."),
                       BulkSenderTr::tr("Could not check whether a DMARC policy is published.")));
    rows.append(follow(QStringLiteral("alignment"), all,
                       byId(run, QStringLiteral("dmarc.alignment")),
                       BulkSenderTr::tr("The From domain is aligned with SPF or DKIM."),
                       BulkSenderTr::tr("The From domain is aligned with neither SPF nor DKIM."),
                       BulkSenderTr::tr("Could not check alignment: the bounce does not show "
                                        "the receiver's SPF and DKIM results.")));
    rows.append(follow(QStringLiteral("ptr"), gmailYahoo, byId(run, QStringLiteral("rdns")),
                       BulkSenderTr::tr("The sending IP has forward-confirmed reverse DNS."),
                       BulkSenderTr::tr("The sending IP lacks forward-confirmed reverse DNS."),
                       BulkSenderTr::tr("Could not check the sending IP's reverse DNS.")));

    // DKIM keys: the run's key findings; under 1024 bits is a warning there, a break here.
    const Finding *key = nullptr;
    for (const Finding &f : run) {
        if (f.id.startsWith(QLatin1String("dkim.key.")) &&
            (!key || key->status == FindingStatus::CouldNotCheck))
            key = &f;
    }
    rows.append(follow(QStringLiteral("dkim-key"), keyRule, key,
                       BulkSenderTr::tr("The DKIM key is valid and at least 1024 bits long."),
                       BulkSenderTr::tr("The DKIM key is missing, broken or under 1024 bits."),
                       BulkSenderTr::tr("Could not check the DKIM key's length.")));

    // What only the returned message's own headers show.
    rows.append(row(QStringLiteral("tls"), gmailYahoo, FindingStatus::CouldNotCheck,
                    BulkSenderTr::tr("Could not check that the message travelled over TLS: "
                                     "Bounce Doctor does not read the returned message's "
                                     "Received chain yet.")));
    rows.append(row(QStringLiteral("unsubscribe"), all, FindingStatus::CouldNotCheck,
                    BulkSenderTr::tr("Could not check one-click unsubscribe (List-Unsubscribe "
                                     "with List-Unsubscribe-Post, RFC 8058): Bounce Doctor does "
                                     "not read those headers of the returned message yet.")));

    const OriginalMessage &original = input.message.original;
    const QString messageId = original.messageId.trimmed();
    if (messageId.isEmpty()) {
        rows.append(row(QStringLiteral("message-id"), rfc5322, FindingStatus::CouldNotCheck,
                        BulkSenderTr::tr("Could not check the Message-ID: the bounce did not "
                                         "return it.")));
    } else {
        // <left@right>: one @ with text on both sides, no spaces (RFC 5322 section 3.6.4).
        const qsizetype at = messageId.indexOf(QLatin1Char('@'));
        const bool valid = messageId.startsWith(QLatin1Char('<')) &&
                           messageId.endsWith(QLatin1Char('>')) && at > 1 &&
                           at < messageId.size() - 2 &&
                           messageId.indexOf(QLatin1Char('@'), at + 1) < 0 &&
                           !messageId.contains(QLatin1Char(' '));
        rows.append(row(QStringLiteral("message-id"), rfc5322,
                        valid ? FindingStatus::Ok : FindingStatus::Problem,
                        valid ? BulkSenderTr::tr("The message has a valid Message-ID.")
                              : BulkSenderTr::tr("The Message-ID \"%1\" is not valid: it must "
                                                 "look like <unique@domain>.")
                                    .arg(messageId.left(200))));
    }
    if (original.date.trimmed().isEmpty())
        rows.append(row(QStringLiteral("date"), rfc5322, FindingStatus::CouldNotCheck,
                        BulkSenderTr::tr("Could not check the Date: the bounce did not return "
                                         "it.")));
    else {
        const bool valid =
            QDateTime::fromString(original.date.trimmed(), Qt::RFC2822Date).isValid();
        rows.append(row(QStringLiteral("date"), rfc5322,
                        valid ? FindingStatus::Ok : FindingStatus::Problem,
                        valid ? BulkSenderTr::tr("The message has a valid Date.")
                              : BulkSenderTr::tr("The Date \"%1\" is not a valid RFC 5322 date.")
                                    .arg(original.date.trimmed().left(200))));
    }
    return rows;
}

} // namespace BounceDoctor::BulkSender
