#include "checklistwidget.h"
#include "common/translation.h"
#include "common/version.h"
#include "dnsmasqserver.h"
#include "helpdialog.h"
#include "mainwindow.h"
#include "settings.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>

using namespace BounceDoctor::Gui;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(BD_TEST_DATA_DIR "/bounces/") + QLatin1String(name);
}

// The widget of that name on show: each recipient has its own checklist, and only the
// selected one is visible.
template<typename T>
T *child(QWidget &window, const char *name)
{
    const QList<T *> all = window.findChildren<T *>(QString::fromLatin1(name));
    for (T *widget : all) {
        if (widget->isVisibleTo(&window))
            return widget;
    }
    return all.isEmpty() ? nullptr : all.first();
}

// A step is open when its header is pressed and its body shows.
bool stepOpen(QWidget &window, const QString &step)
{
    auto *header = child<QToolButton>(window, qPrintable(step + QStringLiteral("Header")));
    return header && header->isChecked() && header->isVisibleTo(&window);
}

// Clicks a control of the diagnosis pane as a user does: scrolled into view first, since a
// click lands on whatever the window shows at that point.
void clickInPane(QWidget *widget, QPoint at = {})
{
    QVERIFY(widget);
    QCoreApplication::processEvents(); // lay out what was just opened
    if (auto *scroll =
            widget->window()->findChild<QScrollArea *>(QStringLiteral("diagnosisScroll"));
        scroll && scroll->isAncestorOf(widget))
        scroll->ensureWidgetVisible(widget);
    QTest::mouseClick(widget, Qt::LeftButton, {}, at.isNull() ? widget->rect().center() : at);
}

// A delivery receipt (RFC 3464 with Action: delivered): nothing failed.
QByteArray deliveryReceipt()
{
    return "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
           "To: sender@example.org\n"
           "Subject: Successful Mail Delivery Report\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
           "--B\nContent-Type: text/plain\n\nYour message was successfully delivered to the "
           "destination(s) listed below.\n\n"
           "--B\nContent-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns; mx.example.org\n\n"
           "Final-Recipient: rfc822; ana@example.net\n"
           "Action: delivered\n"
           "Status: 2.0.0\n"
           "Diagnostic-Code: smtp; 250 2.0.0 Ok: queued as 4B2C1\n\n"
           "--B--\n";
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void showsTitleAndPlaceholder();
    void pasteShowsHeadline();
    void recommendedStepIsOpenFirst();
    void openFileShowsDiagnosis();
    void exportsReadBack_data();
    void exportsReadBack();
    void mboxBatchAndSuppressionCsv();
    void unreadableFileShowsInlineError();
    void examplesMenuDiagnoses();
    void ticketTextOnClipboard();
    void runCheckShowsRows();
    void historyKeepsTheCase();
    void historyOffSaysWhy();
    void dnsTextInTooltipsIsPlain();
    void cancelRunningCheck();
    void settingsChooseBlocklists();
    void dropFileOrText_data();
    void dropFileOrText();
    void settingsChooseLanguage();
    void htmlBounceFetchesNothing();
    void closeWindowMidCheck();
    void firstStepOpensItsStep_data();
    void firstStepOpensItsStep();
    void stateKeptAcrossRowSwitches();
    void dropOnPasteBoxOpensFile();
    void openFolderWithExtensionlessMbox();
    void missingFileIsClearAndNotRecent();
    void tabLeavesTheTable();
    void plainWordsAndOutcomeBadges_data();
    void plainWordsAndOutcomeBadges();
    void exportCarriesChecksTicksAndDraft_data();
    void exportCarriesChecksTicksAndDraft();
    void pdfWrapsLongWords();
    void actionsFollowState();
    void helpAndAbout();
    void geometryAndSplitterRestored();
    void firstWindowFitsTheScreen();

private:
    QTemporaryDir m_historyDir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Every run starts with an empty case history of its own.
    QVERIFY(m_historyDir.isValid());
    BounceDoctor::Settings settings;
    settings.setHistoryEnabled(true);
    settings.setHistoryLocation(m_historyDir.filePath(QStringLiteral("cases.sqlite")));
}

// Diagnose, run a check and add a note; in a new window the case is found by its recipient,
// with the check rows and the note, and reopens as it was left.
void TestMainWindow::historyKeepsTheCase()
{
    BounceDoctor::Test::DnsmasqServer server(
        {QStringLiteral("mx-host=history.test,mx1.history.test,10"),
         QStringLiteral("host-record=mx1.history.test,192.0.2.26")});
    QString error;
    if (!server.start(&error))
        QSKIP(qPrintable(error));
    BounceDoctor::Settings().setDnsServers({server.address()});
    const QString note = QStringLiteral("Phoned Kim: the address has a typo.");
    {
        MainWindow window;
        window.show();
        QVERIFY(window.caseStore());
        window.diagnoseText(
            QStringLiteral("kim@history.test: 550 5.1.1 <kim@history.test>... User unknown"));
        QTRY_VERIFY(!window.isReading());
        QTRY_VERIFY(stepOpen(window, QStringLiteral("stepVerifyAddress")));
        clickInPane(child<QPushButton>(window, "stepVerifyAddressRun"));
        auto *results = child<QTreeWidget>(window, "stepVerifyAddressResults");
        QTRY_VERIFY_WITH_TIMEOUT(results->topLevelItemCount() >= 3, 10000);
        QTRY_VERIFY(child<QPushButton>(window, "stepVerifyAddressRun")->isEnabled());

        window.findChild<QAction *>(QStringLiteral("historyAction"))->trigger();
        auto *search = child<QLineEdit>(window, "historySearch");
        QTest::keyClicks(search, QStringLiteral("kim@history"));
        auto *table = child<QTableView>(window, "historyTable");
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClicks(child<QLineEdit>(window, "historyNewNote"), note);
        QTest::mouseClick(child<QPushButton>(window, "historyAddNote"), Qt::LeftButton);
        QTRY_VERIFY(child<QPlainTextEdit>(window, "historyNotes")->toPlainText().contains(note));
        window.close();
    }
    BounceDoctor::Settings().setDnsServers({});

    MainWindow window;
    window.show();
    window.findChild<QAction *>(QStringLiteral("historyAction"))->trigger();
    QTest::keyClicks(child<QLineEdit>(window, "historySearch"), QStringLiteral("kim@history"));
    auto *table = child<QTableView>(window, "historyTable");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTRY_VERIFY(child<QPlainTextEdit>(window, "historyNotes")->toPlainText().contains(note));
    // Handed over for a ticket: the checks and the note in it, the address masked on request.
    QTest::mouseClick(child<QPushButton>(window, "historyCopyMarkdown"), Qt::LeftButton);
    QTRY_VERIFY(QApplication::clipboard()->text().contains(note));
    QVERIFY(
        QApplication::clipboard()->text().contains(QLatin1String("history.test receives mail")));
    QVERIFY(QApplication::clipboard()->text().contains(QLatin1String("kim@history.test")));
    auto *hidePersonal = window.findChild<QAction *>(QStringLiteral("hidePersonalAction"));
    hidePersonal->setChecked(true);
    QTest::mouseClick(child<QPushButton>(window, "historyCopyText"), Qt::LeftButton);
    QTRY_VERIFY(QApplication::clipboard()->text().contains(QLatin1String("k***@history.test")));
    QVERIFY(!QApplication::clipboard()->text().contains(QLatin1String("kim@history.test")));
    QTest::mouseClick(child<QPushButton>(window, "historyOpen"), Qt::LeftButton);
    QTRY_VERIFY(stepOpen(window, QStringLiteral("stepVerifyAddress")));
    auto *results = child<QTreeWidget>(window, "stepVerifyAddressResults");
    QStringList rows;
    for (int i = 0; i < results->topLevelItemCount(); ++i)
        rows.append(results->topLevelItem(i)->text(0));
    QVERIFY2(rows.join(QLatin1Char('\n'))
                 .contains(QString::fromUtf8("✓ history.test receives mail at mx1.history.test")),
             qPrintable(rows.join(QLatin1Char('\n'))));
    // The same bounce pasted again is the same case, not a second one.
    window.diagnoseText(
        QStringLiteral("kim@history.test: 550 5.1.1 <kim@history.test>... User unknown"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(!child<QLabel>(window, "seenBeforeLabel")->isVisible());
    QCOMPARE(window.caseStore()
                 ->search(BounceDoctor::CaseQuery{QStringLiteral("kim@history"), {}, {}, {}, 10})
                 .size(),
             1);
    // A new bounce for the same domain says it was seen before.
    window.diagnoseText(
        QStringLiteral("lee@history.test: 550 5.1.1 <lee@history.test>... User unknown"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(child<QLabel>(window, "seenBeforeLabel")->isVisible());
    QVERIFY(
        child<QLabel>(window, "seenBeforeLabel")->text().contains(QLatin1String("Seen before")));
    // The same option hides personal data in the ticket text of the diagnosis on show.
    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(QApplication::clipboard()->text().contains(QLatin1String("l***@history.test")));
    QVERIFY(!QApplication::clipboard()->text().contains(QLatin1String("lee@history.test")));
    hidePersonal->setChecked(false);
}

void TestMainWindow::historyOffSaysWhy()
{
    BounceDoctor::Settings().setHistoryEnabled(false);
    MainWindow window;
    window.show();
    QVERIFY(!window.caseStore());
    window.diagnoseText(QStringLiteral("ana@example.net: 552 5.2.2 Mailbox full"));
    QTRY_VERIFY(!window.isReading());
    auto *why = child<QLabel>(window, "historyUnavailable");
    QVERIFY(why->text().contains(QLatin1String("off")));
    BounceDoctor::Settings().setHistoryEnabled(true);
}

void TestMainWindow::cleanup()
{
    MainWindow::openFilesHook = nullptr;
    MainWindow::saveFileHook = nullptr;
}

void TestMainWindow::showsTitleAndPlaceholder()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Bounce Doctor"));
    auto *pasteBox = child<QPlainTextEdit>(window, "pasteBox");
    QVERIFY(pasteBox);
    QVERIFY(pasteBox->placeholderText().contains(QLatin1String("550 5.1.1")));
}

void TestMainWindow::pasteShowsHeadline()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *pasteBox = child<QPlainTextEdit>(window, "pasteBox");
    pasteBox->setFocus();
    QTest::keyClicks(pasteBox,
                     QStringLiteral("jo@gmial.com: 550 5.1.1 <jo@gmial.com>... User unknown"));
    QTest::mouseClick(child<QPushButton>(window, "diagnoseButton"), Qt::LeftButton);
    auto *headline = child<QLabel>(window, "headlineLabel");
    QTRY_COMPARE(headline->text(), QStringLiteral("The recipient's address does not exist."));
    QCOMPARE(child<QLabel>(window, "permanenceBadge")->text(), QStringLiteral("Permanent"));
    QVERIFY(
        child<QLabel>(window, "suggestionLabel")->text().contains(QLatin1String("jo@gmail.com")));
    QVERIFY(child<QPlainTextEdit>(window, "serverWords")
                ->toPlainText()
                .contains(QLatin1String("User unknown")));
    QCOMPARE(child<QLineEdit>(window, "recipientEdit")->text(), QStringLiteral("jo@gmial.com"));
}

void TestMainWindow::recommendedStepIsOpenFirst()
{
    MainWindow window;
    window.show();
    window.diagnoseText(
        QStringLiteral("550 5.5.5 Message not delivered to user without prior approval"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(stepOpen(window, QStringLiteral("stepContactIt")));
    QVERIFY(!stepOpen(window, QStringLiteral("stepVerifyAddress")));
    auto *contact = child<QFrame>(window, "stepContactIt");
    auto *verify = child<QFrame>(window, "stepVerifyAddress");
    QVERIFY(contact->y() < verify->y());
    auto *draft = child<QPlainTextEdit>(window, "draftBody");
    QVERIFY(draft->toPlainText().contains(QLatin1String("allowed senders")));
}

void TestMainWindow::openFileShowsDiagnosis()
{
    MainWindow window;
    window.show();
    MainWindow::openFilesHook = [] { return QStringList{fixture("office365-s3150.eml")}; };
    QTest::mouseClick(child<QPushButton>(window, "openButton"), Qt::LeftButton);
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(
        child<QLabel>(window, "headlineLabel")->text().contains(QLatin1String("Microsoft")));
    QCOMPARE(child<QLineEdit>(window, "sendingIpEdit")->text(), QStringLiteral("203.0.113.150"));
    QVERIFY(stepOpen(window, QStringLiteral("stepBlocklists")));
}

void TestMainWindow::exportsReadBack_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("markdown") << "md" << QByteArray("# Bounce diagnosis");
    QTest::newRow("html") << "html" << QByteArray("<h2>k.hartmann@outlook.com</h2>");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF-");
}

void TestMainWindow::exportsReadBack()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.") + format);
    MainWindow window;
    window.show();
    window.openPaths({fixture("office365-s3150.eml")});
    QTRY_VERIFY(!window.isReading());
    MainWindow::saveFileHook = [path](const QString &) { return path; };
    const QString actionName =
        format == QLatin1String("md")     ? QStringLiteral("exportMarkdownAction")
        : format == QLatin1String("html") ? QStringLiteral("exportHtmlAction")
                                          : QStringLiteral("exportPdfAction");
    auto *exportAction = window.findChild<QAction *>(actionName);
    QVERIFY(exportAction);
    exportAction->trigger();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.contains(expected), bytes.left(200).constData());
}

void TestMainWindow::mboxBatchAndSuppressionCsv()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("remove.csv"));
    MainWindow window;
    window.show();
    window.openPaths({fixture("three.mbox")});
    QTRY_VERIFY(!window.isReading());
    auto *table = child<QTableView>(window, "resultsTable");
    QCOMPARE(table->model()->rowCount(), 2);
    QVERIFY(
        child<QLabel>(window, "countsLabel")->text().contains(QLatin1String("Messages read: 3")));
    auto *filter = child<QLineEdit>(window, "filterEdit");
    QTest::keyClicks(filter, QStringLiteral("hostunknown"));
    QCOMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);
    QTRY_VERIFY(child<QLabel>(window, "headlineLabel")->text().contains(QLatin1String("domain")));

    MainWindow::saveFileHook = [csv](const QString &) { return csv; };
    auto *exportCsv = window.findChild<QAction *>(QStringLiteral("exportSuppressionAction"));
    QVERIFY(exportCsv);
    exportCsv->trigger();
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.startsWith(QLatin1String("recipient,reason,status,source\n")));
    QVERIFY(
        text.contains(QLatin1String("patient.care@sunnyside-clinic.exmaple,hostunknown,5.1.2,")));
    // A full mailbox is temporary trouble, not an address to remove.
    QVERIFY(!text.contains(QLatin1String("tomas.brandt")));
}

void TestMainWindow::unreadableFileShowsInlineError()
{
    MainWindow window;
    window.show();
    window.openPaths({QStringLiteral("/nonexistent/bounce.eml"), fixture("qmail-hostunknown.eml")});
    QTRY_VERIFY(!window.isReading());
    auto *error = child<QLabel>(window, "errorLabel");
    QTRY_VERIFY(error->isVisible());
    QVERIFY(error->text().contains(QLatin1String("/nonexistent/bounce.eml")));
    QCOMPARE(child<QTableView>(window, "resultsTable")->model()->rowCount(), 1);
}

void TestMainWindow::examplesMenuDiagnoses()
{
    MainWindow window;
    window.show();
    auto *examples = window.findChild<QMenu *>(QStringLiteral("examplesMenu"));
    QVERIFY(examples);
    QVERIFY(examples->actions().size() >= 6);
    examples->actions().first()->trigger();
    QTRY_VERIFY(!window.isReading());
    QTRY_COMPARE(child<QLabel>(window, "headlineLabel")->text(),
                 QStringLiteral("The recipient's address does not exist."));
}

void TestMainWindow::ticketTextOnClipboard()
{
    MainWindow window;
    window.show();
    window.diagnoseText(QStringLiteral("ana@example.net: 552 5.2.2 Mailbox full"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(child<QLabel>(window, "headlineLabel")->text().contains(QLatin1String("full")));
    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(QApplication::clipboard()->text().contains(QLatin1String("ana@example.net")));
}

void TestMainWindow::runCheckShowsRows()
{
    BounceDoctor::Test::DnsmasqServer server(
        {QStringLiteral("mx-host=shop.test,mx1.shop.test,10"),
         QStringLiteral("host-record=mx1.shop.test,192.0.2.25")});
    QString error;
    if (!server.start(&error))
        QSKIP(qPrintable(error));
    BounceDoctor::Settings().setDnsServers({server.address()});
    MainWindow window;
    window.show();
    window.diagnoseText(QStringLiteral("ana@shop.test: 550 5.1.1 <ana@shop.test>... User unknown"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(stepOpen(window, QStringLiteral("stepVerifyAddress")));
    clickInPane(child<QPushButton>(window, "stepVerifyAddressRun"));
    auto *results = child<QTreeWidget>(window, "stepVerifyAddressResults");
    QTRY_VERIFY_WITH_TIMEOUT(results->topLevelItemCount() >= 3, 10000);
    QStringList rows;
    for (int i = 0; i < results->topLevelItemCount(); ++i)
        rows.append(results->topLevelItem(i)->text(0));
    QVERIFY2(rows.join(QLatin1Char('\n'))
                 .contains(QString::fromUtf8("✓ shop.test receives mail at mx1.shop.test")),
             qPrintable(rows.join(QLatin1Char('\n'))));
    QTRY_VERIFY(child<QPushButton>(window, "stepVerifyAddressRun")->isEnabled());
    BounceDoctor::Settings().setDnsServers({});
}

void TestMainWindow::dnsTextInTooltipsIsPlain()
{
    // An SPF exp= record is text from DNS: in a tooltip it must not style itself or load images.
    BounceDoctor::Test::DnsmasqServer server(
        {QStringLiteral("txt-record=evil.test,\"v=spf1 -all exp=why.evil.test\""),
         QStringLiteral("txt-record=why.evil.test,\"<b>bold</b><img src=file:///etc/hosts>\"")});
    QString error;
    if (!server.start(&error))
        QSKIP(qPrintable(error));
    BounceDoctor::Settings().setDnsServers({server.address()});
    MainWindow window;
    window.show();
    window.diagnoseText(QStringLiteral("ana@shop.test: 550 5.7.23 SPF check failed"));
    QTRY_VERIFY(!window.isReading());
    child<QToolButton>(window, "stepAuthenticationHeader")->setChecked(true);
    auto *domain = child<QLineEdit>(window, "sendingDomainEdit");
    domain->clear();
    QTest::keyClicks(domain, QStringLiteral("evil.test"));
    // The IP is typed in the blocklist step
    child<QToolButton>(window, "stepBlocklistsHeader")->setChecked(true);
    auto *ip = child<QLineEdit>(window, "sendingIpEdit");
    ip->clear();
    QTest::keyClicks(ip, QStringLiteral("192.0.2.7"));
    QTest::mouseClick(child<QPushButton>(window, "stepAuthenticationRun"), Qt::LeftButton);
    auto *results = child<QTreeWidget>(window, "stepAuthenticationResults");
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(window, "stepAuthenticationRun")->isEnabled(),
                             10000);
    QString tip;
    for (int i = 0; i < results->topLevelItemCount(); ++i) {
        if (results->topLevelItem(i)->toolTip(0).contains(QLatin1String("bold")))
            tip = results->topLevelItem(i)->toolTip(0);
    }
    QStringList rows;
    for (int i = 0; i < results->topLevelItemCount(); ++i)
        rows.append(results->topLevelItem(i)->text(0));
    QVERIFY2(!tip.isEmpty(), qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY2(tip.contains(QLatin1String("&lt;b&gt;bold&lt;/b&gt;&lt;img")), qPrintable(tip));
    QVERIFY2(!tip.contains(QLatin1String("<b>")) && !tip.contains(QLatin1String("<img")),
             qPrintable(tip));
    BounceDoctor::Settings().setDnsServers({});
}

void TestMainWindow::cancelRunningCheck()
{
    BounceDoctor::Test::SilentDnsPort silent;
    BounceDoctor::Settings().setDnsServers({silent.address()});
    BounceDoctor::Settings().setDnsTimeoutMs(5000);
    MainWindow window;
    window.show();
    window.diagnoseText(
        QStringLiteral("550 5.7.1 Client host [192.0.2.99] blocked using zen.spamhaus.org"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(stepOpen(window, QStringLiteral("stepBlocklists")));
    auto *run = child<QPushButton>(window, "stepBlocklistsRun");
    auto *cancel = child<QPushButton>(window, "stepBlocklistsCancel");
    clickInPane(run);
    QTRY_VERIFY(cancel->isVisible());
    QVERIFY(!run->isEnabled());
    clickInPane(cancel);
    QTRY_VERIFY(run->isEnabled());
    QVERIFY(!cancel->isVisible());
    QTest::qWait(200);
    QCOMPARE(child<QTreeWidget>(window, "stepBlocklistsResults")->topLevelItemCount(), 0);
    // A new bounce while a check runs: no stale rows for the wrong bounce.
    clickInPane(run);
    auto *checklist = window.findChild<ChecklistWidget *>();
    QVERIFY(checklist->isRunning());
    window.diagnoseText(QStringLiteral("ana@example.net: 552 5.2.2 Mailbox full"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(!checklist->isVisible());
    // The new bounce has a checklist of its own, with nothing from the other one's check.
    QCOMPARE(window.findChildren<ChecklistWidget *>().size(), 2);
    QCOMPARE(child<QTreeWidget>(window, "stepBlocklistsResults")->topLevelItemCount(), 0);
    BounceDoctor::Settings().setDnsServers({});
    BounceDoctor::Settings().setDnsTimeoutMs(3000);
}

void TestMainWindow::settingsChooseBlocklists()
{
    // The dialog stores exactly the lists left ticked.
    {
        SettingsDialog dialog;
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("blocklistsList"));
        QVERIFY(list);
        QVERIFY(list->count() >= 10);
        for (int i = 0; i < list->count(); ++i) {
            const bool keep =
                list->item(i)->data(Qt::UserRole).toString() == QLatin1String("bl.spamcop.net");
            list->item(i)->setCheckState(keep ? Qt::Checked : Qt::Unchecked);
        }
        dialog.accept();
    }
    QCOMPARE(BounceDoctor::Settings().blocklists(), QStringList{QStringLiteral("bl.spamcop.net")});
    {
        // The DQS key is a credential: typed like a password, kept as typed.
        SettingsDialog dialog;
        auto *key = dialog.findChild<QLineEdit *>(QStringLiteral("dqsKeyEdit"));
        QVERIFY(key);
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        key->clear();
        QTest::keyClicks(key, QStringLiteral("abc123secret"));
        QVERIFY(!key->displayText().contains(QLatin1String("secret")));
        dialog.accept();
        QCOMPARE(BounceDoctor::Settings().spamhausDqsKey(), QStringLiteral("abc123secret"));
        BounceDoctor::Settings().setSpamhausDqsKey({});
    }

    BounceDoctor::Test::DnsmasqServer server(
        {QStringLiteral("host-record=99.2.0.192.bl.spamcop.net,127.0.0.2"),
         QStringLiteral("host-record=2.0.0.127.bl.spamcop.net,127.0.0.2")},
        {QStringLiteral("net"), QStringLiteral("org"), QStringLiteral("arpa")});
    QString error;
    if (!server.start(&error))
        QSKIP(qPrintable(error));
    BounceDoctor::Settings().setDnsServers({server.address()});
    MainWindow window;
    window.show();
    window.diagnoseText(QStringLiteral(
        "554 5.7.1 Service unavailable; Client host [192.0.2.99] blocked using bl.spamcop.net"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(stepOpen(window, QStringLiteral("stepBlocklists")));
    clickInPane(child<QPushButton>(window, "stepBlocklistsRun"));
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(window, "stepBlocklistsRun")->isEnabled(), 10000);
    auto *results = child<QTreeWidget>(window, "stepBlocklistsResults");
    QStringList rows;
    for (int i = 0; i < results->topLevelItemCount(); ++i)
        rows.append(results->topLevelItem(i)->text(0));
    const QString all = rows.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("listed on SpamCop")), qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("Spamhaus")), qPrintable(all));
    BounceDoctor::Settings().setDnsServers({});
    QSettings().remove(QStringLiteral("blocklists/zones"));
}

void TestMainWindow::dropFileOrText_data()
{
    QTest::addColumn<bool>("asFile");
    QTest::addColumn<QString>("headlineWords");
    QTest::newRow("a saved .eml") << true << "Microsoft";
    QTest::newRow("dragged text") << false << "full";
}

// Dropping a file opens it; dropping text diagnoses it; a remote URL is never fetched.
void TestMainWindow::dropFileOrText()
{
    QFETCH(bool, asFile);
    QFETCH(QString, headlineWords);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMimeData data;
    if (asFile)
        data.setUrls({QUrl::fromLocalFile(fixture("office365-s3150.eml")),
                      QUrl(QStringLiteral("http://127.0.0.1:9/remote.eml"))});
    else
        data.setText(QStringLiteral("ana@example.net: 552 5.2.2 Mailbox full"));
    const QPoint at = window.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY2(child<QLabel>(window, "headlineLabel")->text().contains(headlineWords),
                 qPrintable(child<QLabel>(window, "headlineLabel")->text()));
    QVERIFY(!child<QLabel>(window, "errorLabel")->isVisible());
}

// The language chosen in Settings is kept, and the window then speaks it.
void TestMainWindow::settingsChooseLanguage()
{
    {
        SettingsDialog dialog;
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QString()); // the system's, by default
        const int german = combo->findData(QStringLiteral("de"));
        QVERIFY(german > 0);
        QCOMPARE(combo->itemText(german), QStringLiteral("Deutsch"));
        combo->setCurrentIndex(german);
        dialog.accept();
    }
    QCOMPARE(BounceDoctor::Settings().language(), QStringLiteral("de"));
    QCOMPARE(BounceDoctor::Translation::install(BounceDoctor::Settings().language()),
             QStringLiteral("de"));
    {
        MainWindow window;
        window.show();
        QCOMPARE(window.menuBar()->actions().constFirst()->text(), QStringLiteral("&Datei"));
        window.diagnoseText(QStringLiteral("ana@example.net: 552 5.2.2 Mailbox full"));
        QTRY_VERIFY(!window.isReading());
        QTRY_VERIFY2(
            child<QLabel>(window, "headlineLabel")->text().contains(QLatin1String("Postfach")),
            qPrintable(child<QLabel>(window, "headlineLabel")->text()));
    }
    BounceDoctor::Translation::install(QStringLiteral("en"));
    BounceDoctor::Settings().setLanguage({});
}

// An HTML bounce that names images, style sheets and links on a server: showing it, exporting
// it and copying it as ticket text must not make a single request.
void TestMainWindow::htmlBounceFetchesNothing()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    int hits = 0;
    connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            ++hits;
            socket->close();
        }
    });
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());
    const QString html =
        QStringLiteral("<html><head><link rel=\"stylesheet\" href=\"%1/style.css\"></head>"
                       "<body background=\"%1/bg.png\"><img src=\"%1/pixel.png\">"
                       "<p>Delivery to <a href=\"%1/track\">ana@example.net</a> failed.</p>"
                       "<p>550 5.1.1 &lt;ana@example.net&gt;: Recipient address rejected: "
                       "User unknown <img src=\"%1/logo.png\"></p></body></html>")
            .arg(base);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("html-bounce.eml"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
                   "To: sender@example.org\n"
                   "Subject: Undelivered Mail Returned to Sender\n"
                   "MIME-Version: 1.0\n"
                   "Content-Type: text/html; charset=utf-8\n\n");
        file.write(html.toUtf8());
    }
    MainWindow window;
    window.show();
    window.openPaths({path});
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(!child<QLabel>(window, "headlineLabel")->text().isEmpty());
    for (const char *action : {"exportHtmlAction", "exportPdfAction", "exportMarkdownAction"}) {
        const QString out = dir.filePath(QString::fromLatin1(action));
        MainWindow::saveFileHook = [out](const QString &) { return out; };
        window.findChild<QAction *>(QString::fromLatin1(action))->trigger();
        QVERIFY(QFile::exists(out));
    }
    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::qWait(500); // time for any request to arrive
    QCOMPARE(hits, 0);
}

// Closing the window while DNS queries are in flight: no crash, no callback into destroyed
// widgets (the ASan/LSan run of this suite also reports any leak).
void TestMainWindow::closeWindowMidCheck()
{
    BounceDoctor::Test::SilentDnsPort silent;
    BounceDoctor::Settings().setDnsServers({silent.address()});
    BounceDoctor::Settings().setDnsTimeoutMs(5000);
    {
        auto *window = new MainWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        window->diagnoseText(
            QStringLiteral("550 5.7.1 Client host [192.0.2.99] blocked using zen.spamhaus.org"));
        QTRY_VERIFY(!window->isReading());
        QTRY_VERIFY(stepOpen(*window, QStringLiteral("stepBlocklists")));
        clickInPane(child<QPushButton>(*window, "stepBlocklistsRun"));
        auto *checklist = window->findChild<ChecklistWidget *>();
        QVERIFY(checklist->isRunning());
        QPointer<MainWindow> guard(window);
        window->close();
        QTRY_VERIFY(guard.isNull());
    }
    QTest::qWait(300); // let cancelled queries and timers come back to nothing
    BounceDoctor::Settings().setDnsServers({});
    BounceDoctor::Settings().setDnsTimeoutMs(3000);
}

void TestMainWindow::firstStepOpensItsStep_data()
{
    QTest::addColumn<QString>("bounce"); // pasted text, or "file:" and the bytes of a message
    QTest::addColumn<QString>("openStep");
    QTest::addColumn<bool>("draft");
    QTest::addColumn<QString>("adviceWords"); // in the open step's advice, when it has one

    QTest::newRow("verify-address")
        << "ana@shop.example: 550 5.1.1 <ana@shop.example>... User unknown"
        << "stepVerifyAddress" << false << "";
    QTest::newRow("check-blocklists")
        << "550 5.7.1 Client host [192.0.2.99] blocked using zen.spamhaus.org"
        << "stepBlocklists" << false << "";
    QTest::newRow("contact-recipient-it")
        << "550 5.5.5 Message not delivered to user without prior approval"
        << "stepContactIt" << true << "";
    QTest::newRow("fix-sending-setup: a copier that does not sign in")
        << "ana@example.net: 530 5.7.57 Client was not authenticated to send anonymous mail "
           "during MAIL FROM"
        << "stepFixSetup" << false << "requires authentication";
    QTest::newRow("fix-sending-setup: TLS")
        << "scanner@office.example: 554 5.7.1 <scanner@office.example>: Relay access denied; use "
           "STARTTLS and sign in on port 587"
        << "stepFixSetup" << false << "TLS 1.2";
    QTest::newRow("review-content: too big, with the limit")
        << "ana@example.net: 552 5.3.4 Message size exceeds fixed maximum message size of "
           "10485760 bytes"
        << "stepReviewContent" << false << "10.0 MB";
    QTest::newRow("review-content: spam")
        << "ana@example.net: 550 5.7.1 Message rejected as spam by Content Filtering"
        << "stepReviewContent" << false << "Links";
    QTest::newRow("retry-later: a delay notice")
        << QStringLiteral("file:") + QString::fromUtf8([] {
               QFile file(fixture("rfc3464/delayed.eml"));
               return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
           }())
        << "stepWait" << false << "still trying";
    QTest::newRow("none: a delivery receipt")
        << QStringLiteral("file:") + QString::fromUtf8(deliveryReceipt()) << "stepNothingToDo"
        << false << "delivery report";
    QTest::newRow("none: an auto-reply")
        << QStringLiteral("file:") + QString::fromUtf8([] {
               QFile file(fixture("autoreply-vacation.eml"));
               return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
           }())
        << "stepNothingToDo" << false << "automatic reply";
}

// Each first step the engine can give opens a step that fits it; the draft to the
// recipient's IT only where their side must act.
void TestMainWindow::firstStepOpensItsStep()
{
    QFETCH(QString, bounce);
    QFETCH(QString, openStep);
    QFETCH(bool, draft);
    QFETCH(QString, adviceWords);
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    if (bounce.startsWith(QLatin1String("file:")))
        window.openPaths({writeFile(dir, QStringLiteral("bounce.eml"), bounce.mid(5).toUtf8())});
    else
        window.diagnoseText(bounce);
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(window.findChild<ChecklistWidget *>());
    auto *checklist = window.findChild<ChecklistWidget *>();
    QVERIFY2(stepOpen(window, openStep),
             qPrintable(BounceDoctor::firstStepName(checklist->openStep()) +
                        QStringLiteral(" is open")));
    // The open step is the first one, and the only one open.
    const QList<QToolButton *> headers =
        checklist->findChildren<QToolButton *>(QRegularExpression(QStringLiteral("Header$")));
    QCOMPARE(headers.size(), checklist->steps().size());
    int open = 0;
    for (QToolButton *header : headers)
        open += header->isChecked() ? 1 : 0;
    QCOMPARE(open, 1);
    QVERIFY(child<QToolButton>(window, qPrintable(openStep + QStringLiteral("Header")))
                ->text()
                .startsWith(QLatin1String("1. ")));
    QCOMPARE(child<QFrame>(window, "stepContactIt") != nullptr, draft);
    QCOMPARE(child<QPlainTextEdit>(window, "draftBody") != nullptr, draft);
    if (openStep == QLatin1String("stepNothingToDo"))
        QCOMPARE(checklist->steps().size(), 1); // no check, no draft for a mail that arrived
    if (!adviceWords.isEmpty()) {
        auto *advice = child<QLabel>(window, qPrintable(openStep + QStringLiteral("Advice")));
        QVERIFY(advice);
        QVERIFY2(advice->text().contains(adviceWords, Qt::CaseInsensitive),
                 qPrintable(advice->text()));
    }
    if (openStep == QLatin1String("stepFixSetup") ||
        openStep == QLatin1String("stepReviewContent")) {
        auto *words = child<QLabel>(window, qPrintable(openStep + QStringLiteral("ServerWords")));
        QVERIFY(words);
        QVERIFY(!words->text().isEmpty());
        QVERIFY(bounce.contains(words->text().left(20)));
    }
}

// Each recipient keeps its Done ticks, edits and running checks while others are looked at;
// switching starts the other at the top.
void TestMainWindow::stateKeptAcrossRowSwitches()
{
    BounceDoctor::Test::SilentDnsPort silent;
    BounceDoctor::Settings().setDnsServers({silent.address()});
    BounceDoctor::Settings().setDnsTimeoutMs(5000);
    MainWindow window;
    window.resize(1000, 600);
    window.show();
    window.openPaths({fixture("three.mbox")});
    QTRY_VERIFY(!window.isReading());
    auto *table = child<QTableView>(window, "resultsTable");
    QCOMPARE(table->model()->rowCount(), 2);
    table->selectRow(0);
    QTRY_VERIFY(window.findChild<ChecklistWidget *>());
    auto *first = window.findChild<ChecklistWidget *>();
    const QString firstHeadline = child<QLabel>(window, "headlineLabel")->text();
    // Tick the open step, type into an input, start a check.
    const QString step = QLatin1String("step") + [&] {
        switch (first->openStep()) {
        case BounceDoctor::FirstStep::VerifyAddress:
            return QStringLiteral("VerifyAddress");
        case BounceDoctor::FirstStep::ContactRecipientIt:
            return QStringLiteral("ContactIt");
        default:
            return QStringLiteral("Other");
        }
    }();
    QVERIFY2(step != QLatin1String("stepOther"), "three.mbox's first row changed");
    clickInPane(child<QCheckBox>(window, qPrintable(step + QStringLiteral("Done"))), QPoint(5, 5));
    QVERIFY(child<QCheckBox>(window, qPrintable(step + QStringLiteral("Done")))->isChecked());
    auto *verifyHeader = child<QToolButton>(window, "stepVerifyAddressHeader");
    if (!verifyHeader->isChecked())
        clickInPane(verifyHeader);
    auto *recipient = child<QLineEdit>(window, "recipientEdit");
    recipient->selectAll();
    QTest::keyClicks(recipient, QStringLiteral("typed@by-hand.example"));
    clickInPane(child<QPushButton>(window, "stepVerifyAddressRun"));
    QVERIFY(first->isRunning());
    auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("diagnosisScroll"));
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    QVERIFY(scroll->verticalScrollBar()->value() > 0);

    table->selectRow(1);
    QTRY_VERIFY(child<QLabel>(window, "headlineLabel")->text() != firstHeadline);
    QVERIFY(!first->isVisible());
    QVERIFY(first->isRunning()); // the other recipient's check goes on
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
    auto *second = window.findChildren<ChecklistWidget *>().last();
    QVERIFY(second != first);
    QVERIFY(second->isVisible());
    QVERIFY(!child<QLineEdit>(window, "recipientEdit")->text().contains(QLatin1String("typed")));

    table->selectRow(0);
    QTRY_COMPARE(child<QLabel>(window, "headlineLabel")->text(), firstHeadline);
    QVERIFY(first->isVisible());
    QCOMPARE(window.findChildren<ChecklistWidget *>().size(), 2);
    QVERIFY(child<QCheckBox>(window, qPrintable(step + QStringLiteral("Done")))->isChecked());
    QCOMPARE(child<QLineEdit>(window, "recipientEdit")->text(),
             QStringLiteral("typed@by-hand.example"));
    QVERIFY(first->isRunning() ||
            first->record()
                .steps.at(first->steps().indexOf(BounceDoctor::FirstStep::VerifyAddress))
                .ran);
    BounceDoctor::Settings().setDnsServers({});
    BounceDoctor::Settings().setDnsTimeoutMs(3000);
}

// A file dropped on the paste box opens the file: no file:/// text, no "not a bounce".
void TestMainWindow::dropOnPasteBoxOpensFile()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.diagnoseText(QStringLiteral("ana@example.net: 552 5.2.2 Mailbox full"));
    QTRY_VERIFY(!window.isReading());
    auto *pasteBox = child<QPlainTextEdit>(window, "pasteBox");
    QVERIFY(!pasteBox->toPlainText().isEmpty());
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(fixture("office365-s3150.eml"))});
    data.setText(QUrl::fromLocalFile(fixture("office365-s3150.eml")).toString());
    QWidget *target = pasteBox->viewport();
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY2(
        child<QLabel>(window, "headlineLabel")->text().contains(QLatin1String("Microsoft")),
        qPrintable(child<QLabel>(window, "headlineLabel")->text()));
    QVERIFY(!pasteBox->toPlainText().contains(QLatin1String("file:")));
    QVERIFY(pasteBox->toPlainText().isEmpty()); // the old paste went with the file opened
    QCOMPARE(window.windowTitle(), QStringLiteral("office365-s3150.eml"));
    QTest::qWait(800); // past the paste box's typing delay: nothing re-diagnoses
    QVERIFY(child<QLabel>(window, "headlineLabel")->text().contains(QLatin1String("Microsoft")));
}

// File > Open Folder reads a folder, an extension-less mbox (Thunderbird's "Inbox") included.
void TestMainWindow::openFolderWithExtensionlessMbox()
{
    QTemporaryDir dir;
    QFile mbox(fixture("three.mbox"));
    QVERIFY(mbox.open(QIODevice::ReadOnly));
    QVERIFY(!writeFile(dir, QStringLiteral("Inbox"), mbox.readAll()).isEmpty());
    MainWindow window;
    window.show();
    MainWindow::openFolderHook = [&dir] { return dir.path(); };
    auto *openFolder = window.findChild<QAction *>(QStringLiteral("openFolderAction"));
    QVERIFY(openFolder);
    openFolder->trigger();
    QTRY_VERIFY(!window.isReading());
    QCOMPARE(child<QTableView>(window, "resultsTable")->model()->rowCount(), 2);
    QCOMPARE(window.windowTitle(), QFileInfo(dir.path()).fileName());
    MainWindow::openFolderHook = nullptr;
}

// A missing file is named as missing, does not replace the diagnosis, and is not offered in
// Open Recent; Clear empties the list.
void TestMainWindow::missingFileIsClearAndNotRecent()
{
    BounceDoctor::Settings().clearRecentFiles();
    MainWindow window;
    window.show();
    window.openPaths({fixture("qmail-hostunknown.eml")});
    QTRY_VERIFY(!window.isReading());
    const QString headline = child<QLabel>(window, "headlineLabel")->text();
    window.openPaths({QStringLiteral("/nonexistent/bounce.eml")});
    QTRY_VERIFY(!window.isReading());
    auto *error = child<QLabel>(window, "errorLabel");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("File not found: /nonexistent/bounce.eml")),
             qPrintable(error->text()));
    QCOMPARE(child<QLabel>(window, "headlineLabel")->text(), headline);
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("not found")));
    const QStringList recent = BounceDoctor::Settings().recentFiles();
    QCOMPARE(recent.size(), 1);
    QVERIFY(recent.first().endsWith(QLatin1String("qmail-hostunknown.eml")));
    auto *menu = window.findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(menu->isEnabled());
    auto *clear = window.findChild<QAction *>(QStringLiteral("clearRecentAction"));
    QVERIFY(clear);
    clear->trigger();
    QVERIFY(BounceDoctor::Settings().recentFiles().isEmpty());
    QVERIFY(!menu->isEnabled());
}

// Tab leaves the recipients table for the diagnosis; F6 moves between the panes.
void TestMainWindow::tabLeavesTheTable()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openPaths({fixture("three.mbox")});
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(window.findChild<ChecklistWidget *>());
    auto *table = child<QTableView>(window, "resultsTable");
    auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("diagnosisScroll"));
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    const int row = table->currentIndex().row();
    QTest::keyClick(table, Qt::Key_Tab);
    QTRY_VERIFY(!table->hasFocus());
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QVERIFY2(scroll->isAncestorOf(focus), focus->metaObject()->className());
    QCOMPARE(table->currentIndex().row(), row); // Tab did not move between rows
    // Onwards through the diagnosis: the checklist's first step header comes before its fields.
    auto *checklist = window.findChild<ChecklistWidget *>();
    QWidget *firstHeader = checklist->firstFocusWidget();
    bool headerSeen = false;
    for (int i = 0; i < 40 && !headerSeen; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        headerSeen = QApplication::focusWidget() == firstHeader;
        QVERIFY(!qobject_cast<QLineEdit *>(QApplication::focusWidget()) ||
                !checklist->isAncestorOf(QApplication::focusWidget()));
    }
    QVERIFY(headerSeen);
    // Shift+Tab comes back to the table; F6 goes round the panes.
    child<QPlainTextEdit>(window, "pasteBox")->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(scroll->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(child<QPlainTextEdit>(window, "pasteBox")->hasFocus());
    // Controls have names a screen reader can say.
    for (const char *name : {"pasteBox", "resultsTable", "filterEdit", "serverWords"})
        QVERIFY2(!child<QWidget>(window, name)->accessibleName().isEmpty(), name);
    for (QToolButton *header :
         checklist->findChildren<QToolButton *>(QRegularExpression(QStringLiteral("Header$"))))
        QVERIFY(!header->accessibleName().isEmpty());
}

void TestMainWindow::plainWordsAndOutcomeBadges_data()
{
    QTest::addColumn<QString>("bounce");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("badge");
    QTest::addColumn<QString>("whoActs");
    QTest::newRow("too big") << "ana@example.net: 552 5.3.4 Message size exceeds fixed limit"
                             << "Message too large"
                             << "Refused, not retried"
                             << "You";
    QTest::newRow("mailbox full") << "ana@example.net: 552 5.2.2 Mailbox full"
                                  << "Mailbox full"
                                  << "Refused, not retried"
                                  << "recipient";
    QTest::newRow("relaying denied: refused, but the address may work")
        << "ana@example.net: 554 5.7.1 <ana@example.net>: Relay access denied"
        << "Relaying refused"
        << "Refused, not retried"
        << "recipient's IT";
    QTest::newRow("user unknown") << "jo@example.com: 550 5.1.1 <jo@example.com>... User unknown"
                                  << "Address does not exist"
                                  << "Permanent"
                                  << "You";
    QTest::newRow("a delay notice")
        << QStringLiteral("file:") + QString::fromUtf8([] {
               QFile file(fixture("rfc3464/delayed.eml"));
               return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
           }())
        << "Delayed, still being retried"
        << "Delayed, still trying"
        << "Nobody yet";
    QTest::newRow("delivery receipt")
        << QStringLiteral("file:") + QString::fromUtf8(deliveryReceipt()) << "Delivered"
        << "Not a failure"
        << "Nobody";
}

// The reason in plain words (the id in small print), badges that tell permanent, refused,
// temporary and not-a-failure apart.
void TestMainWindow::plainWordsAndOutcomeBadges()
{
    QFETCH(QString, bounce);
    QFETCH(QString, reason);
    QFETCH(QString, badge);
    QFETCH(QString, whoActs);
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    if (bounce.startsWith(QLatin1String("file:")))
        window.openPaths({writeFile(dir, QStringLiteral("bounce.eml"), bounce.mid(5).toUtf8())});
    else
        window.diagnoseText(bounce);
    QTRY_VERIFY(!window.isReading());
    auto *table = child<QTableView>(window, "resultsTable");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 1).data().toString().section(QLatin1String(" ("), 0, 0),
             reason);
    QTRY_COMPARE(child<QLabel>(window, "permanenceBadge")->text(), badge);
    QVERIFY2(child<QLabel>(window, "responsibleLabel")->text().contains(whoActs),
             qPrintable(child<QLabel>(window, "responsibleLabel")->text()));
    static QSet<QString> styles;
    styles.insert(child<QLabel>(window, "permanenceBadge")->styleSheet());
    if (QByteArray(QTest::currentDataTag()) == "delivery receipt")
        QCOMPARE(styles.size(), 4); // permanent, refused, delayed, not-a-failure differ
}

void TestMainWindow::exportCarriesChecksTicksAndDraft_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("markdown") << "md";
    QTest::newRow("html") << "html";
    QTest::newRow("ticket") << "ticket";
    QTest::newRow("pdf") << "pdf";
}

// What the user did goes into the report: the checks run with their evidence, the Done ticks
// and the edited draft.
void TestMainWindow::exportCarriesChecksTicksAndDraft()
{
    QFETCH(QString, format);
    BounceDoctor::Test::DnsmasqServer server(
        {QStringLiteral("mx-host=hill.test,mx1.hill.test,10"),
         QStringLiteral("host-record=mx1.hill.test,192.0.2.25")});
    QString error;
    if (!server.start(&error))
        QSKIP(qPrintable(error));
    BounceDoctor::Settings().setDnsServers({server.address()});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.") + format);
    MainWindow window;
    window.show();
    window.diagnoseText(QStringLiteral(
        "ana@hill.test: 550 5.5.5 Message not delivered to user without prior approval"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(stepOpen(window, QStringLiteral("stepContactIt")));
    clickInPane(child<QCheckBox>(window, "stepContactItDone"), QPoint(5, 5));
    auto *body = child<QPlainTextEdit>(window, "draftBody");
    body->moveCursor(QTextCursor::End);
    QTest::keyClicks(body, QStringLiteral("Our phone: 0123 456789"));
    clickInPane(child<QToolButton>(window, "stepVerifyAddressHeader"));
    QTRY_VERIFY(stepOpen(window, QStringLiteral("stepVerifyAddress")));
    clickInPane(child<QPushButton>(window, "stepVerifyAddressRun"));
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(window, "stepVerifyAddressRun")->isEnabled(),
                             10000);
    QString text;
    if (format == QLatin1String("ticket")) {
        QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(QApplication::clipboard()->text().contains(QLatin1String("ana@hill.test")));
        text = QApplication::clipboard()->text();
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("copied")));
    } else if (format == QLatin1String("pdf")) {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        MainWindow::saveFileHook = [path](const QString &) { return path; };
        window.findChild<QAction *>(QStringLiteral("exportPdfAction"))->trigger();
        QProcess process;
        process.start(pdftotext, {path, QStringLiteral("-")});
        QVERIFY(process.waitForFinished(20000));
        // Line breaks fall where the page is full: compare without white space.
        text = QString::fromUtf8(process.readAllStandardOutput())
                   .remove(QRegularExpression(QStringLiteral("\\s+")));
    } else {
        MainWindow::saveFileHook = [path](const QString &) { return path; };
        window
            .findChild<QAction *>(format == QLatin1String("md")
                                      ? QStringLiteral("exportMarkdownAction")
                                      : QStringLiteral("exportHtmlAction"))
            ->trigger();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        text = QString::fromUtf8(file.readAll());
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("saved")));
    }
    auto has = [&](const QString &words) {
        return text.contains(format == QLatin1String("pdf")
                                 ? QString(words).remove(QRegularExpression(QStringLiteral("\\s+")))
                                 : words);
    };
    // The check row, its status and evidence; the tick; the draft as edited.
    QVERIFY2(has(QStringLiteral("hill.test receives mail at mx1.hill.test")), qPrintable(text));
    QVERIFY2(has(QStringLiteral("MX hill.test")), qPrintable(text)); // the evidence
    QVERIFY2(has(QStringLiteral("Our phone: 0123 456789")), qPrintable(text));
    QVERIFY2(has(QStringLiteral("postmaster@hill.test")), qPrintable(text));
    if (format == QLatin1String("pdf")) {
        QVERIFY2(has(QStringLiteral("done")), qPrintable(text));
        QVERIFY2(has(QStringLiteral("Message to the recipient's IT")), qPrintable(text));
    } else if (format == QLatin1String("html")) {
        QVERIFY(text.contains(QLatin1String("<style>")));
        QVERIFY(text.contains(QLatin1String("1. Contact the recipient&#x27;s IT</th><td>done")) ||
                text.contains(QLatin1String("1. Contact the recipient's IT</th><td>done")));
    } else {
        QVERIFY2(text.contains(QLatin1String("[x] 1. Contact the recipient's IT")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("[ ] 2. Verify the recipient address")));
    }
    if (format == QLatin1String("md"))
        QVERIFY2(text.contains(QLatin1String("550 5.5.5")), "Markdown escapes only what it must");
    BounceDoctor::Settings().setDnsServers({});
}

// The PDF wraps a long server reply at the page edge instead of cutting it.
void TestMainWindow::pdfWrapsLongWords()
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const QString reply = QStringLiteral(
        "550 5.7.1 Unfortunately, messages from [192.0.2.150] weren't sent. Please contact your "
        "Internet service provider since part of their network is on our block list (S3150). "
        "Reference: "
        "QUFBQUJCQkJDQ0NDRERERUVFRUZGRkZHR0dHSEhISElJSUlKSkpKS0tLS0xMTExNTU1NTk5OTk9PT09QUF"
        "BQUVFRUVJSUlJTU1NTVFRUVFVVVVVWVlZWV1dXV1hYWFhZWVlZWlpaWg. "
        "See https://sender.office.example/remediation/a-very-long-path/that-goes-on-and-on/"
        "without-any-space-at-all/until-it-passes-the-edge-of-the-page/index.html");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    MainWindow window;
    window.show();
    window.diagnoseText(QStringLiteral("k.hartmann@outlook.com: ") + reply);
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(!child<QLabel>(window, "headlineLabel")->text().isEmpty());
    MainWindow::saveFileHook = [path](const QString &) { return path; };
    window.findChild<QAction *>(QStringLiteral("exportPdfAction"))->trigger();
    QProcess process;
    // Only the text inside the page (A4 and Letter both hold 595 x 792 points): whatever ran
    // off the edge is cut, as it is on paper.
    process.start(pdftotext, {QStringLiteral("-layout"), QStringLiteral("-x"), QStringLiteral("0"),
                              QStringLiteral("-y"), QStringLiteral("0"), QStringLiteral("-W"),
                              QStringLiteral("595"), QStringLiteral("-H"), QStringLiteral("792"),
                              path, QStringLiteral("-")});
    QVERIFY(process.waitForFinished(20000));
    QString text = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(text.contains(QLatin1String("S3150")), qPrintable(text));
    // Every character of the reply is there, in order, whatever the line breaks.
    auto squeeze = [](QString s) {
        s.remove(QRegularExpression(QStringLiteral("\\s+")));
        return s;
    };
    QVERIFY2(squeeze(text).contains(squeeze(reply)), qPrintable(text));
}

// Export and ticket actions act only when a diagnosis is on show; the remove list only when
// there is an address to remove.
void TestMainWindow::actionsFollowState()
{
    MainWindow window;
    window.show();
    auto *ticket = window.findChild<QAction *>(QStringLiteral("copyTicketAction"));
    auto *pdf = window.findChild<QAction *>(QStringLiteral("exportPdfAction"));
    auto *remove = window.findChild<QAction *>(QStringLiteral("exportSuppressionAction"));
    QVERIFY(!ticket->isEnabled());
    QVERIFY(!pdf->isEnabled());
    QVERIFY(!remove->isEnabled());
    window.diagnoseText(QStringLiteral("ana@example.net: 552 5.2.2 Mailbox full"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(ticket->isEnabled());
    QVERIFY(pdf->isEnabled());
    QVERIFY(!remove->isEnabled()); // a full mailbox is no address to remove
    window.diagnoseText(
        QStringLiteral("jo@example.com: 550 5.1.1 <jo@example.com>... User unknown"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(remove->isEnabled());
}

// F1 opens the help with the glossary; the About box names version, licence and credits.
void TestMainWindow::helpAndAbout()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_F1);
    QTRY_VERIFY(window.findChild<HelpDialog *>() && window.findChild<HelpDialog *>()->isVisible());
    auto *text = window.findChild<QTextBrowser *>(QStringLiteral("helpText"));
    QVERIFY(text);
    for (const char *term : {"SPF", "DKIM", "DMARC", "PTR", "Blocklist", "MX"})
        QVERIFY2(text->toPlainText().contains(QLatin1String(term)), term);
    const QString about = HelpDialog::aboutHtml();
    QVERIFY(about.contains(BounceDoctor::applicationVersion()));
    QVERIFY(about.contains(QLatin1String("GPL-3.0-or-later")));
    QVERIFY(about.contains(QLatin1String("Sisimai")));
}

// The window comes back at the size it was closed with, and so does the split between panes.
void TestMainWindow::geometryAndSplitterRestored()
{
    QList<int> sizes;
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({300, 600});
        sizes = splitter->sizes();
        window.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(900, 640));
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    BounceDoctor::Settings().setWindowGeometry({});
    BounceDoctor::Settings().setSplitterState({});
}

// With nothing remembered, the window fits the screen it opens on (offscreen: 800 x 600).
void TestMainWindow::firstWindowFitsTheScreen()
{
    BounceDoctor::Settings().setWindowGeometry({});
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(window.frameGeometry().width() <= available.width() &&
                 window.frameGeometry().height() <= available.height(),
             qPrintable(QStringLiteral("%1x%2 on %3x%4")
                            .arg(window.width())
                            .arg(window.height())
                            .arg(available.width())
                            .arg(available.height())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
