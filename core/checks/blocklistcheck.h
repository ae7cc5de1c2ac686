#pragma once

#include "check.h"

#include <QStringList>

namespace BounceDoctor {

struct BlocklistZone;

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
    /// The answers for one list: the subject and the list's two test points.
    struct ZoneAnswers
    {
        DnsAnswer subject;
        DnsAnswer listed;   ///< a test point the list always lists
        DnsAnswer unlisted; ///< a test point the list never lists
        int count = 0;
    };
    void reportZone(const BlocklistZone &zone, const QString &shown, const CheckedValue &checked,
                    const ZoneAnswers &answers);
    /// Why the test points show that the DNS server does not give the list's answers, or empty.
    /// refusal: the reason is the list's own error code (e.g. Spamhaus' "public resolver").
    static QString testPointProblem(const BlocklistZone &zone, const ZoneAnswers &answers,
                                    bool *refusal);
    void reportProviderBlocklist(const CheckInput &input);
    void checkReverseDns(const QString &ip);

    Options m_options;
};

} // namespace BounceDoctor
