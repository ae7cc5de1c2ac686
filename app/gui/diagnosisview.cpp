#include "diagnosisview.h"

#include "checklistwidget.h"
#include "report/reportwriter.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace BounceDoctor::Gui {
namespace {

QLabel *plainLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // bounce text is never rendered as markup
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

// Fixed colours with their own text colour, so each outcome reads the same on light and dark
// desktops: red for permanent, orange for refused this time, amber for temporary, green for
// not a failure.
QString badgeStyle(ReportWriter::Outcome outcome)
{
    const char *colours = "background:#b3261e;color:#ffffff;";
    switch (outcome) {
    case ReportWriter::Outcome::Permanent:
        break;
    case ReportWriter::Outcome::Refused:
        colours = "background:#c25100;color:#ffffff;";
        break;
    case ReportWriter::Outcome::Temporary:
    case ReportWriter::Outcome::Delayed:
        colours = "background:#f5c542;color:#000000;";
        break;
    case ReportWriter::Outcome::NotAFailure:
        colours = "background:#2e7d32;color:#ffffff;";
        break;
    }
    return QStringLiteral("QLabel{%1border-radius:3px;padding:2px 6px;}")
        .arg(QLatin1String(colours));
}

} // namespace

DiagnosisView::DiagnosisView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("diagnosisView"));
    auto *layout = new QVBoxLayout(this);

    m_headline = plainLabel(QStringLiteral("headlineLabel"), this);
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.4);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_headline->setAccessibleName(tr("Diagnosis headline"));
    layout->addWidget(m_headline);

    // The details and the checklist are built when the first diagnosis arrives: an empty
    // window shows only this line, and opens faster without them.
    layout->addStretch();

    showMessage(tr("Paste a bounce, open a saved message, or drop one here."));
}

void DiagnosisView::buildDetails()
{
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    m_details = new QWidget(this);
    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    auto *badges = new QHBoxLayout;
    m_badge = plainLabel(QStringLiteral("permanenceBadge"), m_details);
    m_badge->setAccessibleName(tr("Outcome"));
    QFont badgeFont = m_badge->font();
    badgeFont.setBold(true);
    m_badge->setFont(badgeFont);
    m_badge->setWordWrap(false);
    m_responsible = plainLabel(QStringLiteral("responsibleLabel"), m_details);
    badges->addWidget(m_badge);
    badges->addWidget(m_responsible, 1);
    details->addLayout(badges);

    m_suggestion = plainLabel(QStringLiteral("suggestionLabel"), m_details);
    QFont suggestionFont = m_suggestion->font();
    suggestionFont.setBold(true);
    m_suggestion->setFont(suggestionFont);
    details->addWidget(m_suggestion);

    m_explanation = plainLabel(QStringLiteral("explanationLabel"), m_details);
    details->addWidget(m_explanation);

    auto *factsBox = new QGroupBox(tr("Key facts"), m_details);
    m_facts = new QFormLayout(factsBox);
    details->addWidget(factsBox);

    auto *wordsBox = new QGroupBox(tr("The server's exact words"), m_details);
    auto *wordsLayout = new QVBoxLayout(wordsBox);
    m_serverWords = new QPlainTextEdit(wordsBox);
    m_serverWords->setObjectName(QStringLiteral("serverWords"));
    m_serverWords->setAccessibleName(tr("The server's exact words"));
    m_serverWords->setReadOnly(true);
    m_serverWords->setTabChangesFocus(true);
    m_serverWords->setMaximumHeight(110);
    m_serverWords->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    wordsLayout->addWidget(m_serverWords);
    details->addWidget(wordsBox);

    auto *checklistBox = new QGroupBox(tr("What to do, step by step"), m_details);
    m_checklistLayout = new QVBoxLayout(checklistBox);
    details->addWidget(checklistBox);
    layout->insertWidget(1, m_details);
}

QString DiagnosisView::keyOf(const BounceMessage &message, const RecipientDiagnosis &r)
{
    // The same bounce read again (the file reopened, the text pasted again) finds its work.
    return QStringList{message.source,
                       QString::number(message.index),
                       message.original.messageId,
                       r.recipient,
                       r.status,
                       r.date,
                       r.diagnostic}
        .join(QChar(0x1f));
}

ChecklistRecord DiagnosisView::recordFor(const BounceMessage &message,
                                         const RecipientDiagnosis &r) const
{
    const ChecklistWidget *checklist = m_checklists.value(keyOf(message, r));
    return checklist ? checklist->record() : ChecklistRecord{};
}

QWidget *DiagnosisView::firstFocusWidget() const
{
    return m_headline;
}

void DiagnosisView::showMessage(const QString &text)
{
    m_headline->setText(text);
    if (m_details)
        m_details->hide();
    if (m_current)
        m_current->hide();
    m_current = nullptr;
}

void DiagnosisView::showDiagnosis(const BounceMessage &message, const RecipientDiagnosis &r)
{
    if (!m_details)
        buildDetails();
    m_headline->setText(r.headline);
    const ReportWriter::Outcome outcome = ReportWriter::outcomeOf(r);
    m_badge->setText(ReportWriter::permanenceText(r));
    m_badge->setStyleSheet(badgeStyle(outcome));
    m_responsible->setText(tr("Who needs to act: %1").arg(ReportWriter::whoActsText(r)));
    m_suggestion->setText(r.suggestedRecipient.isEmpty()
                              ? QString()
                              : tr("Did you mean %1?").arg(r.suggestedRecipient));
    m_suggestion->setVisible(!r.suggestedRecipient.isEmpty());
    m_explanation->setText(r.explanation);

    while (m_facts->rowCount() > 0)
        m_facts->removeRow(0);
    for (const ReportWriter::Fact &fact : ReportWriter::factsOf(message, r, true)) {
        QLabel *field = plainLabel(QString(), this);
        field->setAccessibleName(fact.label);
        if (fact.note.isEmpty()) {
            field->setText(fact.value);
        } else {
            // The plain words, and the engine's name for experts in small print.
            field->setTextFormat(Qt::RichText);
            field->setText(fact.value.toHtmlEscaped() + QStringLiteral(" <small>(") +
                           fact.note.toHtmlEscaped() + QStringLiteral(")</small>"));
        }
        m_facts->addRow(fact.label + QLatin1Char(':'), field);
    }
    m_serverWords->setPlainText(r.diagnostic);

    ChecklistWidget *&checklist = m_checklists[keyOf(message, r)];
    if (!checklist) {
        checklist = new ChecklistWidget(message, r, m_details);
        connect(checklist, &ChecklistWidget::statusMessage, this, &DiagnosisView::statusMessage);
        connect(checklist, &ChecklistWidget::workChanged, this, &DiagnosisView::workChanged);
        m_checklistLayout->addWidget(checklist);
    }
    if (m_current && m_current != checklist)
        m_current->hide();
    m_current = checklist;
    m_current->show();
    m_details->show();
    updateTabOrder();
}

void DiagnosisView::updateTabOrder()
{
    // Facts and checklists are made as they are needed, which puts them last in the focus
    // chain: put the chain back in the order the pane reads.
    QList<QWidget *> order{m_headline, m_badge, m_responsible, m_suggestion, m_explanation};
    for (int row = 0; row < m_facts->rowCount(); ++row) {
        if (QLayoutItem *item = m_facts->itemAt(row, QFormLayout::FieldRole);
            item && item->widget())
            order.append(item->widget());
    }
    order.append(m_serverWords);
    if (m_current)
        order.append(m_current);
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));
}

} // namespace BounceDoctor::Gui
