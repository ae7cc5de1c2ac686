#pragma once

#include "bouncereader.h"

#include <QByteArrayView>
#include <QString>

namespace BounceDoctor::Mime {

/// Why GMime must not be given message (LF line endings) under limits, in plain words naming the
/// limit, or an empty string. GMime builds an object for every part, header field and attached
/// message before anything reads them, and recurses for every level; so they are counted first,
/// in one pass, in the shapes GMime reads.
QString shapeProblem(QByteArrayView message, const ReaderLimits &limits);

} // namespace BounceDoctor::Mime
