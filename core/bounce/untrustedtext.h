#pragma once

#include <QString>
#include <QStringView>

/// Text that came from a bounce, a file name or DNS, made safe to show where its characters
/// would act rather than be seen: a terminal runs escape sequences (screen clear, links, window
/// title, bell), a right-to-left override flips what follows it, a line break forges a line
/// of a ticket. Each such character is shown by name instead, so nothing is hidden either.
namespace BounceDoctor::UntrustedText {

/// True for the characters visible() shows by name: C0 controls but tab, DEL, C1 controls,
/// bidi embeddings, overrides, isolates and marks, and the Unicode line separators.
bool isActive(QChar c);
/// Each active character as an escape: "\e", "\a", "\r", "\n", "\x01", "<U+202E>", ...
QString visible(QStringView text);
/// One line: line breaks (CR, LF, NEL, U+2028, U+2029) become spaces, then visible(); for a
/// header value in ticket text, a draft, a mailto: URL or an export.
QString oneLine(QStringView text);

} // namespace BounceDoctor::UntrustedText
