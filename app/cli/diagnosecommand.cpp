#include "diagnosecommand.h"

#include "bounce/bouncereader.h"
#include "bounce/diagnosis.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace BounceDoctor::Cli {
namespace {

constexpr int exitOk = 0;
constexpr int exitUnreadable = 1;
constexpr int exitUsage = 2;

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

void write(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

QJsonObject recipientJson(const BounceMessage &message, const RecipientDiagnosis &recipient)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("recipient")},
        {QStringLiteral("source"), message.source},
        {QStringLiteral("message"), message.index},
        {QStringLiteral("format"), message.format},
        {QStringLiteral("recipient"), recipient.recipient},
        {QStringLiteral("action"), recipient.action},
        {QStringLiteral("status"), recipient.status},
        {QStringLiteral("reply_code"), recipient.replyCode},
        {QStringLiteral("diagnostic"), recipient.diagnostic},
        {QStringLiteral("remote_mta"), recipient.remoteMta},
        {QStringLiteral("reporting_mta"), recipient.reportingMta},
        {QStringLiteral("date"), recipient.date},
        {QStringLiteral("reason"), recipient.reason},
        {QStringLiteral("detail"), recipient.detail},
        {QStringLiteral("blocklist"), recipient.blocklist},
        {QStringLiteral("permanent"), recipient.permanent},
        {QStringLiteral("hard_bounce"), recipient.hardBounce},
        {QStringLiteral("responsible"), responsibleName(recipient.responsible)},
        {QStringLiteral("first_step"), firstStepName(recipient.firstStep)},
        {QStringLiteral("provider"), recipient.provider},
        {QStringLiteral("sending_ip"), recipient.sendingIp},
        {QStringLiteral("suggested_recipient"), recipient.suggestedRecipient},
        {QStringLiteral("headline"), recipient.headline},
    };
}

void printJson(const BounceMessage &message)
{
    QByteArray out;
    auto line = [&out](const QJsonObject &object) {
        out += QJsonDocument(object).toJson(QJsonDocument::Compact);
        out += '\n';
    };
    switch (message.kind) {
    case BounceMessage::Kind::Error:
        line({{QStringLiteral("kind"), QStringLiteral("error")},
              {QStringLiteral("source"), message.source},
              {QStringLiteral("message"), message.index},
              {QStringLiteral("error"), message.error}});
        break;
    case BounceMessage::Kind::NotABounce:
        line({{QStringLiteral("kind"), QStringLiteral("not-a-bounce")},
              {QStringLiteral("source"), message.source},
              {QStringLiteral("message"), message.index}});
        break;
    case BounceMessage::Kind::Bounce:
        for (const RecipientDiagnosis &recipient : message.recipients)
            line(recipientJson(message, recipient));
        break;
    }
    write(out);
}

void printText(const BounceMessage &message)
{
    QString out;
    const QString where = QStringLiteral("%1 #%2").arg(message.source).arg(message.index + 1);
    switch (message.kind) {
    case BounceMessage::Kind::Error:
        out = tr("%1: cannot be read: %2\n").arg(message.source, message.error);
        break;
    case BounceMessage::Kind::NotABounce:
        out = tr("%1: not a bounce\n").arg(where);
        break;
    case BounceMessage::Kind::Bounce:
        for (const RecipientDiagnosis &r : message.recipients) {
            out += tr("%1: %2\n")
                       .arg(where, r.recipient.isEmpty() ? tr("(unknown recipient)") : r.recipient);
            if (!r.headline.isEmpty())
                out += QStringLiteral("  %1\n").arg(r.headline);
            out += tr("  reason: %1%2   status: %3   reply: %4\n")
                       .arg(r.reason.isEmpty() ? tr("unknown") : r.reason,
                            r.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.detail),
                            r.status.isEmpty() ? QStringLiteral("-") : r.status,
                            r.replyCode.isEmpty() ? QStringLiteral("-") : r.replyCode);
            if (!r.diagnostic.isEmpty())
                out += tr("  server said: %1\n").arg(r.diagnostic);
            out += tr("  who must act: %1   first step: %2\n")
                       .arg(responsibleName(r.responsible), firstStepName(r.firstStep));
            if (!r.provider.isEmpty())
                out += tr("  provider: %1\n").arg(r.provider);
            if (!r.sendingIp.isEmpty())
                out += tr("  sending IP: %1\n").arg(r.sendingIp);
            if (!r.suggestedRecipient.isEmpty())
                out += tr("  did you mean: %1\n").arg(r.suggestedRecipient);
            if (!r.explanation.isEmpty())
                out += QStringLiteral("  %1\n").arg(r.explanation);
        }
        break;
    }
    write(out.toUtf8());
}

} // namespace

int runDiagnose(const QStringList &arguments)
{
    QString format = QStringLiteral("text");
    QStringList paths;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--format") || argument == QLatin1String("-f")) {
            if (i + 1 >= arguments.size()) {
                std::fprintf(stderr, "%s\n",
                             qPrintable(tr("--format needs a value: text or json")));
                return exitUsage;
            }
            format = arguments.at(++i);
        } else if (argument.startsWith(QLatin1String("--format="))) {
            format = argument.mid(9);
        } else if (argument.startsWith(QLatin1String("--")) ||
                   (argument.startsWith(QLatin1Char('-')) && argument != QLatin1String("-"))) {
            std::fprintf(stderr, "%s\n", qPrintable(tr("Unknown option '%1'.").arg(argument)));
            return exitUsage;
        } else {
            paths.append(argument);
        }
    }
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("Unknown format '%1': use text or json.").arg(format)));
        return exitUsage;
    }
    if (paths.isEmpty()) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(tr("Usage: bounce-doctor-cli diagnose [--format text|json] PATH...")));
        return exitUsage;
    }
    const bool json = format == QLatin1String("json");
    const BounceReader reader;
    bool unreadable = false;
    for (const QString &path : std::as_const(paths)) {
        reader.readPath(path, [&](BounceMessage &&message) {
            if (message.kind == BounceMessage::Kind::Error)
                unreadable = true;
            if (json)
                printJson(message);
            else
                printText(message);
            std::fflush(stdout);
        });
    }
    return unreadable ? exitUnreadable : exitOk;
}

} // namespace BounceDoctor::Cli
