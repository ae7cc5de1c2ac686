#pragma once

#include <QString>

namespace BounceDoctor::SmtpText {

/// The most specific enhanced status code (RFC 3463) in text: x.0.0 and 4.4.7 only when there
/// is nothing better; digits that belong to IP addresses or version numbers are skipped.
QString findStatusCode(const QString &text);

/// The first SMTP reply code (2xx, 4xx, 5xx) in text.
QString findReplyCode(const QString &text);

/// The SMTP command the remote server was answering, when the text says: EHLO, MAIL, RCPT,
/// DATA, or CONN for the greeting.
QString findCommand(const QString &text);

/// The remote server's host name as the text names it ("host mx.example.com[192.0.2.1] said").
QString findRemoteHost(const QString &text);

/// The sender's IP address when the text names it ("Client host [203.0.113.5] blocked").
QString findSendingIp(const QString &text);

/// Whitespace runs (and line breaks) collapsed to one space, trimmed.
QString collapseWhitespace(const QString &text);

/// True for addresses in 10/8, 172.16/12, 192.168/16, 127/8, 169.254/16, ::1, fc00::/7, fe80::/10.
bool isPrivateAddress(const QString &ip);

} // namespace BounceDoctor::SmtpText
