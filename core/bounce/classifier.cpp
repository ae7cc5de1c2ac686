#include "classifier.h"

#include "common/domainsuggester.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <utility>
#include <vector>

Q_LOGGING_CATEGORY(lcClassifier, "bouncedoctor.bounce.classifier", QtWarningMsg)

namespace BounceDoctor {
namespace {

// A first, data-driven classification (knowledge/bounce-reasons.json): reason from the server's
// words, else from the enhanced status code; then the Sisimai-compatible pseudo status when the
// bounce gave none, permanence, and who acts first. Engine B's classifier (provider codes,
// explanations, headlines) supersedes it.
struct Knowledge
{
    std::vector<std::pair<QString, QRegularExpression>> patterns;
    QHash<QString, QString> statusReasons; // "X.1.1" -> userunknown
    QHash<QString, QString> pseudoStatus;  // userunknown -> "911"
    QStringList hardBounce;
    QStringList statusFirst;
    QStringList userUnknownAsFiltered;
    QRegularExpression afterData;
    QRegularExpression temporaryWords;
    QHash<QString, std::pair<Responsible, FirstStep>> steps;
};

const Knowledge &knowledge()
{
    static const Knowledge loaded = [] {
        Knowledge k;
        QFile file(QStringLiteral(":/bouncedoctor/knowledge/bounce-reasons.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcClassifier) << "missing knowledge file" << file.fileName();
            return k;
        }
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray rules = root.value(QLatin1String("patterns")).toArray();
        for (const QJsonValue &rule : rules) {
            const QJsonObject object = rule.toObject();
            QStringList alternatives;
            const QJsonArray list = object.value(QLatin1String("patterns")).toArray();
            for (const QJsonValue &pattern : list)
                alternatives.append(QStringLiteral("(?:%1)").arg(pattern.toString()));
            QRegularExpression re(alternatives.join(QLatin1Char('|')),
                                  QRegularExpression::CaseInsensitiveOption);
            if (!re.isValid()) {
                qCWarning(lcClassifier)
                    << "bad pattern for" << object.value(QLatin1String("reason"))
                    << re.errorString();
                continue;
            }
            re.optimize();
            k.patterns.emplace_back(object.value(QLatin1String("reason")).toString(), re);
        }
        const QJsonObject codes = root.value(QLatin1String("statusReasons")).toObject();
        for (auto it = codes.begin(); it != codes.end(); ++it)
            k.statusReasons.insert(it.key(), it.value().toString());
        const QJsonObject pseudo = root.value(QLatin1String("pseudoStatus")).toObject();
        for (auto it = pseudo.begin(); it != pseudo.end(); ++it)
            k.pseudoStatus.insert(it.key(), it.value().toString());
        const QJsonArray filtered = root.value(QLatin1String("userUnknownAsFiltered")).toArray();
        for (const QJsonValue &code : filtered)
            k.userUnknownAsFiltered.append(code.toString());
        const QJsonArray first = root.value(QLatin1String("statusFirst")).toArray();
        for (const QJsonValue &code : first)
            k.statusFirst.append(code.toString());
        k.afterData = QRegularExpression(root.value(QLatin1String("afterData")).toString(),
                                         QRegularExpression::CaseInsensitiveOption);
        k.temporaryWords =
            QRegularExpression(root.value(QLatin1String("temporaryWords")).toString(),
                               QRegularExpression::CaseInsensitiveOption);
        const QJsonArray hard = root.value(QLatin1String("hardBounce")).toArray();
        for (const QJsonValue &reason : hard)
            k.hardBounce.append(reason.toString());
        const QJsonObject steps = root.value(QLatin1String("firstSteps")).toObject();
        for (auto it = steps.begin(); it != steps.end(); ++it) {
            const QJsonArray pair = it.value().toArray();
            k.steps.insert(it.key(), {responsibleFromString(pair.at(0).toString()),
                                      firstStepFromString(pair.at(1).toString())});
        }
        return k;
    }();
    return loaded;
}

QString reasonFromStatus(const Knowledge &k, const QString &status)
{
    if (status.size() < 5)
        return {};
    const QString generic = QStringLiteral("X") + status.mid(1);
    return k.statusReasons.value(generic);
}

// The typo search compares against every known domain; a batch meets the same few domains
// again and again, so remember the answers (per thread, bounded). suggestDomain takes the
// domain as written, like suggestAddress does.
QString suggestedAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return {};
    const QString domain = address.mid(at + 1);
    thread_local QHash<QString, QString> cache;
    auto it = cache.constFind(domain);
    if (it == cache.cend()) {
        if (cache.size() > 4096)
            cache.clear();
        it = cache.insert(domain, DomainSuggester::instance().suggestDomain(domain));
    }
    return it->isEmpty() ? QString() : QString(address.left(at + 1) + *it);
}

} // namespace

void Classifier::classify(RecipientDiagnosis &recipient, const BounceMessage &message)
{
    Q_UNUSED(message);
    const Knowledge &k = knowledge();
    if (recipient.reason.isEmpty() && recipient.status.size() >= 5 &&
        k.statusFirst.contains(QString(QStringLiteral("X") + recipient.status.mid(1))))
        recipient.reason = reasonFromStatus(k, recipient.status);
    if (recipient.reason.isEmpty()) {
        for (const auto &[reason, pattern] : k.patterns) {
            if (!recipient.diagnostic.isEmpty() && pattern.match(recipient.diagnostic).hasMatch()) {
                recipient.reason = reason;
                break;
            }
        }
    }
    if (recipient.reason.isEmpty())
        recipient.reason = reasonFromStatus(k, recipient.status);
    if (recipient.reason.isEmpty())
        recipient.reason = QStringLiteral("undefined");
    // A mailbox refusing only once it saw the message is filtering content, not unknown.
    if (recipient.reason == QLatin1String("userunknown") &&
        ((k.afterData.isValid() && k.afterData.match(recipient.diagnostic).hasMatch()) ||
         (recipient.status.size() >= 5 && k.userUnknownAsFiltered.contains(QString(
                                              QStringLiteral("X") + recipient.status.mid(1))))))
        recipient.reason = QStringLiteral("filtered");

    const bool temporary =
        recipient.action == QLatin1String("delayed") ||
        recipient.status.startsWith(QLatin1Char('4')) ||
        (recipient.status.isEmpty() &&
         (recipient.replyCode.startsWith(QLatin1Char('4')) ||
          (k.temporaryWords.isValid() && k.temporaryWords.match(recipient.diagnostic).hasMatch())));
    const QString pseudo = k.pseudoStatus.value(recipient.reason);
    // Only when the bounce gave no code at all; a reported "5.0.0" is what the server said.
    const bool genericStatus = recipient.status.isEmpty();
    if (genericStatus && !pseudo.isEmpty() && recipient.reason != QLatin1String("delivered") &&
        recipient.reason != QLatin1String("vacation") &&
        recipient.reason != QLatin1String("feedback"))
        recipient.status = QStringLiteral("%1.0.%2").arg(
            temporary ? QStringLiteral("4") : QStringLiteral("5"), pseudo);

    recipient.permanent =
        recipient.status.startsWith(QLatin1Char('5')) ||
        (recipient.status.isEmpty() && recipient.replyCode.startsWith(QLatin1Char('5')));
    recipient.hardBounce = recipient.permanent && k.hardBounce.contains(recipient.reason);
    const auto step = k.steps.constFind(recipient.reason);
    if (step != k.steps.cend()) {
        recipient.responsible = step->first;
        recipient.firstStep = step->second;
    }
    if (recipient.reason == QLatin1String("userunknown") ||
        recipient.reason == QLatin1String("hostunknown"))
        recipient.suggestedRecipient = suggestedAddress(recipient.recipient);
}

} // namespace BounceDoctor
