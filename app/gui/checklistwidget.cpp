#include "checklistwidget.h"

#include "checks/checkrunner.h"
#include "dns/aresresolver.h"
#include "report/contactdraft.h"
#include "report/stepadvice.h"
#include "settings.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace BounceDoctor::Gui {
namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLineEdit *input(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setClearButtonEnabled(true);
    return edit;
}

QString objectNameOf(FirstStep kind)
{
    switch (kind) {
    case FirstStep::VerifyAddress:
        return QStringLiteral("stepVerifyAddress");
    case FirstStep::Blocklists:
        return QStringLiteral("stepBlocklists");
    case FirstStep::Authentication:
        return QStringLiteral("stepAuthentication");
    case FirstStep::ContactRecipientIt:
        return QStringLiteral("stepContactIt");
    case FirstStep::FixSendingSetup:
        return QStringLiteral("stepFixSetup");
    case FirstStep::ReviewContent:
        return QStringLiteral("stepReviewContent");
    case FirstStep::RetryLater:
        return QStringLiteral("stepWait");
    case FirstStep::None:
        break;
    }
    return QStringLiteral("stepNothingToDo");
}

bool isCheckStep(FirstStep kind)
{
    return kind == FirstStep::VerifyAddress || kind == FirstStep::Blocklists ||
           kind == FirstStep::Authentication;
}

/// The steps that fit a diagnosis, the recommended one first: advice steps only when they are
/// the recommendation, the message to the recipient's IT only when their side must act.
QList<FirstStep> stepsFor(const RecipientDiagnosis &r)
{
    const FirstStep first = StepAdvice::firstStep(r);
    QList<FirstStep> steps{first};
    if (first == FirstStep::None)
        return steps;
    for (FirstStep check :
         {FirstStep::VerifyAddress, FirstStep::Blocklists, FirstStep::Authentication}) {
        if (check != first)
            steps.append(check);
    }
    if (first != FirstStep::ContactRecipientIt && StepAdvice::recipientSideActs(r))
        steps.append(FirstStep::ContactRecipientIt);
    return steps;
}

} // namespace

ChecklistWidget::ChecklistWidget(const BounceMessage &message, const RecipientDiagnosis &r,
                                 QWidget *parent)
    : QWidget(parent)
    , m_message(message)
    , m_recipient(r)
{
    setObjectName(QStringLiteral("checklist"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    // Built in the order shown, so keyboard focus follows what the eye reads.
    const QList<FirstStep> kinds = stepsFor(r);
    for (qsizetype i = 0; i < kinds.size(); ++i)
        addStep(kinds.at(i), int(i + 1));
    m_layout->addStretch();
    for (Step &step : m_steps)
        setOpen(step, step.kind == kinds.first());
}

ChecklistWidget::~ChecklistWidget()
{
    // Runners use the resolver: stop and delete them first.
    for (CheckRunner *runner : std::as_const(m_runners)) {
        runner->disconnect(this);
        runner->cancel();
        delete runner;
    }
}

QWidget *ChecklistWidget::contentOf(FirstStep kind, QWidget *parent)
{
    const RecipientDiagnosis &r = m_recipient;
    auto *content = new QWidget(parent);
    auto *form = new QFormLayout(content);
    form->setContentsMargins(0, 0, 0, 0);
    switch (kind) {
    case FirstStep::VerifyAddress:
        m_recipientEdit = input(QStringLiteral("recipientEdit"), tr("Recipient address"), content);
        m_recipientEdit->setText(r.recipient);
        form->addRow(tr("Recipient:"), m_recipientEdit);
        form->addRow(wrappedLabel(r.suggestedRecipient.isEmpty()
                                      ? tr("Nothing in the address looks mistyped.")
                                      : tr("Did you mean %1?").arg(r.suggestedRecipient),
                                  content));
        break;
    case FirstStep::Blocklists:
        m_sendingIpEdit = input(QStringLiteral("sendingIpEdit"), tr("Sending IP address"), content);
        m_sendingIpEdit->setText(r.sendingIp);
        form->addRow(tr("Sending IP:"), m_sendingIpEdit);
        form->addRow(wrappedLabel(
            r.blocklist.isEmpty()
                ? (r.sendingIp.isEmpty() ? tr("The bounce does not show your sending IP: ask your "
                                              "email provider for it, or type it above.")
                                         : tr("The bounce names no blocklist."))
                : tr("The server's reply names the blocklist %1.").arg(r.blocklist),
            content));
        break;
    case FirstStep::Authentication: {
        m_sendingDomainEdit =
            input(QStringLiteral("sendingDomainEdit"), tr("Sending domain"), content);
        m_selectorEdit = input(QStringLiteral("dkimSelectorEdit"), tr("DKIM selector"), content);
        QString senderDomain = m_message.original.from.section(QLatin1Char('@'), -1);
        senderDomain.remove(QLatin1Char('>'));
        m_bounceSendingDomain = senderDomain.trimmed();
        m_sendingDomainEdit->setText(m_bounceSendingDomain);
        m_selectorEdit->setText(m_message.original.dkimSelector);
        form->addRow(tr("Sending domain:"), m_sendingDomainEdit);
        form->addRow(tr("DKIM selector:"), m_selectorEdit);
        const QList<AuthenticationResult> &results = m_message.original.authenticationResults;
        form->addRow(wrappedLabel(
            results.isEmpty() ? tr("The bounce carries no authentication results.")
                              : tr("The returned message carries %n authentication result(s).",
                                   nullptr, int(results.size())),
            content));
        if (!results.isEmpty()) {
            auto *tree = new QTreeWidget(content);
            tree->setObjectName(QStringLiteral("authResultsTree"));
            tree->setAccessibleName(tr("Authentication results in the bounce"));
            tree->setHeaderLabels({tr("Check"), tr("Result"), tr("Domain"), tr("Evaluated by")});
            tree->setRootIsDecorated(false);
            tree->setMaximumHeight(120);
            for (const AuthenticationResult &result : results)
                new QTreeWidgetItem(tree, {result.method.toUpper(), result.result, result.domain,
                                           result.authServId});
            form->addRow(tree);
        }
        break;
    }
    case FirstStep::ContactRecipientIt: {
        const ContactDraft draft = ContactDraft::forRecipient(m_message, r);
        m_draftTo = input(QStringLiteral("draftToEdit"), tr("Draft recipient"), content);
        m_draftSubject = input(QStringLiteral("draftSubjectEdit"), tr("Draft subject"), content);
        m_draftBody = new QPlainTextEdit(content);
        m_draftBody->setObjectName(QStringLiteral("draftBody"));
        m_draftBody->setAccessibleName(tr("Draft message"));
        m_draftBody->setTabChangesFocus(true);
        m_draftBody->setMinimumHeight(180);
        m_draftTo->setText(draft.to);
        m_draftSubject->setText(draft.subject);
        m_draftBody->setPlainText(draft.body);
        form->addRow(tr("To:"), m_draftTo);
        form->addRow(tr("Subject:"), m_draftSubject);
        form->addRow(m_draftBody);
        connect(m_draftTo, &QLineEdit::textEdited, this, &ChecklistWidget::workChanged);
        connect(m_draftSubject, &QLineEdit::textEdited, this, &ChecklistWidget::workChanged);
        connect(m_draftBody, &QPlainTextEdit::textChanged, this, &ChecklistWidget::workChanged);
        form->addRow(wrappedLabel(tr("Also reach the recipient by phone or another channel: "
                                     "they may not know their mail system refuses you."),
                                  content));
        auto *buttons = new QHBoxLayout;
        auto *copy = new QPushButton(tr("&Copy message"), content);
        copy->setObjectName(QStringLiteral("copyDraftButton"));
        auto *mail = new QPushButton(tr("Open in &mail app"), content);
        mail->setObjectName(QStringLiteral("mailDraftButton"));
        buttons->addWidget(copy);
        buttons->addWidget(mail);
        buttons->addStretch();
        form->addRow(buttons);
        connect(copy, &QPushButton::clicked, this, [this] {
            QApplication::clipboard()->setText(
                tr("To: %1\nSubject: %2\n\n%3")
                    .arg(m_draftTo->text(), m_draftSubject->text(), m_draftBody->toPlainText()));
            Q_EMIT statusMessage(tr("Message copied to the clipboard."));
        });
        connect(mail, &QPushButton::clicked, this, [this] {
            ContactDraft edited;
            edited.to = m_draftTo->text();
            edited.subject = m_draftSubject->text();
            edited.body = m_draftBody->toPlainText();
            if (!QDesktopServices::openUrl(edited.mailtoUrl()))
                Q_EMIT statusMessage(tr("No mail app answered: use Copy message and paste it "
                                        "into your mail program."));
        });
        break;
    }
    case FirstStep::FixSendingSetup:
    case FirstStep::ReviewContent:
    case FirstStep::RetryLater:
    case FirstStep::None: {
        QStringList lines;
        for (const QString &point : StepAdvice::points(kind, r))
            lines.append(QStringLiteral("• ") + point);
        QLabel *advice = wrappedLabel(lines.join(QLatin1Char('\n')), content);
        advice->setObjectName(objectNameOf(kind) + QStringLiteral("Advice"));
        form->addRow(advice);
        if ((kind == FirstStep::FixSendingSetup || kind == FirstStep::ReviewContent) &&
            !r.diagnostic.isEmpty()) {
            QLabel *words = wrappedLabel(r.diagnostic, content);
            words->setObjectName(objectNameOf(kind) + QStringLiteral("ServerWords"));
            words->setFont(QFont(QStringLiteral("monospace")));
            words->setFrameShape(QFrame::StyledPanel);
            words->setMargin(4);
            form->addRow(wrappedLabel(tr("The server's words:"), content));
            form->addRow(words);
        }
        break;
    }
    }
    return content;
}

void ChecklistWidget::addStep(FirstStep kind, int number)
{
    const QString name = objectNameOf(kind);
    Step step;
    step.kind = kind;
    step.title = tr("%1. %2").arg(number).arg(StepAdvice::title(kind));
    step.frame = new QFrame(this);
    step.frame->setObjectName(name);
    step.frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(step.frame);
    // The header opens and closes the step: a button, so it is not read out as a second
    // checkbox next to Done, and it comes before the step's fields in the tab order.
    step.header = new QToolButton(step.frame);
    step.header->setObjectName(name + QStringLiteral("Header"));
    step.header->setText(step.title);
    step.header->setCheckable(true);
    step.header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    step.header->setAutoRaise(true);
    step.header->setAccessibleName(step.title);
    step.header->setAccessibleDescription(tr("Shows or hides this step"));
    QFont headerFont = step.header->font();
    headerFont.setBold(true);
    step.header->setFont(headerFont);
    layout->addWidget(step.header);

    step.body = new QWidget(step.frame);
    auto *bodyLayout = new QVBoxLayout(step.body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(wrappedLabel(StepAdvice::why(kind, m_recipient), step.body));
    bodyLayout->addWidget(contentOf(kind, step.body));
    if (isCheckStep(kind)) {
        auto *runRow = new QHBoxLayout;
        step.run = new QPushButton(tr("&Run check"), step.body);
        step.run->setObjectName(name + QStringLiteral("Run"));
        step.run->setAccessibleName(tr("Run check: %1").arg(StepAdvice::title(kind)));
        step.cancel = new QPushButton(tr("Cancel"), step.body);
        step.cancel->setObjectName(name + QStringLiteral("Cancel"));
        step.cancel->hide();
        step.progress = new QProgressBar(step.body);
        step.progress->setObjectName(name + QStringLiteral("Progress"));
        step.progress->setAccessibleName(tr("Check progress"));
        step.progress->hide();
        runRow->addWidget(step.run);
        runRow->addWidget(step.cancel);
        runRow->addWidget(step.progress, 1);
        runRow->addStretch(); // the buttons keep their size while the bar is hidden
        bodyLayout->addLayout(runRow);
        step.results = new QTreeWidget(step.body);
        step.results->setObjectName(name + QStringLiteral("Results"));
        step.results->setAccessibleName(tr("Check results"));
        step.results->setHeaderHidden(true);
        step.results->setWordWrap(true);
        step.results->setMinimumHeight(120);
        step.results->header()->setStretchLastSection(true);
        bodyLayout->addWidget(step.results);
        connect(step.run, &QPushButton::clicked, this, [this, kind] { runStep(*stepOf(kind)); });
        connect(step.cancel, &QPushButton::clicked, this,
                [this, kind] { cancelStep(*stepOf(kind)); });
    }
    step.done = new QCheckBox(tr("Done"), step.body);
    step.done->setObjectName(name + QStringLiteral("Done"));
    step.done->setAccessibleName(tr("Done: %1").arg(StepAdvice::title(kind)));
    bodyLayout->addWidget(step.done);
    connect(step.done, &QCheckBox::toggled, this, &ChecklistWidget::workChanged);
    layout->addWidget(step.body);
    connect(step.header, &QToolButton::toggled, this, [this, kind](bool open) {
        if (Step *s = stepOf(kind))
            setOpen(*s, open);
    });
    m_layout->addWidget(step.frame);
    m_steps.append(step);
}

void ChecklistWidget::setOpen(Step &step, bool open)
{
    const QSignalBlocker blocker(step.header);
    step.header->setChecked(open);
    step.header->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    step.body->setVisible(open);
}

ChecklistWidget::Step *ChecklistWidget::stepOf(FirstStep kind)
{
    for (Step &step : m_steps) {
        if (step.kind == kind)
            return &step;
    }
    return nullptr;
}

QList<FirstStep> ChecklistWidget::steps() const
{
    QList<FirstStep> kinds;
    for (const Step &step : m_steps)
        kinds.append(step.kind);
    return kinds;
}

FirstStep ChecklistWidget::openStep() const
{
    for (const Step &step : m_steps) {
        if (step.header->isChecked())
            return step.kind;
    }
    return m_steps.first().kind;
}

QWidget *ChecklistWidget::firstFocusWidget() const
{
    return m_steps.first().header;
}

ChecklistRecord ChecklistWidget::record() const
{
    ChecklistRecord record;
    for (const Step &step : m_steps)
        record.steps.append({step.title, step.done->isChecked(), step.run != nullptr, step.ran,
                             step.findings, step.kind});
    if (m_draftBody) {
        record.hasDraft = true;
        record.draft.to = m_draftTo->text();
        record.draft.subject = m_draftSubject->text();
        record.draft.body = m_draftBody->toPlainText();
    }
    return record;
}

void ChecklistWidget::restore(const ChecklistRecord &record)
{
    const QSignalBlocker blocker(this); // restoring is not new work
    for (const ChecklistRecord::Step &kept : record.steps) {
        for (Step &step : m_steps) {
            if (step.title != kept.title)
                continue;
            step.done->setChecked(kept.done);
            if (step.results && kept.ran) {
                step.results->clear();
                step.findings.clear();
                for (const Finding &finding : kept.findings)
                    addResult(step, finding);
                step.ran = true;
            }
        }
    }
    if (record.hasDraft && m_draftBody) {
        m_draftTo->setText(record.draft.to);
        m_draftSubject->setText(record.draft.subject);
        m_draftBody->setPlainText(record.draft.body);
    }
}

CheckStep ChecklistWidget::checkStepOf(FirstStep kind)
{
    return checklistStep(kind).value_or(CheckStep::VerifyAddress);
}

bool ChecklistWidget::isRunning() const
{
    return !m_runners.isEmpty();
}

CheckInput ChecklistWidget::currentInput() const
{
    CheckInput input;
    auto textOf = [](const QLineEdit *edit) { return edit ? edit->text().trimmed() : QString(); };
    input.recipient = textOf(m_recipientEdit);
    input.sendingIp = textOf(m_sendingIpEdit);
    input.sendingDomain = textOf(m_sendingDomainEdit);
    input.dkimSelector = textOf(m_selectorEdit);
    input.fromAddress = m_message.original.from;
    input.dkimDomain = m_message.original.dkimDomain;
    input.authenticationResults = m_message.original.authenticationResults;
    input.diagnosis = m_recipient;
    input.message = m_message;
    // What the user changed in a step's inputs wins over the bounce's value in every step.
    auto changed = [](const QString &text, const QString &fromBounce) {
        return !text.isEmpty() && text.compare(fromBounce.trimmed(), Qt::CaseInsensitive) != 0;
    };
    if (changed(input.recipient, m_recipient.recipient))
        input.typed |= TypedField::Recipient;
    if (changed(input.sendingIp, m_recipient.sendingIp))
        input.typed |= TypedField::SendingIp;
    if (changed(input.sendingDomain, m_bounceSendingDomain))
        input.typed |= TypedField::SendingDomain;
    if (changed(input.dkimSelector, m_message.original.dkimSelector))
        input.typed |= TypedField::DkimSelector;
    return input;
}

void ChecklistWidget::runStep(Step &step)
{
    cancelStep(step);
    const Settings settings;
    // A fresh resolver when nothing runs: settings may have changed since the last run.
    if (!m_resolver || m_runners.isEmpty())
        m_resolver = std::make_unique<AresResolver>(
            AresResolver::Options{settings.dnsServers(), settings.dnsTimeoutMs(), 2});
    step.results->clear();
    step.findings.clear();
    step.ran = true;
    if (!m_resolver->setupError().isEmpty()) {
        Finding f;
        f.status = FindingStatus::CouldNotCheck;
        f.title = tr("Could not check: %1. Fix the DNS servers in Settings.")
                      .arg(m_resolver->setupError());
        addResult(step, f);
        m_resolver.reset();
        return;
    }
    auto *runner = new CheckRunner(m_resolver.get());
    runner->setBlocklistOptions(
        {settings.blocklists(), settings.spamhausDqsKey(), settings.hasBlocklistChoice()});
    const int key = int(step.kind);
    m_runners.insert(key, runner);
    step.run->setEnabled(false);
    step.cancel->show();
    step.progress->setRange(0, 0);
    step.progress->show();
    const FirstStep kind = step.kind;
    auto stepOf = [this, kind]() -> Step & { return *this->stepOf(kind); };
    connect(runner, &CheckRunner::findingReady, this,
            [this, stepOf](const Finding &f) { addResult(stepOf(), f); });
    connect(runner, &CheckRunner::finished, this, [this, stepOf, key, runner] {
        Step &s = stepOf();
        m_runners.remove(key);
        runner->deleteLater();
        s.run->setEnabled(true);
        s.cancel->hide();
        s.progress->hide();
        if (s.results->topLevelItemCount() > 0 && !s.done->isChecked())
            s.results->scrollToTop();
        Q_EMIT workChanged();
    });
    runner->start(currentInput(), {checkStepOf(step.kind)});
}

void ChecklistWidget::cancelStep(Step &step)
{
    CheckRunner *runner = m_runners.value(int(step.kind));
    if (!runner)
        return;
    runner->cancel(); // emits finished, which tidies up
}

void ChecklistWidget::addResult(Step &step, const Finding &finding)
{
    step.findings.append(finding);
    auto *item = new QTreeWidgetItem(step.results);
    item->setText(0, findingStatusMark(finding.status) + QLatin1Char(' ') + finding.title);
    item->setData(0, Qt::UserRole, findingStatusName(finding.status));
    // Tooltips render rich text: the detail can carry DNS text (an SPF exp= record), so it is
    // escaped inside a paragraph and always shows as the characters it is.
    if (!finding.detail.isEmpty())
        item->setToolTip(0, QStringLiteral("<p style=\"white-space:pre-wrap\">") +
                                finding.detail.toHtmlEscaped() + QStringLiteral("</p>"));
    if (!finding.detail.isEmpty())
        new QTreeWidgetItem(item, {finding.detail});
    for (const QString &line : finding.evidence)
        new QTreeWidgetItem(item, {line});
    if (finding.link.isValid() && finding.link.scheme() != QLatin1String("mailto"))
        new QTreeWidgetItem(item, {tr("More: %1").arg(finding.link.toString())});
}

} // namespace BounceDoctor::Gui
