// The baseline for the start-up benchmark: the smallest Qt Widgets program that shows a window
// with a line of text (any real window has text, and text is what makes Qt load its fonts).
#include <QApplication>
#include <QLabel>
#include <QTimer>

#include <cstdlib>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QLabel window(QStringLiteral("Hello"));
    window.resize(960, 720);
    window.show();
    // Measured like the application: from launch until the window is shown, without teardown.
    if (qEnvironmentVariableIsSet("BD_EXIT_AFTER_SHOW"))
        QTimer::singleShot(0, &app, [] {
            QCoreApplication::processEvents();
            std::_Exit(0);
        });
    return QApplication::exec();
}
