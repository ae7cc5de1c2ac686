#pragma once

#include "bounce/diagnosis.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;

namespace BounceDoctor::Gui {

class ChecklistWidget;

/// One recipient's diagnosis in plain words, then the guided checklist.
class DiagnosisView final : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosisView(QWidget *parent = nullptr);

    void showDiagnosis(const BounceMessage &message, const RecipientDiagnosis &recipient);
    void showMessage(const QString &text);

private:
    void buildDetails();

    QLabel *m_headline = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_responsible = nullptr;
    QLabel *m_suggestion = nullptr;
    QFormLayout *m_facts = nullptr;
    QPlainTextEdit *m_serverWords = nullptr;
    QLabel *m_explanation = nullptr;
    ChecklistWidget *m_checklist = nullptr;
    QWidget *m_details = nullptr;
};

} // namespace BounceDoctor::Gui
