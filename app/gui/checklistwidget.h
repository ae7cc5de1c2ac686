#pragma once

#include "bounce/diagnosis.h"
#include "checks/check.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace BounceDoctor {
class AresResolver;
class CheckRunner;
} // namespace BounceDoctor

namespace BounceDoctor::Gui {

/// The guided checklist: four steps in the order the diagnosis recommends, the recommended
/// one open. Each says what is checked and why, with inputs prefilled from the bounce.
class ChecklistWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit ChecklistWidget(QWidget *parent = nullptr);

    ~ChecklistWidget() override;

    void setDiagnosis(const BounceMessage &message, const RecipientDiagnosis &recipient);
    void clear();
    bool isRunning() const;

private:
    struct Step
    {
        FirstStep kind;
        QGroupBox *box = nullptr;
        QWidget *body = nullptr;
        QCheckBox *done = nullptr;
        QPushButton *run = nullptr;
        QPushButton *cancel = nullptr;
        QProgressBar *progress = nullptr;
        QTreeWidget *results = nullptr;
    };

    Step makeStep(FirstStep kind, const QString &objectName, const QString &title,
                  const QString &why, QWidget *content);
    void openOnly(FirstStep kind);
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
    QLabel *m_addressAdvice = nullptr;
    QLabel *m_blocklistAdvice = nullptr;
    QLabel *m_authAdvice = nullptr;
    QLineEdit *m_draftTo = nullptr;
    QLineEdit *m_draftSubject = nullptr;
    QPlainTextEdit *m_draftBody = nullptr;
    QPushButton *m_copyDraft = nullptr;
    QPushButton *m_mailDraft = nullptr;
    QTreeWidget *m_authResults = nullptr;

    BounceMessage m_message;
    RecipientDiagnosis m_recipient;
    QString m_bounceSendingDomain; ///< the From domain the sending-domain input starts with
    std::unique_ptr<AresResolver> m_resolver;
    QHash<int, CheckRunner *> m_runners; ///< by FirstStep, one per running step
};

} // namespace BounceDoctor::Gui
