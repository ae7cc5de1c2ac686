#include "mainwindow.h"

#include "caselistmodel.h"
#include "checklistwidget.h"
#include "common/mailaddress.h"
#include "common/version.h"
#include "diagnosisview.h"
#include "helpdialog.h"
#include "historypanel.h"
#include "readerworker.h"
#include "report/privacy.h"
#include "report/reportwriter.h"
#include "settings.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextDocument>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace BounceDoctor::Gui {

std::function<QStringList()> MainWindow::openFilesHook;
std::function<QString()> MainWindow::openFolderHook;
std::function<QString(const QString &)> MainWindow::saveFileHook;

namespace {

enum Column
{
    RecipientColumn,
    ReasonColumn,
    CodeColumn,
    ProviderColumn,
    ActorColumn,
    ColumnCount
};
constexpr int MessageRole = Qt::UserRole + 1;
constexpr int RecipientRole = Qt::UserRole + 2;

/// Elides its column's text in the middle.
class MiddleElideDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

/// The local files a drag carries; empty for text or remote URLs (never fetched).
QStringList localFilesOf(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(applicationName());
    setAcceptDrops(true);

    auto *splitter = new QSplitter(this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    m_pasteBox = new QPlainTextEdit(left);
    m_pasteBox->setObjectName(QStringLiteral("pasteBox"));
    m_pasteBox->setAccessibleName(tr("Bounce text"));
    m_pasteBox->setPlaceholderText(
        tr("Paste the bounce here: the whole message, or just the error line such as\n"
           "550 5.1.1 <jsmith@example.com>: Recipient address rejected: User unknown"));
    m_pasteBox->setTabChangesFocus(true);
    leftLayout->addWidget(m_pasteBox, 2);

    auto *buttons = new QHBoxLayout;
    m_diagnoseButton = new QPushButton(tr("&Diagnose"), left);
    m_diagnoseButton->setObjectName(QStringLiteral("diagnoseButton"));
    m_diagnoseButton->setDefault(true);
    auto *openButton = new QPushButton(tr("&Open file…"), left);
    openButton->setObjectName(QStringLiteral("openButton"));
    openButton->setToolTip(tr("Open saved messages (.eml), an mbox, or a folder of them"));
    buttons->addWidget(m_diagnoseButton);
    buttons->addWidget(openButton);
    buttons->addStretch();
    leftLayout->addLayout(buttons);

    m_progress = new QProgressBar(left);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Reading…"));
    m_progress->hide();
    leftLayout->addWidget(m_progress);

    m_errorLabel = new QLabel(left);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setForegroundRole(QPalette::LinkVisited);
    m_errorLabel->hide();
    leftLayout->addWidget(m_errorLabel);

    m_seenBefore = new QLabel(left);
    m_seenBefore->setObjectName(QStringLiteral("seenBeforeLabel"));
    m_seenBefore->setWordWrap(true);
    m_seenBefore->setTextFormat(Qt::PlainText);
    m_seenBefore->hide();
    leftLayout->addWidget(m_seenBefore);

    m_filterEdit = new QLineEdit(left);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter recipients, reasons, providers…"));
    m_filterEdit->setAccessibleName(tr("Filter"));
    m_filterEdit->setClearButtonEnabled(true);
    leftLayout->addWidget(m_filterEdit);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels(
        {tr("Recipient"), tr("Reason"), tr("Code"), tr("Provider"), tr("Who acts")});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    // The tooltips carry the shown words and the engine's ids: "hostunknown" finds its rows.
    m_proxy->setFilterRole(Qt::ToolTipRole);
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setAccessibleName(tr("Recipients"));
    // Tab moves on to the diagnosis; the arrow keys move between rows.
    m_table->setTabKeyNavigation(false);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Recipient and reason share the width left; the short columns keep theirs.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(RecipientColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    header->resizeSection(CodeColumn, 82);
    header->resizeSection(ProviderColumn, 80);
    header->resizeSection(ActorColumn, 100);
    m_table->setWordWrap(false);
    // Addresses are told apart by both ends: elide them in the middle (the whole address is
    // in the tooltip); other columns elide at the end.
    m_table->setItemDelegateForColumn(RecipientColumn, new MiddleElideDelegate(m_table));
    m_table->verticalHeader()->hide();
    leftLayout->addWidget(m_table, 3);

    m_countsLabel = new QLabel(left);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_countsLabel->setAccessibleName(tr("Counts"));
    m_countsLabel->setWordWrap(true);
    leftLayout->addWidget(m_countsLabel);

    m_scroll = new QScrollArea(splitter);
    m_scroll->setObjectName(QStringLiteral("diagnosisScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFocusPolicy(Qt::NoFocus); // its contents take focus, not the frame
    m_view = new DiagnosisView(m_scroll);
    m_scroll->setWidget(m_view);
    splitter->addWidget(left);
    splitter->addWidget(m_scroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter = splitter;
    setCentralWidget(splitter);
    connect(m_view, &DiagnosisView::statusMessage, this, &MainWindow::showStatus);
    statusBar()->setObjectName(QStringLiteral("statusBar"));

    // F6 and Shift+F6 move between the panes: the bounce text, the recipients, the diagnosis.
    auto *nextPane = new QShortcut(QKeySequence(Qt::Key_F6), this);
    connect(nextPane, &QShortcut::activated, this, [this] { focusNextPane(1); });
    auto *previousPane = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6), this);
    connect(previousPane, &QShortcut::activated, this, [this] { focusNextPane(-1); });
    // Drops on any child (the paste box above all) open files instead of inserting their URL.
    qApp->installEventFilter(this);

    m_pasteTimer = new QTimer(this);
    m_pasteTimer->setSingleShot(true);
    m_pasteTimer->setInterval(600);
    connect(m_pasteTimer, &QTimer::timeout, this,
            [this] { diagnoseText(m_pasteBox->toPlainText()); });
    connect(m_pasteBox, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_pasteBox->toPlainText().trimmed().isEmpty())
            m_pasteTimer->start();
    });
    connect(m_diagnoseButton, &QPushButton::clicked, this, [this] {
        m_pasteTimer->stop();
        diagnoseText(m_pasteBox->toPlainText());
    });
    connect(openButton, &QPushButton::clicked, this, &MainWindow::openFilesDialog);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showSelected);

    m_thread = new QThread(this);
    m_worker = new ReaderWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MainWindow::readPathsRequested, m_worker, &ReaderWorker::readPaths);
    connect(this, &MainWindow::readTextRequested, m_worker, &ReaderWorker::readText);
    connect(m_worker, &ReaderWorker::messagesRead, this, &MainWindow::onMessagesRead);
    connect(m_worker, &ReaderWorker::finished, this, &MainWindow::onFinished);
    m_thread->start();

    m_history = new HistoryPanel(this);
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_history);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();
    connect(m_history, &HistoryPanel::openCaseRequested, this, &MainWindow::reopenCase);
    connect(m_history, &HistoryPanel::statusMessage, this, &MainWindow::showStatus);
    m_caseTimer = new QTimer(this);
    m_caseTimer->setSingleShot(true);
    m_caseTimer->setInterval(400);
    connect(m_caseTimer, &QTimer::timeout, this, &MainWindow::saveDirtyCases);
    connect(m_view, &DiagnosisView::workChanged, this, [this] {
        const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
        if (!current.isValid() || !caseStore())
            return;
        m_dirtyCases.insert(
            m_model->item(current.row(), RecipientColumn)->data(MessageRole).toInt());
        m_caseTimer->start();
    });
    openHistory();

    createMenus();
    updateActions();
    const Settings settings;
    if (!restoreGeometry(settings.windowGeometry())) {
        // The first window fits the screen at any scale: a laptop at 150 % has 1280 x 720
        // device-independent pixels, less the panels.
        resize(1180, 780);
        if (const QScreen *screen = this->screen())
            resize(size().boundedTo(screen->availableGeometry().size() * 0.92));
    }
    m_splitter->restoreState(settings.splitterState());
}

MainWindow::~MainWindow()
{
    saveDirtyCases();
    qApp->removeEventFilter(this);
    m_thread->quit();
    m_thread->wait();
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::openFilesDialog);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("openAction"));
    fileMenu->addAction(tr("Open &Folder…"), this, &MainWindow::openFolderDialog)
        ->setObjectName(QStringLiteral("openFolderAction"));
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    updateRecentMenu();
    fileMenu->addSeparator();
    QMenu *exportMenu = fileMenu->addMenu(tr("&Export Report"));
    m_diagnosisActions.append(exportMenu->menuAction());
    m_diagnosisActions.append(exportMenu->addAction(
        tr("&Markdown…"), this, [this] { exportReport(QStringLiteral("md")); }));
    m_diagnosisActions.last()->setObjectName(QStringLiteral("exportMarkdownAction"));
    m_diagnosisActions.append(exportMenu->addAction(
        tr("&HTML…"), this, [this] { exportReport(QStringLiteral("html")); }));
    m_diagnosisActions.last()->setObjectName(QStringLiteral("exportHtmlAction"));
    m_diagnosisActions.append(
        exportMenu->addAction(tr("&PDF…"), this, [this] { exportReport(QStringLiteral("pdf")); }));
    m_diagnosisActions.last()->setObjectName(QStringLiteral("exportPdfAction"));
    QAction *ticket =
        fileMenu->addAction(tr("&Copy as Ticket Text"), this, &MainWindow::copyTicketText);
    ticket->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    ticket->setObjectName(QStringLiteral("copyTicketAction"));
    m_diagnosisActions.append(ticket);
    QAction *hidePersonal = fileMenu->addAction(tr("&Hide Personal Data in Exports"));
    hidePersonal->setObjectName(QStringLiteral("hidePersonalAction"));
    hidePersonal->setCheckable(true);
    hidePersonal->setChecked(Settings().hidePersonalData());
    hidePersonal->setToolTip(tr("Reports, ticket texts and cases handed over mask the recipients' "
                                "addresses, the sender and the subject; the server's words stay"));
    connect(hidePersonal, &QAction::toggled, this,
            [](bool hide) { Settings().setHidePersonalData(hide); });
    m_suppressionAction = fileMenu->addAction(tr("Export &Addresses to Remove…"), this,
                                              &MainWindow::exportSuppressionList);
    m_suppressionAction->setObjectName(QStringLiteral("exportSuppressionAction"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *paste =
        editMenu->addAction(tr("&Paste Bounce"), this, &MainWindow::pasteFromClipboard);
    paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    QAction *find =
        editMenu->addAction(tr("&Filter Results"), this, [this] { m_filterEdit->setFocus(); });
    find->setShortcut(QKeySequence::Find);
    editMenu->addSeparator();
    QAction *preferences = editMenu->addAction(tr("&Settings…"), this, [this] {
        SettingsDialog dialog(this);
        dialog.exec();
    });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *history = m_historyDock->toggleViewAction();
    history->setText(tr("&History"));
    history->setObjectName(QStringLiteral("historyAction"));
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    viewMenu->addAction(history);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QMenu *examples = helpMenu->addMenu(tr("&Examples"));
    examples->setObjectName(QStringLiteral("examplesMenu"));
    const QDir exampleDir(QStringLiteral(":/bouncedoctor/examples"));
    const QStringList exampleFiles = exampleDir.entryList(QDir::Files, QDir::Name);
    for (const QString &name : exampleFiles) {
        QString title = name.section(QLatin1Char('.'), 0, 0).mid(3); // "01-user-unknown.eml"
        title.replace(QLatin1Char('-'), QLatin1Char(' '));
        title[0] = title.at(0).toUpper();
        examples->addAction(title, this, [this, path = exampleDir.filePath(name)] {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                diagnoseText(QString::fromUtf8(file.readAll()));
        });
    }
    QAction *help = helpMenu->addAction(tr("&How to Read a Bounce"), this, [this] {
        if (!m_help)
            m_help = new HelpDialog(this);
        m_help->show();
        m_help->raise();
        m_help->activateWindow();
    });
    help->setShortcut(QKeySequence::HelpContents);
    help->setObjectName(QStringLiteral("helpAction"));
    helpMenu->addSeparator();
    helpMenu->addAction(tr("&About Bounce Doctor"), this, [this] {
        QMessageBox::about(this, tr("About Bounce Doctor"), HelpDialog::aboutHtml());
    });
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    Settings settings;
    QStringList files = settings.recentFiles();
    // Files deleted or moved since are not offered.
    for (const QString &path : std::as_const(files)) {
        if (!QFileInfo::exists(path))
            settings.removeRecentFile(path);
    }
    files = settings.recentFiles();
    for (const QString &path : std::as_const(files)) {
        const QFileInfo info(path);
        QAction *action =
            m_recentMenu->addAction(info.fileName().isEmpty() ? path : info.fileName(), this,
                                    [this, path] { openPaths({path}); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu
            ->addAction(tr("&Clear List"), this,
                        [this] {
                            Settings().clearRecentFiles();
                            updateRecentMenu();
                        })
            ->setObjectName(QStringLiteral("clearRecentAction"));
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::startReading()
{
    ++m_generation;
    m_reading = true;
    m_messages.clear();
    m_errors.clear();
    m_model->removeRows(0, m_model->rowCount());
    m_errorLabel->hide();
    m_seenBefore->hide();
    saveDirtyCases();
    m_caseOfMessage.clear();
    m_progress->show();
    m_view->showMessage(tr("Reading…"));
}

void MainWindow::openPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    Settings settings;
    QStringList found;
    QStringList missing;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            missing.append(tr("File not found: %1").arg(QDir::toNativeSeparators(path)));
            settings.removeRecentFile(info.absoluteFilePath());
            continue;
        }
        found.append(path);
        settings.addRecentFile(info.absoluteFilePath());
    }
    updateRecentMenu();
    if (found.isEmpty()) {
        // Nothing to read: keep the diagnosis on show and say what is wrong.
        showError(missing.join(QLatin1Char('\n')));
        showStatus(missing.first());
        return;
    }
    startReading();
    m_errors = missing;
    {
        // The text of an earlier paste does not belong to the file now open.
        const QSignalBlocker blocker(m_pasteBox);
        m_pasteTimer->stop();
        m_pasteBox->clear();
    }
    const QFileInfo first(found.first());
    const QString name = first.fileName().isEmpty() ? found.first() : first.fileName();
    setWindowTitle(
        found.size() == 1 ? name : tr("%1 and %n more", nullptr, int(found.size() - 1)).arg(name));
    if (!missing.isEmpty())
        showError(missing.join(QLatin1Char('\n')));
    Q_EMIT readPathsRequested(found, m_generation);
}

void MainWindow::diagnoseText(const QString &text)
{
    if (text.trimmed().isEmpty())
        return;
    if (m_pasteBox->toPlainText() != text) {
        const QSignalBlocker blocker(m_pasteBox);
        m_pasteBox->setPlainText(text);
    }
    startReading();
    setWindowTitle(applicationName());
    Q_EMIT readTextRequested(text, m_generation);
}

void MainWindow::onMessagesRead(const QList<BounceMessage> &messages, int generation)
{
    if (generation != m_generation)
        return; // results for input the user has already replaced
    for (const BounceMessage &message : messages) {
        const int messageIndex = int(m_messages.size());
        m_messages.append(message);
        if (message.kind == BounceMessage::Kind::Error) {
            m_errors.append(message.error);
            continue;
        }
        if (!message.notice.isEmpty())
            m_errors.append(message.notice);
        for (int i = 0; i < message.recipients.size(); ++i) {
            const RecipientDiagnosis &r = message.recipients.at(i);
            QList<QStandardItem *> row;
            const QString reasonId =
                r.detail.isEmpty() ? r.reason : r.reason + QStringLiteral(", ") + r.detail;
            const QString reasonWords = ReportWriter::reasonText(r);
            for (const QString &text :
                 {r.recipient, reasonWords,
                  QStringList{r.replyCode, r.status}.join(QLatin1Char(' ')).trimmed(),
                  ReportWriter::providerText(r.provider), ReportWriter::whoActsText(r)}) {
                auto *item = new QStandardItem(text);
                item->setToolTip(text);
                row << item;
            }
            row.at(ReasonColumn)->setToolTip(reasonWords + QStringLiteral(" — ") + reasonId);
            if (!r.provider.isEmpty())
                row.at(ProviderColumn)
                    ->setToolTip(row.at(ProviderColumn)->text() + QStringLiteral(" — ") +
                                 r.provider);
            row.first()->setData(messageIndex, MessageRole);
            row.first()->setData(i, RecipientRole);
            m_model->appendRow(row);
        }
    }
    updateCounts();
    if (m_table->currentIndex().row() < 0 && m_proxy->rowCount() > 0)
        m_table->selectRow(0);
}

void MainWindow::onFinished(int generation)
{
    if (generation != m_generation)
        return;
    m_reading = false;
    m_progress->hide();
    if (!m_errors.isEmpty())
        showError(m_errors.join(QLatin1Char('\n')));
    updateActions();
    if (m_model->rowCount() == 0)
        m_view->showMessage(
            m_errors.isEmpty()
                ? tr("This does not look like a bounce: no failed recipient was found. "
                     "Paste the whole bounce, or the line with the error code.")
                : tr("Nothing could be read."));
    updateCounts();
    Q_EMIT readingFinished();
}

void MainWindow::showError(const QString &text)
{
    m_errorLabel->setText(text);
    m_errorLabel->show();
}

void MainWindow::updateCounts()
{
    QMap<QString, int> perReason;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ++perReason[m_model->item(row, ReasonColumn)->text()];
    QStringList parts;
    for (auto it = perReason.cbegin(); it != perReason.cend(); ++it)
        parts.append(QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
    const int messages =
        int(std::count_if(m_messages.cbegin(), m_messages.cend(), [](const BounceMessage &m) {
            return m.kind != BounceMessage::Kind::Error;
        }));
    m_countsLabel->setText(messages == 0 ? QString()
                                         : tr("Messages read: %1. ").arg(messages) +
                                               parts.join(QStringLiteral(", ")));
}

const BounceMessage *MainWindow::selectedMessage() const
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid())
        return m_messages.isEmpty() ? nullptr : &m_messages.first();
    const int messageIndex =
        m_model->item(current.row(), RecipientColumn)->data(MessageRole).toInt();
    return &m_messages.at(messageIndex);
}

void MainWindow::showSelected()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid())
        return;
    const QStandardItem *item = m_model->item(current.row(), RecipientColumn);
    const BounceMessage &message = m_messages.at(item->data(MessageRole).toInt());
    const int messageIndex = item->data(MessageRole).toInt();
    const RecipientDiagnosis &recipient = message.recipients.at(item->data(RecipientRole).toInt());
    m_view->showDiagnosis(message, recipient);
    caseFor(messageIndex);
    showSeenBefore(messageIndex, recipient);
    // Another recipient starts at its headline, not where the last one was scrolled to.
    m_scroll->verticalScrollBar()->setValue(0);
    updateActions();
}

QList<ChecklistRecord> MainWindow::workFor(const BounceMessage &message) const
{
    QList<ChecklistRecord> work;
    for (const RecipientDiagnosis &r : message.recipients)
        work.append(m_view->recordFor(message, r));
    return work;
}

void MainWindow::updateActions()
{
    const bool diagnosis = !m_reading && m_table->currentIndex().isValid();
    for (QAction *action : std::as_const(m_diagnosisActions))
        action->setEnabled(diagnosis);
    const bool anyHard =
        std::any_of(m_messages.cbegin(), m_messages.cend(), [](const BounceMessage &m) {
            return std::any_of(m.recipients.cbegin(), m.recipients.cend(),
                               [](const RecipientDiagnosis &r) { return r.hardBounce; });
        });
    m_suppressionAction->setEnabled(!m_reading && anyHard);
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::focusNextPane(int direction)
{
    // Each pane: the widget that contains it, and where focus lands in it.
    QList<QPair<QWidget *, QWidget *>> panes{{m_pasteBox, m_pasteBox}, {m_table, m_table}};
    if (m_view->currentChecklist())
        panes.append({m_scroll, m_view->firstFocusWidget()});
    const QWidget *focus = QApplication::focusWidget();
    qsizetype current = direction > 0 ? -1 : 0;
    for (qsizetype i = 0; i < panes.size(); ++i) {
        if (focus && (focus == panes.at(i).first || panes.at(i).first->isAncestorOf(focus)))
            current = i;
    }
    const qsizetype next = (current + direction + panes.size()) % panes.size();
    panes.at(next).second->setFocus(Qt::OtherFocusReason);
}

void MainWindow::openFilesDialog()
{
    QStringList paths;
    if (openFilesHook) {
        paths = openFilesHook();
    } else {
        // Mailbox files often have no extension (Thunderbird's "Inbox"): "*" keeps them in
        // "All supported", and the reader says clearly when a file is not mail.
        paths = QFileDialog::getOpenFileNames(
            this, tr("Open bounces"), Settings().lastOpenFolder(),
            tr("All supported: messages, mailboxes, files without extension (*.eml *.mbox "
               "*.mbx *.txt *);;Email messages (*.eml);;Mailboxes (*.mbox *.mbx)"));
    }
    if (!paths.isEmpty())
        Settings().setLastOpenFolder(QFileInfo(paths.first()).absolutePath());
    openPaths(paths);
}

void MainWindow::openFolderDialog()
{
    const QString folder =
        openFolderHook ? openFolderHook()
                       : QFileDialog::getExistingDirectory(this, tr("Open a folder of bounces"),
                                                           Settings().lastOpenFolder());
    if (folder.isEmpty())
        return;
    Settings().setLastOpenFolder(folder);
    openPaths({folder});
}

void MainWindow::pasteFromClipboard()
{
    diagnoseText(QApplication::clipboard()->text());
}

QString MainWindow::askSavePath(const QString &title, const QString &suffix, const QString &filter)
{
    if (saveFileHook)
        return saveFileHook(suffix);
    return QFileDialog::getSaveFileName(this, title, QStringLiteral("bounce-report.") + suffix,
                                        filter);
}

void MainWindow::exportReport(const QString &format)
{
    const BounceMessage *message = selectedMessage();
    if (!message || message->recipients.isEmpty()) {
        showError(tr("There is no diagnosis to export yet."));
        return;
    }
    const QString path = askSavePath(tr("Export report"), format,
                                     format == QLatin1String("pdf")    ? tr("PDF (*.pdf)")
                                     : format == QLatin1String("html") ? tr("HTML (*.html)")
                                                                       : tr("Markdown (*.md)"));
    if (path.isEmpty())
        return;
    if (format == QLatin1String("pdf")) {
        QPdfWriter writer(path);
        writer.setTitle(tr("Bounce diagnosis"));
        writer.setCreator(applicationName());
        QTextDocument document;
        // Long words (addresses, URLs, server replies) wrap at the page edge, never cut.
        QTextOption option = document.defaultTextOption();
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        document.setDefaultTextOption(option);
        BounceMessage shown = *message;
        QList<ChecklistRecord> work = workFor(*message);
        prepareExport(shown, work);
        document.setHtml(ReportWriter::html(shown, work));
        document.print(&writer);
        showStatus(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)));
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    BounceMessage shown = *message;
    QList<ChecklistRecord> work = workFor(*message);
    prepareExport(shown, work);
    const QString text = format == QLatin1String("html") ? ReportWriter::html(shown, work)
                                                         : ReportWriter::markdown(shown, work);
    file.write(text.toUtf8());
    if (!file.commit())
        showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    else
        showStatus(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::exportSuppressionList()
{
    const QString csv = ReportWriter::suppressionCsv(m_messages);
    const QString path =
        askSavePath(tr("Export addresses to remove"), QStringLiteral("csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    file.write(csv.toUtf8());
    if (!file.commit())
        showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    else
        showStatus(tr("%n address(es) saved to %1", nullptr, int(csv.count(QLatin1Char('\n')) - 1))
                       .arg(QDir::toNativeSeparators(path)));
}

void MainWindow::copyTicketText()
{
    const BounceMessage *message = selectedMessage();
    if (!message || message->recipients.isEmpty())
        return;
    BounceMessage shown = *message;
    QList<ChecklistRecord> work = workFor(*message);
    prepareExport(shown, work);
    QApplication::clipboard()->setText(ReportWriter::ticketText(shown, work));
    showStatus(tr("Ticket text copied to the clipboard."));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QMainWindow::eventFilter(watched, event);
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget == this || widget->window() != this)
        return QMainWindow::eventFilter(watched, event);
    auto *drop = static_cast<QDropEvent *>(event);
    const QStringList paths = localFilesOf(drop->mimeData());
    if (paths.isEmpty())
        return QMainWindow::eventFilter(watched, event); // text: the widget takes it as usual
    drop->setDropAction(Qt::CopyAction);
    drop->accept();
    if (type == QEvent::Drop)
        openPaths(paths);
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveDirtyCases();
    Settings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setSplitterState(m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    const QStringList paths = localFilesOf(data);
    if (!paths.isEmpty())
        openPaths(paths);
    else if (data->hasText())
        diagnoseText(data->text());
    event->acceptProposedAction();
}

void MainWindow::openHistory()
{
    const Settings settings;
    if (!settings.historyEnabled()) {
        m_history->setStore(nullptr, tr("The case history is off (Edit > Settings)."));
        return;
    }
    const QString location = settings.historyLocation().isEmpty() ? CaseStore::defaultLocation()
                                                                  : settings.historyLocation();
    m_cases = std::make_unique<CaseStore>();
    if (!m_cases->open(location)) {
        m_history->setStore(nullptr, m_cases->errorString());
        return;
    }
    if (const int days = settings.historyRetentionDays(); days > 0)
        m_cases->removeCreatedBefore(QDateTime::currentDateTimeUtc().addDays(-days));
    m_history->setStore(m_cases.get());
    if (!m_cases->movedAsidePath().isEmpty())
        showStatus(tr("The case history was damaged: it was moved to %1 and a new one started.")
                       .arg(QDir::toNativeSeparators(m_cases->movedAsidePath())));
}

qint64 MainWindow::caseFor(int messageIndex)
{
    CaseStore *store = caseStore();
    if (!store || messageIndex < 0 || messageIndex >= m_messages.size())
        return 0;
    if (const qint64 id = m_caseOfMessage.value(messageIndex))
        return id;
    const BounceMessage &message = m_messages.at(messageIndex);
    // The same bounce opened again (or pasted again) is the case it already has.
    if (!message.recipients.isEmpty()) {
        const RecipientDiagnosis &first = message.recipients.constFirst();
        for (const CaseSummary &earlier : store->seenBefore(first.recipient, {}, {})) {
            const std::optional<BounceCase> c = store->load(earlier.id);
            if (!c || c->source != message.source ||
                c->original.messageId != message.original.messageId ||
                c->recipients.size() != message.recipients.size())
                continue;
            bool same = true;
            for (qsizetype i = 0; i < c->recipients.size() && same; ++i)
                same =
                    c->recipients.at(i).diagnosis.recipient == message.recipients.at(i).recipient &&
                    c->recipients.at(i).diagnosis.diagnostic == message.recipients.at(i).diagnostic;
            if (same) {
                m_caseOfMessage.insert(messageIndex, c->id);
                return c->id;
            }
        }
    }
    QByteArray raw;
    const Settings settings;
    if (settings.historyStoresBounceText()) {
        if (message.source.isEmpty()) {
            raw = m_pasteBox->toPlainText().toUtf8();
        } else if (QFile file(message.source);
                   message.index == 0 && file.open(QIODevice::ReadOnly) &&
                   file.size() <= CaseStore::Options{}.maxRawBounceBytes) {
            raw = file.readAll();
        }
    }
    BounceCase c = BounceCase::fromMessage(message, raw);
    if (!store->save(c)) {
        showStatus(
            tr("This case could not be stored in the history: %1").arg(store->errorString()));
        return 0;
    }
    m_caseOfMessage.insert(messageIndex, c.id);
    m_history->refresh();
    return c.id;
}

void MainWindow::saveCase(int messageIndex)
{
    CaseStore *store = caseStore();
    const qint64 id = caseFor(messageIndex);
    if (!store || !id)
        return;
    // Read it back first: notes, ticket and state may have changed in the History panel.
    std::optional<BounceCase> c = store->load(id);
    if (!c)
        return;
    const BounceMessage &message = m_messages.at(messageIndex);
    const QList<ChecklistRecord> work = workFor(message);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < c->recipients.size() && i < work.size(); ++i) {
        CaseRecipient &r = c->recipients[i];
        QHash<QString, QDateTime> ranBefore;
        for (const CaseFinding &f : std::as_const(r.findings))
            ranBefore.insert(f.finding.id + f.finding.title, f.ranAt);
        r.findings.clear();
        r.doneSteps.clear();
        for (const ChecklistRecord::Step &step : work.at(i).steps) {
            if (step.done)
                r.doneSteps.append(step.title);
            for (const Finding &f : step.findings)
                r.findings.append({f, ranBefore.value(f.id + f.title, now)});
        }
        const ContactDraft &draft = work.at(i).draft;
        // As a message's header and body, the same in every language (read back by reopenCase).
        r.draft = work.at(i).hasDraft ? QStringLiteral("To: %1\nSubject: %2\n\n%3")
                                            .arg(draft.to, draft.subject, draft.body)
                                      : QString();
    }
    if (!store->save(*c)) {
        // Kept in the window: the next change tries again.
        m_dirtyCases.insert(messageIndex);
        showStatus(tr("The case could not be stored: %1").arg(store->errorString()));
        return;
    }
    m_history->refresh();
}

void MainWindow::saveDirtyCases()
{
    const QSet<int> dirty = std::exchange(m_dirtyCases, {});
    for (const int messageIndex : dirty)
        saveCase(messageIndex);
}

void MainWindow::showSeenBefore(int messageIndex, const RecipientDiagnosis &recipient)
{
    CaseStore *store = caseStore();
    const QString domain = MailAddress::domainPart(recipient.recipient).toLower();
    const QList<CaseSummary> earlier =
        store ? store->seenBefore(recipient.recipient, domain, recipient.sendingIp,
                                  m_caseOfMessage.value(messageIndex))
              : QList<CaseSummary>{};
    if (earlier.isEmpty()) {
        m_seenBefore->hide();
        return;
    }
    const CaseSummary &last = earlier.constFirst();
    m_seenBefore->setText(
        tr("Seen before: %n earlier case(s) with this recipient, its domain or the sending IP; "
           "the last on %1 (%2). View > History shows them.",
           nullptr, int(earlier.size()))
            .arg(QLocale().toString(last.createdAt.toLocalTime(), QLocale::ShortFormat),
                 CaseListModel::stateLabel(last.state)));
    m_seenBefore->show();
}

bool MainWindow::reopenCase(qint64 id)
{
    CaseStore *store = caseStore();
    const std::optional<BounceCase> c = store ? store->load(id) : std::nullopt;
    if (!c) {
        showStatus(store ? store->errorString() : tr("The case history is off."));
        return false;
    }
    BounceMessage message;
    message.source = c->source;
    message.format = c->format;
    message.subject = c->subject;
    message.original = c->original;
    for (const CaseRecipient &r : c->recipients)
        message.recipients.append(r.diagnosis);
    startReading();
    m_caseOfMessage.insert(0, id);
    onMessagesRead({message}, m_generation);
    onFinished(m_generation);
    // Each recipient's checklist as it was left.
    for (qsizetype i = 0; i < c->recipients.size(); ++i) {
        const CaseRecipient &kept = c->recipients.at(i);
        m_view->showDiagnosis(m_messages.constFirst(), m_messages.constFirst().recipients.at(i));
        if (ChecklistWidget *checklist = m_view->currentChecklist()) {
            ChecklistRecord record = checklist->record();
            for (ChecklistRecord::Step &step : record.steps) {
                step.done = kept.doneSteps.contains(step.title);
                step.findings.clear();
                for (const CaseFinding &f : kept.findings) {
                    if (checklistStep(step.kind) == f.finding.step)
                        step.findings.append(f.finding);
                }
                step.ran = !step.findings.isEmpty();
            }
            if (kept.draft.startsWith(QLatin1String("To: "))) {
                const qsizetype headerEnd = kept.draft.indexOf(QLatin1String("\n\n"));
                const QStringList header = kept.draft.left(headerEnd).split(u'\n');
                record.hasDraft = true;
                record.draft.to = header.value(0).mid(4);
                record.draft.subject = header.value(1).mid(9);
                record.draft.body = headerEnd < 0 ? QString() : kept.draft.mid(headerEnd + 2);
            }
            checklist->restore(record);
        }
    }
    showSelected();
    setWindowTitle(tr("Case %1 — %2").arg(id).arg(applicationName()));
    showStatus(tr("Case %1 reopened from the history.").arg(id));
    return true;
}

void MainWindow::prepareExport(BounceMessage &message, QList<ChecklistRecord> &work) const
{
    if (Settings().hidePersonalData())
        Privacy::hide(message, work);
}

} // namespace BounceDoctor::Gui
