#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace BounceDoctor::HelpPages {

/// One of a mailbox provider's pages for senders (help-pages.json).
struct Page
{
    QString kind; ///< delist, reputation, rules
    QString title;
    QUrl url;
};

struct Provider
{
    QString id;   ///< as the diagnosis names it: microsoft, gmail, yahoo, aol, apple
    QString name; ///< for people: "Google (Gmail)"
    QList<Page> pages;
};

/// The provider with this id, or one with an empty id.
Provider provider(const QString &id);
/// The provider whose consumer mailboxes live at this domain (gmail.com -> gmail), or empty.
Provider providerOfDomain(const QString &domain);
/// A domain of personal mailboxes at a large provider (gmail.com, outlook.com, gmx.de, ...):
/// its postmaster@ reaches nobody who can help a sender.
bool isConsumerDomain(const QString &domain);

} // namespace BounceDoctor::HelpPages
