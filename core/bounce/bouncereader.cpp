#include "bouncereader.h"

#include "authresultsparser.h"
#include "bounceformat.h"
#include "classifier.h"
#include "mimeparser.h"
#include "textscan.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

Q_LOGGING_CATEGORY(lcReader, "bouncedoctor.bounce.reader", QtInfoMsg)

namespace BounceDoctor {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BounceReader", text);
}

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
HeaderFields embeddedOriginalHeaders(const QString &body)
{
    static const QRegularExpression start(
        QStringLiteral(
            R"(^(?:Return-Path|Received|From|Message-I[Dd]|Date|To|Subject|DKIM-Signature|X-[\w-]+):[ \t])"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    const QStringView region = FormatHelpers::explanatoryRegion(body);
    qsizetype from = region.size();
    if (from >= body.size())
        return {};
    const auto match = start.match(body, from);
    if (!match.hasMatch())
        return {};
    qsizetype end = body.indexOf(QLatin1String("\n\n"), match.capturedStart());
    if (end < 0)
        end = body.size();
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

BounceMessage diagnose(ParsedMessage &parsed, const ReaderLimits &limits, const QString &source,
                       int index)
{
    BounceMessage message;
    message.source = source;
    message.index = index;
    message.subject = parsed.subject;
    message.from = parsed.from;
    if (!parsed.hasOriginal && parsed.originalHeaders.isEmpty())
        parsed.originalHeaders = embeddedOriginalHeaders(parsed.bodyText);
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
        message.kind = BounceMessage::Kind::NotABounce;
        return message;
    }
    if (message.recipients.size() > limits.maxRecipients) {
        qCWarning(lcReader) << source << index << "lists" << message.recipients.size()
                            << "recipients; keeping the first" << limits.maxRecipients;
        message.recipients.resize(limits.maxRecipients);
    }
    fillOriginal(parsed, message.original);
    FormatHelpers::nameCommands(parsed.bodyText, message.recipients);
    for (RecipientDiagnosis &recipient : message.recipients) {
        if (recipient.sendingIp.isEmpty())
            recipient.sendingIp = message.original.sendingIp;
        Classifier::classify(recipient, message);
    }
    return message;
}

bool looksLikeHeaders(QStringView text)
{
    static const QRegularExpression header(
        QStringLiteral(R"(^(?:Return-Path|Received|From|To|Subject|Date|Message-ID|MIME-Version|)"
                       R"(Delivered-To|Content-Type|X-[\w-]+|Reply-To|Sender|Envelope-to):[ \t])"),
        QRegularExpression::CaseInsensitiveOption);
    return header.match(text.trimmed()).hasMatch() && text.contains(QLatin1String("\n\n"));
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

// Splits an mbox stream into messages as it reads, keeping only one message in memory.
class MboxSplitter final
{
public:
    MboxSplitter(const BounceReader &reader, const ReaderLimits &limits, const QString &source,
                 const BounceReader::MessageSink &sink)
        : m_reader(reader)
        , m_limits(limits)
        , m_source(source)
        , m_sink(sink)
    {}

    void read(QIODevice &device)
    {
        bool previousBlank = true;
        QByteArray line;
        while (true) {
            line = device.readLine();
            if (line.isEmpty())
                break;
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
            m_current += line;
            if (m_current.size() > m_limits.maxMessageBytes) {
                m_tooLarge = true;
                m_current = QByteArray();
            }
        }
        finish();
    }

private:
    void finish()
    {
        if (m_tooLarge) {
            m_sink(errorMessage(m_source, m_index,
                                tr("message %1 is larger than the limit of %2 bytes")
                                    .arg(m_index + 1)
                                    .arg(m_limits.maxMessageBytes)));
            ++m_index;
        } else if (m_started && !m_current.trimmed().isEmpty()) {
            m_sink(m_reader.readMessage(m_current, m_source, m_index));
            ++m_index;
        }
        m_current.clear();
        m_tooLarge = false;
        m_started = false;
    }

    const BounceReader &m_reader;
    const ReaderLimits &m_limits;
    const QString &m_source;
    const BounceReader::MessageSink &m_sink;
    QByteArray m_current;
    int m_index = 0;
    bool m_started = false;
    bool m_tooLarge = false;
};

} // namespace

BounceReader::BounceReader(ReaderLimits limits)
    : m_limits(limits)
{}

BounceMessage BounceReader::readMessage(const QByteArray &bytes, const QString &source,
                                        int index) const
{
    if (bytes.size() > m_limits.maxMessageBytes)
        return errorMessage(
            source, index,
            tr("message is larger than the limit of %1 bytes").arg(m_limits.maxMessageBytes));
    if (bytes.trimmed().isEmpty())
        return errorMessage(source, index, tr("the message is empty"));
    const QByteArray normalised = Mime::normaliseLineEndings(bytes);
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
    if (normalised.trimmed().isEmpty())
        return errorMessage({}, 0, tr("nothing was pasted"));
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

void BounceReader::readPath(const QString &path, const MessageSink &sink) const
{
    if (path == QLatin1String("-")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            sink(errorMessage(path, 0,
                              tr("cannot read standard input: %1").arg(input.errorString())));
            return;
        }
        if (input.peek(5) == "From ") {
            MboxSplitter(*this, m_limits, path, sink).read(input);
            return;
        }
        QByteArray bytes;
        while (!input.atEnd()) {
            bytes += input.read(1 << 16);
            if (bytes.size() > m_limits.maxMessageBytes) {
                sink(errorMessage(path, 0,
                                  tr("message is larger than the limit of %1 bytes")
                                      .arg(m_limits.maxMessageBytes)));
                return;
            }
        }
        sink(readSingle(bytes, path));
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
        for (const QString &file : std::as_const(files))
            readPath(file, sink);
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString reason = info.exists() ? file.errorString() : tr("No such file or directory");
        sink(errorMessage(path, 0, tr("cannot open %1: %2").arg(path, reason)));
        return;
    }
    if (file.peek(5) == "From ") {
        MboxSplitter(*this, m_limits, path, sink).read(file);
        return;
    }
    if (file.size() > m_limits.maxMessageBytes) {
        sink(errorMessage(path, 0,
                          tr("%1 is larger than the limit of %2 bytes for one message")
                              .arg(path)
                              .arg(m_limits.maxMessageBytes)));
        return;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        sink(errorMessage(path, 0, tr("cannot read %1: %2").arg(path, file.errorString())));
        return;
    }
    sink(readSingle(bytes, path));
}

BounceMessage BounceReader::readSingle(const QByteArray &bytes, const QString &source) const
{
    // A saved message starts with header fields; anything else is text someone pasted into a
    // file or piped in (an NDR body, or only the server's reply line).
    if (startsWithHeaderField(bytes) || bytes.trimmed().isEmpty())
        return readMessage(bytes, source, 0);
    if (bytes.size() > m_limits.maxMessageBytes)
        return readMessage(bytes, source, 0); // gives the size error
    BounceMessage message = readPastedText(QString::fromUtf8(bytes));
    message.source = source;
    message.index = 0;
    return message;
}

} // namespace BounceDoctor
