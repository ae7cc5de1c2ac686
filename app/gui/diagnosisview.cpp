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
    m_badge->setFrameShape(QFrame::StyledPanel);
    m_badge->setMargin(4);
    m_badge->setBackgroundRole(QPalette::Highlight);
    m_badge->setForegroundRole(QPalette::HighlightedText);
    m_badge->setAutoFillBackground(true);
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
    m_serverWords->setMaximumHeight(110);
    m_serverWords->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    wordsLayout->addWidget(m_serverWords);
    details->addWidget(wordsBox);

    auto *checklistBox = new QGroupBox(tr("What to do, step by step"), m_details);
    auto *checklistLayout = new QVBoxLayout(checklistBox);
    m_checklist = new ChecklistWidget(checklistBox);
    checklistLayout->addWidget(m_checklist);
    details->addWidget(checklistBox);
    layout->insertWidget(1, m_details);
}

void DiagnosisView::showMessage(const QString &text)
{
    m_headline->setText(text);
    if (m_details) {
        m_details->hide();
        m_checklist->clear();
    }
}

void DiagnosisView::showDiagnosis(const BounceMessage &message, const RecipientDiagnosis &r)
{
    if (!m_details)
        buildDetails();
    m_headline->setText(r.headline);
    m_badge->setText(ReportWriter::permanenceText(r));
    m_responsible->setText(
        tr("Who needs to act: %1").arg(ReportWriter::responsibleText(r.responsible)));
    m_suggestion->setText(r.suggestedRecipient.isEmpty()
                              ? QString()
                              : tr("Did you mean %1?").arg(r.suggestedRecipient));
    m_suggestion->setVisible(!r.suggestedRecipient.isEmpty());
    m_explanation->setText(r.explanation);

    while (m_facts->rowCount() > 0)
        m_facts->removeRow(0);
    const QList<QPair<QString, QString>> facts = {
        {tr("Recipient:"), r.recipient},
        {tr("Status:"), QStringList{r.replyCode, r.status}.join(QLatin1Char(' ')).trimmed()},
        {tr("Reason:"), r.detail.isEmpty()
                            ? r.reason
                            : r.reason + QStringLiteral(" (") + r.detail + QLatin1Char(')')},
        {tr("Provider:"), r.provider},
        {tr("Remote server:"), r.remoteMta},
        {tr("Sending IP:"), r.sendingIp},
        {tr("Sender:"), message.original.from},
        {tr("Subject:"), message.original.subject},
        {tr("Date:"), r.date.isEmpty() ? message.original.date : r.date},
    };
    for (const auto &[label, value] : facts) {
        if (value.isEmpty())
            continue;
        QLabel *field = plainLabel(QString(), this);
        field->setText(value);
        m_facts->addRow(label, field);
    }
    m_serverWords->setPlainText(r.diagnostic);
    m_checklist->setDiagnosis(message, r);
    m_details->show();
}

} // namespace BounceDoctor::Gui
