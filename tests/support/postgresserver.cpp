#include "postgresserver.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUuid>

#include <unistd.h>

namespace BounceDoctor::Test {

PostgresServer::~PostgresServer()
{
    if (m_running) {
        QString ignored;
        run(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            &ignored);
    }
}

QString PostgresServer::binaryFolder()
{
    // Debian keeps the server programs per major version, newest last in name order.
    const QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = lib.filePath(*it + QLatin1String("/bin"));
        if (QFile::exists(bin + QLatin1String("/initdb")) &&
            QFile::exists(bin + QLatin1String("/pg_ctl")))
            return bin;
    }
    return {};
}

bool PostgresServer::run(const QString &program, const QStringList &arguments, QString *error)
{
    QProcess process;
    QString executable = m_bin + u'/' + program;
    QStringList args = arguments;
    if (m_asPostgresUser) {
        args.prepend(executable);
        args.prepend(QStringLiteral("--"));
        args.prepend(QStringLiteral("postgres"));
        args.prepend(QStringLiteral("-u"));
        executable = QStringLiteral("runuser");
    }
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(executable, args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error =
            QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool PostgresServer::start(QString *error)
{
    m_bin = binaryFolder();
    if (m_bin.isEmpty()) {
        *error = QStringLiteral("PostgreSQL is not installed (Debian package postgresql)");
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *error = QStringLiteral(
            "Qt's PostgreSQL driver is not installed (Debian package libqt6sql6-psql)");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot make a temporary folder");
        return false;
    }
    m_asPostgresUser = geteuid() == 0;
    m_data = m_dir.filePath(QStringLiteral("data"));
    if (m_asPostgresUser) {
        QProcess chown;
        chown.start(QStringLiteral("chown"), {QStringLiteral("postgres:"), m_dir.path()});
        if (!chown.waitForFinished() || chown.exitCode() != 0) {
            *error = QStringLiteral("cannot hand the temporary folder to the postgres user");
            return false;
        }
    }
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("-D"), m_data, QStringLiteral("-A"), QStringLiteral("trust"),
              QStringLiteral("-U"), QStringLiteral("bd"), QStringLiteral("-E"),
              QStringLiteral("UTF8"), QStringLiteral("--no-sync")},
             error))
        return false;
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0)) {
                *error = QStringLiteral("cannot find a free port on 127.0.0.1");
                return false;
            }
            m_port = probe.serverPort();
        }
        const QString options = QStringLiteral("-F -p %1 -k %2 -c listen_addresses=127.0.0.1")
                                    .arg(m_port)
                                    .arg(m_dir.path());
        m_running =
            run(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                 m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                 QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
                error);
    }
    return m_running;
}

QString PostgresServer::createDatabase(QString *error)
{
    const QString name = QStringLiteral("cases_%1").arg(++m_databases);
    const QString connection = QUuid::createUuid().toString();
    bool created = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setUserName(QStringLiteral("bd"));
        db.setDatabaseName(QStringLiteral("postgres"));
        if (db.open()) {
            QSqlQuery query(db);
            created = query.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
            if (!created)
                *error = query.lastError().text();
            db.close();
        } else {
            *error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!created)
        return {};
    return QStringLiteral("postgresql://bd@127.0.0.1:%1/%2").arg(m_port).arg(name);
}

} // namespace BounceDoctor::Test
