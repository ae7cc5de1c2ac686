#include "checkcommand.h"

#include "bounce/bouncereader.h"
#include "checks/checkrunner.h"
#include "common/enumnames.h"
#include "common/mailaddress.h"
#include "dns/aresresolver.h"
#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace BounceDoctor::Cli {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct CliTr
{
    Q_DECLARE_TR_FUNCTIONS(CliTr)
};

constexpr std::array statusSymbols{
    std::pair{FindingStatus::Info, "i"},          std::pair{FindingStatus::Ok, "✓"},
    std::pair{FindingStatus::Warning, "⚠"},       std::pair{FindingStatus::Problem, "✗"},
    std::pair{FindingStatus::CouldNotCheck, "?"},
};

QString symbol(FindingStatus status)
{
    return enumName(statusSymbols, status);
}

} // namespace

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliTr::tr("Diagnoses each bounce, then checks the recipient address, "
                  "blocklists, SPF/DKIM/DMARC and drafts the message to the "
                  "recipient's IT."));
    parser.addHelpOption();
    const QCommandLineOption server(QStringLiteral("dns-server"),
                                    CliTr::tr("DNS server to ask, IP[:PORT]; repeatable."),
                                    QStringLiteral("IP[:PORT]"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     CliTr::tr("Wait for each DNS answer this long."),
                                     QStringLiteral("MS"), QStringLiteral("3000"));
    const QCommandLineOption deadline(
        QStringLiteral("deadline"),
        CliTr::tr("Stop checking after this many seconds in all (what is not checked by then is "
                  "reported as such)."),
        QStringLiteral("SECONDS"), QStringLiteral("120"));
    const QCommandLineOption ip(QStringLiteral("ip"), CliTr::tr("The sending IP address."),
                                QStringLiteral("IP"));
    const QCommandLineOption domain(QStringLiteral("domain"), CliTr::tr("The sending domain."),
                                    QStringLiteral("DOMAIN"));
    const QCommandLineOption selector(QStringLiteral("selector"), CliTr::tr("A DKIM selector."),
                                      QStringLiteral("S"));
    const QCommandLineOption recipient(
        QStringLiteral("recipient"), CliTr::tr("Check this recipient address (no bounce needed)."),
        QStringLiteral("ADDRESS"));
    const QCommandLineOption dqs(QStringLiteral("dqs-key"), CliTr::tr("Spamhaus DQS key."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    CliTr::tr("Output format: text or json."),
                                    QStringLiteral("text|json"), QStringLiteral("text"));
    parser.addOptions({server, timeout, deadline, ip, domain, selector, recipient, dqs, format});
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 CliTr::tr("Bounces to diagnose and check."),
                                 QStringLiteral("[PATH...]"));

    Output out;
    if (!parser.parse(arguments)) {
        out.error(parser.errorText());
        return exitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.help(parser.helpText());
        return exitOk;
    }
    const bool json = parser.value(format) == QLatin1String("json");
    if (!json && parser.value(format) != QLatin1String("text")) {
        out.error(CliTr::tr("Unknown format '%1': use text or json.").arg(parser.value(format)));
        return exitUsage;
    }
    bool timeoutOk = false;
    const int timeoutMs = parser.value(timeout).toInt(&timeoutOk);
    if (!timeoutOk || timeoutMs <= 0) {
        out.error(CliTr::tr("--timeout takes a number of milliseconds."));
        return exitUsage;
    }
    bool deadlineOk = false;
    const int deadlineSeconds = parser.value(deadline).toInt(&deadlineOk);
    if (!deadlineOk || deadlineSeconds <= 0 || deadlineSeconds > 24 * 3600) {
        out.error(CliTr::tr("--deadline takes a number of seconds, at most a day (86400)."));
        return exitUsage;
    }
    if (parser.positionalArguments().isEmpty() && !parser.isSet(recipient) && !parser.isSet(ip) &&
        !parser.isSet(domain)) {
        out.error(CliTr::tr("Give a bounce (PATH or -), or --recipient, --ip or --domain."));
        return exitUsage;
    }

    AresResolver resolver({parser.values(server), timeoutMs, 2});
    if (!resolver.setupError().isEmpty()) {
        out.error(resolver.setupError());
        return exitUsage;
    }
    CheckRunner runner(&resolver);
    runner.setBlocklistOptions({{}, parser.value(dqs), false});

    // The inputs to check: one per recipient of each bounce, or the options alone.
    QList<CheckInput> inputs;
    bool anyError = false;
    // What the user typed wins: every step checks it; the bounce's values are defaults.
    auto applyOptions = [&](CheckInput &input) {
        if (parser.isSet(ip)) {
            input.sendingIp = parser.value(ip);
            input.typed |= TypedField::SendingIp;
        }
        if (parser.isSet(domain)) {
            input.sendingDomain = parser.value(domain);
            input.typed |= TypedField::SendingDomain;
        }
        if (parser.isSet(selector)) {
            input.dkimSelector = parser.value(selector);
            input.typed |= TypedField::DkimSelector;
        }
        if (parser.isSet(recipient)) {
            input.recipient = parser.value(recipient);
            input.typed |= TypedField::Recipient;
        }
    };
    const BounceReader reader;
    for (const QString &path : parser.positionalArguments()) {
        reader.readPath(path, [&](BounceMessage &&message) {
            if (message.kind == BounceMessage::Kind::Error) {
                anyError = true;
                if (json)
                    out.json({{QStringLiteral("kind"), QStringLiteral("error")},
                              {QStringLiteral("source"), message.source},
                              {QStringLiteral("error"), message.error}});
                else
                    out.error(message.source + QStringLiteral(": ") + message.error);
                return;
            }
            for (const RecipientDiagnosis &r : std::as_const(message.recipients)) {
                CheckInput input;
                input.recipient = r.recipient;
                input.sendingIp = r.sendingIp;
                input.fromAddress = message.original.from;
                input.sendingDomain = MailAddress::domainOf(message.original.from);
                input.dkimDomain = message.original.dkimDomain;
                input.dkimSelector = message.original.dkimSelector;
                input.authenticationResults = message.original.authenticationResults;
                input.diagnosis = r;
                input.message = message;
                applyOptions(input);
                inputs.append(input);
            }
        });
    }
    if (parser.positionalArguments().isEmpty()) {
        CheckInput input;
        applyOptions(input);
        input.diagnosis.recipient = input.recipient;
        inputs.append(input);
    }

    // One deadline for the whole command: a silent DNS server costs seconds per recipient, and
    // a bounce may name thousands.
    const QDeadlineTimer overall(qint64(deadlineSeconds) * 1000);
    qsizetype checked = 0;
    bool outOfTime = false;
    for (const CheckInput &input : std::as_const(inputs)) {
        if (overall.hasExpired()) {
            outOfTime = true;
            break;
        }
        if (!json)
            out.line(CliTr::tr("Checks for %1")
                         .arg(input.recipient.isEmpty() ? input.sendingIp : input.recipient));
        QEventLoop loop;
        QObject::connect(&runner, &CheckRunner::findingReady, &loop, [&](const Finding &f) {
            if (json) {
                QJsonArray evidence;
                for (const QString &line : f.evidence)
                    evidence.append(line);
                QJsonArray checked;
                for (const CheckedValue &value : f.checked)
                    checked.append(
                        QJsonObject{{QStringLiteral("what"), value.what},
                                    {QStringLiteral("value"), value.value},
                                    {QStringLiteral("from"), inputOriginName(value.from)}});
                out.json({{QStringLiteral("kind"), QStringLiteral("finding")},
                          {QStringLiteral("recipient"), input.recipient},
                          {QStringLiteral("step"), checkStepName(f.step)},
                          {QStringLiteral("id"), f.id},
                          {QStringLiteral("status"), findingStatusName(f.status)},
                          {QStringLiteral("title"), f.title},
                          {QStringLiteral("detail"), f.detail},
                          {QStringLiteral("evidence"), evidence},
                          {QStringLiteral("checked"), checked},
                          {QStringLiteral("link"), f.link.toString(QUrl::FullyEncoded)}});
                return;
            }
            out.line(QStringLiteral("  %1 [%2] %3")
                         .arg(symbol(f.status), checkStepName(f.step), f.title));
            QStringList checked;
            for (const CheckedValue &value : f.checked)
                checked.append(QStringLiteral("%1 %2 (%3)")
                                   .arg(value.what, value.value, inputOriginName(value.from)));
            if (!checked.isEmpty())
                out.line(QStringLiteral("      checked: ") + checked.join(QStringLiteral(", ")));
            for (const QString &line : f.evidence)
                out.line(QStringLiteral("      ") + line);
            if (f.link.isValid() && f.link.scheme() != QLatin1String("mailto"))
                out.line(QStringLiteral("      ") + f.link.toString());
        });
        QObject::connect(&runner, &CheckRunner::finished, &loop, &QEventLoop::quit);
        QTimer stop;
        stop.setSingleShot(true);
        QObject::connect(&stop, &QTimer::timeout, &loop, [&] {
            outOfTime = true;
            QObject::disconnect(&runner, &CheckRunner::findingReady, &loop, nullptr);
            runner.cancel();
            loop.quit();
        });
        runner.start(input);
        if (runner.isRunning()) {
            stop.start(int(std::max<qint64>(overall.remainingTime(), 0)));
            loop.exec();
        }
        QObject::disconnect(&runner, nullptr, &loop, nullptr);
        if (outOfTime)
            break;
        ++checked;
    }
    if (outOfTime) {
        const QString message =
            CliTr::tr("Stopped after the overall limit of %1 s (--deadline): %2 of %3 checks "
                      "done; the rest were not checked.")
                .arg(deadlineSeconds)
                .arg(checked)
                .arg(inputs.size());
        if (json)
            out.json({{QStringLiteral("kind"), QStringLiteral("error")},
                      {QStringLiteral("error"), message}});
        else
            out.error(message);
        return exitInputError;
    }
    return anyError ? exitInputError : exitOk;
}

} // namespace BounceDoctor::Cli
