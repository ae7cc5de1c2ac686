#include "output.h"

#include "common/untrustedtext.h"

#include <QJsonDocument>

namespace BounceDoctor::Cli {

void Output::line(const QString &text)
{
    // A terminal would run what a bounce, a file name or a DNS record put in the line.
    const QByteArray bytes = UntrustedText::visible(text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
}

void Output::json(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
}

void Output::help(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
}

void Output::error(const QString &text)
{
    std::fflush(stdout);
    const QByteArray bytes = UntrustedText::visible(text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
}

} // namespace BounceDoctor::Cli
