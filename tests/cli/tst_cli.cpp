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
    void diagnoseJson();
    void diagnoseBatchGoesOn();
    void diagnoseStdin();
    void diagnoseText();
    void diagnosePastedLine();
    void diagnoseUsage_data();
    void diagnoseUsage();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    static Result run(const QStringList &arguments, const QByteArray &input = {});
    static QList<QJsonObject> lines(const QString &out);
    static QString fixture(const char *name)
    {
        return QStringLiteral(BD_TEST_DATA_DIR "/bounces/") + QString::fromLatin1(name);
    }
};

TestCli::Result TestCli::run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(BD_CLI_PATH), arguments);
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

QList<QJsonObject> TestCli::lines(const QString &out)
{
    QList<QJsonObject> objects;
    const QStringList rows = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &row : rows) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(row.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("not JSON: %s", qPrintable(row));
        objects.append(document.object());
    }
    return objects;
}

void TestCli::diagnoseJson()
{
    const QString path = fixture("qmail/two-recipients.eml");
    const Result result =
        run({QStringLiteral("diagnose"), QStringLiteral("--format"), QStringLiteral("json"), path});
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> objects = lines(result.out);
    QCOMPARE(objects.size(), 2);
    const QJsonObject &first = objects.first();
    // The contract other tools rely on: every key present, strings empty when unknown.
    for (const char *key :
         {"source", "recipient", "action", "status", "reply_code", "diagnostic", "reason", "detail",
          "responsible", "first_step", "provider", "sending_ip", "suggested_recipient", "headline"})
        QVERIFY2(first.value(QLatin1String(key)).isString(), key);
    QVERIFY(first.value(QLatin1String("permanent")).isBool());
    QVERIFY(first.value(QLatin1String("hard_bounce")).isBool());
    QCOMPARE(first.value(QLatin1String("kind")).toString(), QStringLiteral("recipient"));
    QCOMPARE(first.value(QLatin1String("source")).toString(), path);
    QCOMPARE(first.value(QLatin1String("message")).toInt(-1), 0);
    QCOMPARE(first.value(QLatin1String("recipient")).toString(),
             QStringLiteral("p.novak@litware.test"));
    QCOMPARE(first.value(QLatin1String("status")).toString(), QStringLiteral("5.1.1"));
    QCOMPARE(first.value(QLatin1String("reply_code")).toString(), QStringLiteral("550"));
    QCOMPARE(objects.at(1).value(QLatin1String("recipient")).toString(),
             QStringLiteral("sales@litware.test"));
}

void TestCli::diagnoseBatchGoesOn()
{
    const QString missing = QStringLiteral("/nonexistent/lost.eml");
    const QString plain = fixture("notabounce/newsletter.eml");
    const QString exim = fixture("exim/rejected-after-data.eml");
    const Result result =
        run({QStringLiteral("diagnose"), QStringLiteral("--format=json"), missing, plain, exim});
    QCOMPARE(result.exitCode, 1);
    const QList<QJsonObject> objects = lines(result.out);
    QCOMPARE(objects.size(), 3);
    QCOMPARE(objects.at(0).value(QLatin1String("kind")).toString(), QStringLiteral("error"));
    QCOMPARE(objects.at(0).value(QLatin1String("source")).toString(), missing);
    QCOMPARE(objects.at(0).value(QLatin1String("error")).toString(),
             QStringLiteral("cannot open /nonexistent/lost.eml: No such file or directory"));
    QCOMPARE(objects.at(1).value(QLatin1String("kind")).toString(), QStringLiteral("not-a-bounce"));
    QCOMPARE(objects.at(1).value(QLatin1String("message")).toInt(-1), 0);
    QCOMPARE(objects.at(2).value(QLatin1String("recipient")).toString(),
             QStringLiteral("m.rossi@proseware.test"));
    QCOMPARE(objects.at(2).value(QLatin1String("sending_ip")).toString(),
             QStringLiteral("203.0.113.200"));
}

void TestCli::diagnoseStdin()
{
    QFile file(fixture("gmail/permanent-failure.eml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray message = file.readAll();
    // Two messages as an mbox on standard input.
    const QByteArray mbox = "From a@b Sat Jun  8 12:00:00 2024\n" + message +
                            "\nFrom a@b Sat Jun  8 12:00:01 2024\n" + message;
    const Result result = run({QStringLiteral("diagnose"), QStringLiteral("--format"),
                               QStringLiteral("json"), QStringLiteral("-")},
                              mbox);
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> objects = lines(result.out);
    QCOMPARE(objects.size(), 2);
    QCOMPARE(objects.at(1).value(QLatin1String("source")).toString(), QStringLiteral("-"));
    QCOMPARE(objects.at(1).value(QLatin1String("message")).toInt(-1), 1);
    QCOMPARE(objects.at(1).value(QLatin1String("status")).toString(), QStringLiteral("5.2.1"));
}

void TestCli::diagnoseText()
{
    const Result result =
        run({QStringLiteral("diagnose"), fixture("rfc3464/two-recipients-folded.eml")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("lena.fischer@fabrikam.test")),
             qPrintable(result.out));
    QVERIFY2(result.out.contains(QLatin1String("5.2.2")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QLatin1String("Mailbox quota exceeded")), qPrintable(result.out));
}

void TestCli::diagnosePastedLine()
{
    // What the README shows: only the server's reply, piped in.
    const Result result =
        run({QStringLiteral("diagnose"), QStringLiteral("--format"), QStringLiteral("json"),
             QStringLiteral("-")},
            "jsmith@example.com: 550 5.1.1 <jsmith@example.com>... User unknown\n");
    QCOMPARE(result.exitCode, 0);
    const QList<QJsonObject> objects = lines(result.out);
    QCOMPARE(objects.size(), 1);
    QCOMPARE(objects.first().value(QLatin1String("recipient")).toString(),
             QStringLiteral("jsmith@example.com"));
    QCOMPARE(objects.first().value(QLatin1String("status")).toString(), QStringLiteral("5.1.1"));
    QCOMPARE(objects.first().value(QLatin1String("reply_code")).toString(), QStringLiteral("550"));
}

void TestCli::diagnoseUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("no path") << QStringList{QStringLiteral("diagnose")} << QStringLiteral("Usage");
    QTest::newRow("bad format") << QStringList{QStringLiteral("diagnose"),
                                               QStringLiteral("--format"), QStringLiteral("xml"),
                                               QStringLiteral("x.eml")}
                                << QStringLiteral("Unknown format 'xml'");
    QTest::newRow("format without value")
        << QStringList{QStringLiteral("diagnose"), QStringLiteral("--format")}
        << QStringLiteral("--format needs a value");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("diagnose"), QStringLiteral("--fast"),
                       QStringLiteral("x.eml")}
        << QStringLiteral("Unknown option '--fast'");
}

void TestCli::diagnoseUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedError);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(expectedError), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
