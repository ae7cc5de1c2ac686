#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace BounceDoctor::TextScan {

/// The first RFC 3463 enhanced status code in text ("5.1.1"), or empty.
QString enhancedStatus(QStringView text);
/// The first SMTP reply code in text ("550"), or empty.
QString replyCode(QStringView text);
/// The first e-mail address in text, without angle brackets, or empty.
QString address(QStringView text);
/// An address field such as "rfc822; <a@b.example>" reduced to the bare address.
QString cleanAddress(QStringView text);
/// An IP the text says the mail came from ("messages from [203.0.113.5]", "client host [..]").
QString senderIpInText(QStringView text);
/// The first public IP in the "from" part of a Received header.
QString receivedFromIp(QStringView received);
/// Whether ip (IPv4 or IPv6) can be a server on the internet: false for private, shared,
/// loopback, link-local, multicast and reserved addresses and for text that is no address.
bool isPublicIp(const QString &ip);
/// Removes an RFC 3464 type prefix: "smtp; 550 ..." -> "550 ...", "dns; mx.example" ->
/// "mx.example".
QString stripTypePrefix(QStringView text);
/// Removes HTML tags and decodes the common entities, keeping line structure.
QString htmlToText(QStringView html);

/// The SMTP command the server was answering, when the text says: EHLO, MAIL, RCPT, DATA,
/// STARTTLS, or CONN for the greeting.
QString smtpCommand(const QString &text);
/// Every command the text names in unmistakable wording ("in reply to RCPT TO command",
/// ">>> DATA", ...), each once, in the order of smtpCommand's preference.
QStringList namedCommands(const QString &text);

} // namespace BounceDoctor::TextScan
