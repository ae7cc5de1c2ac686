#include "authresults.h"

namespace BounceDoctor {
namespace {

struct Token
{
    enum Kind
    {
        Word,
        Quoted,
        Equals,
        Semicolon
    };
    Kind kind;
    QString text;
};

// Splits into words, quoted strings, '=' and ';', dropping (nested) comments and whitespace.
QList<Token> tokenize(const QString &value)
{
    QList<Token> tokens;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty())
            tokens.append(Token{Token::Word, word});
        word.clear();
    };
    const qsizetype n = value.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = value.at(i);
        if (c == QLatin1Char('(')) {
            flush();
            int depth = 1;
            for (++i; i < n && depth > 0; ++i) {
                if (value.at(i) == QLatin1Char('\\'))
                    ++i;
                else if (value.at(i) == QLatin1Char('('))
                    ++depth;
                else if (value.at(i) == QLatin1Char(')'))
                    --depth;
            }
            --i;
        } else if (c == QLatin1Char('"')) {
            flush();
            QString quoted;
            for (++i; i < n && value.at(i) != QLatin1Char('"'); ++i) {
                if (value.at(i) == QLatin1Char('\\') && i + 1 < n)
                    ++i;
                quoted.append(value.at(i));
            }
            tokens.append(Token{Token::Quoted, quoted});
        } else if (c == QLatin1Char('=')) {
            flush();
            tokens.append(Token{Token::Equals, {}});
        } else if (c == QLatin1Char(';')) {
            flush();
            tokens.append(Token{Token::Semicolon, {}});
        } else if (c.isSpace()) {
            flush();
        } else {
            word.append(c);
        }
    }
    flush();
    return tokens;
}

QString domainOf(const QString &value)
{
    const qsizetype at = value.lastIndexOf(QLatin1Char('@'));
    return (at >= 0 ? value.mid(at + 1) : value).toLower();
}

} // namespace

QString AuthResultsHeader::Result::property(const QString &name) const
{
    for (const auto &[key, value] : properties) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

AuthResultsHeader parseAuthenticationResults(const QString &input)
{
    AuthResultsHeader header;
    QString value = input.trimmed();
    if (value.startsWith(QLatin1String("Authentication-Results:"), Qt::CaseInsensitive))
        value = value.mid(23);
    const QList<Token> tokens = tokenize(value);
    qsizetype i = 0;
    auto isWord = [&](qsizetype at) {
        return at < tokens.size() &&
               (tokens.at(at).kind == Token::Word || tokens.at(at).kind == Token::Quoted);
    };
    if (!isWord(0))
        return header;
    header.authServId = tokens.at(i++).text;
    if (isWord(i)) {
        bool ok = false;
        const int version = tokens.at(i).text.toInt(&ok);
        if (ok) {
            header.version = version;
            ++i;
        }
    }
    header.valid = true;
    while (i < tokens.size()) {
        if (tokens.at(i).kind != Token::Semicolon) {
            ++i;
            continue;
        }
        ++i;
        if (!isWord(i))
            continue;
        AuthResultsHeader::Result result;
        result.method = tokens.at(i++).text.toLower();
        if (result.method == QLatin1String("none"))
            continue;
        if (result.method.contains(QLatin1Char('/'))) {
            result.methodVersion = result.method.section(QLatin1Char('/'), 1).toInt();
            result.method = result.method.section(QLatin1Char('/'), 0, 0);
        } else if (isWord(i) && tokens.at(i).text.startsWith(QLatin1Char('/'))) {
            QString version = tokens.at(i++).text.mid(1);
            if (version.isEmpty() && isWord(i))
                version = tokens.at(i++).text;
            result.methodVersion = version.toInt();
        }
        if (i >= tokens.size() || tokens.at(i).kind != Token::Equals)
            continue;
        ++i;
        if (!isWord(i))
            continue;
        result.result = tokens.at(i++).text.toLower();
        // reason= and ptype.property=value pairs until the next ';'
        while (i < tokens.size() && tokens.at(i).kind != Token::Semicolon) {
            if (!isWord(i)) {
                ++i;
                continue;
            }
            QString key = tokens.at(i++).text;
            // "policy . expired": a dot standing alone joins the two halves.
            while (isWord(i) &&
                   (tokens.at(i).text == QLatin1String(".") || key.endsWith(QLatin1Char('.')) ||
                    tokens.at(i).text.startsWith(QLatin1Char('.')))) {
                key += tokens.at(i++).text;
            }
            if (i >= tokens.size() || tokens.at(i).kind != Token::Equals)
                continue;
            ++i;
            if (!isWord(i))
                continue;
            const QString propertyValue = tokens.at(i++).text;
            if (key.compare(QLatin1String("reason"), Qt::CaseInsensitive) == 0)
                result.reason = propertyValue;
            else
                result.properties.append({key.toLower(), propertyValue});
        }
        header.results.append(result);
    }
    return header;
}

QList<AuthenticationResult> toAuthenticationResults(const AuthResultsHeader &header)
{
    QList<AuthenticationResult> list;
    for (const AuthResultsHeader::Result &r : header.results) {
        AuthenticationResult out;
        out.method = r.method;
        out.result = r.result;
        out.authServId = header.authServId;
        if (r.method == QLatin1String("spf")) {
            out.domain = domainOf(r.property(QStringLiteral("smtp.mailfrom")));
            if (out.domain.isEmpty())
                out.domain = domainOf(r.property(QStringLiteral("smtp.helo")));
        } else if (r.method == QLatin1String("dkim")) {
            out.domain = r.property(QStringLiteral("header.d")).toLower();
            if (out.domain.isEmpty())
                out.domain = domainOf(r.property(QStringLiteral("header.i")));
            out.selector = r.property(QStringLiteral("header.s"));
        } else if (r.method == QLatin1String("dmarc")) {
            out.domain = r.property(QStringLiteral("header.from")).toLower();
        } else {
            continue;
        }
        list.append(out);
    }
    return list;
}

} // namespace BounceDoctor
