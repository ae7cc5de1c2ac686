#include "fakednsserver.h"

#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTcpSocket>

namespace BounceDoctor::Test {
namespace {

constexpr quint16 typeTxt = 16;

void appendUint16(QByteArray &out, quint16 value)
{
    out.append(char(value >> 8));
    out.append(char(value & 0xff));
}

QByteArray encodeName(const QByteArray &name)
{
    QByteArray out;
    for (const QByteArray &label : name.split('.')) {
        if (label.isEmpty())
            continue;
        out.append(char(label.size()));
        out.append(label);
    }
    out.append('\0');
    return out;
}

// The question's name (dotted) and where the question section ends; empty when malformed.
QByteArray questionName(const QByteArray &query, qsizetype *end)
{
    QByteArray name;
    qsizetype at = 12;
    while (at < query.size()) {
        const int length = quint8(query[at]);
        if (length == 0) {
            *end = at + 1 + 4; // zero byte, QTYPE, QCLASS
            return *end <= query.size() ? name : QByteArray();
        }
        if (length > 63 || at + 1 + length > query.size())
            return {};
        if (!name.isEmpty())
            name.append('.');
        name.append(query.mid(at + 1, length));
        at += 1 + length;
    }
    return {};
}

QByteArray txtRecord(const QByteArray &text)
{
    // Character-strings of at most 255 bytes each.
    QByteArray rdata;
    for (qsizetype at = 0; at < text.size(); at += 255) {
        const QByteArray part = text.mid(at, 255);
        rdata.append(char(part.size()));
        rdata.append(part);
    }
    QByteArray record;
    appendUint16(record, 0xc00c); // the question's name
    appendUint16(record, typeTxt);
    appendUint16(record, 1); // IN
    record.append("\0\0\0\x3c", 4);
    appendUint16(record, quint16(rdata.size()));
    record.append(rdata);
    return record;
}

} // namespace

FakeDnsServer::FakeDnsServer()
{
    m_udp.bind(QHostAddress::LocalHost, 0);
    m_tcp.listen(QHostAddress::LocalHost, m_udp.localPort());
    connect(&m_udp, &QUdpSocket::readyRead, this, &FakeDnsServer::readDatagrams);
    connect(&m_tcp, &QTcpServer::newConnection, this, &FakeDnsServer::acceptConnection);
}

QByteArray FakeDnsServer::respond(const QByteArray &query, bool overTcp)
{
    qsizetype questionEnd = 0;
    const QByteArray name = questionName(query, &questionEnd).toLower();
    if (name.isEmpty())
        return {};
    // The first label that names a behaviour decides, so _dmarc.servfail.test fails too.
    QByteArray behaviour;
    for (const QByteArray &label : name.split('.')) {
        if (label == "servfail" || label == "refused" || label == "truncated" ||
            label == "wrongid" || label == "wrongname" || label == "garbage" || label == "ok") {
            behaviour = label;
            break;
        }
    }
    QByteArray id = query.left(2);
    if (behaviour == "garbage") {
        QByteArray junk = id;
        for (int i = 0; i < 40; ++i)
            junk.append(char(QRandomGenerator::global()->bounded(256)));
        return junk;
    }
    if (behaviour == "wrongid")
        id = QByteArray(1, char(id[0] ^ 0x5a)) + id.mid(1);

    int rcode = 0;
    QList<QByteArray> answers;
    bool truncated = false;
    QByteArray question = query.mid(12, questionEnd - 12);
    if (behaviour == "servfail") {
        rcode = 2;
    } else if (behaviour == "refused") {
        rcode = 5;
    } else if (behaviour == "truncated") {
        if (overTcp)
            answers.append(txtRecord(bigText()));
        else
            truncated = true;
    } else if (behaviour == "wrongname") {
        question = encodeName("other." + name) + question.right(4);
        answers.append(txtRecord("wrong"));
    } else if (behaviour == "ok" || behaviour == "wrongid") {
        answers.append(txtRecord("ok"));
    } else {
        rcode = 3;
    }

    QByteArray reply = id;
    const quint16 flags = 0x8000 /* QR */ | 0x0400 /* AA */ | (truncated ? 0x0200 : 0) |
                          0x0100 /* RD */ | 0x0080 /* RA */ | rcode;
    appendUint16(reply, flags);
    appendUint16(reply, 1);
    appendUint16(reply, quint16(answers.size()));
    appendUint16(reply, 0);
    appendUint16(reply, 0);
    reply.append(question);
    for (const QByteArray &answer : std::as_const(answers))
        reply.append(answer);
    return reply;
}

void FakeDnsServer::readDatagrams()
{
    while (m_udp.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_udp.receiveDatagram();
        ++m_udpQueries;
        const QByteArray reply = respond(datagram.data(), false);
        if (!reply.isEmpty())
            m_udp.writeDatagram(datagram.makeReply(reply));
    }
}

void FakeDnsServer::acceptConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            // TCP messages carry a two-byte length prefix (RFC 1035 4.2.2).
            while (socket->bytesAvailable() >= 2) {
                const QByteArray prefix = socket->peek(2);
                const int length = (quint8(prefix[0]) << 8) | quint8(prefix[1]);
                if (socket->bytesAvailable() < 2 + length)
                    return;
                socket->read(2);
                ++m_tcpQueries;
                const QByteArray reply = respond(socket->read(length), true);
                QByteArray framed;
                appendUint16(framed, quint16(reply.size()));
                socket->write(framed + reply);
            }
        });
    }
}

} // namespace BounceDoctor::Test
