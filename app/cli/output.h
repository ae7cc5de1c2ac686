#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace BounceDoctor::Cli {

constexpr int exitOk = 0;
constexpr int exitInputError = 1;
constexpr int exitUsage = 2;

/// Standard output and error for the commands: UTF-8, one record per line, buffered.
class Output final
{
public:
    /// One line of text output: control and bidi characters are shown by name
    /// (UntrustedText::visible), line breaks too, so a line stays one line.
    void line(const QString &text);
    /// The program's own text of several lines (--help), as it is.
    void help(const QString &text);
    /// JSON Lines: the JSON escaping already keeps every character inert.
    void json(const QJsonObject &object);
    /// One line on standard error, shown as line() shows it.
    void error(const QString &text);
};

} // namespace BounceDoctor::Cli
