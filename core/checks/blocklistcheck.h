#pragma once

#include "check.h"

#include <QStringList>

namespace BounceDoctor {

/// Which blocklists BlocklistCheck asks (outside the class: a nested struct with member
/// initialisers cannot be a default argument of the class's own constructor).
struct BlocklistOptions
{
    QStringList zones;       ///< zones to ask; empty: every default zone of the data file
    QString spamhausDqsKey;  ///< with a key, Spamhaus is asked through its DQS service
    bool exactZones = false; ///< ask exactly `zones`, even when empty (the user chose none)
};

/// Step 2: is the sending IP or domain on a public blocklist, and does the IP have forward-
/// confirmed reverse DNS? Error answers of a list are "could not check", never "listed".
class BlocklistCheck final : public Check
{
    Q_OBJECT

public:
    using Options = BlocklistOptions;

    explicit BlocklistCheck(DnsResolver *resolver, Options options = {}, QObject *parent = nullptr);

    CheckStep step() const override { return CheckStep::Blocklists; }
    void start(const CheckInput &input) override;

    struct ZoneInfo
    {
        QString zone;
        QString name;
        bool ipZone = true;
        bool isDefault = true;
    };
    /// Every blocklist the data file knows, for settings.
    static QList<ZoneInfo> availableZones();

    /// "4.3.2.1" for 1.2.3.4; reversed nibbles for IPv6; empty when ip is not an address.
    static QString reversedName(const QString &ip);

private:
    void checkReverseDns(const QString &ip);

    Options m_options;
};

} // namespace BounceDoctor
