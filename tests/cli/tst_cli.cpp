#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// Runs the real bounce-doctor-cli binary, as scripts do.
class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usage_data();
    void usage();
    void diagnoseJsonLines();
    void diagnoseStandardInput();
    void unreadableInputDoesNotStopTheBatch();
    void textFormat();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    static Result run(const QStringList &arguments, const QByteArray &input = {});
    static QList<QJsonObject> jsonLines(const QString &out);
};

static QString fixture(const char *name)
{
    return QStringLiteral(BD_TEST_DATA_DIR "/bounces/") + QLatin1String(name);
}

QList<QJsonObject> TestCli::jsonLines(const QString &out)
{
    QList<QJsonObject> objects;
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return {};
        objects.append(document.object());
    }
    return objects;
}

TestCli::Result TestCli::run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(BD_CLI_PATH), arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {-1, {}, QStringLiteral("did not finish")};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCli::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectedOutput");
    QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0
                             << QStringLiteral("bounce-doctor-cli " BD_VERSION);
    QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0
                          << QStringLiteral("diagnose");
    QTest::newRow("no command") << QStringList{} << 2 << QStringLiteral("No command given");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("frobnicate")} << 2 << QStringLiteral("Unknown command");
}

void TestCli::usage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expectedOutput);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    const QString output = result.out + result.err;
    QVERIFY2(output.contains(expectedOutput), qPrintable(output));
}

void TestCli::diagnoseJsonLines()
{
    const Result result =
        run({QStringLiteral("diagnose"), QStringLiteral("--format"), QStringLiteral("json"),
             fixture("dsn-two-recipients.eml"), fixture("not-a-bounce.eml")});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> objects = jsonLines(result.out);
    QCOMPARE(objects.size(), 4);
    const QStringList keys = {QStringLiteral("source"),
                              QStringLiteral("message"),
                              QStringLiteral("recipient"),
                              QStringLiteral("action"),
                              QStringLiteral("status"),
                              QStringLiteral("reply_code"),
                              QStringLiteral("diagnostic"),
                              QStringLiteral("reason"),
                              QStringLiteral("detail"),
                              QStringLiteral("permanent"),
                              QStringLiteral("temporary"),
                              QStringLiteral("hard_bounce"),
                              QStringLiteral("responsible"),
                              QStringLiteral("first_step"),
                              QStringLiteral("provider"),
                              QStringLiteral("sending_ip"),
                              QStringLiteral("suggested_recipient"),
                              QStringLiteral("headline"),
                              QStringLiteral("command"),
                              QStringLiteral("diagnostic_type")};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(objects.at(i).value(QLatin1String("kind")).toString(),
                 QStringLiteral("recipient"));
        for (const QString &key : keys)
            QVERIFY2(objects.at(i).contains(key), qPrintable(key));
        QCOMPARE(objects.at(i).value(QLatin1String("source")).toString(),
                 fixture("dsn-two-recipients.eml"));
        QCOMPARE(objects.at(i).value(QLatin1String("message")).toInt(), 0);
    }
    QCOMPARE(objects.at(0).value(QLatin1String("reason")).toString(), QStringLiteral("filtered"));
    QCOMPARE(objects.at(0).value(QLatin1String("responsible")).toString(),
             QStringLiteral("recipient-admin"));
    // Relaying denied by the recipient's server: their mail set-up, not the sender's.
    QCOMPARE(objects.at(1).value(QLatin1String("first_step")).toString(),
             QStringLiteral("contact-recipient-it"));
    QVERIFY(objects.at(1).value(QLatin1String("permanent")).toBool());
    QVERIFY(!objects.at(1).value(QLatin1String("temporary")).toBool());
    QVERIFY(!objects.at(2).value(QLatin1String("permanent")).toBool());
    QVERIFY(objects.at(2).value(QLatin1String("temporary")).toBool());
    // Only when another provider than the one that refused wrote the bounce.
    QVERIFY(!objects.at(2).contains(QLatin1String("reporting_mta_provider")));
    QCOMPARE(objects.at(3).value(QLatin1String("kind")).toString(), QStringLiteral("not-a-bounce"));
}

void TestCli::diagnoseStandardInput()
{
    const Result result = run({QStringLiteral("diagnose"), QStringLiteral("--format"),
                               QStringLiteral("json"), QStringLiteral("-")},
                              "jsmith@gmial.com: 550 5.1.1 <jsmith@gmial.com>... User unknown\n");
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> objects = jsonLines(result.out);
    QCOMPARE(objects.size(), 1);
    QCOMPARE(objects.first().value(QLatin1String("source")).toString(), QStringLiteral("-"));
    QCOMPARE(objects.first().value(QLatin1String("recipient")).toString(),
             QStringLiteral("jsmith@gmial.com"));
    QCOMPARE(objects.first().value(QLatin1String("reason")).toString(),
             QStringLiteral("userunknown"));
    QCOMPARE(objects.first().value(QLatin1String("suggested_recipient")).toString(),
             QStringLiteral("jsmith@gmail.com"));
}

void TestCli::unreadableInputDoesNotStopTheBatch()
{
    const Result result =
        run({QStringLiteral("diagnose"), QStringLiteral("--format"), QStringLiteral("json"),
             QStringLiteral("/nonexistent/bounce.eml"), fixture("qmail-hostunknown.eml")});
    QCOMPARE(result.exitCode, 1);
    const QList<QJsonObject> objects = jsonLines(result.out);
    QCOMPARE(objects.size(), 2);
    QCOMPARE(objects.at(0).value(QLatin1String("kind")).toString(), QStringLiteral("error"));
    QVERIFY(objects.at(0)
                .value(QLatin1String("error"))
                .toString()
                .contains(QLatin1String("/nonexistent/bounce.eml")));
    QCOMPARE(objects.at(1).value(QLatin1String("reason")).toString(),
             QStringLiteral("hostunknown"));

    const Result badFormat = run({QStringLiteral("diagnose"), QStringLiteral("--format"),
                                  QStringLiteral("xml"), fixture("qmail-hostunknown.eml")});
    QCOMPARE(badFormat.exitCode, 2);
    QVERIFY(badFormat.err.contains(QLatin1String("xml")));
    QCOMPARE(run({QStringLiteral("diagnose")}).exitCode, 2);
}

void TestCli::textFormat()
{
    const Result result = run({QStringLiteral("diagnose"), fixture("exim-prose-mailboxfull.eml")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QLatin1String("tomas.brandt@lakeview-mail.example")));
    QVERIFY(result.out.contains(QLatin1String("mailbox is full")));
    QVERIFY(result.out.contains(QLatin1String("552 5.2.2")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
