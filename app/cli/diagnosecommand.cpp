#include "diagnosecommand.h"

#include "bounce/bouncereader.h"
#include "bounce/diagnosisjson.h"
#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>

#include <tuple>

namespace BounceDoctor::Cli {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct CliTr
{
    Q_DECLARE_TR_FUNCTIONS(CliTr)
};

QJsonObject recipientJson(const BounceMessage &message, const RecipientDiagnosis &r)
{
    QJsonObject object = DiagnosisJson::toJson(r);
    object.insert(QStringLiteral("kind"), QStringLiteral("recipient"));
    object.insert(QStringLiteral("source"), message.source);
    object.insert(QStringLiteral("message"), message.index);
    object.insert(QStringLiteral("format"), message.format);
    object.insert(QStringLiteral("original_from"), message.original.from);
    object.insert(QStringLiteral("original_subject"), message.original.subject);
    return object;
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
        out.line(where + CliTr::tr("not a bounce (no failed recipient found)"));
        return;
    }
    for (const RecipientDiagnosis &r : message.recipients) {
        out.line(where + r.recipient);
        out.line(QStringLiteral("  ") + r.headline);
        out.line(QStringLiteral("  ") +
                 CliTr::tr("Reason: %1%2, %3")
                     .arg(r.reason,
                          r.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.detail),
                          r.permanent   ? CliTr::tr("permanent")
                          : r.temporary ? CliTr::tr("temporary")
                                        : CliTr::tr("not a failure")));
        if (!r.status.isEmpty() || !r.replyCode.isEmpty())
            out.line(QStringLiteral("  ") +
                     CliTr::tr("Status: %1 %2").arg(r.replyCode, r.status).simplified());
        if (!r.provider.isEmpty())
            out.line(QStringLiteral("  ") + CliTr::tr("Provider: %1").arg(r.provider));
        out.line(QStringLiteral("  ") +
                 CliTr::tr("Who must act: %1").arg(responsibleName(r.responsible)));
        out.line(QStringLiteral("  ") +
                 CliTr::tr("Start with: %1").arg(firstStepName(r.firstStep)));
        if (!r.suggestedRecipient.isEmpty())
            out.line(QStringLiteral("  ") +
                     CliTr::tr("Did you mean: %1").arg(r.suggestedRecipient));
        if (!r.sendingIp.isEmpty())
            out.line(QStringLiteral("  ") + CliTr::tr("Sending IP: %1").arg(r.sendingIp));
        if (!r.diagnostic.isEmpty())
            out.line(QStringLiteral("  ") + CliTr::tr("Server said: %1").arg(r.diagnostic));
        out.line(QStringLiteral("  ") + r.explanation);
        out.line(QString());
    }
}

} // namespace

int runDiagnose(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr("Explains why each message in PATH... bounced."));
    parser.addHelpOption();
    const QCommandLineOption format(QStringLiteral("format"),
                                    CliTr::tr("Output format: text or json."),
                                    QStringLiteral("text|json"), QStringLiteral("text"));
    parser.addOption(format);
    const ReaderLimits defaults;
    const QCommandLineOption maxMessage(
        QStringLiteral("max-message-mb"),
        CliTr::tr("Refuse messages larger than this many megabytes (default %1).")
            .arg(defaults.maxMessageBytes >> 20),
        QStringLiteral("MB"));
    parser.addOption(maxMessage);
    const QCommandLineOption maxBatch(
        QStringLiteral("max-messages"),
        CliTr::tr("Stop after this many messages in all (default %1).")
            .arg(defaults.maxBatchMessages),
        QStringLiteral("N"));
    parser.addOption(maxBatch);
    parser.addPositionalArgument(
        QStringLiteral("PATH"),
        CliTr::tr("A message, mbox, Maildir, folder, or - for standard input."),
        QStringLiteral("PATH..."));
    Output out;
    if (!parser.parse(arguments)) {
        out.error(parser.errorText());
        return exitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.help(parser.helpText());
        return exitOk;
    }
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("text") && formatName != QLatin1String("json")) {
        out.error(CliTr::tr("Unknown format '%1': use text or json.").arg(formatName));
        return exitUsage;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        out.error(CliTr::tr(
            "No PATH given: name a message, mbox, Maildir or folder, or - for standard input."));
        return exitUsage;
    }
    ReaderLimits limits;
    for (const auto &[option, limit, unit] :
         {std::tuple{&maxMessage, &limits.maxMessageBytes, qint64(1) << 20},
          std::tuple{&maxBatch, &limits.maxBatchMessages, qint64(1)}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        const qint64 value = parser.value(*option).toLongLong(&ok);
        if (!ok || value <= 0 || value > (qint64(1) << 40) / unit) {
            out.error(CliTr::tr("--%1 needs a positive number, not '%2'.")
                          .arg(option->names().constFirst(), parser.value(*option)));
            return exitUsage;
        }
        *limit = value * unit;
    }
    const bool json = formatName == QLatin1String("json");
    bool anyError = false;
    const BounceReader reader(limits);
    {
        // Messages are diagnosed on all cores; the output keeps the input order.
        reader.readPaths(paths, [&](BounceMessage &&message) {
            if (message.kind == BounceMessage::Kind::Error)
                anyError = true;
            if (!message.notice.isEmpty()) // on standard error: the JSON Lines stay as agreed
                out.error(QStringLiteral("%1 #%2: %3")
                              .arg(message.source)
                              .arg(message.index)
                              .arg(message.notice));
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
