#pragma once

#include "checks/finding.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace BounceDoctor {

struct SpfEvaluation;

/// One thing wrong (or worth knowing) about a domain's SPF setup.
struct SpfLintIssue
{
    QString id;           ///< e.g. "spf.plus-all"; stable, for tests and JSON
    FindingStatus status; ///< Warning or Problem
    QString text;         ///< plain words, translated
};

/// Lints what a domain publishes: txtRecords are its TXT records, each as its list of
/// character-strings. Pure: no I/O.
QList<SpfLintIssue> lintSpfTxtRecords(const QList<QStringList> &txtRecords);

/// Lints what only evaluation finds: limits over the whole include tree, loops, broken
/// included records. Call it only when the domain's own record passed lintSpfTxtRecords().
QList<SpfLintIssue> lintSpfEvaluation(const SpfEvaluation &evaluation);

} // namespace BounceDoctor
