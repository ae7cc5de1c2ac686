#include "bouncereader.h"

#include "authresultsparser.h"
#include "bounce/filename.h"
#include "bounceformat.h"
#include "classifier.h"
#include "common/pattern.h"
#include "mimeparser.h"
#include "textscan.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QStringDecoder>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>

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
            return trimmed.mid(trimmed.indexOf(QLatin1Char('=')) + 1).toString().simplified();
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
            original.from = field.value();
        else if (name == "to" && original.to.isEmpty())
            original.to = field.value();
        else if (name == "subject" && original.subject.isEmpty())
            original.subject = field.value();
        else if (name == "message-id" && original.messageId.isEmpty())
            original.messageId = field.value();
        else if (name == "date" && original.date.isEmpty())
            original.date = field.value();
        else if (name == "received" && original.sendingIp.isEmpty())
            original.sendingIp = TextScan::receivedFromIp(field.value());
        else if (name == "dkim-signature" && original.dkimDomain.isEmpty()) {
            original.dkimDomain = tagValue(field.value(), QLatin1String("d"));
            original.dkimSelector = tagValue(field.value(), QLatin1String("s"));
        } else if (name == "authentication-results")
            original.authenticationResults += AuthResultsParser::results(field.value());
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
    r.diagnostic = FormatHelpers::explanatoryRegion(parsed).toString().simplified();
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
    parsed.maxRecipients = limits.maxRecipients;
    for (const auto &format : bounceFormats()) {
        if (!format->matches(parsed))
            continue;
        parsed.recipientsLeftOut = 0; // counted by the format whose recipients are kept
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
    if (saidNothing && parsed.forwarded) {
        // The notice only wraps the real bounce (forwarded, or a gateway re-wrapping it).
        BounceMessage unwrapped = diagnose(*parsed.forwarded, limits, source, index);
        if (unwrapped.kind == BounceMessage::Kind::Bounce)
            return unwrapped;
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
    if (const qsizetype found = message.recipients.size() + parsed.recipientsLeftOut;
        found > limits.maxRecipients) {
        message.notice = BounceReaderTr::tr("only the first %1 of its %2 recipients were read "
                                            "(the limit for one message)")
                             .arg(limits.maxRecipients)
                             .arg(found);
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

// A file saved as UTF-16 (as some Windows tools do) starts with a byte order mark: read as the
// UTF-8 text it holds. Other input is returned as it is.
QByteArray fromUtf16(const QByteArray &bytes)
{
    if (!bytes.startsWith("\xff\xfe") && !bytes.startsWith("\xfe\xff"))
        return bytes;
    return QString(QStringDecoder(QStringDecoder::Utf16).decode(bytes)).toUtf8();
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

// Runs jobs on a thread pool and hands their results to the sink in submission order, on the
// thread that submits. Submitting waits while too much is in flight, so a huge mbox streams.
class OrderedDelivery final
{
public:
    OrderedDelivery(const BounceReader::MessageSink &sink, int threads)
        : m_sink(sink)
        , m_maxInFlight(qsizetype(threads) * 4)
    {
        m_pool.setMaxThreadCount(threads);
    }

    void submit(BounceReader::Job &&job, qsizetype bytes)
    {
        // Bounded by count and by bytes (one large message may always be in flight).
        while (!m_pending.empty() && (qsizetype(m_pending.size()) >= m_maxInFlight ||
                                      m_bytesInFlight >= maxBytesInFlight))
            deliverNext();
        m_pending.push_back({QtConcurrent::run(&m_pool, std::move(job)), bytes});
        m_bytesInFlight += bytes;
        while (!m_pending.empty() && m_pending.front().result.isFinished())
            deliverNext();
    }

    void finish()
    {
        while (!m_pending.empty())
            deliverNext();
    }

private:
    static constexpr qsizetype maxBytesInFlight = 64 * 1024 * 1024;

    struct Pending
    {
        QFuture<BounceMessage> result;
        qsizetype bytes;
    };

    // Waits for the oldest job and hands its message over.
    void deliverNext()
    {
        Pending next = std::move(m_pending.front());
        m_pending.pop_front();
        m_bytesInFlight -= next.bytes;
        m_sink(next.result.takeResult());
    }

    const BounceReader::MessageSink &m_sink;
    const qsizetype m_maxInFlight;
    QThreadPool m_pool;
    std::deque<Pending> m_pending;
    qsizetype m_bytesInFlight = 0;
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
    QByteArray normalised = Mime::normaliseLineEndings(fromUtf16(bytes));
    // Mail may not contain NUL (RFC 5322), and GMime's header fields, C strings, would end at
    // one. In a body it may be UTF-16 text, which the MIME layer decodes.
    const qsizetype headerEnd = normalised.contains('\0') ? Mime::emptyLine(normalised) : -1;
    for (qsizetype at = normalised.indexOf('\0'); at >= 0 && (headerEnd < 0 || at < headerEnd);
         at = normalised.indexOf('\0', at + 1))
        normalised[at] = ' ';
    ParsedMessage parsed;
    QString error;
    if (!Mime::parse(normalised, m_limits, parsed, error))
        return errorMessage(source, index, error);
    return diagnose(parsed, m_limits, source, index);
}

BounceMessage BounceReader::readPastedText(const QString &text) const
{
    QString normalised = Mime::withoutLoneSurrogates(text);
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

namespace {

// Why a path could not be looked at, in plain words.
QString statProblem(const QByteArray &native, int error)
{
    if (error == ENOENT) {
        struct stat link = {};
        if (::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode))
            return BounceReaderTr::tr("it is a symbolic link to something that does not exist");
        return BounceReaderTr::tr("No such file or directory");
    }
    if (error == ELOOP)
        return BounceReaderTr::tr("it is a loop of symbolic links");
    return QString::fromLocal8Bit(std::strerror(error));
}

// The error for a path that is neither a regular file nor a folder, naming what it is.
QString notAFile(const QString &shown, mode_t mode)
{
    const QString kind = S_ISCHR(mode)    ? BounceReaderTr::tr("a character device")
                         : S_ISBLK(mode)  ? BounceReaderTr::tr("a block device")
                         : S_ISFIFO(mode) ? BounceReaderTr::tr("a named pipe (FIFO)")
                         : S_ISSOCK(mode) ? BounceReaderTr::tr("a socket")
                                          : BounceReaderTr::tr("not a regular file");
    return BounceReaderTr::tr("cannot read %1: it is %2; only files, folders and Maildirs are "
                              "read")
        .arg(shown, kind);
}

// The entries of one folder that are not hidden and not folders, as paths that keep their
// bytes, in name order. Devices, pipes and broken links are listed too: reading them says
// what they are, rather than leaving them out without a word.
QStringList folderEntries(const QString &folder, QString &error)
{
    QByteArray native = FileName::toNative(folder);
    if (!native.endsWith('/'))
        native += '/';
    DIR *dir = ::opendir(native.constData());
    if (!dir) {
        error = BounceReaderTr::tr("cannot read the folder %1: %2")
                    .arg(FileName::display(folder), QString::fromLocal8Bit(std::strerror(errno)));
        return {};
    }
    QStringList paths;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray path = native + entry->d_name;
        struct stat status = {};
        if (entry->d_name[0] == '.' ||
            (::stat(path.constData(), &status) == 0 && S_ISDIR(status.st_mode)))
            continue;
        paths.append(FileName::fromNative(path));
    }
    ::closedir(dir);
    paths.sort();
    return paths;
}

// The files to read in a folder: a Maildir's cur and new, else the folder's own.
QStringList messageFiles(const QString &folder, QString &error)
{
    const QByteArray native = FileName::toNative(folder);
    struct stat status = {};
    const bool maildir = ::stat(QByteArray(native + "/cur").constData(), &status) == 0 ||
                         ::stat(QByteArray(native + "/new").constData(), &status) == 0;
    if (!maildir)
        return folderEntries(folder, error);
    const QString base = folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/');
    QStringList files;
    for (const char *sub : {"cur", "new"}) {
        const QString subfolder = base + QLatin1String(sub);
        if (::stat(FileName::toNative(subfolder).constData(), &status) == 0 &&
            S_ISDIR(status.st_mode))
            files += folderEntries(subfolder, error);
    }
    return files;
}

} // namespace

void BounceReader::readPathJobs(const QString &path, const JobSink &outerSubmit, Batch &batch) const
{
    // Every message counts towards the batch, in input order; past the limit one error says so.
    const JobSink submit = [&](Job &&job, qsizetype bytes) {
        if (batch.stopped)
            return;
        if (batch.messages >= m_limits.maxBatchMessages) {
            batch.stopped = true;
            const QString shown = FileName::display(path);
            submitError(outerSubmit,
                        errorMessage(shown, 0,
                                     BounceReaderTr::tr("stopped after %1 messages, the limit for "
                                                        "one batch: %2 and what follows it were "
                                                        "not read")
                                         .arg(m_limits.maxBatchMessages)
                                         .arg(shown)));
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
    // Paths are read through their bytes (FileName), so a name that is not UTF-8 is read too,
    // and shown with those bytes as \xHH.
    const QByteArray native = FileName::toNative(path);
    const QString shown = FileName::display(path);
    auto refuse = [&](const QString &error) { submitError(submit, errorMessage(shown, 0, error)); };
    struct stat status = {};
    if (::stat(native.constData(), &status) != 0) {
        refuse(BounceReaderTr::tr("cannot open %1: %2").arg(shown, statProblem(native, errno)));
        return;
    }
    if (S_ISDIR(status.st_mode)) {
        QString error;
        const QStringList files = messageFiles(path, error);
        if (!error.isEmpty())
            refuse(error);
        for (const QString &file : files) {
            if (batch.stopped)
                break;
            readPathJobs(file, outerSubmit, batch);
        }
        return;
    }
    // Only regular files: a device reads without end (/dev/zero), a FIFO waits for a writer.
    if (!S_ISREG(status.st_mode)) {
        refuse(notAFile(shown, status.st_mode));
        return;
    }
    // Opened without waiting and looked at again: what is there now is what gets read.
    const int descriptor = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0) {
        refuse(BounceReaderTr::tr("cannot open %1: %2")
                   .arg(shown, QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    QFile file;
    if (::fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode) ||
        !file.open(descriptor, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(descriptor);
        refuse(notAFile(shown, status.st_mode));
        return;
    }
    if (file.peek(5) == "From ") {
        if (crOnlyLines(file)) {
            QByteArray lines = Mime::normaliseLineEndings(file.readAll());
            QBuffer buffer(&lines);
            buffer.open(QIODevice::ReadOnly);
            MboxSplitter(*this, m_limits, shown, submit, batch.stopped).read(buffer);
            return;
        }
        MboxSplitter(*this, m_limits, shown, submit, batch.stopped).read(file);
        return;
    }
    const QString tooLarge =
        BounceReaderTr::tr("%1 is larger than the limit of %2 bytes for one message")
            .arg(shown)
            .arg(m_limits.maxMessageBytes);
    if (file.size() > m_limits.maxMessageBytes) {
        refuse(tooLarge);
        return;
    }
    // Read in pieces up to the limit, not by the size: a file whose size reads as 0 (such as
    // those in /proc) can still be long.
    QByteArray bytes;
    while (!file.atEnd() && file.error() == QFileDevice::NoError) {
        const QByteArray piece = file.read(1 << 16);
        if (piece.isEmpty())
            break;
        bytes += piece;
        if (bytes.size() > m_limits.maxMessageBytes) {
            refuse(tooLarge);
            return;
        }
    }
    if (file.error() != QFileDevice::NoError) {
        refuse(BounceReaderTr::tr("cannot read %1: %2").arg(shown, file.errorString()));
        return;
    }
    const qsizetype size = bytes.size();
    submit([this, bytes = std::move(bytes), shown] { return readSingle(bytes, shown); }, size);
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
    OrderedDelivery delivery(sink, threads);
    const JobSink submit = [&delivery](Job &&job, qsizetype bytes) {
        delivery.submit(std::move(job), bytes);
    };
    for (const QString &path : paths) {
        if (batch.stopped)
            break;
        readPathJobs(path, submit, batch);
    }
    delivery.finish();
}

BounceMessage BounceReader::readSingle(const QByteArray &bytes, const QString &source) const
{
    // A saved message starts with header fields; anything else is text someone pasted into a
    // file or piped in (an NDR body, or only the server's reply line).
    const QByteArray text = fromUtf16(bytes);
    if (startsWithHeaderField(text) || QByteArrayView(text).trimmed().isEmpty())
        return readMessage(text, source, 0);
    if (bytes.size() > m_limits.maxMessageBytes)
        return readMessage(bytes, source, 0); // gives the size error
    BounceMessage message = readPastedText(QString::fromUtf8(text));
    message.source = source;
    message.index = 0;
    return message;
}

} // namespace BounceDoctor
