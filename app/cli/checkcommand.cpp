#include "checkcommand.h"

#include "bounce/bouncereader.h"
#include "checks/checkrunner.h"
#include "dns/aresresolver.h"
#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

namespace BounceDoctor::Cli {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct CliTr
{
    Q_DECLARE_TR_FUNCTIONS(CliTr)
};

QString symbol(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Ok:
        return QStringLiteral("✓");
    case FindingStatus::Warning:
        return QStringLiteral("⚠");
    case FindingStatus::Problem:
        return QStringLiteral("✗");
    case FindingStatus::CouldNotCheck:
        return QStringLiteral("?");
    case FindingStatus::Info:
        break;
    }
    return QStringLiteral("i");
}

QString domainOf(const QString &address)
{
    QString domain = address.section(QLatin1Char('@'), -1);
    domain.remove(QLatin1Char('>'));
    return domain.trimmed();
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
    parser.addOptions({server, timeout, ip, domain, selector, recipient, dqs, format});
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
    auto applyOptions = [&](CheckInput &input) {
        if (parser.isSet(ip))
            input.sendingIp = parser.value(ip);
        if (parser.isSet(domain))
            input.sendingDomain = parser.value(domain);
        if (parser.isSet(selector))
            input.dkimSelector = parser.value(selector);
        if (parser.isSet(recipient))
            input.recipient = parser.value(recipient);
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
                input.sendingDomain = domainOf(message.original.from);
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

    for (const CheckInput &input : std::as_const(inputs)) {
        if (!json)
            out.line(CliTr::tr("Checks for %1")
                         .arg(input.recipient.isEmpty() ? input.sendingIp : input.recipient));
        QEventLoop loop;
        QObject::connect(&runner, &CheckRunner::findingReady, &loop, [&](const Finding &f) {
            if (json) {
                QJsonArray evidence;
                for (const QString &line : f.evidence)
                    evidence.append(line);
                out.json({{QStringLiteral("kind"), QStringLiteral("finding")},
                          {QStringLiteral("recipient"), input.recipient},
                          {QStringLiteral("step"), checkStepName(f.step)},
                          {QStringLiteral("id"), f.id},
                          {QStringLiteral("status"), findingStatusName(f.status)},
                          {QStringLiteral("title"), f.title},
                          {QStringLiteral("detail"), f.detail},
                          {QStringLiteral("evidence"), evidence},
                          {QStringLiteral("link"), f.link.toString(QUrl::FullyEncoded)}});
                return;
            }
            out.line(QStringLiteral("  %1 [%2] %3")
                         .arg(symbol(f.status), checkStepName(f.step), f.title));
            for (const QString &line : f.evidence)
                out.line(QStringLiteral("      ") + line);
            if (f.link.isValid() && f.link.scheme() != QLatin1String("mailto"))
                out.line(QStringLiteral("      ") + f.link.toString());
        });
        QObject::connect(&runner, &CheckRunner::finished, &loop, &QEventLoop::quit);
        runner.start(input);
        if (runner.isRunning())
            loop.exec();
        QObject::disconnect(&runner, nullptr, &loop, nullptr);
    }
    return anyError ? exitInputError : exitOk;
}

} // namespace BounceDoctor::Cli
