#include "spfrecord.h"

#include "common/enumnames.h"
#include "common/mailaddress.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrl>

namespace BounceDoctor {

namespace {

// Gives lupdate a context for the messages of this file.
class SpfRecordTr
{
    Q_DECLARE_TR_FUNCTIONS(SpfRecordTr)
};

bool isAlpha(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAlphaNum(QChar c)
{
    return isAlpha(c) || isDigit(c);
}

// Walks a macro-string (§7.1) calling literal(text) and macro(letter, digits, reverse,
// delimiters, upper) for each piece. Returns false with an error on bad syntax.
template<typename Literal, typename Macro>
bool walkMacroString(const QString &text, QString *error, Literal literal, Macro macro,
                     bool allowSpace = false)
{
    int i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if ((c.unicode() < 0x21 && !(allowSpace && c == QLatin1Char(' '))) || c.unicode() > 0x7e) {
            *error = SpfRecordTr::tr("character not allowed in a macro string");
            return false;
        }
        if (c != QLatin1Char('%')) {
            literal(QString(c));
            ++i;
            continue;
        }
        if (i + 1 >= text.size()) {
            *error = SpfRecordTr::tr("a lone '%' at the end");
            return false;
        }
        const QChar next = text.at(i + 1);
        if (next == QLatin1Char('%')) {
            literal(QStringLiteral("%"));
            i += 2;
            continue;
        }
        if (next == QLatin1Char('_')) {
            literal(QStringLiteral(" "));
            i += 2;
            continue;
        }
        if (next == QLatin1Char('-')) {
            literal(QStringLiteral("%20"));
            i += 2;
            continue;
        }
        if (next != QLatin1Char('{')) {
            *error = SpfRecordTr::tr("'%' must be followed by '{', '%', '_' or '-'");
            return false;
        }
        const int close = text.indexOf(QLatin1Char('}'), i + 2);
        if (close < 0) {
            *error = SpfRecordTr::tr("a macro '%{' is not closed");
            return false;
        }
        const QString body = text.mid(i + 2, close - i - 2);
        if (body.isEmpty() || !isAlpha(body.at(0))) {
            *error = SpfRecordTr::tr("a macro needs a letter");
            return false;
        }
        int j = 1;
        QString digits;
        while (j < body.size() && isDigit(body.at(j)))
            digits += body.at(j++);
        bool reverse = false;
        if (j < body.size() && body.at(j).toLower() == QLatin1Char('r')) {
            reverse = true;
            ++j;
        }
        const QString delimiters = body.mid(j);
        for (const QChar d : delimiters) {
            if (!QStringLiteral(".-+,/_=").contains(d)) {
                *error = SpfRecordTr::tr("unknown macro delimiter");
                return false;
            }
        }
        int count = -1;
        if (!digits.isEmpty()) {
            bool ok = false;
            count = digits.toInt(&ok);
            if (!ok || count == 0) {
                *error = SpfRecordTr::tr("a macro keeps zero labels");
                return false;
            }
        }
        if (!macro(body.at(0), count, reverse, delimiters, error))
            return false;
        i = close + 1;
    }
    return true;
}

bool isToplabel(const QString &label)
{
    if (label.isEmpty())
        return false;
    bool hasAlpha = false;
    for (const QChar c : label) {
        if (isAlpha(c))
            hasAlpha = true;
        else if (!isDigit(c) && c != QLatin1Char('-'))
            return false;
    }
    if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
        return false;
    return hasAlpha || label.contains(QLatin1Char('-'));
}

bool parseCidr(const QString &text, int max, int *value)
{
    if (text.isEmpty() || text.size() > 3)
        return false;
    for (const QChar c : text) {
        if (!isDigit(c))
            return false;
    }
    if (text.size() > 1 && text.startsWith(QLatin1Char('0')))
        return false;
    *value = text.toInt();
    return *value <= max;
}

// Splits "spec/24//64" into the spec and its CIDR lengths.
bool splitDualCidr(const QString &text, QString *spec, SpfTerm *term, QString *error)
{
    QString rest = text;
    auto allDigits = [](const QString &s) {
        if (s.isEmpty())
            return false;
        for (const QChar c : s) {
            if (!isDigit(c))
                return false;
        }
        return true;
    };
    const int dual = rest.lastIndexOf(QStringLiteral("//"));
    if (dual >= 0 && (allDigits(rest.mid(dual + 2)) || rest.size() == dual + 2)) {
        if (!parseCidr(rest.mid(dual + 2), 128, &term->cidr6)) {
            *error = SpfRecordTr::tr("bad IPv6 prefix length");
            return false;
        }
        rest.truncate(dual);
    }
    const int slash = rest.lastIndexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString after = rest.mid(slash + 1);
        // A domain may contain '/' ("foo:bar/baz.example.com"); only a trailing run of
        // digits (or nothing) is a prefix length.
        if (allDigits(after) || after.isEmpty()) {
            if (!parseCidr(after, 32, &term->cidr4)) {
                *error = SpfRecordTr::tr("bad IPv4 prefix length");
                return false;
            }
            rest.truncate(slash);
        }
    }
    *spec = rest;
    return true;
}

} // namespace

bool SpfTerm::queriesDns() const
{
    switch (mechanism) {
    case SpfMechanism::Include:
    case SpfMechanism::A:
    case SpfMechanism::Mx:
    case SpfMechanism::Ptr:
    case SpfMechanism::Exists:
        return true;
    default:
        return false;
    }
}

int SpfRecord::dnsQueryingTerms() const
{
    int count = redirect ? 1 : 0;
    for (const SpfTerm &term : terms)
        count += term.queriesDns() ? 1 : 0;
    return count;
}

bool isSpfRecordText(const QString &text)
{
    if (!text.startsWith(QLatin1String("v=spf1"), Qt::CaseInsensitive))
        return false;
    return text.size() == 6 || text.at(6) == QLatin1Char(' ');
}

constexpr std::array spfQualifierSymbols{
    std::pair{SpfQualifier::Pass, "+"},
    std::pair{SpfQualifier::Fail, "-"},
    std::pair{SpfQualifier::SoftFail, "~"},
    std::pair{SpfQualifier::Neutral, "?"},
};

QString spfQualifierSymbol(SpfQualifier qualifier)
{
    return enumName(spfQualifierSymbols, qualifier);
}

constexpr std::array spfMechanismNames{
    std::pair{SpfMechanism::All, "all"}, std::pair{SpfMechanism::Include, "include"},
    std::pair{SpfMechanism::A, "a"},     std::pair{SpfMechanism::Mx, "mx"},
    std::pair{SpfMechanism::Ptr, "ptr"}, std::pair{SpfMechanism::Ip4, "ip4"},
    std::pair{SpfMechanism::Ip6, "ip6"}, std::pair{SpfMechanism::Exists, "exists"},
};

QString spfMechanismName(SpfMechanism mechanism)
{
    return enumName(spfMechanismNames, mechanism);
}

bool isValidSpfDomainSpec(const QString &spec, QString *error)
{
    QString localError;
    QString *err = error ? error : &localError;
    if (spec.isEmpty()) {
        *err = SpfRecordTr::tr("empty domain");
        return false;
    }
    // Track whether the string ends with a macro, else its last label must be a toplabel.
    bool endsWithMacro = false;
    QString tail;
    const bool ok = walkMacroString(
        spec, err,
        [&](const QString &literal) {
            tail += literal;
            endsWithMacro = false;
        },
        [&](QChar letter, int, bool, const QString &, QString *e) {
            const QChar l = letter.toLower();
            if (!QStringLiteral("slodiphv").contains(l)) {
                *e = SpfRecordTr::tr("macro letter not allowed in a domain");
                return false;
            }
            tail.clear();
            endsWithMacro = true;
            return true;
        });
    if (!ok)
        return false;
    if (endsWithMacro)
        return true;
    // %% %_ %- expand to literals but are macro-expands in the grammar.
    if (spec.endsWith(QLatin1String("%%")) || spec.endsWith(QLatin1String("%_")) ||
        spec.endsWith(QLatin1String("%-")))
        return true;
    QString domain = tail;
    if (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    const int dot = domain.lastIndexOf(QLatin1Char('.'));
    if (dot < 0 || !isToplabel(domain.mid(dot + 1))) {
        *err = SpfRecordTr::tr("the domain does not end in a valid top-level label");
        return false;
    }
    return true;
}

SpfRecord parseSpfRecord(const QString &text)
{
    SpfRecord record;
    for (const QChar c : text) {
        if (c.unicode() > 0x7e || (c.unicode() < 0x20)) {
            record.error =
                SpfRecordTr::tr("the record contains a character that is not printable ASCII");
            return record;
        }
    }
    if (!isSpfRecordText(text)) {
        record.error = SpfRecordTr::tr("the record does not start with \"v=spf1\"");
        return record;
    }
    const QStringList parts = text.mid(6).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        QString error;
        // Modifier: name "=" macro-string, where name starts with a letter.
        const int equals = part.indexOf(QLatin1Char('='));
        bool isModifier = equals > 0 && isAlpha(part.at(0));
        for (int i = 0; isModifier && i < equals; ++i) {
            const QChar c = part.at(i);
            if (!isAlphaNum(c) && c != QLatin1Char('-') && c != QLatin1Char('_') &&
                c != QLatin1Char('.'))
                isModifier = false;
        }
        if (isModifier) {
            const QString name = part.left(equals).toLower();
            const QString value = part.mid(equals + 1);
            if (name == QLatin1String("redirect") || name == QLatin1String("exp")) {
                std::optional<QString> &slot =
                    name == QLatin1String("redirect") ? record.redirect : record.explanation;
                if (slot) {
                    record.error =
                        SpfRecordTr::tr("the modifier \"%1\" appears more than once").arg(name);
                    return record;
                }
                if (!isValidSpfDomainSpec(value, &error)) {
                    record.error = SpfRecordTr::tr("\"%1\": %2").arg(part, error);
                    return record;
                }
                slot = value;
            } else {
                if (!walkMacroString(
                        value, &error, [](const QString &) {},
                        [](QChar letter, int, bool, const QString &, QString *e) {
                            if (QStringLiteral("slodiphv").contains(letter.toLower()))
                                return true;
                            *e = SpfRecordTr::tr("unknown macro letter '%1'").arg(letter);
                            return false;
                        })) {
                    record.error = SpfRecordTr::tr("\"%1\": %2").arg(part, error);
                    return record;
                }
                record.unknownModifiers.append(part);
            }
            continue;
        }

        SpfTerm term;
        term.text = part;
        QString body = part;
        switch (body.at(0).unicode()) {
        case '+':
            term.qualifier = SpfQualifier::Pass;
            body.remove(0, 1);
            break;
        case '-':
            term.qualifier = SpfQualifier::Fail;
            body.remove(0, 1);
            break;
        case '~':
            term.qualifier = SpfQualifier::SoftFail;
            body.remove(0, 1);
            break;
        case '?':
            term.qualifier = SpfQualifier::Neutral;
            body.remove(0, 1);
            break;
        default:
            break;
        }
        int nameEnd = 0;
        while (nameEnd < body.size() && isAlphaNum(body.at(nameEnd)))
            ++nameEnd;
        const QString name = body.left(nameEnd).toLower();
        const QString rest = body.mid(nameEnd);
        const QString argument = rest.startsWith(QLatin1Char(':')) ? rest.mid(1) : QString();
        const bool hasColon = rest.startsWith(QLatin1Char(':'));

        auto fail = [&](const QString &why) {
            record.error = SpfRecordTr::tr("\"%1\": %2").arg(part, why);
            return record;
        };

        if (name == QLatin1String("all")) {
            if (!rest.isEmpty())
                return fail(SpfRecordTr::tr("\"all\" takes no argument"));
            term.mechanism = SpfMechanism::All;
        } else if (name == QLatin1String("include") || name == QLatin1String("exists")) {
            term.mechanism =
                name == QLatin1String("include") ? SpfMechanism::Include : SpfMechanism::Exists;
            if (!hasColon)
                return fail(SpfRecordTr::tr("a domain is required after ':'"));
            if (!isValidSpfDomainSpec(argument, &error))
                return fail(error);
            term.domainSpec = argument;
        } else if (name == QLatin1String("a") || name == QLatin1String("mx")) {
            term.mechanism = name == QLatin1String("a") ? SpfMechanism::A : SpfMechanism::Mx;
            QString spec;
            if (hasColon) {
                if (!splitDualCidr(argument, &spec, &term, &error))
                    return fail(error);
                if (!isValidSpfDomainSpec(spec, &error))
                    return fail(error);
            } else if (!rest.isEmpty()) {
                if (!rest.startsWith(QLatin1Char('/')) ||
                    !splitDualCidr(rest, &spec, &term, &error))
                    return fail(error.isEmpty()
                                    ? SpfRecordTr::tr("unexpected text after the mechanism")
                                    : error);
                if (!spec.isEmpty())
                    return fail(SpfRecordTr::tr("unexpected text after the mechanism"));
            }
            term.domainSpec = spec;
        } else if (name == QLatin1String("ptr")) {
            term.mechanism = SpfMechanism::Ptr;
            if (hasColon) {
                if (!isValidSpfDomainSpec(argument, &error))
                    return fail(error);
                term.domainSpec = argument;
            } else if (!rest.isEmpty()) {
                return fail(SpfRecordTr::tr("unexpected text after the mechanism"));
            }
        } else if (name == QLatin1String("ip4")) {
            term.mechanism = SpfMechanism::Ip4;
            if (!hasColon)
                return fail(SpfRecordTr::tr("an IPv4 address is required"));
            QString address = argument;
            const int slash = address.indexOf(QLatin1Char('/'));
            if (slash >= 0) {
                if (!parseCidr(address.mid(slash + 1), 32, &term.cidr4))
                    return fail(SpfRecordTr::tr("bad IPv4 prefix length"));
                address.truncate(slash);
            }
            // QHostAddress accepts shorthand like "1.2.3"; SPF wants four decimal parts.
            const QStringList octets = address.split(QLatin1Char('.'));
            bool valid = octets.size() == 4;
            for (const QString &octet : octets) {
                bool ok = false;
                const int value = octet.toInt(&ok);
                valid = valid && ok && !octet.isEmpty() && octet.size() <= 3 && value <= 255 &&
                        isDigit(octet.at(0));
            }
            if (!valid || !term.network.setAddress(address))
                return fail(SpfRecordTr::tr("not a valid IPv4 address"));
        } else if (name == QLatin1String("ip6")) {
            term.mechanism = SpfMechanism::Ip6;
            if (!hasColon)
                return fail(SpfRecordTr::tr("an IPv6 address is required"));
            QString address = argument;
            const int slash = address.indexOf(QLatin1Char('/'));
            if (slash >= 0) {
                if (!parseCidr(address.mid(slash + 1), 128, &term.cidr6))
                    return fail(SpfRecordTr::tr("bad IPv6 prefix length"));
                address.truncate(slash);
            }
            if (!term.network.setAddress(address) ||
                term.network.protocol() != QAbstractSocket::IPv6Protocol ||
                !address.contains(QLatin1Char(':')))
                return fail(SpfRecordTr::tr("not a valid IPv6 address"));
        } else {
            return fail(SpfRecordTr::tr("unknown mechanism"));
        }
        record.terms.append(term);
    }
    return record;
}

QHostAddress spfNormalizedAddress(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool ok = false;
        const quint32 v4 = address.toIPv4Address(&ok);
        if (ok)
            return QHostAddress(v4);
    }
    return address;
}

std::optional<QString> expandSpfMacros(const QString &macroString, const SpfMacroContext &context,
                                       bool inExplanation, QString *error)
{
    // The letters expand to parts of a mail address, a domain or an IP address; a value longer
    // than any of those can be (a 1 MB From) is refused before anything is built from it.
    constexpr qsizetype maxValue = spfMaxMacroValue;
    // An explanation is shown to the user: a sentence, not a page.
    constexpr qsizetype maxExplanation = spfMaxExplanation;
    QString localError;
    QString *err = error ? error : &localError;
    QString out;
    const QHostAddress ip = spfNormalizedAddress(context.ip);
    const bool v6 = ip.protocol() == QAbstractSocket::IPv6Protocol;
    // A sender without '@' is a domain alone (RFC 7208 4.3: postmaster@ is implied).
    const QString localPart = MailAddress::localPart(context.sender);
    const QString senderDomain = context.sender.contains(QLatin1Char('@'))
                                     ? MailAddress::domainPart(context.sender)
                                     : context.sender;

    const bool ok = walkMacroString(
        macroString, err,
        [&](const QString &literal) {
            if (!inExplanation || out.size() <= maxExplanation)
                out += literal;
        },
        [&](QChar letter, int count, bool reverse, const QString &delimiters, QString *e) {
            const QChar l = letter.toLower();
            QString value;
            if (l == QLatin1Char('s')) {
                value = context.sender;
            } else if (l == QLatin1Char('l')) {
                value = localPart;
            } else if (l == QLatin1Char('o')) {
                value = senderDomain;
            } else if (l == QLatin1Char('d')) {
                value = context.domain;
            } else if (l == QLatin1Char('i')) {
                if (v6) {
                    const QString hex = QString::fromLatin1(
                        QByteArray(reinterpret_cast<const char *>(ip.toIPv6Address().c), 16)
                            .toHex());
                    QStringList nibbles;
                    for (const QChar c : hex)
                        nibbles.append(QString(c));
                    value = nibbles.join(QLatin1Char('.'));
                } else {
                    value = ip.toString();
                }
            } else if (l == QLatin1Char('p')) {
                value = context.validatedName;
            } else if (l == QLatin1Char('v')) {
                value = v6 ? QStringLiteral("ip6") : QStringLiteral("in-addr");
            } else if (l == QLatin1Char('h')) {
                value = context.helo;
            } else if (inExplanation && l == QLatin1Char('c')) {
                value = ip.toString();
            } else if (inExplanation && l == QLatin1Char('r')) {
                value = context.receiver;
            } else if (inExplanation && l == QLatin1Char('t')) {
                value = QString::number(context.timestamp ? context.timestamp
                                                          : QDateTime::currentSecsSinceEpoch());
            } else {
                *e = SpfRecordTr::tr("unknown macro letter '%1'").arg(letter);
                return false;
            }
            if (value.size() > maxValue) {
                *e = SpfRecordTr::tr("the %{%1} macro would expand to %2 characters, longer "
                                     "than any address or domain")
                         .arg(letter)
                         .arg(value.size());
                return false;
            }
            if (count >= 0 || reverse || !delimiters.isEmpty()) {
                const QString splitOn = delimiters.isEmpty() ? QStringLiteral(".") : delimiters;
                QStringList parts;
                QString current;
                for (const QChar c : value) {
                    if (splitOn.contains(c)) {
                        parts.append(current);
                        current.clear();
                    } else {
                        current += c;
                    }
                }
                parts.append(current);
                if (reverse)
                    std::reverse(parts.begin(), parts.end());
                if (count >= 0 && count < parts.size())
                    parts = parts.mid(parts.size() - count);
                value = parts.join(QLatin1Char('.'));
            }
            if (letter.isUpper())
                value = QString::fromLatin1(QUrl::toPercentEncoding(value));
            if (!inExplanation || out.size() <= maxExplanation)
                out += value;
            return true;
        },
        inExplanation);
    if (!ok)
        return std::nullopt;
    if (!inExplanation) {
        // §7.3: over 253 characters, labels go from the left (in one pass over the text).
        qsizetype start = 0;
        while (out.size() - start > 253) {
            const qsizetype dot = out.indexOf(QLatin1Char('.'), start);
            if (dot < 0)
                break;
            start = dot + 1;
        }
        out.remove(0, start);
    } else if (out.size() > maxExplanation) {
        out.truncate(maxExplanation);
        out += QStringLiteral("…");
    }
    return out;
}

} // namespace BounceDoctor
