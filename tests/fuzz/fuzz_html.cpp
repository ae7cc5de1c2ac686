// HTML-only bounces: the HTML-to-text conversion alone, then a whole notice whose only text is
// that HTML, as webmail and Exchange send it.
#include "bounce/bouncereader.h"
#include "bounce/textscan.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const BounceDoctor::BounceReader reader;
    const QByteArray html(reinterpret_cast<const char *>(data), qsizetype(size));
    BounceDoctor::TextScan::htmlToText(QString::fromUtf8(html));
    reader.readMessage("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
                       "Subject: Undeliverable: hello\n"
                       "MIME-Version: 1.0\n"
                       "Content-Type: text/html; charset=utf-8\n\n" +
                       html);
    return 0;
}
