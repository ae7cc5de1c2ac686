#include "case.h"

#include "common/enumnames.h"

#include <QJsonArray>

namespace BounceDoctor {
namespace {

constexpr std::array stateNames{
    std::pair{CaseState::Open, "open"},
    std::pair{CaseState::WaitingForRecipientIt, "waiting"},
    std::pair{CaseState::Resolved, "resolved"},
};

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

} // namespace

QString caseStateName(CaseState state)
{
    return enumName(stateNames, state);
}

CaseState caseStateFromName(QStringView name)
{
    return enumValue(stateNames, name);
}

BounceCase BounceCase::fromMessage(const BounceMessage &message, const QByteArray &raw)
{
    BounceCase result;
    result.createdAt = QDateTime::currentDateTimeUtc();
    result.updatedAt = result.createdAt;
    result.source = message.source;
    result.rawBounce = raw;
    result.format = message.format;
    result.subject = message.subject;
    result.original = message.original;
    for (const RecipientDiagnosis &diagnosis : message.recipients)
        result.recipients.append(CaseRecipient{diagnosis, {}, {}, {}});
    return result;
}

namespace CaseJson {

QJsonObject fromOriginal(const OriginalMessage &m)
{
    QJsonArray results;
    for (const AuthenticationResult &r : m.authenticationResults) {
        results.append(QJsonObject{{QStringLiteral("method"), r.method},
                                   {QStringLiteral("result"), r.result},
                                   {QStringLiteral("domain"), r.domain},
                                   {QStringLiteral("selector"), r.selector},
                                   {QStringLiteral("authserv_id"), r.authServId}});
    }
    return QJsonObject{
        {QStringLiteral("from"), m.from},
        {QStringLiteral("to"), m.to},
        {QStringLiteral("subject"), m.subject},
        {QStringLiteral("message_id"), m.messageId},
        {QStringLiteral("date"), m.date},
        {QStringLiteral("sending_ip"), m.sendingIp},
        {QStringLiteral("dkim_domain"), m.dkimDomain},
        {QStringLiteral("dkim_selector"), m.dkimSelector},
        {QStringLiteral("authentication_results"), results},
    };
}

OriginalMessage toOriginal(const QJsonObject &o)
{
    OriginalMessage m;
    m.from = text(o, "from");
    m.to = text(o, "to");
    m.subject = text(o, "subject");
    m.messageId = text(o, "message_id");
    m.date = text(o, "date");
    m.sendingIp = text(o, "sending_ip");
    m.dkimDomain = text(o, "dkim_domain");
    m.dkimSelector = text(o, "dkim_selector");
    const QJsonArray results = o.value(QLatin1String("authentication_results")).toArray();
    for (const QJsonValue &value : results) {
        const QJsonObject r = value.toObject();
        m.authenticationResults.append(AuthenticationResult{text(r, "method"), text(r, "result"),
                                                            text(r, "domain"), text(r, "selector"),
                                                            text(r, "authserv_id")});
    }
    return m;
}

} // namespace CaseJson
} // namespace BounceDoctor
