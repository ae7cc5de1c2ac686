#include "common/pattern.h"

#include <QRegularExpression>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace BounceDoctor;

// Pattern runs RE2 over Qt text: for patterns in the syntax RE2 and PCRE share, it must find
// the same matches and captures as QRegularExpression, at the same UTF-16 offsets.
class TestPattern final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsQRegularExpression_data();
    void sameAsQRegularExpression();
    void capturesInNonAsciiText_data();
    void capturesInNonAsciiText();
    void caselessFoldsUnicode_data();
    void caselessFoldsUnicode();
    void wordClassesAreAscii();
    void globalMatchesSameAsQRegularExpression_data();
    void globalMatchesSameAsQRegularExpression();
    void invalidPatternNeverMatches();
    void escapeMatchesLiterally_data();
    void escapeMatchesLiterally();
    void manyCaptureGroups();
    void sharedAcrossThreads();
    void setSameAsOneByOne_data();
    void setSameAsOneByOne();
    void groupsAnswerFirstRuleInOrder_data();
    void groupsAnswerFirstRuleInOrder();
    void groupsShareAtoms();
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
    return qt;
}

using Spans = QList<QPair<qsizetype, qsizetype>>;

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
    QTest::newRow("empty group set") << R"(x(a*)y)" << 0 << "xy" << 0;
    QTest::newRow("from offset") << R"(\d+)" << 0 << "12 and 345" << 3;
    QTest::newRow("from at end") << R"(\d*)" << 0 << "12" << 2;
    QTest::newRow("word boundary before from") << R"(\bnd)" << 0 << "and nd" << 1;
    QTest::newRow("line start before from") << R"(^b)" << int(Pattern::Multiline) << "ab\nb" << 1;
    QTest::newRow("multiline anchors")
        << R"(^Diagnostic-Code:\s*(.+)$)" << (ci | Pattern::Multiline)
        << "Action: failed\ndiagnostic-code: smtp; 550 no\nStatus: 5.0.0" << 0;
    QTest::newRow("dot all") << R"(begin(.*)end)" << int(Pattern::DotMatchesEverything)
                             << "begin\nmiddle\nend" << 0;
    QTest::newRow("dot stops at a line break") << R"(begin(.*)end)" << 0 << "begin\nend" << 0;
    QTest::newRow("lazy") << R"(<b>(.*?)</b>)" << 0 << "<b>one</b> <b>two</b>" << 0;
    QTest::newRow("leftmost alternative first")
        << R"(user|user unknown)" << 0 << "user unknown" << 0;
    QTest::newRow("caseless non-ascii") << "ÜBERSCHRITTEN" << ci << "kontingent überschritten" << 0;
    QTest::newRow("japanese") << "宛先不明" << 0 << "エラー: 宛先不明 (550)" << 0;
    QTest::newRow("surrogate pair") << "😀(x)" << 0 << "a😀x" << 0;
    QTest::newRow("code point range") << R"([\x{80}-\x{FFFF}]+)" << 0 << "ab Größe 宛先 cd" << 0;
    QTest::newRow("empty text") << "a*" << 0 << "" << 0;
    QTest::newRow("long text, phrase at the end")
        << "mailer-daemon" << ci
        << QStringLiteral("Lorem ipsum dolor sit amet. ").repeated(40) +
               QStringLiteral("MAILER-DAEMON")
        << 0;
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
    QVERIFY2(ours.isValid(), qPrintable(ours.errorString()));
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

// RE2 reads UTF-8: the offsets it gives must come back as the UTF-16 offsets of the text,
// whatever lies before them (two-, three- and four-byte characters).
void TestPattern::capturesInNonAsciiText_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("from");
    QTest::addColumn<Spans>("groups"); ///< start, end of each group; -1 when unset

    QTest::newRow("after Latin-1") << R"((\d\.\d\.\d) (\w+))" << QStringLiteral("Größe: 5.2.2 full")
                                   << 0 << Spans{{7, 17}, {7, 12}, {13, 17}};
    QTest::newRow("after Japanese")
        << R"(<([^>]+)>)" << QStringLiteral("宛先不明 <宛先@example.jp>") << 0
        << Spans{{5, 20}, {6, 19}};
    QTest::newRow("after a surrogate pair")
        << R"((x+)(y)?)" << QStringLiteral("😀😀xx") << 0 << Spans{{4, 6}, {4, 6}, {-1, -1}};
    QTest::newRow("capture of non-ASCII text")
        << R"(: ([\pL ]+)$)" << QStringLiteral("550 Fehler: Postfach überfüllt") << 0
        << Spans{{10, 30}, {12, 30}};
    QTest::newRow("from past non-ASCII text")
        << R"(\d+)" << QStringLiteral("é1 ü22 😀333") << 3 << Spans{{4, 6}};
    QTest::newRow("from inside non-ASCII text, nothing after")
        << R"(\d)" << QStringLiteral("1 😀éü") << 1 << Spans{};
}

void TestPattern::capturesInNonAsciiText()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(int, from);
    QFETCH(Spans, groups);
    const PatternMatch m = Pattern(pattern).match(text, from);
    QCOMPARE(m.hasMatch(), !groups.isEmpty());
    for (int g = 0; g < groups.size(); ++g) {
        QCOMPARE(m.capturedStart(g), groups.at(g).first);
        QCOMPARE(m.capturedEnd(g), groups.at(g).second);
    }
}

// Caseless matching folds Unicode, not only ASCII: the knowledge's phrases match servers'
// words in any script, and KELVIN SIGN and LONG S match k and s as Unicode says.
void TestPattern::caselessFoldsUnicode_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("German") << "postfach überfüllt"
                            << "POSTFACH ÜBERFÜLLT" << true;
    QTest::newRow("Greek") << "σφάλμα"
                           << "ΣΦΆΛΜΑ" << true;
    QTest::newRow("Cyrillic") << "ящик переполнен"
                              << "ЯЩИК ПЕРЕПОЛНЕН" << true;
    QTest::newRow("Kelvin sign") << "unknown" << QStringLiteral("UN\u212ANOWN") << true;
    QTest::newRow("long s") << "such user" << QStringLiteral("\u017Fuch u\u017Fer") << true;
    QTest::newRow("class") << "[a-z]+ full"
                           << "MAILBOX FULL" << true;
    QTest::newRow("different letters") << "größe"
                                       << "grosse" << false;
}

void TestPattern::caselessFoldsUnicode()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(Pattern(pattern, Pattern::CaseInsensitive).matches(text), matches);
}

void TestPattern::wordClassesAreAscii()
{
    // RE2's \w and \b are ASCII; [\pL\pN_] is the word character of any script.
    QVERIFY(!Pattern(QStringLiteral(R"(^\w+$)")).matches(u"größe"));
    QVERIFY(Pattern(QStringLiteral(R"(^[\pL\pN_]+$)")).matches(u"größe"));
    QVERIFY(Pattern(QStringLiteral(R"(^[\pL\pN_]+$)")).matches(u"宛先２"));
    QVERIFY(Pattern(QStringLiteral(R"(\bptr\b)")).matches(u"éptr"));
    QVERIFY(!Pattern(QStringLiteral(R"(\d)")).matches(u"２"));
}

void TestPattern::globalMatchesSameAsQRegularExpression_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("from");

    QTest::newRow("addresses") << R"([\w.+-]+@[\w.-]+)"
                               << "to a@b.example, c.d@e.example and x" << 0;
    QTest::newRow("ipv4") << R"(\d{1,3}(?:\.\d{1,3}){3})"
                          << "[192.0.2.1] via 198.51.100.7" << 0;
    QTest::newRow("from an offset") << R"(\d+)"
                                    << "1 22 333 4444" << 3;
    QTest::newRow("after non-ASCII text") << R"([a-z]+)"
                                          << "Größe ok 宛先 yes 😀 no" << 0;
    QTest::newRow("empty matches") << "x*"
                                   << "axxbx" << 0;
    QTest::newRow("empty at surrogates") << ""
                                         << "a😀b" << 0;
    QTest::newRow("none") << "zzz"
                          << "nothing here" << 0;
}

void TestPattern::globalMatchesSameAsQRegularExpression()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(int, from);
    Spans want;
    auto it = QRegularExpression(pattern).globalMatch(text, from);
    while (it.hasNext()) {
        const auto m = it.next();
        want.append({m.capturedStart(), m.capturedEnd()});
    }
    Spans got;
    Pattern(pattern).forEachMatch(
        text,
        [&got](const PatternMatch &m) {
            got.append({m.capturedStart(), m.capturedEnd()});
            return true;
        },
        from);
    QCOMPARE(got, want);
}

void TestPattern::invalidPatternNeverMatches()
{
    for (const char *source : {"unclosed (group", "(?<!not )listed", R"((a)\1)", "x{1001}"}) {
        const Pattern broken(QString::fromLatin1(source));
        QVERIFY2(!broken.isValid(), source);
        QVERIFY2(!broken.errorString().isEmpty(), source);
        QVERIFY(!broken.matches(QString::fromLatin1(source)));
        QVERIFY(!broken.match(u"anything").hasMatch());
    }
    const Pattern none;
    QVERIFY(!none.isValid());
    QVERIFY(!none.matches(u""));
    QVERIFY(Pattern(QStringLiteral("ok")).errorString().isEmpty());
}

void TestPattern::escapeMatchesLiterally_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("brackets") << "[s3150]"
                              << "blocked (S3150) [S3150]" << true;
    QTest::newRow("brackets are no class") << "[s3150]"
                                           << "s" << false;
    QTest::newRow("dots are dots") << "5.7.1"
                                   << "5x7x1" << false;
    QTest::newRow("metacharacters") << R"(a+b*(c)?|d\e^$)"
                                    << R"(x a+b*(c)?|d\e^$ y)" << true;
    QTest::newRow("non-ASCII") << "宛先不明."
                               << "エラー: 宛先不明." << true;
}

void TestPattern::escapeMatchesLiterally()
{
    QFETCH(QString, phrase);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(Pattern(Pattern::escape(phrase), Pattern::CaseInsensitive).matches(text), matches);
}

void TestPattern::manyCaptureGroups()
{
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
    const PatternSet set({QStringLiteral("user unknown"), QStringLiteral(R"(\b5\.\d\.\d+)")},
                         Pattern::CaseInsensitive);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&status, &set, &wrong, t] {
            for (int i = 0; i < 5000; ++i) {
                const QString text = QStringLiteral("550 %1.%2.%3 no").arg(5).arg(t).arg(i % 999);
                const PatternMatch m = status.match(text);
                if (!m.hasMatch() || m.captured(2) != QString::number(t) ||
                    m.captured(3) != QString::number(i % 999) || set.firstMatching(text) != 1)
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
    QTest::newRow("case counts without the option")
        << QStringList{QStringLiteral("Status"), QStringLiteral("status")} << 0 << "status: 5";
    QTest::newRow("invalid pattern")
        << QStringList{QStringLiteral("(unclosed"), QStringLiteral("closed")} << 0
        << "(unclosed closed";
    QTest::newRow("no literal text")
        << QStringList{QStringLiteral("z"), QStringLiteral(R"(\d+)")} << 0 << "abc 12";
    QTest::newRow("empty match") << QStringList{QStringLiteral("z"), QStringLiteral("q*")} << 0
                                 << "abc";
    QTest::newRow("multiline anchors")
        << QStringList{QStringLiteral("^Status:"), QStringLiteral("^Action:")}
        << (ci | Pattern::Multiline) << "x\naction: failed\nstatus: 5.0.0";
    QTest::newRow("surrogates") << QStringList{QStringLiteral("x"), QStringLiteral("😀")} << 0
                                << "a😀😀x";
    QTest::newRow("unicode case") << QStringList{QStringLiteral("überschritten")} << ci
                                  << "Kontingent ÜBERSCHRITTEN";
    QTest::newRow("kelvin sign and long s")
        << QStringList{QStringLiteral("mailbox full"), QStringLiteral("unknown user")} << ci
        << QStringLiteral("UN\u212ANOWN U\u017FER");
}

void TestPattern::setSameAsOneByOne()
{
    QFETCH(QStringList, patterns);
    QFETCH(int, options);
    QFETCH(QString, text);
    QList<qsizetype> expected;
    for (qsizetype i = 0; i < patterns.size(); ++i) {
        const Pattern one(patterns.at(i), options);
        if (one.matches(text))
            expected.append(i);
    }
    const PatternSet set(patterns, options);
    QCOMPARE(set.size(), patterns.size());
    QCOMPARE(set.matching(text), expected);
    QCOMPARE(set.firstMatching(text), expected.isEmpty() ? -1 : expected.first());
}

// The first rule in order wins, whichever rule's words come first in the text; a rule matches
// where any of its alternatives does.
void TestPattern::groupsAnswerFirstRuleInOrder_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("first");
    QTest::addColumn<QList<qsizetype>>("all");
    QTest::newRow("earlier rule, later words")
        << "550 rejected: user unknown, mailbox full" << 0 << QList<qsizetype>{0, 1, 3};
    QTest::newRow("second rule, second alternative")
        << "Rejected: NO SUCH USER here" << 1 << QList<qsizetype>{1, 3};
    QTest::newRow("pattern alternative") << "mailbox is full" << 0 << QList<qsizetype>{0};
    QTest::newRow("last rule") << "message rejected" << 3 << QList<qsizetype>{3};
    QTest::newRow("words glued to the pattern's") << "unrejected" << -1 << QList<qsizetype>{};
    QTest::newRow("empty text") << "" << -1 << QList<qsizetype>{};
}

void TestPattern::groupsAnswerFirstRuleInOrder()
{
    QFETCH(QString, text);
    QFETCH(int, first);
    QFETCH(QList<qsizetype>, all);
    const QList<QStringList> rules{
        {QStringLiteral("over quota"), QStringLiteral("mailbox (?:is )?full")},
        {QStringLiteral("user unknown"), QStringLiteral("no such user")},
        {}, // no alternatives: never matches
        {QStringLiteral(R"(\brejected\b)"), QStringLiteral("(broken")},
    };
    const PatternGroups groups({rules}, Pattern::CaseInsensitive);
    QCOMPARE(groups.size(0), rules.size());
    const PatternGroups::Atoms atoms = groups.atomsIn(text);
    QCOMPARE(groups.firstMatching(0, text, atoms), first);
    QCOMPARE(groups.matching(0, text, atoms), all);
    // As the classifier asks: atoms of the lower-case text, for the text itself.
    QCOMPARE(groups.firstMatching(0, text, groups.atomsIn(text.toLower())), first);
}

void TestPattern::groupsShareAtoms()
{
    // Two groups with an atom in common, and one whose patterns need none.
    const PatternGroups groups({{{QStringLiteral("mailbox full")}, {QStringLiteral("quota")}},
                                {{QStringLiteral("full mailbox")}, {QStringLiteral("mailbox")}},
                                {{QStringLiteral(R"(\d{3})")}}},
                               Pattern::CaseInsensitive);
    const QString text = QStringLiteral("552 MAILBOX FULL");
    const PatternGroups::Atoms atoms = groups.atomsIn(text);
    QCOMPARE(groups.matching(0, text, atoms), (QList<qsizetype>{0}));
    QCOMPARE(groups.matching(1, text, atoms), (QList<qsizetype>{1}));
    QCOMPARE(groups.firstMatching(2, text, atoms), 0);
    QCOMPARE(groups.firstMatching(3, text, atoms), -1); // no such group
    const QString other = QStringLiteral("over quota");
    QCOMPARE(groups.firstMatching(0, other, groups.atomsIn(other)), 1);
    QCOMPARE(groups.firstMatching(1, other, groups.atomsIn(other)), -1);
}

// A broken surrogate (one half of a pair alone) reads as one character that matches nothing
// the text around it needs: offsets after it stay right.
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
    QVERIFY(!Pattern(QStringLiteral("[a-z]$")).matches(text));
    QVERIFY(Pattern(QStringLiteral("unknown $")).matches(text.left(text.size() - 1)));
    Spans found;
    Pattern(QStringLiteral(R"(\d+|[a-z]+)")).forEachMatch(text, [&found](const PatternMatch &m) {
        found.append({m.capturedStart(), m.capturedEnd()});
        return true;
    });
    QCOMPARE(found, (Spans{{1, 4}, {5, 9}, {10, 17}}));
    const PatternSet set({QStringLiteral("user"), QStringLiteral("mailbox")}, 0);
    QCOMPARE(set.matching(text), QList<qsizetype>{0});
}

QTEST_GUILESS_MAIN(TestPattern)
#include "tst_pattern.moc"
