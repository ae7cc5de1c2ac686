#pragma once

#include <QStringList>

namespace BounceDoctor::Cli {

/// `bounce-doctor-cli diagnose [--format text|json] PATH...`; returns the exit status.
int runDiagnose(const QStringList &arguments);

} // namespace BounceDoctor::Cli
