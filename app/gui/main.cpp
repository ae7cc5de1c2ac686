#include "common/version.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    BounceDoctor::setApplicationMetadata();
    QApplication::setApplicationDisplayName(BounceDoctor::applicationName());

    BounceDoctor::Gui::MainWindow window;
    window.show();
    return QApplication::exec();
}
