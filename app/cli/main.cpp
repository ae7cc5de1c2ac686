#include "bounce/filename.h"
#include "checkcommand.h"
#include "common/version.h"
#include "diagnosecommand.h"
#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

using BounceDoctor::Cli::exitUsage;

QString commandSummary()
{
    return QCoreApplication::translate("cli",
                                       "Commands:\n"
                                       "  diagnose   explain why each message in PATH... bounced\n"
                                       "  check      diagnose, then run the live checks\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    BounceDoctor::setApplicationMetadata();
    QCoreApplication::setApplicationName(QStringLiteral("bounce-doctor-cli"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cli", "Tells why an email bounced and who must act.") +
        QLatin1Char('\n') + commandSummary());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("cli", "diagnose or check"));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    // The arguments as the system gave them: a path that is not UTF-8 keeps its bytes
    // (QCoreApplication::arguments() would turn them into U+FFFD).
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments.append(BounceDoctor::FileName::fromNative(argv[i]));
    parser.process(rawArguments);

    QTextStream err(stderr);
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        err << QCoreApplication::translate("cli", "No command given.") << '\n' << commandSummary();
        return exitUsage;
    }
    const QString command = arguments.first();
    if (command == QLatin1String("diagnose"))
        return BounceDoctor::Cli::runDiagnose(arguments);
    if (command == QLatin1String("check"))
        return BounceDoctor::Cli::runCheck(arguments);
    err << QCoreApplication::translate("cli", "Unknown command '%1'.").arg(command) << '\n'
        << commandSummary();
    return exitUsage;
}
