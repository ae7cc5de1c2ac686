#pragma once

#include <QString>

namespace BounceDoctor {

/// The application's name as users see it.
QString applicationName();

/// The version the build was made from, e.g. "0.1.0".
QString applicationVersion();

/// Sets name, version and organization on QCoreApplication, for both front ends.
void setApplicationMetadata();

} // namespace BounceDoctor
