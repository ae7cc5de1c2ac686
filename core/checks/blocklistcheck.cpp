#include "blocklistcheck.h"

#include "bounce/knowledgebase.h"
#include "common/mailaddress.h"
#include "report/helppages.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QUrl>

namespace BounceDoctor {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct BlocklistCheckTr
{
    Q_DECLARE_TR_FUNCTIONS(BlocklistCheckTr)
};

} // namespace

struct BlocklistZone
{
    QString zone;
    QString name;
    bool ipZone = true;
    bool isDefault = true;
    bool bitmask = false;
    QString dqs;
    QUrl delist;
    QJsonObject codes;
    QJsonObject errors;
    // RFC 5782 section 5 test points, or the list's own documented ones: as typed (an IP list's
    // in forward order), asked under the zone like the real subject.
    QString testListed;
    QString testUnlisted;
};

namespace {

using Zone = BlocklistZone;

const QList<Zone> &zones()
{
    static const QList<Zone> list = [] {
        QList<Zone> result;
        const QJsonArray array = KnowledgeBase::document(QStringLiteral("blocklists.json"))
                                     .value(QLatin1String("zones"))
                                     .toArray();
        for (const QJsonValue &value : array) {
            const QJsonObject o = value.toObject();
            Zone z;
            z.zone = o.value(QLatin1String("zone")).toString();
            z.name = o.value(QLatin1String("name")).toString();
            z.ipZone = o.value(QLatin1String("kind")).toString() == QLatin1String("ip");
            z.isDefault = o.value(QLatin1String("default")).toBool(true);
            z.bitmask = o.value(QLatin1String("bitmask")).toBool();
            z.dqs = o.value(QLatin1String("dqs")).toString();
            z.delist = QUrl(o.value(QLatin1String("delist")).toString());
            z.codes = o.value(QLatin1String("codes")).toObject();
            z.errors = o.value(QLatin1String("errors")).toObject();
            z.testListed =
                o.value(QLatin1String("testListed"))
                    .toString(z.ipZone ? QStringLiteral("127.0.0.2") : QStringLiteral("test"));
            z.testUnlisted =
                o.value(QLatin1String("testUnlisted"))
                    .toString(z.ipZone ? QStringLiteral("127.0.0.1") : QStringLiteral("invalid"));
            result.append(z);
        }
        return result;
    }();
    return list;
}

// What an answer of 127.x.y.z means for this zone: an error text, or a listing text, or neither.
void interpret(const Zone &zone, const QString &answer, QString *error, QString *listing)
{
    if (!answer.startsWith(QLatin1String("127."))) {
        *error =
            BlocklistCheckTr::tr(
                "the answer %1 is not a blocklist code (is your DNS server redirecting unknown "
                "names?)")
                .arg(answer);
        return;
    }
    if (!zone.bitmask) {
        if (zone.errors.contains(answer))
            *error = KnowledgeBase::translated(zone.errors.value(answer).toString());
        else
            *listing = zone.codes.contains(answer)
                           ? KnowledgeBase::translated(zone.codes.value(answer).toString())
                           : BlocklistCheckTr::tr("listed (code %1)").arg(answer);
        return;
    }
    const int bits = answer.section(QLatin1Char('.'), 3, 3).toInt();
    QStringList meanings;
    for (auto it = zone.errors.begin(); it != zone.errors.end(); ++it) {
        if (bits & it.key().toInt()) {
            *error = KnowledgeBase::translated(it.value().toString());
            return;
        }
    }
    for (auto it = zone.codes.begin(); it != zone.codes.end(); ++it) {
        if (bits & it.key().toInt())
            meanings.append(KnowledgeBase::translated(it.value().toString()));
    }
    *listing = meanings.isEmpty() ? BlocklistCheckTr::tr("listed (code %1)").arg(answer)
                                  : meanings.join(QStringLiteral(", "));
}

} // namespace

BlocklistCheck::BlocklistCheck(DnsResolver *resolver, Options options, QObject *parent)
    : Check(resolver, parent)
    , m_options(std::move(options))
{}

QList<BlocklistCheck::ZoneInfo> BlocklistCheck::availableZones()
{
    QList<ZoneInfo> list;
    for (const Zone &zone : zones())
        list.append({zone.zone, zone.name, zone.ipZone, zone.isDefault});
    return list;
}

QString BlocklistCheck::reversedName(const QString &ip)
{
    QHostAddress address;
    if (!address.setAddress(ip.trimmed()))
        return {};
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        return QStringLiteral("%1.%2.%3.%4")
            .arg(v4 & 0xff)
            .arg((v4 >> 8) & 0xff)
            .arg((v4 >> 16) & 0xff)
            .arg(v4 >> 24);
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    QStringList nibbles;
    for (int i = 15; i >= 0; --i) {
        nibbles.append(QString::number(v6[i] & 0x0f, 16));
        nibbles.append(QString::number((v6[i] >> 4) & 0x0f, 16));
    }
    return nibbles.join(QLatin1Char('.'));
}

void BlocklistCheck::start(const CheckInput &input)
{
    const QString reversed = reversedName(input.sendingIp);
    const QString domain = input.sendingDomain.isEmpty()
                               ? QString()
                               : MailAddress::organizationalDomain(input.sendingDomain);
    if (reversed.isEmpty() && domain.isEmpty()) {
        Finding f;
        f.id = QStringLiteral("dnsbl.input");
        f.status = FindingStatus::CouldNotCheck;
        f.title =
            BlocklistCheckTr::tr("Nothing to check: the bounce shows no sending IP or domain.");
        f.detail = BlocklistCheckTr::tr(
            "Type your sending IP address (ask your email provider if you do not know "
            "it) and your domain, then run the check.");
        report(f);
        finishIfIdle();
        return;
    }
    if (!input.sendingIp.isEmpty() && reversed.isEmpty()) {
        Finding f;
        f.id = QStringLiteral("dnsbl.input");
        f.status = FindingStatus::Problem;
        f.title = BlocklistCheckTr::tr("'%1' is not an IP address.").arg(input.sendingIp);
        report(f);
    }

    for (const Zone &zone : zones()) {
        const bool defaults = m_options.zones.isEmpty() && !m_options.exactZones;
        if (defaults ? !zone.isDefault : !m_options.zones.contains(zone.zone))
            continue;
        const QString subject = zone.ipZone ? reversed : domain;
        if (subject.isEmpty())
            continue;
        const bool viaDqs = !m_options.spamhausDqsKey.isEmpty() && !zone.dqs.isEmpty();
        const QString zoneName =
            viaDqs ? m_options.spamhausDqsKey + QLatin1Char('.') + zone.dqs : zone.zone;
        const QString shown = zone.ipZone ? input.sendingIp : domain;
        const CheckedValue checked =
            zone.ipZone
                ? CheckedValue{QStringLiteral("ip"), input.sendingIp.trimmed(),
                               originOf(input, TypedField::SendingIp)}
                : CheckedValue{QStringLiteral("domain"), domain, input.sendingDomainOrigin()};
        // The list's test points are asked alongside: a DNS server that does not give the
        // list's answers for them cannot be believed for the real subject either.
        auto answers = std::make_shared<ZoneAnswers>();
        auto done = [this, zone, shown, checked, answers] {
            if (++answers->count == 3)
                reportZone(zone, shown, checked, *answers);
        };
        const QString listed = zone.ipZone ? reversedName(zone.testListed) : zone.testListed;
        const QString unlisted = zone.ipZone ? reversedName(zone.testUnlisted) : zone.testUnlisted;
        ask(subject + QLatin1Char('.') + zoneName, DnsType::A,
            [answers, done](const DnsAnswer &answer) {
                answers->subject = answer;
                done();
            });
        ask(listed + QLatin1Char('.') + zoneName, DnsType::A,
            [answers, done](const DnsAnswer &answer) {
                answers->listed = answer;
                done();
            });
        ask(unlisted + QLatin1Char('.') + zoneName, DnsType::A,
            [answers, done](const DnsAnswer &answer) {
                answers->unlisted = answer;
                done();
            });
    }
    setChecked({{QStringLiteral("ip"), input.sendingIp.trimmed(),
                 originOf(input, TypedField::SendingIp)}});
    reportProviderBlocklist(input);
    if (!reversed.isEmpty())
        checkReverseDns(input.sendingIp.trimmed());
    finishIfIdle();
}

void BlocklistCheck::reportZone(const BlocklistZone &zone, const QString &shown,
                                const CheckedValue &checked, const ZoneAnswers &answers)
{
    const DnsAnswer &answer = answers.subject;
    Finding f;
    f.checked = {checked};
    f.id = QStringLiteral("dnsbl.") + zone.zone;
    f.about = zone.name;
    f.evidence = {dnsEvidence(answer), dnsEvidence(answers.listed), dnsEvidence(answers.unlisted)};
    f.link = zone.delist;
    if (!answer.answered()) {
        Finding failed = couldNotCheck(f.id, zone.name, answer);
        failed.evidence = f.evidence;
        failed.checked = f.checked;
        report(failed);
        return;
    }
    QString error;
    QStringList listings;
    for (const DnsRecord &record : answer.records) {
        QString listing;
        interpret(zone, record.value, &error, &listing);
        if (!error.isEmpty())
            break;
        listings.append(listing);
    }
    bool refusal = false;
    const QString testProblem = testPointProblem(zone, answers, &refusal);
    if (!error.isEmpty() || !testProblem.isEmpty()) {
        f.status = FindingStatus::CouldNotCheck;
        f.basis = FindingBasis::DnsRecords;
        if (!error.isEmpty() || refusal)
            f.title = BlocklistCheckTr::tr("Could not check %1: %2.")
                          .arg(zone.name, error.isEmpty() ? testProblem : error);
        else
            f.title = BlocklistCheckTr::tr("Could not check %1: your DNS server does not give "
                                           "this list's answers (%2).")
                          .arg(zone.name, testProblem);
        f.detail =
            zone.zone.contains(QLatin1String("spamhaus"))
                ? BlocklistCheckTr::tr(
                      "Spamhaus answers only queries from your own DNS resolver, not public ones "
                      "such as 1.1.1.1 or 8.8.8.8. Use your own or your provider's resolver, or "
                      "enter a free Spamhaus DQS key in Settings.")
                : BlocklistCheckTr::tr(
                      "Ask through your own or your internet provider's DNS server instead of a "
                      "public or filtering one, or look the address up on the list's web page.");
        report(f);
        return;
    }
    if (listings.isEmpty()) {
        f.status = FindingStatus::Ok;
        f.basis = FindingBasis::DnsAbsence;
        f.title = BlocklistCheckTr::tr("%1 is not on %2.").arg(shown, zone.name);
        f.link.clear();
        report(f);
        return;
    }
    f.status = FindingStatus::Problem;
    f.basis = FindingBasis::DnsRecords;
    f.title = BlocklistCheckTr::tr("%1 is listed on %2: %3.")
                  .arg(shown, zone.name, listings.join(QStringLiteral("; ")));
    f.detail = BlocklistCheckTr::tr(
        "Receiving servers that use this list refuse your mail. Fix the cause (a compromised "
        "account, a spam complaint, an open relay), then ask for removal on the list's page.");
    report(f);
}

QString BlocklistCheck::testPointProblem(const BlocklistZone &zone, const ZoneAnswers &answers,
                                         bool *refusal)
{
    QString error;
    QString listing;
    for (const DnsRecord &record : answers.unlisted.records) {
        interpret(zone, record.value, &error, &listing);
        if (!error.isEmpty()) {
            *refusal = true; // the list's own error code, e.g. Spamhaus' "public resolver"
            return error;
        }
    }
    for (const DnsRecord &record : answers.listed.records) {
        interpret(zone, record.value, &error, &listing);
        if (!error.isEmpty()) {
            *refusal = true;
            return error;
        }
    }
    if (!answers.unlisted.answered() || !answers.listed.answered())
        return BlocklistCheckTr::tr("its test entries got no answer");
    if (!answers.unlisted.records.isEmpty())
        return BlocklistCheckTr::tr("it says %1, which the list never lists, is listed")
            .arg(zone.testUnlisted);
    if (answers.listed.records.isEmpty())
        return BlocklistCheckTr::tr("it says %1, which the list always lists, is not listed")
            .arg(zone.testListed);
    return {};
}

void BlocklistCheck::reportProviderBlocklist(const CheckInput &input)
{
    // A mailbox provider that refused the IP from its own list (Microsoft's S3150, ...): no
    // public list shows that, only the provider's own form lifts it.
    const RecipientDiagnosis &r = input.diagnosis;
    if (r.detail != QLatin1String("ip-blocklist") && r.reason != QLatin1String("blocked"))
        return;
    if (!r.blocklist.isEmpty()) // the reply names a public list: that list is the one to ask
        return;
    const HelpPages::Provider provider = HelpPages::provider(r.provider);
    for (const HelpPages::Page &page : provider.pages) {
        if (page.kind != QLatin1String("delist") && page.kind != QLatin1String("reputation"))
            continue;
        Finding f;
        f.id = QStringLiteral("dnsbl.provider.") + page.kind;
        f.status = FindingStatus::Info;
        f.title = page.title;
        f.detail = page.kind == QLatin1String("delist")
                       ? BlocklistCheckTr::tr("%1 refused the mail from its own block list, which "
                                              "public blocklists do not show. Once the cause is "
                                              "fixed, ask %1 to lift the block on this page.")
                             .arg(provider.name)
                       : BlocklistCheckTr::tr("How %1 sees the mail from your IP addresses, to "
                                              "find the cause of the block.")
                             .arg(provider.name);
        f.link = page.url;
        report(f);
    }
}

void BlocklistCheck::checkReverseDns(const QString &ip)
{
    const QHostAddress address(ip);
    const QString arpa = reversedName(ip) + (address.protocol() == QAbstractSocket::IPv4Protocol
                                                 ? QStringLiteral(".in-addr.arpa")
                                                 : QStringLiteral(".ip6.arpa"));
    ask(arpa, DnsType::PTR, [this, ip, address](const DnsAnswer &answer) {
        Finding f;
        f.id = QStringLiteral("rdns");
        f.about = BlocklistCheckTr::tr("the reverse DNS of %1").arg(ip);
        f.basis = FindingBasis::DnsAbsence;
        f.evidence.append(dnsEvidence(answer));
        if (!answer.answered()) {
            report(
                couldNotCheck(f.id, BlocklistCheckTr::tr("the reverse DNS of %1").arg(ip), answer));
            return;
        }
        if (answer.records.isEmpty()) {
            f.status = FindingStatus::Problem;
            f.title = BlocklistCheckTr::tr("%1 has no reverse DNS name (PTR).").arg(ip);
            f.detail = BlocklistCheckTr::tr(
                "Many receiving servers refuse mail from addresses without one. Ask "
                "whoever provides the IP address (hosting or internet provider) to set a "
                "PTR record naming your mail server.");
            report(f);
            return;
        }
        const QString name = answer.records.first().value;
        const DnsType type =
            address.protocol() == QAbstractSocket::IPv4Protocol ? DnsType::A : DnsType::AAAA;
        ask(name, type,
            [this, ip, name, address, first = dnsEvidence(answer)](const DnsAnswer &forward) {
                Finding g;
                g.id = QStringLiteral("rdns");
                g.about = BlocklistCheckTr::tr("the reverse DNS of %1").arg(ip);
                g.evidence = {first, dnsEvidence(forward)};
                if (!forward.answered()) {
                    report(couldNotCheck(g.id, BlocklistCheckTr::tr("the address of %1").arg(name),
                                         forward));
                    return;
                }
                bool confirmed = false;
                for (const DnsRecord &record : forward.records)
                    confirmed = confirmed || QHostAddress(record.value) == address;
                g.status = confirmed ? FindingStatus::Ok : FindingStatus::Warning;
                g.basis = confirmed ? FindingBasis::DnsRecords : FindingBasis::DnsAbsence;
                g.title =
                    confirmed
                        ? BlocklistCheckTr::tr(
                              "%1 has reverse DNS %2, and it points back (forward-confirmed).")
                              .arg(ip, name)
                        : BlocklistCheckTr::tr(
                              "%1 has reverse DNS %2, but that name does not point back to it.")
                              .arg(ip, name);
                if (!confirmed)
                    g.detail = BlocklistCheckTr::tr(
                                   "Receivers such as Microsoft and Gmail expect the PTR name to "
                                   "resolve to "
                                   "the same IP address. Add an A (or AAAA) record for %1.")
                                   .arg(name);
                report(g);
            });
    });
}

} // namespace BounceDoctor
