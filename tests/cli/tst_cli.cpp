#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
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
    void textOutputShowsControls_data();
    void textOutputShowsControls();

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

void TestCli::textOutputShowsControls_data()
{
    QTest::addColumn<QByteArray>("fileName");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("rawInJson");
    const QByteArray plain = "550 5.1.1 user unknown";
    QTest::newRow("screen clear in the bounce")
        << QByteArray("a.eml") << QByteArray("550 5.1.1 user \x1b[2Junknown")
        << QStringLiteral("user \\e[2Junknown") << QStringLiteral("\x1b[2J");
    QTest::newRow("OSC 8 link and bell")
        << QByteArray("a.eml")
        << QByteArray("550 5.1.1 \x1b]8;;http://evil.example\x07"
                      "click\x1b]8;;\x07")
        << QStringLiteral("\\e]8;;http://evil.example\\aclick") << QStringLiteral("\x07");
    QTest::newRow("C1 control sequence introducer")
        << QByteArray("a.eml")
        << QByteArray("550 5.1.1 user \xc2\x9b"
                      "2Junknown")
        << QStringLiteral("user <U+009B>2Junknown") << QStringLiteral("\u009b");
    QTest::newRow("right-to-left override")
        << QByteArray("a.eml") << QByteArray("550 5.1.1 user \xe2\x80\xaeunknown")
        << QStringLiteral("user <U+202E>unknown") << QStringLiteral("\u202e");
    QTest::newRow("window title in the file name")
        << QByteArray("x\x1b]0;owned\x07.eml") << plain << QStringLiteral("x\\e]0;owned\\a.eml")
        << QStringLiteral("\x1b]0;owned");
    QTest::newRow("line break in the file name")
        << QByteArray("x\nforged line.eml") << plain << QStringLiteral("x\\nforged line.eml")
        << QStringLiteral("x\nforged");
}

// Text output shows what a bounce or a file name holds instead of letting a terminal run it;
// the JSON Lines keep every character, escaped by JSON.
void TestCli::textOutputShowsControls()
{
    QFETCH(QByteArray, fileName);
    QFETCH(QByteArray, body);
    QFETCH(QString, shown);
    QFETCH(QString, rawInJson);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QString::fromUtf8(fileName));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
               "Subject: Undelivered Mail Returned to Sender\n\n"
               "<ana@example.net>: " +
               body + "\n");
    file.close();
    const Result text = run({QStringLiteral("diagnose"), path});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(shown), qPrintable(text.out));
    for (const QChar c : text.out) {
        const char16_t u = c.unicode();
        QVERIFY2(u == u'\n' || u == u'\t' || (u >= 0x20 && u < 0x7f) || (u > 0x9f && u != 0x202e),
                 qPrintable(QString::number(u, 16)));
    }
    const Result json =
        run({QStringLiteral("diagnose"), QStringLiteral("--format"), QStringLiteral("json"), path});
    QCOMPARE(json.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(json.out);
    QCOMPARE(lines.size(), 1);
    const QString all = lines.first().value(QStringLiteral("diagnostic")).toString() +
                        lines.first().value(QStringLiteral("source")).toString();
    QVERIFY2(all.contains(rawInJson), qPrintable(all));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
