#pragma once

#include "bounce/diagnosis.h"
#include "checks/check.h"
#include "report/reportwriter.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;
class QTreeWidget;
class QVBoxLayout;

namespace BounceDoctor {
class AresResolver;
class CheckRunner;
} // namespace BounceDoctor

namespace BounceDoctor::Gui {

/// The guided checklist of one recipient: the step the diagnosis recommends first and open,
/// then the other steps that fit it. Each says what is checked and why, with inputs prefilled
/// from the bounce. One widget per recipient keeps its checks, ticks and edits.
class ChecklistWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit ChecklistWidget(const BounceMessage &message, const RecipientDiagnosis &recipient,
                             QWidget *parent = nullptr);

    ~ChecklistWidget() override;

    bool isRunning() const;
    /// The steps in the order shown, for tests and the tab order.
    QList<FirstStep> steps() const;
    FirstStep openStep() const;
    /// What the user did here (Done ticks, checks run, the draft), for exports and tickets.
    ChecklistRecord record() const;
    /// Where keyboard focus enters the checklist: the first step's header.
    QWidget *firstFocusWidget() const;
    /// Shows work kept from before (a case reopened from the history): the Done ticks, the
    /// rows of the checks that ran, and the draft as it was left.
    void restore(const ChecklistRecord &record);

Q_SIGNALS:
    /// Short feedback for the status bar ("Message copied").
    void statusMessage(const QString &text);
    /// The user's work changed: a step ticked Done, a check finished, the draft edited.
    void workChanged();

private:
    struct Step
    {
        FirstStep kind;
        QString title;
        QFrame *frame = nullptr;
        QToolButton *header = nullptr;
        QWidget *body = nullptr;
        QCheckBox *done = nullptr;
        QPushButton *run = nullptr;
        QPushButton *cancel = nullptr;
        QProgressBar *progress = nullptr;
        QTreeWidget *results = nullptr;
        QList<Finding> findings;
        bool ran = false;
    };

    void addStep(FirstStep kind, int number);
    QWidget *contentOf(FirstStep kind, QWidget *parent);
    void setOpen(Step &step, bool open);
    Step *stepOf(FirstStep kind);
    void runStep(Step &step);
    void cancelStep(Step &step);
    void addResult(Step &step, const Finding &finding);
    CheckInput currentInput() const;
    static CheckStep checkStepOf(FirstStep kind);

    QVBoxLayout *m_layout = nullptr;
    QList<Step> m_steps;
    QLineEdit *m_recipientEdit = nullptr;
    QLineEdit *m_sendingIpEdit = nullptr;
    QLineEdit *m_sendingDomainEdit = nullptr;
    QLineEdit *m_selectorEdit = nullptr;
    QLineEdit *m_draftTo = nullptr;
    QLineEdit *m_draftSubject = nullptr;
    QPlainTextEdit *m_draftBody = nullptr;

    BounceMessage m_message;
    RecipientDiagnosis m_recipient;
    QString m_bounceSendingDomain; ///< the From domain the sending-domain input starts with
    std::unique_ptr<AresResolver> m_resolver;
    QHash<int, CheckRunner *> m_runners; ///< by FirstStep, one per running step
};

} // namespace BounceDoctor::Gui
