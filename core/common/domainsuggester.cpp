#include "domainsuggester.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QtAlgorithms>

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
    , m_domainCounts(countsOf(m_domains))
    , m_secondLevelCounts(countsOf(m_secondLevelNames))
    , m_topLevelCounts(countsOf(m_topLevelDomains))
{}

DomainSuggester::Counts DomainSuggester::countsOf(QStringView word)
{
    // Counts saturate: a difference of saturated counts still never exceeds the real one.
    Counts counts{};
    for (const QChar c : word) {
        quint8 &count = counts.buckets[c.unicode() % counts.buckets.size()];
        if (count < 255)
            ++count;
        counts.present |= quint64(1) << (c.unicode() % 64);
    }
    return counts;
}

QList<DomainSuggester::Counts> DomainSuggester::countsOf(const QStringList &words)
{
    QList<Counts> list;
    list.reserve(words.size());
    for (const QString &word : words)
        list.append(countsOf(word));
    return list;
}

int DomainSuggester::editDistance(const QString &a, const QString &b)
{
    // Three rolling rows instead of a matrix: this runs for every recipient of every bounce.
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<int> previous2(m + 1), previous(m + 1), current(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                current[j] = std::min(current[j], previous2[j - 2] + 1);
        }
        std::swap(previous2, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

namespace {

// editDistance() that gives up as soon as the result must exceed bound (then returns
// bound + 1): a row's smallest entry never decreases from one row to the next, so once it
// passes the bound no later row can come back under it. Only the band of cells within bound
// of the diagonal is computed: a cell further off costs more than bound to reach, so it
// counts as bound + 1 (and no path within bound goes through it). Short words use stack rows.
int boundedEditDistance(QStringView a, QStringView b, int bound)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    const int beyond = bound + 1;
    if (std::abs(n - m) > bound)
        return beyond;
    constexpr qsizetype stackColumns = 64;
    int stackRows[3][stackColumns + 1];
    std::vector<int> heapRows;
    int *previous2 = stackRows[0];
    int *previous = stackRows[1];
    int *current = stackRows[2];
    if (m > stackColumns) {
        heapRows.resize(3 * (m + 1));
        previous2 = heapRows.data();
        previous = previous2 + m + 1;
        current = previous + m + 1;
    }
    const char16_t *x = a.utf16();
    const char16_t *y = b.utf16();
    for (qsizetype j = 0; j <= m; ++j)
        previous[j] = std::min(int(j), beyond);
    for (qsizetype i = 1; i <= n; ++i) {
        const qsizetype low = std::max<qsizetype>(1, i - bound);
        const qsizetype high = std::min<qsizetype>(m, i + bound);
        // The cells either side of the band, which the next rows read.
        current[low - 1] = low == 1 ? std::min(int(i), beyond) : beyond;
        if (high < m)
            current[high + 1] = beyond;
        int rowMinimum = current[low - 1];
        for (qsizetype j = low; j <= high; ++j) {
            const int cost = x[i - 1] == y[j - 1] ? 0 : 1;
            int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                value = std::min(value, previous2[j - 2] + 1);
            value = std::min(value, beyond);
            current[j] = value;
            rowMinimum = std::min(rowMinimum, value);
        }
        if (rowMinimum > bound)
            return beyond;
        std::swap(previous2, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], beyond);
}

} // namespace

QString DomainSuggester::closest(const QString &word, const QStringList &candidates,
                                 const QList<Counts> &counts, int limit) const
{
    QString best;
    int bestDistance = limit + 1;
    const Counts wordCounts = countsOf(word);
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const QString &candidate = candidates.at(i);
        // Lengths further apart than the limit can never be close enough.
        if (std::abs(candidate.size() - word.size()) >= bestDistance)
            continue;
        // Neither can words with too many characters the other lacks: an edit adds, removes
        // or replaces one character, a swap none (a lower bound of the distance).
        const Counts &candidateCounts = counts.at(i);
        if (int(qPopulationCount(wordCounts.present & ~candidateCounts.present)) >= bestDistance ||
            int(qPopulationCount(candidateCounts.present & ~wordCounts.present)) >= bestDistance)
            continue;
        int surplus = 0;
        int shortage = 0;
        for (size_t b = 0; b < wordCounts.buckets.size(); ++b) {
            const int difference = int(wordCounts.buckets[b]) - int(candidateCounts.buckets[b]);
            surplus += std::max(difference, 0);
            shortage += std::max(-difference, 0);
        }
        if (std::max(surplus, shortage) >= bestDistance)
            continue;
        // Only a distance below the best so far matters: stop counting beyond it.
        const int distance = boundedEditDistance(word, candidate, bestDistance - 1);
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

    const QString whole = closest(lower, m_domains, m_domainCounts, limitFor(lower));
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
        const QString candidate =
            closest(secondLevel, m_secondLevelNames, m_secondLevelCounts, limitFor(secondLevel));
        if (!candidate.isEmpty())
            betterSecond = candidate;
    }
    QString betterTop = topLevel;
    if (!m_topLevelSet.contains(topLevel)) {
        const QString candidate = closest(topLevel, m_topLevelDomains, m_topLevelCounts, 1);
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
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return {};
    const QString domain = suggestDomain(address.mid(at + 1));
    if (domain.isEmpty())
        return {};
    return address.left(at + 1) + domain;
}

} // namespace BounceDoctor
