#include "bounce/bouncereader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace BounceDoctor;

namespace {

const QStringList vocabulary = {
    QStringLiteral("userunknown"),     QStringLiteral("hostunknown"),
    QStringLiteral("hasmoved"),        QStringLiteral("suspend"),
    QStringLiteral("mailboxfull"),     QStringLiteral("exceedlimit"),
    QStringLiteral("mesgtoobig"),      QStringLiteral("norelaying"),
    QStringLiteral("notaccept"),       QStringLiteral("blocked"),
    QStringLiteral("badreputation"),   QStringLiteral("requireptr"),
    QStringLiteral("spamdetected"),    QStringLiteral("virusdetected"),
    QStringLiteral("contenterror"),    QStringLiteral("policyviolation"),
    QStringLiteral("filtered"),        QStringLiteral("rejected"),
    QStringLiteral("authfailure"),     QStringLiteral("securityerror"),
    QStringLiteral("failedstarttls"),  QStringLiteral("syntaxerror"),
    QStringLiteral("notcompliantrfc"), QStringLiteral("toomanyconn"),
    QStringLiteral("speeding"),        QStringLiteral("expired"),
    QStringLiteral("networkerror"),    QStringLiteral("systemerror"),
    QStringLiteral("systemfull"),      QStringLiteral("mailererror"),
    QStringLiteral("onhold"),          QStringLiteral("suppressed"),
    QStringLiteral("delivered"),       QStringLiteral("vacation"),
    QStringLiteral("feedback"),        QStringLiteral("undefined"),
};
const QStringList responsibles = {QStringLiteral("sender"), QStringLiteral("sender-admin"),
                                  QStringLiteral("recipient"), QStringLiteral("recipient-admin"),
                                  QStringLiteral("unknown")};
const QStringList firstSteps = {
    QStringLiteral("verify-address"),       QStringLiteral("check-blocklists"),
    QStringLiteral("check-authentication"), QStringLiteral("contact-recipient-it"),
    QStringLiteral("review-content"),       QStringLiteral("fix-sending-setup"),
    QStringLiteral("retry-later"),          QStringLiteral("none")};

QJsonObject load(const QString &name)
{
    QFile file(QStringLiteral(":/bouncedoctor/knowledge/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

void verifyPatterns(const QJsonValue &value, const QString &where)
{
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        QVERIFY2(item.isString(), qPrintable(where));
        const QRegularExpression pattern(item.toString());
        QVERIFY2(pattern.isValid(), qPrintable(where + QStringLiteral(": ") + item.toString() +
                                               QStringLiteral(" ") + pattern.errorString()));
    }
}

void verifyAdvice(const QJsonObject &entry, const QString &where, bool required)
{
    for (const char *key : {"headline", "explanation"}) {
        const QString text = entry.value(QLatin1String(key)).toString();
        if (required)
            QVERIFY2(text.size() > 10,
                     qPrintable(where + QStringLiteral(" lacks ") + QLatin1String(key)));
    }
    if (entry.contains(QLatin1String("responsible")))
        QVERIFY2(responsibles.contains(entry.value(QLatin1String("responsible")).toString()),
                 qPrintable(where));
    if (entry.contains(QLatin1String("firstStep")))
        QVERIFY2(firstSteps.contains(entry.value(QLatin1String("firstStep")).toString()),
                 qPrintable(where));
}

} // namespace

class TestKnowledge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filesLoad_data();
    void filesLoad();
    void everyReasonIsDescribed();
    void providerRulesAreValid();
    void detailsAndBlocklistsAreValid();
};

void TestKnowledge::filesLoad_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name :
         {"reasons.json", "providers.json", "details.json", "bounce-reasons.json",
          "common-domains.json", "blocklists.json", "mail-providers.json"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestKnowledge::filesLoad()
{
    QFETCH(QString, name);
    QVERIFY2(!load(name).isEmpty(),
             qPrintable(name + QStringLiteral(" is missing or not valid JSON")));
}

void TestKnowledge::everyReasonIsDescribed()
{
    const QJsonObject root = load(QStringLiteral("reasons.json"));
    const QJsonObject reasons = root.value(QLatin1String("reasons")).toObject();
    for (const QString &reason : vocabulary) {
        QVERIFY2(reasons.contains(reason),
                 qPrintable(reason + QStringLiteral(" is not described")));
        const QJsonObject entry = reasons.value(reason).toObject();
        verifyAdvice(entry, reason, true);
        QVERIFY2(entry.value(QLatin1String("hard")).isBool(), qPrintable(reason));
    }
    for (auto it = reasons.begin(); it != reasons.end(); ++it)
        QVERIFY2(vocabulary.contains(it.key()),
                 qPrintable(it.key() + QStringLiteral(" is not in the vocabulary")));
}

void TestKnowledge::providerRulesAreValid()
{
    const QJsonArray providers =
        load(QStringLiteral("providers.json")).value(QLatin1String("providers")).toArray();
    QVERIFY(providers.size() >= 5);
    QSet<QString> names;
    for (const QJsonValue &value : providers) {
        const QJsonObject provider = value.toObject();
        const QString name = provider.value(QLatin1String("name")).toString();
        QVERIFY(!name.isEmpty());
        QVERIFY2(!names.contains(name), qPrintable(name + QStringLiteral(" twice")));
        names.insert(name);
        verifyPatterns(provider.value(QLatin1String("hosts")), name);
        const QJsonArray rules = provider.value(QLatin1String("rules")).toArray();
        for (const QJsonValue &ruleValue : rules) {
            const QJsonObject rule = ruleValue.toObject();
            const QString where = name + QStringLiteral(" rule");
            QVERIFY2(vocabulary.contains(rule.value(QLatin1String("reason")).toString()),
                     qPrintable(where));
            QVERIFY2(rule.contains(QLatin1String("phrases")) ||
                         rule.contains(QLatin1String("patterns")),
                     qPrintable(where));
            verifyPatterns(rule.value(QLatin1String("patterns")), where);
            verifyAdvice(rule, where, rule.contains(QLatin1String("headline")));
        }
    }
}

void TestKnowledge::detailsAndBlocklistsAreValid()
{
    const QJsonObject root = load(QStringLiteral("details.json"));
    const QJsonArray details = root.value(QLatin1String("details")).toArray();
    QVERIFY(!details.isEmpty());
    for (const QJsonValue &value : details) {
        const QJsonObject detail = value.toObject();
        QVERIFY(!detail.value(QLatin1String("detail")).toString().isEmpty());
        verifyPatterns(detail.value(QLatin1String("patterns")),
                       detail.value(QLatin1String("detail")).toString());
        verifyAdvice(detail, detail.value(QLatin1String("detail")).toString(),
                     detail.contains(QLatin1String("headline")));
    }
    const QJsonObject zones = root.value(QLatin1String("blocklists")).toObject();
    for (auto it = zones.begin(); it != zones.end(); ++it) {
        QVERIFY2(it.key().contains(QLatin1Char('.')), qPrintable(it.key()));
        QVERIFY2(QRegularExpression(it.value().toString()).isValid(), qPrintable(it.key()));
    }
}

QTEST_GUILESS_MAIN(TestKnowledge)
#include "tst_knowledge.moc"
