#include "mboxsplitter.h"

#include <QIODevice>

namespace BounceDoctor {

int MboxSplitter::split(QIODevice &device, qint64 maxMessageBytes, const Sink &sink)
{
    QByteArray message;
    bool oversized = false;
    bool previousBlank = true;
    int index = 0;
    bool started = false;

    auto flush = [&] {
        if (!started)
            return;
        if (oversized)
            sink({}, index, true);
        else
            sink(std::move(message), index, false);
        ++index;
        message = QByteArray();
        oversized = false;
    };

    constexpr qint64 maxLine = 1024 * 1024;
    while (!device.atEnd()) {
        QByteArray line = device.readLine(maxLine);
        if (line.isEmpty() && !device.atEnd())
            break;
        const bool separator = line.startsWith("From ") && previousBlank;
        if (separator) {
            flush();
            started = true;
            previousBlank = false;
            continue;
        }
        if (!started) {
            // Text before the first "From " line: not an mbox, let the caller decide.
            return -1;
        }
        previousBlank = line == "\n" || line == "\r\n";
        if (line.startsWith(">From ") || line.startsWith(">>From "))
            line.remove(0, 1);
        if (!oversized) {
            if (message.size() + line.size() > maxMessageBytes) {
                oversized = true;
                message = QByteArray();
            } else {
                message.append(line);
            }
        }
    }
    flush();
    return index;
}

} // namespace BounceDoctor
