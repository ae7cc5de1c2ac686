#include "checklistwidget.h"

#include "checks/checkrunner.h"
#include "common/settings.h"
#include "dns/aresresolver.h"
#include "report/contactdraft.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
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

} // namespace

ChecklistWidget::ChecklistWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("checklist"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);

    // 1. Verify the address
    auto *address = new QWidget(this);
    auto *addressForm = new QFormLayout(address);
    m_recipientEdit = input(QStringLiteral("recipientEdit"), tr("Recipient address"), address);
    addressForm->addRow(tr("Recipient:"), m_recipientEdit);
    m_addressAdvice = wrappedLabel({}, address);
    addressForm->addRow(m_addressAdvice);
    m_steps.append(makeStep(FirstStep::VerifyAddress, QStringLiteral("stepVerifyAddress"),
                            tr("1. Verify the recipient address"),
                            tr("A typing mistake or an address that no longer exists is the most "
                               "common cause of a bounce. Check the spelling letter by letter, "
                               "and that the domain after the @ is right."),
                            address));

    // 2. Check blocklists
    auto *blocklists = new QWidget(this);
    auto *blocklistForm = new QFormLayout(blocklists);
    m_sendingIpEdit = input(QStringLiteral("sendingIpEdit"), tr("Sending IP address"), blocklists);
    blocklistForm->addRow(tr("Sending IP:"), m_sendingIpEdit);
    m_blocklistAdvice = wrappedLabel({}, blocklists);
    blocklistForm->addRow(m_blocklistAdvice);
    m_steps.append(makeStep(FirstStep::CheckBlocklists, QStringLiteral("stepBlocklists"),
                            tr("2. Check blocklists"),
                            tr("Receiving servers refuse mail from IP addresses and domains on "
                               "public blocklists. If your sending IP is listed, fix the cause "
                               "(often a hacked account or a spam complaint), then ask the list "
                               "to remove it."),
                            blocklists));

    // 3. SPF, DKIM, DMARC
    auto *auth = new QWidget(this);
    auto *authForm = new QFormLayout(auth);
    m_sendingDomainEdit = input(QStringLiteral("sendingDomainEdit"), tr("Sending domain"), auth);
    m_selectorEdit = input(QStringLiteral("dkimSelectorEdit"), tr("DKIM selector"), auth);
    authForm->addRow(tr("Sending domain:"), m_sendingDomainEdit);
    authForm->addRow(tr("DKIM selector:"), m_selectorEdit);
    m_authAdvice = wrappedLabel({}, auth);
    authForm->addRow(m_authAdvice);
    m_authResults = new QTreeWidget(auth);
    m_authResults->setObjectName(QStringLiteral("authResultsTree"));
    m_authResults->setAccessibleName(tr("Authentication results in the bounce"));
    m_authResults->setHeaderLabels({tr("Check"), tr("Result"), tr("Domain"), tr("Evaluated by")});
    m_authResults->setRootIsDecorated(false);
    m_authResults->setMaximumHeight(120);
    authForm->addRow(m_authResults);
    m_steps.append(makeStep(FirstStep::CheckAuthentication, QStringLiteral("stepAuthentication"),
                            tr("3. Check SPF, DKIM and DMARC"),
                            tr("These DNS records prove that your server may send for your "
                               "domain. Large providers reject or junk mail that fails them."),
                            auth));

    // 4. Contact the recipient's IT
    auto *contact = new QWidget(this);
    auto *contactForm = new QFormLayout(contact);
    m_draftTo = input(QStringLiteral("draftToEdit"), tr("Draft recipient"), contact);
    m_draftSubject = input(QStringLiteral("draftSubjectEdit"), tr("Draft subject"), contact);
    m_draftBody = new QPlainTextEdit(contact);
    m_draftBody->setObjectName(QStringLiteral("draftBody"));
    m_draftBody->setAccessibleName(tr("Draft message"));
    m_draftBody->setMinimumHeight(180);
    contactForm->addRow(tr("To:"), m_draftTo);
    contactForm->addRow(tr("Subject:"), m_draftSubject);
    contactForm->addRow(m_draftBody);
    contactForm->addRow(wrappedLabel(tr("Also reach the recipient by phone or another channel: "
                                        "they may not know their mail system refuses you."),
                                     contact));
    auto *buttons = new QHBoxLayout;
    m_copyDraft = new QPushButton(tr("&Copy message"), contact);
    m_copyDraft->setObjectName(QStringLiteral("copyDraftButton"));
    m_mailDraft = new QPushButton(tr("Open in &mail app"), contact);
    m_mailDraft->setObjectName(QStringLiteral("mailDraftButton"));
    buttons->addWidget(m_copyDraft);
    buttons->addWidget(m_mailDraft);
    buttons->addStretch();
    contactForm->addRow(buttons);
    connect(m_copyDraft, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(
            tr("To: %1\nSubject: %2\n\n%3")
                .arg(m_draftTo->text(), m_draftSubject->text(), m_draftBody->toPlainText()));
    });
    connect(m_mailDraft, &QPushButton::clicked, this, [this] {
        ContactDraft draft{m_draftTo->text(), m_draftSubject->text(), m_draftBody->toPlainText()};
        QDesktopServices::openUrl(draft.mailtoUrl());
    });
    m_steps.append(makeStep(FirstStep::ContactRecipientIt, QStringLiteral("stepContactIt"),
                            tr("4. Contact the recipient's IT"),
                            tr("When the receiving side refuses you, only its administrators "
                               "can change that. This message gives them what they need."),
                            contact));
    for (const Step &step : std::as_const(m_steps))
        m_layout->addWidget(step.box);
    m_layout->addStretch();
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (!m_steps.at(i).run)
            continue;
        connect(m_steps.at(i).run, &QPushButton::clicked, this, [this, i] { runStep(m_steps[i]); });
        connect(m_steps.at(i).cancel, &QPushButton::clicked, this,
                [this, i] { cancelStep(m_steps[i]); });
    }
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

CheckStep ChecklistWidget::checkStepOf(FirstStep kind)
{
    switch (kind) {
    case FirstStep::CheckBlocklists:
        return CheckStep::Blocklists;
    case FirstStep::CheckAuthentication:
        return CheckStep::Authentication;
    case FirstStep::ContactRecipientIt:
        return CheckStep::ContactRecipientIt;
    default:
        break;
    }
    return CheckStep::VerifyAddress;
}

bool ChecklistWidget::isRunning() const
{
    return !m_runners.isEmpty();
}

CheckInput ChecklistWidget::currentInput() const
{
    CheckInput input;
    input.recipient = m_recipientEdit->text().trimmed();
    input.sendingIp = m_sendingIpEdit->text().trimmed();
    input.sendingDomain = m_sendingDomainEdit->text().trimmed();
    input.dkimSelector = m_selectorEdit->text().trimmed();
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
    auto stepOf = [this, kind]() -> Step & {
        for (Step &s : m_steps) {
            if (s.kind == kind)
                return s;
        }
        return m_steps.first();
    };
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
    static const QHash<int, QString> marks = {
        {int(FindingStatus::Ok), QStringLiteral("✓")},
        {int(FindingStatus::Warning), QStringLiteral("⚠")},
        {int(FindingStatus::Problem), QStringLiteral("✗")},
        {int(FindingStatus::CouldNotCheck), QStringLiteral("?")},
        {int(FindingStatus::Info), QStringLiteral("ℹ")}};
    auto *item = new QTreeWidgetItem(step.results);
    item->setText(0, marks.value(int(finding.status)) + QLatin1Char(' ') + finding.title);
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

ChecklistWidget::Step ChecklistWidget::makeStep(FirstStep kind, const QString &objectName,
                                                const QString &title, const QString &why,
                                                QWidget *content)
{
    Step step;
    step.kind = kind;
    step.box = new QGroupBox(title, this);
    step.box->setObjectName(objectName);
    step.box->setCheckable(true); // checked = open
    auto *layout = new QVBoxLayout(step.box);
    step.body = new QWidget(step.box);
    auto *bodyLayout = new QVBoxLayout(step.body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(wrappedLabel(why, step.body));
    content->setParent(step.body);
    bodyLayout->addWidget(content);
    if (kind == FirstStep::VerifyAddress || kind == FirstStep::CheckBlocklists ||
        kind == FirstStep::CheckAuthentication) {
        auto *runRow = new QHBoxLayout;
        step.run = new QPushButton(tr("&Run check"), step.body);
        step.run->setObjectName(objectName + QStringLiteral("Run"));
        step.cancel = new QPushButton(tr("Cancel"), step.body);
        step.cancel->setObjectName(objectName + QStringLiteral("Cancel"));
        step.cancel->hide();
        step.progress = new QProgressBar(step.body);
        step.progress->setObjectName(objectName + QStringLiteral("Progress"));
        step.progress->hide();
        runRow->addWidget(step.run);
        runRow->addWidget(step.cancel);
        runRow->addWidget(step.progress, 1);
        bodyLayout->addLayout(runRow);
        step.results = new QTreeWidget(step.body);
        step.results->setObjectName(objectName + QStringLiteral("Results"));
        step.results->setAccessibleName(tr("Check results"));
        step.results->setHeaderHidden(true);
        step.results->setWordWrap(true);
        step.results->setMinimumHeight(120);
        step.results->header()->setStretchLastSection(true);
        bodyLayout->addWidget(step.results);
    }
    step.done = new QCheckBox(tr("Done"), step.body);
    step.done->setObjectName(objectName + QStringLiteral("Done"));
    bodyLayout->addWidget(step.done);
    layout->addWidget(step.body);
    QWidget *body = step.body;
    connect(step.box, &QGroupBox::toggled, body, &QWidget::setVisible);
    return step;
}

void ChecklistWidget::openOnly(FirstStep kind)
{
    for (const Step &step : std::as_const(m_steps)) {
        const bool open = step.kind == kind;
        step.box->setChecked(open);
        step.body->setVisible(open);
    }
}

void ChecklistWidget::clear()
{
    // A new bounce: stop checks of the old one so no stale result shows for the wrong bounce.
    for (Step &step : m_steps) {
        step.done->setChecked(false);
        if (step.run) {
            cancelStep(step);
            step.results->clear();
        }
    }
    m_authResults->clear();
    for (QLineEdit *edit : {m_recipientEdit, m_sendingIpEdit, m_sendingDomainEdit, m_selectorEdit,
                            m_draftTo, m_draftSubject})
        edit->clear();
    m_draftBody->clear();
}

void ChecklistWidget::setDiagnosis(const BounceMessage &message, const RecipientDiagnosis &r)
{
    clear();
    m_message = message;
    m_recipient = r;
    for (const AuthenticationResult &result : message.original.authenticationResults)
        new QTreeWidgetItem(m_authResults, {result.method.toUpper(), result.result, result.domain,
                                            result.authServId});
    m_authResults->setVisible(!message.original.authenticationResults.isEmpty());
    m_recipientEdit->setText(r.recipient);
    m_sendingIpEdit->setText(r.sendingIp);
    QString senderDomain = message.original.from.section(QLatin1Char('@'), -1);
    senderDomain.remove(QLatin1Char('>'));
    m_bounceSendingDomain = senderDomain.trimmed();
    m_sendingDomainEdit->setText(m_bounceSendingDomain);
    m_selectorEdit->setText(message.original.dkimSelector);

    m_addressAdvice->setText(r.suggestedRecipient.isEmpty()
                                 ? tr("Nothing in the address looks mistyped.")
                                 : tr("Did you mean %1?").arg(r.suggestedRecipient));
    m_blocklistAdvice->setText(
        r.blocklist.isEmpty()
            ? (r.sendingIp.isEmpty() ? tr("The bounce does not show your sending IP: ask your "
                                          "email provider for it, or type it above.")
                                     : tr("The bounce names no blocklist."))
            : tr("The server's reply names the blocklist %1.").arg(r.blocklist));
    m_authAdvice->setText(message.original.authenticationResults.isEmpty()
                              ? tr("The bounce carries no authentication results.")
                              : tr("The returned message carries %n authentication result(s).",
                                   nullptr, int(message.original.authenticationResults.size())));

    const ContactDraft draft = ContactDraft::forRecipient(message, r);
    m_draftTo->setText(draft.to);
    m_draftSubject->setText(draft.subject);
    m_draftBody->setPlainText(draft.body);

    // The recommended step first, the others in their usual order.
    FirstStep first = r.firstStep;
    if (first != FirstStep::VerifyAddress && first != FirstStep::CheckBlocklists &&
        first != FirstStep::CheckAuthentication && first != FirstStep::ContactRecipientIt)
        first = r.permanent ? FirstStep::ContactRecipientIt : FirstStep::VerifyAddress;
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).kind == first) {
            m_layout->removeWidget(m_steps.at(i).box);
            m_layout->insertWidget(0, m_steps.at(i).box);
        } else {
            m_layout->removeWidget(m_steps.at(i).box);
            m_layout->insertWidget(m_layout->count() - 1, m_steps.at(i).box);
        }
    }
    openOnly(first);
}

} // namespace BounceDoctor::Gui
