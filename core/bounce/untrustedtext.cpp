#include "untrustedtext.h"

namespace BounceDoctor::UntrustedText {
namespace {

bool isBidiControl(char16_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

bool isLineBreak(char16_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

} // namespace

bool isActive(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t') || (u >= 0x7F && u <= 0x9F) || isBidiControl(u) ||
           u == 0x2028 || u == 0x2029;
}

QString visible(QStringView text)
{
    qsizetype first = 0;
    while (first < text.size() && !isActive(text.at(first)))
        ++first;
    if (first == text.size())
        return text.toString();
    QString out = text.first(first).toString();
    for (const QChar c : text.sliced(first)) {
        if (!isActive(c)) {
            out += c;
            continue;
        }
        switch (c.unicode()) {
        case 0x1B:
            out += QLatin1String("\\e");
            break;
        case 0x07:
            out += QLatin1String("\\a");
            break;
        case 0x08:
            out += QLatin1String("\\b");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        default:
            out += c.unicode() < 0x80
                       ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'))
                       : QStringLiteral("<U+%1>").arg(QString::number(c.unicode(), 16)
                                                          .toUpper()
                                                          .rightJustified(4, QLatin1Char('0')));
        }
    }
    return out;
}

QString oneLine(QStringView text)
{
    QString flat = text.toString();
    for (QChar &c : flat) {
        if (isLineBreak(c.unicode()))
            c = QLatin1Char(' ');
    }
    return visible(flat);
}

} // namespace BounceDoctor::UntrustedText
