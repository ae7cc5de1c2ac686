#include "bounce/authresults.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace BounceDoctor;

// RFC 8601 Appendix B examples from ../shared/authres, with the parse each implies.
class TestAuthResRfc8601 final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendixB_data();
    void appendixB();
};

void TestAuthResRfc8601::appendixB_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QJsonObject>("expect");
    QFile file(QStringLiteral(BD_SHARED_DIR "/authres/rfc8601-appendixB.jsonl"));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("../shared/authres/rfc8601-appendixB.jsonl is not there: the RFC 8601 examples were "
              "not run");
    while (!file.atEnd()) {
        const QJsonObject example = QJsonDocument::fromJson(file.readLine()).object();
        if (example.isEmpty())
            continue;
        QTest::newRow(qPrintable(example.value(QLatin1String("id")).toString()))
            << example.value(QLatin1String("header")).toString()
            << example.value(QLatin1String("expect")).toObject();
    }
}

void TestAuthResRfc8601::appendixB()
{
    QFETCH(QString, header);
    QFETCH(QJsonObject, expect);
    const AuthResultsHeader parsed = parseAuthenticationResults(header);
    QVERIFY(parsed.valid);
    QCOMPARE(parsed.authServId, expect.value(QLatin1String("authserv_id")).toString());
    if (expect.contains(QLatin1String("version")))
        QCOMPARE(parsed.version, expect.value(QLatin1String("version")).toInt());
    const QJsonArray results = expect.value(QLatin1String("resinfo")).toArray();
    QCOMPARE(parsed.results.size(), results.size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject want = results.at(i).toObject();
        const AuthResultsHeader::Result &got = parsed.results.at(i);
        QCOMPARE(got.method, want.value(QLatin1String("method")).toString());
        QCOMPARE(got.result, want.value(QLatin1String("result")).toString());
        if (want.contains(QLatin1String("method_version")))
            QCOMPARE(got.methodVersion, want.value(QLatin1String("method_version")).toInt());
        if (want.contains(QLatin1String("reason")))
            QCOMPARE(got.reason, want.value(QLatin1String("reason")).toString());
        const QJsonObject props = want.value(QLatin1String("props")).toObject();
        QCOMPARE(got.properties.size(), props.size());
        for (auto it = props.begin(); it != props.end(); ++it)
            QCOMPARE(got.property(it.key()), it.value().toString());
    }
}

QTEST_GUILESS_MAIN(TestAuthResRfc8601)
#include "tst_authres_rfc8601.moc"
