#include "bounce/domainsuggester.h"

#include <QRandomGenerator>
#include <QTest>

using namespace BounceDoctor;

class TestDomainSuggester final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suggestsCommonDomain_data();
    void suggestsCommonDomain();
    void editDistance_data();
    void editDistance();
    void suggestsWholeAddress();
    void agreesWithPlainEditDistances();
};

void TestDomainSuggester::suggestsCommonDomain_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("swapped letters") << QStringLiteral("gmial.com") << QStringLiteral("gmail.com");
    QTest::newRow("missing letter")
        << QStringLiteral("hotmal.com") << QStringLiteral("hotmail.com");
    QTest::newRow("upper case") << QStringLiteral("YAHOO.CON") << QStringLiteral("yahoo.com");
    QTest::newRow("second level and tld")
        << QStringLiteral("outlok.co") << QStringLiteral("outlook.com");
    QTest::newRow("country tld") << QStringLiteral("yahooo.co.uk") << QStringLiteral("yahoo.co.uk");
    QTest::newRow("known domain") << QStringLiteral("gmail.com") << QString();
    QTest::newRow("mail.com is real") << QStringLiteral("mail.com") << QString();
    QTest::newRow("unrelated company") << QStringLiteral("acme.com") << QString();
    QTest::newRow("unrelated long") << QStringLiteral("example.org") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestDomainSuggester::suggestsCommonDomain()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(DomainSuggester::instance().suggestDomain(typed), expected);
}

void TestDomainSuggester::editDistance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("distance");
    QTest::newRow("same") << QStringLiteral("abc") << QStringLiteral("abc") << 0;
    QTest::newRow("swap") << QStringLiteral("gmial") << QStringLiteral("gmail") << 1;
    QTest::newRow("insert") << QStringLiteral("yaho") << QStringLiteral("yahoo") << 1;
    QTest::newRow("two") << QStringLiteral("hotnal") << QStringLiteral("hotmail") << 2;
    QTest::newRow("empty") << QString() << QStringLiteral("abc") << 3;
}

void TestDomainSuggester::editDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(DomainSuggester::editDistance(a, b), distance);
}

void TestDomainSuggester::suggestsWholeAddress()
{
    const auto &suggester = DomainSuggester::instance();
    QCOMPARE(suggester.suggestAddress(QStringLiteral("jo.smith@gmial.com")),
             QStringLiteral("jo.smith@gmail.com"));
    QCOMPARE(suggester.suggestAddress(QStringLiteral("jo@acme-widgets.com")), QString());
    QCOMPARE(suggester.suggestAddress(QStringLiteral("not an address")), QString());
}

namespace {

// suggestDomain() as full edit distances to every candidate give it: skipping candidates by
// their length must never change the answer.
QString closestPlain(const QString &word, const QStringList &candidates, int limit)
{
    QString best;
    int bestDistance = limit + 1;
    for (const QString &candidate : candidates) {
        const int distance = DomainSuggester::editDistance(word, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

int limitPlain(const QString &word)
{
    const qsizetype dot = word.indexOf(QLatin1Char('.'));
    return (dot < 0 ? word.size() : dot) >= 6 ? DomainSuggester::maxDistance : 1;
}

QString suggestPlain(const QString &domain, const QStringList &domains, const QStringList &seconds,
                     const QStringList &tops)
{
    const QString lower = domain.trimmed().toLower();
    if (lower.isEmpty() || domains.contains(lower))
        return {};
    if (const QString whole = closestPlain(lower, domains, limitPlain(lower)); !whole.isEmpty())
        return whole;
    const qsizetype dot = lower.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return {};
    QString second = lower.left(dot);
    QString top = lower.mid(dot + 1);
    if (!seconds.contains(second)) {
        if (const QString c = closestPlain(second, seconds, limitPlain(second)); !c.isEmpty())
            second = c;
    }
    if (!tops.contains(top)) {
        if (const QString c = closestPlain(top, tops, 1); !c.isEmpty())
            top = c;
    }
    const QString suggestion = second + QLatin1Char('.') + top;
    return suggestion == lower || !domains.contains(suggestion) ? QString() : suggestion;
}

} // namespace

void TestDomainSuggester::agreesWithPlainEditDistances()
{
    QRandomGenerator random(42);
    const QString alphabet = QStringLiteral("aeilmnot.-");
    auto word = [&random, &alphabet](int minimum, int maximum) {
        QString w;
        const int length = minimum + random.bounded(maximum - minimum + 1);
        for (int i = 0; i < length; ++i)
            w.append(alphabet.at(random.bounded(alphabet.size())));
        return w;
    };
    // Variants of a word a few edits away, swaps included.
    auto mutate = [&random, &alphabet](QString w) {
        const int edits = random.bounded(4);
        for (int e = 0; e < edits && !w.isEmpty(); ++e) {
            const int at = random.bounded(int(w.size()));
            switch (random.bounded(4)) {
            case 0:
                w.remove(at, 1);
                break;
            case 1:
                w.insert(at, alphabet.at(random.bounded(alphabet.size())));
                break;
            case 2:
                w[at] = alphabet.at(random.bounded(alphabet.size()));
                break;
            default:
                if (at + 1 < w.size())
                    std::swap(w[at], w[at + 1]);
            }
        }
        return w;
    };
    for (int round = 0; round < 50; ++round) {
        QStringList seconds, tops, domains;
        for (int i = 0; i < 12; ++i) {
            seconds.append(word(2, 9));
            tops.append(word(2, 4));
        }
        for (int i = 0; i < 40; ++i)
            domains.append(seconds.at(random.bounded(seconds.size())) + QLatin1Char('.') +
                           tops.at(random.bounded(tops.size())));
        seconds.removeDuplicates();
        tops.removeDuplicates();
        domains.removeDuplicates();
        const DomainSuggester suggester(domains, seconds, tops);
        for (int i = 0; i < 200; ++i) {
            const QString typed = mutate(domains.at(random.bounded(domains.size())));
            QCOMPARE(suggester.suggestDomain(typed), suggestPlain(typed, domains, seconds, tops));
        }
    }
}

QTEST_GUILESS_MAIN(TestDomainSuggester)
#include "tst_domainsuggester.moc"
