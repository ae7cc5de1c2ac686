#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace BounceDoctor {

/// RFC 7208 §4.6.2: what a matching mechanism yields.
enum class SpfQualifier
{
    Pass,
    Fail,
    SoftFail,
    Neutral
};

enum class SpfMechanism
{
    All,
    Include,
    A,
    Mx,
    Ptr,
    Ip4,
    Ip6,
    Exists
};

/// One mechanism of a record, as written. Domain specs keep their macros unexpanded.
struct SpfTerm
{
    SpfQualifier qualifier = SpfQualifier::Pass;
    SpfMechanism mechanism = SpfMechanism::All;
    QString domainSpec;   ///< include/a/mx/ptr/exists target; empty means the current domain
    QHostAddress network; ///< ip4/ip6
    int cidr4 = 32;       ///< ip4, and the IPv4 part of a/mx dual-cidr
    int cidr6 = 128;      ///< ip6, and the IPv6 part of a/mx dual-cidr
    QString text;         ///< the term exactly as written, for traces

    bool queriesDns() const;
};

/// A parsed "v=spf1" record. When error is set the record is a permerror as a whole.
struct SpfRecord
{
    QList<SpfTerm> terms;
    std::optional<QString> redirect;
    std::optional<QString> explanation; ///< exp= domain spec
    QStringList unknownModifiers;       ///< name=value, kept for the linter
    QString error;                      ///< plain words naming the first syntax error

    bool isValid() const { return error.isEmpty(); }
    int dnsQueryingTerms() const; ///< include, a, mx, ptr, exists and redirect
};

/// True for "v=spf1" alone or followed by a space (case-insensitive), RFC 7208 §4.5.
bool isSpfRecordText(const QString &text);
SpfRecord parseSpfRecord(const QString &text);
QString spfQualifierSymbol(SpfQualifier qualifier);
QString spfMechanismName(SpfMechanism mechanism);

/// The values SPF macros expand to (RFC 7208 §7.2).
struct SpfMacroContext
{
    QString sender; ///< local-part@domain (postmaster@helo when MAIL FROM was empty)
    QString domain; ///< the current <domain> of check_host()
    QHostAddress ip;
    QString helo;
    QString validatedName = QStringLiteral("unknown"); ///< %{p}
    QString receiver = QStringLiteral("unknown");      ///< %{r}
    qint64 timestamp = 0;                              ///< %{t}
};

/// The longest value a macro letter may expand to: a mail address (64 + 1 + 255) at most.
constexpr qsizetype spfMaxMacroValue = 320;
/// The longest explanation (exp=) kept; longer ones end in "…".
constexpr qsizetype spfMaxExplanation = 500;

/// Expands a macro-string. Returns nothing and sets error on a syntax error or a letter whose
/// value is longer than spfMaxMacroValue; inExplanation allows the c, r and t letters and cuts
/// the result at spfMaxExplanation. Domain results longer than 253 characters lose labels on
/// the left (§7.3).
std::optional<QString> expandSpfMacros(const QString &macroString, const SpfMacroContext &context,
                                       bool inExplanation, QString *error = nullptr);

/// Syntax only: a macro-string whose expansion can be a domain (domain-spec of §7.1).
bool isValidSpfDomainSpec(const QString &spec, QString *error = nullptr);

/// An IP address as SPF compares it: IPv4-mapped IPv6 becomes IPv4.
QHostAddress spfNormalizedAddress(const QHostAddress &address);

} // namespace BounceDoctor
