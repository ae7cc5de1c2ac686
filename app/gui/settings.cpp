#include "settings.h"

#include "bounce/bouncereader.h"

namespace BounceDoctor {
namespace {

const QString recentFilesKey = QStringLiteral("files/recent");
const QString dnsServersKey = QStringLiteral("dns/servers");
const QString dnsTimeoutKey = QStringLiteral("dns/timeoutMs");
const QString dqsKey = QStringLiteral("blocklists/spamhausDqsKey");
const QString blocklistsKey = QStringLiteral("blocklists/zones");
const QString languageKey = QStringLiteral("ui/language");
const QString maxMessageKey = QStringLiteral("limits/maxMessageMegabytes");
const QString maxBatchKey = QStringLiteral("limits/maxBatchMessages");
// The reader's own limit, in megabytes.
constexpr int defaultMaxMessageMegabytes = int(ReaderLimits().maxMessageBytes >> 20);
const QString historyEnabledKey = QStringLiteral("history/enabled");
const QString historyLocationKey = QStringLiteral("history/location");
const QString historyRetentionKey = QStringLiteral("history/retentionDays");
const QString historyBounceTextKey = QStringLiteral("history/storeBounceText");
const QString hidePersonalKey = QStringLiteral("export/hidePersonalData");
const QString lastOpenFolderKey = QStringLiteral("files/lastOpenFolder");
const QString windowGeometryKey = QStringLiteral("ui/windowGeometry");
const QString splitterStateKey = QStringLiteral("ui/splitterState");

} // namespace

Settings::Settings() = default;

QStringList Settings::recentFiles() const
{
    return m_settings.value(recentFilesKey).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    m_settings.setValue(recentFilesKey, files);
}

void Settings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    m_settings.setValue(recentFilesKey, files);
}

void Settings::clearRecentFiles()
{
    m_settings.remove(recentFilesKey);
}

QString Settings::lastOpenFolder() const
{
    return m_settings.value(lastOpenFolderKey).toString();
}

void Settings::setLastOpenFolder(const QString &folder)
{
    m_settings.setValue(lastOpenFolderKey, folder);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(windowGeometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(windowGeometryKey, geometry);
}

QByteArray Settings::splitterState() const
{
    return m_settings.value(splitterStateKey).toByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_settings.setValue(splitterStateKey, state);
}

QStringList Settings::dnsServers() const
{
    return m_settings.value(dnsServersKey).toStringList();
}

void Settings::setDnsServers(const QStringList &servers)
{
    m_settings.setValue(dnsServersKey, servers);
}

int Settings::dnsTimeoutMs() const
{
    return m_settings.value(dnsTimeoutKey, 3000).toInt();
}

void Settings::setDnsTimeoutMs(int milliseconds)
{
    m_settings.setValue(dnsTimeoutKey, milliseconds);
}

QStringList Settings::blocklists() const
{
    return m_settings.value(blocklistsKey).toStringList();
}

bool Settings::hasBlocklistChoice() const
{
    return m_settings.contains(blocklistsKey);
}

void Settings::setBlocklists(const QStringList &zones)
{
    m_settings.setValue(blocklistsKey, zones);
}

QString Settings::spamhausDqsKey() const
{
    return m_settings.value(dqsKey).toString();
}

void Settings::setSpamhausDqsKey(const QString &key)
{
    m_settings.setValue(dqsKey, key);
}

int Settings::maxMessageMegabytes() const
{
    return m_settings.value(maxMessageKey, defaultMaxMessageMegabytes).toInt();
}

void Settings::setMaxMessageMegabytes(int megabytes)
{
    m_settings.setValue(maxMessageKey, megabytes);
}

int Settings::maxBatchMessages() const
{
    // The window keeps every diagnosis it shows: a lower default than the streaming CLI's.
    constexpr int windowDefault = 100000;
    return m_settings.value(maxBatchKey, windowDefault).toInt();
}

void Settings::setMaxBatchMessages(int messages)
{
    m_settings.setValue(maxBatchKey, messages);
}

QString Settings::language() const
{
    return m_settings.value(languageKey).toString();
}

void Settings::setLanguage(const QString &language)
{
    m_settings.setValue(languageKey, language);
}

bool Settings::historyEnabled() const
{
    return m_settings.value(historyEnabledKey, true).toBool();
}

void Settings::setHistoryEnabled(bool enabled)
{
    m_settings.setValue(historyEnabledKey, enabled);
}

QString Settings::historyLocation() const
{
    return m_settings.value(historyLocationKey).toString();
}

void Settings::setHistoryLocation(const QString &location)
{
    m_settings.setValue(historyLocationKey, location.trimmed());
}

int Settings::historyRetentionDays() const
{
    return qMax(0, m_settings.value(historyRetentionKey, 0).toInt());
}

void Settings::setHistoryRetentionDays(int days)
{
    m_settings.setValue(historyRetentionKey, qMax(0, days));
}

bool Settings::historyStoresBounceText() const
{
    return m_settings.value(historyBounceTextKey, true).toBool();
}

void Settings::setHistoryStoresBounceText(bool store)
{
    m_settings.setValue(historyBounceTextKey, store);
}

bool Settings::hidePersonalData() const
{
    return m_settings.value(hidePersonalKey, false).toBool();
}

void Settings::setHidePersonalData(bool hide)
{
    m_settings.setValue(hidePersonalKey, hide);
}

} // namespace BounceDoctor
