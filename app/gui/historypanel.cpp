#include "historypanel.h"

#include "casehandover.h"
#include "caselistmodel.h"
#include "settings.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace BounceDoctor::Gui {

std::function<bool(const QString &)> HistoryPanel::confirmHook;

namespace {

constexpr CaseState allStates[] = {CaseState::Open, CaseState::WaitingForRecipientIt,
                                   CaseState::Resolved};

} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("historyPanel"));
    auto *layout = new QVBoxLayout(this);

    m_unavailable = new QLabel(this);
    m_unavailable->setObjectName(QStringLiteral("historyUnavailable"));
    m_unavailable->setWordWrap(true);
    m_unavailable->setTextFormat(Qt::PlainText);
    m_unavailable->hide();
    layout->addWidget(m_unavailable);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(
        tr("Search recipient, domain, sending IP, reason, provider, ticket…"));
    m_search->setAccessibleName(tr("Search the history"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    auto *filters = new QHBoxLayout;
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("historyStateFilter"));
    m_stateFilter->setAccessibleName(tr("Show cases in state"));
    m_stateFilter->addItem(tr("Any state"), -1);
    for (CaseState state : allStates)
        m_stateFilter->addItem(CaseListModel::stateLabel(state), int(state));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("historyPeriod"));
    m_period->setAccessibleName(tr("Show cases from"));
    m_period->addItem(tr("Any time"), 0);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 365 days"), 365);
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_period);
    layout->addLayout(filters);

    m_model = new CaseListModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Stored cases"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTextElideMode(Qt::ElideMiddle);
    layout->addWidget(m_table, 1);

    auto *actions = new QHBoxLayout;
    m_open = new QPushButton(tr("&Reopen"), this);
    m_open->setObjectName(QStringLiteral("historyOpen"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("historyDelete"));
    m_deleteAll = new QPushButton(tr("Delete All…"), this);
    m_deleteAll->setObjectName(QStringLiteral("historyDeleteAll"));
    actions->addWidget(m_open);
    actions->addWidget(m_delete);
    actions->addStretch();
    actions->addWidget(m_deleteAll);
    layout->addLayout(actions);

    auto *details = new QFormLayout;
    m_ticket = new QLineEdit(this);
    m_ticket->setObjectName(QStringLiteral("historyTicket"));
    m_ticket->setPlaceholderText(tr("e.g. HD-1042"));
    m_caseState = new QComboBox(this);
    m_caseState->setObjectName(QStringLiteral("historyCaseState"));
    for (CaseState state : allStates)
        m_caseState->addItem(CaseListModel::stateLabel(state), int(state));
    details->addRow(tr("&Ticket:"), m_ticket);
    details->addRow(tr("S&tate:"), m_caseState);
    layout->addLayout(details);

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("historyNotes"));
    m_notes->setAccessibleName(tr("Notes on this case"));
    m_notes->setReadOnly(true);
    m_notes->setTabChangesFocus(true);
    layout->addWidget(m_notes, 1);
    auto *noteRow = new QHBoxLayout;
    m_newNote = new QLineEdit(this);
    m_newNote->setObjectName(QStringLiteral("historyNewNote"));
    m_newNote->setPlaceholderText(
        tr("Add a note, e.g. \"called their IT, waiting for an answer\""));
    m_newNote->setAccessibleName(tr("New note"));
    m_addNote = new QPushButton(tr("Add &Note"), this);
    m_addNote->setObjectName(QStringLiteral("historyAddNote"));
    noteRow->addWidget(m_newNote, 1);
    noteRow->addWidget(m_addNote);
    layout->addLayout(noteRow);

    // Handing the case over: for a ticket system (Jira, GitHub and GitLab render Markdown).
    auto *handOver = new QHBoxLayout;
    m_copyText = new QPushButton(tr("Copy for &Ticket"), this);
    m_copyText->setObjectName(QStringLiteral("historyCopyText"));
    m_copyMarkdown = new QPushButton(tr("Copy as &Markdown"), this);
    m_copyMarkdown->setObjectName(QStringLiteral("historyCopyMarkdown"));
    m_copySummary = new QPushButton(tr("Copy Tit&le"), this);
    m_copySummary->setObjectName(QStringLiteral("historyCopySummary"));
    m_copySummary->setToolTip(tr("A one-line summary for the ticket's title"));
    handOver->addWidget(m_copyText);
    handOver->addWidget(m_copyMarkdown);
    handOver->addWidget(m_copySummary);
    handOver->addStretch();
    layout->addLayout(handOver);
    connect(m_copyText, &QPushButton::clicked, this, [this] { copyHandOver(false, false); });
    connect(m_copyMarkdown, &QPushButton::clicked, this, [this] { copyHandOver(true, false); });
    connect(m_copySummary, &QPushButton::clicked, this, [this] { copyHandOver(false, true); });

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_searchTimer, &QTimer::timeout, this, &HistoryPanel::refresh);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &HistoryPanel::refresh);
    connect(m_period, &QComboBox::currentIndexChanged, this, &HistoryPanel::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryPanel::showSelectedCase);
    connect(m_table, &QTableView::activated, this, [this] {
        if (const qint64 id = selectedCaseId())
            Q_EMIT openCaseRequested(id);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedCaseId())
            Q_EMIT openCaseRequested(id);
    });
    connect(m_delete, &QPushButton::clicked, this, &HistoryPanel::deleteSelected);
    connect(m_deleteAll, &QPushButton::clicked, this, &HistoryPanel::deleteAll);
    connect(m_addNote, &QPushButton::clicked, this, &HistoryPanel::addNote);
    connect(m_newNote, &QLineEdit::returnPressed, this, &HistoryPanel::addNote);
    connect(m_newNote, &QLineEdit::textChanged, this, [this] {
        m_addNote->setEnabled(selectedCaseId() && !m_newNote->text().trimmed().isEmpty());
    });
    connect(m_ticket, &QLineEdit::editingFinished, this, [this] {
        const qint64 id = selectedCaseId();
        if (m_updatingDetails || !id || !m_store)
            return;
        if (m_store->setTicketRef(id, m_ticket->text().trimmed())) {
            refresh();
            Q_EMIT casesChanged();
        }
    });
    connect(m_caseState, &QComboBox::currentIndexChanged, this, [this] {
        const qint64 id = selectedCaseId();
        if (m_updatingDetails || !id || !m_store)
            return;
        if (m_store->setState(id, CaseState(m_caseState->currentData().toInt()))) {
            refresh();
            Q_EMIT casesChanged();
        }
    });
    setStore(nullptr);
}

void HistoryPanel::setStore(CaseStore *store, const QString &unavailableReason)
{
    m_store = store && store->isOpen() ? store : nullptr;
    m_unavailable->setVisible(!m_store);
    m_unavailable->setText(unavailableReason.isEmpty() ? tr("The case history is off.")
                                                       : unavailableReason);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_search, m_stateFilter, m_period, m_table, m_deleteAll})
        w->setEnabled(m_store);
    refresh();
}

CaseQuery HistoryPanel::currentQuery() const
{
    CaseQuery query;
    query.text = m_search->text();
    if (const int state = m_stateFilter->currentData().toInt(); state >= 0)
        query.state = CaseState(state);
    if (const int days = m_period->currentData().toInt(); days > 0)
        query.from = QDate::currentDate().addDays(-days);
    return query;
}

void HistoryPanel::refresh()
{
    const qint64 selected = selectedCaseId();
    m_model->setCases(m_store ? m_store->search(currentQuery()) : QList<CaseSummary>{});
    m_table->resizeColumnToContents(CaseListModel::DateColumn);
    if (selected)
        selectCase(selected);
    showSelectedCase();
}

qint64 HistoryPanel::selectedCaseId() const
{
    const CaseSummary *c = m_model->caseAt(m_table->currentIndex().row());
    return c ? c->id : 0;
}

void HistoryPanel::selectCase(qint64 id)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->caseAt(row)->id == id) {
            m_table->setCurrentIndex(m_model->index(row, 0));
            return;
        }
    }
}

void HistoryPanel::showSelectedCase()
{
    const qint64 id = selectedCaseId();
    const std::optional<BounceCase> c = id && m_store ? m_store->load(id) : std::nullopt;
    m_updatingDetails = true;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_open, m_delete, m_ticket, m_caseState, m_newNote,
                                          m_copyText, m_copyMarkdown, m_copySummary})
        w->setEnabled(c.has_value());
    m_addNote->setEnabled(c && !m_newNote->text().trimmed().isEmpty());
    m_ticket->setText(c ? c->ticketRef : QString());
    m_caseState->setCurrentIndex(c ? m_caseState->findData(int(c->state)) : 0);
    QString notes;
    if (c) {
        for (const CaseNote &note : c->notes)
            notes += QLocale().toString(note.at.toLocalTime(), QLocale::ShortFormat) +
                     QLatin1String(": ") + note.text + u'\n';
    }
    m_notes->setPlainText(notes);
    m_updatingDetails = false;
}

void HistoryPanel::addNote()
{
    const qint64 id = selectedCaseId();
    const QString text = m_newNote->text().trimmed();
    if (!id || !m_store || text.isEmpty())
        return;
    if (!m_store->addNote(id, text)) {
        m_unavailable->setText(m_store->errorString());
        m_unavailable->show();
        return; // the note stays in the box, to try again
    }
    m_newNote->clear();
    showSelectedCase();
    Q_EMIT casesChanged();
}

bool HistoryPanel::confirm(const QString &question)
{
    if (confirmHook)
        return confirmHook(question);
    return QMessageBox::question(this, tr("Case history"), question) == QMessageBox::Yes;
}

void HistoryPanel::deleteSelected()
{
    const qint64 id = selectedCaseId();
    if (!id || !m_store || !confirm(tr("Delete this case and its notes from the history?")))
        return;
    if (m_store->remove(id)) {
        refresh();
        Q_EMIT casesChanged();
    }
}

void HistoryPanel::deleteAll()
{
    if (!m_store || !confirm(tr("Delete every case in the history? This cannot be undone.")))
        return;
    if (m_store->removeAll()) {
        refresh();
        Q_EMIT casesChanged();
    }
}

void HistoryPanel::copyHandOver(bool markdown, bool summaryOnly)
{
    const qint64 id = selectedCaseId();
    const std::optional<BounceCase> c = id && m_store ? m_store->load(id) : std::nullopt;
    if (!c)
        return;
    CaseHandover::Options options;
    options.format = markdown ? CaseHandover::Format::Markdown : CaseHandover::Format::PlainText;
    options.hidePersonalData = Settings().hidePersonalData(); // File > Hide Personal Data
    QApplication::clipboard()->setText(summaryOnly ? CaseHandover::summaryLine(*c, options)
                                                   : CaseHandover::ticketText(*c, options));
    Q_EMIT statusMessage(summaryOnly ? tr("Case title copied to the clipboard.")
                                     : tr("Case copied to the clipboard."));
}

} // namespace BounceDoctor::Gui
