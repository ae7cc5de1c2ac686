#pragma once

#include "case.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace BounceDoctor {

/// What to look for in the history.
struct CaseQuery
{
    /// Matched, caselessly and as a part, against the recipients, their domains, the sending
    /// IPs, reasons, providers and the ticket reference. Empty: every case.
    QString text;
    std::optional<CaseState> state;
    QDate from; ///< cases created on or after this day (UTC); null: no bound
    QDate to;   ///< cases created on or before this day (UTC); null: no bound
    int limit = 500;
};

/// One line of the history list.
struct CaseSummary
{
    qint64 id = 0;
    QDateTime createdAt;
    QString source;
    CaseState state = CaseState::Open;
    QString ticketRef;
    QStringList recipients;
    QStringList reasons;
    QStringList providers;
};

/// The history of cases in a real database through Qt SQL: a SQLite file by default, or a
/// shared PostgreSQL server for a team. Every write is one transaction, so a case is stored
/// whole or not at all, even when the program is killed while writing.
///
/// A database that cannot be used is never damaged further: a corrupt SQLite file is moved
/// aside (and a new one started), a locked or read-only one or one from a newer version is
/// left untouched; isOpen() is then false and errorString() says why in plain words, and the
/// application goes on without history.
class CaseStore final
{
public:
    struct Options
    {
        /// How long a write waits for another program holding the database.
        int lockTimeoutMs = 2000;
        /// Raw bounces larger than this are not kept (the diagnosis still is).
        qsizetype maxRawBounceBytes = 5 * 1024 * 1024;
    };

    CaseStore();
    ~CaseStore();
    CaseStore(const CaseStore &) = delete;
    CaseStore &operator=(const CaseStore &) = delete;

    /// Opens (creating and migrating as needed) the store at location: a SQLite file path,
    /// or a PostgreSQL connection URL "postgresql://user:password@host:port/database".
    bool open(const QString &location, const Options &options);
    bool open(const QString &location) { return open(location, Options{}); }
    void close();
    bool isOpen() const;
    /// Why the store is not open or the last call failed; empty after a success.
    QString errorString() const;
    /// Where a corrupt SQLite file was moved to, when open() moved one aside.
    QString movedAsidePath() const { return m_movedAside; }
    bool isPostgreSql() const { return m_postgres; }

    /// The default SQLite file: cases.sqlite under the user's data folder.
    static QString defaultLocation();
    /// The schema version this build writes; open() migrates older databases to it.
    static int schemaVersion();
    /// The version of the open database's schema (for tests and diagnostics).
    int databaseSchemaVersion() const;

    /// Stores c (a new row when c.id is 0, which it then gets) in one transaction; false
    /// (with errorString()) when it could not, and then nothing of c was written.
    bool save(BounceCase &c);
    std::optional<BounceCase> load(qint64 id);
    QList<CaseSummary> search(const CaseQuery &query);
    /// Earlier cases than exceptId with the same recipient, recipient domain or sending IP.
    QList<CaseSummary> seenBefore(const QString &recipient, const QString &domain,
                                  const QString &sendingIp, qint64 exceptId = 0);

    bool addNote(qint64 id, const QString &text);
    bool setState(qint64 id, CaseState state);
    bool setTicketRef(qint64 id, const QString &ref);
    bool remove(qint64 id);
    bool removeAll();
    /// Deletes the cases created before cutoff; the number deleted, or -1 on failure.
    int removeCreatedBefore(const QDateTime &cutoff);
    int count();

    /// Test hook: called inside save()'s transaction after each recipient is written.
    void setWriteHook(std::function<void()> hook) { m_writeHook = std::move(hook); }

private:
    bool openSqlite(const QString &path);
    bool openPostgreSql(const QString &url);
    bool prepareSchema();
    bool migrate(int from);
    bool fail(const QString &what, const QSqlError &error);
    bool inTransaction(const std::function<bool()> &work, const QString &what);
    bool writeCase(BounceCase &c);
    bool touch(qint64 id);
    QList<CaseSummary> summaries(const QString &where, const QVariantList &values, int limit);

    QString m_connection;
    QString m_error;
    QString m_movedAside;
    bool m_postgres = false;
    bool m_open = false;
    Options m_options;
    std::function<void()> m_writeHook;
};

} // namespace BounceDoctor
