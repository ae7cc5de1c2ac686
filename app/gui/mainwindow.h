#pragma once

#include <QMainWindow>

class QPlainTextEdit;

namespace BounceDoctor::Gui {

/// The assistant's single window: take a bounce in, show what went wrong and how to fix it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void createMenus();

    QPlainTextEdit *m_pasteBox = nullptr;
};

} // namespace BounceDoctor::Gui
