// Case-history benchmark (run by hand; figures go in the closing notes): fills a SQLite case
// store with N cases, then times what opening a bounce costs with that history behind it:
// opening the store, the "seen before" look-up for the new bounce, and the History panel's
// first page.
//   bench_history [N]   (default 10000)
#include "casestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace BounceDoctor;

namespace {

BounceCase makeCase(int i)
{
    BounceCase c;
    c.source = QStringLiteral("/var/mail/bounces/%1.eml").arg(i);
    c.rawBounce = QByteArray(4000, 'x');
    c.original.from = QStringLiteral("news@shop.example");
    c.original.sendingIp = QStringLiteral("192.0.2.%1").arg(i % 250);
    CaseRecipient r;
    r.diagnosis.recipient = QStringLiteral("user%1@domain%2.example").arg(i).arg(i % 500);
    r.diagnosis.reason = i % 3 ? QStringLiteral("userunknown") : QStringLiteral("blocked");
    r.diagnosis.diagnostic =
        QStringLiteral("550 5.1.1 <%1>: Recipient address rejected").arg(r.diagnosis.recipient);
    r.diagnosis.sendingIp = c.original.sendingIp;
    Finding f;
    f.title = QStringLiteral("The domain receives mail");
    f.evidence = {QStringLiteral("MX domain.example: 10 mx.domain.example")};
    r.findings.append(CaseFinding{f, QDateTime::currentDateTimeUtc()});
    c.recipients.append(r);
    return c;
}

double ms(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTemporaryDir dir;
    const QString location = dir.filePath(QStringLiteral("cases.sqlite"));
    QElapsedTimer timer;
    {
        CaseStore store;
        if (!store.open(location)) {
            std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
            return 1;
        }
        timer.start();
        for (int i = 0; i < n; ++i) {
            BounceCase c = makeCase(i);
            if (!store.save(c)) {
                std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
                return 1;
            }
        }
        std::printf("stored %d cases in %.0f ms (%.2f ms a case)\n", n, ms(timer), ms(timer) / n);
    }
    timer.start();
    CaseStore store;
    if (!store.open(location))
        return 1;
    const double openMs = ms(timer);
    timer.start();
    const auto seen =
        store.seenBefore(QStringLiteral("someone@domain42.example"),
                         QStringLiteral("domain42.example"), QStringLiteral("192.0.2.9"));
    const double seenMs = ms(timer);
    timer.start();
    const auto page = store.search(CaseQuery{});
    const double pageMs = ms(timer);
    timer.start();
    const auto found = store.search(CaseQuery{QStringLiteral("user4242@"), {}, {}, {}, 500});
    const double searchMs = ms(timer);
    std::printf("with %d cases: open %.1f ms, seen before %.1f ms (%lld cases), first page %.1f ms "
                "(%lld rows), search by recipient %.1f ms (%lld found)\n",
                store.count(), openMs, seenMs, static_cast<long long>(seen.size()), pageMs,
                static_cast<long long>(page.size()), searchMs,
                static_cast<long long>(found.size()));
    return 0;
}
