#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace BounceDoctor {

/// The one place settings are read and written, typed (KeePassXC-style), so keys and defaults
/// are not scattered through the code.
class Settings final
{
public:
    Settings();

    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    void clearRecentFiles();
    QString lastOpenFolder() const; ///< where the Open dialogs start
    void setLastOpenFolder(const QString &folder);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    QStringList dnsServers() const;
    void setDnsServers(const QStringList &servers);
    int dnsTimeoutMs() const;
    void setDnsTimeoutMs(int milliseconds);
    /// Blocklist zones to ask, when the user has chosen (hasBlocklistChoice); else the defaults.
    QStringList blocklists() const;
    bool hasBlocklistChoice() const;
    void setBlocklists(const QStringList &zones);
    QString spamhausDqsKey() const;
    void setSpamhausDqsKey(const QString &key);
    int maxMessageMegabytes() const; ///< larger messages are refused
    void setMaxMessageMegabytes(int megabytes);
    int maxBatchMessages() const; ///< one opening reads at most this many messages
    void setMaxBatchMessages(int messages);
    QString language() const; ///< empty: follow the system
    void setLanguage(const QString &language);

    /// Whether diagnoses are kept as cases in the history.
    bool historyEnabled() const;
    void setHistoryEnabled(bool enabled);
    /// Where the history is: empty for the SQLite file under the user's data folder, else a
    /// file path or a PostgreSQL URL (postgresql://user:password@host:port/database).
    QString historyLocation() const;
    void setHistoryLocation(const QString &location);
    /// Cases older than this many days are deleted at start-up; 0 keeps them forever.
    int historyRetentionDays() const;
    void setHistoryRetentionDays(int days);
    /// Whether a case keeps the bounce's own text (size-capped), besides its diagnosis.
    bool historyStoresBounceText() const;
    /// Whether reports, ticket texts and hand-overs mask recipients, the sender and the subject.
    bool hidePersonalData() const;
    void setHidePersonalData(bool hide);
    void setHistoryStoresBounceText(bool store);

    static constexpr int maxRecentFiles = 10;

private:
    QSettings m_settings;
};

} // namespace BounceDoctor
