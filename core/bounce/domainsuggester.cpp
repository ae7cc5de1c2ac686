#include "domainsuggester.h"

#include "common/mailaddress.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <cstdlib>
#include <vector>

Q_LOGGING_CATEGORY(lcSuggest, "bouncedoctor.common.suggest", QtInfoMsg)

namespace BounceDoctor {
namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString().toLower());
    return list;
}

DomainSuggester loadEmbedded()
{
    QFile file(QStringLiteral(":/bouncedoctor/knowledge/common-domains.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSuggest) << "common-domains.json is missing from the resources";
        return DomainSuggester({}, {}, {});
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    return DomainSuggester(stringList(root.value(QLatin1String("domains"))),
                           stringList(root.value(QLatin1String("secondLevel"))),
                           stringList(root.value(QLatin1String("topLevel"))));
}

// Short names collide with real, unrelated domains at two edits (acme.com vs aim.com),
// so they only get one. The length that counts is the name's, not its top-level domain's.
int limitFor(const QString &domainOrName)
{
    const qsizetype dot = domainOrName.indexOf(QLatin1Char('.'));
    const qsizetype nameLength = dot < 0 ? domainOrName.size() : dot;
    return nameLength >= 6 ? DomainSuggester::maxDistance : 1;
}

} // namespace

const DomainSuggester &DomainSuggester::instance()
{
    static const DomainSuggester suggester = loadEmbedded();
    return suggester;
}

DomainSuggester::DomainSuggester(QStringList domains, QStringList secondLevelNames,
                                 QStringList topLevelDomains)
    : m_domains(std::move(domains))
    , m_secondLevelNames(std::move(secondLevelNames))
    , m_topLevelDomains(std::move(topLevelDomains))
    , m_domainSet(m_domains.cbegin(), m_domains.cend())
    , m_secondLevelSet(m_secondLevelNames.cbegin(), m_secondLevelNames.cend())
    , m_topLevelSet(m_topLevelDomains.cbegin(), m_topLevelDomains.cend())
{}

int DomainSuggester::editDistance(const QString &a, const QString &b)
{
    // d(i, j): the distance between the first i characters of a and the first j of b.
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<int> cells((n + 1) * (m + 1));
    auto d = [&cells, m](qsizetype i, qsizetype j) -> int & { return cells[i * (m + 1) + j]; };
    for (qsizetype i = 0; i <= n; ++i)
        d(i, 0) = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d(0, j) = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d(i, j) = std::min({d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d(i, j) = std::min(d(i, j), d(i - 2, j - 2) + 1);
        }
    }
    return d(n, m);
}

QString DomainSuggester::closest(const QString &word, const QStringList &candidates, int limit)
{
    // The first of the nearest candidates within the limit.
    QString best;
    int bestDistance = limit + 1;
    for (const QString &candidate : candidates) {
        // Each character more or fewer is an edit: a length further off is never close enough.
        if (std::abs(candidate.size() - word.size()) > limit)
            continue;
        const int distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

QString DomainSuggester::suggestDomain(const QString &domain) const
{
    const QString lower = domain.trimmed().toLower();
    if (lower.isEmpty() || m_domainSet.contains(lower))
        return {};

    const QString whole = closest(lower, m_domains, limitFor(lower));
    if (!whole.isEmpty())
        return whole;

    // Split into second-level name and top-level domain (the longest known suffix wins).
    const qsizetype firstDot = lower.indexOf(QLatin1Char('.'));
    if (firstDot <= 0)
        return {};
    const QString secondLevel = lower.left(firstDot);
    const QString topLevel = lower.mid(firstDot + 1);

    QString betterSecond = secondLevel;
    if (!m_secondLevelSet.contains(secondLevel)) {
        const QString candidate = closest(secondLevel, m_secondLevelNames, limitFor(secondLevel));
        if (!candidate.isEmpty())
            betterSecond = candidate;
    }
    QString betterTop = topLevel;
    if (!m_topLevelSet.contains(topLevel)) {
        const QString candidate = closest(topLevel, m_topLevelDomains, 1);
        if (!candidate.isEmpty())
            betterTop = candidate;
    }
    const QString suggestion = betterSecond + QLatin1Char('.') + betterTop;
    // Only a suggestion that lands on a known mailbox domain is trustworthy; a corrected TLD
    // alone on an unknown name could be anyone's real domain.
    if (suggestion == lower || !m_domainSet.contains(suggestion))
        return {};
    return suggestion;
}

QString DomainSuggester::suggestAddress(const QString &address) const
{
    const QString localPart = MailAddress::localPart(address);
    if (localPart.isEmpty())
        return {};
    const QString domain = suggestDomain(MailAddress::domainPart(address));
    if (domain.isEmpty())
        return {};
    return localPart + QLatin1Char('@') + domain;
}

} // namespace BounceDoctor
