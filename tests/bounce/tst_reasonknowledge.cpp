#include "bounce/classifier.h"
#include "bounce/knowledgebase.h"
#include "bounce/reasonvocabulary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTextStream>

#include <iterator>
#include <utility>

using namespace BounceDoctor;

// Validates knowledge/bounce-reasons.json and checks the classifier on plain server replies.
class TestReasonKnowledge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knowledgeIsValid();
    void classify_data();
    void classify();
    void serverWords_data();
    void serverWords();
    void notAFailure_data();
    void notAFailure();
};

const QStringList &vocabulary = ReasonVocabulary::reasons();

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
        for (const QString &phrase : phrases) {
            // Phrases are matched as they are written, against lower-case text.
            QVERIFY2(phrase == phrase.toLower(), qPrintable(phrase));
        }
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
    // The vocabulary is checked when the knowledge loads: nothing may be left to report.
    const QStringList problems = Classifier::knowledgeProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
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
    QTest::newRow("given up after the retry time: temporary errors")
        << "mailbox is full (MTA-imposed quota exceeded while writing to file "
           "/var/spool/mail/ann): "
           "retry timeout exceeded"
        << ""
        << "mailboxfull"
        << "4.0.922" << false;
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

// Server replies from tests/data/reasons/server-words.tsv: each reason's and provider code's
// wording, with its expected reason, detail, provider and advice (empty columns not checked).
void TestReasonKnowledge::serverWords_data()
{
    // The file's columns after the row name, in its order.
    static const char *const columns[] = {"diagnostic",   "status",   "command", "recipient",
                                          "reportingMta", "reason",   "detail",  "provider",
                                          "responsible",  "firstStep"};
    for (const char *column : columns)
        QTest::addColumn<QString>(column);
    QFile file(QStringLiteral(BD_TEST_DATA_DIR "/reasons/server-words.tsv"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QTextStream in(&file);
    bool header = true;
    int rows = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.startsWith(QLatin1Char('#')) || line.isEmpty())
            continue;
        if (std::exchange(header, false))
            continue;
        const QStringList cells = line.split(QLatin1Char('\t'));
        QVERIFY2(cells.size() == int(std::size(columns)) + 1, qPrintable(line));
        QTestData &row = QTest::newRow(qPrintable(cells.first()));
        for (qsizetype i = 1; i < cells.size(); ++i)
            row << cells.at(i);
        ++rows;
    }
    QVERIFY(rows > 50);
}

void TestReasonKnowledge::serverWords()
{
    QFETCH(QString, diagnostic);
    QFETCH(QString, status);
    QFETCH(QString, command);
    QFETCH(QString, recipient);
    QFETCH(QString, reportingMta);
    QFETCH(QString, reason);
    QFETCH(QString, detail);
    QFETCH(QString, provider);
    QFETCH(QString, responsible);
    QFETCH(QString, firstStep);
    RecipientDiagnosis r;
    r.recipient = recipient;
    r.action = QStringLiteral("failed");
    r.diagnostic = diagnostic;
    r.status = status;
    r.replyCode = diagnostic.left(3);
    r.command = command;
    r.reportingMta = reportingMta;
    Classifier::classify(r, BounceMessage{});
    QCOMPARE(r.reason, reason);
    if (!detail.isEmpty())
        QCOMPARE(r.detail, detail);
    // "-": no provider may be named (a sending-side host quoted in someone else's refusal).
    if (provider == QLatin1String("-"))
        QCOMPARE(r.provider, QString());
    else if (!provider.isEmpty())
        QCOMPARE(r.provider, provider);
    if (!responsible.isEmpty())
        QCOMPARE(responsibleName(r.responsible), responsible);
    if (!firstStep.isEmpty())
        QCOMPARE(firstStepName(r.firstStep), firstStep);
    QVERIFY(!r.headline.isEmpty());
    // Every failure is either permanent or temporary, never both.
    QVERIFY(r.permanent != r.temporary);
    // A blocklist that could not be asked has not listed the sender.
    if (detail == QLatin1String("blocklist-lookup-failed"))
        QVERIFY2(r.blocklist.isEmpty(), qPrintable(r.blocklist));
}

// Delivery reports, auto-replies and complaints are no failures: nothing to retry.
void TestReasonKnowledge::notAFailure_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("status");
    QTest::newRow("delivery receipt") << ""
                                      << "delivered"
                                      << "2.0.0";
    QTest::newRow("relayed") << ""
                             << "relayed"
                             << "";
    QTest::newRow("auto-reply") << "vacation"
                                << "delivered"
                                << "";
    QTest::newRow("complaint") << "feedback"
                               << ""
                               << "";
}

void TestReasonKnowledge::notAFailure()
{
    QFETCH(QString, reason);
    QFETCH(QString, action);
    QFETCH(QString, status);
    RecipientDiagnosis r;
    r.recipient = QStringLiteral("ann@shop.test");
    r.reason = reason;
    r.action = action;
    r.status = status;
    r.diagnostic = QStringLiteral("I am out of the office until Monday.");
    Classifier::classify(r, BounceMessage{});
    QVERIFY(!r.permanent);
    QVERIFY(!r.temporary);
    QCOMPARE(firstStepName(r.firstStep), QStringLiteral("none"));
    QCOMPARE(r.status, status);
}

QTEST_GUILESS_MAIN(TestReasonKnowledge)
#include "tst_reasonknowledge.moc"
