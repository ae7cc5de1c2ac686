#include "dnsmasqserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

namespace BounceDoctor::Test {

DnsmasqServer::DnsmasqServer(QStringList zoneLines, QStringList localDomains, WellKnown wellKnown)
    : m_zoneLines(std::move(zoneLines))
    , m_localDomains(std::move(localDomains))
{
    if (wellKnown == WellKnown::Answered) {
        m_zoneLines.append(QStringLiteral("host-record=a.root-servers.net,198.41.0.4"));
        m_zoneLines.append(QStringLiteral("host-record=b.root-servers.net,170.247.170.2"));
        m_localDomains.append(QStringLiteral("root-servers.net"));
    }
}

QStringList DnsmasqServer::wellKnownNames()
{
    return {QStringLiteral("a.root-servers.net"), QStringLiteral("b.root-servers.net")};
}

DnsmasqServer::~DnsmasqServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

QString DnsmasqServer::binary()
{
    QString path = QStandardPaths::findExecutable(QStringLiteral("dnsmasq"));
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            QStringLiteral("dnsmasq"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

bool DnsmasqServer::start(QString *error)
{
    const QString program = binary();
    if (program.isEmpty()) {
        *error = QStringLiteral("dnsmasq is not installed (Debian package dnsmasq-base)");
        return false;
    }
    for (int attempt = 0; attempt < 5; ++attempt) {
        {
            // Ask the kernel for a free port, then hand it to dnsmasq.
            QUdpSocket probe;
            if (!probe.bind(QHostAddress::LocalHost, 0)) {
                *error = QStringLiteral("cannot find a free port on 127.0.0.1");
                return false;
            }
            m_port = probe.localPort();
        }
        const QString conf = m_dir.filePath(QStringLiteral("dnsmasq.conf"));
        QFile file(conf);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("cannot write %1").arg(conf);
            return false;
        }
        QStringList lines = m_zoneLines;
        for (const QString &domain : std::as_const(m_localDomains))
            lines.append(QStringLiteral("local=/%1/").arg(domain));
        file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
        file.close();

        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(
            program,
            {QStringLiteral("--keep-in-foreground"), QStringLiteral("--port=%1").arg(m_port),
             QStringLiteral("--listen-address=127.0.0.1"), QStringLiteral("--bind-interfaces"),
             QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"),
             QStringLiteral("--conf-file=") + conf, QStringLiteral("--pid-file="),
             QStringLiteral("--user=root"), QStringLiteral("--cache-size=0")});
        if (!m_process.waitForStarted(3000)) {
            *error = QStringLiteral("dnsmasq did not start: %1").arg(m_process.errorString());
            return false;
        }
        // Listening once the port is taken.
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 3000 && m_process.state() == QProcess::Running) {
            QUdpSocket check;
            if (!check.bind(QHostAddress::LocalHost, m_port))
                return true;
            check.close();
            QThread::msleep(20);
        }
        const QString output = QString::fromUtf8(m_process.readAll());
        m_process.kill();
        m_process.waitForFinished(1000);
        *error = QStringLiteral("dnsmasq did not listen on port %1: %2").arg(m_port).arg(output);
    }
    return false;
}

SilentDnsPort::SilentDnsPort()
{
    m_socket.bind(QHostAddress::LocalHost, 0);
}

} // namespace BounceDoctor::Test
