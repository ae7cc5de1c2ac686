#include "checklistwidget.h"

#include "report/contactdraft.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
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
    for (const Step &step : std::as_const(m_steps))
        step.done->setChecked(false);
    for (QLineEdit *edit : {m_recipientEdit, m_sendingIpEdit, m_sendingDomainEdit, m_selectorEdit,
                            m_draftTo, m_draftSubject})
        edit->clear();
    m_draftBody->clear();
}

void ChecklistWidget::setDiagnosis(const BounceMessage &message, const RecipientDiagnosis &r)
{
    clear();
    m_recipientEdit->setText(r.recipient);
    m_sendingIpEdit->setText(r.sendingIp);
    QString senderDomain = message.original.from.section(QLatin1Char('@'), -1);
    senderDomain.remove(QLatin1Char('>'));
    m_sendingDomainEdit->setText(senderDomain.trimmed());
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
