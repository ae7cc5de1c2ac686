#include "authresultsparser.h"

#include "common/mailaddress.h"

namespace BounceDoctor {
namespace {

struct Token
{
    enum Type
    {
        Word,
        Quoted,
        Special
    } type;
    QString text;
};

// Splits into words, quoted strings and the specials ; = / . while dropping comments.
QList<Token> tokenize(QStringView text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('(')) {
            int depth = 0;
            while (i < n) {
                const QChar d = text.at(i);
                if (d == QLatin1Char('\\')) {
                    i += 2;
                    continue;
                }
                if (d == QLatin1Char('('))
                    ++depth;
                else if (d == QLatin1Char(')') && --depth == 0) {
                    ++i;
                    break;
                }
                ++i;
            }
        } else if (c == QLatin1Char('"')) {
            QString value;
            ++i;
            while (i < n && text.at(i) != QLatin1Char('"')) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < n)
                    ++i;
                value += text.at(i);
                ++i;
            }
            ++i;
            tokens.append({Token::Quoted, value});
        } else if (c == QLatin1Char(';') || c == QLatin1Char('=') || c == QLatin1Char('/')) {
            tokens.append({Token::Special, QString(c)});
            ++i;
        } else {
            const qsizetype start = i;
            while (i < n) {
                const QChar d = text.at(i);
                if (d.isSpace() || d == QLatin1Char(';') || d == QLatin1Char('=') ||
                    d == QLatin1Char('(') || d == QLatin1Char('"') || d == QLatin1Char('/'))
                    break;
                ++i;
            }
            if (i == start) {
                ++i;
                continue;
            }
            const QString word = text.mid(start, i - start).toString();
            tokens.append({word == QLatin1String(".") ? Token::Special : Token::Word, word});
        }
    }
    return tokens;
}

bool isSpecial(const QList<Token> &tokens, qsizetype i, char c)
{
    return i < tokens.size() && tokens.at(i).type == Token::Special &&
           tokens.at(i).text == QLatin1Char(c);
}

} // namespace

QString AuthResultsHeader::Method::property(const QString &name) const
{
    for (const auto &[key, value] : properties) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

AuthResultsHeader AuthResultsParser::parse(const QString &value)
{
    AuthResultsHeader header;
    QStringView text(value);
    if (text.startsWith(QLatin1String("Authentication-Results:"), Qt::CaseInsensitive))
        text = text.mid(23);
    const QList<Token> tokens = tokenize(text);
    qsizetype i = 0;
    if (i < tokens.size() && tokens.at(i).type != Token::Special) {
        header.authServId = tokens.at(i).text;
        header.valid = true;
        ++i;
    } else {
        return header;
    }
    if (i < tokens.size() && tokens.at(i).type == Token::Word) {
        bool ok = false;
        const int version = tokens.at(i).text.toInt(&ok);
        if (ok) {
            header.version = version;
            ++i;
        }
    }
    while (i < tokens.size()) {
        if (isSpecial(tokens, i, ';')) {
            ++i;
            continue;
        }
        // method [ "/" version ] "=" result
        if (tokens.at(i).type != Token::Word) {
            ++i;
            continue;
        }
        AuthResultsHeader::Method method;
        method.method = tokens.at(i).text.toLower();
        qsizetype j = i + 1;
        if (isSpecial(tokens, j, '/') && j + 1 < tokens.size()) {
            method.methodVersion = tokens.at(j + 1).text.toInt();
            j += 2;
        }
        if (!isSpecial(tokens, j, '=') || j + 1 >= tokens.size()) {
            // A stray word ("none", a repeated authserv-id): not a result.
            i = j;
            continue;
        }
        method.result = tokens.at(j + 1).text.toLower();
        i = j + 2;
        // reason and properties up to the next ';'
        while (i < tokens.size() && !isSpecial(tokens, i, ';')) {
            if (tokens.at(i).type == Token::Special) {
                ++i;
                continue;
            }
            QString name = tokens.at(i).text;
            qsizetype k = i + 1;
            if (isSpecial(tokens, k, '.') && k + 1 < tokens.size()) {
                name += QLatin1Char('.') + tokens.at(k + 1).text;
                k += 2;
            }
            if (!isSpecial(tokens, k, '=') || k + 1 >= tokens.size()) {
                i = k; // a stray word between properties
                continue;
            }
            QString propertyValue = tokens.at(k + 1).text;
            qsizetype next = k + 2;
            // Values may be split by '/' inside words (header.b=abc/def): join them.
            while (isSpecial(tokens, next, '/') && next + 1 < tokens.size() &&
                   tokens.at(next + 1).type == Token::Word) {
                propertyValue += QLatin1Char('/') + tokens.at(next + 1).text;
                next += 2;
            }
            if (name.compare(QLatin1String("reason"), Qt::CaseInsensitive) == 0)
                method.reason = propertyValue;
            else
                method.properties.append({name.toLower(), propertyValue});
            i = next;
        }
        header.methods.append(method);
    }
    return header;
}

QList<AuthenticationResult> AuthResultsParser::results(const QString &value)
{
    QList<AuthenticationResult> results;
    const AuthResultsHeader header = parse(value);
    for (const AuthResultsHeader::Method &method : header.methods) {
        AuthenticationResult result;
        result.method = method.method;
        result.result = method.result;
        result.authServId = header.authServId;
        if (method.method == QLatin1String("spf")) {
            result.domain = MailAddress::domainOf(method.property(QStringLiteral("smtp.mailfrom")));
            if (result.domain.isEmpty())
                result.domain = MailAddress::domainOf(method.property(QStringLiteral("smtp.helo")));
        } else if (method.method == QLatin1String("dkim")) {
            result.domain = MailAddress::domainOf(method.property(QStringLiteral("header.d")));
            if (result.domain.isEmpty())
                result.domain = MailAddress::domainOf(method.property(QStringLiteral("header.i")));
            result.selector = method.property(QStringLiteral("header.s"));
        } else if (method.method == QLatin1String("dmarc")) {
            result.domain = MailAddress::domainOf(method.property(QStringLiteral("header.from")));
        } else if (!method.properties.isEmpty()) {
            result.domain = MailAddress::domainOf(method.properties.first().second);
        }
        results.append(result);
    }
    return results;
}

} // namespace BounceDoctor
