// check_host() against an in-memory zone built from the input:
//   line 1: the TXT record of d.example (the domain evaluated)
//   further lines: "name TYPE value" with TYPE one of TXT A AAAA MX PTR CNAME TIMEOUT
// The first byte picks the client address (IPv4 or IPv6) so both code paths are reached.
#include "checks/auth/spfevaluator.h"
#include "memoryzone.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <cstddef>
#include <cstdint>

using namespace BounceDoctor;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QHostAddress ip(data[0] & 1 ? QStringLiteral("2001:db8::25")
                                      : QStringLiteral("192.0.2.25"));
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QStringList lines = text.split(QLatin1Char('\n'));

    Test::MemoryZone zone;
    zone.add(QStringLiteral("d.example"), DnsType::TXT, lines.value(0));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString name = lines[i].section(QLatin1Char(' '), 0, 0);
        const QString type = lines[i].section(QLatin1Char(' '), 1, 1);
        const QString value = lines[i].section(QLatin1Char(' '), 2);
        if (name.isEmpty())
            continue;
        if (type == QLatin1String("TIMEOUT"))
            zone.addTimeout(name);
        else if (type == QLatin1String("A"))
            zone.add(name, DnsType::A, value);
        else if (type == QLatin1String("AAAA"))
            zone.add(name, DnsType::AAAA, value);
        else if (type == QLatin1String("MX"))
            zone.add(name, DnsType::MX, value, 10);
        else if (type == QLatin1String("PTR"))
            zone.add(name, DnsType::PTR, value);
        else if (type == QLatin1String("CNAME"))
            zone.add(name, DnsType::CNAME, value);
        else
            zone.add(name, DnsType::TXT, value);
    }

    SpfEvaluator evaluator(&zone);
    bool done = false;
    evaluator.checkHost(ip, QStringLiteral("d.example"), QStringLiteral("user@d.example"),
                        QStringLiteral("helo.example"),
                        [&](const SpfEvaluation &) { done = true; });
    // Every answer comes from memory on the next event-loop turn: the RFC's limits (10 DNS
    // terms, 2 void lookups) bound the work, so a run that does not end is a bug.
    QElapsedTimer timer;
    timer.start();
    while (!done) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (timer.elapsed() > 10000)
            __builtin_trap();
    }
    return 0;
}
