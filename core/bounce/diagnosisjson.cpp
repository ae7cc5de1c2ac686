#include "diagnosisjson.h"

namespace BounceDoctor::DiagnosisJson {

QJsonObject toJson(const RecipientDiagnosis &r)
{
    QJsonObject object{
        {QStringLiteral("recipient"), r.recipient},
        {QStringLiteral("action"), r.action},
        {QStringLiteral("status"), r.status},
        {QStringLiteral("reply_code"), r.replyCode},
        {QStringLiteral("diagnostic"), r.diagnostic},
        {QStringLiteral("diagnostic_type"), r.diagnosticType},
        {QStringLiteral("command"), r.command},
        {QStringLiteral("remote_mta"), r.remoteMta},
        {QStringLiteral("reporting_mta"), r.reportingMta},
        {QStringLiteral("date"), r.date},
        {QStringLiteral("reason"), r.reason},
        {QStringLiteral("detail"), r.detail},
        {QStringLiteral("blocklist"), r.blocklist},
        {QStringLiteral("permanent"), r.permanent},
        {QStringLiteral("temporary"), r.temporary},
        {QStringLiteral("hard_bounce"), r.hardBounce},
        {QStringLiteral("responsible"), responsibleName(r.responsible)},
        {QStringLiteral("first_step"), firstStepName(r.firstStep)},
        {QStringLiteral("provider"), r.provider},
        {QStringLiteral("sending_ip"), r.sendingIp},
        {QStringLiteral("suggested_recipient"), r.suggestedRecipient},
        {QStringLiteral("headline"), r.headline},
        {QStringLiteral("explanation"), r.explanation},
    };
    // Only when another provider than the one that refused wrote the bounce (a Gmail account's
    // bounce for a Microsoft 365 recipient's refusal).
    if (!r.reportingMtaProvider.isEmpty())
        object.insert(QStringLiteral("reporting_mta_provider"), r.reportingMtaProvider);
    return object;
}

RecipientDiagnosis fromJson(const QJsonObject &o)
{
    auto text = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    RecipientDiagnosis r;
    r.recipient = text("recipient");
    r.action = text("action");
    r.status = text("status");
    r.replyCode = text("reply_code");
    r.diagnostic = text("diagnostic");
    r.diagnosticType = text("diagnostic_type");
    r.command = text("command");
    r.remoteMta = text("remote_mta");
    r.reportingMta = text("reporting_mta");
    r.date = text("date");
    r.reason = text("reason");
    r.detail = text("detail");
    r.blocklist = text("blocklist");
    r.permanent = o.value(QLatin1String("permanent")).toBool();
    r.temporary = o.value(QLatin1String("temporary")).toBool();
    r.hardBounce = o.value(QLatin1String("hard_bounce")).toBool();
    r.responsible = responsibleFromString(text("responsible"));
    r.firstStep = firstStepFromString(text("first_step"));
    r.provider = text("provider");
    r.reportingMtaProvider = text("reporting_mta_provider");
    r.sendingIp = text("sending_ip");
    r.suggestedRecipient = text("suggested_recipient");
    r.headline = text("headline");
    r.explanation = text("explanation");
    return r;
}

} // namespace BounceDoctor::DiagnosisJson
