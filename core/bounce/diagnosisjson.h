#pragma once

#include "diagnosis.h"

#include <QJsonObject>

/// One recipient's diagnosis as JSON, with the field names of the CLI's JSON Lines: what
/// `diagnose --format json` prints per recipient (besides the message's own fields) and what
/// a stored case keeps.
namespace BounceDoctor::DiagnosisJson {

QJsonObject toJson(const RecipientDiagnosis &diagnosis);
RecipientDiagnosis fromJson(const QJsonObject &object);

} // namespace BounceDoctor::DiagnosisJson
