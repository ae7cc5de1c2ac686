#include "bounce/bouncereader.h"
#include "bounce/knowledgebase.h"
#include "common/translation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace BounceDoctor;

namespace {

constexpr double requiredShare = 0.95;

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; ///< one per plural form; empty when unfinished
};

QList<TsMessage> readTs(const QString &language)
{
    QFile file(QStringLiteral(BD_TRANSLATIONS_DIR "/bounce-doctor_%1.ts").arg(language));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    bool unfinished = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name") && context.isEmpty()) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = TsMessage{context, {}, {}};
                unfinished = false;
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                // Obsolete and vanished entries are not shown to anyone: they do not count.
                if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                    current.source.clear();
                unfinished = type == QLatin1String("unfinished");
                if (!xml.attributes().hasAttribute(QLatin1String("type")) || unfinished) {
                    // Either plain text, or <numerusform> children.
                    QString text;
                    while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
                        xml.readNext();
                        if (xml.isCharacters())
                            text += xml.text();
                        else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                            current.translations.append(xml.readElementText());
                    }
                    if (current.translations.isEmpty() && !text.trimmed().isEmpty())
                        current.translations.append(text);
                }
                if (unfinished)
                    current.translations.clear();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (!current.source.isEmpty())
                messages.append(current);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(file.fileName()), qPrintable(xml.errorString()));
    return messages;
}

// The same rule as translations/KnowledgeTexts.cmake: headline and explanation values, and
// every value of a blocklist's "codes" and "errors" maps.
void collectKnowledgeTexts(const QJsonValue &value, bool allStrings, QSet<QString> &texts)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isString()) {
                if (allStrings || it.key() == QLatin1String("headline") ||
                    it.key() == QLatin1String("explanation"))
                    texts.insert(it.value().toString());
            } else {
                const bool codes =
                    it.key() == QLatin1String("codes") || it.key() == QLatin1String("errors");
                collectKnowledgeTexts(it.value(), codes, texts);
            }
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            collectKnowledgeTexts(element, allStrings, texts);
    }
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

void addLanguageRows()
{
    QTest::addColumn<QString>("language");
    const QStringList languages = Translation::availableLanguages();
    for (const QString &language : languages) {
        if (language != QLatin1String("en"))
            QTest::newRow(qPrintable(language)) << language;
    }
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Translation::install(QStringLiteral("en")); }

    void mostlyTranslated_data() { addLanguageRows(); }
    void mostlyTranslated()
    {
        QFETCH(QString, language);
        const QList<TsMessage> messages = readTs(language);
        QVERIFY(messages.size() > 100);
        QStringList unfinished;
        for (const TsMessage &message : messages) {
            if (message.translations.isEmpty())
                unfinished.append(message.source.left(60));
        }
        const double share = 1.0 - double(unfinished.size()) / messages.size();
        QVERIFY2(share >= requiredShare,
                 qPrintable(QStringLiteral("%1: %2 of %3 texts unfinished (%4% done), e.g. %5")
                                .arg(language)
                                .arg(unfinished.size())
                                .arg(messages.size())
                                .arg(share * 100, 0, 'f', 1)
                                .arg(unfinished.mid(0, 5).join(QStringLiteral(" | ")))));
    }

    void placeholdersKept_data() { addLanguageRows(); }
    void placeholdersKept()
    {
        QFETCH(QString, language);
        for (const TsMessage &message : readTs(language)) {
            const bool plural = message.source.contains(QLatin1String("%n"));
            for (const QString &translation : message.translations) {
                QStringList expected = placeholders(message.source);
                QStringList actual = placeholders(translation);
                if (plural) { // a plural form may leave out the number ("one message")
                    expected.removeAll(QStringLiteral("%n"));
                    actual.removeAll(QStringLiteral("%n"));
                }
                QVERIFY2(expected == actual,
                         qPrintable(message.context + QStringLiteral(": ") + message.source +
                                    QStringLiteral(" -> ") + translation));
            }
        }
    }

    void knowledgeTextsReachable_data() { addLanguageRows(); }
    void knowledgeTextsReachable()
    {
        QFETCH(QString, language);
        QSet<QString> texts;
        for (const char *file :
             {"reasons.json", "providers.json", "details.json", "blocklists.json"})
            collectKnowledgeTexts(KnowledgeBase::document(QString::fromLatin1(file)), false, texts);
        QVERIFY(texts.size() > 100);
        QSet<QString> inTs;
        for (const TsMessage &message : readTs(language)) {
            if (message.context == QLatin1String("Knowledge"))
                inTs.insert(message.source);
        }
        for (const QString &text : std::as_const(texts))
            QVERIFY2(inTs.contains(text),
                     qPrintable(QStringLiteral("not in bounce-doctor_%1.ts (run the "
                                               "update_translations target): %2")
                                    .arg(language, text)));
    }

    // The embedded .qm files load and reach the texts the engine and the GUI show.
    void translatedAtRunTime_data() { addLanguageRows(); }
    void translatedAtRunTime()
    {
        QFETCH(QString, language);
        const BounceReader reader;
        const QString pasted =
            QStringLiteral("jsmith@example.com: 550 5.1.1 <jsmith@example.com>: User unknown");
        const QString english = reader.readPastedText(pasted).recipients.value(0).headline;
        QVERIFY(!english.isEmpty());

        QCOMPARE(Translation::install(language), language);
        const QString translated = reader.readPastedText(pasted).recipients.value(0).headline;
        QVERIFY2(translated != english, qPrintable(translated));
        QVERIFY(QCoreApplication::translate("BounceDoctor::Gui::MainWindow", "&File") !=
                QLatin1String("&File"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
