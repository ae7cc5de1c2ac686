#include "dnsmasqserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

using BounceDoctor::Test::DnsmasqServer;
using BounceDoctor::Test::SilentDnsPort;

// `bounce-doctor-cli check` end to end against a real DNS server on loopback.
class TestCliCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonFindingsForABounce();
    void optionsOnly();
    void overallDeadline();
    void typedOptionsWin();
};

namespace {

QList<QJsonObject> runCheck(const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.start(QStringLiteral(BD_CLI_PATH), QStringList{QStringLiteral("check")} + arguments);
    process.waitForFinished(60000);
    *exitCode = process.exitCode();
    QList<QJsonObject> objects;
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        // Whole JSON lines only, each an object.
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            qWarning("not a JSON line: %s", line.constData());
        objects.append(document.object());
    }
    return objects;
}

} // namespace

void TestCliCheck::jsonFindingsForABounce()
{
    DnsmasqServer server(
        {QStringLiteral("mx-host=fjordtrading.example,mail.fjordtrading.example,10"),
         QStringLiteral("host-record=mail.fjordtrading.example,198.51.100.25"),
         QStringLiteral("host-record=2.0.0.127.zen.spamhaus.org,127.0.0.2")},
        {QStringLiteral("example"), QStringLiteral("org"), QStringLiteral("net"),
         QStringLiteral("com"), QStringLiteral("arpa")});
    QString error;
    if (!server.start(&error))
        QSKIP(qPrintable(error));
    int exitCode = -1;
    const QList<QJsonObject> findings = runCheck(
        {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--dns-server"),
         server.address(), QStringLiteral("--timeout"), QStringLiteral("2000"),
         QStringLiteral(BD_TEST_DATA_DIR "/bounces/postfix-dsn-userunknown.eml")},
        &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY(findings.size() >= 5);
    QSet<QString> steps;
    for (const QJsonObject &f : findings) {
        QCOMPARE(f.value(QLatin1String("kind")).toString(), QStringLiteral("finding"));
        for (const char *key : {"step", "status", "title", "detail", "evidence"})
            QVERIFY2(f.contains(QLatin1String(key)), key);
        steps.insert(f.value(QLatin1String("step")).toString());
        if (f.value(QLatin1String("id")).toString() == QLatin1String("address.mx"))
            QCOMPARE(f.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        if (f.value(QLatin1String("id")).toString() == QLatin1String("dnsbl.zen.spamhaus.org")) {
            QCOMPARE(f.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
            QVERIFY(f.value(QLatin1String("evidence"))
                        .toArray()
                        .first()
                        .toString()
                        .startsWith(QLatin1String("A 77.113.0.203.zen.spamhaus.org")));
        }
    }
    QVERIFY(steps.contains(QStringLiteral("verify-address")));
    QVERIFY(steps.contains(QStringLiteral("blocklists")));
    QVERIFY(steps.contains(QStringLiteral("contact-recipient-it")));
}

void TestCliCheck::optionsOnly()
{
    int exitCode = -1;
    runCheck({}, &exitCode);
    QCOMPARE(exitCode, 2);
    const QList<QJsonObject> findings = runCheck(
        {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--dns-server"),
         QStringLiteral("127.0.0.1:1"), QStringLiteral("--timeout"), QStringLiteral("300"),
         QStringLiteral("--recipient"), QStringLiteral("not an address")},
        &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY(!findings.isEmpty());
    QCOMPARE(findings.first().value(QLatin1String("id")).toString(),
             QStringLiteral("address.syntax"));
    QCOMPARE(findings.first().value(QLatin1String("status")).toString(), QStringLiteral("problem"));
}

void TestCliCheck::overallDeadline()
{
    // A silent DNS server costs the whole per-answer timeout for every recipient; the command
    // as a whole stops at its deadline and says what it did not check.
    SilentDnsPort silent;
    QElapsedTimer timer;
    timer.start();
    int exitCode = -1;
    const QList<QJsonObject> lines =
        runCheck({QStringLiteral("--format"), QStringLiteral("json"),
                  QStringLiteral("--dns-server"), silent.address(), QStringLiteral("--timeout"),
                  QStringLiteral("20000"), QStringLiteral("--deadline"), QStringLiteral("1"),
                  QStringLiteral("--recipient"), QStringLiteral("ana@shop.example")},
                 &exitCode);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(exitCode, 1);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last().value(QLatin1String("kind")).toString(), QStringLiteral("error"));
    QVERIFY(lines.last()
                .value(QLatin1String("error"))
                .toString()
                .contains(QLatin1String("--deadline")));

    runCheck({QStringLiteral("--deadline"), QStringLiteral("0"), QStringLiteral("--recipient"),
              QStringLiteral("ana@shop.example")},
             &exitCode);
    QCOMPARE(exitCode, 2);
}

void TestCliCheck::typedOptionsWin()
{
    DnsmasqServer server(
        {QStringLiteral("txt-record=acme-widgets.example,\"v=spf1 ip4:192.0.2.0/24 -all\""),
         QStringLiteral("txt-record=selector1._domainkey.acme-widgets.example,\"v=DKIM1; p=\""),
         QStringLiteral("txt-record=_dmarc.acme-widgets.example,\"v=DMARC1; p=reject\"")},
        {QStringLiteral("example"), QStringLiteral("org"), QStringLiteral("net"),
         QStringLiteral("com"), QStringLiteral("arpa")});
    QString error;
    if (!server.start(&error))
        QSKIP(qPrintable(error));
    int exitCode = -1;
    const QList<QJsonObject> findings =
        runCheck({QStringLiteral("--format"), QStringLiteral("json"),
                  QStringLiteral("--dns-server"), server.address(), QStringLiteral("--timeout"),
                  QStringLiteral("2000"), QStringLiteral("--domain"),
                  QStringLiteral("acme-widgets.example"), QStringLiteral("--selector"),
                  QStringLiteral("selector1"), QStringLiteral("--ip"), QStringLiteral("192.0.2.44"),
                  QStringLiteral(BD_TEST_DATA_DIR "/bounces/postfix-dsn-userunknown.eml")},
                 &exitCode);
    QCOMPARE(exitCode, 0);
    QSet<QString> ids;
    for (const QJsonObject &f : findings) {
        if (f.value(QLatin1String("step")).toString() != QLatin1String("authentication") ||
            f.value(QLatin1String("id")).toString() == QLatin1String("dmarc.alignment") ||
            f.value(QLatin1String("id")).toString().startsWith(QLatin1String("bulk.")))
            continue; // the message's own From, and the summary rows
        ids.insert(f.value(QLatin1String("id")).toString());
        const QJsonArray checked = f.value(QLatin1String("checked")).toArray();
        QVERIFY(!checked.isEmpty());
        const QJsonObject domain = checked.first().toObject();
        QCOMPARE(domain.value(QLatin1String("value")).toString(),
                 QStringLiteral("acme-widgets.example"));
        QCOMPARE(domain.value(QLatin1String("from")).toString(), QStringLiteral("typed"));
    }
    QVERIFY(ids.contains(QStringLiteral("spf.result")));
    QVERIFY(ids.contains(QStringLiteral("dkim.key.selector1"))); // revoked, but that selector
    QVERIFY(ids.contains(QStringLiteral("dmarc.record")));
}

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_cli_check.moc"
