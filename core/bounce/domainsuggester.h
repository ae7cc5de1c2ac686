#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace BounceDoctor {

/// Suggests the common mailbox domain a user most likely meant (gmial.com -> gmail.com),
/// Mailcheck-style: the whole domain against known domains first, then the second-level name
/// and the top-level domain separately. The lists are data (knowledge/common-domains.json).
class DomainSuggester final
{
public:
    /// The suggester built from the embedded knowledge file, loaded once.
    static const DomainSuggester &instance();

    DomainSuggester(QStringList domains, QStringList secondLevelNames, QStringList topLevelDomains);

    /// The corrected domain, or an empty string when domain is known or nothing is close enough.
    QString suggestDomain(const QString &domain) const;

    /// The address with its domain corrected, or an empty string when there is no suggestion.
    QString suggestAddress(const QString &address) const;

    /// Optimal string alignment distance: edits, where swapping two neighbours is one edit.
    static int editDistance(const QString &a, const QString &b);

    static constexpr int maxDistance = 2;

private:
    /// The first candidate nearest to word, at most limit edits away, or empty.
    static QString closest(const QString &word, const QStringList &candidates, int limit);

    QStringList m_domains;
    QStringList m_secondLevelNames;
    QStringList m_topLevelDomains;
    // The same lists as sets: membership is asked for every recipient.
    QSet<QString> m_domainSet;
    QSet<QString> m_secondLevelSet;
    QSet<QString> m_topLevelSet;
};

} // namespace BounceDoctor
