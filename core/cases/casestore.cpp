#include "casestore.h"

#include "bounce/diagnosisjson.h"
#include "common/mailaddress.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>

namespace BounceDoctor {
namespace {

Q_LOGGING_CATEGORY(lcCaseStore, "bd.cases.store")

constexpr int currentSchema = 2;

// SQLite's result codes that say what kind of trouble a file is in.
enum SqliteCode
{
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    Corrupt = 11,
    CantOpen = 14,
    NotADatabase = 26
};

int sqliteCode(const QSqlError &error)
{
    // Qt puts the result code first; extended codes keep the primary one in their low byte.
    return error.nativeErrorCode().toInt() & 0xff;
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromTimestamp(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

/// Qt binds a null QString as SQL NULL: text columns are NOT NULL, so bind "" instead.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString likePattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(QLatin1String("!"), QLatin1String("!!"));
    escaped.replace(QLatin1String("%"), QLatin1String("!%"));
    escaped.replace(QLatin1String("_"), QLatin1String("!_"));
    return u'%' + escaped + u'%';
}

/// The statements that bring a schema from version - 1 to version, in the database's dialect.
QStringList migrationTo(int version, bool postgres)
{
    const QString key =
        postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY");
    const QString ref = postgres ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER");
    const QString blob = postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    switch (version) {
    case 1:
        // The first schema: notes were one text per case.
        return {
            QStringLiteral("CREATE TABLE schema_info (version INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO schema_info (version) VALUES (0)"),
            QStringLiteral("CREATE TABLE cases (id %1, created_at TEXT NOT NULL, "
                           "updated_at TEXT NOT NULL, source TEXT NOT NULL, raw_bounce %2, "
                           "format TEXT NOT NULL, subject TEXT NOT NULL, original TEXT NOT NULL, "
                           "ticket_ref TEXT NOT NULL, state TEXT NOT NULL, "
                           "notes TEXT NOT NULL DEFAULT '')")
                .arg(key, blob),
            QStringLiteral("CREATE TABLE recipients (id %1, case_id %2 NOT NULL REFERENCES "
                           "cases (id) ON DELETE CASCADE, position INTEGER NOT NULL, "
                           "recipient TEXT NOT NULL, domain TEXT NOT NULL, "
                           "sending_ip TEXT NOT NULL, reason TEXT NOT NULL, "
                           "provider TEXT NOT NULL, diagnosis TEXT NOT NULL, "
                           "done_steps TEXT NOT NULL, draft TEXT NOT NULL)")
                .arg(key, ref),
            QStringLiteral("CREATE TABLE findings (id %1, recipient_id %2 NOT NULL REFERENCES "
                           "recipients (id) ON DELETE CASCADE, position INTEGER NOT NULL, "
                           "ran_at TEXT NOT NULL, step TEXT NOT NULL, finding_id TEXT NOT NULL, "
                           "status TEXT NOT NULL, title TEXT NOT NULL, detail TEXT NOT NULL, "
                           "evidence TEXT NOT NULL, link TEXT NOT NULL)")
                .arg(key, ref),
        };
    case 2:
        // Notes become rows of their own, each with its time; lookups by recipient, domain
        // and sending IP ("seen before") get indexes.
        return {
            QStringLiteral("CREATE TABLE notes (id %1, case_id %2 NOT NULL REFERENCES cases (id) "
                           "ON DELETE CASCADE, created_at TEXT NOT NULL, text TEXT NOT NULL)")
                .arg(key, ref),
            QStringLiteral("INSERT INTO notes (case_id, created_at, text) "
                           "SELECT id, updated_at, notes FROM cases WHERE notes <> ''"),
            QStringLiteral("ALTER TABLE cases DROP COLUMN notes"),
            QStringLiteral("CREATE INDEX cases_created ON cases (created_at)"),
            QStringLiteral("CREATE INDEX recipients_case ON recipients (case_id)"),
            QStringLiteral("CREATE INDEX recipients_recipient ON recipients (recipient)"),
            QStringLiteral("CREATE INDEX recipients_domain ON recipients (domain)"),
            QStringLiteral("CREATE INDEX recipients_ip ON recipients (sending_ip)"),
            QStringLiteral("CREATE INDEX findings_recipient ON findings (recipient_id)"),
            QStringLiteral("CREATE INDEX notes_case ON notes (case_id)"),
        };
    default:
        return {};
    }
}

} // namespace

CaseStore::CaseStore() = default;

CaseStore::~CaseStore()
{
    close();
}

QString CaseStore::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QLatin1String("/cases.sqlite");
}

int CaseStore::schemaVersion()
{
    return currentSchema;
}

bool CaseStore::open(const QString &location, const Options &options)
{
    close();
    m_options = options;
    m_error.clear();
    m_movedAside.clear();
    m_connection = QStringLiteral("bd-cases-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QUrl url(location);
    if (url.scheme() == QLatin1String("postgresql") || url.scheme() == QLatin1String("postgres")) {
        m_postgres = true;
        m_open = openPostgreSql(location) && prepareSchema();
    } else {
        m_postgres = false;
        m_open = openSqlite(location) && prepareSchema();
    }
    if (!m_open) {
        const QString why = m_error;
        close();
        m_error = why;
        qCWarning(lcCaseStore) << "case history not available:" << why;
    }
    return m_open;
}

void CaseStore::close()
{
    m_open = false;
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

bool CaseStore::isOpen() const
{
    return m_open;
}

QString CaseStore::errorString() const
{
    return m_error;
}

bool CaseStore::openSqlite(const QString &path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = QStringLiteral("The case history folder %1 cannot be created. Bounce Doctor "
                                 "works without history until it can.")
                      .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            db.setDatabaseName(path);
            db.setConnectOptions(
                QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.lockTimeoutMs));
            if (!db.open()) {
                m_error = QStringLiteral("The case history %1 cannot be opened: %2")
                              .arg(QDir::toNativeSeparators(path), db.lastError().text());
                return false;
            }
            QSqlQuery query(db);
            int trouble = 0;
            QString detail;
            // Reading the schema's version reads the file's header and first page: enough to
            // tell a damaged or foreign file, without scanning a large history at every start.
            if (!query.exec(QStringLiteral("PRAGMA schema_version"))) {
                trouble = sqliteCode(query.lastError());
                detail = query.lastError().text();
            }
            if (trouble == 0 && !query.exec(QStringLiteral("PRAGMA journal_mode=WAL"))) {
                trouble = sqliteCode(query.lastError());
                detail = query.lastError().text();
            }
            // Writing needs the file and its folder (for the write-ahead log): try it now,
            // so a read-only or locked store is known before any case depends on it.
            if (trouble == 0 && !query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
                trouble = sqliteCode(query.lastError());
                detail = query.lastError().text();
            } else if (trouble == 0) {
                query.exec(QStringLiteral("ROLLBACK"));
            }
            if (trouble == 0) {
                query.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
                query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
                return true;
            }
            db.close();
            if (trouble == Busy || trouble == Locked) {
                m_error = QStringLiteral("The case history %1 is in use by another program. "
                                         "It was left untouched; Bounce Doctor works without "
                                         "history until it is free.")
                              .arg(QDir::toNativeSeparators(path));
                return false;
            }
            if (trouble == ReadOnly || trouble == CantOpen) {
                m_error = QStringLiteral("The case history %1 cannot be written: the file or its "
                                         "folder is read-only. It was left untouched; Bounce "
                                         "Doctor works without history until it can write there.")
                              .arg(QDir::toNativeSeparators(path));
                return false;
            }
            if (trouble != Corrupt && trouble != NotADatabase) {
                m_error = QStringLiteral("The case history %1 cannot be used: %2")
                              .arg(QDir::toNativeSeparators(path), detail);
                return false;
            }
            qCWarning(lcCaseStore) << "corrupt case history" << path << detail;
        }
        QSqlDatabase::removeDatabase(m_connection);
        if (attempt > 0)
            break;
        // Damaged: keep the file for whoever wants to rescue it, and start a new history.
        const QString aside =
            path + QLatin1String(".corrupt-") +
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (!QFile::rename(path, aside)) {
            m_error = QStringLiteral("The case history %1 is damaged and could not be moved "
                                     "aside. Bounce Doctor works without history.")
                          .arg(QDir::toNativeSeparators(path));
            return false;
        }
        for (const char *suffix : {"-wal", "-shm"}) {
            if (QFile::exists(path + QLatin1String(suffix)))
                QFile::rename(path + QLatin1String(suffix), aside + QLatin1String(suffix));
        }
        m_movedAside = aside;
    }
    m_error = QStringLiteral("The case history %1 is damaged and a new one could not be "
                             "started. Bounce Doctor works without history.")
                  .arg(QDir::toNativeSeparators(path));
    return false;
}

bool CaseStore::openPostgreSql(const QString &location)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        m_error = QStringLiteral("PostgreSQL support is not installed (the Debian package "
                                 "libqt6sql6-psql). Bounce Doctor works without history.");
        return false;
    }
    const QUrl url(location);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    db.setConnectOptions(
        QStringLiteral("connect_timeout=%1").arg(qMax(1, m_options.lockTimeoutMs / 1000)));
    if (!db.open()) {
        // The URL may hold a password: name only the server.
        m_error = QStringLiteral("The shared case history on %1 cannot be reached: %2")
                      .arg(url.host(), db.lastError().text().trimmed());
        return false;
    }
    return true;
}

int CaseStore::databaseSchemaVersion() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("SELECT version FROM schema_info")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

bool CaseStore::prepareSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const bool exists = db.tables().contains(QStringLiteral("schema_info"));
    const int version = exists ? databaseSchemaVersion() : 0;
    if (version > currentSchema) {
        m_error = QStringLiteral("The case history was written by a newer Bounce Doctor (schema "
                                 "%1; this one knows %2). It was left untouched; update Bounce "
                                 "Doctor to use it.")
                      .arg(version)
                      .arg(currentSchema);
        return false;
    }
    if (version == currentSchema)
        return true;
    return migrate(version);
}

bool CaseStore::migrate(int from)
{
    return inTransaction(
        [&] {
            QSqlQuery query(QSqlDatabase::database(m_connection, false));
            for (int version = from + 1; version <= currentSchema; ++version) {
                for (const QString &statement : migrationTo(version, m_postgres)) {
                    if (!query.exec(statement))
                        return fail(QStringLiteral("Updating the case history failed"),
                                    query.lastError());
                }
                if (!query.exec(QStringLiteral("UPDATE schema_info SET version = %1").arg(version)))
                    return fail(QStringLiteral("Updating the case history failed"),
                                query.lastError());
                qCDebug(lcCaseStore) << "case history schema now" << version;
            }
            return true;
        },
        QStringLiteral("Updating the case history failed"));
}

bool CaseStore::fail(const QString &what, const QSqlError &error)
{
    m_error = what + QLatin1String(": ") + error.text().trimmed();
    qCWarning(lcCaseStore) << m_error;
    return false;
}

bool CaseStore::inTransaction(const std::function<bool()> &work, const QString &what)
{
    if (m_connection.isEmpty()) {
        m_error = QStringLiteral("The case history is not open.");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return fail(what, db.lastError());
    if (!work()) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return fail(what, error);
    }
    m_error.clear();
    return true;
}

bool CaseStore::save(BounceCase &c)
{
    if (!m_open) {
        m_error = QStringLiteral("The case history is not open.");
        return false;
    }
    const qint64 idBefore = c.id;
    const QDateTime updatedBefore = c.updatedAt;
    const bool saved =
        inTransaction([&] { return writeCase(c); }, QStringLiteral("The case could not be stored"));
    if (!saved) {
        // Nothing was written: the caller's case stays as it was, to be stored again later.
        c.id = idBefore;
        c.updatedAt = updatedBefore;
    }
    return saved;
}

bool CaseStore::writeCase(BounceCase &c)
{
    const QString what = QStringLiteral("The case could not be stored");
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!c.createdAt.isValid())
        c.createdAt = QDateTime::currentDateTimeUtc();
    c.updatedAt = QDateTime::currentDateTimeUtc();
    const QByteArray raw =
        c.rawBounce.size() <= m_options.maxRawBounceBytes ? c.rawBounce : QByteArray();
    const QString original = QString::fromUtf8(
        QJsonDocument(CaseJson::fromOriginal(c.original)).toJson(QJsonDocument::Compact));
    if (c.id == 0) {
        query.prepare(
            QStringLiteral("INSERT INTO cases (created_at, updated_at, source, raw_bounce, "
                           "format, subject, original, ticket_ref, state) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    } else {
        query.prepare(QStringLiteral("UPDATE cases SET created_at = ?, updated_at = ?, source = ?, "
                                     "raw_bounce = ?, format = ?, subject = ?, original = ?, "
                                     "ticket_ref = ?, state = ? WHERE id = ?"));
    }
    for (const QVariant &value :
         {text(timestamp(c.createdAt)), text(timestamp(c.updatedAt)), text(c.source),
          raw.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(raw),
          text(c.format), text(c.subject), text(original), text(c.ticketRef),
          text(caseStateName(c.state))})
        query.addBindValue(value);
    if (c.id != 0)
        query.addBindValue(c.id);
    if (!query.exec())
        return fail(what, query.lastError());
    qint64 id = c.id;
    if (id == 0) {
        if (!query.next())
            return fail(what, query.lastError());
        id = query.value(0).toLongLong();
    } else {
        if (query.numRowsAffected() != 1) {
            m_error = QStringLiteral("The case could not be stored: it was deleted meanwhile.");
            return false;
        }
        for (const char *table : {"recipients", "notes"}) {
            if (!query.exec(QStringLiteral("DELETE FROM %1 WHERE case_id = %2")
                                .arg(QLatin1String(table))
                                .arg(id)))
                return fail(what, query.lastError());
        }
    }

    QSqlQuery finding(QSqlDatabase::database(m_connection, false));
    finding.prepare(QStringLiteral("INSERT INTO findings (recipient_id, position, ran_at, step, "
                                   "finding_id, status, title, detail, evidence, link) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < c.recipients.size(); ++i) {
        const CaseRecipient &r = c.recipients.at(i);
        const RecipientDiagnosis &d = r.diagnosis;
        query.prepare(
            QStringLiteral("INSERT INTO recipients (case_id, position, recipient, domain, "
                           "sending_ip, reason, provider, diagnosis, done_steps, draft) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        for (const QVariant &value :
             {QVariant(id), QVariant(int(i)), text(d.recipient.toLower()),
              text(MailAddress::domainPart(d.recipient).toLower()), text(d.sendingIp),
              text(d.reason), text(d.provider),
              QVariant(QString::fromUtf8(
                  QJsonDocument(DiagnosisJson::toJson(d)).toJson(QJsonDocument::Compact))),
              text(r.doneSteps.join(u',')), text(r.draft)})
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return fail(what, query.lastError());
        const qint64 recipientId = query.value(0).toLongLong();
        for (qsizetype k = 0; k < r.findings.size(); ++k) {
            const Finding &f = r.findings.at(k).finding;
            for (const QVariant &value :
                 {QVariant(recipientId), QVariant(int(k)), text(timestamp(r.findings.at(k).ranAt)),
                  text(checkStepName(f.step)), text(f.id), text(findingStatusName(f.status)),
                  text(f.title), text(f.detail),
                  QVariant(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(f.evidence))
                                                 .toJson(QJsonDocument::Compact))),
                  text(f.link.toString())})
                finding.addBindValue(value);
            if (!finding.exec())
                return fail(what, finding.lastError());
        }
        if (m_writeHook)
            m_writeHook();
    }
    query.prepare(QStringLiteral("INSERT INTO notes (case_id, created_at, text) VALUES (?, ?, ?)"));
    for (const CaseNote &note : std::as_const(c.notes)) {
        query.addBindValue(id);
        query.addBindValue(text(timestamp(note.at)));
        query.addBindValue(text(note.text));
        if (!query.exec())
            return fail(what, query.lastError());
    }
    c.id = id;
    return true;
}

std::optional<BounceCase> CaseStore::load(qint64 id)
{
    if (!m_open)
        return std::nullopt;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT created_at, updated_at, source, raw_bounce, format, "
                                 "subject, original, ticket_ref, state FROM cases WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        fail(QStringLiteral("The case could not be read"), query.lastError());
        return std::nullopt;
    }
    if (!query.next()) {
        m_error = QStringLiteral("There is no case %1 in the history.").arg(id);
        return std::nullopt;
    }
    BounceCase c;
    c.id = id;
    c.createdAt = fromTimestamp(query.value(0).toString());
    c.updatedAt = fromTimestamp(query.value(1).toString());
    c.source = query.value(2).toString();
    c.rawBounce = query.value(3).toByteArray();
    c.format = query.value(4).toString();
    c.subject = query.value(5).toString();
    c.original =
        CaseJson::toOriginal(QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object());
    c.ticketRef = query.value(7).toString();
    c.state = caseStateFromName(query.value(8).toString());

    QSqlQuery findings(db);
    findings.prepare(QStringLiteral("SELECT ran_at, step, finding_id, status, title, detail, "
                                    "evidence, link FROM findings WHERE recipient_id = ? "
                                    "ORDER BY position"));
    query.prepare(QStringLiteral("SELECT id, diagnosis, done_steps, draft FROM recipients "
                                 "WHERE case_id = ? ORDER BY position"));
    query.addBindValue(id);
    if (!query.exec()) {
        fail(QStringLiteral("The case could not be read"), query.lastError());
        return std::nullopt;
    }
    while (query.next()) {
        CaseRecipient r;
        r.diagnosis = DiagnosisJson::fromJson(
            QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
        const QString done = query.value(2).toString();
        r.doneSteps = done.isEmpty() ? QStringList() : done.split(u',');
        r.draft = query.value(3).toString();
        findings.addBindValue(query.value(0));
        if (!findings.exec()) {
            fail(QStringLiteral("The case could not be read"), findings.lastError());
            return std::nullopt;
        }
        while (findings.next()) {
            CaseFinding f;
            f.ranAt = fromTimestamp(findings.value(0).toString());
            f.finding.step = checkStepFromName(findings.value(1).toString());
            f.finding.id = findings.value(2).toString();
            f.finding.status = findingStatusFromName(findings.value(3).toString());
            f.finding.title = findings.value(4).toString();
            f.finding.detail = findings.value(5).toString();
            const QJsonArray evidence =
                QJsonDocument::fromJson(findings.value(6).toString().toUtf8()).array();
            for (const QJsonValue &line : evidence)
                f.finding.evidence.append(line.toString());
            f.finding.link = QUrl(findings.value(7).toString());
            r.findings.append(f);
        }
        c.recipients.append(r);
    }
    query.prepare(
        QStringLiteral("SELECT created_at, text FROM notes WHERE case_id = ? ORDER BY id"));
    query.addBindValue(id);
    if (!query.exec()) {
        fail(QStringLiteral("The case could not be read"), query.lastError());
        return std::nullopt;
    }
    while (query.next())
        c.notes.append(
            CaseNote{fromTimestamp(query.value(0).toString()), query.value(1).toString()});
    m_error.clear();
    return c;
}

QList<CaseSummary> CaseStore::summaries(const QString &where, const QVariantList &values, int limit)
{
    QList<CaseSummary> result;
    if (!m_open)
        return result;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, created_at, source, state, ticket_ref FROM cases c %1 "
                                 "ORDER BY created_at DESC, id DESC LIMIT %2")
                      .arg(where)
                      .arg(qMax(1, limit)));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        fail(QStringLiteral("The case history could not be searched"), query.lastError());
        return result;
    }
    QStringList ids;
    while (query.next()) {
        CaseSummary s;
        s.id = query.value(0).toLongLong();
        s.createdAt = fromTimestamp(query.value(1).toString());
        s.source = query.value(2).toString();
        s.state = caseStateFromName(query.value(3).toString());
        s.ticketRef = query.value(4).toString();
        result.append(s);
        ids.append(QString::number(s.id));
    }
    if (ids.isEmpty())
        return result;
    // The ids are numbers this query just read, so they can stand in the statement itself.
    if (!query.exec(QStringLiteral("SELECT case_id, recipient, reason, provider FROM recipients "
                                   "WHERE case_id IN (%1) ORDER BY case_id, position")
                        .arg(ids.join(u',')))) {
        fail(QStringLiteral("The case history could not be searched"), query.lastError());
        return result;
    }
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        for (CaseSummary &s : result) {
            if (s.id != id)
                continue;
            s.recipients.append(query.value(1).toString());
            if (!s.reasons.contains(query.value(2).toString()))
                s.reasons.append(query.value(2).toString());
            if (!query.value(3).toString().isEmpty() &&
                !s.providers.contains(query.value(3).toString()))
                s.providers.append(query.value(3).toString());
        }
    }
    m_error.clear();
    return result;
}

QList<CaseSummary> CaseStore::search(const CaseQuery &q)
{
    QStringList conditions;
    QVariantList values;
    if (!q.text.trimmed().isEmpty()) {
        const QString like = likePattern(q.text.trimmed());
        conditions.append(QStringLiteral(
            "(c.id IN (SELECT case_id FROM recipients WHERE lower(recipient) LIKE ? ESCAPE '!' "
            "OR lower(domain) LIKE ? ESCAPE '!' OR lower(sending_ip) LIKE ? ESCAPE '!' "
            "OR lower(reason) LIKE ? ESCAPE '!' OR lower(provider) LIKE ? ESCAPE '!') "
            "OR lower(c.ticket_ref) LIKE ? ESCAPE '!')"));
        for (int i = 0; i < 6; ++i)
            values.append(like);
    }
    if (q.state) {
        conditions.append(QStringLiteral("c.state = ?"));
        values.append(caseStateName(*q.state));
    }
    if (q.from.isValid()) {
        conditions.append(QStringLiteral("c.created_at >= ?"));
        values.append(timestamp(q.from.startOfDay(Qt::UTC)));
    }
    if (q.to.isValid()) {
        conditions.append(QStringLiteral("c.created_at < ?"));
        values.append(timestamp(q.to.addDays(1).startOfDay(Qt::UTC)));
    }
    const QString where = conditions.isEmpty()
                              ? QString()
                              : QLatin1String("WHERE ") + conditions.join(QLatin1String(" AND "));
    return summaries(where, values, q.limit);
}

QList<CaseSummary> CaseStore::seenBefore(const QString &recipient, const QString &domain,
                                         const QString &sendingIp, qint64 exceptId)
{
    QStringList matches;
    QVariantList values;
    if (!recipient.isEmpty()) {
        matches.append(QStringLiteral("recipient = ?"));
        values.append(recipient.toLower());
    }
    if (!domain.isEmpty()) {
        matches.append(QStringLiteral("domain = ?"));
        values.append(domain.toLower());
    }
    if (!sendingIp.isEmpty()) {
        matches.append(QStringLiteral("sending_ip = ?"));
        values.append(sendingIp);
    }
    if (matches.isEmpty())
        return {};
    values.append(exceptId);
    return summaries(QStringLiteral("WHERE c.id IN (SELECT case_id FROM recipients WHERE %1) "
                                    "AND c.id <> ?")
                         .arg(matches.join(QLatin1String(" OR "))),
                     values, 20);
}

bool CaseStore::touch(qint64 id)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("UPDATE cases SET updated_at = ? WHERE id = ?"));
    query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
    query.addBindValue(id);
    if (!query.exec())
        return fail(QStringLiteral("The case could not be changed"), query.lastError());
    if (query.numRowsAffected() != 1) {
        m_error = QStringLiteral("There is no case %1 in the history.").arg(id);
        return false;
    }
    return true;
}

bool CaseStore::addNote(qint64 id, const QString &text)
{
    return inTransaction(
        [&] {
            if (!touch(id))
                return false;
            QSqlQuery query(QSqlDatabase::database(m_connection, false));
            query.prepare(
                QStringLiteral("INSERT INTO notes (case_id, created_at, text) VALUES (?, ?, ?)"));
            query.addBindValue(id);
            query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
            query.addBindValue(BounceDoctor::text(text));
            return query.exec() ||
                   fail(QStringLiteral("The note could not be stored"), query.lastError());
        },
        QStringLiteral("The note could not be stored"));
}

bool CaseStore::setState(qint64 id, CaseState state)
{
    return inTransaction(
        [&] {
            if (!touch(id))
                return false;
            QSqlQuery query(QSqlDatabase::database(m_connection, false));
            query.prepare(QStringLiteral("UPDATE cases SET state = ? WHERE id = ?"));
            query.addBindValue(caseStateName(state));
            query.addBindValue(id);
            return query.exec() ||
                   fail(QStringLiteral("The case could not be changed"), query.lastError());
        },
        QStringLiteral("The case could not be changed"));
}

bool CaseStore::setTicketRef(qint64 id, const QString &ref)
{
    return inTransaction(
        [&] {
            if (!touch(id))
                return false;
            QSqlQuery query(QSqlDatabase::database(m_connection, false));
            query.prepare(QStringLiteral("UPDATE cases SET ticket_ref = ? WHERE id = ?"));
            query.addBindValue(text(ref));
            query.addBindValue(id);
            return query.exec() ||
                   fail(QStringLiteral("The case could not be changed"), query.lastError());
        },
        QStringLiteral("The case could not be changed"));
}

bool CaseStore::remove(qint64 id)
{
    return inTransaction(
        [&] {
            QSqlQuery query(QSqlDatabase::database(m_connection, false));
            query.prepare(QStringLiteral("DELETE FROM cases WHERE id = ?"));
            query.addBindValue(id);
            return query.exec() ||
                   fail(QStringLiteral("The case could not be deleted"), query.lastError());
        },
        QStringLiteral("The case could not be deleted"));
}

bool CaseStore::removeAll()
{
    return inTransaction(
        [&] {
            QSqlQuery query(QSqlDatabase::database(m_connection, false));
            return query.exec(QStringLiteral("DELETE FROM cases")) ||
                   fail(QStringLiteral("The history could not be deleted"), query.lastError());
        },
        QStringLiteral("The history could not be deleted"));
}

int CaseStore::removeCreatedBefore(const QDateTime &cutoff)
{
    int removed = -1;
    inTransaction(
        [&] {
            QSqlQuery query(QSqlDatabase::database(m_connection, false));
            query.prepare(QStringLiteral("DELETE FROM cases WHERE created_at < ?"));
            query.addBindValue(timestamp(cutoff));
            if (!query.exec())
                return fail(QStringLiteral("Old cases could not be deleted"), query.lastError());
            removed = query.numRowsAffected();
            return true;
        },
        QStringLiteral("Old cases could not be deleted"));
    return removed;
}

int CaseStore::count()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!m_open || !query.exec(QStringLiteral("SELECT COUNT(*) FROM cases")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace BounceDoctor
