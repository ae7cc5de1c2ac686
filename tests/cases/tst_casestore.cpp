// The case store against a real SQLite file, and the same suite against a real PostgreSQL
// server on loopback (run with --backend=postgresql; skipped, saying so, without PostgreSQL).
#include "casehandover.h"
#include "casestore.h"
#include "postgresserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <unistd.h>

#include <cstdio>

using namespace BounceDoctor;

namespace {

bool g_postgres = false;

BounceCase sampleCase(const QString &recipient, const QString &reason, const QString &ip)
{
    BounceCase c;
    c.source = QStringLiteral("/home/helpdesk/bounces/returned.eml");
    c.rawBounce = "From: MAILER-DAEMON\r\nSubject: Undelivered\r\n\r\n550 5.1.1 unknown\r\n";
    c.format = QStringLiteral("postfix");
    c.subject = QStringLiteral("Undelivered Mail Returned to Sender");
    c.original.from = QStringLiteral("invoices@shop.example");
    c.original.subject = QStringLiteral("Invoice 2291");
    c.original.sendingIp = ip;
    c.original.authenticationResults.append(AuthenticationResult{QStringLiteral("spf"),
                                                                 QStringLiteral("pass"),
                                                                 QStringLiteral("shop.example"),
                                                                 {},
                                                                 QStringLiteral("mx.example")});
    CaseRecipient r;
    r.diagnosis.recipient = recipient;
    r.diagnosis.status = QStringLiteral("5.1.1");
    r.diagnosis.replyCode = QStringLiteral("550");
    r.diagnosis.diagnostic =
        QStringLiteral("550 5.1.1 <%1>: Recipient address rejected").arg(recipient);
    r.diagnosis.reason = reason;
    r.diagnosis.provider = QStringLiteral("google");
    r.diagnosis.sendingIp = ip;
    r.diagnosis.permanent = true;
    r.diagnosis.responsible = Responsible::Sender;
    r.diagnosis.firstStep = FirstStep::VerifyAddress;
    r.diagnosis.headline = QStringLiteral("The recipient's address does not exist.");
    Finding f;
    f.step = CheckStep::VerifyAddress;
    f.id = QStringLiteral("address.mx");
    f.status = FindingStatus::Ok;
    f.title = QStringLiteral("The domain receives mail");
    f.evidence = {QStringLiteral("MX example.org: 10 mx.example.org")};
    f.link = QUrl(QStringLiteral("https://example.org/help"));
    r.findings.append(CaseFinding{f, QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC)});
    r.doneSteps = {QStringLiteral("verify-address")};
    r.draft = QStringLiteral("Hello,\nplease check the address.\n");
    c.recipients.append(r);
    return c;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// Child mode: store one case, then get killed in the middle of storing a second one.
int childWrite(const QString &location)
{
    CaseStore store;
    if (!store.open(location)) {
        std::fprintf(stdout, "error %s\n", qPrintable(store.errorString()));
        return 1;
    }
    BounceCase first = sampleCase(QStringLiteral("first@example.org"),
                                  QStringLiteral("userunknown"), QStringLiteral("192.0.2.1"));
    if (!store.save(first))
        return 1;
    std::fprintf(stdout, "committed %lld\n", static_cast<long long>(first.id));
    std::fflush(stdout);
    store.setWriteHook([] {
        std::fprintf(stdout, "inside\n");
        std::fflush(stdout);
        QThread::sleep(60);
    });
    BounceCase second = sampleCase(QStringLiteral("second@example.org"), QStringLiteral("blocked"),
                                   QStringLiteral("192.0.2.2"));
    second.recipients.append(second.recipients.constFirst());
    store.save(second);
    return 0;
}

/// Child mode: open the store and say what happened (run as another user by the read-only test).
int childOpen(const QString &location)
{
    CaseStore store;
    if (store.open(location))
        std::fprintf(stdout, "opened\n");
    else
        std::fprintf(stdout, "error %s\n", qPrintable(store.errorString()));
    return 0;
}

} // namespace

class TestCaseStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createAndReopen();
    void updateKeepsOneCase();
    void search_data();
    void search();
    void searchByStateAndDate();
    void seenBefore();
    void notesStateAndTicket();
    void deleteOneAndAll();
    void retention();
    void rawBounceCap();
    void migrateFromFirstSchema();
    void newerSchemaLeftUntouched();
    void corruptFileMovedAside();
    void lockedFileLeftUntouched();
    void readOnlyFolder();
    void killDuringWrite();
    void handOver_data();
    void handOver();

private:
    QString newLocation();
    QSqlDatabase rawConnection(const QString &location);

    QTemporaryDir m_dir;
    Test::PostgresServer m_postgres;
    int m_files = 0;
};

void TestCaseStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (g_postgres) {
        QString error;
        if (!m_postgres.start(&error))
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL to test against: ") + error));
    }
}

QString TestCaseStore::newLocation()
{
    if (!g_postgres)
        return m_dir.filePath(QStringLiteral("history-%1/cases.sqlite").arg(++m_files));
    QString error;
    const QString url = m_postgres.createDatabase(&error);
    if (url.isEmpty())
        qWarning("cannot create a database: %s", qPrintable(error));
    return url;
}

QSqlDatabase TestCaseStore::rawConnection(const QString &location)
{
    const QString name = QUuid::createUuid().toString();
    if (!g_postgres) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(location);
        db.open();
        return db;
    }
    const QUrl url(location);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port());
    db.setUserName(url.userName());
    db.setDatabaseName(url.path().mid(1));
    db.open();
    return db;
}

void TestCaseStore::createAndReopen()
{
    const QString location = newLocation();
    BounceCase c = sampleCase(QStringLiteral("Jo.Smith@Example.org"), QStringLiteral("userunknown"),
                              QStringLiteral("203.0.113.5"));
    c.notes.append(CaseNote{QDateTime(QDate(2026, 12, 2), QTime(8, 0), Qt::UTC),
                            QStringLiteral("Called the customer: typo in the address.")});
    c.ticketRef = QStringLiteral("HD-1042");
    {
        CaseStore store;
        QVERIFY2(store.open(location), qPrintable(store.errorString()));
        QCOMPARE(store.databaseSchemaVersion(), CaseStore::schemaVersion());
        QVERIFY2(store.save(c), qPrintable(store.errorString()));
        QVERIFY(c.id > 0);
    }
    CaseStore store;
    QVERIFY2(store.open(location), qPrintable(store.errorString()));
    const std::optional<BounceCase> loaded = store.load(c.id);
    QVERIFY2(loaded, qPrintable(store.errorString()));
    QCOMPARE(loaded->source, c.source);
    QCOMPARE(loaded->rawBounce, c.rawBounce);
    QCOMPARE(loaded->ticketRef, QStringLiteral("HD-1042"));
    QCOMPARE(loaded->original.from, c.original.from);
    QCOMPARE(loaded->original.authenticationResults.size(), 1);
    QCOMPARE(loaded->recipients.size(), 1);
    const CaseRecipient &r = loaded->recipients.constFirst();
    QCOMPARE(r.diagnosis.recipient, QStringLiteral("Jo.Smith@Example.org"));
    QCOMPARE(r.diagnosis.diagnostic, c.recipients.constFirst().diagnosis.diagnostic);
    QCOMPARE(r.diagnosis.firstStep, FirstStep::VerifyAddress);
    QCOMPARE(r.diagnosis.responsible, Responsible::Sender);
    QCOMPARE(r.findings.size(), 1);
    QCOMPARE(r.findings.constFirst().finding.title, QStringLiteral("The domain receives mail"));
    QCOMPARE(r.findings.constFirst().finding.status, FindingStatus::Ok);
    QCOMPARE(r.findings.constFirst().finding.evidence,
             c.recipients.constFirst().findings.constFirst().finding.evidence);
    QCOMPARE(r.findings.constFirst().ranAt, c.recipients.constFirst().findings.constFirst().ranAt);
    QCOMPARE(r.doneSteps, QStringList{QStringLiteral("verify-address")});
    QCOMPARE(r.draft, c.recipients.constFirst().draft);
    QCOMPARE(loaded->notes.size(), 1);
    QCOMPARE(loaded->notes.constFirst().text,
             QStringLiteral("Called the customer: typo in the address."));
}

void TestCaseStore::updateKeepsOneCase()
{
    CaseStore store;
    QVERIFY2(store.open(newLocation()), qPrintable(store.errorString()));
    BounceCase c = sampleCase(QStringLiteral("a@example.org"), QStringLiteral("userunknown"), {});
    QVERIFY(store.save(c));
    const qint64 id = c.id;
    c.recipients.first().doneSteps.append(QStringLiteral("check-blocklists"));
    c.recipients.first().draft = QStringLiteral("edited draft");
    c.state = CaseState::Resolved;
    QVERIFY2(store.save(c), qPrintable(store.errorString()));
    QCOMPARE(c.id, id);
    QCOMPARE(store.count(), 1);
    const auto loaded = store.load(id);
    QVERIFY(loaded);
    QCOMPARE(loaded->state, CaseState::Resolved);
    QCOMPARE(loaded->recipients.constFirst().draft, QStringLiteral("edited draft"));
    QCOMPARE(loaded->recipients.constFirst().doneSteps.size(), 2);
    QCOMPARE(loaded->recipients.constFirst().findings.size(), 1);
}

void TestCaseStore::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("recipient, any case")
        << "ANNA@" << QStringList{QStringLiteral("anna@contoso.example")};
    QTest::newRow("domain") << "fabrikam" << QStringList{QStringLiteral("ben@fabrikam.example")};
    QTest::newRow("sending ip") << "198.51.100.7"
                                << QStringList{QStringLiteral("ben@fabrikam.example")};
    QTest::newRow("reason") << "mailboxfull" << QStringList{QStringLiteral("cleo@contoso.example")};
    QTest::newRow("ticket") << "hd-77" << QStringList{QStringLiteral("anna@contoso.example")};
    QTest::newRow("part of a domain, two cases")
        << "contoso"
        << QStringList{QStringLiteral("cleo@contoso.example"),
                       QStringLiteral("anna@contoso.example")};
    QTest::newRow("like wildcards are plain text") << "%" << QStringList{};
    QTest::newRow("nothing") << "nobody@nowhere" << QStringList{};
}

void TestCaseStore::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    CaseStore store;
    QVERIFY2(store.open(newLocation()), qPrintable(store.errorString()));
    BounceCase anna = sampleCase(QStringLiteral("anna@contoso.example"),
                                 QStringLiteral("userunknown"), QStringLiteral("192.0.2.10"));
    anna.ticketRef = QStringLiteral("HD-77");
    BounceCase ben = sampleCase(QStringLiteral("ben@fabrikam.example"), QStringLiteral("blocked"),
                                QStringLiteral("198.51.100.7"));
    BounceCase cleo = sampleCase(QStringLiteral("cleo@contoso.example"),
                                 QStringLiteral("mailboxfull"), QStringLiteral("192.0.2.10"));
    for (BounceCase *c : {&anna, &ben, &cleo})
        QVERIFY(store.save(*c));
    QStringList found;
    for (const CaseSummary &s : store.search(CaseQuery{text, {}, {}, {}, 100}))
        found += s.recipients;
    QCOMPARE(found, expected); // newest first
}

void TestCaseStore::searchByStateAndDate()
{
    CaseStore store;
    QVERIFY2(store.open(newLocation()), qPrintable(store.errorString()));
    BounceCase old =
        sampleCase(QStringLiteral("old@example.org"), QStringLiteral("userunknown"), {});
    old.createdAt = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
    old.state = CaseState::Resolved;
    BounceCase recent =
        sampleCase(QStringLiteral("new@example.org"), QStringLiteral("userunknown"), {});
    recent.state = CaseState::WaitingForRecipientIt;
    QVERIFY(store.save(old));
    QVERIFY(store.save(recent));

    CaseQuery waiting;
    waiting.state = CaseState::WaitingForRecipientIt;
    QCOMPARE(store.search(waiting).size(), 1);
    QCOMPARE(store.search(waiting).constFirst().id, recent.id);

    CaseQuery january;
    january.from = QDate(2026, 1, 1);
    january.to = QDate(2026, 1, 31);
    QCOMPARE(store.search(january).size(), 1);
    QCOMPARE(store.search(january).constFirst().id, old.id);
    QCOMPARE(store.search(CaseQuery{}).size(), 2);
}

void TestCaseStore::seenBefore()
{
    CaseStore store;
    QVERIFY2(store.open(newLocation()), qPrintable(store.errorString()));
    BounceCase earlier = sampleCase(QStringLiteral("anna@contoso.example"),
                                    QStringLiteral("blocked"), QStringLiteral("192.0.2.10"));
    BounceCase other = sampleCase(QStringLiteral("zed@elsewhere.example"),
                                  QStringLiteral("blocked"), QStringLiteral("203.0.113.99"));
    QVERIFY(store.save(earlier));
    QVERIFY(store.save(other));
    BounceCase now = sampleCase(QStringLiteral("bob@contoso.example"), QStringLiteral("blocked"),
                                QStringLiteral("198.51.100.1"));
    QVERIFY(store.save(now));

    const auto byDomain = store.seenBefore(QStringLiteral("bob@contoso.example"),
                                           QStringLiteral("Contoso.example"), {}, now.id);
    QCOMPARE(byDomain.size(), 1);
    QCOMPARE(byDomain.constFirst().id, earlier.id);
    const auto byIp = store.seenBefore({}, {}, QStringLiteral("203.0.113.99"), now.id);
    QCOMPARE(byIp.size(), 1);
    QCOMPARE(byIp.constFirst().id, other.id);
    QVERIFY(store.seenBefore({}, {}, {}, now.id).isEmpty());
    QVERIFY(store.seenBefore(QStringLiteral("bob@contoso.example"), {}, {}, now.id).isEmpty());
}

void TestCaseStore::notesStateAndTicket()
{
    CaseStore store;
    QVERIFY2(store.open(newLocation()), qPrintable(store.errorString()));
    BounceCase c = sampleCase(QStringLiteral("a@example.org"), QStringLiteral("filtered"), {});
    QVERIFY(store.save(c));
    QVERIFY2(store.addNote(c.id, QStringLiteral("Sent the draft to it@example.org")),
             qPrintable(store.errorString()));
    QVERIFY(store.addNote(c.id, QStringLiteral("They answered: allow-listed.")));
    QVERIFY(store.setState(c.id, CaseState::WaitingForRecipientIt));
    QVERIFY(store.setTicketRef(c.id, QStringLiteral("JIRA-5")));
    const auto loaded = store.load(c.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->notes.size(), 2);
    QCOMPARE(loaded->notes.at(1).text, QStringLiteral("They answered: allow-listed."));
    QCOMPARE(loaded->state, CaseState::WaitingForRecipientIt);
    QCOMPARE(loaded->ticketRef, QStringLiteral("JIRA-5"));
    QVERIFY(loaded->updatedAt >= loaded->createdAt);
    QVERIFY(!store.addNote(c.id + 100, QStringLiteral("to nowhere")));
    QVERIFY(store.errorString().contains(QStringLiteral("no case")));
}

void TestCaseStore::deleteOneAndAll()
{
    CaseStore store;
    QVERIFY2(store.open(newLocation()), qPrintable(store.errorString()));
    BounceCase a = sampleCase(QStringLiteral("a@example.org"), QStringLiteral("userunknown"), {});
    BounceCase b = sampleCase(QStringLiteral("b@example.org"), QStringLiteral("userunknown"), {});
    QVERIFY(store.save(a));
    QVERIFY(store.save(b));
    QVERIFY(store.remove(a.id));
    QCOMPARE(store.count(), 1);
    QVERIFY(!store.load(a.id));
    QVERIFY(store.load(b.id));
    QVERIFY(store.removeAll());
    QCOMPARE(store.count(), 0);
    QVERIFY(store.search(CaseQuery{QStringLiteral("example.org"), {}, {}, {}, 10}).isEmpty());
}

void TestCaseStore::retention()
{
    CaseStore store;
    QVERIFY2(store.open(newLocation()), qPrintable(store.errorString()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int days : {40, 31, 29, 1}) {
        BounceCase c = sampleCase(QStringLiteral("d%1@example.org").arg(days),
                                  QStringLiteral("userunknown"), {});
        c.createdAt = now.addDays(-days);
        QVERIFY(store.save(c));
    }
    QCOMPARE(store.removeCreatedBefore(now.addDays(-30)), 2);
    QCOMPARE(store.count(), 2);
    QStringList kept;
    for (const CaseSummary &s : store.search(CaseQuery{}))
        kept += s.recipients;
    QCOMPARE(kept,
             (QStringList{QStringLiteral("d1@example.org"), QStringLiteral("d29@example.org")}));
}

void TestCaseStore::rawBounceCap()
{
    CaseStore store;
    CaseStore::Options options;
    options.maxRawBounceBytes = 1000;
    QVERIFY2(store.open(newLocation(), options), qPrintable(store.errorString()));
    BounceCase small =
        sampleCase(QStringLiteral("s@example.org"), QStringLiteral("userunknown"), {});
    BounceCase big = sampleCase(QStringLiteral("b@example.org"), QStringLiteral("userunknown"), {});
    big.rawBounce = QByteArray(5000, 'x');
    QVERIFY(store.save(small));
    QVERIFY(store.save(big));
    QCOMPARE(store.load(small.id)->rawBounce, small.rawBounce);
    const auto loadedBig = store.load(big.id);
    QVERIFY(loadedBig->rawBounce.isEmpty());
    QCOMPARE(loadedBig->recipients.size(), 1); // the diagnosis is kept all the same
}

void TestCaseStore::migrateFromFirstSchema()
{
    // A database as the first schema wrote it (frozen here on purpose: it is history).
    const QString location = newLocation();
    QVERIFY(!location.isEmpty());
    if (!g_postgres)
        QVERIFY(QDir().mkpath(QFileInfo(location).absolutePath()));
    {
        QSqlDatabase db = rawConnection(location);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        const QString key = g_postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                       : QStringLiteral("INTEGER PRIMARY KEY");
        const QString ref = g_postgres ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER");
        const QString blob = g_postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
        QSqlQuery q(db);
        const QStringList v1 = {
            QStringLiteral("CREATE TABLE schema_info (version INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO schema_info (version) VALUES (1)"),
            QStringLiteral(
                "CREATE TABLE cases (id %1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
                "source TEXT NOT NULL, raw_bounce %2, format TEXT NOT NULL, subject TEXT NOT NULL, "
                "original TEXT NOT NULL, ticket_ref TEXT NOT NULL, state TEXT NOT NULL, "
                "notes TEXT NOT NULL DEFAULT '')")
                .arg(key, blob),
            QStringLiteral(
                "CREATE TABLE recipients (id %1, case_id %2 NOT NULL REFERENCES cases (id) ON "
                "DELETE "
                "CASCADE, position INTEGER NOT NULL, recipient TEXT NOT NULL, domain TEXT NOT "
                "NULL, "
                "sending_ip TEXT NOT NULL, reason TEXT NOT NULL, provider TEXT NOT NULL, "
                "diagnosis TEXT NOT NULL, done_steps TEXT NOT NULL, draft TEXT NOT NULL)")
                .arg(key, ref),
            QStringLiteral("CREATE TABLE findings (id %1, recipient_id %2 NOT NULL REFERENCES "
                           "recipients (id) ON "
                           "DELETE CASCADE, position INTEGER NOT NULL, ran_at TEXT NOT NULL, step "
                           "TEXT NOT NULL, "
                           "finding_id TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL, "
                           "detail TEXT NOT "
                           "NULL, evidence TEXT NOT NULL, link TEXT NOT NULL)")
                .arg(key, ref),
            QStringLiteral(
                "INSERT INTO cases (created_at, updated_at, source, format, subject, original, "
                "ticket_ref, state, notes) VALUES ('2026-03-01T10:00:00.000Z', "
                "'2026-03-02T11:00:00.000Z', 'old.eml', 'exim', 'Mail delivery failed', '{}', "
                "'HD-1', 'waiting', 'Asked their IT on Monday.')"),
            QStringLiteral(
                "INSERT INTO recipients (case_id, position, recipient, domain, sending_ip, reason, "
                "provider, diagnosis, done_steps, draft) VALUES (1, 0, 'kim@example.net', "
                "'example.net', '192.0.2.8', 'filtered', '', '{\"recipient\":\"kim@example.net\","
                "\"reason\":\"filtered\"}', 'contact-recipient-it', 'Dear postmaster')"),
        };
        for (const QString &statement : v1)
            QVERIFY2(q.exec(statement),
                     qPrintable(statement + QLatin1String(": ") + q.lastError().text()));
        db.close();
    }
    CaseStore store;
    QVERIFY2(store.open(location), qPrintable(store.errorString()));
    QCOMPARE(store.databaseSchemaVersion(), 2);
    const auto summaries = store.search(CaseQuery{QStringLiteral("kim@"), {}, {}, {}, 10});
    QCOMPARE(summaries.size(), 1);
    const auto loaded = store.load(summaries.constFirst().id);
    QVERIFY2(loaded, qPrintable(store.errorString()));
    QCOMPARE(loaded->state, CaseState::WaitingForRecipientIt);
    QCOMPARE(loaded->notes.size(), 1);
    QCOMPARE(loaded->notes.constFirst().text, QStringLiteral("Asked their IT on Monday."));
    QCOMPARE(loaded->notes.constFirst().at, QDateTime(QDate(2026, 3, 2), QTime(11, 0), Qt::UTC));
    QCOMPARE(loaded->recipients.constFirst().diagnosis.reason, QStringLiteral("filtered"));
    QCOMPARE(loaded->recipients.constFirst().draft, QStringLiteral("Dear postmaster"));
    // And it keeps working as a current store.
    BounceCase c = sampleCase(QStringLiteral("new@example.net"), QStringLiteral("userunknown"), {});
    QVERIFY(store.save(c));
    QCOMPARE(store.seenBefore({}, QStringLiteral("example.net"), {}, c.id).size(), 1);
}

void TestCaseStore::newerSchemaLeftUntouched()
{
    const QString location = newLocation();
    {
        CaseStore store;
        QVERIFY2(store.open(location), qPrintable(store.errorString()));
        BounceCase c =
            sampleCase(QStringLiteral("a@example.org"), QStringLiteral("userunknown"), {});
        QVERIFY(store.save(c));
    }
    {
        QSqlDatabase db = rawConnection(location);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE schema_info SET version = 99")));
        db.close();
    }
    const QByteArray before = g_postgres ? QByteArray() : fileHash(location);
    CaseStore store;
    QVERIFY(!store.open(location));
    QVERIFY2(store.errorString().contains(QStringLiteral("newer Bounce Doctor")),
             qPrintable(store.errorString()));
    QVERIFY(!store.isOpen());
    BounceCase c = sampleCase(QStringLiteral("b@example.org"), QStringLiteral("userunknown"), {});
    QVERIFY(!store.save(c)); // without history, saving says so and loses nothing of c
    QCOMPARE(c.id, 0);
    if (!g_postgres)
        QCOMPARE(fileHash(location), before);
}

void TestCaseStore::corruptFileMovedAside()
{
    if (g_postgres)
        QSKIP("a damaged file is a SQLite matter");
    const QString location = newLocation();
    QVERIFY(QDir().mkpath(QFileInfo(location).absolutePath()));
    QFile file(location);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("SQLite format 3").append(4096, '\x5a'));
    file.close();
    const QByteArray damaged = fileHash(location);
    CaseStore store;
    QVERIFY2(store.open(location), qPrintable(store.errorString()));
    QVERIFY(!store.movedAsidePath().isEmpty());
    QCOMPARE(fileHash(store.movedAsidePath()), damaged);
    QCOMPARE(store.count(), 0);
    BounceCase c = sampleCase(QStringLiteral("a@example.org"), QStringLiteral("userunknown"), {});
    QVERIFY(store.save(c));
}

void TestCaseStore::lockedFileLeftUntouched()
{
    if (g_postgres)
        QSKIP("a file held by another program is a SQLite matter");
    const QString location = newLocation();
    BounceCase c = sampleCase(QStringLiteral("a@example.org"), QStringLiteral("userunknown"), {});
    {
        CaseStore store;
        QVERIFY2(store.open(location), qPrintable(store.errorString()));
        QVERIFY(store.save(c));
    }
    CaseStore::Options quick;
    quick.lockTimeoutMs = 100;
    {
        QSqlDatabase other = rawConnection(location);
        QSqlQuery q(other);
        QVERIFY2(q.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(q.lastError().text()));
        CaseStore store;
        QVERIFY(!store.open(location, quick));
        QVERIFY2(store.errorString().contains(QStringLiteral("in use by another program")),
                 qPrintable(store.errorString()));
        q.exec(QStringLiteral("ROLLBACK"));
    }
    // Open first, then another program takes the file: the save fails whole and says so.
    CaseStore store;
    QVERIFY2(store.open(location, quick), qPrintable(store.errorString()));
    BounceCase d = sampleCase(QStringLiteral("d@example.org"), QStringLiteral("userunknown"), {});
    {
        QSqlDatabase other = rawConnection(location);
        QSqlQuery q(other);
        QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(!store.save(d));
        QCOMPARE(d.id, 0);
        QVERIFY(!store.errorString().isEmpty());
        q.exec(QStringLiteral("ROLLBACK"));
    }
    QVERIFY2(store.save(d), qPrintable(store.errorString()));
    QCOMPARE(store.count(), 2);
}

void TestCaseStore::readOnlyFolder()
{
    if (g_postgres)
        QSKIP("a read-only folder is a SQLite matter");
    const QString location = newLocation();
    {
        CaseStore store;
        QVERIFY2(store.open(location), qPrintable(store.errorString()));
        BounceCase c =
            sampleCase(QStringLiteral("a@example.org"), QStringLiteral("userunknown"), {});
        QVERIFY(store.save(c));
    }
    const QString folder = QFileInfo(location).absolutePath();
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ExeGroup |
                                              QFileDevice::ReadOther | QFileDevice::ExeOther));
    const QByteArray before = fileHash(location);
    QString output;
    if (geteuid() == 0) {
        // Root writes anywhere: ask as an ordinary user, as the application would run.
        QVERIFY(QFile::setPermissions(
            m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                              QFileDevice::ExeOther | QFileDevice::ReadOther));
        QProcess child;
        child.start(QStringLiteral("runuser"),
                    {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                     QCoreApplication::applicationFilePath(), QStringLiteral("--child-open"),
                     location});
        QVERIFY(child.waitForFinished(30000));
        output =
            QString::fromLocal8Bit(child.readAllStandardOutput() + child.readAllStandardError());
        if (output.contains(QStringLiteral("runuser")) ||
            output.contains(QStringLiteral("Permission denied")))
            QSKIP(qPrintable(QStringLiteral("cannot run as another user here: ") + output));
    } else {
        CaseStore store;
        output = store.open(location) ? QStringLiteral("opened") : store.errorString();
    }
    QVERIFY2(output.contains(QStringLiteral("read-only")), qPrintable(output));
    QCOMPARE(fileHash(location), before);
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void TestCaseStore::killDuringWrite()
{
    const QString location = newLocation();
    QVERIFY(!location.isEmpty());
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--child-write"), location});
    QVERIFY(child.waitForStarted());
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += child.readAllStandardOutput()).contains("inside"), 30000);
    child.kill(); // SIGKILL: no clean-up of any kind
    QVERIFY(child.waitForFinished(10000));
    const qint64 committed =
        said.mid(said.indexOf("committed ") + 10).split('\n').constFirst().toLongLong();
    QVERIFY(committed > 0);

    CaseStore store;
    QVERIFY2(store.open(location), qPrintable(store.errorString()));
    QCOMPARE(store.count(), 1);
    const auto loaded = store.load(committed);
    QVERIFY(loaded);
    QCOMPARE(loaded->recipients.constFirst().diagnosis.recipient,
             QStringLiteral("first@example.org"));
    QVERIFY(store.search(CaseQuery{QStringLiteral("second@"), {}, {}, {}, 10}).isEmpty());
    if (!g_postgres) {
        QSqlDatabase db = rawConnection(location);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }
}

void TestCaseStore::handOver_data()
{
    QTest::addColumn<bool>("markdown");
    QTest::addColumn<bool>("hide");
    QTest::newRow("plain text") << false << false;
    QTest::newRow("markdown") << true << false;
    QTest::newRow("plain text, personal data hidden") << false << true;
    QTest::newRow("markdown, personal data hidden") << true << true;
}

void TestCaseStore::handOver()
{
    QFETCH(bool, markdown);
    QFETCH(bool, hide);
    BounceCase c = sampleCase(QStringLiteral("jo.smith@example.org"), QStringLiteral("userunknown"),
                              QStringLiteral("203.0.113.5"));
    c.id = 12;
    c.ticketRef = QStringLiteral("HD-9");
    c.original.subject = QStringLiteral("Invoice 2291\r\nState: resolved"); // a forged ticket line
    c.notes.append(
        CaseNote{QDateTime::currentDateTimeUtc(), QStringLiteral("Phoned jo.smith@example.org")});
    CaseHandover::Options options;
    options.format = markdown ? CaseHandover::Format::Markdown : CaseHandover::Format::PlainText;
    options.hidePersonalData = hide;
    const QString text = CaseHandover::ticketText(c, options);

    QVERIFY(text.contains(QStringLiteral("Recipient address rejected"))); // the server's words kept
    QVERIFY(text.contains(QStringLiteral("The domain receives mail")));   // the checks run
    QVERIFY(text.contains(QStringLiteral("MX example.org: 10 mx.example.org")));
    QVERIFY(text.contains(QStringLiteral("verify-address")));            // the steps done
    QVERIFY(text.contains(QStringLiteral("please check the address."))); // the draft
    QVERIFY(text.contains(QStringLiteral("HD-9")));
    QVERIFY(text.contains(QStringLiteral("550 5.1.1"))); // Markdown escapes no dots
    QVERIFY(!text.contains(QStringLiteral("\nState: resolved")));
    QCOMPARE(text.contains(QStringLiteral("jo.smith@example.org")), !hide);
    QCOMPARE(text.contains(QStringLiteral("j***@example.org")), hide);
    QCOMPARE(text.contains(QStringLiteral("invoices@shop.example")), !hide);
    QCOMPARE(text.contains(QStringLiteral("Invoice 2291")), !hide);
    QCOMPARE(text.contains(QStringLiteral("```")), markdown);
    const QString title = CaseHandover::summaryLine(c, options);
    QVERIFY(!title.contains(u'\n'));
    QVERIFY2(title.contains(QStringLiteral("5.1.1")), qPrintable(title));
    QCOMPARE(title.contains(QStringLiteral("jo.smith@")), !hide);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments();
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--child-write"))
        return childWrite(arguments.at(2));
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--child-open"))
        return childOpen(arguments.at(2));
    g_postgres = arguments.removeAll(QStringLiteral("--backend=postgresql")) > 0;
    TestCaseStore test;
    return QTest::qExec(&test, arguments);
}

#include "tst_casestore.moc"
