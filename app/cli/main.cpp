#include "common/version.h"
#include "diagnosecommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

constexpr int exitUsage = 2;

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
    parser.process(app);

    QTextStream err(stderr);
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        err << QCoreApplication::translate("cli", "No command given.") << '\n' << commandSummary();
        return exitUsage;
    }
    if (arguments.first() == QLatin1String("diagnose"))
        return BounceDoctor::Cli::runDiagnose(arguments.mid(1));
    err << QCoreApplication::translate("cli", "Unknown command '%1'.").arg(arguments.first())
        << '\n'
        << commandSummary();
    return exitUsage;
}
