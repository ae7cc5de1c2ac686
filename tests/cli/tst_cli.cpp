#include <QProcess>
#include <QTest>

// Runs the real bounce-doctor-cli binary, as scripts do.
class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usage_data();
    void usage();

private:
    struct Result
    {
        int exitCode;
        QString out;
        QString err;
    };
    static Result run(const QStringList &arguments);
};

TestCli::Result TestCli::run(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(BD_CLI_PATH), arguments);
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
