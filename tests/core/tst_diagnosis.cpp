#include "bounce/diagnosis.h"

#include <QTest>

using namespace BounceDoctor;

class TestDiagnosis final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstStepNames_data();
    void firstStepNames();
    void responsibleNames_data();
    void responsibleNames();
    void unknownNamesFallBack();
    void checklistSteps_data();
    void checklistSteps();
};

void TestDiagnosis::firstStepNames_data()
{
    QTest::addColumn<FirstStep>("step");
    QTest::addColumn<QString>("name");
    QTest::newRow("none") << FirstStep::None << QStringLiteral("none");
    QTest::newRow("verify") << FirstStep::VerifyAddress << QStringLiteral("verify-address");
    QTest::newRow("blocklists") << FirstStep::Blocklists << QStringLiteral("check-blocklists");
    QTest::newRow("auth") << FirstStep::Authentication << QStringLiteral("check-authentication");
    QTest::newRow("contact") << FirstStep::ContactRecipientIt
                             << QStringLiteral("contact-recipient-it");
    QTest::newRow("content") << FirstStep::ReviewContent << QStringLiteral("review-content");
    QTest::newRow("setup") << FirstStep::FixSendingSetup << QStringLiteral("fix-sending-setup");
    QTest::newRow("retry") << FirstStep::RetryLater << QStringLiteral("retry-later");
}

void TestDiagnosis::firstStepNames()
{
    QFETCH(FirstStep, step);
    QFETCH(QString, name);
    QCOMPARE(firstStepName(step), name);
    QCOMPARE(firstStepFromString(name), step);
}

void TestDiagnosis::responsibleNames_data()
{
    QTest::addColumn<Responsible>("who");
    QTest::addColumn<QString>("name");
    QTest::newRow("unknown") << Responsible::Unknown << QStringLiteral("unknown");
    QTest::newRow("sender") << Responsible::Sender << QStringLiteral("sender");
    QTest::newRow("sender-admin") << Responsible::SenderAdmin << QStringLiteral("sender-admin");
    QTest::newRow("recipient") << Responsible::Recipient << QStringLiteral("recipient");
    QTest::newRow("recipient-admin")
        << Responsible::RecipientAdmin << QStringLiteral("recipient-admin");
}

void TestDiagnosis::responsibleNames()
{
    QFETCH(Responsible, who);
    QFETCH(QString, name);
    QCOMPARE(responsibleName(who), name);
    QCOMPARE(responsibleFromString(name), who);
}

void TestDiagnosis::unknownNamesFallBack()
{
    QCOMPARE(firstStepFromString(QStringLiteral("reboot-the-internet")), FirstStep::None);
    QCOMPARE(responsibleFromString(QString()), Responsible::Unknown);
}

void TestDiagnosis::checklistSteps_data()
{
    QTest::addColumn<FirstStep>("first");
    QTest::addColumn<int>("step"); // the CheckStep, or -1 for advice without a checklist step
    QTest::newRow("verify") << FirstStep::VerifyAddress << int(CheckStep::VerifyAddress);
    QTest::newRow("blocklists") << FirstStep::Blocklists << int(CheckStep::Blocklists);
    QTest::newRow("auth") << FirstStep::Authentication << int(CheckStep::Authentication);
    QTest::newRow("contact") << FirstStep::ContactRecipientIt << int(CheckStep::ContactRecipientIt);
    QTest::newRow("none") << FirstStep::None << -1;
    QTest::newRow("content") << FirstStep::ReviewContent << -1;
    QTest::newRow("setup") << FirstStep::FixSendingSetup << -1;
    QTest::newRow("retry") << FirstStep::RetryLater << -1;
}

void TestDiagnosis::checklistSteps()
{
    QFETCH(FirstStep, first);
    QFETCH(int, step);
    const std::optional<CheckStep> found = checklistStep(first);
    QCOMPARE(found ? int(*found) : -1, step);
}

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"
