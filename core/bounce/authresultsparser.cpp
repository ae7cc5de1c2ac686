#include "authresultsparser.h"

#include "common/mailaddress.h"

#include <deque>

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

// Reads words, quoted strings and the specials ; = / . one at a time while dropping comments.
// Only the few tokens the parser looks ahead at are held, never a list of the whole value: a
// header of millions of ';' and '=' costs its own size and not a token object for each.
class Tokenizer final
{
public:
    explicit Tokenizer(QStringView text)
        : m_text(text)
    {}

    /// The token `ahead` places after the current one, or nullptr at the end.
    const Token *at(qsizetype ahead)
    {
        while (qsizetype(m_ahead.size()) <= ahead) {
            Token token;
            if (!next(token))
                return nullptr;
            m_ahead.push_back(std::move(token));
        }
        return &m_ahead[size_t(ahead)];
    }

    bool atEnd() { return at(0) == nullptr; }

    void skip(qsizetype count)
    {
        for (; count > 0 && !m_ahead.empty(); --count)
            m_ahead.pop_front();
        Token token;
        for (; count > 0 && next(token); --count) {
        }
    }

    bool isSpecial(qsizetype ahead, char c)
    {
        const Token *token = at(ahead);
        return token && token->type == Token::Special && token->text == QLatin1Char(c);
    }

private:
    bool next(Token &token)
    {
        const QStringView text = m_text;
        qsizetype &i = m_pos;
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
                token = {Token::Quoted, value};
                return true;
            } else if (c == QLatin1Char(';') || c == QLatin1Char('=') || c == QLatin1Char('/')) {
                ++i;
                token = {Token::Special, QString(c)};
                return true;
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
                token = {word == QLatin1String(".") ? Token::Special : Token::Word, word};
                return true;
            }
        }
        return false;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    std::deque<Token> m_ahead;
};

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
    Tokenizer tokens(text);
    if (const Token *id = tokens.at(0); id && id->type != Token::Special) {
        header.authServId = id->text;
        header.valid = true;
        tokens.skip(1);
    } else {
        return header;
    }
    if (const Token *word = tokens.at(0); word && word->type == Token::Word) {
        bool ok = false;
        const int version = word->text.toInt(&ok);
        if (ok) {
            header.version = version;
            tokens.skip(1);
        }
    }
    while (!tokens.atEnd() && header.methods.size() < maxMethods) {
        if (tokens.isSpecial(0, ';') || tokens.at(0)->type != Token::Word) {
            tokens.skip(1);
            continue;
        }
        // method [ "/" version ] "=" result
        AuthResultsHeader::Method method;
        method.method = tokens.at(0)->text.toLower();
        qsizetype j = 1;
        if (tokens.isSpecial(j, '/') && tokens.at(j + 1)) {
            method.methodVersion = tokens.at(j + 1)->text.toInt();
            j += 2;
        }
        if (!tokens.isSpecial(j, '=') || !tokens.at(j + 1)) {
            // A stray word ("none", a repeated authserv-id): not a result.
            tokens.skip(j);
            continue;
        }
        method.result = tokens.at(j + 1)->text.toLower();
        tokens.skip(j + 2);
        // reason and properties up to the next ';'
        while (!tokens.atEnd() && !tokens.isSpecial(0, ';')) {
            if (tokens.at(0)->type == Token::Special) {
                tokens.skip(1);
                continue;
            }
            QString name = tokens.at(0)->text;
            qsizetype k = 1;
            if (tokens.isSpecial(k, '.') && tokens.at(k + 1)) {
                name += QLatin1Char('.') + tokens.at(k + 1)->text;
                k += 2;
            }
            if (!tokens.isSpecial(k, '=') || !tokens.at(k + 1)) {
                tokens.skip(k); // a stray word between properties
                continue;
            }
            QString propertyValue = tokens.at(k + 1)->text;
            tokens.skip(k + 2);
            // Values may be split by '/' inside words (header.b=abc/def): join them.
            while (tokens.isSpecial(0, '/') && tokens.at(1) && tokens.at(1)->type == Token::Word) {
                propertyValue += QLatin1Char('/') + tokens.at(1)->text;
                tokens.skip(2);
            }
            if (method.properties.size() >= maxMethods)
                continue; // more than any method has: the rest are not kept
            if (name.compare(QLatin1String("reason"), Qt::CaseInsensitive) == 0)
                method.reason = propertyValue;
            else
                method.properties.append({name.toLower(), propertyValue});
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
