#include "helpdialog.h"

#include "common/version.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace BounceDoctor::Gui {

HelpDialog::HelpDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("helpDialog"));
    setWindowTitle(tr("How to read a bounce"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QTextBrowser(this);
    text->setObjectName(QStringLiteral("helpText"));
    text->setAccessibleName(tr("Help text"));
    text->setOpenLinks(false); // help never fetches or opens anything
    text->setHtml(helpHtml());
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(640, 600);
}

QString HelpDialog::helpHtml()
{
    QString html = QStringLiteral("<h2>") + tr("How to read a bounce") + QStringLiteral("</h2>");
    const QStringList steps = {
        tr("Find the error line: a three-digit reply code and usually a code like 5.1.1, then the "
           "server's words, for example \"550 5.1.1 User unknown\"."),
        tr("The first digit says how lasting it is: 2 means delivered, 4 means temporary (your "
           "server retries by itself), 5 means refused (it will not be retried)."),
        tr("The second part says what kind of problem: x.1.x the address, x.2.x the mailbox, "
           "x.3.x the receiving system, x.4.x the network or routing, x.5.x the mail protocol, "
           "x.7.x security and policy (blocklists, SPF, DKIM, DMARC)."),
        tr("The server's words say the rest. Bounce Doctor explains them, says who must act, and "
           "opens the first step of the checklist."),
    };
    html += QStringLiteral("<ol>");
    for (const QString &step : steps)
        html += QStringLiteral("<li>") + step.toHtmlEscaped() + QStringLiteral("</li>");
    html += QStringLiteral("</ol><h2>") + tr("Glossary") + QStringLiteral("</h2><dl>");
    const QList<QPair<QString, QString>> terms = {
        {tr("Bounce"), tr("The message your mail server sends back when it could not deliver "
                          "yours, also called a non-delivery report (NDR) or DSN.")},
        {tr("MX record"), tr("The DNS record naming the servers that receive mail for a domain. "
                             "A domain without one usually cannot receive mail.")},
        {tr("SPF"), tr("A DNS record listing the servers allowed to send mail for your domain. "
                       "Mail from a server not on the list may be refused.")},
        {tr("DKIM"), tr("A signature your server adds to each message, checked against a key in "
                        "your domain's DNS. It proves the message was not changed.")},
        {tr("DMARC"), tr("A DNS record telling receivers what to do with mail that claims to be "
                         "from your domain but passes neither SPF nor DKIM for it.")},
        {tr("PTR record (reverse DNS)"),
         tr("The name an IP address points back to. Many servers refuse mail from an IP address "
            "without one, or whose name does not match.")},
        {tr("Blocklist (DNSBL)"),
         tr("A public list of IP addresses or domains that sent spam. Servers ask these lists "
            "and refuse mail from what is listed.")},
        {tr("Sending IP"), tr("The address of the server your message left from, as the "
                              "receiving server saw it.")},
        {tr("Postmaster"), tr("The address every mail domain should have for its mail "
                              "administrators: postmaster@ followed by the domain.")},
    };
    for (const auto &[term, meaning] : terms)
        html += QStringLiteral("<dt><b>") + term.toHtmlEscaped() + QStringLiteral("</b></dt><dd>") +
                meaning.toHtmlEscaped() + QStringLiteral("</dd>");
    html += QStringLiteral("</dl>");
    return html;
}

QString HelpDialog::aboutHtml()
{
    return QStringLiteral("<h3>%1 %2</h3><p>").arg(applicationName(), applicationVersion()) +
           tr("Explains why an email bounced, in plain words, and walks you through fixing it.")
               .toHtmlEscaped() +
           QStringLiteral("</p><p>") +
           tr("Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). "
              "There is no warranty.")
               .toHtmlEscaped() +
           QStringLiteral("</p><p>") +
           tr("Credits: the bounce reason names follow Sisimai (BSD-2-Clause) by azumakuniyuki "
              "and contributors. Built with Qt, GMime, RE2, c-ares, libpsl, OpenSSL and "
              "SQLite.")
               .toHtmlEscaped() +
           QStringLiteral("</p>");
}

} // namespace BounceDoctor::Gui
