#pragma once

#include <QStringList>

namespace BounceDoctor::Cli {

/// `diagnose [--format text|json] PATH...`: prints each message's diagnosis as soon as it is
/// read. Returns the process exit status: 0, 1 when an input could not be read, 2 for bad usage.
int runDiagnose(const QStringList &arguments);

} // namespace BounceDoctor::Cli
