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
    void line(const QString &text);
    void json(const QJsonObject &object);
    void error(const QString &text);
};

} // namespace BounceDoctor::Cli
