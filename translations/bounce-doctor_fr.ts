<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AddressCheckTr</name>
    <message>
        <source>nothing before the @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the part before the @ is longer than 64 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted name before the @ is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quoted name before the @ has a character that must be escaped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dots before the @ may not be first, last or doubled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the character &apos;%1&apos; is not allowed before the @ (unless quoted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing after the @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address literal after the @ is not an IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; is not a valid international domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain is longer than 253 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; has no dot: a mail domain looks like example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain part &apos;%1&apos; is not valid (letters, digits and inner hyphens only, at most 63)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no @ in the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address contains a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address &apos;%1&apos; is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the address and send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is written correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International domain %1 is %2 in DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean %1@%2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 is very close to the common mail domain %2. A typing mistake here is a frequent cause of bounces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS has no such domain, so no mail can reach it. Check the spelling of the part after the @; the domain may also have expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mail servers of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 says it accepts no email (null MX).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its owner has published that this domain never receives mail (RFC 7505). The address cannot work; ask the recipient for another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 receives mail at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hosts this domain&apos;s mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice and error codes from %1 apply to this recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of its mail servers have addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of its mail servers have no address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of its mail servers has an address, so mail cannot be delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain&apos;s MX records point to names that do not resolve. The recipient&apos;s IT must fix their DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 has no mail server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has neither MX records nor an address to deliver to, so it cannot receive mail. Check the domain with the recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain %1 has no MX record; mail goes to its web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This works only if that server accepts mail, which is unusual. The recipient&apos;s IT should publish MX records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlocklistCheckTr</name>
    <message>
        <source>the answer %1 is not a blocklist code (is your DNS server redirecting unknown names?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listed (code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to check: the bounce shows no sending IP or domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your sending IP address (ask your email provider if you do not know it) and your domain, then run the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus answers only queries from your own DNS resolver, not public ones such as 1.1.1.1 or 8.8.8.8. Use your own or your provider&apos;s resolver, or enter a free Spamhaus DQS key in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask through your own DNS resolver instead of a public one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed on %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving servers that use this list refuse your mail. Fix the cause (a compromised account, a spam complaint, an open relay), then ask for removal on the list&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reverse DNS of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no reverse DNS name (PTR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many receiving servers refuse mail from addresses without one. Ask whoever provides the IP address (hosting or internet provider) to set a PTR record naming your mail server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, and it points back (forward-confirmed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, but that name does not point back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers such as Microsoft and Gmail expect the PTR name to resolve to the same IP address. Add an A (or AAAA) record for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AuthenticationCheck</name>
    <message>
        <source>the DNS server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the DNS server reported a failure (SERVFAIL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the DNS server refused the question (REFUSED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no network connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the DNS lookup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF could not be checked: the sending domain is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the domain you send from (the part after @ in your address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DKIM could not be checked: the signing domain is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DMARC could not be checked: the From address is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the SPF record of %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later or with another DNS server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SPF record of %1 has a problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SPF record of %1 could be better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 publishes a valid SPF record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It lists the servers allowed to send mail for the domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF was not evaluated: the sending IP address is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the IP address your mail left from to see whether SPF allows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SPF setup of %1 has a problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (through %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF allows %1 to send mail for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The term &quot;%1&quot;%2 matched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF says %1 may not send mail for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers may reject this mail. Add the server to the SPF record (for example with ip4:%1 or the include your mail provider documents).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain explains: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF does not list %1 for %2 (softfail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers treat such mail with suspicion and often file it as spam. Add the server to the SPF record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF neither allows nor forbids %1 for %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail from this server gets no help from SPF. Add the server to the record and end it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not evaluate SPF for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A DNS lookup failed on the way; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF for %1 ends in an error (permerror): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers treat a broken SPF setup like a missing one or reject the mail. Fix the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not fetch the DKIM key &quot;%1&quot; of %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DKIM key is published for selector &quot;%1&quot; of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail was signed with this selector, but receivers cannot find the key at %1, so the signature fails. Publish the key your mail provider gives you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selector &quot;%1&quot; of %2 has %3 key records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There must be exactly one; receivers may pick the wrong one. Remove the extra records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is broken: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers cannot verify signatures made with it. Publish the record exactly as your mail provider gives it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 has been revoked (empty p=).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures with this selector always fail. Sign with a current key or publish the key again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is only %3 bits long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers ignore RSA keys under 1024 bits. Generate a 2048-bit key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An RSA key of %1 bits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An %1 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2048 bits is recommended when you next rotate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is marked as testing (t=y): some receivers treat its signatures as unsigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is published and valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look for DKIM keys of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DKIM key found for %1 under the usual selectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selector is not known. Look at the DKIM-Signature header of a message you sent (s=) and check that selector, or ask your mail provider to turn on DKIM signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the DMARC policy of %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 publishes no DMARC policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large mailbox providers (Gmail, Yahoo, Microsoft) expect one and may reject or junk the mail without it. Start with &quot;v=DMARC1; p=none; rua=mailto:...&quot; at _dmarc.%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 publishes %2 DMARC records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers ignore DMARC when there is more than one record. Keep exactly one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (inherited from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DMARC record of %1 is broken: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers may ignore a record with errors. Correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy is p=none: receivers only report failures and deliver the mail anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail that fails DMARC goes to spam (p=quarantine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail that fails DMARC is rejected (p=reject).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It applies to %1% of failing mail (pct=%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a DMARC policy: %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check whether %1 accepts DMARC reports for %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts DMARC reports for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DMARC reports for %1 will not reach %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is another domain and has not published %2._report._dmarc.%1 with &quot;v=DMARC1&quot;, so receivers drop the reports. Ask the report service to add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 passed for %2, but that is not your From domain %3, so it does not count for DMARC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not pass (%2) for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF passed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DKIM passed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message passed DMARC alignment for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, which matches the From domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither SPF nor DKIM passed for the From domain %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DMARC needs at least one of them to pass for %1 itself (or a subdomain of it). Have your mail provider sign with DKIM for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::ChecklistWidget</name>
    <message>
        <source>Recipient address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Verify the recipient address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A typing mistake or an address that no longer exists is the most common cause of a bounce. Check the spelling letter by letter, and that the domain after the @ is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending IP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Check blocklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving servers refuse mail from IP addresses and domains on public blocklists. If your sending IP is listed, fix the cause (often a hacked account or a spam complaint), then ask the list to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DKIM selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DKIM selector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication results in the bounce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Check SPF, DKIM and DMARC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These DNS records prove that your server may send for your domain. Large providers reject or junk mail that fails them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also reach the recipient by phone or another channel: they may not know their mail system refuses you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: %1
Subject: %2

%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Contact the recipient&apos;s IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the receiving side refuses you, only its administrators can change that. This message gives them what they need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check: %1. Fix the DNS servers in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the address looks mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bounce does not show your sending IP: ask your email provider for it, or type it above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bounce names no blocklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s reply names the blocklist %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bounce carries no authentication results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The returned message carries %n authentication result(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::DiagnosisView</name>
    <message>
        <source>Diagnosis headline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s exact words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a bounce, open a saved message, or drop one here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who needs to act: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending IP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::MainWindow</name>
    <message>
        <source>Bounce text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the bounce here: the whole message, or just the error line such as
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diagnose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter recipients, reasons, providers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy as Ticket Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Addresses to Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste Bounce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Bounce Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Bounce Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Bounce Doctor&lt;/b&gt; %1&lt;br&gt;Explains why an email bounced and walks you through fixing it.&lt;br&gt;GPL-3.0-or-later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This does not look like a bounce: no failed recipient was found. Paste the whole bounce, or the line with the error code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing could be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages read: %1. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email messages (*.eml *.mbox *.txt *.msg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no diagnosis to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounce diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export addresses to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP or IP:PORT, separated by commas. Blocklists such as Spamhaus refuse public resolvers (1.1.1.1, 8.8.8.8): use your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout per query:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus DQS key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: a free key from Spamhaus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus D&amp;QS key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocklists to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blocklists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when Bounce Doctor starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BounceDoctor::SpfEvaluator</name>
    <message>
        <source>%1: not a usable domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the DNS lookup of %1 failed (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no SPF record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 publishes %2 SPF records; only one is allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syntax error in the SPF record of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mechanism matched: neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad redirect target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect loop back to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS lookup of %1 failed (%2) at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 void lookups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has more than %2 MX records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>include loop back to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no SPF record for the include</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BounceReader</name>
    <message>
        <source>not an e-mail message (no headers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIME parts are nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BounceReaderTr</name>
    <message>
        <source>message %1 is larger than the limit of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message is larger than the limit of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was pasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read standard input: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than the limit of %2 bytes for one message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Could not check %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS question could not be answered, so this says nothing either way. Check your network and DNS server settings, then run the check again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactCheck</name>
    <message>
        <source>No recipient domain to write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDraftTr</name>
    <message>
        <source>%1 (sending IP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could you please add %1 to your allowed senders, or tell us which rule refused the message?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could you please check why your server refused mail from %1, and allow-list it if you can?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could you please confirm whether this mailbox exists and is active, or give us the right address?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could you please check the mailbox&apos;s storage or size limits?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could you please check that your domain&apos;s MX records point to your mail server, and that it accepts mail for this address?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We are checking our SPF, DKIM and DMARC set-up; could you tell us which check failed on your side?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could you please look into this error and tell us what we should change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>our address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email to %1 was rejected by your server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We tried to send an email to %1, and your mail server rejected it. We would be grateful for your help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Sender: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Sending IP: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Recipient: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Your server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Your server&apos;s reply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you,</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DkimKeyTr</name>
    <message>
        <source>the public key (p=) is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ed25519 public key is not a valid 32-byte key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the public key (p=) cannot be read as an RSA key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the public key (p=) is not an RSA key although k=rsa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty tag between two &apos;;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form tag=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tag &quot;%1&quot; appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v= must be the first tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v=%1 is not DKIM1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key type k=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown hash algorithm h=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record has no public key (p= is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key is not for email (s=%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DmarcRecordTr</name>
    <message>
        <source>the record must start with v=DMARC1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a mailto: address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1=%2 is not none, quarantine or reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p= should come right after v=DMARC1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pct=%1 is not a number from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1=%2 is not r (relaxed) or s (strict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fo=%1: unknown option &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ri=%1 is not a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rf=%1: only afrf is defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v= appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tag &quot;%1&quot; (receivers ignore it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the required policy tag p= is missing or invalid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <source>The receiving server could not confirm that your server may send for your domain. Your domain&apos;s SPF, DKIM or DMARC records are missing or do not match the server that sent the message. Whoever runs your email needs to fix these DNS records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message failed the sender authentication checks (SPF, DKIM or DMARC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sending server or domain has a poor reputation with this provider, usually because of spam complaints, sudden volume or little sending history. Check blocklists, reduce volume and make sure recipients want your mail; the provider relaxes limits as the reputation recovers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving provider does not trust mail from your server right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server refused the connection because of the IP address or name of the server that sent your mail, often because it is on a blocklist or has a poor reputation. Check whether your sending IP is listed and ask to be delisted; if you use a mail service, tell them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server blocked your sending server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something in the message&apos;s format (character encoding, headers or attachments) was not acceptable to the receiving server. Try sending it again in a simpler form, for example without unusual attachments or characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server could not handle the message&apos;s content or format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This report says the message reached the recipient&apos;s server. Nothing needs fixing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox has its own size limit for a single message, and this message is over it. Send smaller attachments, or share large files through a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is bigger than this mailbox accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your server kept trying to deliver the message for hours or days but the recipient&apos;s server never accepted it, usually because it was unreachable or kept deferring. Check that the recipient&apos;s domain is correct and its mail server is working, then send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be delivered in time and was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server requires an encrypted (TLS) connection and the two servers could not set one up. Whoever runs your mail server should check its TLS settings and certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The servers could not agree on an encrypted connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a complaint report from the recipient&apos;s mail provider: someone marked your message as unwanted. Stop sending to this recipient and make sure everyone on your list asked for your mail; many complaints harm delivery to everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient reported your message as spam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient (or their mail system) has set rules that refuse mail like this one, for example from senders they have not approved. Reach the recipient another way and ask them to allow your address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s filters refused the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address used to work, but the recipient no longer receives mail here and the server does not forward it. Ask the recipient for their new address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient has moved to another address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part of the address after the @ does not exist in DNS, or has no mail server. It is usually a typing mistake in the domain or a domain that has expired. Check the spelling of the domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not exist or cannot receive email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient has used up their storage space, so the server cannot take new messages for now. Wait and try again later, or tell the recipient by another channel so they can make room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s server hands mail to a program (a filter or delivery script), and that program failed. The recipient&apos;s IT needs to look at it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program on the recipient&apos;s server failed while delivering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message with its attachments is larger than the receiving server accepts. Send smaller attachments, compress them, or share large files through a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is too large for the receiving server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your server could not talk to the recipient&apos;s mail server properly: the connection failed, was cut, or DNS could not be asked. It is often temporary; if it keeps happening, the recipient&apos;s IT should check their mail server and DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network problem stopped the delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server that received the message does not handle mail for the recipient&apos;s domain and will not forward it. Often the recipient&apos;s domain points its mail records at the wrong server, or your mail program sent through a server that requires you to sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused to pass the message on (relaying denied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s domain has declared that it receives no mail (a null MX record), or its server refuses all mail. Check that you have the right domain; otherwise reach the recipient another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not accept email at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server rejected the message because its headers break the email format rules (for example several From or Date headers, or a malformed header). The program that created the message needs fixing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message does not follow the email standards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving side reported a failure without a clear reason. Read the server&apos;s exact words below; if they do not help, ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was not delivered, and the bounce does not say exactly why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation has rules about what mail it accepts (senders, content, attachments or how messages are formatted), and this message did not meet them. Ask the recipient&apos;s IT which rule applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message broke a policy of the receiving organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the address the message was sent from (the envelope sender): it may look invalid, belong to a domain that does not exist, or be on the server&apos;s block list. Check the address your mail program or service sends from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server refused your sender address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server requires the IP address your mail comes from to have a reverse DNS (PTR) record that points to a name which points back to the same address. Whoever runs your mail server must set this up with their hosting or internet provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sending server has no valid reverse DNS name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server rejected the message because of a security or authorization check: for example the sender could not be verified, or your server was not allowed to send this message. Check your authentication set-up and ask the recipient&apos;s IT for details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server refused the message for a security reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content of the message, its links or its formatting looked like spam to the receiving server&apos;s filter. Review the content (links, attachments, wording, images only), make sure the recipient expects it, and check your authentication set-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server thinks the message is spam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving provider limits how fast it accepts mail from one sender and your server went over that limit. Slow down sending; deferred messages are usually delivered on a later attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are sending too much mail too quickly to this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sending service has stopped sending to this address because earlier messages to it bounced or were reported. Check the address, and remove it from the suppression list only if you are sure it works again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mail service did not send it: the address is on its suppression list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox exists but has been switched off, for example because the account was suspended, left unused for a long time, or not paid for. Reach the recipient another way and ask them to reactivate it or give you another address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server said a command from your server was malformed or out of order. Whoever runs your mail server or sending software should look at it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The servers did not understand each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong on the recipient&apos;s mail server (a configuration error or an internal failure). It is not caused by your message; try again later, and tell the recipient&apos;s IT if it keeps happening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving mail system had an internal problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server has no room left to store incoming mail. It is the recipient&apos;s IT who must fix it; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving mail system is out of space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server limits how many connections or recipients it accepts at a time, and your server went over that. Sending more slowly, or in smaller batches, usually solves it; the message may still be delivered on a later attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your server opened too many connections or sent to too many recipients at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bounce gives no usable reason. Check the recipient&apos;s address, then ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was not delivered, for a reason the bounce does not give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server says there is no mailbox with this name. The address may be misspelled, or the person may have left the organisation or closed the account. Check the spelling, or ask the recipient for their current address; sending again to the same address will not work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox answered automatically, for example because they are away. Your message was delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an automatic reply, not a failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message or one of its attachments was detected as malware, or contained a file type the recipient does not allow. Scan your computer, and send documents in a safe format or through a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving server found a virus or dangerous attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft keeps its own block list and your sending IP is on it. Whoever runs your mail server can request removal through Microsoft&apos;s sender support (delisting) page; if you use a mail service, contact them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft (Outlook/Hotmail) blocked your sending IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft 365 rejects mail from your IP because it is on its block list or has been banned for spam. Request delisting through Microsoft&apos;s delist portal, and check that your server is not sending spam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft refused mail from your sending IP address (banned or listed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your domain publishes a DMARC policy that says to reject mail that fails authentication, and this message failed SPF and DKIM alignment. Fix SPF and DKIM for the server that sent it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook.com requires domains that send a lot of mail to have SPF, DKIM and DMARC in place and passing. Set up all three for your sending domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft requires stronger authentication from high-volume senders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your domain&apos;s SPF record does not list the server that sent this message. Add the sending server or service to your SPF record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message failed the SPF check at Microsoft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft 365 only accepts mail for sending from signed-in users. Turn on &apos;my outgoing server requires authentication&apos; in your mail program, with your mailbox&apos;s user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mail program tried to send without signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft looked the address up in the recipient&apos;s directory and found nobody. Check the spelling, or ask the recipient for their current address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist in their Microsoft 365 organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft 365 checks addresses against the recipient organisation&apos;s directory before accepting mail (directory-based edge blocking), and this address is not in it. Check the spelling; if it is right, the recipient&apos;s IT must add the mailbox or its alias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation does not know this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient (or a group address) is restricted to certain senders by their Microsoft 365 administrators. Ask the recipient&apos;s IT to allow your address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail from approved senders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your domain&apos;s DMARC policy asks receivers to reject mail that fails SPF and DKIM alignment, and this message failed. Gmail also requires bulk senders to authenticate. Fix SPF and DKIM for the server that sent it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed authentication (DMARC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail uses 5.7.27 for SPF failures. Your domain&apos;s SPF record does not include the server that sent the message; add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the SPF check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was not signed with DKIM, or the signature did not verify. Turn on DKIM signing for your domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the DKIM check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation uses Google Workspace and its administrators have a rule that refuses your message, often a block on your IP address or domain. Ask the recipient&apos;s IT to allow your sender address and IP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s Google Workspace blocked the message by its own policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail is temporarily refusing mail for this account because it receives mail faster than allowed. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Gmail recipient is receiving too much mail right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail has seen unwanted mail from your IP address or domain and limits what it accepts. Check blocklists, Google Postmaster Tools, and your authentication, and send only to people who asked for your mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your server right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yahoo saw complaints or a sudden rise in volume from your server and is slowing it down. Your server will retry. Send only to people who asked for your mail, and keep volumes steady.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yahoo is temporarily deferring your mail because of complaints or unusual volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yahoo blocks mail from IP addresses listed by Spamhaus. Look your IP up on Spamhaus and request removal once the cause is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yahoo refused your mail because your IP is on a blocklist (Spamhaus).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yahoo requires SPF and DKIM to pass and align with your From domain under your DMARC policy. Fix your domain&apos;s authentication records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it failed authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refused the message (code CS01 or HM08): it did not trust your sending server or content. Check blocklists and authentication, and contact iCloud&apos;s postmaster through their support page if it persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCloud Mail blocked your message because of its policy or your server&apos;s reputation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s mail system holds an allow list, and your address is not on it. Nothing is wrong with your email set-up. Ask the recipient, by phone or another channel, to have their IT add your address (or your domain) to the allowed senders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient only accepts mail from senders they approved in advance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus PBL: the ISP says this address should not send mail directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus PBL: this address looks like an end-user address that should not send mail directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus SBL: a known spam source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus CSS: recently sent spam (snowshoe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus BCL: a botnet controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus XBL: infected or hijacked machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus DROP: network under spammer control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query used a mistyped zone name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus refuses queries that come through public or open DNS resolvers (such as 1.1.1.1 or 8.8.8.8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spamhaus received too many queries from your DNS resolver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an abused legitimate domain (spam)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an abused legitimate domain (redirector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an abused legitimate domain (phishing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an abused legitimate domain (malware)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an abused legitimate domain (botnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a spam domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a phishing domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a malware domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a botnet command-and-control domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the DBL does not take IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listed by Barracuda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reported to SpamCop as a spam source (listings expire by themselves a day after the last report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent mail to spam traps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst reputation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very bad reputation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad reputation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a zero-hour spam source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listed by UCEPROTECT (expires after 7 days without new hits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listed by NiX Spam (expires after 12 hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cracked site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SURBL blocked the query (your DNS resolver sends too many queries or is a public resolver)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>black list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grey list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URIBL refused the query (public or large DNS resolvers such as Google or OpenDNS are blocked)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportTr</name>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who must act</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocklist named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You (the sender)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email administrator or provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient&apos;s IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clear from the bounce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the recipient address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check blocklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check SPF, DKIM and DMARC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact the recipient&apos;s IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the message content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the sending set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait and try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounce diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s exact words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounce for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server said</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpfLint</name>
    <message numerus="yes">
        <source>%n name(s) in the SPF record do not exist or have no address.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpfLintTr</name>
    <message>
        <source>The domain publishes no SPF record, so receivers cannot tell which servers may send its mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain publishes %1 SPF records; there must be exactly one, otherwise every check ends in an error (permerror). Merge them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A piece of the TXT record is longer than 255 characters; split it into several quoted strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SPF record is %1 characters long; above 450 the DNS answer may not fit in one UDP packet. Shorten it or move parts into includes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SPF record has a syntax error: %1. Receivers treat the whole record as broken (permerror).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record ends in &quot;+all&quot;: it allows every server on the internet to send as this domain. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record ends in &quot;?all&quot;: it says nothing about other servers, which gives little protection. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record uses &quot;ptr&quot;, which is slow, unreliable and discouraged by RFC 7208; list the addresses instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record itself has %1 terms that need DNS lookups; more than 10 makes every check fail (permerror).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record has no final &quot;all&quot; (nor redirect=), so servers not listed get &quot;neutral&quot;. End it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting its includes, the SPF record needs more than 10 DNS lookups, so receivers give up with an error (permerror). Remove includes you no longer use or flatten them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than 2 names in the SPF record do not exist or have no address, so receivers give up with an error (permerror).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SPF record includes itself through a loop: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An include points to a domain without an SPF record: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record reached through an include is broken: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpfRecordTr</name>
    <message>
        <source>character not allowed in a macro string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a lone &apos;%&apos; at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%&apos; must be followed by &apos;{&apos;, &apos;%&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a macro &apos;%{&apos; is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a macro needs a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown macro delimiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a macro keeps zero labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad IPv6 prefix length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad IPv4 prefix length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macro letter not allowed in a domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain does not end in a valid top-level label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record contains a character that is not printable ASCII</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record does not start with &quot;v=spf1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the modifier &quot;%1&quot; appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown macro letter &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;all&quot; takes no argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a domain is required after &apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the mechanism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an IPv4 address is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an IPv6 address is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown mechanism</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explains why an email bounced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounces to open (.eml, mbox, folder).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
