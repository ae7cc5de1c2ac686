#pragma once

#include "casestore.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace BounceDoctor::Gui {

class CaseListModel;

/// The case history: search and filter stored cases, reopen one, keep notes, a ticket
/// reference and a state on it, delete one or all. Presents what CaseStore returns.
class HistoryPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    /// The store to show; null (or a store that is not open) shows why there is no history.
    void setStore(CaseStore *store, const QString &unavailableReason = {});
    /// Reads the list again (after a case was stored elsewhere).
    void refresh();
    qint64 selectedCaseId() const;
    void selectCase(qint64 id);

    /// Test hook: when set, answers the "delete?" questions instead of a dialog.
    static std::function<bool(const QString &question)> confirmHook;

Q_SIGNALS:
    void openCaseRequested(qint64 id);
    /// Feedback for the status bar ("Case copied").
    void statusMessage(const QString &text);
    /// A case's notes, state or ticket changed, or cases were deleted.
    void casesChanged();

private:
    void showSelectedCase();
    void addNote();
    void deleteSelected();
    void deleteAll();
    /// Copies the selected case for a ticket: the whole case, or its one-line summary.
    void copyHandOver(bool markdown, bool summaryOnly);
    bool confirm(const QString &question);
    CaseQuery currentQuery() const;

    CaseStore *m_store = nullptr;
    QLabel *m_unavailable = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QComboBox *m_period = nullptr;
    QTableView *m_table = nullptr;
    CaseListModel *m_model = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_deleteAll = nullptr;
    QLineEdit *m_ticket = nullptr;
    QComboBox *m_caseState = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLineEdit *m_newNote = nullptr;
    QPushButton *m_addNote = nullptr;
    QPushButton *m_copyText = nullptr;
    QPushButton *m_copyMarkdown = nullptr;
    QPushButton *m_copySummary = nullptr;
    QTimer *m_searchTimer = nullptr;
    bool m_updatingDetails = false;
};

} // namespace BounceDoctor::Gui
