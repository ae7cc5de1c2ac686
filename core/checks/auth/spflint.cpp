#include "spflint.h"

#include "spfevaluator.h"
#include "spfrecord.h"

#include <QCoreApplication>

namespace BounceDoctor {

namespace {

// Gives lupdate a context for the messages of this file.
class SpfLintTr
{
    Q_DECLARE_TR_FUNCTIONS(SpfLintTr)
};

// RFC 7208 §3.4: keep the record small enough for a 512-byte UDP answer.
constexpr int kRecommendedRecordSize = 450;
constexpr int kMaxCharacterString = 255;

} // namespace

QList<SpfLintIssue> lintSpfTxtRecords(const QList<QStringList> &txtRecords)
{
    QList<SpfLintIssue> issues;
    QList<QStringList> spf;
    for (const QStringList &strings : txtRecords) {
        if (isSpfRecordText(strings.join(QString())))
            spf.append(strings);
    }
    if (spf.isEmpty()) {
        issues.append(
            {QStringLiteral("spf.none"), FindingStatus::Problem,
             SpfLintTr::tr("The domain publishes no SPF record, so receivers cannot tell which "
                           "servers may send its mail.")});
        return issues;
    }
    if (spf.size() > 1) {
        issues.append(
            {QStringLiteral("spf.multiple"), FindingStatus::Problem,
             SpfLintTr::tr("The domain publishes %1 SPF records; there must be exactly one, "
                           "otherwise every check ends in an error (permerror). Merge them.")
                 .arg(spf.size())});
        return issues;
    }
    const QStringList &strings = spf.first();
    const QString text = strings.join(QString());
    for (const QString &string : strings) {
        if (string.toUtf8().size() > kMaxCharacterString)
            issues.append(
                {QStringLiteral("spf.string-too-long"), FindingStatus::Problem,
                 SpfLintTr::tr("A piece of the TXT record is longer than 255 characters; split "
                               "it into several quoted strings.")});
    }
    if (text.toUtf8().size() > kRecommendedRecordSize)
        issues.append(
            {QStringLiteral("spf.too-large"), FindingStatus::Warning,
             SpfLintTr::tr("The SPF record is %1 characters long; above 450 the DNS answer may "
                           "not fit in one UDP packet. Shorten it or move parts into includes.")
                 .arg(text.toUtf8().size())});
    const SpfRecord record = parseSpfRecord(text);
    if (!record.isValid()) {
        issues.append(
            {QStringLiteral("spf.syntax"), FindingStatus::Problem,
             SpfLintTr::tr("The SPF record has a syntax error: %1. Receivers treat the whole "
                           "record as broken (permerror).")
                 .arg(record.error)});
        return issues;
    }
    bool hasAll = false;
    for (const SpfTerm &term : record.terms) {
        if (term.mechanism == SpfMechanism::All) {
            hasAll = true;
            if (term.qualifier == SpfQualifier::Pass)
                issues.append(
                    {QStringLiteral("spf.plus-all"), FindingStatus::Problem,
                     SpfLintTr::tr("The record ends in \"+all\": it allows every server on the "
                                   "internet to send as this domain. Use \"~all\" or \"-all\".")});
            else if (term.qualifier == SpfQualifier::Neutral)
                issues.append(
                    {QStringLiteral("spf.neutral-all"), FindingStatus::Warning,
                     SpfLintTr::tr("The record ends in \"?all\": it says nothing about other "
                                   "servers, which gives little protection. Use \"~all\" or "
                                   "\"-all\".")});
        }
        if (term.mechanism == SpfMechanism::Ptr)
            issues.append({QStringLiteral("spf.ptr"), FindingStatus::Warning,
                           SpfLintTr::tr("The record uses \"ptr\", which is slow, unreliable and "
                                         "discouraged by RFC 7208; list the addresses instead.")});
    }
    if (record.dnsQueryingTerms() > 10)
        issues.append(
            {QStringLiteral("spf.too-many-lookups"), FindingStatus::Problem,
             SpfLintTr::tr("The record itself has %1 terms that need DNS lookups; more than 10 "
                           "makes every check fail (permerror).")
                 .arg(record.dnsQueryingTerms())});
    if (!hasAll && !record.redirect)
        issues.append(
            {QStringLiteral("spf.no-all"), FindingStatus::Warning,
             SpfLintTr::tr("The record has no final \"all\" (nor redirect=), so servers not "
                           "listed get \"neutral\". End it with \"~all\" or \"-all\".")});
    return issues;
}

QList<SpfLintIssue> lintSpfEvaluation(const SpfEvaluation &evaluation)
{
    QList<SpfLintIssue> issues;
    const QString &kind = evaluation.errorKind;
    if (kind == QLatin1String("dns-terms"))
        issues.append(
            {QStringLiteral("spf.too-many-lookups"), FindingStatus::Problem,
             SpfLintTr::tr("Counting its includes, the SPF record needs more than 10 DNS "
                           "lookups, so receivers give up with an error (permerror). Remove "
                           "includes you no longer use or flatten them.")});
    else if (kind == QLatin1String("void-lookups"))
        issues.append({QStringLiteral("spf.void-lookups"), FindingStatus::Problem,
                       SpfLintTr::tr("More than 2 names in the SPF record do not exist or have no "
                                     "address, so receivers give up with an error (permerror).")});
    else if (kind == QLatin1String("loop"))
        issues.append({QStringLiteral("spf.loop"), FindingStatus::Problem,
                       SpfLintTr::tr("The SPF record includes itself through a loop: %1.")
                           .arg(evaluation.error)});
    else if (kind == QLatin1String("include-none"))
        issues.append({QStringLiteral("spf.include-missing"), FindingStatus::Problem,
                       SpfLintTr::tr("An include points to a domain without an SPF record: %1.")
                           .arg(evaluation.error)});
    else if (kind == QLatin1String("syntax")) // call only when the domain's own record parsed
        issues.append({QStringLiteral("spf.include-syntax"), FindingStatus::Problem,
                       SpfLintTr::tr("A record reached through an include is broken: %1.")
                           .arg(evaluation.error)});
    if (evaluation.voidLookups > 0 && kind != QLatin1String("void-lookups"))
        issues.append(
            {QStringLiteral("spf.void-lookup"), FindingStatus::Warning,
             QCoreApplication::translate(
                 "SpfLint", "%n name(s) in the SPF record do not exist or have no address.",
                 nullptr, evaluation.voidLookups)});
    return issues;
}

} // namespace BounceDoctor
