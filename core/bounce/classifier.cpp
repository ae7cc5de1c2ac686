#include "classifier.h"

#include "bounce/domainsuggester.h"
#include "common/mailaddress.h"
#include "common/pattern.h"
#include "knowledgebase.h"
#include "reasonvocabulary.h"
#include "textscan.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcClassifier, "bouncedoctor.bounce.classifier", QtInfoMsg)

namespace BounceDoctor {
namespace {

// A reason's or detail's way of being recognised: plain phrases and, where wording varies,
// regular expressions (the alternatives of a rule in its group's PatternSet).
struct Matcher
{
    QStringList alternatives;

    static Matcher from(const QJsonObject &object, const QString &where)
    {
        return {KnowledgeBase::entryAlternatives(object, where)};
    }
};

struct Advice
{
    // UTF-8, as QCoreApplication::translate() takes its source text: converted once on
    // loading instead of for every recipient.
    QByteArray headline;
    QByteArray explanation;
    QString responsible;
    QString firstStep;
    bool hard = false;
};

struct ProviderRule
{
    Matcher matcher;
    QString status;  ///< rule applies only to this status code prefix, when set
    QString command; ///< rule applies only to a reply to this SMTP command, when set
    QString reason;
    QString detail;
    Advice advice;
};

struct Provider
{
    QString name;
    QStringList hosts;
    Matcher textSigns;
    QList<ProviderRule> rules;
};

struct DetailRule
{
    QString detail;
    Matcher matcher;
    /// A fault on the recipient's side in words that would otherwise blame the sender (their
    /// blocklist lookup failed): looked for first, wins over a provider's rule, names no blocklist.
    bool recipientSide = false;
};

// How servers word each reason (knowledge/bounce-reasons.json): ordered rules, first match
// wins, with the status codes whose meaning beats the words.
struct WordRule
{
    QString reason;
    QStringList alternatives;
    bool weak = false; ///< vague words: the status code's meaning comes first
};

// A refusal of one SMTP command is about what that command carries: MAIL FROM the sender,
// the greeting and EHLO the sending host.
struct CommandRule
{
    QStringList commands;
    QStringList from; ///< reasons the words gave that the command overrides
    QString reason;
};

struct ReasonRules
{
    QList<WordRule> patterns;
    // The specific and the vague rules, each in their order (Knowledge::textRules' groups).
    QList<qsizetype> strongRules; ///< index in StrongWords -> patterns' index
    QList<qsizetype> weakRules;   ///< index in WeakWords -> patterns' index
    QList<CommandRule> commandReasons;
    QHash<QString, QString> statusReasons;   ///< "X.1.1" -> userunknown
    QHash<QString, QString> pseudoStatus;    ///< userunknown -> "911", for bounces without a code
    QHash<QString, QString> categoryReasons; ///< an MTA's own verdict -> reason
    QHash<QString, QString> typeReasons;     ///< Diagnostic-Code type (X-UNIX) -> reason
    QStringList statusFirst;
    QStringList userUnknownAsFiltered;
    QStringList userUnknownCommands; ///< only replies to these name an unknown mailbox
    QStringList userUnknownFormats;  ///< MTAs that answer from their own recipient directory
    Pattern afterData;
    Pattern temporaryWords;
};

struct Knowledge
{
    ReasonRules rules;
    QHash<QString, Advice> reasonAdvice;
    QHash<QString, Advice> detailAdvice;
    QList<Provider> providers;
    QList<DetailRule> details;
    QStringList blocklistZones;
    // The rules that match the bounce's words, ordered groups whose atoms are found in one
    // pass over the text: these groups, then one group per provider (its rules). Indexes are
    // the lists'.
    enum TextGroup : qsizetype
    {
        Signs,
        StrongWords,
        WeakWords,
        Details,
        Blocklists,
        Providers
    };
    PatternGroups textRules;
    PatternSet providerHosts;
    QStringList problems; ///< reasons the files name that the vocabulary does not know
};

Advice adviceFrom(const QJsonObject &object)
{
    return {object.value(QLatin1String("headline")).toString().toUtf8(),
            object.value(QLatin1String("explanation")).toString().toUtf8(),
            object.value(QLatin1String("responsible")).toString(),
            object.value(QLatin1String("firstStep")).toString(),
            object.value(QLatin1String("hard")).toBool()};
}

QHash<QString, QString> stringMap(const QJsonValue &value)
{
    QHash<QString, QString> map;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

// Every reason the knowledge files name must be one of the vocabulary's: a misspelt or retired
// name (mesgtoobig) would reach the user and the scoring tools as it is.
QStringList vocabularyProblems(const Knowledge &k)
{
    QStringList problems;
    auto check = [&problems](const QString &reason, const QString &where) {
        if (!reason.isEmpty() && !ReasonVocabulary::isKnown(reason))
            problems.append(QStringLiteral("unknown reason \"%1\" in %2").arg(reason, where));
    };
    for (auto it = k.reasonAdvice.cbegin(); it != k.reasonAdvice.cend(); ++it)
        check(it.key(), QStringLiteral("reasons.json"));
    for (const QString &reason : ReasonVocabulary::reasons()) {
        if (!k.reasonAdvice.contains(reason))
            problems.append(
                QStringLiteral("reason \"%1\" has no advice in reasons.json").arg(reason));
    }
    const ReasonRules &rules = k.rules;
    for (const WordRule &rule : rules.patterns)
        check(rule.reason, QStringLiteral("bounce-reasons.json patterns"));
    for (const CommandRule &rule : rules.commandReasons) {
        check(rule.reason, QStringLiteral("bounce-reasons.json commandReasons"));
        for (const QString &from : rule.from)
            check(from, QStringLiteral("bounce-reasons.json commandReasons"));
    }
    for (const auto *map : {&rules.statusReasons, &rules.categoryReasons, &rules.typeReasons})
        for (const QString &reason : *map)
            check(reason, QStringLiteral("bounce-reasons.json"));
    for (auto it = rules.pseudoStatus.cbegin(); it != rules.pseudoStatus.cend(); ++it)
        check(it.key(), QStringLiteral("bounce-reasons.json pseudoStatus"));
    for (const Provider &p : k.providers)
        for (const ProviderRule &rule : p.rules)
            check(rule.reason, QStringLiteral("providers.json (%1)").arg(p.name));
    return problems;
}

const Knowledge &knowledge()
{
    static const Knowledge k = [] {
        Knowledge k;
        const QJsonObject &reasons = KnowledgeBase::document(QStringLiteral("reasons.json"));
        const QJsonObject table = reasons.value(QLatin1String("reasons")).toObject();
        for (auto it = table.begin(); it != table.end(); ++it)
            k.reasonAdvice.insert(it.key(), adviceFrom(it.value().toObject()));

        const QJsonObject &words = KnowledgeBase::document(QStringLiteral("bounce-reasons.json"));
        const QJsonArray ordered = words.value(QLatin1String("patterns")).toArray();
        for (const QJsonValue &value : ordered) {
            const QJsonObject rule = value.toObject();
            const QString reason = rule.value(QLatin1String("reason")).toString();
            const QString where = QStringLiteral("bounce-reasons.json, rule %1 (%2)")
                                      .arg(k.rules.patterns.size())
                                      .arg(reason);
            k.rules.patterns.append({reason, KnowledgeBase::entryAlternatives(rule, where),
                                     rule.value(QLatin1String("weak")).toBool()});
        }
        QList<QList<QStringList>> textGroups(Knowledge::Providers);
        for (qsizetype i = 0; i < k.rules.patterns.size(); ++i) {
            const WordRule &rule = k.rules.patterns.at(i);
            textGroups[rule.weak ? Knowledge::WeakWords : Knowledge::StrongWords].append(
                rule.alternatives);
            (rule.weak ? k.rules.weakRules : k.rules.strongRules).append(i);
        }
        const QJsonArray commandRules = words.value(QLatin1String("commandReasons")).toArray();
        for (const QJsonValue &value : commandRules) {
            const QJsonObject rule = value.toObject();
            k.rules.commandReasons.append(
                {KnowledgeBase::stringList(rule.value(QLatin1String("commands"))),
                 KnowledgeBase::stringList(rule.value(QLatin1String("from"))),
                 rule.value(QLatin1String("reason")).toString()});
        }
        k.rules.statusReasons = stringMap(words.value(QLatin1String("statusReasons")));
        k.rules.pseudoStatus = stringMap(words.value(QLatin1String("pseudoStatus")));
        k.rules.categoryReasons = stringMap(words.value(QLatin1String("categoryReasons")));
        k.rules.typeReasons = stringMap(words.value(QLatin1String("diagnosticTypeReasons")));
        k.rules.statusFirst = KnowledgeBase::stringList(words.value(QLatin1String("statusFirst")));
        k.rules.userUnknownAsFiltered =
            KnowledgeBase::stringList(words.value(QLatin1String("userUnknownAsFiltered")));
        k.rules.userUnknownCommands =
            KnowledgeBase::stringList(words.value(QLatin1String("userUnknownCommands")));
        k.rules.userUnknownFormats =
            KnowledgeBase::stringList(words.value(QLatin1String("userUnknownFormats")));
        k.rules.afterData =
            Pattern(words.value(QLatin1String("afterData")).toString(), Pattern::CaseInsensitive);
        k.rules.temporaryWords = Pattern(words.value(QLatin1String("temporaryWords")).toString(),
                                         Pattern::CaseInsensitive);

        for (const KnowledgeBase::ProviderEntry &entry : KnowledgeBase::providers()) {
            // A provider known only by its MX hosts (AddressCheck) never shows in a bounce.
            if (entry.hosts.isEmpty() && entry.signs.isEmpty() && entry.rules.isEmpty())
                continue;
            Provider p;
            p.name = entry.name;
            const QString where = QStringLiteral("providers.json, ") + p.name;
            p.hosts =
                KnowledgeBase::alternatives(entry.hosts, {}, where + QStringLiteral(" hosts"));
            p.textSigns = Matcher::from(entry.signs, where + QStringLiteral(" signs"));
            for (const QJsonValue &ruleValue : entry.rules) {
                const QJsonObject rule = ruleValue.toObject();
                p.rules.append(
                    {Matcher::from(rule, where + QStringLiteral(" rule %1").arg(p.rules.size())),
                     rule.value(QLatin1String("status")).toString(),
                     rule.value(QLatin1String("command")).toString(),
                     rule.value(QLatin1String("reason")).toString(),
                     rule.value(QLatin1String("detail")).toString(), adviceFrom(rule)});
            }
            k.providers.append(p);
        }
        QStringList hosts;
        for (const Provider &p : std::as_const(k.providers)) {
            hosts.append(KnowledgeBase::combined(p.hosts).pattern());
            textGroups[Knowledge::Signs].append(p.textSigns.alternatives);
        }
        k.providerHosts = PatternSet(hosts, KnowledgeBase::patternOptions);

        const QJsonObject &details = KnowledgeBase::document(QStringLiteral("details.json"));
        const QJsonArray detailList = details.value(QLatin1String("details")).toArray();
        for (const QJsonValue &value : detailList) {
            const QJsonObject entry = value.toObject();
            const QString name = entry.value(QLatin1String("detail")).toString();
            k.details.append({name, Matcher::from(entry, QStringLiteral("details.json, ") + name),
                              entry.value(QLatin1String("recipientSide")).toBool()});
            k.detailAdvice.insert(name, adviceFrom(entry));
        }
        for (const DetailRule &detail : std::as_const(k.details))
            textGroups[Knowledge::Details].append(detail.matcher.alternatives);
        const QJsonObject zones = details.value(QLatin1String("blocklists")).toObject();
        for (auto it = zones.begin(); it != zones.end(); ++it) {
            k.blocklistZones.append(it.key());
            textGroups[Knowledge::Blocklists].append(
                KnowledgeBase::alternatives({it.value().toString()}, {},
                                            QStringLiteral("details.json, blocklist ") + it.key()));
        }
        for (const Provider &p : std::as_const(k.providers)) {
            QList<QStringList> rules;
            for (const ProviderRule &rule : p.rules)
                rules.append(rule.matcher.alternatives);
            textGroups.append(rules);
        }
        k.textRules = PatternGroups(textGroups, KnowledgeBase::patternOptions);
        k.problems = vocabularyProblems(k);
        for (const QString &problem : std::as_const(k.problems))
            qCWarning(lcClassifier) << problem;
        return k;
    }();
    return k;
}

QString genericCode(const QString &status)
{
    return status.size() >= 5 ? QStringLiteral("X") + status.mid(1) : QString();
}

// The reason the server's words and code give: a code that is unambiguous first, then the
// first rule whose words match, then the code's usual meaning.
QString wordedReason(const Knowledge &k, const RecipientDiagnosis &r, const QString &format,
                     const PatternGroups::Atoms &atoms)
{
    const ReasonRules &rules = k.rules;
    const QString code = genericCode(r.status);
    QString reason;
    if (rules.statusFirst.contains(code))
        reason = rules.statusReasons.value(code);
    // Specific words first, then the code's usual meaning, then vague words.
    auto byWords = [&k, &rules, &r, &atoms](bool weak) {
        if (r.diagnostic.isEmpty())
            return QString();
        const qsizetype index = k.textRules.firstMatching(
            weak ? Knowledge::WeakWords : Knowledge::StrongWords, r.diagnostic, atoms);
        return index < 0 ? QString()
                         : rules.patterns.at((weak ? rules.weakRules : rules.strongRules).at(index))
                               .reason;
    };
    if (reason.isEmpty())
        reason = byWords(false);
    if (reason.isEmpty())
        reason = rules.statusReasons.value(r.status);
    if (reason.isEmpty())
        reason = rules.statusReasons.value(code);
    if (reason.isEmpty())
        reason = rules.typeReasons.value(r.diagnosticType);
    if (reason.isEmpty())
        reason = byWords(true);
    if (reason.isEmpty())
        // Words nobody knows are "on hold" (Sisimai's term); nothing at all is undefined.
        reason = r.action == QLatin1String("delayed") ? QStringLiteral("expired")
                 : r.diagnostic.isEmpty()             ? QStringLiteral("undefined")
                                                      : QStringLiteral("onhold");
    // A mailbox that refuses only once it has seen the message is filtering, not unknown:
    // words of an unknown user count as such only in a reply to RCPT TO, or under a code
    // that says so itself.
    if (reason == QLatin1String("userunknown") &&
        ((rules.afterData.isValid() && rules.afterData.matches(r.diagnostic)) ||
         rules.userUnknownAsFiltered.contains(code) ||
         (!rules.userUnknownCommands.isEmpty() && !rules.userUnknownFormats.contains(format) &&
          rules.statusReasons.value(code) != QLatin1String("userunknown") &&
          !rules.userUnknownCommands.contains(r.command))))
        reason = QStringLiteral("filtered");
    for (const CommandRule &rule : rules.commandReasons) {
        if (rule.commands.contains(r.command) && rule.from.contains(reason)) {
            reason = rule.reason;
            break;
        }
    }
    return reason;
}

QString providerOfHost(const Knowledge &k, const QString &host)
{
    if (host.isEmpty())
        return {};
    const qsizetype index = k.providerHosts.firstMatching(host);
    return index < 0 ? QString() : k.providers.at(index).name;
}

// The provider whose servers a host name in the server's words belongs to
// ("mx3.mail.protection.outlook.com[...]"), preferring one that did not write the bounce: a
// provider that relays another's refusal quotes the other's host names.
QString providerInWords(const Knowledge &k, const QString &lowerText, const QString &reporting)
{
    static const Pattern hostName(
        QStringLiteral(R"([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)"));
    QString first;
    QString other;
    hostName.forEachMatch(lowerText, [&](const PatternMatch &m) {
        const QString host = m.captured();
        // A server's name: three labels or more, the last with a letter (not an IP address or a
        // status code), not an address's domain (the sender's or the recipient's).
        const qsizetype start = m.capturedStart();
        if (!host.back().isLetter() || host.count(QLatin1Char('.')) < 2 ||
            (start > 0 && lowerText.at(start - 1) == QLatin1Char('@')))
            return true;
        // Not the sending side's name, which refusals quote too ("Client host [..]
        // mail-sor-f41.google.com", "HELO ...", an outbound relay): a sender on Google Workspace
        // or Microsoft 365 is refused by someone else.
        static const Pattern sendingSide(
            QStringLiteral(R"((?:client host|helo|ehlo|from|reverse|ptr|hostname)[^a-z0-9]*$)"));
        static const Pattern outbound(
            QStringLiteral(R"((?:\boutbound\b|^mail-[a-z0-9-]+\.google\.com$|smtp-out\.|\.mail\.)"
                           R"((?:yahoo|aol)\.com$|^o\d+\.|\bsmtpout\b|relay))"));
        if (outbound.matches(host) ||
            sendingSide.matches(QStringView(lowerText).mid(qMax<qsizetype>(0, start - 24),
                                                           qMin<qsizetype>(start, 24))))
            return true;
        const QString name = providerOfHost(k, host);
        if (name.isEmpty())
            return true;
        if (first.isEmpty())
            first = name;
        if (name != reporting) {
            other = name;
            return false;
        }
        return true;
    });
    return other.isEmpty() ? first : other;
}

// Who refused: the server that refused, a provider's host named in its words, the recipient's
// own domain (its mail is received by its provider's servers), words only that provider uses,
// and last the server that wrote the bounce (with no other server named, it refused itself).
QString providerOf(const Knowledge &k, const RecipientDiagnosis &r, const QString &lowerText,
                   const QString &reporting, const PatternGroups::Atoms &atoms)
{
    if (const QString name = providerOfHost(k, r.remoteMta.toLower()); !name.isEmpty())
        return name;
    if (const QString name = providerInWords(k, lowerText, reporting); !name.isEmpty())
        return name;
    const QString domain = MailAddress::domainPart(r.recipient).toLower();
    if (const QString name = providerOfHost(k, domain); !name.isEmpty())
        return name;
    // Providers without signs never match (their pattern matches nothing).
    const qsizetype index = k.textRules.firstMatching(Knowledge::Signs, lowerText, atoms);
    if (index >= 0)
        return k.providers.at(index).name;
    return reporting;
}

const ProviderRule *providerRule(const Knowledge &k, const QString &providerName,
                                 const RecipientDiagnosis &r, const QString &lowerText,
                                 const PatternGroups::Atoms &atoms)
{
    auto applies = [&r](const ProviderRule &rule) {
        return (rule.status.isEmpty() || r.status.startsWith(rule.status)) &&
               (rule.command.isEmpty() || r.command == rule.command);
    };
    for (qsizetype p = 0; p < k.providers.size(); ++p) {
        // A provider's own codes are unambiguous in its own replies; rules marked with the
        // provider's name only apply there.
        const Provider &provider = k.providers.at(p);
        if (provider.name != providerName)
            continue;
        // The first rule in order whose words match and that applies.
        for (const qsizetype i : k.textRules.matching(Knowledge::Providers + p, lowerText, atoms)) {
            if (applies(provider.rules.at(i)))
                return &provider.rules.at(i);
        }
    }
    return nullptr;
}

QString translated(const QByteArray &text)
{
    return text.isEmpty() ? QString() : QCoreApplication::translate("Knowledge", text.constData());
}

} // namespace

QStringList Classifier::knowledgeProblems()
{
    return knowledge().problems;
}

void Classifier::classify(RecipientDiagnosis &r, const BounceMessage &message)
{
    const Knowledge &k = knowledge();
    const QString text = r.diagnostic.toLower();
    // Every rule group's atoms in one pass. The word rules match the diagnostic itself: the
    // atoms, found caselessly in the lower-case text, are the diagnostic's too.
    const PatternGroups::Atoms atoms = k.textRules.atomsIn(text);

    const QString reporting = providerOfHost(k, r.reportingMta.toLower());
    r.provider = providerOf(k, r, text, reporting, atoms);
    r.reportingMtaProvider = reporting != r.provider ? reporting : QString();

    // The first detail that matches; a recipient-side one overrides a provider's own rule.
    const qsizetype detailIndex = k.textRules.firstMatching(Knowledge::Details, text, atoms);
    const bool recipientSide = detailIndex >= 0 && k.details.at(detailIndex).recipientSide;
    const ProviderRule *rule = r.reason.isEmpty() && !recipientSide
                                   ? providerRule(k, r.provider, r, text, atoms)
                                   : nullptr;

    if (r.reason.isEmpty()) {
        if (r.status.startsWith(QLatin1String("2.")) || r.action == QLatin1String("delivered") ||
            r.action == QLatin1String("relayed") || r.action == QLatin1String("expanded")) {
            r.reason = QStringLiteral("delivered");
        } else if (!k.rules.categoryReasons.value(r.category).isEmpty()) {
            // The sending MTA has already said what kind of failure it saw.
            r.reason = k.rules.categoryReasons.value(r.category);
        } else if (rule && !rule->reason.isEmpty()) {
            r.reason = rule->reason;
        } else {
            r.reason = wordedReason(k, r, message.format, atoms);
        }
    }
    if (recipientSide)
        r.detail = k.details.at(detailIndex).detail;
    if (r.detail.isEmpty() && rule)
        r.detail = rule->detail;
    if (r.detail.isEmpty() && detailIndex >= 0)
        r.detail = k.details.at(detailIndex).detail;
    // A blocklist that could not be asked has not listed the sender.
    if (const qsizetype index = k.textRules.firstMatching(Knowledge::Blocklists, text, atoms);
        index >= 0 && !recipientSide)
        r.blocklist = k.blocklistZones.at(index);

    const bool notAFailure = ReasonVocabulary::isNotAFailure(r.reason);
    const bool temporary =
        r.action == QLatin1String("delayed") || r.status.startsWith(QLatin1Char('4')) ||
        (r.status.isEmpty() &&
         (r.replyCode.startsWith(QLatin1Char('4')) ||
          (k.rules.temporaryWords.isValid() && k.rules.temporaryWords.matches(r.diagnostic))));
    // Only when the bounce gave no code at all: a reported "5.0.0" is what the server said.
    const QString pseudo = k.rules.pseudoStatus.value(r.reason);
    if (r.status.isEmpty() && !pseudo.isEmpty() && !notAFailure)
        r.status = QStringLiteral("%1.0.%2").arg(
            temporary ? QStringLiteral("4") : QStringLiteral("5"), pseudo);
    // A delivery report, an auto-reply or a complaint is no failure: neither permanent nor
    // temporary, and nothing to retry.
    r.permanent =
        !notAFailure && (r.status.startsWith(QLatin1Char('5')) ||
                         (r.status.isEmpty() && r.replyCode.startsWith(QLatin1Char('5'))));
    r.temporary = !notAFailure && !r.permanent;

    // Each part of the advice from the most specific entry that has it: the provider's rule,
    // the detail's, then the reason's. Read in place: the knowledge is shared by every reader
    // thread, and copying its strings makes both threads write their reference counts.
    static const Advice none;
    auto adviceFor = [](const QHash<QString, Advice> &table, const QString &key) {
        const auto it = table.constFind(key);
        return it == table.cend() ? &none : &it.value();
    };
    const Advice *reasonAdvice = adviceFor(k.reasonAdvice, r.reason);
    const Advice *detailAdvice = adviceFor(k.detailAdvice, r.detail);
    const Advice *ruleAdvice = rule ? &rule->advice : &none;
    auto pick = [&](auto member) -> const auto &
    {
        for (const Advice *advice : {ruleAdvice, detailAdvice}) {
            if (!(advice->*member).isEmpty())
                return advice->*member;
        }
        return reasonAdvice->*member;
    };
    r.hardBounce = r.permanent && reasonAdvice->hard;
    r.responsible = responsibleFromString(pick(&Advice::responsible));
    r.firstStep = firstStepFromString(pick(&Advice::firstStep));
    if (r.temporary && r.firstStep == FirstStep::None)
        r.firstStep = FirstStep::RetryLater;
    r.headline = translated(pick(&Advice::headline));
    r.explanation = translated(pick(&Advice::explanation));
    // A typing mistake in the domain is worth pointing out only where the address or its
    // domain could not be found; a full or filtering mailbox proves the domain exists.
    static const QStringList addressNotFound = {
        QStringLiteral("userunknown"), QStringLiteral("hostunknown"), QStringLiteral("notaccept"),
        QStringLiteral("networkerror")};
    if (r.suggestedRecipient.isEmpty() && !r.recipient.isEmpty() &&
        addressNotFound.contains(r.reason))
        r.suggestedRecipient = DomainSuggester::instance().suggestAddress(r.recipient);
}

} // namespace BounceDoctor
