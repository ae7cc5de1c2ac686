#include "mainwindow.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QTest>

using namespace BounceDoctor::Gui;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTitleAndTakesPastedText();
};

void TestMainWindow::showsTitleAndTakesPastedText()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Bounce Doctor"));

    auto *pasteBox = window.findChild<QPlainTextEdit *>(QStringLiteral("pasteBox"));
    QVERIFY(pasteBox);
    QVERIFY(!pasteBox->placeholderText().isEmpty());
    pasteBox->setFocus();
    QTest::keyClicks(pasteBox, QStringLiteral("550 5.1.1 User unknown"));
    QCOMPARE(pasteBox->toPlainText(), QStringLiteral("550 5.1.1 User unknown"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
