#include "common/firstmatch.h"
#include "common/pattern.h"

#include <QRegularExpression>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace BounceDoctor;

// Pattern stands in for QRegularExpression on the reader's hot paths: for the same pattern
// and options it must find the same matches and captures.
class TestPattern final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsQRegularExpression_data();
    void sameAsQRegularExpression();
    void globalMatchesSameAsQRegularExpression_data();
    void globalMatchesSameAsQRegularExpression();
    void invalidPatternNeverMatches();
    void manyCaptureGroups();
    void sharedAcrossThreads();
    void setSameAsOneByOne_data();
    void setSameAsOneByOne();
    void brokenSurrogatesDoNotHideMatches();
};

namespace {

QRegularExpression::PatternOptions qtOptions(int options)
{
    QRegularExpression::PatternOptions qt;
    if (options & Pattern::CaseInsensitive)
        qt |= QRegularExpression::CaseInsensitiveOption;
    if (options & Pattern::Multiline)
        qt |= QRegularExpression::MultilineOption;
    if (options & Pattern::DotMatchesEverything)
        qt |= QRegularExpression::DotMatchesEverythingOption;
    if (options & Pattern::UnicodeProperties)
        qt |= QRegularExpression::UseUnicodePropertiesOption;
    return qt;
}

} // namespace

void TestPattern::sameAsQRegularExpression_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("options");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("from");

    const int ci = Pattern::CaseInsensitive;
    QTest::newRow("phrase, case") << "user unknown" << ci << "550 5.1.1 User Unknown here" << 0;
    QTest::newRow("no match") << "mailbox full" << ci << "550 5.1.1 user unknown" << 0;
    QTest::newRow("captures") << R"((\d{3})[ -]([245]\.\d{1,3}\.\d{1,3}))" << 0
                              << "said: 550 5.7.1 blocked" << 0;
    QTest::newRow("optional group unset") << R"((a)?(b))" << 0 << "xb" << 0;
    QTest::newRow("trailing group unset") << R"((b)(a)?)" << 0 << "xb" << 0;
    QTest::newRow("from offset") << R"(\d+)" << 0 << "12 and 345" << 3;
    QTest::newRow("from at end") << R"(\d*)" << 0 << "12" << 2;
    QTest::newRow("multiline anchors")
        << R"(^Diagnostic-Code:\s*(.+)$)" << (ci | Pattern::Multiline)
        << "Action: failed\ndiagnostic-code: smtp; 550 no\nStatus: 5.0.0" << 0;
    QTest::newRow("dot all") << R"(begin(.*)end)" << int(Pattern::DotMatchesEverything)
                             << "begin\nmiddle\nend" << 0;
    // \w and \b differ on non-ASCII letters with and without Unicode properties.
    QTest::newRow("word, ascii") << R"(\bpostf\w+)" << ci << "Émile postfächer" << 0;
    QTest::newRow("word, unicode")
        << R"(\bpostf\w+)" << (ci | Pattern::UnicodeProperties) << "Émile postfächer" << 0;
    QTest::newRow("caseless non-ascii") << "ÜBERSCHRITTEN" << ci << "kontingent überschritten" << 0;
    QTest::newRow("japanese") << "宛先不明" << 0 << "エラー: 宛先不明 (550)" << 0;
    QTest::newRow("surrogate pair") << "😀(x)" << 0 << "a😀x" << 0;
    QTest::newRow("empty text") << "a*" << 0 << "" << 0;

    // Long texts go through the literal gate first (see Pattern::Compiled::gate): these rows
    // check it never hides a match PCRE2 would find.
    const QString filler =
        QStringLiteral("Lorem ipsum dolor sit amet, consectetur adipiscing. ").repeated(4);
    QTest::newRow("gate: phrase deep in a long text")
        << "This is the MAILER-DAEMON, please DO NOT REPLY" << ci
        << filler + QStringLiteral("this is the mailer-daemon, PLEASE do not reply to this.") << 0;
    QTest::newRow("gate: phrase absent")
        << "This is the MAILER-DAEMON, please DO NOT REPLY" << ci << filler + filler << 0;
    QTest::newRow("gate: near misses, then the phrase")
        << "mailer-daemon" << ci
        << QStringLiteral("mailer-daemo mailer_daemon ").repeated(8) +
               QStringLiteral("MAILER-DAEMON")
        << 0;
    QTest::newRow("gate: phrase at the very end")
        << "dolor sit" << 0 << filler + QStringLiteral("dolor sit") << 0;
    QTest::newRow("gate: case matters without the option")
        << "Dolor Sit" << 0 << filler + QStringLiteral("dolor sit") << 0;
    QTest::newRow("gate: Kelvin sign matches k caselessly")
        << "kelvin scale" << ci << filler + QString::fromUtf16(u"\u212Aelvin scale") << 0;
    QTest::newRow("gate: long s matches s caselessly")
        << "status report" << ci << filler + QString::fromUtf16(u"\u017Ftatus report") << 0;
    // Far from the end, where places are compared eight at a time (the last few one by one).
    QTest::newRow("gate: Kelvin sign and long s mid-text, first and last")
        << "kelvin sensors" << ci
        << filler + QString::fromUtf16(u"\u212Aelvin sensor\u017F") + filler << 0;
    QTest::newRow("gate: upper case mid-text")
        << "kelvin sensors" << ci << filler + QStringLiteral("KELVIN SENSORS") + filler << 0;
    QTest::newRow("gate: only the last alternative present")
        << "alpha beta|gamma delta|epsilon zeta" << ci << filler + QStringLiteral("EPSILON ZETA")
        << 0;
    QTest::newRow("gate: a literal inside another one")
        << "This is the qmail-send program|This is the .{0,40}qmail" << ci
        << filler + QStringLiteral("This is the netqmail program") << 0;
    QTest::newRow("gate: neither of two nested literals")
        << "This is the qmail-send program|This is the .{0,40}qmail" << ci << filler << 0;
    QTest::newRow("gate: literal only before from")
        << "user unknown" << ci << QStringLiteral("user unknown ") + filler << 5;
    QTest::newRow("gate: looking behind from")
        << "(?<=abc)defghij" << 0 << filler + QStringLiteral("abcdefghij") + filler
        << int(filler.size()) + 3;
    QTest::newRow("gate: groups and classes around the literal")
        << R"(^\s*(?:Reason|Cause):\s+[a-z]+ mailbox is full\b)" << (ci | Pattern::Multiline)
        << filler + QStringLiteral("\n  cause:   the MAILBOX IS FULL today") << 0;
}

void TestPattern::sameAsQRegularExpression()
{
    QFETCH(QString, pattern);
    QFETCH(int, options);
    QFETCH(QString, text);
    QFETCH(int, from);
    const QRegularExpression expected(pattern, qtOptions(options));
    QVERIFY(expected.isValid());
    const Pattern ours(pattern, options);
    QVERIFY(ours.isValid());
    const QRegularExpressionMatch want = expected.match(text, from);
    const PatternMatch got = ours.match(text, from);
    QCOMPARE(got.hasMatch(), want.hasMatch());
    QCOMPARE(ours.matches(text, from), want.hasMatch());
    if (!want.hasMatch())
        return;
    QCOMPARE(got.lastCapturedIndex(), want.lastCapturedIndex());
    for (int group = 0; group <= expected.captureCount(); ++group) {
        QCOMPARE(got.capturedStart(group), want.capturedStart(group));
        QCOMPARE(got.capturedEnd(group), want.capturedEnd(group));
        QCOMPARE(got.captured(group), want.captured(group));
        QCOMPARE(got.hasCaptured(group), want.hasCaptured(group));
    }
}

void TestPattern::globalMatchesSameAsQRegularExpression_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");

    QTest::newRow("addresses") << R"([\w.+-]+@[\w.-]+)"
                               << "to a@b.example, c.d@e.example and x";
    QTest::newRow("ipv4") << R"(\d{1,3}(?:\.\d{1,3}){3})"
                          << "[192.0.2.1] via 198.51.100.7";
    QTest::newRow("empty matches") << "x*"
                                   << "axxbx";
    QTest::newRow("empty at surrogates") << ""
                                         << "a😀b";
    QTest::newRow("none") << "zzz"
                          << "nothing here";
}

void TestPattern::globalMatchesSameAsQRegularExpression()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QList<QPair<qsizetype, qsizetype>> want;
    auto it = QRegularExpression(pattern).globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        want.append({m.capturedStart(), m.capturedEnd()});
    }
    QList<QPair<qsizetype, qsizetype>> got;
    Pattern(pattern).forEachMatch(text, [&got](const PatternMatch &m) {
        got.append({m.capturedStart(), m.capturedEnd()});
        return true;
    });
    QCOMPARE(got, want);
}

void TestPattern::invalidPatternNeverMatches()
{
    const Pattern broken(QStringLiteral("unclosed (group"));
    QVERIFY(!broken.isValid());
    QVERIFY(broken.errorString().contains(QLatin1String("offset")));
    QVERIFY(!broken.matches(u"unclosed (group"));
    QVERIFY(!broken.match(u"anything").hasMatch());
    const Pattern none;
    QVERIFY(!none.isValid());
    QVERIFY(!none.matches(u""));
}

void TestPattern::manyCaptureGroups()
{
    // More groups than the per-thread match data holds.
    QString source;
    QString text;
    for (int i = 0; i < 80; ++i) {
        source += QStringLiteral("(%1)").arg(QChar(u'a' + i % 26));
        text += QChar(u'a' + i % 26);
    }
    const PatternMatch m = Pattern(source).match(text);
    QVERIFY(m.hasMatch());
    QCOMPARE(m.lastCapturedIndex(), 80);
    QCOMPARE(m.capturedStart(80), 79);
    QCOMPARE(m.captured(80), QStringLiteral("b"));
}

void TestPattern::sharedAcrossThreads()
{
    const Pattern status(QStringLiteral(R"(\b([245])\.(\d{1,3})\.(\d{1,3})\b)"));
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&status, &wrong, t] {
            for (int i = 0; i < 5000; ++i) {
                const QString text = QStringLiteral("550 %1.%2.%3 no").arg(5).arg(t).arg(i % 999);
                const PatternMatch m = status.match(text);
                if (!m.hasMatch() || m.captured(2) != QString::number(t) ||
                    m.captured(3) != QString::number(i % 999))
                    ++wrong;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

void TestPattern::setSameAsOneByOne_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<int>("options");
    QTest::addColumn<QString>("text");

    const int ci = Pattern::CaseInsensitive;
    const QStringList commands{QStringLiteral("in reply to (?:the )?rcpt to|>>> rcpt to"),
                               QStringLiteral("after (?:end of )?data|>>> data"),
                               QStringLiteral(R"(\bmail\s+from\b)"), QStringLiteral("starttls")};
    QTest::newRow("one") << commands << ci << "550 (in reply to RCPT TO command)";
    QTest::newRow("several") << commands << ci << ">>> DATA after MAIL FROM, STARTTLS";
    QTest::newRow("none") << commands << ci << "550 5.1.1 user unknown";
    // A later rule that matches only at the same place as an earlier one, or inside it.
    QTest::newRow("same place") << QStringList{QStringLiteral("user unknown"),
                                               QStringLiteral("user"), QStringLiteral("unknown")}
                                << ci << "no: user unknown";
    QTest::newRow("inside another")
        << QStringList{QStringLiteral("abcdef"), QStringLiteral("cd")} << 0 << "xxabcdefxx";
    QTest::newRow("overlapping") << QStringList{QStringLiteral("abc"), QStringLiteral("bcd")} << 0
                                 << "abcd";
    QTest::newRow("lookbehind") << QStringList{QStringLiteral(R"((?<![\d.])5\.1\.1)"),
                                               QStringLiteral(R"(\d\.1\.1)")}
                                << 0 << "code 45.1.1 then 5.1.1";
    QTest::newRow("back-reference")
        << QStringList{QStringLiteral(R"((a)x)"), QStringLiteral(R"((b)\1)")} << 0 << "ax bb";
    QTest::newRow("invalid pattern")
        << QStringList{QStringLiteral("(unclosed"), QStringLiteral("closed")} << 0
        << "(unclosed closed";
    QTest::newRow("empty match") << QStringList{QStringLiteral("z"), QStringLiteral("q*")} << 0
                                 << "abc";
    QTest::newRow("multiline anchors")
        << QStringList{QStringLiteral("^Status:"), QStringLiteral("^Action:")}
        << (ci | Pattern::Multiline) << "x\naction: failed\nstatus: 5.0.0";
    QTest::newRow("surrogates") << QStringList{QStringLiteral("x"), QStringLiteral("😀")} << 0
                                << "a😀😀x";
    QTest::newRow("unicode case") << QStringList{QStringLiteral("überschritten")}
                                  << (ci | Pattern::UnicodeProperties)
                                  << "Kontingent ÜBERSCHRITTEN";
}

void TestPattern::setSameAsOneByOne()
{
    QFETCH(QStringList, patterns);
    QFETCH(int, options);
    QFETCH(QString, text);
    QList<qsizetype> expected;
    for (qsizetype i = 0; i < patterns.size(); ++i) {
        const QRegularExpression one(patterns.at(i), qtOptions(options));
        if (one.isValid() && one.match(text).hasMatch())
            expected.append(i);
    }
    const PatternSet set(patterns, options);
    QCOMPARE(set.size(), patterns.size());
    QCOMPARE(set.matching(text), expected);
    QCOMPARE(set.firstMatching(text), expected.isEmpty() ? -1 : expected.first());
}

// Unlike QRegularExpression, which refuses a whole text for one broken surrogate, a Pattern
// still matches the text around it; the broken code unit itself matches nothing.
void TestPattern::brokenSurrogatesDoNotHideMatches()
{
    QString text = QStringLiteral("550 user unknown ");
    text.append(QChar(0xD800));  // a high surrogate without its pair, last
    text.prepend(QChar(0xDC00)); // a low surrogate without its pair, first
    const Pattern unknown(QStringLiteral("user (unknown)"), Pattern::CaseInsensitive);
    const PatternMatch m = unknown.match(text);
    QVERIFY(m.hasMatch());
    QCOMPARE(m.capturedStart(0), 5);
    QCOMPARE(m.captured(1), QStringLiteral("unknown"));
    QVERIFY(!Pattern(QStringLiteral("unknown .")).matches(text));
    QVERIFY(Pattern(QStringLiteral("unknown $")).matches(text.left(text.size() - 1)));
    int found = 0;
    Pattern(QStringLiteral(".")).forEachMatch(text, [&found](const PatternMatch &) {
        ++found;
        return true;
    });
    QCOMPARE(found, 17); // every character but the two broken ones
    const PatternSet set({QStringLiteral("user"), QStringLiteral("mailbox")}, 0);
    QCOMPARE(set.matching(text), QList<qsizetype>{0});
}

QTEST_GUILESS_MAIN(TestPattern)
#include "tst_pattern.moc"
