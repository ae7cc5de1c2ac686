#include "mainwindow.h"

#include "common/settings.h"
#include "common/version.h"
#include "diagnosisview.h"
#include "readerworker.h"
#include "report/reportwriter.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
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
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextDocument>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace BounceDoctor::Gui {

std::function<QStringList()> MainWindow::openFilesHook;
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
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setAccessibleName(tr("Failed recipients"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    leftLayout->addWidget(m_table, 3);

    m_countsLabel = new QLabel(left);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_countsLabel->setWordWrap(true);
    leftLayout->addWidget(m_countsLabel);

    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    m_view = new DiagnosisView(scroll);
    scroll->setWidget(m_view);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

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

    createMenus();
    resize(1180, 780);
}

MainWindow::~MainWindow()
{
    m_thread->quit();
    m_thread->wait();
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::openFilesDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    updateRecentMenu();
    fileMenu->addSeparator();
    QMenu *exportMenu = fileMenu->addMenu(tr("&Export Report"));
    exportMenu->addAction(tr("&Markdown…"), this, [this] { exportReport(QStringLiteral("md")); })
        ->setObjectName(QStringLiteral("exportMarkdownAction"));
    exportMenu->addAction(tr("&HTML…"), this, [this] { exportReport(QStringLiteral("html")); })
        ->setObjectName(QStringLiteral("exportHtmlAction"));
    exportMenu->addAction(tr("&PDF…"), this, [this] { exportReport(QStringLiteral("pdf")); })
        ->setObjectName(QStringLiteral("exportPdfAction"));
    QAction *ticket =
        fileMenu->addAction(tr("&Copy as Ticket Text"), this, &MainWindow::copyTicketText);
    ticket->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    fileMenu
        ->addAction(tr("Export &Addresses to Remove…"), this, &MainWindow::exportSuppressionList)
        ->setObjectName(QStringLiteral("exportSuppressionAction"));
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
    helpMenu->addAction(tr("&About Bounce Doctor"), this, [this] {
        QMessageBox::about(this, tr("About Bounce Doctor"),
                           tr("<b>Bounce Doctor</b> %1<br>Explains why an email bounced and "
                              "walks you through fixing it.<br>GPL-3.0-or-later")
                               .arg(applicationVersion()));
    });
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = Settings().recentFiles();
    for (const QString &path : files)
        m_recentMenu->addAction(path, this, [this, path] { openPaths({path}); });
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
    m_progress->show();
    m_view->showMessage(tr("Reading…"));
}

void MainWindow::openPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    Settings settings;
    for (const QString &path : paths)
        settings.addRecentFile(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
    startReading();
    Q_EMIT readPathsRequested(paths, m_generation);
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
            row << new QStandardItem(r.recipient) << new QStandardItem(r.reason)
                << new QStandardItem(
                       QStringList{r.replyCode, r.status}.join(QLatin1Char(' ')).trimmed())
                << new QStandardItem(r.provider)
                << new QStandardItem(ReportWriter::responsibleText(r.responsible));
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
    const int messages = int(m_messages.size());
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
    m_view->showDiagnosis(message, message.recipients.at(item->data(RecipientRole).toInt()));
}

void MainWindow::openFilesDialog()
{
    const QStringList paths =
        openFilesHook ? openFilesHook()
                      : QFileDialog::getOpenFileNames(
                            this, tr("Open bounces"), QString(),
                            tr("Email messages (*.eml *.mbox *.txt *.msg);;All files (*)"));
    openPaths(paths);
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
        document.setHtml(ReportWriter::html(*message));
        document.print(&writer);
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    const QString text = format == QLatin1String("html") ? ReportWriter::html(*message)
                                                         : ReportWriter::markdown(*message);
    file.write(text.toUtf8());
    if (!file.commit())
        showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
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
}

void MainWindow::copyTicketText()
{
    if (const BounceMessage *message = selectedMessage())
        QApplication::clipboard()->setText(ReportWriter::ticketText(*message));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty())
        openPaths(paths);
    else if (data->hasText())
        diagnoseText(data->text());
    event->acceptProposedAction();
}

} // namespace BounceDoctor::Gui
