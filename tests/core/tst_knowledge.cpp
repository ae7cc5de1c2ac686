#include "bounce/bouncereader.h"
#include "bounce/knowledgebase.h"
#include "bounce/reasonvocabulary.h"
#include "bounce/textscan.h"
#include "common/pattern.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace BounceDoctor;

namespace {

const QStringList &vocabulary = ReasonVocabulary::reasons();
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
    for (const QJsonValue &item : array)
        QVERIFY2(item.isString(), qPrintable(where));
    const QStringList errors =
        KnowledgeBase::patternErrors(KnowledgeBase::stringList(value), where);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

// A pattern without regular-expression syntax is a phrase: it belongs under "phrases".
bool isPlainWords(const QString &pattern)
{
    return !pattern.contains(QRegularExpression(QStringLiteral(R"([\\^$.|?*+()\[\]{}])")));
}

// Every "patterns" and "phrases" list in a knowledge file, with where it is.
void collectLists(const QJsonValue &value, const QString &where,
                  QList<QPair<QString, QJsonArray>> &patterns,
                  QList<QPair<QString, QJsonArray>> &phrases)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectLists(array.at(i), where + QStringLiteral("[%1]").arg(i), patterns, phrases);
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = where + QLatin1Char('/') + it.key();
        const QJsonArray array = it.value().toArray();
        const bool strings = it.value().isArray() &&
                             std::all_of(array.begin(), array.end(),
                                         [](const QJsonValue &item) { return item.isString(); });
        // bounce-reasons.json's list of rules is also named "patterns".
        if (it.key() == QLatin1String("patterns") && strings)
            patterns.append({path, it.value().toArray()});
        else if (it.key() == QLatin1String("phrases") && it.value().isArray())
            phrases.append({path, it.value().toArray()});
        else if (it.value().isObject() || it.value().isArray())
            collectLists(it.value(), path, patterns, phrases);
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
    void helpPagesAreValid();
    void patternsAndPhrasesAreApart_data();
    void patternsAndPhrasesAreApart();
    void everyPatternCompiles_data();
    void everyPatternCompiles();
    void loaderNamesBrokenEntry_data();
    void loaderNamesBrokenEntry();
    void phrasesAndPatternsMatch_data();
    void phrasesAndPatternsMatch();
    void groupsAgreeWithEveryRule();
};

void TestKnowledge::filesLoad_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name :
         {"reasons.json", "providers.json", "details.json", "bounce-reasons.json",
          "common-domains.json", "blocklists.json", "dns-probes.json", "help-pages.json"})
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
        // Known by its MX hosts, shown by its title; or known from bounces; or both.
        verifyPatterns(provider.value(QLatin1String("mx")), name + QStringLiteral(" mx"));
        QVERIFY2(provider.value(QLatin1String("mx")).toArray().isEmpty() ||
                     !provider.value(QLatin1String("title")).toString().isEmpty(),
                 qPrintable(name + QStringLiteral(" has MX hosts but no title")));
        QVERIFY2(provider.contains(QLatin1String("mx")) ||
                     provider.contains(QLatin1String("hosts")) ||
                     provider.contains(QLatin1String("signs")),
                 qPrintable(name + QStringLiteral(" can never be recognised")));
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

void TestKnowledge::helpPagesAreValid()
{
    QSet<QString> known;
    for (const QJsonValue &value :
         load(QStringLiteral("providers.json")).value(QLatin1String("providers")).toArray())
        known.insert(value.toObject().value(QLatin1String("name")).toString());
    const QJsonObject root = load(QStringLiteral("help-pages.json"));
    const QJsonArray providers = root.value(QLatin1String("providers")).toArray();
    QVERIFY(providers.size() >= 4);
    QSet<QString> domains;
    for (const QJsonValue &value : providers) {
        const QJsonObject provider = value.toObject();
        const QString id = provider.value(QLatin1String("provider")).toString();
        QVERIFY2(known.contains(id), qPrintable(id + QStringLiteral(" is not in providers.json")));
        QVERIFY(!provider.value(QLatin1String("name")).toString().isEmpty());
        const QJsonArray pages = provider.value(QLatin1String("pages")).toArray();
        QVERIFY2(!pages.isEmpty(), qPrintable(id));
        for (const QJsonValue &page : pages) {
            const QJsonObject o = page.toObject();
            const QUrl url(o.value(QLatin1String("url")).toString(), QUrl::StrictMode);
            QVERIFY2(url.isValid() && url.scheme() == QLatin1String("https") &&
                         !url.host().isEmpty(),
                     qPrintable(id + QStringLiteral(": ") + url.toString()));
            QVERIFY2(QStringList({QStringLiteral("delist"), QStringLiteral("reputation"),
                                  QStringLiteral("rules")})
                         .contains(o.value(QLatin1String("kind")).toString()),
                     qPrintable(id));
            QVERIFY(!o.value(QLatin1String("title")).toString().isEmpty());
        }
        for (const QJsonValue &domain : provider.value(QLatin1String("domains")).toArray())
            domains.insert(domain.toString());
    }
    for (const QJsonValue &domain : root.value(QLatin1String("otherConsumerDomains")).toArray())
        domains.insert(domain.toString());
    for (const QString &domain : std::as_const(domains))
        QVERIFY2(domain == domain.toLower() && domain.contains(QLatin1Char('.')) &&
                     !domain.startsWith(QLatin1Char('.')),
                 qPrintable(domain));
    QVERIFY(domains.contains(QStringLiteral("gmail.com")));
    QVERIFY(domains.contains(QStringLiteral("hotmail.com")));
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
        QVERIFY2(Pattern(it.value().toString()).isValid(), qPrintable(it.key()));
    }
}

void TestKnowledge::patternsAndPhrasesAreApart_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"providers.json", "details.json", "bounce-reasons.json"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

// Plain words are phrases, matched as they are; only wording that varies is a pattern, and
// every pattern is RE2 syntax.
void TestKnowledge::patternsAndPhrasesAreApart()
{
    QFETCH(QString, name);
    QList<QPair<QString, QJsonArray>> patterns, phrases;
    const QJsonObject root = load(name);
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.value().isArray() || it.value().isObject())
            collectLists(it.value(), name + QLatin1Char('/') + it.key(), patterns, phrases);
    }
    QVERIFY(!patterns.isEmpty() || !phrases.isEmpty());
    for (const auto &[where, list] : std::as_const(patterns)) {
        for (const QJsonValue &item : list) {
            QVERIFY2(!item.toString().isEmpty(), qPrintable(where));
            QVERIFY2(!isPlainWords(item.toString()),
                     qPrintable(where + QStringLiteral(": \"") + item.toString() +
                                QStringLiteral("\" is plain words: make it a phrase")));
        }
        verifyPatterns(list, where);
    }
    for (const auto &[where, list] : std::as_const(phrases)) {
        for (const QJsonValue &item : list)
            QVERIFY2(item.isString() && !item.toString().trimmed().isEmpty(), qPrintable(where));
    }
}

void TestKnowledge::everyPatternCompiles_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("patterns");
    const QJsonObject words = load(QStringLiteral("bounce-reasons.json"));
    for (const char *key : {"afterData", "temporaryWords"})
        QTest::newRow(key) << QString::fromLatin1(key)
                           << QStringList{words.value(QLatin1String(key)).toString()};
    const QJsonObject zones =
        load(QStringLiteral("details.json")).value(QLatin1String("blocklists")).toObject();
    for (auto it = zones.begin(); it != zones.end(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key() << QStringList{it.value().toString()};
    // Providers are known by their hosts' names, their MX hosts, or both.
    const QJsonArray providers =
        load(QStringLiteral("providers.json")).value(QLatin1String("providers")).toArray();
    for (const QJsonValue &value : providers) {
        const QString name = value.toObject().value(QLatin1String("name")).toString();
        for (const char *key : {"hosts", "mx"}) {
            const QStringList list =
                KnowledgeBase::stringList(value.toObject().value(QLatin1String(key)));
            if (!list.isEmpty())
                QTest::newRow(qPrintable(name + u' ' + QLatin1String(key))) << name << list;
        }
    }
}

// The patterns that are not in a rule's "patterns" list.
void TestKnowledge::everyPatternCompiles()
{
    QFETCH(QString, where);
    QFETCH(QStringList, patterns);
    QVERIFY(!patterns.isEmpty());
    const QStringList errors = KnowledgeBase::patternErrors(patterns, where);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

void TestKnowledge::loaderNamesBrokenEntry_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("reason");
    QTest::newRow("lookbehind") << "(?<!not )listed"
                                << "invalid perl operator";
    QTest::newRow("back-reference") << R"(<(b)>.*</\1>)"
                                    << "invalid escape sequence";
    QTest::newRow("unclosed group") << "(user unknown"
                                    << "missing )";
}

// A pattern that does not compile is left out and named with its entry; the entry's other
// patterns and phrases still count.
void TestKnowledge::loaderNamesBrokenEntry()
{
    QFETCH(QString, pattern);
    QFETCH(QString, reason);
    const QString where = QStringLiteral("bounce-reasons.json, rule 14 (blocked)");
    const QStringList errors =
        KnowledgeBase::patternErrors({QStringLiteral("fine"), pattern}, where);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(where + QStringLiteral(": pattern \"") + pattern),
             qPrintable(errors.first()));
    QVERIFY2(errors.first().contains(reason), qPrintable(errors.first()));

    QTest::ignoreMessage(QtWarningMsg, qPrintable(errors.first()));
    const QStringList alternatives = KnowledgeBase::entryAlternatives(
        QJsonObject{{QStringLiteral("phrases"), QJsonArray{QStringLiteral("black list")}},
                    {QStringLiteral("patterns"), QJsonArray{QStringLiteral("fine"), pattern}}},
        where);
    QCOMPARE(alternatives.size(), 2);
    QTest::ignoreMessage(QtWarningMsg, qPrintable(errors.first()));
    const Pattern combined = KnowledgeBase::combined({pattern, QStringLiteral("fine")},
                                                     {QStringLiteral("black list")}, where);
    QVERIFY(combined.isValid());
    QVERIFY(combined.matches(u"on our BLACK LIST"));
    QVERIFY(combined.matches(u"fine"));
}

void TestKnowledge::phrasesAndPatternsMatch_data()
{
    QTest::addColumn<QStringList>("phrases");
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    const QStringList microsoft{QStringLiteral("[s3150]"), QStringLiteral("resolver.adr.")};
    QTest::newRow("phrase with brackets") << microsoft << QStringList()
                                          << "part of their network "
                                             "is on our block list "
                                             "[S3150]"
                                          << true;
    QTest::newRow("phrase brackets are no class") << microsoft << QStringList() << "s" << false;
    QTest::newRow("phrase dots are dots") << microsoft << QStringList() << "resolverxadrx" << false;
    QTest::newRow("phrase in another script")
        << QStringList{QStringLiteral("ящик переполнен")} << QStringList()
        << "552 5.2.2 Почтовый ЯЩИК ПЕРЕПОЛНЕН" << true;
    QTest::newRow("pattern") << QStringList() << QStringList{QStringLiteral("mailbox (?:is )?full")}
                             << "MAILBOX IS FULL" << true;
    QTest::newRow("pattern, letters of any script")
        << QStringList() << QStringList{QStringLiteral(R"(\bover (?:[\pL\pN_]+ )?quota)")}
        << "user is over Größe quota" << true;
    QTest::newRow("neither") << QStringList() << QStringList() << "anything" << false;
    // The knowledge's rewritten lookbehinds: words not preceded by a negation.
    const QStringList listed{
        QStringLiteral(R"((?:\A(?s:.){0,3}|[^ ]|[^t] |[^o]t |[^n]ot )listed (?:at|on|in) )")};
    QTest::newRow("listed") << QStringList() << listed << "your IP is listed at zen" << true;
    QTest::newRow("listed at the start") << QStringList() << listed << "listed in sbl" << true;
    QTest::newRow("not listed") << QStringList() << listed << "you are NOT listed in any" << false;
    QTest::newRow("not listed, then listed")
        << QStringList() << listed << "not listed in a, but listed in b" << true;
}

void TestKnowledge::phrasesAndPatternsMatch()
{
    QFETCH(QStringList, phrases);
    QFETCH(QStringList, patterns);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(KnowledgeBase::combined(patterns, phrases).matches(text), matches);
    const PatternGroups groups({{KnowledgeBase::alternatives(patterns, phrases)}},
                               KnowledgeBase::patternOptions);
    QCOMPARE(groups.firstMatching(0, text, groups.atomsIn(text.toLower())), matches ? 0 : -1);
}

namespace {

// What a rule group must answer: the first rule in order that matches, one by one.
qsizetype naiveFirst(const QList<Pattern> &rules, const QString &text)
{
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (rules.at(i).matches(text))
            return i;
    }
    return -1;
}

} // namespace

// Every rule group of the knowledge, as the classifier asks it (atoms of the lower-case text),
// against texts made of the rules' own phrases: alone, upper case, with KELVIN SIGN and LONG S,
// and two rules' words in either order.
void TestKnowledge::groupsAgreeWithEveryRule()
{
    QList<QList<QStringList>> groups;
    const QJsonObject words = KnowledgeBase::document(QStringLiteral("bounce-reasons.json"));
    QList<QStringList> strong, weak;
    for (const QJsonValue &value : words.value(QLatin1String("patterns")).toArray()) {
        const QJsonObject rule = value.toObject();
        (rule.value(QLatin1String("weak")).toBool() ? weak : strong)
            .append(KnowledgeBase::entryAlternatives(rule, QString()));
    }
    groups << strong << weak;
    const QJsonObject details = KnowledgeBase::document(QStringLiteral("details.json"));
    QList<QStringList> detailGroup, blocklistGroup;
    for (const QJsonValue &value : details.value(QLatin1String("details")).toArray())
        detailGroup.append(KnowledgeBase::entryAlternatives(value.toObject(), QString()));
    const QJsonObject zones = details.value(QLatin1String("blocklists")).toObject();
    for (auto it = zones.begin(); it != zones.end(); ++it)
        blocklistGroup.append(KnowledgeBase::alternatives({it.value().toString()}));
    groups << detailGroup << blocklistGroup;
    const QJsonObject providers = KnowledgeBase::document(QStringLiteral("providers.json"));
    QList<QStringList> signs;
    QStringList pieces;
    for (const QJsonValue &value : providers.value(QLatin1String("providers")).toArray()) {
        const QJsonObject provider = value.toObject();
        signs.append(KnowledgeBase::entryAlternatives(
            provider.value(QLatin1String("signs")).toObject(), QString()));
        pieces << KnowledgeBase::stringList(
            provider.value(QLatin1String("signs")).toObject().value(QLatin1String("phrases")));
        QList<QStringList> rules;
        for (const QJsonValue &rule : provider.value(QLatin1String("rules")).toArray()) {
            rules.append(KnowledgeBase::entryAlternatives(rule.toObject(), QString()));
            pieces << KnowledgeBase::stringList(rule.toObject().value(QLatin1String("phrases")));
        }
        groups << rules;
    }
    groups << signs;
    for (const QJsonValue &value : words.value(QLatin1String("patterns")).toArray())
        pieces << KnowledgeBase::stringList(value.toObject().value(QLatin1String("phrases")));
    for (const QJsonValue &value : details.value(QLatin1String("details")).toArray())
        pieces << KnowledgeBase::stringList(value.toObject().value(QLatin1String("phrases")));
    QVERIFY(pieces.size() > 300);

    QStringList texts = {QString(),
                         QStringLiteral("550 5.1.1 <a@b.example>: Recipient address rejected: "
                                        "User unknown in virtual mailbox table"),
                         QStringLiteral("host mx.example[192.0.2.1] said: 554 5.7.1 Service "
                                        "unavailable; Client host [192.0.2.9] blocked using "
                                        "zen.spamhaus.org (in reply to RCPT TO command)"),
                         QStringLiteral("your ip is not listed in our list; 550 5.7.1 rejected "
                                        "by policy, address is wrong or no longer valid")};
    QRandomGenerator random(20261204);
    for (const QString &piece : std::as_const(pieces)) {
        QString kelvin = piece.toUpper();
        kelvin.replace(QLatin1Char('K'), QChar(0x212a)).replace(QLatin1Char('S'), QChar(0x17f));
        const QString &other = pieces.at(random.bounded(pieces.size()));
        texts << piece << QStringLiteral("x ") + piece.toUpper() + QStringLiteral(" y") << kelvin
              << piece + QLatin1Char(' ') + other << other + QStringLiteral(" \u0130 ") + piece;
    }
    const PatternGroups all(groups, KnowledgeBase::patternOptions);
    for (qsizetype g = 0; g < groups.size(); ++g) {
        QList<Pattern> rules;
        for (const QStringList &alternatives : groups.at(g)) {
            QStringList parts;
            for (const QString &alternative : alternatives)
                parts << QStringLiteral("(?:") + alternative + QLatin1Char(')');
            rules << Pattern(parts.isEmpty() ? QStringLiteral("[^\\x00-\\x{10FFFF}]")
                                             : parts.join(QLatin1Char('|')),
                             KnowledgeBase::patternOptions);
        }
        for (const QString &text : std::as_const(texts)) {
            const PatternGroups::Atoms atoms = all.atomsIn(text.toLower());
            QVERIFY2(all.firstMatching(g, text, atoms) == naiveFirst(rules, text),
                     qPrintable(QStringLiteral("group %1: ").arg(g) + text));
        }
    }
}

QTEST_GUILESS_MAIN(TestKnowledge)
#include "tst_knowledge.moc"
