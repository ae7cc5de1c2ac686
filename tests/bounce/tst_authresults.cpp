#include "bounce/authresultsparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace BounceDoctor;

// RFC 8601 Appendix B examples with their expected parse (shared/authres), plus provider
// headers written for this test.
class TestAuthResults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc8601AppendixB_data();
    void rfc8601AppendixB();
    void providerHeaders_data();
    void providerHeaders();
};

void TestAuthResults::rfc8601AppendixB_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QJsonObject>("expect");
    QFile file(QStringLiteral(BD_SHARED_DIR "/authres/rfc8601-appendixB.jsonl"));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("../shared/authres/rfc8601-appendixB.jsonl is not available");
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        QTest::newRow(qPrintable(entry.value(QLatin1String("id")).toString()))
            << entry.value(QLatin1String("header")).toString()
            << entry.value(QLatin1String("expect")).toObject();
    }
}

void TestAuthResults::rfc8601AppendixB()
{
    QFETCH(QString, header);
    QFETCH(QJsonObject, expect);
    QString value = header;
    value.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const AuthResultsHeader parsed = AuthResultsParser::parse(value);
    QVERIFY(parsed.valid);
    QCOMPARE(parsed.authServId, expect.value(QLatin1String("authserv_id")).toString());
    if (expect.contains(QLatin1String("version")))
        QCOMPARE(parsed.version, expect.value(QLatin1String("version")).toInt());
    const QJsonArray resinfo = expect.value(QLatin1String("resinfo")).toArray();
    QCOMPARE(parsed.methods.size(), resinfo.size());
    for (qsizetype i = 0; i < resinfo.size(); ++i) {
        const QJsonObject want = resinfo.at(i).toObject();
        const AuthResultsHeader::Method &got = parsed.methods.at(i);
        QCOMPARE(got.method, want.value(QLatin1String("method")).toString());
        QCOMPARE(got.result, want.value(QLatin1String("result")).toString());
        if (want.contains(QLatin1String("method_version")))
            QCOMPARE(got.methodVersion, want.value(QLatin1String("method_version")).toInt());
        QCOMPARE(got.reason, want.value(QLatin1String("reason")).toString());
        const QJsonObject props = want.value(QLatin1String("props")).toObject();
        QCOMPARE(got.properties.size(), props.size());
        for (auto it = props.begin(); it != props.end(); ++it)
            QCOMPARE(got.property(it.key()), it.value().toString());
    }
}

void TestAuthResults::providerHeaders_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("expected"); // method:result:domain:selector, ...
    QTest::newRow("three methods with comments")
        << "mx.receiver.test;\n dkim=pass (2048-bit key) header.d=shop.test header.s=s1 "
           "header.b=Ab/Cd+9;\n spf=fail (sender IP is 192.0.2.1) "
           "smtp.mailfrom=bounce@shop.test;\n "
           "dmarc=fail (p=REJECT sp=NONE dis=REJECT) header.from=shop.test"
        << "dkim:pass:shop.test:s1,spf:fail:shop.test:,dmarc:fail:shop.test:";
    QTest::newRow("repeated authserv-id mid-header (Outlook style)")
        << "outlook.test; spf=pass (sender IP is 203.0.113.5)\n smtp.mailfrom=news.test; "
           "outlook.test; dkim=none (message not signed)\n header.d=none;dmarc=none action=none\n "
           "header.from=news.test;"
        << "spf:pass:news.test:,dkim:none:none:,dmarc:none:news.test:";
    QTest::newRow("none") << "mail.receiver.test 1; none"
                          << "";
}

void TestAuthResults::providerHeaders()
{
    QFETCH(QString, header);
    QFETCH(QString, expected);
    QStringList got;
    for (const AuthenticationResult &r : AuthResultsParser::results(header))
        got.append(QStringList{r.method, r.result, r.domain, r.selector}.join(QLatin1Char(':')));
    QCOMPARE(got.join(QLatin1Char(',')), expected);
}

QTEST_GUILESS_MAIN(TestAuthResults)
#include "tst_authresults.moc"
