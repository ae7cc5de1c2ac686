#pragma once

#include <QStringList>

namespace BounceDoctor::Cli {

/// `bounce-doctor-cli check [options] PATH...`: diagnose, then run the live checks.
int runCheck(const QStringList &arguments);

} // namespace BounceDoctor::Cli
