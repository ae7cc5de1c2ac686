#include "bouncereader.h"

#include "authresults.h"
#include "classifier.h"
#include "formats/formatunit.h"
#include "formats/recipientbuilder.h"
#include "formats/textblocks.h"
#include "mboxsplitter.h"
#include "mimeparser.h"
#include "originalmessage.h"
#include "smtptext.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QRegularExpression>

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

bool looksLikeHeaders(const QByteArray &bytes)
{
    static const QRegularExpression header(QStringLiteral("^(?:From |[A-Za-z][A-Za-z0-9-]*:)"));
    const QString head = QString::fromLatin1(bytes.left(200));
    if (!header.match(head).hasMatch())
        return false;
    static const QRegularExpression known(
        QStringLiteral("^(?:received|from|to|subject|date|return-path|message-id|mime-version|"
                       "content-type|delivered-to|x-[a-z0-9-]+|reply-to|sender|"
                       "authentication-results|dkim-signature):"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    return known.match(QString::fromLatin1(bytes.left(4000))).hasMatch();
}

} // namespace

BounceReader::BounceReader(ReaderLimits limits)
    : m_limits(limits)
{}

static BounceMessage diagnoseContent(const MimeContent &content, const QString &source, int index,
                                     const ReaderLimits &limits, int forwardDepth = 0)
{
    BounceMessage message;
    message.source = source;
    message.index = index;
    message.subject = headerValue(content.headers, "subject");
    message.from = headerValue(content.headers, "from");
    fillOriginalMessage(content.originalHeaders, message.original);

    qCDebug(lcReader) << "message" << index << content.mimeType << "dsn parts"
                      << content.deliveryStatus.size() << "text" << content.bodyText.size()
                      << "original" << content.hasOriginal;
    for (const FormatUnit *unit : formatUnits()) {
        if (unit->parse(content, message)) {
            message.format = QString::fromLatin1(unit->name());
            break;
        }
        message.recipients.clear();
    }
    if (message.recipients.isEmpty()) {
        // Some servers forward the real bounce as an attachment.
        if (!content.attachedMessage.isEmpty() && forwardDepth < 2) {
            BounceMessage inner =
                diagnoseContent(MimeParser::parse(content.attachedMessage, limits.maxMimeDepth),
                                source, index, limits, forwardDepth + 1);
            if (inner.kind == BounceMessage::Kind::Bounce)
                return inner;
        }
        message.kind = BounceMessage::Kind::NotABounce;
        return message;
    }
    if (message.recipients.size() > limits.maxRecipients) {
        return errorMessage(source, index,
                            tr("the message names %1 recipients, more than the limit of %2")
                                .arg(message.recipients.size())
                                .arg(limits.maxRecipients));
    }
    for (RecipientDiagnosis &recipient : message.recipients) {
        if (recipient.sendingIp.isEmpty())
            recipient.sendingIp = message.original.sendingIp;
        Classifier::classify(recipient, message);
    }
    return message;
}

BounceMessage BounceReader::readMessage(const QByteArray &bytes, const QString &source,
                                        int index) const
{
    if (bytes.size() > m_limits.maxMessageBytes) {
        return errorMessage(source, index,
                            tr("the message is %1 MB, larger than the limit of %2 MB")
                                .arg(bytes.size() / (1024 * 1024))
                                .arg(m_limits.maxMessageBytes / (1024 * 1024)));
    }
    if (!looksLikeHeaders(bytes)) {
        BounceMessage message = readPastedText(QString::fromUtf8(bytes));
        message.source = source;
        message.index = index;
        return message;
    }
    return diagnoseContent(MimeParser::parse(bytes, m_limits.maxMimeDepth), source, index,
                           m_limits);
}

BounceMessage BounceReader::readPastedText(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        BounceMessage message;
        message.kind = BounceMessage::Kind::NotABounce;
        return message;
    }
    const QByteArray bytes = trimmed.toUtf8();
    if (looksLikeHeaders(bytes))
        return diagnoseContent(MimeParser::parse(bytes, m_limits.maxMimeDepth), {}, 0, m_limits);

    // A mail client's reading pane, or only the server's reply.
    MimeContent content;
    content.bodyText = trimmed;
    content.bodyText.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    BounceMessage message = diagnoseContent(content, {}, 0, m_limits);
    if (message.kind != BounceMessage::Kind::NotABounce)
        return message;

    // "jsmith@example.com: 550 5.1.1 ... User unknown" or just "550 5.7.1 ...".
    const QString reply = SmtpText::collapseWhitespace(trimmed);
    if (SmtpText::findReplyCode(reply).isEmpty() && SmtpText::findStatusCode(reply).isEmpty())
        return message;
    message = {};
    RecipientDiagnosis r;
    static const QRegularExpression leadingAddress(
        QStringLiteral("^<?([^\\s<>:]+@[^\\s<>:]+?)>?\\s*:\\s*(.*)$"));
    const QRegularExpressionMatch m = leadingAddress.match(reply);
    if (m.hasMatch()) {
        r.recipient = m.captured(1);
        r.diagnostic = m.captured(2);
    } else {
        r.recipient = TextBlocks::bareAddress(reply);
        r.diagnostic = reply;
    }
    r.action = QStringLiteral("failed");
    fillFromDiagnostic(r);
    if (r.replyCode.startsWith(QLatin1Char('4')) || r.status.startsWith(QLatin1Char('4')))
        r.action = QStringLiteral("delayed");
    message.format = QStringLiteral("reply");
    message.recipients.append(r);
    Classifier::classify(message.recipients.first(), message);
    return message;
}

void BounceReader::readMbox(QIODevice &device, const QString &path, const MessageSink &sink) const
{
    MboxSplitter::split(
        device, m_limits.maxMessageBytes, [&](QByteArray &&bytes, int index, bool oversized) {
            if (oversized) {
                sink(errorMessage(path, index,
                                  tr("message %1 is larger than the limit of %2 MB")
                                      .arg(index)
                                      .arg(m_limits.maxMessageBytes / (1024 * 1024))));
                return;
            }
            sink(readMessage(bytes, path, index));
        });
}

void BounceReader::readPath(const QString &path, const MessageSink &sink) const
{
    if (path == QLatin1String("-")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            sink(errorMessage(path, 0, tr("cannot read standard input")));
            return;
        }
        const QByteArray bytes = input.read(m_limits.maxMessageBytes + 1);
        if (bytes.startsWith("From ")) {
            QByteArray copy = bytes;
            QBuffer buffer(&copy);
            buffer.open(QIODevice::ReadOnly);
            readMbox(buffer, path, sink);
            return;
        }
        sink(readMessage(bytes, path, 0));
        return;
    }

    const QFileInfo info(path);
    if (!info.exists()) {
        sink(errorMessage(path, 0, tr("cannot open %1: no such file or folder").arg(path)));
        return;
    }
    if (info.isDir()) {
        const QDir dir(path);
        QStringList files;
        const bool maildir = dir.exists(QStringLiteral("cur")) || dir.exists(QStringLiteral("new"));
        const QStringList folders = maildir
                                        ? QStringList{QStringLiteral("cur"), QStringLiteral("new")}
                                        : QStringList{QStringLiteral(".")};
        for (const QString &folder : folders) {
            const QDir sub(dir.filePath(folder));
            const QFileInfoList entries =
                sub.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
            for (const QFileInfo &entry : entries)
                files.append(entry.filePath());
        }
        for (const QString &file : files)
            readPath(file, sink);
        return;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        sink(errorMessage(path, 0, tr("cannot open %1: %2").arg(path, file.errorString())));
        return;
    }
    if (file.peek(5) == "From ") {
        readMbox(file, path, sink);
        return;
    }
    if (file.size() > m_limits.maxMessageBytes) {
        sink(errorMessage(path, 0,
                          tr("%1 is %2 MB, larger than the limit of %3 MB for one message")
                              .arg(path)
                              .arg(file.size() / (1024 * 1024))
                              .arg(m_limits.maxMessageBytes / (1024 * 1024))));
        return;
    }
    sink(readMessage(file.readAll(), path, 0));
}

} // namespace BounceDoctor
