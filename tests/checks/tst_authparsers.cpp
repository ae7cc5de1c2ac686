// The pure parts of the authentication step: SPF record parser, macros and linter, DKIM key
// records (with OpenSSL reading the keys), DMARC records and alignment.

#include "checks/auth/dkimkey.h"
#include "checks/auth/dmarcrecord.h"
#include "checks/auth/spflint.h"
#include "checks/auth/spfrecord.h"
#include "testkeys.h"

#include <QTest>

using namespace BounceDoctor;

class TestAuthParsers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spfRecord_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("terms");
        QTest::addColumn<int>("dnsTerms");

        QTest::newRow("minimal") << "v=spf1" << true << 0 << 0;
        QTest::newRow("typical") << "v=spf1 ip4:192.0.2.0/24 include:_spf.example.net ~all" << true
                                 << 3 << 1;
        QTest::newRow("case-insensitive") << "V=SPF1 IP4:192.0.2.1 MX -ALL" << true << 3 << 1;
        QTest::newRow("all-qualifiers")
            << "v=spf1 +a -mx ~ptr ?exists:%{i}.x.example.com" << true << 4 << 4;
        QTest::newRow("dual-cidr")
            << "v=spf1 a/24//64 mx:mail.example.com/28 -all" << true << 3 << 2;
        QTest::newRow("ip6") << "v=spf1 ip6:2001:db8::/32 ip6:::1 -all" << true << 3 << 0;
        QTest::newRow("redirect") << "v=spf1 redirect=_spf.example.com" << true << 0 << 1;
        QTest::newRow("exp-and-unknown-modifier")
            << "v=spf1 -all exp=why.%{d} moo=cow.%{l}" << true << 1 << 0;
        QTest::newRow("extra-spaces") << "v=spf1  a   -all " << true << 2 << 1;
        QTest::newRow("domain-with-slash") << "v=spf1 a:foo:bar/baz.example.com" << true << 1 << 1;
        QTest::newRow("trailing-dot") << "v=spf1 include:example.com. -all" << true << 2 << 1;

        QTest::newRow("not-spf") << "v=spf10 -all" << false << 0 << 0;
        QTest::newRow("unknown-mechanism") << "v=spf1 ip5:192.0.2.1 -all" << false << 0 << 0;
        QTest::newRow("bad-ip4") << "v=spf1 ip4:192.0.2 -all" << false << 0 << 0;
        QTest::newRow("ip4-prefix-too-long") << "v=spf1 ip4:192.0.2.0/33" << false << 0 << 0;
        QTest::newRow("ip4-leading-zero-prefix") << "v=spf1 ip4:192.0.2.0/024" << false << 0 << 0;
        QTest::newRow("ip6-prefix-too-long") << "v=spf1 ip6:2001:db8::/129" << false << 0 << 0;
        QTest::newRow("ip6-given-ip4") << "v=spf1 ip6:192.0.2.1" << false << 0 << 0;
        QTest::newRow("include-without-domain") << "v=spf1 include -all" << false << 0 << 0;
        QTest::newRow("include-empty-domain") << "v=spf1 include: -all" << false << 0 << 0;
        QTest::newRow("numeric-toplabel") << "v=spf1 a:foo.example.123" << false << 0 << 0;
        QTest::newRow("single-label") << "v=spf1 a:localhost" << false << 0 << 0;
        QTest::newRow("all-with-argument") << "v=spf1 all:example.com" << false << 0 << 0;
        QTest::newRow("two-redirects")
            << "v=spf1 redirect=a.example.com redirect=b.example.com" << false << 0 << 0;
        QTest::newRow("two-exps") << "v=spf1 exp=a.example.com exp=b.example.com" << false << 0
                                  << 0;
        QTest::newRow("bad-macro") << "v=spf1 exists:%{x}.example.com" << false << 0 << 0;
        QTest::newRow("lone-percent") << "v=spf1 exists:foo%.example.com" << false << 0 << 0;
        QTest::newRow("tab-separator") << "v=spf1 a\t-all" << false << 0 << 0;
        QTest::newRow("non-ascii")
            << QString::fromUtf8("v=spf1 a:bücher.example -all") << false << 0 << 0;
        QTest::newRow("modifier-bad-macro") << "v=spf1 foo=%{q}" << false << 0 << 0;
    }

    void spfRecord()
    {
        QFETCH(QString, record);
        QFETCH(bool, valid);
        QFETCH(int, terms);
        QFETCH(int, dnsTerms);
        const SpfRecord parsed = parseSpfRecord(record);
        QVERIFY2(parsed.isValid() == valid, qPrintable(parsed.error));
        if (valid) {
            QCOMPARE(parsed.terms.size(), terms);
            QCOMPARE(parsed.dnsQueryingTerms(), dnsTerms);
        } else {
            QVERIFY(!parsed.error.isEmpty());
        }
    }

    void spfTermDetails()
    {
        const SpfRecord record =
            parseSpfRecord(QStringLiteral("v=spf1 -a:mail.example.com/24//48 ~all"));
        QVERIFY(record.isValid());
        QCOMPARE(record.terms.at(0).qualifier, SpfQualifier::Fail);
        QCOMPARE(record.terms.at(0).mechanism, SpfMechanism::A);
        QCOMPARE(record.terms.at(0).domainSpec, QStringLiteral("mail.example.com"));
        QCOMPARE(record.terms.at(0).cidr4, 24);
        QCOMPARE(record.terms.at(0).cidr6, 48);
        QCOMPARE(record.terms.at(1).qualifier, SpfQualifier::SoftFail);
    }

    void spfMacros_data()
    {
        QTest::addColumn<QString>("macro");
        QTest::addColumn<QString>("ip");
        QTest::addColumn<bool>("explanation");
        QTest::addColumn<QString>("expected");

        // The examples of RFC 7208 §7.4, sender strong-bad@email.example.com.
        const QString v4 = QStringLiteral("192.0.2.3");
        QTest::newRow("s") << "%{s}" << v4 << false << "strong-bad@email.example.com";
        QTest::newRow("o") << "%{o}" << v4 << false << "email.example.com";
        QTest::newRow("d") << "%{d}" << v4 << false << "email.example.com";
        QTest::newRow("d4") << "%{d4}" << v4 << false << "email.example.com";
        QTest::newRow("d3") << "%{d3}" << v4 << false << "email.example.com";
        QTest::newRow("d2") << "%{d2}" << v4 << false << "example.com";
        QTest::newRow("d1") << "%{d1}" << v4 << false << "com";
        QTest::newRow("dr") << "%{dr}" << v4 << false << "com.example.email";
        QTest::newRow("d2r") << "%{d2r}" << v4 << false << "example.email";
        QTest::newRow("l") << "%{l}" << v4 << false << "strong-bad";
        QTest::newRow("l-") << "%{l-}" << v4 << false << "strong.bad";
        QTest::newRow("lr") << "%{lr}" << v4 << false << "strong-bad";
        QTest::newRow("lr-") << "%{lr-}" << v4 << false << "bad.strong";
        QTest::newRow("l1r-") << "%{l1r-}" << v4 << false << "strong";
        QTest::newRow("ir-v") << "%{ir}.%{v}._spf.%{d2}" << v4 << false
                              << "3.2.0.192.in-addr._spf.example.com";
        QTest::newRow("lr-spf") << "%{lr-}.lp._spf.%{d2}" << v4 << false
                                << "bad.strong.lp._spf.example.com";
        QTest::newRow("ip6") << "%{ir}.%{v}._spf.%{d2}"
                             << "2001:db8::cb01" << false
                             << "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2."
                                "ip6._spf.example.com";
        QTest::newRow("escapes") << "%%%_%-" << v4 << false << "% %20";
        QTest::newRow("uppercase-url-escapes")
            << "%{S}" << v4 << false << "strong-bad%40email.example.com";
        QTest::newRow("c-in-explanation") << "from %{c}" << v4 << true << "from 192.0.2.3";
    }

    void spfMacros()
    {
        QFETCH(QString, macro);
        QFETCH(QString, ip);
        QFETCH(bool, explanation);
        QFETCH(QString, expected);
        SpfMacroContext context;
        context.sender = QStringLiteral("strong-bad@email.example.com");
        context.domain = QStringLiteral("email.example.com");
        context.ip = QHostAddress(ip);
        context.helo = QStringLiteral("mx.example.org");
        QString error;
        const auto expanded = expandSpfMacros(macro, context, explanation, &error);
        QVERIFY2(expanded.has_value(), qPrintable(error));
        QCOMPARE(*expanded, expected);
    }

    void spfMacroErrors_data()
    {
        QTest::addColumn<QString>("macro");
        QTest::newRow("c-outside-explanation") << "%{c}";
        QTest::newRow("unclosed") << "%{d";
        QTest::newRow("zero-labels") << "%{d0}";
        QTest::newRow("bad-delimiter") << "%{d!}";
        QTest::newRow("bad-escape") << "%x";
    }

    void spfMacroErrors()
    {
        QFETCH(QString, macro);
        SpfMacroContext context;
        context.sender = QStringLiteral("a@example.com");
        context.domain = QStringLiteral("example.com");
        context.ip = QHostAddress(QStringLiteral("192.0.2.1"));
        QString error;
        QVERIFY(!expandSpfMacros(macro, context, false, &error).has_value());
        QVERIFY(!error.isEmpty());
    }

    // A 1 MB From once expanded in full before anything was cut (6 GB with a 10 KB record).
    void spfMacroExpansionIsBounded()
    {
        SpfMacroContext context;
        context.sender = QString(1 << 20, QLatin1Char('a')) + QStringLiteral("@example.com");
        context.domain = QStringLiteral("example.com");
        context.ip = QHostAddress(QStringLiteral("192.0.2.1"));
        QString error;
        QVERIFY(!expandSpfMacros(QStringLiteral("%{s}.x.example.com"), context, false, &error)
                     .has_value());
        QVERIFY2(error.contains(QLatin1String("longer than any address")), qPrintable(error));
        QVERIFY(!expandSpfMacros(QStringLiteral("%{l}"), context, true, &error).has_value());

        // Many short macros: a domain keeps its rightmost 253 characters, whole labels.
        context.sender = QStringLiteral("strong-bad@email.example.com");
        const QString many = QStringLiteral("%{o}.").repeated(2000) + QStringLiteral("end.test");
        const auto domain = expandSpfMacros(many, context, false, &error);
        QVERIFY2(domain.has_value(), qPrintable(error));
        QVERIFY(domain->size() <= 253);
        QVERIFY(domain->endsWith(QLatin1String(".end.test")));

        // An explanation is a sentence: long texts are cut.
        const auto explanation =
            expandSpfMacros(QStringLiteral("%{s} ").repeated(5000), context, true, &error);
        QVERIFY2(explanation.has_value(), qPrintable(error));
        QVERIFY(explanation->size() <= spfMaxExplanation + 1);
        QVERIFY(explanation->endsWith(QStringLiteral("…")));
    }

    void spfLint_data()
    {
        QTest::addColumn<QStringList>("records"); // one TXT string each; "|" splits strings
        QTest::addColumn<QStringList>("ids");

        QTest::newRow("clean") << QStringList{QStringLiteral("v=spf1 mx -all")} << QStringList{};
        QTest::newRow("other-txt-ignored")
            << QStringList{QStringLiteral("google-site-verification=abc"),
                           QStringLiteral("v=spf1 include:_spf.example.net ~all")}
            << QStringList{};
        QTest::newRow("none") << QStringList{QStringLiteral("hello")}
                              << QStringList{QStringLiteral("spf.none")};
        QTest::newRow("multiple") << QStringList{QStringLiteral("v=spf1 mx -all"),
                                                 QStringLiteral("v=spf1 a -all")}
                                  << QStringList{QStringLiteral("spf.multiple")};
        QTest::newRow("plus-all") << QStringList{QStringLiteral("v=spf1 +all")}
                                  << QStringList{QStringLiteral("spf.plus-all")};
        QTest::newRow("bare-all") << QStringList{QStringLiteral("v=spf1 a all")}
                                  << QStringList{QStringLiteral("spf.plus-all")};
        QTest::newRow("neutral-all") << QStringList{QStringLiteral("v=spf1 a ?all")}
                                     << QStringList{QStringLiteral("spf.neutral-all")};
        QTest::newRow("ptr") << QStringList{QStringLiteral("v=spf1 ptr -all")}
                             << QStringList{QStringLiteral("spf.ptr")};
        QTest::newRow("no-all") << QStringList{QStringLiteral("v=spf1 mx")}
                                << QStringList{QStringLiteral("spf.no-all")};
        QTest::newRow("syntax") << QStringList{QStringLiteral("v=spf1 ip4:300.1.1.1 -all")}
                                << QStringList{QStringLiteral("spf.syntax")};
        QString many = QStringLiteral("v=spf1");
        for (int i = 0; i < 11; ++i)
            many += QStringLiteral(" include:s%1.ex.org").arg(i);
        QTest::newRow("eleven-includes") << QStringList{many + QStringLiteral(" -all")}
                                         << QStringList{QStringLiteral("spf.too-many-lookups")};
        QString big = QStringLiteral("v=spf1");
        for (int i = 0; i < 30; ++i)
            big += QStringLiteral(" ip4:198.51.100.%1").arg(i);
        QTest::newRow("too-large")
            << QStringList{big.left(200) + QLatin1Char('|') + big.mid(200, 200) + QLatin1Char('|') +
                           big.mid(400) + QStringLiteral(" -all")}
            << QStringList{QStringLiteral("spf.too-large")};
        QTest::newRow("string-over-255")
            << QStringList{big + QStringLiteral(" -all")}
            << QStringList{QStringLiteral("spf.string-too-long"), QStringLiteral("spf.too-large")};
    }

    void spfLint()
    {
        QFETCH(QStringList, records);
        QFETCH(QStringList, ids);
        QList<QStringList> txt;
        for (const QString &record : records)
            txt.append(record.split(QLatin1Char('|')));
        QStringList got;
        for (const SpfLintIssue &issue : lintSpfTxtRecords(txt)) {
            got.append(issue.id);
            QVERIFY(!issue.text.isEmpty());
        }
        QCOMPARE(got, ids);
    }

    void dkimKey_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("revoked");
        QTest::addColumn<QString>("keyType");
        QTest::addColumn<int>("bits");

        const QString rsa512 = QStringLiteral(BD_TEST_RSA512);
        const QString rsa1024 = QStringLiteral(BD_TEST_RSA1024);
        const QString rsa2048 = QStringLiteral(BD_TEST_RSA2048);
        QTest::newRow("rsa2048") << QStringLiteral("v=DKIM1; k=rsa; p=") + rsa2048 << true << false
                                 << "rsa" << 2048;
        QTest::newRow("rsa1024-no-v")
            << QStringLiteral("p=") + rsa1024 << true << false << "rsa" << 1024;
        QTest::newRow("rsa512") << QStringLiteral("v=DKIM1; p=") + rsa512 << true << false << "rsa"
                                << 512;
        QTest::newRow("split-key-with-spaces")
            << QStringLiteral("v=DKIM1; h=sha256; t=y:s; p=") + rsa2048.left(100) +
                   QStringLiteral(" ") + rsa2048.mid(100) + QStringLiteral(";")
            << true << false << "rsa" << 2048;
        QTest::newRow("ed25519") << "v=DKIM1; k=ed25519; p=" BD_TEST_ED25519 << true << false
                                 << "ed25519" << 256;
        QTest::newRow("revoked") << "v=DKIM1; k=rsa; p=" << true << true << "rsa" << 0;
        QTest::newRow("unknown-tag-ignored")
            << QStringLiteral("v=DKIM1; x=1; p=") + rsa1024 << true << false << "rsa" << 1024;

        QTest::newRow("service-email")
            << QStringLiteral("v=DKIM1; s=email; p=") + rsa1024 << true << false << "rsa" << 1024;
        QTest::newRow("service-not-email")
            << QStringLiteral("v=DKIM1; s=tlsrpt; p=") + rsa1024 << false << false << "rsa" << 0;
        QTest::newRow("no-p") << "v=DKIM1; k=rsa" << false << false << "rsa" << 0;
        QTest::newRow("v-not-first")
            << QStringLiteral("k=rsa; v=DKIM1; p=") + rsa1024 << false << false << "rsa" << 0;
        QTest::newRow("wrong-version")
            << QStringLiteral("v=DKIM2; p=") + rsa1024 << false << false << "rsa" << 0;
        QTest::newRow("unknown-key-type")
            << QStringLiteral("v=DKIM1; k=dsa; p=") + rsa1024 << false << false << "dsa" << 0;
        QTest::newRow("bad-hash") << QStringLiteral("v=DKIM1; h=md5; p=") + rsa1024 << false
                                  << false << "rsa" << 0;
        QTest::newRow("duplicate-tag")
            << QStringLiteral("v=DKIM1; p=") + rsa1024 + QStringLiteral("; p=") + rsa1024 << false
            << false << "rsa" << 0;
        QTest::newRow("not-base64") << "v=DKIM1; p=not*base64" << false << false << "rsa" << 0;
        QTest::newRow("base64-not-a-key")
            << "v=DKIM1; p=aGVsbG8gd29ybGQh" << false << false << "rsa" << 0;
        QTest::newRow("ed25519-wrong-size") << QStringLiteral("v=DKIM1; k=ed25519; p=") + rsa1024
                                            << false << false << "ed25519" << 0;
        QTest::newRow("no-equals")
            << QStringLiteral("v=DKIM1; garbage; p=") + rsa1024 << false << false << "rsa" << 0;
    }

    void dkimKey()
    {
        QFETCH(QString, record);
        QFETCH(bool, valid);
        QFETCH(bool, revoked);
        QFETCH(QString, keyType);
        QFETCH(int, bits);
        const DkimKeyRecord key = parseDkimKeyRecord(record);
        QVERIFY2(key.isValid() == valid, qPrintable(key.error));
        QCOMPARE(key.revoked, revoked);
        if (valid) {
            QCOMPARE(key.keyType, keyType);
            QCOMPARE(key.keyBits, bits);
        }
    }

    void dmarcRecord_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("policy");
        QTest::addColumn<int>("warnings");

        QTest::newRow("minimal") << "v=DMARC1; p=none" << true << "none" << 0;
        QTest::newRow("full")
            << "v=DMARC1; p=reject; sp=quarantine; np=reject; pct=50; adkim=s; aspf=r; "
               "rua=mailto:dmarc@example.com,mailto:agg@reports.example.net!10m; "
               "ruf=mailto:forensic@example.com; fo=1:d; ri=3600; rf=afrf"
            << true << "reject" << 0;
        QTest::newRow("spaces") << "v = DMARC1 ;  p = quarantine ; " << true << "quarantine" << 0;
        QTest::newRow("unknown-tag") << "v=DMARC1; p=none; foo=bar" << true << "none" << 1;
        QTest::newRow("p-not-second") << "v=DMARC1; pct=100; p=none" << true << "none" << 1;
        QTest::newRow("case") << "v=DMARC1; p=Reject" << true << "reject" << 0;

        QTest::newRow("v-not-first") << "p=none; v=DMARC1" << false << "" << 0;
        QTest::newRow("lowercase-version") << "v=dmarc1; p=none" << false << "" << 0;
        QTest::newRow("no-policy") << "v=DMARC1; rua=mailto:d@example.com" << false << "" << 0;
        QTest::newRow("bad-policy") << "v=DMARC1; p=block" << false << "" << 0;
        QTest::newRow("bad-sp") << "v=DMARC1; p=none; sp=maybe" << false << "none" << 0;
        QTest::newRow("pct-too-big") << "v=DMARC1; p=none; pct=150" << false << "none" << 0;
        QTest::newRow("pct-text") << "v=DMARC1; p=none; pct=half" << false << "none" << 0;
        QTest::newRow("bad-adkim") << "v=DMARC1; p=none; adkim=x" << false << "none" << 0;
        QTest::newRow("rua-not-mailto")
            << "v=DMARC1; p=none; rua=dmarc@example.com" << false << "none" << 0;
        QTest::newRow("bad-fo") << "v=DMARC1; p=none; fo=2" << false << "none" << 0;
        QTest::newRow("bad-rf") << "v=DMARC1; p=none; rf=iodef" << false << "none" << 0;
        QTest::newRow("bad-ri") << "v=DMARC1; p=none; ri=daily" << false << "none" << 0;
        QTest::newRow("duplicate") << "v=DMARC1; p=none; p=reject" << false << "" << 0;
        QTest::newRow("garbage") << "v=DMARC1; p=none; this is not a tag" << false << "" << 0;
    }

    void dmarcRecord()
    {
        QFETCH(QString, record);
        QFETCH(bool, valid);
        QFETCH(QString, policy);
        QFETCH(int, warnings);
        const DmarcRecord parsed = parseDmarcRecord(record);
        QVERIFY2(parsed.isValid() == valid, qPrintable(parsed.errors.join(QStringLiteral("; "))));
        QCOMPARE(parsed.policy, policy);
        QCOMPARE(parsed.warnings.size(), warnings);
    }

    void dmarcDetails()
    {
        const DmarcRecord record = parseDmarcRecord(QStringLiteral(
            "v=DMARC1; p=reject; sp=none; pct=25; adkim=s; rua=mailto:a@Reports.Example.NET!5m"));
        QVERIFY(record.isValid());
        QCOMPARE(record.subdomainPolicy, QStringLiteral("none"));
        QCOMPARE(record.percent, 25);
        QCOMPARE(record.dkimAlignment, QStringLiteral("s"));
        QCOMPARE(record.spfAlignment, QStringLiteral("r"));
        QCOMPARE(record.aggregateReports.size(), 1);
        QCOMPARE(dmarcReportDomain(record.aggregateReports.first()),
                 QStringLiteral("reports.example.net"));
        QVERIFY(isDmarcRecordText(QStringLiteral("v=DMARC1; p=none")));
        QVERIFY(!isDmarcRecordText(QStringLiteral("v=spf1 -all")));
    }

    void alignment_data()
    {
        QTest::addColumn<QString>("authenticated");
        QTest::addColumn<QString>("from");
        QTest::addColumn<bool>("strict");
        QTest::addColumn<bool>("aligned");

        QTest::newRow("same") << "example.com"
                              << "example.com" << true << true;
        QTest::newRow("sub-relaxed") << "mail.example.com"
                                     << "example.com" << false << true;
        QTest::newRow("sub-strict") << "mail.example.com"
                                    << "example.com" << true << false;
        QTest::newRow("psl-co-uk") << "a.shop.co.uk"
                                   << "shop.co.uk" << false << true;
        QTest::newRow("different-co-uk") << "other.co.uk"
                                         << "shop.co.uk" << false << false;
        QTest::newRow("different") << "mailer.example.net"
                                   << "example.com" << false << false;
        QTest::newRow("case-and-dot") << "Example.COM."
                                      << "example.com" << true << true;
        QTest::newRow("empty") << ""
                               << "example.com" << false << false;
    }

    void alignment()
    {
        QFETCH(QString, authenticated);
        QFETCH(QString, from);
        QFETCH(bool, strict);
        QFETCH(bool, aligned);
        QCOMPARE(dmarcAligned(authenticated, from, strict), aligned);
    }
};

QTEST_GUILESS_MAIN(TestAuthParsers)
#include "tst_authparsers.moc"
