#include "common/translation.h"
#include "common/version.h"
#include "mainwindow.h"
#include "settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdlib>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    BounceDoctor::setApplicationMetadata();
    QApplication::setApplicationDisplayName(BounceDoctor::applicationName());
    BounceDoctor::Translation::install(BounceDoctor::Settings().language());
    QApplication::setDesktopFileName(QStringLiteral("org.bouncedoctor.BounceDoctor"));
    QApplication::setWindowIcon(
        QIcon(QStringLiteral(":/bouncedoctor/icons/org.bouncedoctor.BounceDoctor.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Explains why an email bounced."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QApplication::translate("main", "Bounces to open (.eml, mbox, folder)."),
        QStringLiteral("[FILE...]"));
    parser.process(app);

    BounceDoctor::Gui::MainWindow window;
    window.show();
    window.openPaths(parser.positionalArguments());
    // The start-up benchmark measures launch-to-window-shown: once the window is up and its
    // first events are handled, leave at once (tearing the widgets down is not start-up).
    if (qEnvironmentVariableIsSet("BD_EXIT_AFTER_SHOW"))
        QTimer::singleShot(0, &app, [] {
            QCoreApplication::processEvents();
            std::_Exit(0);
        });
    return QApplication::exec();
}
