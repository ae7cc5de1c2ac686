#pragma once

#include <QStringList>

namespace BounceDoctor::Translation {

/// The languages the application speaks, as locale names ("de", "pt_BR"); English is "en".
QStringList availableLanguages();

/// The language's own name for itself ("Deutsch", "日本語"), for a language menu.
QString nativeName(const QString &language);

/// Installs the application's and Qt's translations for `language` (empty: the system's
/// languages, in order of preference), replacing any installed before. Returns the language
/// now used ("en" when nothing matched).
QString install(const QString &language = {});

} // namespace BounceDoctor::Translation
