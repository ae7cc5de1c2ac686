#include "diagnosecommand.h"

#include "bounce/bouncereader.h"
#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>

namespace BounceDoctor::Cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

QJsonObject recipientJson(const BounceMessage &message, const RecipientDiagnosis &r)
{
    return {
        {QStringLiteral("kind"), QStringLiteral("recipient")},
        {QStringLiteral("source"), message.source},
        {QStringLiteral("message"), message.index},
        {QStringLiteral("format"), message.format},
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
        {QStringLiteral("hard_bounce"), r.hardBounce},
        {QStringLiteral("responsible"), responsibleName(r.responsible)},
        {QStringLiteral("first_step"), firstStepName(r.firstStep)},
        {QStringLiteral("provider"), r.provider},
        {QStringLiteral("sending_ip"), r.sendingIp},
        {QStringLiteral("suggested_recipient"), r.suggestedRecipient},
        {QStringLiteral("headline"), r.headline},
        {QStringLiteral("explanation"), r.explanation},
        {QStringLiteral("original_from"), message.original.from},
        {QStringLiteral("original_subject"), message.original.subject},
    };
}

void printText(Output &out, const BounceMessage &message)
{
    const QString where = message.source.isEmpty()
                              ? QString()
                              : QStringLiteral("%1 #%2: ").arg(message.source).arg(message.index);
    if (message.kind == BounceMessage::Kind::Error) {
        out.error(where + message.error);
        return;
    }
    if (message.kind == BounceMessage::Kind::NotABounce) {
        out.line(where + tr("not a bounce (no failed recipient found)"));
        return;
    }
    for (const RecipientDiagnosis &r : message.recipients) {
        out.line(where + r.recipient);
        out.line(QStringLiteral("  ") + r.headline);
        out.line(QStringLiteral("  ") +
                 tr("Reason: %1%2, %3")
                     .arg(r.reason,
                          r.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.detail),
                          r.permanent ? tr("permanent") : tr("temporary")));
        if (!r.status.isEmpty() || !r.replyCode.isEmpty())
            out.line(QStringLiteral("  ") +
                     tr("Status: %1 %2").arg(r.replyCode, r.status).simplified());
        if (!r.provider.isEmpty())
            out.line(QStringLiteral("  ") + tr("Provider: %1").arg(r.provider));
        out.line(QStringLiteral("  ") + tr("Who must act: %1").arg(responsibleName(r.responsible)));
        out.line(QStringLiteral("  ") + tr("Start with: %1").arg(firstStepName(r.firstStep)));
        if (!r.suggestedRecipient.isEmpty())
            out.line(QStringLiteral("  ") + tr("Did you mean: %1").arg(r.suggestedRecipient));
        if (!r.sendingIp.isEmpty())
            out.line(QStringLiteral("  ") + tr("Sending IP: %1").arg(r.sendingIp));
        if (!r.diagnostic.isEmpty())
            out.line(QStringLiteral("  ") + tr("Server said: %1").arg(r.diagnostic));
        out.line(QStringLiteral("  ") + r.explanation);
        out.line(QString());
    }
}

} // namespace

int runDiagnose(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Explains why each message in PATH... bounced."));
    parser.addHelpOption();
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: text or json."),
                                    QStringLiteral("text|json"), QStringLiteral("text"));
    parser.addOption(format);
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 tr("A message, mbox, Maildir, folder, or - for standard input."),
                                 QStringLiteral("PATH..."));
    Output out;
    if (!parser.parse(arguments)) {
        out.error(parser.errorText());
        return exitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.line(parser.helpText());
        return exitOk;
    }
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("text") && formatName != QLatin1String("json")) {
        out.error(tr("Unknown format '%1': use text or json.").arg(formatName));
        return exitUsage;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        out.error(
            tr("No PATH given: name a message, mbox, Maildir or folder, or - for standard input."));
        return exitUsage;
    }
    const bool json = formatName == QLatin1String("json");
    bool anyError = false;
    const BounceReader reader;
    for (const QString &path : paths) {
        reader.readPath(path, [&](BounceMessage &&message) {
            if (message.kind == BounceMessage::Kind::Error)
                anyError = true;
            if (!json) {
                printText(out, message);
                return;
            }
            if (message.kind == BounceMessage::Kind::Error) {
                out.json({{QStringLiteral("kind"), QStringLiteral("error")},
                          {QStringLiteral("source"), message.source},
                          {QStringLiteral("message"), message.index},
                          {QStringLiteral("error"), message.error}});
            } else if (message.kind == BounceMessage::Kind::NotABounce) {
                out.json({{QStringLiteral("kind"), QStringLiteral("not-a-bounce")},
                          {QStringLiteral("source"), message.source},
                          {QStringLiteral("message"), message.index}});
            } else {
                for (const RecipientDiagnosis &r : message.recipients)
                    out.json(recipientJson(message, r));
            }
        });
    }
    return anyError ? exitInputError : exitOk;
}

} // namespace BounceDoctor::Cli
