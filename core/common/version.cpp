#include "version.h"

#include <QCoreApplication>

namespace BounceDoctor {

QString applicationName()
{
    return QStringLiteral("Bounce Doctor");
}

QString applicationVersion()
{
    return QStringLiteral(BD_VERSION);
}

void setApplicationMetadata()
{
    QCoreApplication::setApplicationName(QStringLiteral("bounce-doctor"));
    QCoreApplication::setApplicationVersion(applicationVersion());
    QCoreApplication::setOrganizationName(QStringLiteral("BounceDoctor"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("bounce-doctor.example.org"));
}

} // namespace BounceDoctor
