// Runs the RFC 7208 test suite (openspf.org, release 2014.04) from ../shared/spf against
// SpfEvaluator over an in-memory zone. The YAML reader below understands only what that
// file uses: "---" documents, two levels of mappings, "- TYPE: value" lists, plain, quoted
// and flow-list scalars, and folded/literal blocks (which the suite uses only for prose).

#include "checks/auth/spfevaluator.h"
#include "memoryzone.h"

#include <QFile>
#include <QHostAddress>
#include <QTest>

using namespace BounceDoctor;

namespace {

struct ZoneEntry
{
    QString type;       ///< A, AAAA, MX, PTR, CNAME, TXT, SPF, TIMEOUT
    QStringList values; ///< scalar → one value; flow list → its items
    bool isList = false;
};

struct Scenario
{
    QString description;
    QList<QPair<QString, QList<ZoneEntry>>> zone;
};

struct TestCase
{
    QString name;
    int scenario = 0;
    QHash<QString, QString> fields;
    QStringList results;
};

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

QString unquoteDouble(const QString &text)
{
    QByteArray out;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar e = text.at(++i);
            if (e == QLatin1Char('x') && i + 2 < text.size()) {
                out.append(char(text.mid(i + 1, 2).toInt(nullptr, 16)));
                i += 2;
            } else if (e == QLatin1Char('0')) {
                out.append('\0');
            } else if (e == QLatin1Char('n')) {
                out.append('\n');
            } else if (e == QLatin1Char('t')) {
                out.append('\t');
            } else {
                out.append(e.toLatin1());
            }
        } else {
            out.append(c.toLatin1());
        }
    }
    // Bytes map to code points 0-255 one to one, so non-ASCII stays visible as such.
    return QString::fromLatin1(out);
}

QString scalar(QString text)
{
    text = text.trimmed();
    if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"')))
        return unquoteDouble(text.mid(1, text.size() - 2));
    if (text.size() >= 2 && text.startsWith(QLatin1Char('\'')) && text.endsWith(QLatin1Char('\'')))
        return text.mid(1, text.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    return text;
}

QStringList flowList(const QString &text)
{
    // "[ a, "b c", 'd' ]" — items never contain commas inside quotes in this suite except
    // none; split on commas outside quotes anyway.
    const QString inner = text.trimmed().mid(1, text.trimmed().size() - 2);
    QStringList items;
    QString current;
    QChar quote;
    bool any = false;
    for (const QChar c : inner) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            current += c;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            current += c;
            any = true;
        } else if (c == QLatin1Char(',')) {
            items.append(scalar(current));
            current.clear();
        } else {
            current += c;
            if (!c.isSpace())
                any = true;
        }
    }
    if (any)
        items.append(scalar(current));
    return items;
}

bool parseSuite(const QString &path, QList<Scenario> *scenarios, QList<TestCase> *cases,
                QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const QStringList lines = QString::fromLatin1(file.readAll()).split(QLatin1Char('\n'));
    enum class Section
    {
        None,
        Tests,
        Zone
    } section = Section::None;
    Scenario *scenario = nullptr;
    TestCase *current = nullptr;
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        if (line == QLatin1String("---")) {
            scenarios->append(Scenario());
            scenario = &scenarios->last();
            section = Section::None;
            current = nullptr;
            continue;
        }
        if (!scenario) {
            *error = QStringLiteral("line %1: content before the first document").arg(i + 1);
            return false;
        }
        const int indent = indentOf(line);
        const QString body = line.mid(indent);
        // Block scalars: collect the more-indented lines that follow.
        auto blockAfter = [&](const QString &value) {
            QStringList parts;
            if (!value.startsWith(QLatin1Char('>')) && !value.startsWith(QLatin1Char('|'))) {
                // A plain scalar may continue on more-indented lines.
                parts.append(value);
                while (i + 1 < lines.size() && !lines.at(i + 1).trimmed().isEmpty() &&
                       indentOf(lines.at(i + 1)) > indent)
                    parts.append(lines.at(++i).trimmed());
                return scalar(parts.join(QLatin1Char(' ')));
            }
            while (i + 1 < lines.size() &&
                   (lines.at(i + 1).trimmed().isEmpty() || indentOf(lines.at(i + 1)) > indent)) {
                parts.append(lines.at(++i).trimmed());
            }
            return parts
                .join(value.startsWith(QLatin1Char('>')) ? QStringLiteral(" ")
                                                         : QStringLiteral("\n"))
                .trimmed();
        };
        if (indent == 0) {
            const int colon = body.indexOf(QLatin1Char(':'));
            const QString name = body.left(colon);
            const QString value = body.mid(colon + 1).trimmed();
            if (name == QLatin1String("description"))
                scenario->description = blockAfter(value);
            section = name == QLatin1String("tests")      ? Section::Tests
                      : name == QLatin1String("zonedata") ? Section::Zone
                                                          : Section::None;
            continue;
        }
        if (indent == 2) {
            QString name = body;
            name.chop(1); // the trailing ':'
            name = scalar(name);
            if (section == Section::Tests) {
                cases->append(TestCase());
                current = &cases->last();
                current->name = name;
                current->scenario = int(scenarios->size()) - 1;
            } else if (section == Section::Zone) {
                scenario->zone.append({name, {}});
            }
            continue;
        }
        if (section == Section::Tests && current && indent == 4) {
            const int colon = body.indexOf(QLatin1Char(':'));
            const QString key = body.left(colon);
            const QString value = body.mid(colon + 1).trimmed();
            if (key == QLatin1String("result")) {
                current->results = value.startsWith(QLatin1Char('[')) ? flowList(value)
                                                                      : QStringList{scalar(value)};
            } else {
                current->fields.insert(key, blockAfter(value));
            }
            continue;
        }
        if (section == Section::Zone && indent == 4 && body.startsWith(QLatin1String("- "))) {
            const QString item = body.mid(2).trimmed();
            ZoneEntry entry;
            const int colon = item.indexOf(QLatin1Char(':'));
            if (colon < 0) {
                entry.type = item;
            } else {
                entry.type = item.left(colon);
                const QString value = item.mid(colon + 1).trimmed();
                entry.isList = value.startsWith(QLatin1Char('['));
                entry.values = entry.isList ? flowList(value) : QStringList{scalar(value)};
            }
            scenario->zone.last().second.append(entry);
            continue;
        }
        *error = QStringLiteral("line %1: not understood: %2").arg(i + 1).arg(line);
        return false;
    }
    return true;
}

void loadZone(const Scenario &scenario, Test::MemoryZone *zone)
{
    zone->clear();
    for (const auto &[name, entries] : scenario.zone) {
        bool hasTxt = false;
        for (const ZoneEntry &entry : entries)
            hasTxt = hasTxt || entry.type == QLatin1String("TXT");
        for (const ZoneEntry &entry : entries) {
            const QString &type = entry.type;
            if (type == QLatin1String("TIMEOUT")) {
                zone->addTimeout(name);
            } else if (type == QLatin1String("TXT") &&
                       entry.values == QStringList{QStringLiteral("NONE")}) {
                zone->addName(name); // the name exists, without TXT data
            } else if (type == QLatin1String("TXT") || (type == QLatin1String("SPF") && !hasTxt)) {
                // Type SPF (99) is gone from RFC 7208; the suite's drivers serve it as TXT.
                zone->addTxt(name, entry.values);
            } else if (type == QLatin1String("A")) {
                zone->add(name, DnsType::A, entry.values.value(0));
            } else if (type == QLatin1String("AAAA")) {
                zone->add(name, DnsType::AAAA, entry.values.value(0));
            } else if (type == QLatin1String("PTR")) {
                zone->add(name, DnsType::PTR, entry.values.value(0));
            } else if (type == QLatin1String("CNAME")) {
                zone->add(name, DnsType::CNAME, entry.values.value(0));
            } else if (type == QLatin1String("MX")) {
                zone->add(name, DnsType::MX, entry.values.value(1), entry.values.value(0).toInt());
            }
        }
    }
}

} // namespace

class TestSpfConformance final : public QObject
{
    Q_OBJECT

private:
    QList<Scenario> m_scenarios;
    QList<TestCase> m_cases;

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = QStringLiteral(BD_SHARED_DIR "/spf/rfc7208-tests.yml");
        if (!QFile::exists(path))
            QSKIP("../shared/spf/rfc7208-tests.yml is absent: the RFC 7208 suite is not run");
        QString error;
        QVERIFY2(parseSuite(path, &m_scenarios, &m_cases, &error), qPrintable(error));
        QCOMPARE(m_cases.size(), 203);
    }

    void suite_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_cases.size(); ++i)
            QTest::newRow(qPrintable(QString::number(m_cases.at(i).scenario) + QLatin1Char('/') +
                                     m_cases.at(i).name))
                << i;
    }

    void suite()
    {
        QFETCH(int, index);
        const TestCase &test = m_cases.at(index);
        Test::MemoryZone zone;
        loadZone(m_scenarios.at(test.scenario), &zone);
        SpfEvaluator evaluator(&zone);

        const QString mailFrom = test.fields.value(QStringLiteral("mailfrom"));
        const QString helo = test.fields.value(QStringLiteral("helo"));
        const int at = mailFrom.lastIndexOf(QLatin1Char('@'));
        const QString domain = mailFrom.isEmpty() ? helo : mailFrom.mid(at + 1);

        bool done = false;
        SpfEvaluation result;
        evaluator.checkHost(QHostAddress(test.fields.value(QStringLiteral("host"))), domain,
                            mailFrom, helo, [&](const SpfEvaluation &evaluation) {
                                result = evaluation;
                                done = true;
                            });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        const QString got = spfResultName(result.result);
        const QString context = QStringLiteral("%1: got %2, expected %3\n%4")
                                    .arg(m_scenarios.at(test.scenario).description, got,
                                         test.results.join(QStringLiteral(" or ")),
                                         result.trace.join(QLatin1Char('\n')));
        QVERIFY2(test.results.contains(got), qPrintable(context));

        const QString explanation = test.fields.value(QStringLiteral("explanation"));
        if (!explanation.isEmpty() && got == QLatin1String("fail")) {
            const QString expected =
                explanation == QLatin1String("DEFAULT") ? QString() : explanation;
            QVERIFY2(result.explanation.compare(expected, Qt::CaseInsensitive) == 0,
                     qPrintable(QStringLiteral("explanation \"%1\", expected \"%2\"")
                                    .arg(result.explanation, expected)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSpfConformance)
#include "tst_spfconformance.moc"
