#pragma once

#include <QByteArray>

#include <functional>

class QIODevice;

namespace BounceDoctor {

/// Splits an mbox into messages while reading it, so that only one message is in memory at a
/// time. Tolerant of the "From " line formats found in the wild (any date, or none); ">From "
/// quoting is undone. A message over maxMessageBytes is skipped and reported as oversized.
class MboxSplitter final
{
public:
    /// bytes is empty when oversized is true.
    using Sink = std::function<void(QByteArray &&bytes, int index, bool oversized)>;

    static int split(QIODevice &device, qint64 maxMessageBytes, const Sink &sink);
};

} // namespace BounceDoctor
