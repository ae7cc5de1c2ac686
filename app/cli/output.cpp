#include "output.h"

#include "bounce/untrustedtext.h"

#include <QJsonDocument>

#include <unistd.h>

#include <cerrno>

namespace BounceDoctor::Cli {
namespace {

// All of it in as few write() calls as the kernel allows, past stdio's buffer: a process
// killed between two lines leaves whole lines behind, never half a record.
void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t written = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return; // a closed pipe: nothing more can be said
        }
        done += written;
    }
}

} // namespace

void Output::line(const QString &text)
{
    // A terminal would run what a bounce, a file name or a DNS record put in the line.
    const QByteArray bytes = UntrustedText::visible(text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
}

void Output::json(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fflush(stdout); // text written before keeps its place
    writeAll(STDOUT_FILENO, bytes);
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
