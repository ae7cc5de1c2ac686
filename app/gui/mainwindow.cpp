#include "mainwindow.h"

#include "common/version.h"

#include <QApplication>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace BounceDoctor::Gui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(applicationName());

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_pasteBox = new QPlainTextEdit(central);
    m_pasteBox->setObjectName(QStringLiteral("pasteBox"));
    m_pasteBox->setAccessibleName(tr("Bounce text"));
    m_pasteBox->setPlaceholderText(
        tr("Paste the bounce here: the whole message, or just the error line such as\n"
           "550 5.1.1 <jsmith@example.com>: Recipient address rejected: User unknown"));
    layout->addWidget(m_pasteBox);
    setCentralWidget(central);

    createMenus();
    resize(960, 720);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Bounce Doctor"), this, [this] {
        QMessageBox::about(this, tr("About Bounce Doctor"),
                           tr("<b>Bounce Doctor</b> %1<br>Explains why an email bounced and "
                              "walks you through fixing it.<br>GPL-3.0-or-later")
                               .arg(applicationVersion()));
    });
}

} // namespace BounceDoctor::Gui
