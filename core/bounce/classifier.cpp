#include "classifier.h"

#include "common/domainsuggester.h"
#include "knowledgebase.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcClassifier, "bouncedoctor.bounce.classifier", QtInfoMsg)

namespace BounceDoctor {
namespace {

// A reason's or detail's way of being recognised: plain lower-case phrases (fast substring
// search) and, where wording varies, regular expressions.
struct Matcher
{
    QRegularExpression pattern; ///< phrases and patterns, combined
    bool empty = true;

    bool isEmpty() const { return empty; }

    bool matches(const QString &lowerText) const
    {
        return !empty && pattern.match(lowerText).hasMatch();
    }

    static Matcher from(const QJsonObject &object)
    {
        const QStringList phrases =
            KnowledgeBase::stringList(object.value(QLatin1String("phrases")));
        const QStringList patterns =
            KnowledgeBase::stringList(object.value(QLatin1String("patterns")));
        Matcher m;
        m.empty = phrases.isEmpty() && patterns.isEmpty();
        m.pattern = KnowledgeBase::combined(patterns, phrases);
        return m;
    }
};

struct Advice
{
    QString headline;
    QString explanation;
    QString responsible;
    QString firstStep;
    bool hard = false;
};

struct ProviderRule
{
    Matcher matcher;
    QString status; ///< rule applies only to this status code prefix, when set
    QString reason;
    QString detail;
    Advice advice;
};

struct Provider
{
    QString name;
    QRegularExpression hosts;
    Matcher textSigns;
    QList<ProviderRule> rules;
};

struct DetailRule
{
    QString detail;
    Matcher matcher;
};

struct Knowledge
{
    QHash<QString, Matcher> reasonMatchers;
    QHash<QString, Advice> reasonAdvice;
    QHash<QString, Advice> detailAdvice;
    QStringList firstPass;
    QStringList secondPass;
    QHash<QString, QString> statusReasons;
    QHash<QString, QString> permanentCodes;
    QHash<QString, QString> temporaryCodes;
    QList<Provider> providers;
    QList<DetailRule> details;
    QList<QPair<QRegularExpression, QString>> blocklists;
};

Advice adviceFrom(const QJsonObject &object)
{
    return {object.value(QLatin1String("headline")).toString(),
            object.value(QLatin1String("explanation")).toString(),
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

const Knowledge &knowledge()
{
    static const Knowledge k = [] {
        Knowledge k;
        const QJsonObject &reasons = KnowledgeBase::document(QStringLiteral("reasons.json"));
        const QJsonObject table = reasons.value(QLatin1String("reasons")).toObject();
        for (auto it = table.begin(); it != table.end(); ++it) {
            const QJsonObject entry = it.value().toObject();
            k.reasonMatchers.insert(it.key(), Matcher::from(entry));
            k.reasonAdvice.insert(it.key(), adviceFrom(entry));
        }
        k.firstPass = KnowledgeBase::stringList(reasons.value(QLatin1String("firstPass")));
        k.secondPass = KnowledgeBase::stringList(reasons.value(QLatin1String("secondPass")));

        const QJsonObject &codes = KnowledgeBase::document(QStringLiteral("status-codes.json"));
        k.statusReasons = stringMap(codes.value(QLatin1String("reasons")));
        k.permanentCodes = stringMap(codes.value(QLatin1String("permanentFallback")));
        k.temporaryCodes = stringMap(codes.value(QLatin1String("temporaryFallback")));

        const QJsonObject &providers = KnowledgeBase::document(QStringLiteral("providers.json"));
        const QJsonArray list = providers.value(QLatin1String("providers")).toArray();
        for (const QJsonValue &value : list) {
            const QJsonObject entry = value.toObject();
            Provider p;
            p.name = entry.value(QLatin1String("name")).toString();
            p.hosts = KnowledgeBase::combined(
                KnowledgeBase::stringList(entry.value(QLatin1String("hosts"))));
            p.textSigns = Matcher::from(entry.value(QLatin1String("signs")).toObject());
            const QJsonArray rules = entry.value(QLatin1String("rules")).toArray();
            for (const QJsonValue &ruleValue : rules) {
                const QJsonObject rule = ruleValue.toObject();
                p.rules.append({Matcher::from(rule), rule.value(QLatin1String("status")).toString(),
                                rule.value(QLatin1String("reason")).toString(),
                                rule.value(QLatin1String("detail")).toString(), adviceFrom(rule)});
            }
            k.providers.append(p);
        }

        const QJsonObject &details = KnowledgeBase::document(QStringLiteral("details.json"));
        const QJsonArray detailList = details.value(QLatin1String("details")).toArray();
        for (const QJsonValue &value : detailList) {
            const QJsonObject entry = value.toObject();
            const QString name = entry.value(QLatin1String("detail")).toString();
            k.details.append({name, Matcher::from(entry)});
            k.detailAdvice.insert(name, adviceFrom(entry));
        }
        const QJsonObject zones = details.value(QLatin1String("blocklists")).toObject();
        for (auto it = zones.begin(); it != zones.end(); ++it) {
            QRegularExpression pattern(it.value().toString(),
                                       QRegularExpression::CaseInsensitiveOption);
            pattern.optimize();
            k.blocklists.append({pattern, it.key()});
        }
        return k;
    }();
    return k;
}

bool isRetryReason(const QString &reason)
{
    return reason.isEmpty() || reason == QLatin1String("undefined") ||
           reason == QLatin1String("onhold") || reason == QLatin1String("systemerror") ||
           reason == QLatin1String("securityerror") || reason == QLatin1String("networkerror");
}

class Decision
{
public:
    Decision(const Knowledge &k, const RecipientDiagnosis &r)
        : m_k(k)
        , m_r(r)
        , m_text(r.diagnostic.toLower())
    {
        if (!r.status.endsWith(QLatin1String(".0.0")))
            m_statusReason = k.statusReasons.value(r.status);
    }

    bool matches(const QString &reason) const
    {
        auto it = m_k.reasonMatchers.constFind(reason);
        return it != m_k.reasonMatchers.constEnd() && it->matches(m_text);
    }

    // Sisimai's order of judgement: a reason wins when the status code names it or the
    // server's words say it, checked from the most specific reason to the least.
    QString firstPass() const
    {
        const QString &command = m_r.command;
        const bool beforeData =
            command == QLatin1String("MAIL") || command == QLatin1String("RCPT") ||
            command == QLatin1String("EHLO") || command == QLatin1String("CONN");
        for (const QString &reason : m_k.firstPass) {
            if (reason == QLatin1String("userunknown")) {
                if (m_statusReason == reason) {
                    const bool other = matches(QStringLiteral("norelaying")) ||
                                       matches(QStringLiteral("blocked")) ||
                                       matches(QStringLiteral("mailboxfull")) ||
                                       matches(QStringLiteral("hasmoved")) ||
                                       matches(QStringLiteral("rejected"));
                    if (!other)
                        return reason;
                } else if (matches(reason) && m_statusReason != QLatin1String("suspend")) {
                    // "User unknown" in reply to RCPT is a missing mailbox; after DATA it is a
                    // filter's answer. Without the command, the words decide unless the status
                    // code names another reason.
                    if (command == QLatin1String("RCPT"))
                        return reason;
                    if (command == QLatin1String("DATA"))
                        return QStringLiteral("filtered");
                    if (command.isEmpty() && isRetryReason(m_statusReason))
                        return reason;
                }
            } else if (reason == QLatin1String("filtered")) {
                if (m_statusReason == reason &&
                    (matches(reason) || matches(QStringLiteral("userunknown"))))
                    return reason;
                if (!beforeData && matches(reason))
                    return reason;
            } else if (reason == QLatin1String("rejected")) {
                if (m_statusReason == reason)
                    return reason;
                if (matches(reason) &&
                    (command == QLatin1String("MAIL") || isRetryReason(m_statusReason)))
                    return reason;
            } else if (reason == QLatin1String("mesgtoobig") &&
                       m_statusReason == QLatin1String("exceedlimit")) {
                continue; // the status says the mailbox's own limit: exceedlimit, next
            } else if (m_statusReason == reason || matches(reason)) {
                return reason;
            }
        }
        return {};
    }

    QString secondPass() const
    {
        if (!m_statusReason.isEmpty() && !isRetryReason(m_statusReason) &&
            m_statusReason != QLatin1String("userunknown"))
            return m_statusReason;
        for (const QString &reason : m_k.secondPass) {
            if (matches(reason))
                return reason;
        }
        if (!m_statusReason.isEmpty())
            return m_statusReason;
        const QString klass = m_r.status.left(3);
        if (klass == QLatin1String("5.6") || klass == QLatin1String("4.6"))
            return QStringLiteral("contenterror");
        if (klass == QLatin1String("5.7") || klass == QLatin1String("4.7"))
            return QStringLiteral("securityerror");
        if (m_r.diagnosticType.startsWith(QLatin1String("X-UNIX")) ||
            m_r.diagnosticType.startsWith(QLatin1String("X-POSTFIX")))
            return QStringLiteral("mailererror");
        if (m_r.replyCode.size() == 3 && m_r.replyCode.startsWith(QLatin1String("50")) &&
            m_r.replyCode != QLatin1String("505"))
            return QStringLiteral("syntaxerror");
        if (m_r.action == QLatin1String("delayed") || m_r.action == QLatin1String("expired"))
            return QStringLiteral("expired");
        if (m_r.command == QLatin1String("EHLO") || m_r.command == QLatin1String("CONN"))
            return QStringLiteral("blocked");
        if (!m_text.isEmpty())
            return QStringLiteral("onhold");
        return QStringLiteral("undefined");
    }

    const QString &text() const { return m_text; }

private:
    const Knowledge &m_k;
    const RecipientDiagnosis &m_r;
    QString m_text;
    QString m_statusReason;
};

QString providerOf(const Knowledge &k, const RecipientDiagnosis &r, const QString &lowerText)
{
    for (const Provider &provider : k.providers) {
        if ((!r.remoteMta.isEmpty() && provider.hosts.match(r.remoteMta).hasMatch()) ||
            (!r.reportingMta.isEmpty() && provider.hosts.match(r.reportingMta).hasMatch()))
            return provider.name;
    }
    for (const Provider &provider : k.providers) {
        if (!provider.textSigns.isEmpty() && provider.textSigns.matches(lowerText))
            return provider.name;
    }
    return {};
}

const ProviderRule *providerRule(const Knowledge &k, const QString &providerName,
                                 const RecipientDiagnosis &r, const QString &lowerText)
{
    for (const Provider &provider : k.providers) {
        // A provider's own codes are unambiguous in its own replies; rules marked with the
        // provider's name only apply there.
        if (provider.name != providerName)
            continue;
        for (const ProviderRule &rule : provider.rules) {
            if (!rule.status.isEmpty() && !r.status.startsWith(rule.status))
                continue;
            if (rule.matcher.matches(lowerText))
                return &rule;
        }
    }
    return nullptr;
}

QString translated(const QString &text)
{
    return text.isEmpty() ? text
                          : QCoreApplication::translate("Knowledge", text.toUtf8().constData());
}

} // namespace

void Classifier::classify(RecipientDiagnosis &r, const BounceMessage &message)
{
    const Knowledge &k = knowledge();
    Q_UNUSED(message)
    Decision decision(k, r);
    const QString &text = decision.text();

    r.provider = providerOf(k, r, text);
    const ProviderRule *rule = r.reason.isEmpty() ? providerRule(k, r.provider, r, text) : nullptr;

    if (r.reason.isEmpty()) {
        if (r.status.startsWith(QLatin1String("2.")) || r.action == QLatin1String("delivered") ||
            r.action == QLatin1String("relayed") || r.action == QLatin1String("expanded")) {
            r.reason = QStringLiteral("delivered");
        } else if (rule && !rule->reason.isEmpty()) {
            r.reason = rule->reason;
        } else {
            r.reason = decision.firstPass();
            if (r.reason.isEmpty())
                r.reason = decision.secondPass();
        }
    }
    if (r.detail.isEmpty() && rule)
        r.detail = rule->detail;
    if (r.detail.isEmpty()) {
        for (const DetailRule &detail : k.details) {
            if (detail.matcher.matches(text)) {
                r.detail = detail.detail;
                break;
            }
        }
    }
    for (const auto &[pattern, zone] : k.blocklists) {
        if (pattern.match(text).hasMatch()) {
            r.blocklist = zone;
            break;
        }
    }

    if (r.replyCode.startsWith(QLatin1Char('5')) || r.status.startsWith(QLatin1Char('5')))
        r.permanent = true;
    else if (r.replyCode.startsWith(QLatin1Char('4')) || r.status.startsWith(QLatin1Char('4')))
        r.permanent = false;
    else
        r.permanent = r.action == QLatin1String("failed") || r.action.isEmpty();
    // An expired message has been given up on, unless this is only a delay warning.
    if (r.reason == QLatin1String("expired") && r.action != QLatin1String("delayed"))
        r.permanent = true;
    if (r.reason == QLatin1String("delivered") || r.reason == QLatin1String("vacation") ||
        r.reason == QLatin1String("feedback"))
        r.permanent = false;

    if (r.status.isEmpty() && r.reason != QLatin1String("feedback") &&
        r.reason != QLatin1String("vacation")) {
        const QString temporary = k.temporaryCodes.value(r.reason);
        r.status =
            (!r.permanent && !temporary.isEmpty()) ? temporary : k.permanentCodes.value(r.reason);
    }

    Advice advice = k.reasonAdvice.value(r.reason);
    const Advice detailAdvice = k.detailAdvice.value(r.detail);
    for (const Advice *over : {&detailAdvice, rule ? &rule->advice : nullptr}) {
        if (!over)
            continue;
        if (!over->headline.isEmpty())
            advice.headline = over->headline;
        if (!over->explanation.isEmpty())
            advice.explanation = over->explanation;
        if (!over->responsible.isEmpty())
            advice.responsible = over->responsible;
        if (!over->firstStep.isEmpty())
            advice.firstStep = over->firstStep;
    }
    r.hardBounce = r.permanent && k.reasonAdvice.value(r.reason).hard;
    r.responsible = responsibleFromString(advice.responsible);
    r.firstStep = firstStepFromString(advice.firstStep);
    if (!r.permanent && r.firstStep == FirstStep::None)
        r.firstStep = FirstStep::RetryLater;
    r.headline = translated(advice.headline);
    r.explanation = translated(advice.explanation);
    if (r.suggestedRecipient.isEmpty() && !r.recipient.isEmpty())
        r.suggestedRecipient = DomainSuggester::instance().suggestAddress(r.recipient);
}

} // namespace BounceDoctor
