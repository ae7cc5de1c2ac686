#pragma once

#include "bounce/diagnosis.h"
#include "report/reportwriter.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QVBoxLayout;

namespace BounceDoctor::Gui {

class ChecklistWidget;

/// One recipient's diagnosis in plain words, then its guided checklist. Each recipient keeps
/// its own checklist (checks run, ticks, draft edits) for the life of the window.
class DiagnosisView final : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosisView(QWidget *parent = nullptr);

    void showDiagnosis(const BounceMessage &message, const RecipientDiagnosis &recipient);
    void showMessage(const QString &text);

    /// The checklist on show, or nullptr.
    ChecklistWidget *currentChecklist() const { return m_current; }
    /// What the user did for this recipient; empty when its checklist was never shown.
    ChecklistRecord recordFor(const BounceMessage &message,
                              const RecipientDiagnosis &recipient) const;
    /// Where keyboard focus enters this pane.
    QWidget *firstFocusWidget() const;

Q_SIGNALS:
    void statusMessage(const QString &text);
    /// The work on a recipient's checklist changed (see ChecklistWidget::workChanged).
    void workChanged();

private:
    void buildDetails();
    void updateTabOrder();
    static QString keyOf(const BounceMessage &message, const RecipientDiagnosis &recipient);

    QLabel *m_headline = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_responsible = nullptr;
    QLabel *m_suggestion = nullptr;
    QFormLayout *m_facts = nullptr;
    QPlainTextEdit *m_serverWords = nullptr;
    QLabel *m_explanation = nullptr;
    QVBoxLayout *m_checklistLayout = nullptr;
    QWidget *m_details = nullptr;
    QHash<QString, ChecklistWidget *> m_checklists; ///< by keyOf, created when first shown
    ChecklistWidget *m_current = nullptr;
};

} // namespace BounceDoctor::Gui
