#pragma once

#include "bounce/diagnosis.h"
#include "casestore.h"
#include "report/reportwriter.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>

#include <functional>
#include <memory>

class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSplitter;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QThread;
class QTimer;

namespace BounceDoctor::Gui {

class DiagnosisView;
class HelpDialog;
class HistoryPanel;
class ReaderWorker;

/// The assistant's single window: take a bounce in, show what went wrong and how to fix it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openPaths(const QStringList &paths);
    void diagnoseText(const QString &text);
    bool isReading() const { return m_reading; }
    const QList<BounceMessage> &messages() const { return m_messages; }
    /// The case history, or null when it is off or could not be opened.
    CaseStore *caseStore() const { return m_cases && m_cases->isOpen() ? m_cases.get() : nullptr; }
    /// Shows a stored case as it was left: its diagnosis and each recipient's checklist work.
    bool reopenCase(qint64 id);

    /// Test hooks (KeePassXC-style): when set, used instead of the file dialogs.
    static std::function<QStringList()> openFilesHook;
    static std::function<QString()> openFolderHook;
    static std::function<QString(const QString &suffix)> saveFileHook;

Q_SIGNALS:
    void readPathsRequested(const QStringList &paths, int generation);
    void readTextRequested(const QString &text, int generation);
    void readingFinished();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void startReading();
    void onMessagesRead(const QList<BounceDoctor::BounceMessage> &messages, int generation);
    void onFinished(int generation);
    void showSelected();
    void updateCounts();
    void updateRecentMenu();
    void openFilesDialog();
    void openFolderDialog();
    void focusNextPane(int direction);
    void updateActions();
    void showStatus(const QString &text);
    QList<ChecklistRecord> workFor(const BounceMessage &message) const;
    /// Personal data hidden when the user asked for it (File > Hide Personal Data in Exports).
    void prepareExport(BounceMessage &message, QList<ChecklistRecord> &work) const;
    void pasteFromClipboard();
    void exportReport(const QString &format);
    void exportSuppressionList();
    void copyTicketText();
    void showError(const QString &text);
    QString askSavePath(const QString &title, const QString &suffix, const QString &filter);
    const BounceMessage *selectedMessage() const;
    void openHistory();
    /// The stored case of message messageIndex, created when first shown; 0 without history.
    qint64 caseFor(int messageIndex);
    void saveCase(int messageIndex);
    void saveDirtyCases();
    void showSeenBefore(int messageIndex, const RecipientDiagnosis &recipient);

    QPlainTextEdit *m_pasteBox = nullptr;
    QPushButton *m_diagnoseButton = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    DiagnosisView *m_view = nullptr;
    QMenu *m_recentMenu = nullptr;
    QScrollArea *m_scroll = nullptr;
    HelpDialog *m_help = nullptr;
    QSplitter *m_splitter = nullptr;
    QList<QAction *> m_diagnosisActions; ///< enabled only while a diagnosis is on show
    QAction *m_suppressionAction = nullptr;
    QTimer *m_pasteTimer = nullptr;

    std::unique_ptr<CaseStore> m_cases;
    HistoryPanel *m_history = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QLabel *m_seenBefore = nullptr;
    QHash<int, qint64> m_caseOfMessage; ///< m_messages index -> stored case
    QSet<int> m_dirtyCases;             ///< m_messages indexes with work not stored yet
    QTimer *m_caseTimer = nullptr;

    QThread *m_thread = nullptr;
    ReaderWorker *m_worker = nullptr;
    int m_generation = 0;
    bool m_reading = false;
    QList<BounceMessage> m_messages;
    QStringList m_errors;
};

} // namespace BounceDoctor::Gui
