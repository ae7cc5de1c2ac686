#pragma once

#include <QString>
#include <QStringView>

/// The one home of e-mail address and domain name handling: splitting an address, the domain
/// to compare or look up, and the organizational domain of the public suffix list.
namespace BounceDoctor::MailAddress {

/// The address alone, as written: "Ana <ana@example.org>" and " <ana@example.org> " give
/// "ana@example.org".
QString bare(QStringView text);

/// What comes before the last '@' of an address, as written; empty when there is no '@'.
QString localPart(QStringView address);
/// What comes after the last '@' of an address, as written; empty when there is no '@'.
QString domainPart(QStringView address);

/// A domain name to compare or look up: trimmed, in lower case, without the trailing dot of
/// the root.
QString normalizedDomain(QStringView domain);

/// The normalized domain of an address ("Ana <ana@Example.ORG>" gives "example.org"), or of a
/// domain given alone.
QString domainOf(QStringView addressOrDomain);

/// The organizational (registrable) domain by the public suffix list, libpsl's built-in copy:
/// "mail.shop.example.co.uk" gives "example.co.uk". A name with no registrable part (a public
/// suffix itself) comes back normalized.
QString organizationalDomain(QStringView domain);

} // namespace BounceDoctor::MailAddress
