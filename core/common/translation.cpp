#include "translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

#include <memory>
#include <vector>

Q_LOGGING_CATEGORY(lcTranslation, "bouncedoctor.common.translation", QtInfoMsg)

namespace BounceDoctor::Translation {
namespace {

const QString translationsDirectory = QStringLiteral(":/bouncedoctor/translations");

std::vector<std::unique_ptr<QTranslator>> &installedTranslators()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"),    QStringLiteral("fr"),
            QStringLiteral("es"), QStringLiteral("pt_BR"), QStringLiteral("ja")};
}

QString nativeName(const QString &language)
{
    const QLocale locale(language);
    QString name = locale.nativeLanguageName();
    if (language.contains(QLatin1Char('_')))
        name += QStringLiteral(" (") + locale.nativeTerritoryName() + QLatin1Char(')');
    // QLocale writes some names in lower case ("español"); a menu shows them capitalised.
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

QString install(const QString &language)
{
    for (const auto &translator : installedTranslators())
        QCoreApplication::removeTranslator(translator.get());
    installedTranslators().clear();

    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);

    auto application = std::make_unique<QTranslator>();
    // load() walks the locale's UI languages ("de-CH", "de", ...) and their fallbacks.
    if (!application->load(locale, QStringLiteral("bounce-doctor"), QStringLiteral("_"),
                           translationsDirectory)) {
        qCDebug(lcTranslation) << "no translation for" << locale.uiLanguages();
        return QStringLiteral("en");
    }
    const QString used = application->language();
    QCoreApplication::installTranslator(application.get());
    installedTranslators().push_back(std::move(application));

    // Qt's own texts (standard buttons, file dialogs), from the system's Qt translations.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installedTranslators().push_back(std::move(qt));
    } else {
        qCDebug(lcTranslation) << "Qt's own translations are missing for" << used;
    }
    return used.isEmpty() ? locale.name() : used;
}

} // namespace BounceDoctor::Translation
