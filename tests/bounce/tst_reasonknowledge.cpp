#include "bounce/classifier.h"
#include "bounce/knowledgebase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace BounceDoctor;

// Validates knowledge/bounce-reasons.json and checks the classifier on plain server replies.
class TestReasonKnowledge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knowledgeIsValid();
    void classify_data();
    void classify();
};

static const QStringList vocabulary{
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
    QStringLiteral("feedback"),        QStringLiteral("undefined")};

void TestReasonKnowledge::knowledgeIsValid()
{
    QFile file(QStringLiteral(":/bouncedoctor/knowledge/bounce-reasons.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error{};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray rules = root.value(QLatin1String("patterns")).toArray();
    QVERIFY(!rules.isEmpty());
    for (const QJsonValue &rule : rules) {
        const QString reason = rule.toObject().value(QLatin1String("reason")).toString();
        QVERIFY2(vocabulary.contains(reason), qPrintable(reason));
        // Plain words as phrases, wording that varies as patterns (RE2 syntax).
        const QStringList patterns =
            KnowledgeBase::stringList(rule.toObject().value(QLatin1String("patterns")));
        const QStringList phrases =
            KnowledgeBase::stringList(rule.toObject().value(QLatin1String("phrases")));
        QVERIFY2(!patterns.isEmpty() || !phrases.isEmpty(), qPrintable(reason));
        const QStringList errors = KnowledgeBase::patternErrors(patterns, reason);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }
    // Generic (X.1.1) or, where the class changes the meaning, full (4.4.0) codes.
    static const QRegularExpression code(QStringLiteral(R"(^[X245]\.\d{1,3}\.\d{1,3}$)"));
    const QJsonObject codes = root.value(QLatin1String("statusReasons")).toObject();
    for (auto it = codes.begin(); it != codes.end(); ++it) {
        QVERIFY2(code.match(it.key()).hasMatch(), qPrintable(it.key()));
        QVERIFY2(vocabulary.contains(it.value().toString()), qPrintable(it.value().toString()));
    }
    for (const char *table : {"categoryReasons", "diagnosticTypeReasons"}) {
        const QJsonObject map = root.value(QLatin1String(table)).toObject();
        QVERIFY2(!map.isEmpty(), table);
        for (auto it = map.begin(); it != map.end(); ++it)
            QVERIFY2(vocabulary.contains(it.value().toString()), qPrintable(it.key()));
    }
    const QJsonArray commandRules = root.value(QLatin1String("commandReasons")).toArray();
    for (const QJsonValue &rule : commandRules) {
        const QJsonObject object = rule.toObject();
        QVERIFY(vocabulary.contains(object.value(QLatin1String("reason")).toString()));
        QVERIFY(!object.value(QLatin1String("commands")).toArray().isEmpty());
        for (const QJsonValue &from : object.value(QLatin1String("from")).toArray())
            QVERIFY2(vocabulary.contains(from.toString()), qPrintable(from.toString()));
    }
    const QJsonObject pseudo = root.value(QLatin1String("pseudoStatus")).toObject();
    for (auto it = pseudo.begin(); it != pseudo.end(); ++it) {
        QVERIFY2(vocabulary.contains(it.key()), qPrintable(it.key()));
        QVERIFY2(it.value().toString().size() == 3, qPrintable(it.key()));
    }
    const QJsonObject steps = root.value(QLatin1String("firstSteps")).toObject();
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        QVERIFY2(vocabulary.contains(it.key()), qPrintable(it.key()));
        const QJsonArray pair = it.value().toArray();
        QCOMPARE(pair.size(), 2);
        QCOMPARE(responsibleName(responsibleFromString(pair.at(0).toString())),
                 pair.at(0).toString());
        QCOMPARE(firstStepName(firstStepFromString(pair.at(1).toString())), pair.at(1).toString());
    }
}

void TestReasonKnowledge::classify_data()
{
    QTest::addColumn<QString>("diagnostic");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("finalStatus");
    QTest::addColumn<bool>("hardBounce");
    QTest::newRow("unknown user")
        << "550 5.1.1 <ann@shop.test>: Recipient address rejected: User unknown"
        << "5.1.1"
        << "userunknown"
        << "5.1.1" << true;
    QTest::newRow("unknown only after DATA") << "550 User unknown (in reply to end of DATA command)"
                                             << ""
                                             << "filtered"
                                             << "5.0.910" << false;
    QTest::newRow("mailbox full") << "452 4.2.2 Mailbox full"
                                  << "4.2.2"
                                  << "mailboxfull"
                                  << "4.2.2" << false;
    QTest::newRow("blocklist")
        << "554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked "
           "using zen.spamhaus.org"
        << "5.7.1"
        << "blocked"
        << "5.7.1" << false;
    QTest::newRow("dmarc")
        << "550-5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy"
        << "5.7.26"
        << "authfailure"
        << "5.7.26" << false;
    QTest::newRow("sender rejected wins by code")
        << "501 5.1.8 Sender address rejected: Domain not found"
        << "5.1.8"
        << "rejected"
        << "5.1.8" << false;
    QTest::newRow("no code, words only") << "Host or domain name not found"
                                         << ""
                                         << "hostunknown"
                                         << "5.0.912" << true;
    QTest::newRow("nothing known") << "something odd happened"
                                   << ""
                                   << "onhold"
                                   << "5.0.901" << false;
}

void TestReasonKnowledge::classify()
{
    QFETCH(QString, diagnostic);
    QFETCH(QString, status);
    QFETCH(QString, reason);
    QFETCH(QString, finalStatus);
    QFETCH(bool, hardBounce);
    RecipientDiagnosis recipient;
    recipient.recipient = QStringLiteral("ann@shop.test");
    recipient.action = QStringLiteral("failed");
    recipient.diagnostic = diagnostic;
    recipient.status = status;
    Classifier::classify(recipient, BounceMessage{});
    QCOMPARE(recipient.reason, reason);
    QCOMPARE(recipient.status, finalStatus);
    QCOMPARE(recipient.hardBounce, hardBounce);
    QCOMPARE(recipient.permanent, finalStatus.startsWith(QLatin1Char('5')));
}

QTEST_GUILESS_MAIN(TestReasonKnowledge)
#include "tst_reasonknowledge.moc"
