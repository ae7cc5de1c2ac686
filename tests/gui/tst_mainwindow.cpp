#include "checklistwidget.h"
#include "common/settings.h"
#include "common/translation.h"
#include "dnsmasqserver.h"
#include "mainwindow.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace BounceDoctor::Gui;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(BD_TEST_DATA_DIR "/bounces/") + QLatin1String(name);
}

template<typename T>
T *child(QWidget &window, const char *name)
{
    return window.findChild<T *>(QString::fromLatin1(name));
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
    void dnsTextInTooltipsIsPlain();
    void cancelRunningCheck();
    void settingsChooseBlocklists();
    void dropFileOrText_data();
    void dropFileOrText();
    void settingsChooseLanguage();
    void htmlBounceFetchesNothing();
    void closeWindowMidCheck();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
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
    auto *contact = child<QGroupBox>(window, "stepContactIt");
    auto *verify = child<QGroupBox>(window, "stepVerifyAddress");
    QTRY_VERIFY(contact->isChecked());
    QVERIFY(!verify->isChecked());
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
    QCOMPARE(child<QGroupBox>(window, "stepBlocklists")->isChecked(), true);
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
    QTRY_VERIFY(child<QGroupBox>(window, "stepVerifyAddress")->isChecked());
    QTest::mouseClick(child<QPushButton>(window, "stepVerifyAddressRun"), Qt::LeftButton);
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
    child<QGroupBox>(window, "stepAuthentication")->setChecked(true);
    auto *domain = child<QLineEdit>(window, "sendingDomainEdit");
    domain->clear();
    QTest::keyClicks(domain, QStringLiteral("evil.test"));
    child<QGroupBox>(window, "stepBlocklists")->setChecked(true); // the IP is typed there
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
    QTRY_VERIFY(child<QGroupBox>(window, "stepBlocklists")->isChecked());
    auto *run = child<QPushButton>(window, "stepBlocklistsRun");
    auto *cancel = child<QPushButton>(window, "stepBlocklistsCancel");
    QTest::mouseClick(run, Qt::LeftButton);
    QTRY_VERIFY(cancel->isVisible());
    QVERIFY(!run->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(run->isEnabled());
    QVERIFY(!cancel->isVisible());
    QTest::qWait(200);
    QCOMPARE(child<QTreeWidget>(window, "stepBlocklistsResults")->topLevelItemCount(), 0);
    // A new bounce while a check runs: no stale rows for the wrong bounce.
    QTest::mouseClick(run, Qt::LeftButton);
    auto *checklist = window.findChild<ChecklistWidget *>();
    QVERIFY(checklist->isRunning());
    window.diagnoseText(QStringLiteral("ana@example.net: 552 5.2.2 Mailbox full"));
    QTRY_VERIFY(!window.isReading());
    QTRY_VERIFY(!checklist->isRunning());
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
    QTRY_VERIFY(child<QGroupBox>(window, "stepBlocklists")->isChecked());
    QTest::mouseClick(child<QPushButton>(window, "stepBlocklistsRun"), Qt::LeftButton);
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
        QTRY_VERIFY(child<QGroupBox>(*window, "stepBlocklists")->isChecked());
        QTest::mouseClick(child<QPushButton>(*window, "stepBlocklistsRun"), Qt::LeftButton);
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
