#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace BounceDoctor::Test {

/// A real PostgreSQL server for one test run: initdb into a temporary folder, pg_ctl start on
/// a free loopback port with trust authentication, stopped and removed afterwards. As root it
/// runs the server as the "postgres" user, since PostgreSQL refuses to run as root.
class PostgresServer final
{
public:
    PostgresServer() = default;
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    /// The folder with initdb and pg_ctl, or empty when PostgreSQL is not installed.
    static QString binaryFolder();

    bool start(QString *error);
    quint16 port() const { return m_port; }
    /// A new empty database on the server; its connection URL for CaseStore::open.
    QString createDatabase(QString *error);

private:
    bool run(const QString &program, const QStringList &arguments, QString *error);

    QTemporaryDir m_dir;
    QString m_bin;
    QString m_data;
    quint16 m_port = 0;
    bool m_running = false;
    bool m_asPostgresUser = false;
    int m_databases = 0;
};

} // namespace BounceDoctor::Test
