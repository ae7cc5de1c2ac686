#include "bounce/bouncereader.h"
#include "bounce/knowledgebase.h"
#include "bounce/reasonvocabulary.h"
#include "common/firstmatch.h"
#include "common/pattern.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
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
    for (const QJsonValue &item : array) {
        QVERIFY2(item.isString(), qPrintable(where));
        const Pattern pattern(item.toString());
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
    void firstMatchKeepsOrder_data();
    void firstMatchKeepsOrder();
    void requiredLiterals_data();
    void requiredLiterals();
    void foldAgreesWithCaselessMatching();
    void firstMatchAgreesWithEveryRule();
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
        QVERIFY2(Pattern(it.value().toString()).isValid(), qPrintable(it.key()));
    }
}

namespace {

Pattern caseless(const QString &pattern)
{
    return Pattern(pattern, Pattern::CaseInsensitive | Pattern::UnicodeProperties);
}

// What FirstMatch must answer: the first pattern in order that matches.
qsizetype naiveFirst(const QList<Pattern> &patterns, const QString &text)
{
    for (qsizetype i = 0; i < patterns.size(); ++i) {
        if (patterns.at(i).matches(text))
            return i;
    }
    return -1;
}

} // namespace

void TestKnowledge::firstMatchKeepsOrder_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");
    const QStringList rules = {QStringLiteral("mailbox (?:is )?full|over quota"),
                               QStringLiteral("user unknown|no such user"),
                               QStringLiteral("\\brejected\\b")};
    // The earlier rule wins although the later rule's words come first in the text.
    QTest::newRow("earlier rule, later words")
        << rules << QStringLiteral("550 rejected: user unknown, mailbox full") << 0;
    QTest::newRow("second rule") << rules << QStringLiteral("Rejected: NO SUCH USER here") << 1;
    QTest::newRow("last rule") << rules << QStringLiteral("message rejected") << 2;
    QTest::newRow("literal without the pattern")
        << rules << QStringLiteral("the mailbox  full; unrejected") << -1;
    QTest::newRow("none") << rules << QStringLiteral("250 ok") << -1;
    QTest::newRow("empty text") << rules << QString() << -1;
    // Caseless letters outside ASCII: KELVIN SIGN and LONG S match k and s.
    QTest::newRow("long s") << rules << QStringLiteral("no \u017fuch u\u017fer") << 1;
    QTest::newRow("kelvin") << QStringList{QStringLiteral("unknown")}
                            << QStringLiteral("un\u212Anown") << 0;
    // Patterns the prefilter cannot read still run, in their place.
    QTest::newRow("back reference") << QStringList{QStringLiteral("(a)\\1x"), QStringLiteral("aax")}
                                    << QStringLiteral("AAX") << 0;
    QTest::newRow("options inside")
        << QStringList{QStringLiteral("(?x) over \\  quota"), QStringLiteral("quota")}
        << QStringLiteral("over quota") << 0;
    QTest::newRow("lookbehind") << QStringList{QStringLiteral("(?<!not )listed (?:at|in) "),
                                               QStringLiteral("listed")}
                                << QStringLiteral("not listed in list") << 1;
    QTest::newRow("optional characters")
        << QStringList{QStringLiteral("e-?mail address"), QStringLiteral("address")}
        << QStringLiteral("bad email address") << 0;
    QTest::newRow("anchored") << QStringList{QStringLiteral("^\\s*50[0-4](?:[ -]|$)"),
                                             QStringLiteral("50")}
                              << QStringLiteral("x 501 ") << 1;
    QTest::newRow("never") << QStringList{QStringLiteral("(?!)"), QStringLiteral("a")}
                           << QStringLiteral("a") << 1;
    QTest::newRow("non-ASCII words")
        << QStringList{QStringLiteral("\u30B0\u30EB\u30FC\u30D7"), QStringLiteral("group")}
        << QStringLiteral("\u3053\u306E\u30B0\u30EB\u30FC\u30D7 group") << 0;
}

void TestKnowledge::firstMatchKeepsOrder()
{
    QFETCH(QStringList, patterns);
    QFETCH(QString, text);
    QFETCH(int, expected);
    QList<Pattern> compiled;
    for (const QString &pattern : std::as_const(patterns))
        compiled.append(caseless(pattern));
    QCOMPARE(naiveFirst(compiled, text), expected);
    const FirstMatch first(compiled);
    QCOMPARE(first.indexIn(text), expected);
    // As the classifier asks: candidates from the lower-case text.
    QCOMPARE(first.indexIn(0, text, first.candidates(text.toLower())), expected);
}

void TestKnowledge::requiredLiterals_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("filtered");
    QTest::addColumn<QStringList>("literals");
    QTest::newRow("phrases") << QStringLiteral("Mailbox\\ Full|over quota") << true
                             << QStringList{QStringLiteral("mailbox full"),
                                            QStringLiteral("over quota")};
    QTest::newRow("groups inside")
        << QStringLiteral("(?:not sufficient|insufficient) (?:disk )?space") << true
        << QStringList{QStringLiteral("space")};
    QTest::newRow("plain group") << QStringLiteral("(?:a b|(c d))") << true
                                 << QStringList{QStringLiteral("a b"), QStringLiteral("c d")};
    QTest::newRow("quantified character")
        << QStringLiteral("mailboxes'? full") << true << QStringList{QStringLiteral("mailboxes")};
    QTest::newRow("count") << QStringLiteral("[a-z]{2,} does not exist") << true
                           << QStringList{QStringLiteral(" does not exist")};
    QTest::newRow("class with bracket")
        << QStringLiteral("[]x]+ abc") << true << QStringList{QStringLiteral(" abc")};
    QTest::newRow("escapes") << QStringLiteral("\\bspamhaus\\.org/\\d") << true
                             << QStringList{QStringLiteral("spamhaus.org/")};
    QTest::newRow("alternative without literal")
        << QStringLiteral("abc|\\d+") << false << QStringList();
    QTest::newRow("empty alternative") << QStringLiteral("abc|") << false << QStringList();
    QTest::newRow("hex escape") << QStringLiteral("a\\x{62}cd") << false << QStringList();
    QTest::newRow("back reference") << QStringLiteral("(a)\\1") << false << QStringList();
    QTest::newRow("inline options") << QStringLiteral("(?i)abc") << false << QStringList();
    QTest::newRow("verb") << QStringLiteral("(*UCP)abc") << false << QStringList();
    QTest::newRow("quoted") << QStringLiteral("\\Qa|b\\E") << false << QStringList();
    QTest::newRow("comment") << QStringLiteral("ab(?#c|d)") << false << QStringList();
}

void TestKnowledge::requiredLiterals()
{
    QFETCH(QString, pattern);
    QFETCH(bool, filtered);
    QFETCH(QStringList, literals);
    QStringList found;
    QStringList sources;
    QCOMPARE(FirstMatch::requiredLiterals(caseless(pattern), found, &sources), filtered);
    QCOMPARE(found, literals);
    QCOMPARE(sources.size(), literals.size());
}

void TestKnowledge::foldAgreesWithCaselessMatching()
{
    // Every character that PCRE matches caselessly to an ASCII letter folds to that letter,
    // and no other does: the prefilter then never misses a caseless match.
    QString all;
    for (char32_t c = 0; c <= 0x10ffff; ++c) {
        if (c < 0xd800 || c > 0xdfff)
            all.append(QString::fromUcs4(&c, 1));
    }
    QSet<char32_t> matching;
    caseless(QStringLiteral("[a-z]")).forEachMatch(all, [&matching](const PatternMatch &m) {
        matching.insert(m.captured(0).toUcs4().value(0));
        return true;
    });
    for (char32_t c = 0; c <= 0xffff; ++c) {
        if (c >= 0xd800 && c <= 0xdfff)
            continue;
        const char16_t folded = FirstMatch::fold(char16_t(c));
        const bool letter = folded >= u'a' && folded <= u'z';
        QVERIFY2(letter == matching.contains(c), qPrintable(QString::number(c, 16)));
        if (letter)
            QVERIFY(caseless(QString(QChar(folded))).matches(QString(QChar(c))));
    }
    for (const char32_t c : std::as_const(matching))
        QVERIFY2(c <= 0xffff, qPrintable(QString::number(c, 16)));
}

void TestKnowledge::firstMatchAgreesWithEveryRule()
{
    // Every rule group of the knowledge, prefiltered, against texts made of the rules' own
    // words: alone, upper case, with KELVIN SIGN and LONG S, and two rules' words in either
    // order.
    QList<QList<Pattern>> groups;
    const QJsonObject words = KnowledgeBase::document(QStringLiteral("bounce-reasons.json"));
    QList<Pattern> strong, weak;
    for (const QJsonValue &value : words.value(QLatin1String("patterns")).toArray()) {
        const QJsonObject rule = value.toObject();
        (rule.value(QLatin1String("weak")).toBool() ? weak : strong)
            .append(KnowledgeBase::combined(
                KnowledgeBase::stringList(rule.value(QLatin1String("patterns")))));
    }
    groups << strong << weak;
    auto matcher = [](const QJsonObject &object) {
        return KnowledgeBase::combined(
            KnowledgeBase::stringList(object.value(QLatin1String("patterns"))),
            KnowledgeBase::stringList(object.value(QLatin1String("phrases"))));
    };
    const QJsonObject details = KnowledgeBase::document(QStringLiteral("details.json"));
    QList<Pattern> detailGroup, blocklistGroup;
    for (const QJsonValue &value : details.value(QLatin1String("details")).toArray())
        detailGroup.append(matcher(value.toObject()));
    const QJsonObject zones = details.value(QLatin1String("blocklists")).toObject();
    for (auto it = zones.begin(); it != zones.end(); ++it)
        blocklistGroup.append(Pattern(it.value().toString(), Pattern::CaseInsensitive));
    groups << detailGroup << blocklistGroup;
    const QJsonObject providers = KnowledgeBase::document(QStringLiteral("providers.json"));
    QList<Pattern> hosts, signs;
    for (const QJsonValue &value : providers.value(QLatin1String("providers")).toArray()) {
        const QJsonObject provider = value.toObject();
        hosts.append(KnowledgeBase::combined(
            KnowledgeBase::stringList(provider.value(QLatin1String("hosts")))));
        signs.append(matcher(provider.value(QLatin1String("signs")).toObject()));
        QList<Pattern> rules;
        for (const QJsonValue &rule : provider.value(QLatin1String("rules")).toArray())
            rules.append(matcher(rule.toObject()));
        groups << rules;
    }
    groups << hosts << signs;

    QStringList pieces;
    for (const QList<Pattern> &group : std::as_const(groups)) {
        for (const Pattern &pattern : group) {
            QStringList literals;
            if (FirstMatch::requiredLiterals(pattern, literals))
                pieces << literals;
        }
    }
    QVERIFY(pieces.size() > 300);
    QStringList texts = {QString(),
                         QStringLiteral("550 5.1.1 <a@b.example>: Recipient address rejected: "
                                        "User unknown in virtual mailbox table"),
                         QStringLiteral("host mx.example[192.0.2.1] said: 554 5.7.1 Service "
                                        "unavailable; Client host [192.0.2.9] blocked using "
                                        "zen.spamhaus.org (in reply to RCPT TO command)")};
    QRandomGenerator random(20261130);
    for (const QString &piece : std::as_const(pieces)) {
        QString kelvin = piece.toUpper();
        kelvin.replace(QLatin1Char('K'), QChar(0x212a)).replace(QLatin1Char('S'), QChar(0x17f));
        const QString &other = pieces.at(random.bounded(pieces.size()));
        texts << piece << QStringLiteral("x ") + piece.toUpper() + QStringLiteral(" y") << kelvin
              << piece + QLatin1Char(' ') + other << other + QStringLiteral(" \u0130 ") + piece;
    }
    for (const QList<Pattern> &group : std::as_const(groups)) {
        const FirstMatch first(group);
        for (const QString &text : std::as_const(texts)) {
            const qsizetype expected = naiveFirst(group, text);
            QVERIFY2(first.indexIn(text) == expected, qPrintable(text));
            QVERIFY2(first.indexIn(0, text, first.candidates(text.toLower())) == expected,
                     qPrintable(text));
        }
    }
}

QTEST_GUILESS_MAIN(TestKnowledge)
#include "tst_knowledge.moc"
