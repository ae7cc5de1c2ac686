#include "bouncereader.h"

#include "authresultsparser.h"
#include "bounceformat.h"
#include "classifier.h"
#include "common/pattern.h"
#include "mimeparser.h"
#include "textscan.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

Q_LOGGING_CATEGORY(lcReader, "bouncedoctor.bounce.reader", QtInfoMsg)

namespace BounceDoctor {
namespace {

// A named context: lupdate and the running code must agree on it, also in free functions.
struct BounceReaderTr
{
    Q_DECLARE_TR_FUNCTIONS(BounceReaderTr)
};

BounceMessage errorMessage(const QString &source, int index, const QString &error)
{
    BounceMessage message;
    message.kind = BounceMessage::Kind::Error;
    message.source = source;
    message.index = index;
    message.error = error;
    return message;
}

QString tagValue(const QString &header, QLatin1String tag)
{
    // DKIM-Signature tag list: "v=1; a=rsa-sha256; d=example.com; s=sel; ..."
    const QList<QStringView> parts = QStringView(header).split(QLatin1Char(';'));
    for (const QStringView part : parts) {
        const QStringView trimmed = part.trimmed();
        if (trimmed.startsWith(tag) &&
            trimmed.mid(tag.size()).trimmed().startsWith(QLatin1Char('=')))
            return TextScan::squeeze(trimmed.mid(trimmed.indexOf(QLatin1Char('=')) + 1));
    }
    return {};
}

// Headers of an original that is quoted in the text rather than attached.
HeaderFields embeddedOriginalHeaders(const ParsedMessage &parsed)
{
    const QString &body = parsed.bodyText;
    static const Pattern start(
        QStringLiteral(
            R"(^(?:Return-Path|Received|From|Message-I[Dd]|Date|To|Subject|DKIM-Signature|X-[\w-]+):[ \t])"),
        Pattern::Multiline | Pattern::CaseInsensitive);
    const QStringView region = FormatHelpers::explanatoryRegion(parsed);
    qsizetype from = region.size();
    if (from >= body.size())
        return {};
    const auto match = start.match(body, from);
    if (!match.hasMatch())
        return {};
    // The blank line after them, found from line end to line end (indexOf("\n\n") compares
    // at every character of a long body).
    qsizetype end = body.size();
    for (qsizetype at = body.indexOf(u'\n', match.capturedStart()); at >= 0 && at + 1 < body.size();
         at = body.indexOf(u'\n', at + 1)) {
        if (body.at(at + 1) == u'\n') {
            end = at;
            break;
        }
    }
    return Mime::parseHeaderBlock(
        body.mid(match.capturedStart(), end - match.capturedStart()).toUtf8());
}

void fillOriginal(const ParsedMessage &parsed, OriginalMessage &original)
{
    const HeaderFields &headers = parsed.originalHeaders;
    for (const HeaderField &field : headers) {
        const QByteArray &name = field.name;
        if (name == "from" && original.from.isEmpty())
            original.from = field.value;
        else if (name == "to" && original.to.isEmpty())
            original.to = field.value;
        else if (name == "subject" && original.subject.isEmpty())
            original.subject = field.value;
        else if (name == "message-id" && original.messageId.isEmpty())
            original.messageId = field.value;
        else if (name == "date" && original.date.isEmpty())
            original.date = field.value;
        else if (name == "received" && original.sendingIp.isEmpty())
            original.sendingIp = TextScan::receivedFromIp(field.value);
        else if (name == "dkim-signature" && original.dkimDomain.isEmpty()) {
            original.dkimDomain = tagValue(field.value, QLatin1String("d"));
            original.dkimSelector = tagValue(field.value, QLatin1String("s"));
        } else if (name == "authentication-results")
            original.authenticationResults += AuthResultsParser::results(field.value);
    }
}

// A delivery system's failure notice that names no failed address of its own (some IMail,
// Zoho, Postfix and Sendmail set-ups): the returned message's one recipient is the address it
// is about, and the notice's words are the diagnostic. Only a notice from a mailer daemon with
// a failure subject and the original's headers qualifies; a message to several recipients
// cannot say which one failed.
QList<RecipientDiagnosis> recipientFromOriginal(const ParsedMessage &parsed)
{
    static const Pattern daemon(QStringLiteral(R"(mailer-daemon|postmaster|mail delivery)"),
                                Pattern::CaseInsensitive);
    static const Pattern failure(
        QStringLiteral(R"(undeliver|delivery (?:status|fail|notification|report)|returned mail|)"
                       R"(failure notice|could not be delivered|not delivered|delivery error)"),
        Pattern::CaseInsensitive);
    if (parsed.pasted || !daemon.matches(parsed.from) || !failure.matches(parsed.subject))
        return {};
    OriginalMessage original;
    fillOriginal(parsed, original);
    if (original.to.contains(QLatin1Char(',')))
        return {};
    RecipientDiagnosis r;
    r.recipient = TextScan::address(original.to);
    if (r.recipient.isEmpty() || !r.recipient.contains(QLatin1Char('@')))
        return {};
    r.action = QStringLiteral("failed");
    r.diagnostic = TextScan::squeeze(FormatHelpers::explanatoryRegion(parsed));
    FormatHelpers::completeFromDiagnostic(r);
    return {r};
}

BounceMessage diagnose(ParsedMessage &parsed, const ReaderLimits &limits, const QString &source,
                       int index)
{
    BounceMessage message;
    message.source = source;
    message.index = index;
    message.subject = parsed.subject;
    message.from = parsed.from;
    if (!parsed.hasOriginal && parsed.originalHeaders.isEmpty())
        parsed.originalHeaders = embeddedOriginalHeaders(parsed);
    for (const auto &format : bounceFormats()) {
        if (!format->matches(parsed))
            continue;
        QList<RecipientDiagnosis> recipients = format->parse(parsed);
        if (recipients.isEmpty())
            continue;
        message.format = format->name();
        message.recipients = std::move(recipients);
        break;
    }
    const bool saidNothing = std::all_of(
        message.recipients.cbegin(), message.recipients.cend(),
        [](const RecipientDiagnosis &r) { return r.diagnostic.isEmpty() && r.status.isEmpty(); });
    if (saidNothing && !parsed.forwardedBounce.isEmpty()) {
        // The notice only wraps the real bounce (forwarded, or a gateway re-wrapping it).
        ParsedMessage inner;
        QString error;
        if (Mime::parse(Mime::normaliseLineEndings(parsed.forwardedBounce), limits, inner, error)) {
            BounceMessage unwrapped = diagnose(inner, limits, source, index);
            if (unwrapped.kind == BounceMessage::Kind::Bounce)
                return unwrapped;
        }
    }
    if (message.recipients.isEmpty()) {
        message.recipients = recipientFromOriginal(parsed);
        if (!message.recipients.isEmpty())
            message.format = QStringLiteral("text");
    }
    if (message.recipients.isEmpty()) {
        message.kind = BounceMessage::Kind::NotABounce;
        return message;
    }
    if (message.recipients.size() > limits.maxRecipients) {
        message.notice = BounceReaderTr::tr("only the first %1 of its %2 recipients were read "
                                            "(the limit for one message)")
                             .arg(limits.maxRecipients)
                             .arg(message.recipients.size());
        message.recipients.resize(limits.maxRecipients);
    }
    fillOriginal(parsed, message.original);
    FormatHelpers::nameCommands(parsed, message.recipients);
    for (RecipientDiagnosis &recipient : message.recipients) {
        if (recipient.sendingIp.isEmpty())
            recipient.sendingIp = message.original.sendingIp;
        Classifier::classify(recipient, message);
    }
    return message;
}

bool looksLikeHeaders(QStringView text)
{
    static const Pattern header(
        QStringLiteral(R"(^(?:Return-Path|Received|From|To|Subject|Date|Message-ID|MIME-Version|)"
                       R"(Delivered-To|Content-Type|X-[\w-]+|Reply-To|Sender|Envelope-to):[ \t])"),
        Pattern::CaseInsensitive);
    return header.matches(text.trimmed()) && text.contains(QLatin1String("\n\n"));
}

// True when bytes start like an RFC 5322 header section rather than pasted text.
bool startsWithHeaderField(const QByteArray &bytes)
{
    qsizetype start = 0;
    while (start < bytes.size() && (bytes.at(start) == '\n' || bytes.at(start) == '\r'))
        ++start;
    const qsizetype end = bytes.indexOf('\n', start);
    const QByteArray line = bytes.mid(start, end < 0 ? -1 : end - start);
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return false;
    for (qsizetype i = 0; i < colon; ++i) {
        const char c = line.at(i);
        // Field names in practice: letters, digits and hyphens ("jo@example.com: 550 ..." is not).
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    }
    return true;
}

// A message that is already known (an error) goes through the job queue to keep its place.
void submitError(const BounceReader::JobSink &submit, BounceMessage &&message)
{
    submit([message = std::move(message)] { return message; }, 0);
}

// An mbox written with CR-only line endings (classic Mac tools, some exports) has no line feed
// to split its lines at: the splitter would see one line, the first "From " line, and nothing
// after it.
bool crOnlyLines(QIODevice &device)
{
    const QByteArray head = device.peek(1 << 16);
    return head.contains('\r') && !head.contains('\n');
}

// Splits an mbox stream into messages as it reads, keeping only one message in memory.
class MboxSplitter final
{
public:
    MboxSplitter(const BounceReader &reader, const ReaderLimits &limits, const QString &source,
                 const BounceReader::JobSink &submit, const bool &stop)
        : m_reader(reader)
        , m_limits(limits)
        , m_source(source)
        , m_submit(submit)
        , m_stop(stop)
    {}

    void read(QIODevice &device)
    {
        // Lines are read in bounded pieces: a line of hundreds of megabytes (a hostile mbox)
        // never sits in memory whole. Only a piece that starts a line can be a "From " line.
        constexpr qint64 maxPiece = 1 << 20;
        // One reusable buffer: readLine(maxSize) would allocate maxPiece bytes for every line.
        QByteArray buffer(maxPiece + 1, Qt::Uninitialized);
        bool previousBlank = true;
        bool atLineStart = true;
        QByteArray line;
        while (!m_stop) {
            const qint64 length = device.readLine(buffer.data(), buffer.size());
            if (length <= 0)
                break;
            line = QByteArray(buffer.constData(), length);
            const bool startsLine = atLineStart;
            atLineStart = line.endsWith('\n');
            if (!startsLine) {
                if (!m_tooLarge)
                    append(line);
                continue;
            }
            if (previousBlank && line.startsWith("From ")) {
                finish();
                m_started = true;
                previousBlank = false;
                continue;
            }
            previousBlank = line == "\n" || line == "\r\n";
            if (!m_started && !previousBlank)
                m_started = true;
            if (m_tooLarge)
                continue;
            // mboxrd: one level of ">From " quoting is undone.
            if (line.startsWith(">")) {
                qsizetype quotes = 0;
                while (quotes < line.size() && line.at(quotes) == '>')
                    ++quotes;
                if (line.mid(quotes).startsWith("From "))
                    line.remove(0, 1);
            }
            append(line);
        }
        if (!m_stop)
            finish();
    }

private:
    void append(const QByteArray &piece)
    {
        m_current += piece;
        if (m_current.size() > m_limits.maxMessageBytes) {
            m_tooLarge = true;
            m_current = QByteArray();
        }
    }

    void finish()
    {
        if (m_tooLarge) {
            submitError(
                m_submit,
                errorMessage(m_source, m_index,
                             BounceReaderTr::tr("message %1 is larger than the limit of %2 bytes")
                                 .arg(m_index + 1)
                                 .arg(m_limits.maxMessageBytes)));
            ++m_index;
        } else if (m_started && !QByteArrayView(m_current).trimmed().isEmpty()) {
            const qsizetype size = m_current.size();
            m_submit([reader = &m_reader, bytes = std::move(m_current), source = m_source,
                      index = m_index] { return reader->readMessage(bytes, source, index); },
                     size);
            ++m_index;
        }
        m_current = QByteArray();
        m_tooLarge = false;
        m_started = false;
    }

    const BounceReader &m_reader;
    const ReaderLimits &m_limits;
    const QString &m_source;
    const BounceReader::JobSink &m_submit;
    const bool &m_stop;
    QByteArray m_current;
    int m_index = 0;
    bool m_started = false;
    bool m_tooLarge = false;
};

// Runs jobs on worker threads and hands their results to the sink in submission order, on the
// thread that submits. Submitting blocks while too much is in flight, so a huge mbox streams.
class OrderedPool final
{
public:
    OrderedPool(const BounceReader::MessageSink &sink, int threads)
        : m_sink(sink)
        , m_maxInFlight(qsizetype(threads) * 4)
    {
        m_workers.reserve(threads);
        for (int i = 0; i < threads; ++i)
            m_workers.emplace_back([this] { work(); });
    }

    ~OrderedPool()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_jobReady.notify_all();
        for (std::thread &worker : m_workers)
            worker.join();
    }

    OrderedPool(const OrderedPool &) = delete;
    OrderedPool &operator=(const OrderedPool &) = delete;

    void submit(BounceReader::Job &&job, qsizetype bytes)
    {
        std::unique_lock lock(m_mutex);
        // Bounded by count and by bytes (one large message may always be in flight).
        while (m_submitted - m_delivered >= m_maxInFlight ||
               (m_bytesInFlight >= maxBytesInFlight && m_submitted > m_delivered)) {
            if (!deliverReady(lock))
                m_resultReady.wait(lock);
        }
        m_jobs.push_back({m_submitted++, bytes, std::move(job)});
        m_bytesInFlight += bytes;
        lock.unlock();
        m_jobReady.notify_one();
        lock.lock();
        deliverReady(lock);
    }

    void finish()
    {
        std::unique_lock lock(m_mutex);
        while (m_delivered < m_submitted) {
            if (!deliverReady(lock))
                m_resultReady.wait(lock);
        }
    }

private:
    static constexpr qsizetype maxBytesInFlight = 64 * 1024 * 1024;

    struct Pending
    {
        qsizetype sequence;
        qsizetype bytes;
        BounceReader::Job job;
    };

    // Hands over the results that are next in order; the lock is released around the sink.
    bool deliverReady(std::unique_lock<std::mutex> &lock)
    {
        bool delivered = false;
        auto it = m_results.find(m_delivered);
        while (it != m_results.end()) {
            BounceMessage message = std::move(it->second.first);
            m_bytesInFlight -= it->second.second;
            m_results.erase(it);
            ++m_delivered;
            delivered = true;
            lock.unlock();
            m_sink(std::move(message));
            lock.lock();
            it = m_results.find(m_delivered);
        }
        return delivered;
    }

    void work()
    {
        std::unique_lock lock(m_mutex);
        while (true) {
            m_jobReady.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return;
            Pending pending = std::move(m_jobs.front());
            m_jobs.pop_front();
            lock.unlock();
            BounceMessage message = pending.job();
            pending.job = nullptr; // frees the input before waiting for its turn
            lock.lock();
            m_results.emplace(pending.sequence, std::pair(std::move(message), pending.bytes));
            if (pending.sequence == m_delivered)
                m_resultReady.notify_all();
        }
    }

    const BounceReader::MessageSink &m_sink;
    const qsizetype m_maxInFlight;
    std::mutex m_mutex;
    std::condition_variable m_jobReady;
    std::condition_variable m_resultReady;
    std::deque<Pending> m_jobs;
    std::map<qsizetype, std::pair<BounceMessage, qsizetype>> m_results;
    std::vector<std::thread> m_workers;
    qsizetype m_submitted = 0;
    qsizetype m_delivered = 0;
    qsizetype m_bytesInFlight = 0;
    bool m_stopping = false;
};

} // namespace

BounceReader::BounceReader(ReaderLimits limits)
    : m_limits(limits)
{}

BounceMessage BounceReader::readMessage(const QByteArray &bytes, const QString &source,
                                        int index) const
{
    if (bytes.size() > m_limits.maxMessageBytes)
        return errorMessage(source, index,
                            BounceReaderTr::tr("message is larger than the limit of %1 bytes")
                                .arg(m_limits.maxMessageBytes));
    if (QByteArrayView(bytes).trimmed().isEmpty())
        return errorMessage(source, index, BounceReaderTr::tr("the message is empty"));
    QByteArray normalised = Mime::normaliseLineEndings(bytes);
    // Mail may not contain NUL (RFC 5322), and C strings in GMime would cut the text at one.
    if (normalised.contains('\0'))
        normalised.replace('\0', ' ');
    if (const QString problem = structureProblem(normalised); !problem.isEmpty())
        return errorMessage(source, index, problem);
    ParsedMessage parsed;
    QString error;
    if (!Mime::parse(normalised, m_limits, parsed, error))
        return errorMessage(source, index, error);
    return diagnose(parsed, m_limits, source, index);
}

BounceMessage BounceReader::readPastedText(const QString &text) const
{
    QString normalised = text;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (QStringView(normalised).trimmed().isEmpty())
        return errorMessage({}, 0, BounceReaderTr::tr("nothing was pasted"));
    if (looksLikeHeaders(normalised)) {
        BounceMessage message = readMessage(normalised.trimmed().toUtf8() + '\n');
        if (message.kind == BounceMessage::Kind::Bounce)
            return message;
    }
    ParsedMessage parsed;
    parsed.pasted = true;
    parsed.bodyText = normalised;
    return diagnose(parsed, m_limits, {}, 0);
}

struct BounceReader::Batch
{
    qint64 messages = 0;
    bool stopped = false;
};

// Cheap checks before GMime sees the bytes, for shapes no bounce has and that would cost a MIME
// parser time or memory out of proportion: huge header lines, countless fields or multiparts.
QString BounceReader::structureProblem(const QByteArray &bytes) const
{
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype headerEnd = Mime::emptyLine(bytes);
    if (headerEnd < 0)
        headerEnd = size;
    // A limit the message is too small to exceed is not checked (most bounces are a few KB):
    // a field takes at least two bytes and a line no more than the header section.
    const bool headerFits =
        headerEnd <= m_limits.maxHeaderLineBytes && (headerEnd + 1) / 2 <= m_limits.maxHeaderFields;
    int fields = 0;
    for (qsizetype at = 0; at < headerEnd && !headerFits;) {
        qsizetype end = Mime::indexOfByte(bytes, '\n', at);
        if (end < 0 || end > headerEnd)
            end = headerEnd;
        if (end - at > m_limits.maxHeaderLineBytes)
            return BounceReaderTr::tr("a header line is longer than the limit of %1 bytes")
                .arg(m_limits.maxHeaderLineBytes);
        if (end > at && data[at] != ' ' && data[at] != '\t')
            ++fields;
        at = end + 1;
    }
    if (fields > m_limits.maxHeaderFields)
        return BounceReaderTr::tr("the message has more than %1 header fields")
            .arg(m_limits.maxHeaderFields);
    // Each multipart declares a boundary; GMime's work grows with how many are open at once.
    // Each declaration counted takes its own nine bytes ("boundary=").
    if (size / 9 <= m_limits.maxMimeMultiparts)
        return {};
    int boundaries = 0;
    for (qsizetype at = Mime::indexOfByte(bytes, '=', 8); at >= 0;
         at = Mime::indexOfByte(bytes, '=', at + 1)) {
        // Quoted-printable text has an '=' on every line: look closer only after a 'y'.
        const char before = data[at - 1];
        if ((before == 'y' || before == 'Y') && qstrnicmp(data + at - 8, "boundary", 8) == 0 &&
            ++boundaries > m_limits.maxMimeMultiparts)
            return BounceReaderTr::tr("the message declares more than %1 MIME multiparts")
                .arg(m_limits.maxMimeMultiparts);
    }
    return {};
}

void BounceReader::readPathJobs(const QString &path, const JobSink &outerSubmit, Batch &batch) const
{
    // Every message counts towards the batch, in input order; past the limit one error says so.
    const JobSink submit = [&](Job &&job, qsizetype bytes) {
        if (batch.stopped)
            return;
        if (batch.messages >= m_limits.maxBatchMessages) {
            batch.stopped = true;
            submitError(outerSubmit,
                        errorMessage(path, 0,
                                     BounceReaderTr::tr("stopped after %1 messages, the limit for "
                                                        "one batch: %2 and what follows it were "
                                                        "not read")
                                         .arg(m_limits.maxBatchMessages)
                                         .arg(path)));
            return;
        }
        ++batch.messages;
        outerSubmit(std::move(job), bytes);
    };
    if (path == QLatin1String("-")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            submitError(
                submit,
                errorMessage(
                    path, 0,
                    BounceReaderTr::tr("cannot read standard input: %1").arg(input.errorString())));
            return;
        }
        if (input.peek(5) == "From ") {
            if (crOnlyLines(input)) {
                QByteArray lines = Mime::normaliseLineEndings(input.readAll());
                QBuffer buffer(&lines);
                buffer.open(QIODevice::ReadOnly);
                MboxSplitter(*this, m_limits, path, submit, batch.stopped).read(buffer);
                return;
            }
            MboxSplitter(*this, m_limits, path, submit, batch.stopped).read(input);
            return;
        }
        QByteArray bytes;
        while (!input.atEnd()) {
            bytes += input.read(1 << 16);
            if (bytes.size() > m_limits.maxMessageBytes) {
                submitError(submit, errorMessage(path, 0,
                                                 BounceReaderTr::tr(
                                                     "message is larger than the limit of %1 bytes")
                                                     .arg(m_limits.maxMessageBytes)));
                return;
            }
        }
        const qsizetype size = bytes.size();
        submit([this, bytes = std::move(bytes), path] { return readSingle(bytes, path); }, size);
        return;
    }
    const QFileInfo info(path);
    if (info.isDir()) {
        const QDir dir(path);
        QStringList files;
        const bool maildir = dir.exists(QStringLiteral("cur")) || dir.exists(QStringLiteral("new"));
        if (maildir) {
            for (const QString &sub : {QStringLiteral("cur"), QStringLiteral("new")}) {
                const QDir subdir(dir.filePath(sub));
                const QStringList names = subdir.entryList(QDir::Files, QDir::Name);
                for (const QString &name : names)
                    files.append(subdir.filePath(name));
            }
        } else {
            const QStringList names = dir.entryList(QDir::Files, QDir::Name);
            for (const QString &name : names)
                files.append(dir.filePath(name));
        }
        for (const QString &file : std::as_const(files)) {
            if (batch.stopped)
                break;
            readPathJobs(file, outerSubmit, batch);
        }
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString reason =
            info.exists() ? file.errorString() : BounceReaderTr::tr("No such file or directory");
        submitError(
            submit,
            errorMessage(path, 0, BounceReaderTr::tr("cannot open %1: %2").arg(path, reason)));
        return;
    }
    if (file.peek(5) == "From ") {
        if (crOnlyLines(file)) {
            QByteArray lines = Mime::normaliseLineEndings(file.readAll());
            QBuffer buffer(&lines);
            buffer.open(QIODevice::ReadOnly);
            MboxSplitter(*this, m_limits, path, submit, batch.stopped).read(buffer);
            return;
        }
        MboxSplitter(*this, m_limits, path, submit, batch.stopped).read(file);
        return;
    }
    if (file.size() > m_limits.maxMessageBytes) {
        submitError(submit,
                    errorMessage(path, 0,
                                 BounceReaderTr::tr(
                                     "%1 is larger than the limit of %2 bytes for one message")
                                     .arg(path)
                                     .arg(m_limits.maxMessageBytes)));
        return;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        submitError(
            submit,
            errorMessage(path, 0,
                         BounceReaderTr::tr("cannot read %1: %2").arg(path, file.errorString())));
        return;
    }
    const qsizetype size = bytes.size();
    submit([this, bytes = std::move(bytes), path] { return readSingle(bytes, path); }, size);
}

void BounceReader::readPath(const QString &path, const MessageSink &sink) const
{
    Batch batch;
    readPathJobs(
        path, [&sink](Job &&job, qsizetype) { sink(job()); }, batch);
}

void BounceReader::readPaths(const QStringList &paths, const MessageSink &sink, int threads) const
{
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    Batch batch;
    if (threads == 1) {
        for (const QString &path : paths) {
            if (batch.stopped)
                break;
            readPathJobs(
                path, [&sink](Job &&job, qsizetype) { sink(job()); }, batch);
        }
        return;
    }
    OrderedPool pool(sink, threads);
    const JobSink submit = [&pool](Job &&job, qsizetype bytes) {
        pool.submit(std::move(job), bytes);
    };
    for (const QString &path : paths) {
        if (batch.stopped)
            break;
        readPathJobs(path, submit, batch);
    }
    pool.finish();
}

BounceMessage BounceReader::readSingle(const QByteArray &bytes, const QString &source) const
{
    // A saved message starts with header fields; anything else is text someone pasted into a
    // file or piped in (an NDR body, or only the server's reply line).
    if (startsWithHeaderField(bytes) || QByteArrayView(bytes).trimmed().isEmpty())
        return readMessage(bytes, source, 0);
    if (bytes.size() > m_limits.maxMessageBytes)
        return readMessage(bytes, source, 0); // gives the size error
    BounceMessage message = readPastedText(QString::fromUtf8(bytes));
    message.source = source;
    message.index = 0;
    return message;
}

} // namespace BounceDoctor
