#!/usr/bin/env python3
"""Writes the bounce fixtures under tests/data/bounces/ (run from anywhere; output is committed).

Every message here is invented for Bounce Doctor's tests: names, hosts and wording are ours.
Line endings are LF; the tests derive CRLF and bare-CR variants themselves.
"""
import base64, os, quopri

HERE = os.path.dirname(os.path.abspath(__file__))

def write(rel, text, encoding='utf-8'):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode(encoding) if isinstance(text, str) else text
    with open(path, 'wb') as f:
        f.write(data)

ORIGINAL = """Received: from laptop.office.lan (unknown [10.1.2.3])
\tby smtp.northwind-traders.test (Postfix) with ESMTPSA id 4B2C1
\tfor <{rcpt}>; Tue, 14 May 2024 09:12:01 +0200
Received: from relay.northwind-traders.test (relay.northwind-traders.test [198.51.100.23])
\tby mx.{rdomain} with ESMTPS id 77A0; Tue, 14 May 2024 09:12:02 +0200
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=northwind-traders.test;
\ts=mail2024; h=from:to:subject:date; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;
\tb=dGVzdA==
Authentication-Results: mx.{rdomain};
\tspf=softfail smtp.mailfrom=orders@northwind-traders.test;
\tdkim=pass header.d=northwind-traders.test header.s=mail2024;
\tdmarc=fail (p=quarantine) header.from=northwind-traders.test
From: Order Desk <orders@northwind-traders.test>
To: {rcpt}
Subject: Your quote #5531
Message-ID: <quote-5531@northwind-traders.test>
Date: Tue, 14 May 2024 09:12:00 +0200
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Please find the quote below.
"""

def dsn(rcpts, human, per_message, subject='Undelivered Mail Returned to Sender',
        sender='MAILER-DAEMON@smtp.northwind-traders.test', dsn_type='delivery-status',
        original_type='message/rfc822', rdomain='fabrikam.test'):
    first = rcpts[0] if rcpts else 'someone@' + rdomain
    return f"""Return-Path: <>
Received: by smtp.northwind-traders.test (Postfix) id 1A2B3; Tue, 14 May 2024 09:12:05 +0200
From: Mail Delivery System <{sender}>
To: orders@northwind-traders.test
Subject: {subject}
Date: Tue, 14 May 2024 09:12:05 +0200
Message-Id: <20240514071205.1A2B3@smtp.northwind-traders.test>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="BOUNDARY-1"

This is a MIME-encapsulated message.

--BOUNDARY-1
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

{human}
--BOUNDARY-1
Content-Description: Delivery report
Content-Type: message/{dsn_type}

{per_message}
--BOUNDARY-1
Content-Description: Undelivered Message
Content-Type: {original_type}

{ORIGINAL.format(rcpt=first, rdomain=rdomain)}
--BOUNDARY-1--
"""

# --- RFC 3464 -----------------------------------------------------------------------------
write('rfc3464/two-recipients-folded.eml', dsn(
    ['lena.fischer@fabrikam.test', 'ops@fabrikam.test'],
    """This is the mail system at host smtp.northwind-traders.test.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<lena.fischer@fabrikam.test>: host mx.fabrikam.test[203.0.113.40] said: 550
    5.1.1 <lena.fischer@fabrikam.test>: Recipient address rejected: no such
    mailbox here (in reply to RCPT TO command)

<ops@fabrikam.test>: host mx.fabrikam.test[203.0.113.40] said: 552 5.2.2
    Mailbox quota exceeded for ops (in reply to RCPT TO command)
""",
    """Reporting-MTA: dns; smtp.northwind-traders.test
X-Postfix-Queue-ID: 1A2B3
Arrival-Date: Tue, 14 May 2024 09:12:01 +0200

Final-Recipient: rfc822; lena.fischer@fabrikam.test
Original-Recipient: rfc822;lena.fischer@fabrikam.test
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.fabrikam.test
Diagnostic-Code: smtp; 550 5.1.1 <lena.fischer@fabrikam.test>: Recipient address
    rejected: no such mailbox here

Final-Recipient: rfc822; ops@fabrikam.test
Action: failed
Status: 5.2.2
Remote-MTA: dns; mx.fabrikam.test
Diagnostic-Code: smtp; 552 5.2.2 Mailbox quota exceeded for ops
"""))

write('rfc3464/missing-fields.eml', dsn(
    ['k.tanaka@contoso-mail.test'],
    """Your message could not be delivered.

<k.tanaka@contoso-mail.test>: host mx1.contoso-mail.test[192.0.2.77] said:
    554 5.7.1 Service unavailable; client host [198.51.100.23] blocked
    using bl.blocklist.test (in reply to RCPT TO command)
""",
    """Reporting-MTA: dns; smtp.northwind-traders.test

Final-Recipient: rfc822; k.tanaka@contoso-mail.test
Status: 5.0.0
""", rdomain='contoso-mail.test'))

write('rfc3464/delayed.eml', dsn(
    ['backlog@slowpoke.test'],
    """Delivery to the following recipient has been delayed; we will keep trying.

<backlog@slowpoke.test>: connect to mx.slowpoke.test[192.0.2.9]:25: Connection timed out
""",
    """Reporting-MTA: dns; smtp.northwind-traders.test

Final-Recipient: rfc822; backlog@slowpoke.test
Action: delayed
Status: 4.4.1
Diagnostic-Code: X-Postfix; connect to mx.slowpoke.test[192.0.2.9]:25: Connection
    timed out
Will-Retry-Until: Fri, 17 May 2024 09:12:01 +0200
""", subject='Delayed Mail (still being retried)', rdomain='slowpoke.test'))

write('rfc3464/global-dsn.eml', dsn(
    ['jörg@bücher.test'],
    """Delivery failed for an internationalised address.
""",
    """Reporting-MTA: dns; smtp.northwind-traders.test

Original-Recipient: utf-8; jörg@bücher.test
Final-Recipient: utf-8; jörg@bücher.test
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 Mailbox "jörg" does not exist
""", dsn_type='global-delivery-status', original_type='message/global', rdomain='bücher.test'))

write('rfc3464/headers-only.eml', dsn(
    ['noreply-test@tailspin.test'],
    """The message was rejected by the recipient's server.
""",
    """Reporting-MTA: dns; smtp.northwind-traders.test

Final-Recipient: rfc822; noreply-test@tailspin.test
Action: failed
Status: 5.7.26
Remote-MTA: dns; mx.tailspin.test
Diagnostic-Code: smtp; 550-5.7.26 Unauthenticated email from northwind-traders.test is not
 accepted due to domain's DMARC policy. Please contact the administrator of the
 sending domain.
""", original_type='text/rfc822-headers', rdomain='tailspin.test').replace('\nPlease find the quote below.\n', '\n'))

# --- qmail ---------------------------------------------------------------------------------
QMAIL = """Return-Path: <>
Received: (qmail 4711 invoked for bounce); 3 Jun 2024 18:20:11 -0000
Date: 3 Jun 2024 18:20:11 -0000
From: MAILER-DAEMON@mail.woodgrove.test
To: alerts@woodgrove.test
Subject: failure notice

Hi. This is the qmail-send program at mail.woodgrove.test.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<p.novak@litware.test>:
203.0.113.88 does not like recipient.
Remote host said: 550 5.1.1 The email account that you tried to reach does not exist
Giving up on 203.0.113.88.

<sales@litware.test>:
203.0.113.88 failed after I sent the message.
Remote host said: 552 5.3.4 Message size exceeds fixed limit
Giving up on 203.0.113.88.

--- Below this line is a copy of the message.

Return-Path: <alerts@woodgrove.test>
Received: (qmail 4700 invoked by uid 1001); 3 Jun 2024 18:20:09 -0000
From: alerts@woodgrove.test
To: p.novak@litware.test, sales@litware.test
Subject: Monthly report
Message-ID: <report-2024-06@woodgrove.test>
Date: 3 Jun 2024 18:20:09 -0000

Report attached.
"""
write('qmail/two-recipients.eml', QMAIL)

# --- Exim ----------------------------------------------------------------------------------
write('exim/rejected-after-data.eml', """Return-path: <>
Envelope-to: newsletter@adatum.test
Received: from Debian-exim by mx.adatum.test with local (Exim 4.96)
\tid 1sFz0Q-0003kd-2B; Wed, 05 Jun 2024 11:02:40 +0100
X-Failed-Recipients: m.rossi@proseware.test
Auto-Submitted: auto-replied
From: Mail Delivery System <Mailer-Daemon@mx.adatum.test>
To: newsletter@adatum.test
Subject: Mail delivery failed: returning message to sender
Message-Id: <E1sFz0Q-0003kd-2B@mx.adatum.test>
Date: Wed, 05 Jun 2024 11:02:40 +0100

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  m.rossi@proseware.test
    host mx2.proseware.test [192.0.2.145]
    SMTP error from remote mail server after end of data:
    550 5.7.1 Message rejected: messages from [203.0.113.200] are
    listed at zen.blocklist.test

------ This is a copy of the message, including all the headers. ------

Return-path: <newsletter@adatum.test>
Received: from [203.0.113.200] (helo=app.adatum.test)
\tby mx.adatum.test with esmtpsa (Exim 4.96)
\tid 1sFz0O-0003kZ-1x; Wed, 05 Jun 2024 11:02:38 +0100
From: Adatum News <newsletter@adatum.test>
To: m.rossi@proseware.test
Subject: June offers
Message-Id: <june-offers@adatum.test>
Date: Wed, 05 Jun 2024 11:02:38 +0100

Our June offers.
""")

# --- Sendmail without DSN -------------------------------------------------------------------
write('sendmail/transcript.eml', """Return-Path: <MAILER-DAEMON>
From: Mail Delivery Subsystem <MAILER-DAEMON@gw.fourthcoffee.test>
To: <billing@fourthcoffee.test>
Subject: Returned mail: see transcript for details
Date: Thu, 6 Jun 2024 08:00:10 +0200
Auto-Submitted: auto-generated (failure)

The original message was received at Thu, 6 Jun 2024 08:00:05 +0200
from app.fourthcoffee.test [198.51.100.61]

   ----- The following addresses had permanent fatal errors -----
<h.berg@wingtip.test>
    (reason: 550 5.1.1 <h.berg@wingtip.test>... User unknown)

   ----- Transcript of session follows -----
... while talking to mx.wingtip.test.:
>>> RCPT To:<h.berg@wingtip.test>
<<< 550 5.1.1 <h.berg@wingtip.test>... User unknown
550 5.1.1 <h.berg@wingtip.test>... User unknown

   ----- Original message follows -----

Received: from app.fourthcoffee.test (app.fourthcoffee.test [198.51.100.61])
\tby gw.fourthcoffee.test (8.17.1/8.17.1) id 45660005; Thu, 6 Jun 2024 08:00:05 +0200
From: billing@fourthcoffee.test
To: h.berg@wingtip.test
Subject: Invoice 2024-118
Date: Thu, 6 Jun 2024 08:00:04 +0200
Message-Id: <inv-2024-118@fourthcoffee.test>

Invoice attached.
""")

# --- a gateway wrapping the real bounce as an attachment -------------------------------------
with open(os.path.join(HERE, 'sendmail/transcript.eml')) as f:
    INNER = f.read()
write('forwarded/wrapped-bounce.eml', """From: Mail Delivery Subsystem <MAILER-DAEMON@gw2.fourthcoffee.test>
To: billing@fourthcoffee.test
Subject: Returned mail: User unknown
Date: Thu, 6 Jun 2024 08:00:12 +0200
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="wrap"

--wrap
Content-Type: text/plain

The original message was received at Thu, 6 Jun 2024 08:00:05 +0200

   ----- The following addresses had permanent delivery errors -----

--wrap
Content-Type: message/rfc822

""" + INNER + """
--wrap--
""")

# --- Exchange / Microsoft 365 NDR (text and HTML alternatives, no DSN fields) ---------------
write('exchange/office365-ndr.eml', """From: Microsoft Outlook <postmaster@relecloud.onmicrosoft.test>
To: <events@relecloud.test>
Subject: Undeliverable: Conference schedule
Date: Fri, 7 Jun 2024 10:15:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="ndr-outer"

--ndr-outer
Content-Type: multipart/alternative; boundary="ndr-alt"

--ndr-alt
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Your message to a.kowalski@relecloud-partner.test couldn't be delivered.

a.kowalski wasn't found at relecloud-partner.test.

Diagnostic information for administrators:

Generating server: AM0PR01MB1234.eurprd01.prod.outlook.test

a.kowalski@relecloud-partner.test
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a.kowa=
lski@relecloud-partner.test not found by SMTP address lookup'

Original message headers:

Received: from relecloud.test (198.51.100.90) by AM0PR01MB1234.test
 with Microsoft SMTP Server; Fri, 7 Jun 2024 10:14:58 +0000
From: Events <events@relecloud.test>
To: a.kowalski@relecloud-partner.test
Subject: Conference schedule

--ndr-alt
Content-Type: text/html; charset="utf-8"

<html><body><p>Your message to a.kowalski@relecloud-partner.test couldn't be delivered.</p></body></html>
--ndr-alt--

--ndr-outer--
""")

# --- Gmail ---------------------------------------------------------------------------------
write('gmail/permanent-failure.eml', """From: Mail Delivery Subsystem <mailer-daemon@googlemail.test>
To: coach.team@gmail.test
Subject: Delivery Status Notification (Failure)
Date: Sat, 8 Jun 2024 12:00:00 -0700

Delivery to the following recipient failed permanently:

     r.silva@cohowinery.test

Technical details of permanent failure:
Google tried to deliver your message, but it was rejected by the server for the recipient domain cohowinery.test by mx.cohowinery.test. [192.0.2.200].

The error that the other server returned was:
550 5.2.1 The email account that you tried to reach is disabled.

----- Original message -----

From: Coach Team <coach.team@gmail.test>
To: r.silva@cohowinery.test
Subject: Practice moved to 6pm
Date: Sat, 8 Jun 2024 11:59:58 -0700

See you there.
""")

# --- Amazon SES JSON -----------------------------------------------------------------------
write('amazonses/bounce-json.eml', """From: no-reply@sns.amazonaws.test
To: hooks@graphicdesign.test
Subject: Amazon SES Email Event Notification
Date: Sun, 9 Jun 2024 06:00:00 +0000
Content-Type: text/plain; charset=UTF-8

{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General","bouncedRecipients":[{"emailAddress":"nobody@graphicdesign-client.test","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user does not exist"}],"timestamp":"2024-06-09T06:00:00.000Z","reportingMTA":"dns; b12-34.smtp-out.ses.test"},"mail":{"source":"hello@graphicdesign.test","destination":["nobody@graphicdesign-client.test"]}}

--
Unsubscribe from this topic: https://sns.example.test/unsubscribe
""")

# --- ARF feedback ----------------------------------------------------------------------------
write('arf/abuse-report.eml', """From: feedback@fbl.mailbox-provider.test
To: fbl@blueyonder-shop.test
Subject: FW: Spam complaint
Date: Mon, 10 Jun 2024 13:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="arf"

--arf
Content-Type: text/plain

This is a spam complaint about a message from 203.0.113.77.
--arf
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: ProviderFBL/2.1
Version: 1
Source-IP: 203.0.113.77
Original-Rcpt-To: angry.reader@mailbox-provider.test
Arrival-Date: Mon, 10 Jun 2024 12:58:00 +0000
--arf
Content-Type: message/rfc822

From: deals@blueyonder-shop.test
To: angry.reader@mailbox-provider.test
Subject: 50% off everything
Date: Mon, 10 Jun 2024 12:57:00 +0000

Buy now.
--arf--
""")

# --- list-unsubscribe request sent by a mail client --------------------------------------------
write('arf/unsubscribe-request.eml', """From: reader.one@mailbox-provider.test
To: unsubscribe-4711@lists.blueyonder-shop.test
Subject: unsubscribe
Auto-Submitted: auto-replied
Date: Mon, 10 Jun 2024 14:00:00 +0000
Content-Type: text/plain; charset=UTF-8

The mail program sent this message to unsubscribe from the list "Weekly deals".
""")

# --- Vacation auto-reply -----------------------------------------------------------------------
write('autoreply/out-of-office.eml', """From: Priya Raman <priya.raman@margiestravel.test>
To: bookings@alpineski.test
Subject: Out of Office: Booking confirmation
Auto-Submitted: auto-replied
Date: Tue, 11 Jun 2024 09:00:00 +0530

I am on leave until 24 June with no access to email. For urgent matters contact the front desk.
""")

# --- not a bounce ---------------------------------------------------------------------------------
write('notabounce/newsletter.eml', """From: Team <team@lucerne-publishing.test>
To: reader@humongous.test
Subject: This week's reading list
Date: Wed, 12 Jun 2024 07:00:00 +0000

Five books we loved this week. Reply to tell us yours.
""")

# --- charsets: one Exim-shaped bounce per charset, the diagnostic in the local language ----------
CHARSETS = [
    ('utf-8', 'base64', 'Postfach voll: Speicherplatz überschritten'),
    ('iso-2022-jp', '7bit', 'メールボックスが一杯です'),
    ('shift_jis', 'base64', 'メールボックスが一杯です'),
    ('euc-jp', 'quoted-printable', 'メールボックスが一杯です'),
    ('iso-8859-1', 'quoted-printable', 'Boîte aux lettres pleine, réessayez plus tard'),
    ('iso-8859-2', '8bit', 'Skrzynka pocztowa jest pełna'),
    ('windows-1251', 'base64', 'Почтовый ящик переполнен'),
    ('windows-1252', 'quoted-printable', 'Buzón lleno – inténtelo más tarde'),
    ('koi8-r', '8bit', 'Почтовый ящик переполнен'),
]
for charset, cte, words in CHARSETS:
    body = f"""This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. The following address(es) failed:

  kunde@charset-{charset}.test
    SMTP error from remote mail server after RCPT TO:<kunde@charset-{charset}.test>:
    552 5.2.2 {words}
""".encode(charset)
    if cte == 'base64':
        encoded = base64.encodebytes(body)
    elif cte == 'quoted-printable':
        encoded = quopri.encodestring(body)
    else:
        encoded = body
    subject = '=?utf-8?B?' + base64.b64encode('Unzustellbar: Rückmeldung'.encode()).decode() + '?='
    head = f"""From: Mail Delivery System <Mailer-Daemon@mx.charset-test.test>
To: shop@charset-test.test
Subject: {subject}
Date: Thu, 13 Jun 2024 10:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="{charset}"
Content-Transfer-Encoding: {cte}

""".encode('ascii')
    write(f'charsets/{charset}.eml', head + encoded)

# --- pasted text -----------------------------------------------------------------------------
write('pasted/reply-line.txt', 'jsmith@tradewinds.test: 550 5.1.1 <jsmith@tradewinds.test>... User unknown\n')
write('pasted/bare-reply.txt', '550 5.7.1 Service unavailable, Client host [203.0.113.15] blocked using Spamhaus\n')
write('pasted/outlook-pane.txt', """Your message to m.chen@fineartschool.test couldn't be delivered.
m.chen wasn't found at fineartschool.test.

Office 365   m.chen
Action Required                         Recipient

Unknown To address

Diagnostic information for administrators:

Generating server: DB8PR02MB0001.eurprd02.prod.outlook.test

m.chen@fineartschool.test
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
""")
