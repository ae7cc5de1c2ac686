<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddressCheckTr</name>
    <message>
        <source>nothing before the @</source>
        <translation>vor dem @ steht nichts</translation>
    </message>
    <message>
        <source>the part before the @ is longer than 64 characters</source>
        <translation>der Teil vor dem @ ist länger als 64 Zeichen</translation>
    </message>
    <message>
        <source>a quoted name before the @ is not closed</source>
        <translation>ein Name in Anführungszeichen vor dem @ ist nicht geschlossen</translation>
    </message>
    <message>
        <source>the quoted name before the @ has a character that must be escaped</source>
        <translation>der Name in Anführungszeichen vor dem @ enthält ein Zeichen, das maskiert werden muss</translation>
    </message>
    <message>
        <source>dots before the @ may not be first, last or doubled</source>
        <translation>Punkte vor dem @ dürfen nicht am Anfang oder Ende stehen und nicht doppelt vorkommen</translation>
    </message>
    <message>
        <source>the character &apos;%1&apos; is not allowed before the @ (unless quoted)</source>
        <translation>das Zeichen &apos;%1&apos; ist vor dem @ nicht erlaubt (außer in Anführungszeichen)</translation>
    </message>
    <message>
        <source>nothing after the @</source>
        <translation>nach dem @ steht nichts</translation>
    </message>
    <message>
        <source>the address literal after the @ is not an IP address</source>
        <translation>die Adressangabe in eckigen Klammern nach dem @ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; is not a valid international domain name</source>
        <translation>die Domain &apos;%1&apos; ist kein gültiger internationaler Domainname</translation>
    </message>
    <message>
        <source>the domain is longer than 253 characters</source>
        <translation>die Domain ist länger als 253 Zeichen</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; has no dot: a mail domain looks like example.com</source>
        <translation>die Domain &apos;%1&apos; enthält keinen Punkt: Eine E-Mail-Domain sieht aus wie example.com</translation>
    </message>
    <message>
        <source>the domain part &apos;%1&apos; is not valid (letters, digits and inner hyphens only, at most 63)</source>
        <translation>der Domainteil &apos;%1&apos; ist ungültig (nur Buchstaben, Ziffern und Bindestriche in der Mitte, höchstens 63 Zeichen)</translation>
    </message>
    <message>
        <source>there is no @ in the address</source>
        <translation>die Adresse enthält kein @</translation>
    </message>
    <message>
        <source>the address contains a space</source>
        <translation>die Adresse enthält ein Leerzeichen</translation>
    </message>
    <message>
        <source>The address &apos;%1&apos; is not valid: %2</source>
        <translation>Die Adresse &apos;%1&apos; ist ungültig: %2</translation>
    </message>
    <message>
        <source>Correct the address and send again.</source>
        <translation>Korrigieren Sie die Adresse und senden Sie die Nachricht erneut.</translation>
    </message>
    <message>
        <source>The address is written correctly.</source>
        <translation>Die Adresse ist korrekt geschrieben.</translation>
    </message>
    <message>
        <source>International domain %1 is %2 in DNS</source>
        <translation>Die internationale Domain %1 lautet im DNS %2</translation>
    </message>
    <message>
        <source>Did you mean %1@%2?</source>
        <translation>Meinten Sie %1@%2?</translation>
    </message>
    <message>
        <source>The domain %1 is very close to the common mail domain %2. A typing mistake here is a frequent cause of bounces.</source>
        <translation>Die Domain %1 ähnelt sehr der verbreiteten E-Mail-Domain %2. Ein Tippfehler an dieser Stelle ist eine häufige Ursache für Unzustellbarkeitsnachrichten.</translation>
    </message>
    <message>
        <source>The domain %1 does not exist.</source>
        <translation>Die Domain %1 existiert nicht.</translation>
    </message>
    <message>
        <source>DNS has no such domain, so no mail can reach it. Check the spelling of the part after the @; the domain may also have expired.</source>
        <translation>Diese Domain ist im DNS nicht vorhanden, daher kann keine E-Mail sie erreichen. Prüfen Sie die Schreibweise des Teils nach dem @; möglicherweise ist die Domain auch abgelaufen.</translation>
    </message>
    <message>
        <source>the mail servers of %1</source>
        <translation>die Mailserver von %1</translation>
    </message>
    <message>
        <source>The domain %1 says it accepts no email (null MX).</source>
        <translation>Die Domain %1 gibt an, keine E-Mails anzunehmen (Null-MX).</translation>
    </message>
    <message>
        <source>Its owner has published that this domain never receives mail (RFC 7505). The address cannot work; ask the recipient for another one.</source>
        <translation>Der Inhaber hat veröffentlicht, dass diese Domain niemals E-Mails empfängt (RFC 7505). Die Adresse kann nicht funktionieren; bitten Sie den Empfänger um eine andere.</translation>
    </message>
    <message>
        <source>%1 receives mail at %2.</source>
        <translation>%1 empfängt E-Mails über %2.</translation>
    </message>
    <message>
        <source>%1 hosts this domain&apos;s mail.</source>
        <translation>%1 betreibt die E-Mail-Dienste dieser Domain.</translation>
    </message>
    <message>
        <source>Advice and error codes from %1 apply to this recipient.</source>
        <translation>Hinweise und Fehlercodes von %1 gelten für diesen Empfänger.</translation>
    </message>
    <message>
        <source>All of its mail servers have addresses.</source>
        <translation>Alle Mailserver der Domain haben eine Adresse.</translation>
    </message>
    <message>
        <source>Some of its mail servers have no address.</source>
        <translation>Einige Mailserver der Domain haben keine Adresse.</translation>
    </message>
    <message>
        <source>None of its mail servers has an address, so mail cannot be delivered.</source>
        <translation>Keiner der Mailserver der Domain hat eine Adresse, daher können keine E-Mails zugestellt werden.</translation>
    </message>
    <message>
        <source>The domain&apos;s MX records point to names that do not resolve. The recipient&apos;s IT must fix their DNS.</source>
        <translation>Die MX-Einträge der Domain verweisen auf Namen, die sich nicht auflösen lassen. Die IT des Empfängers muss ihre DNS-Einträge korrigieren.</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>die Adresse von %1</translation>
    </message>
    <message>
        <source>The domain %1 has no mail server.</source>
        <translation>Die Domain %1 hat keinen Mailserver.</translation>
    </message>
    <message>
        <source>It has neither MX records nor an address to deliver to, so it cannot receive mail. Check the domain with the recipient.</source>
        <translation>Sie hat weder MX-Einträge noch eine Adresse, an die zugestellt werden kann, und kann daher keine E-Mails empfangen. Klären Sie die Domain mit dem Empfänger.</translation>
    </message>
    <message>
        <source>The domain %1 has no MX record; mail goes to its web address.</source>
        <translation>Die Domain %1 hat keinen MX-Eintrag; E-Mails gehen an ihre Webadresse.</translation>
    </message>
    <message>
        <source>This works only if that server accepts mail, which is unusual. The recipient&apos;s IT should publish MX records.</source>
        <translation>Das funktioniert nur, wenn dieser Server E-Mails annimmt, was ungewöhnlich ist. Die IT des Empfängers sollte MX-Einträge veröffentlichen.</translation>
    </message>
    <message>
        <source>whether the domain %1 exists</source>
        <translation>ob die Domain %1 existiert</translation>
    </message>
    <message>
        <source>who hosts the mail of %1</source>
        <translation>wer die E-Mails von %1 verwaltet</translation>
    </message>
    <message>
        <source>the addresses of the mail servers of %1</source>
        <translation>die Adressen der Mailserver von %1</translation>
    </message>
</context>
<context>
    <name>BlocklistCheckTr</name>
    <message>
        <source>the answer %1 is not a blocklist code (is your DNS server redirecting unknown names?)</source>
        <translation>die Antwort %1 ist kein Sperrlisten-Code (leitet Ihr DNS-Server unbekannte Namen um?)</translation>
    </message>
    <message>
        <source>listed (code %1)</source>
        <translation>gelistet (Code %1)</translation>
    </message>
    <message>
        <source>Nothing to check: the bounce shows no sending IP or domain.</source>
        <translation>Nichts zu prüfen: Die Unzustellbarkeitsnachricht enthält weder eine sendende IP-Adresse noch eine Domain.</translation>
    </message>
    <message>
        <source>Type your sending IP address (ask your email provider if you do not know it) and your domain, then run the check.</source>
        <translation>Geben Sie Ihre sendende IP-Adresse (fragen Sie Ihren E-Mail-Anbieter, falls Sie sie nicht kennen) und Ihre Domain ein und starten Sie dann die Prüfung.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address.</source>
        <translation>&apos;%1&apos; ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>%1 is not on %2.</source>
        <translation>%1 steht nicht auf %2.</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>Prüfung nicht möglich für %1: %2.</translation>
    </message>
    <message>
        <source>Spamhaus answers only queries from your own DNS resolver, not public ones such as 1.1.1.1 or 8.8.8.8. Use your own or your provider&apos;s resolver, or enter a free Spamhaus DQS key in Settings.</source>
        <translation>Spamhaus beantwortet nur Anfragen von Ihrem eigenen DNS-Resolver, nicht von öffentlichen wie 1.1.1.1 oder 8.8.8.8. Verwenden Sie Ihren eigenen Resolver oder den Ihres Anbieters, oder geben Sie in den Einstellungen einen kostenlosen Spamhaus-DQS-Schlüssel ein.</translation>
    </message>
    <message>
        <source>%1 is listed on %2: %3.</source>
        <translation>%1 steht auf %2: %3.</translation>
    </message>
    <message>
        <source>Receiving servers that use this list refuse your mail. Fix the cause (a compromised account, a spam complaint, an open relay), then ask for removal on the list&apos;s page.</source>
        <translation>Empfangsserver, die diese Liste nutzen, weisen Ihre E-Mails ab. Beheben Sie die Ursache (ein kompromittiertes Konto, eine Spam-Beschwerde, ein offenes Relay) und beantragen Sie dann auf der Seite der Liste die Entfernung.</translation>
    </message>
    <message>
        <source>the reverse DNS of %1</source>
        <translation>den Reverse-DNS-Eintrag von %1</translation>
    </message>
    <message>
        <source>%1 has no reverse DNS name (PTR).</source>
        <translation>%1 hat keinen Reverse-DNS-Namen (PTR).</translation>
    </message>
    <message>
        <source>Many receiving servers refuse mail from addresses without one. Ask whoever provides the IP address (hosting or internet provider) to set a PTR record naming your mail server.</source>
        <translation>Viele Empfangsserver weisen E-Mails von Adressen ohne einen solchen Namen ab. Bitten Sie den Anbieter der IP-Adresse (Hosting- oder Internetanbieter), einen PTR-Eintrag mit dem Namen Ihres Mailservers einzurichten.</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>die Adresse von %1</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, and it points back (forward-confirmed).</source>
        <translation>%1 hat den Reverse-DNS-Namen %2, und dieser verweist zurück auf die Adresse (bestätigt).</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, but that name does not point back to it.</source>
        <translation>%1 hat den Reverse-DNS-Namen %2, aber dieser Name verweist nicht zurück auf die Adresse.</translation>
    </message>
    <message>
        <source>Receivers such as Microsoft and Gmail expect the PTR name to resolve to the same IP address. Add an A (or AAAA) record for %1.</source>
        <translation>Empfänger wie Microsoft und Gmail erwarten, dass der PTR-Name auf dieselbe IP-Adresse auflöst. Legen Sie einen A-Eintrag (oder AAAA-Eintrag) für %1 an.</translation>
    </message>
    <message>
        <source>Could not check %1: your DNS server does not give this list&apos;s answers (%2).</source>
        <translation>Prüfung von %1 nicht möglich: Ihr DNS-Server liefert die Antworten dieser Liste nicht (%2).</translation>
    </message>
    <message>
        <source>Ask through your own or your internet provider&apos;s DNS server instead of a public or filtering one, or look the address up on the list&apos;s web page.</source>
        <translation>Fragen Sie stattdessen über Ihren eigenen DNS-Server oder den Ihres Internetanbieters statt über einen öffentlichen oder filternden, oder schlagen Sie die Adresse auf der Webseite der Liste nach.</translation>
    </message>
    <message>
        <source>its test entries got no answer</source>
        <translation>ihre Testeinträge erhielten keine Antwort</translation>
    </message>
    <message>
        <source>it says %1, which the list never lists, is listed</source>
        <translation>sie meldet %1 als gelistet, obwohl die Liste diese Adresse nie listet</translation>
    </message>
    <message>
        <source>it says %1, which the list always lists, is not listed</source>
        <translation>sie meldet %1 als nicht gelistet, obwohl die Liste diese Adresse immer listet</translation>
    </message>
    <message>
        <source>%1 refused the mail from its own block list, which public blocklists do not show. Once the cause is fixed, ask %1 to lift the block on this page.</source>
        <translation>%1 hat die E-Mail aufgrund seiner eigenen Sperrliste abgelehnt, die in öffentlichen Sperrlisten nicht erscheint. Sobald die Ursache behoben ist, bitten Sie %1 auf dieser Seite, die Sperre aufzuheben.</translation>
    </message>
    <message>
        <source>How %1 sees the mail from your IP addresses, to find the cause of the block.</source>
        <translation>Wie %1 die E-Mails von Ihren IP-Adressen bewertet – hilfreich, um die Ursache der Sperre zu finden.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AresResolver</name>
    <message>
        <source>no answer from the DNS server in time</source>
        <translation>keine Antwort vom DNS-Server in der vorgesehenen Zeit</translation>
    </message>
    <message>
        <source>the DNS server failed to answer (SERVFAIL)</source>
        <translation>der DNS-Server konnte nicht antworten (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused the query (REFUSED)</source>
        <translation>der DNS-Server hat die Anfrage abgelehnt (REFUSED)</translation>
    </message>
    <message>
        <source>could not reach the DNS server (connection refused)</source>
        <translation>der DNS-Server ist nicht erreichbar (Verbindung abgelehnt)</translation>
    </message>
    <message>
        <source>the DNS server sent an answer that cannot be read</source>
        <translation>der DNS-Server hat eine unlesbare Antwort gesendet</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AuthenticationCheck</name>
    <message>
        <source>the DNS server did not answer in time</source>
        <translation>der DNS-Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the DNS server reported a failure (SERVFAIL)</source>
        <translation>der DNS-Server hat einen Fehler gemeldet (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused the question (REFUSED)</source>
        <translation>der DNS-Server hat die Anfrage abgelehnt (REFUSED)</translation>
    </message>
    <message>
        <source>there is no network connection</source>
        <translation>es besteht keine Netzwerkverbindung</translation>
    </message>
    <message>
        <source>the DNS lookup failed</source>
        <translation>die DNS-Abfrage ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>SPF could not be checked: the sending domain is not known.</source>
        <translation>SPF konnte nicht geprüft werden: Die sendende Domain ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Type the domain you send from (the part after @ in your address).</source>
        <translation>Geben Sie die Domain ein, von der Sie senden (den Teil nach dem @ in Ihrer Adresse).</translation>
    </message>
    <message>
        <source>DKIM could not be checked: the signing domain is not known.</source>
        <translation>DKIM konnte nicht geprüft werden: Die signierende Domain ist nicht bekannt.</translation>
    </message>
    <message>
        <source>DMARC could not be checked: the From address is not known.</source>
        <translation>DMARC konnte nicht geprüft werden: Die From-Adresse ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Could not check the SPF record of %1: %2.</source>
        <translation>Der SPF-Eintrag von %1 konnte nicht geprüft werden: %2.</translation>
    </message>
    <message>
        <source>Try again later or with another DNS server.</source>
        <translation>Versuchen Sie es später erneut oder mit einem anderen DNS-Server.</translation>
    </message>
    <message>
        <source>The SPF record of %1 has a problem.</source>
        <translation>Der SPF-Eintrag von %1 hat ein Problem.</translation>
    </message>
    <message>
        <source>The SPF record of %1 could be better.</source>
        <translation>Der SPF-Eintrag von %1 könnte besser sein.</translation>
    </message>
    <message>
        <source>%1 publishes a valid SPF record.</source>
        <translation>%1 veröffentlicht einen gültigen SPF-Eintrag.</translation>
    </message>
    <message>
        <source>It lists the servers allowed to send mail for the domain.</source>
        <translation>Er legt fest, welche Server E-Mails für die Domain senden dürfen.</translation>
    </message>
    <message>
        <source>SPF was not evaluated: the sending IP address is not known.</source>
        <translation>SPF wurde nicht ausgewertet: Die sendende IP-Adresse ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Enter the IP address your mail left from to see whether SPF allows it.</source>
        <translation>Geben Sie die IP-Adresse ein, von der Ihre E-Mail verschickt wurde, um zu sehen, ob SPF sie erlaubt.</translation>
    </message>
    <message>
        <source>The SPF setup of %1 has a problem.</source>
        <translation>Die SPF-Konfiguration von %1 hat ein Problem.</translation>
    </message>
    <message>
        <source> (through %1)</source>
        <translation> (über %1)</translation>
    </message>
    <message>
        <source>SPF allows %1 to send mail for %2.</source>
        <translation>SPF erlaubt %1, E-Mails für %2 zu senden.</translation>
    </message>
    <message>
        <source>The term &quot;%1&quot;%2 matched.</source>
        <translation>Der Ausdruck &quot;%1&quot;%2 hat zugetroffen.</translation>
    </message>
    <message>
        <source>SPF says %1 may not send mail for %2.</source>
        <translation>Laut SPF darf %1 keine E-Mails für %2 senden.</translation>
    </message>
    <message>
        <source>Receivers may reject this mail. Add the server to the SPF record (for example with ip4:%1 or the include your mail provider documents).</source>
        <translation>Empfänger können diese E-Mail ablehnen. Nehmen Sie den Server in den SPF-Eintrag auf (zum Beispiel mit ip4:%1 oder dem include, den Ihr E-Mail-Anbieter angibt).</translation>
    </message>
    <message>
        <source>The domain explains: &quot;%1&quot;</source>
        <translation>Die Domain erklärt dazu: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>SPF does not list %1 for %2 (softfail).</source>
        <translation>SPF führt %1 nicht für %2 auf (softfail).</translation>
    </message>
    <message>
        <source>Receivers treat such mail with suspicion and often file it as spam. Add the server to the SPF record.</source>
        <translation>Empfänger behandeln solche E-Mails mit Misstrauen und stufen sie oft als Spam ein. Nehmen Sie den Server in den SPF-Eintrag auf.</translation>
    </message>
    <message>
        <source>SPF neither allows nor forbids %1 for %2 (%3).</source>
        <translation>SPF erlaubt oder verbietet %1 für %2 nicht ausdrücklich (%3).</translation>
    </message>
    <message>
        <source>Mail from this server gets no help from SPF. Add the server to the record and end it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>E-Mails von diesem Server erhalten durch SPF keine Unterstützung. Nehmen Sie den Server in den Eintrag auf und beenden Sie ihn mit &quot;~all&quot; oder &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>Could not evaluate SPF for %1: %2.</source>
        <translation>SPF für %1 konnte nicht ausgewertet werden: %2.</translation>
    </message>
    <message>
        <source>A DNS lookup failed on the way; try again later.</source>
        <translation>Unterwegs ist eine DNS-Abfrage fehlgeschlagen; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>SPF for %1 ends in an error (permerror): %2.</source>
        <translation>SPF für %1 endet mit einem Fehler (permerror): %2.</translation>
    </message>
    <message>
        <source>Receivers treat a broken SPF setup like a missing one or reject the mail. Fix the record.</source>
        <translation>Empfänger behandeln eine fehlerhafte SPF-Konfiguration wie eine fehlende oder lehnen die E-Mail ab. Korrigieren Sie den Eintrag.</translation>
    </message>
    <message>
        <source>Could not fetch the DKIM key &quot;%1&quot; of %2: %3.</source>
        <translation>Der DKIM-Schlüssel &quot;%1&quot; von %2 konnte nicht abgerufen werden: %3.</translation>
    </message>
    <message>
        <source>No DKIM key is published for selector &quot;%1&quot; of %2.</source>
        <translation>Für den Selektor &quot;%1&quot; von %2 ist kein DKIM-Schlüssel veröffentlicht.</translation>
    </message>
    <message>
        <source>The mail was signed with this selector, but receivers cannot find the key at %1, so the signature fails. Publish the key your mail provider gives you.</source>
        <translation>Die E-Mail wurde mit diesem Selektor signiert, aber Empfänger finden den Schlüssel unter %1 nicht, daher schlägt die Signaturprüfung fehl. Veröffentlichen Sie den Schlüssel, den Ihnen Ihr E-Mail-Anbieter gibt.</translation>
    </message>
    <message>
        <source>Selector &quot;%1&quot; of %2 has %3 key records.</source>
        <translation>Der Selektor &quot;%1&quot; von %2 hat %3 Schlüsseleinträge.</translation>
    </message>
    <message>
        <source>There must be exactly one; receivers may pick the wrong one. Remove the extra records.</source>
        <translation>Es darf nur genau einer vorhanden sein; sonst verwenden Empfänger möglicherweise den falschen. Entfernen Sie die überzähligen Einträge.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is broken: %3.</source>
        <translation>Der DKIM-Schlüssel &quot;%1&quot; von %2 ist fehlerhaft: %3.</translation>
    </message>
    <message>
        <source>Receivers cannot verify signatures made with it. Publish the record exactly as your mail provider gives it.</source>
        <translation>Empfänger können damit erstellte Signaturen nicht prüfen. Veröffentlichen Sie den Eintrag genau so, wie Ihr E-Mail-Anbieter ihn vorgibt.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 has been revoked (empty p=).</source>
        <translation>Der DKIM-Schlüssel &quot;%1&quot; von %2 wurde widerrufen (leeres p=).</translation>
    </message>
    <message>
        <source>Signatures with this selector always fail. Sign with a current key or publish the key again.</source>
        <translation>Signaturen mit diesem Selektor schlagen immer fehl. Signieren Sie mit einem aktuellen Schlüssel oder veröffentlichen Sie den Schlüssel erneut.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is only %3 bits long.</source>
        <translation>Der DKIM-Schlüssel &quot;%1&quot; von %2 ist nur %3 Bit lang.</translation>
    </message>
    <message>
        <source>Receivers ignore RSA keys under 1024 bits. Generate a 2048-bit key.</source>
        <translation>Empfänger ignorieren RSA-Schlüssel unter 1024 Bit. Erzeugen Sie einen Schlüssel mit 2048 Bit.</translation>
    </message>
    <message>
        <source>An RSA key of %1 bits.</source>
        <translation>Ein RSA-Schlüssel mit %1 Bit.</translation>
    </message>
    <message>
        <source>An %1 key.</source>
        <translation>Ein %1-Schlüssel.</translation>
    </message>
    <message>
        <source>2048 bits is recommended when you next rotate it.</source>
        <translation>Beim nächsten Schlüsselwechsel werden 2048 Bit empfohlen.</translation>
    </message>
    <message>
        <source>The key is marked as testing (t=y): some receivers treat its signatures as unsigned.</source>
        <translation>Der Schlüssel ist als Test markiert (t=y): Manche Empfänger behandeln seine Signaturen wie nicht signiert.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is published and valid.</source>
        <translation>Der DKIM-Schlüssel &quot;%1&quot; von %2 ist veröffentlicht und gültig.</translation>
    </message>
    <message>
        <source>Could not look for DKIM keys of %1.</source>
        <translation>Die Suche nach DKIM-Schlüsseln von %1 war nicht möglich.</translation>
    </message>
    <message>
        <source>No DKIM key found for %1 under the usual selectors.</source>
        <translation>Unter den üblichen Selektoren wurde kein DKIM-Schlüssel für %1 gefunden.</translation>
    </message>
    <message>
        <source>The selector is not known. Look at the DKIM-Signature header of a message you sent (s=) and check that selector, or ask your mail provider to turn on DKIM signing.</source>
        <translation>Der Selektor ist nicht bekannt. Sehen Sie im DKIM-Signature-Header einer von Ihnen gesendeten Nachricht nach (s=) und prüfen Sie diesen Selektor, oder bitten Sie Ihren E-Mail-Anbieter, die DKIM-Signierung zu aktivieren.</translation>
    </message>
    <message>
        <source>Could not check the DMARC policy of %1: %2.</source>
        <translation>Die DMARC-Richtlinie von %1 konnte nicht geprüft werden: %2.</translation>
    </message>
    <message>
        <source>%1 publishes no DMARC policy.</source>
        <translation>%1 veröffentlicht keine DMARC-Richtlinie.</translation>
    </message>
    <message>
        <source>Large mailbox providers (Gmail, Yahoo, Microsoft) expect one and may reject or junk the mail without it. Start with &quot;v=DMARC1; p=none; rua=mailto:...&quot; at _dmarc.%1.</source>
        <translation>Große E-Mail-Anbieter (Gmail, Yahoo, Microsoft) erwarten eine und können E-Mails ohne sie ablehnen oder in den Spam-Ordner verschieben. Beginnen Sie mit &quot;v=DMARC1; p=none; rua=mailto:...&quot; unter _dmarc.%1.</translation>
    </message>
    <message>
        <source>%1 publishes %2 DMARC records.</source>
        <translation>%1 veröffentlicht %2 DMARC-Einträge.</translation>
    </message>
    <message>
        <source>Receivers ignore DMARC when there is more than one record. Keep exactly one.</source>
        <translation>Empfänger ignorieren DMARC, wenn es mehr als einen Eintrag gibt. Behalten Sie genau einen.</translation>
    </message>
    <message>
        <source> (inherited from %1)</source>
        <translation> (übernommen von %1)</translation>
    </message>
    <message>
        <source>The DMARC record of %1 is broken: %2.</source>
        <translation>Der DMARC-Eintrag von %1 ist fehlerhaft: %2.</translation>
    </message>
    <message>
        <source>Receivers may ignore a record with errors. Correct it.</source>
        <translation>Empfänger ignorieren einen fehlerhaften Eintrag möglicherweise. Korrigieren Sie ihn.</translation>
    </message>
    <message>
        <source>The policy is p=none: receivers only report failures and deliver the mail anyway.</source>
        <translation>Die Richtlinie lautet p=none: Empfänger melden Fehlschläge nur und stellen die E-Mails trotzdem zu.</translation>
    </message>
    <message>
        <source>Mail that fails DMARC goes to spam (p=quarantine).</source>
        <translation>E-Mails, die DMARC nicht bestehen, landen im Spam-Ordner (p=quarantine).</translation>
    </message>
    <message>
        <source>Mail that fails DMARC is rejected (p=reject).</source>
        <translation>E-Mails, die DMARC nicht bestehen, werden abgelehnt (p=reject).</translation>
    </message>
    <message>
        <source>It applies to %1% of failing mail (pct=%1).</source>
        <translation>Die Richtlinie gilt für %1% der E-Mails, die DMARC nicht bestehen (pct=%1).</translation>
    </message>
    <message>
        <source>%1 has a DMARC policy: %2%3.</source>
        <translation>%1 hat eine DMARC-Richtlinie: %2%3.</translation>
    </message>
    <message>
        <source>Could not check whether %1 accepts DMARC reports for %2: %3.</source>
        <translation>Ob %1 DMARC-Berichte für %2 annimmt, konnte nicht geprüft werden: %3.</translation>
    </message>
    <message>
        <source>%1 accepts DMARC reports for %2.</source>
        <translation>%1 nimmt DMARC-Berichte für %2 an.</translation>
    </message>
    <message>
        <source>DMARC reports for %1 will not reach %2.</source>
        <translation>DMARC-Berichte für %1 erreichen %2 nicht.</translation>
    </message>
    <message>
        <source>%1 is another domain and has not published %2._report._dmarc.%1 with &quot;v=DMARC1&quot;, so receivers drop the reports. Ask the report service to add it.</source>
        <translation>%1 ist eine andere Domain und hat %2._report._dmarc.%1 nicht mit &quot;v=DMARC1&quot; veröffentlicht, daher verwerfen Empfänger die Berichte. Bitten Sie den Berichtsdienst, den Eintrag anzulegen.</translation>
    </message>
    <message>
        <source>%1 passed for %2, but that is not your From domain %3, so it does not count for DMARC.</source>
        <translation>%1 war für %2 erfolgreich, aber das ist nicht Ihre From-Domain %3, daher zählt es für DMARC nicht.</translation>
    </message>
    <message>
        <source>%1 did not pass (%2) for %3.</source>
        <translation>%1 war für %3 nicht erfolgreich (%2).</translation>
    </message>
    <message>
        <source>SPF passed for %1</source>
        <translation>SPF bestanden für %1</translation>
    </message>
    <message>
        <source>DKIM passed for %1</source>
        <translation>DKIM bestanden für %1</translation>
    </message>
    <message>
        <source>The message passed DMARC alignment for %1.</source>
        <translation>Die Nachricht hat den DMARC-Abgleich für %1 bestanden.</translation>
    </message>
    <message>
        <source>, which matches the From domain.</source>
        <translation>, die der From-Domain entspricht.</translation>
    </message>
    <message>
        <source>Neither SPF nor DKIM passed for the From domain %1.</source>
        <translation>Weder SPF noch DKIM war für die From-Domain %1 erfolgreich.</translation>
    </message>
    <message>
        <source>DMARC needs at least one of them to pass for %1 itself (or a subdomain of it). Have your mail provider sign with DKIM for %1.</source>
        <translation>DMARC verlangt, dass mindestens eine der beiden Prüfungen für %1 selbst (oder eine Subdomain davon) erfolgreich ist. Lassen Sie Ihren E-Mail-Anbieter mit DKIM für %1 signieren.</translation>
    </message>
    <message>
        <source>the DKIM key &quot;%1&quot; of %2</source>
        <translation>den DKIM-Schlüssel „%1“ von %2</translation>
    </message>
    <message>
        <source>the DKIM keys of %1</source>
        <translation>die DKIM-Schlüssel von %1</translation>
    </message>
    <message>
        <source>whether %1 takes DMARC reports for %2</source>
        <translation>ob %1 DMARC-Berichte für %2 annimmt</translation>
    </message>
    <message>
        <source>the DMARC policy of %1</source>
        <translation>die DMARC-Richtlinie von %1</translation>
    </message>
    <message>
        <source>the SPF record of %1</source>
        <translation>den SPF-Eintrag von %1</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::CaseListModel</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Waiting for the recipient&apos;s IT</source>
        <translation>Wartet auf die IT des Empfängers</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::ChecklistWidget</name>
    <message>
        <source>Message copied to the clipboard.</source>
        <translation>Nachricht in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>No mail app answered: use Copy message and paste it into your mail program.</source>
        <translation>Kein E-Mail-Programm hat reagiert: Kopieren Sie die Nachricht und fügen Sie sie in Ihr E-Mail-Programm ein.</translation>
    </message>
    <message>
        <source>The server&apos;s words:</source>
        <translation>Wortlaut des Servers:</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Shows or hides this step</source>
        <translation>Blendet diesen Schritt ein oder aus</translation>
    </message>
    <message>
        <source>Run check: %1</source>
        <translation>Prüfung starten: %1</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Fortschritt der Prüfung</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>Empfängeradresse</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Empfänger:</translation>
    </message>
    <message>
        <source>Sending IP address</source>
        <translation>Sendende IP-Adresse</translation>
    </message>
    <message>
        <source>Sending IP:</source>
        <translation>Sendende IP:</translation>
    </message>
    <message>
        <source>Sending domain</source>
        <translation>Sendende Domain</translation>
    </message>
    <message>
        <source>DKIM selector</source>
        <translation>DKIM-Selektor</translation>
    </message>
    <message>
        <source>Sending domain:</source>
        <translation>Sendende Domain:</translation>
    </message>
    <message>
        <source>DKIM selector:</source>
        <translation>DKIM-Selektor:</translation>
    </message>
    <message>
        <source>Authentication results in the bounce</source>
        <translation>Authentifizierungsergebnisse in der Unzustellbarkeitsnachricht</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Evaluated by</source>
        <translation>Ausgewertet von</translation>
    </message>
    <message>
        <source>Draft recipient</source>
        <translation>Empfänger des Entwurfs</translation>
    </message>
    <message>
        <source>Draft subject</source>
        <translation>Betreff des Entwurfs</translation>
    </message>
    <message>
        <source>Draft message</source>
        <translation>Text des Entwurfs</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Also reach the recipient by phone or another channel: they may not know their mail system refuses you.</source>
        <translation>Kontaktieren Sie den Empfänger zusätzlich telefonisch oder auf einem anderen Weg: Möglicherweise weiß er nicht, dass sein E-Mail-System Ihre Nachrichten abweist.</translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation>Nachricht &amp;kopieren</translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation>In &amp;Mail-App öffnen</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2

%3</source>
        <translation>An: %1
Betreff: %2

%3</translation>
    </message>
    <message>
        <source>Could not check: %1. Fix the DNS servers in Settings.</source>
        <translation>Prüfung nicht möglich: %1. Korrigieren Sie die DNS-Server in den Einstellungen.</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>Mehr: %1</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>Prüfung &amp;starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Nothing in the address looks mistyped.</source>
        <translation>In der Adresse sieht nichts nach einem Tippfehler aus.</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Meinten Sie %1?</translation>
    </message>
    <message>
        <source>The bounce does not show your sending IP: ask your email provider for it, or type it above.</source>
        <translation>Die Unzustellbarkeitsnachricht zeigt Ihre sendende IP-Adresse nicht: Fragen Sie Ihren E-Mail-Anbieter danach oder geben Sie sie oben ein.</translation>
    </message>
    <message>
        <source>The bounce names no blocklist.</source>
        <translation>Die Unzustellbarkeitsnachricht nennt keine Sperrliste.</translation>
    </message>
    <message>
        <source>The server&apos;s reply names the blocklist %1.</source>
        <translation>Die Antwort des Servers nennt die Sperrliste %1.</translation>
    </message>
    <message>
        <source>The bounce carries no authentication results.</source>
        <translation>Die Unzustellbarkeitsnachricht enthält keine Authentifizierungsergebnisse.</translation>
    </message>
    <message numerus="yes">
        <source>The returned message carries %n authentication result(s).</source>
        <translation>
            <numerusform>Die zurückgesandte Nachricht enthält %n Authentifizierungsergebnis.</numerusform>
            <numerusform>Die zurückgesandte Nachricht enthält %n Authentifizierungsergebnisse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::DiagnosisView</name>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Diagnosis headline</source>
        <translation>Diagnose-Überschrift</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>Wichtige Fakten</translation>
    </message>
    <message>
        <source>The server&apos;s exact words</source>
        <translation>Der genaue Wortlaut des Servers</translation>
    </message>
    <message>
        <source>What to do, step by step</source>
        <translation>Was zu tun ist, Schritt für Schritt</translation>
    </message>
    <message>
        <source>Paste a bounce, open a saved message, or drop one here.</source>
        <translation>Fügen Sie eine Unzustellbarkeitsnachricht ein, öffnen Sie eine gespeicherte Nachricht oder ziehen Sie sie hierher.</translation>
    </message>
    <message>
        <source>Who needs to act: %1</source>
        <translation>Wer handeln muss: %1</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Meinten Sie %1?</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::HelpDialog</name>
    <message>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <source>DKIM</source>
        <translation>DKIM</translation>
    </message>
    <message>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <source>Sending IP</source>
        <translation>Sendende IP</translation>
    </message>
    <message>
        <source>How to read a bounce</source>
        <translation>Wie man eine Unzustellbarkeitsnachricht liest</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Hilfetext</translation>
    </message>
    <message>
        <source>Find the error line: a three-digit reply code and usually a code like 5.1.1, then the server&apos;s words, for example &quot;550 5.1.1 User unknown&quot;.</source>
        <translation>Suchen Sie die Fehlerzeile: einen dreistelligen Antwortcode und meist einen Code wie 5.1.1, danach den Wortlaut des Servers, zum Beispiel „550 5.1.1 User unknown“.</translation>
    </message>
    <message>
        <source>The first digit says how lasting it is: 2 means delivered, 4 means temporary (your server retries by itself), 5 means refused (it will not be retried).</source>
        <translation>Die erste Ziffer sagt, wie dauerhaft der Fehler ist: 2 bedeutet zugestellt, 4 vorübergehend (Ihr Server versucht es selbst erneut), 5 abgelehnt (es wird nicht erneut versucht).</translation>
    </message>
    <message>
        <source>The second part says what kind of problem: x.1.x the address, x.2.x the mailbox, x.3.x the receiving system, x.4.x the network or routing, x.5.x the mail protocol, x.7.x security and policy (blocklists, SPF, DKIM, DMARC).</source>
        <translation>Der zweite Teil sagt, welche Art von Problem vorliegt: x.1.x die Adresse, x.2.x das Postfach, x.3.x das empfangende System, x.4.x das Netzwerk oder die Weiterleitung, x.5.x das Mailprotokoll, x.7.x Sicherheit und Richtlinien (Sperrlisten, SPF, DKIM, DMARC).</translation>
    </message>
    <message>
        <source>The server&apos;s words say the rest. Bounce Doctor explains them, says who must act, and opens the first step of the checklist.</source>
        <translation>Der Wortlaut des Servers sagt den Rest. Bounce Doctor erklärt ihn, sagt, wer handeln muss, und öffnet den ersten Schritt der Checkliste.</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>Bounce</source>
        <translation>Unzustellbarkeitsnachricht (Bounce)</translation>
    </message>
    <message>
        <source>The message your mail server sends back when it could not deliver yours, also called a non-delivery report (NDR) or DSN.</source>
        <translation>Die Nachricht, die Ihr Mailserver zurückschickt, wenn er Ihre E-Mail nicht zustellen konnte, auch Unzustellbarkeitsbericht (NDR) oder DSN genannt.</translation>
    </message>
    <message>
        <source>MX record</source>
        <translation>MX-Eintrag</translation>
    </message>
    <message>
        <source>The DNS record naming the servers that receive mail for a domain. A domain without one usually cannot receive mail.</source>
        <translation>Der DNS-Eintrag, der die Server nennt, die E-Mails für eine Domain empfangen. Eine Domain ohne ihn kann meist keine E-Mails empfangen.</translation>
    </message>
    <message>
        <source>A DNS record listing the servers allowed to send mail for your domain. Mail from a server not on the list may be refused.</source>
        <translation>Ein DNS-Eintrag, der die Server aufführt, die E-Mails für Ihre Domain senden dürfen. E-Mails von einem Server, der nicht auf der Liste steht, können abgelehnt werden.</translation>
    </message>
    <message>
        <source>A signature your server adds to each message, checked against a key in your domain&apos;s DNS. It proves the message was not changed.</source>
        <translation>Eine Signatur, die Ihr Server jeder Nachricht hinzufügt und die mit einem Schlüssel im DNS Ihrer Domain geprüft wird. Sie beweist, dass die Nachricht nicht verändert wurde.</translation>
    </message>
    <message>
        <source>A DNS record telling receivers what to do with mail that claims to be from your domain but passes neither SPF nor DKIM for it.</source>
        <translation>Ein DNS-Eintrag, der Empfängern sagt, was sie mit E-Mails tun sollen, die angeblich von Ihrer Domain kommen, aber dafür weder SPF noch DKIM bestehen.</translation>
    </message>
    <message>
        <source>PTR record (reverse DNS)</source>
        <translation>PTR-Eintrag (Reverse-DNS)</translation>
    </message>
    <message>
        <source>The name an IP address points back to. Many servers refuse mail from an IP address without one, or whose name does not match.</source>
        <translation>Der Name, auf den eine IP-Adresse zurückverweist. Viele Server lehnen E-Mails von einer IP-Adresse ohne diesen Namen ab oder wenn der Name nicht passt.</translation>
    </message>
    <message>
        <source>Blocklist (DNSBL)</source>
        <translation>Sperrliste (DNSBL)</translation>
    </message>
    <message>
        <source>A public list of IP addresses or domains that sent spam. Servers ask these lists and refuse mail from what is listed.</source>
        <translation>Eine öffentliche Liste von IP-Adressen oder Domains, die Spam verschickt haben. Server fragen diese Listen ab und lehnen E-Mails von gelisteten Absendern ab.</translation>
    </message>
    <message>
        <source>The address of the server your message left from, as the receiving server saw it.</source>
        <translation>Die Adresse des Servers, von dem Ihre Nachricht abgeschickt wurde, so wie der empfangende Server sie gesehen hat.</translation>
    </message>
    <message>
        <source>Postmaster</source>
        <translation>Postmaster</translation>
    </message>
    <message>
        <source>The address every mail domain should have for its mail administrators: postmaster@ followed by the domain.</source>
        <translation>Die Adresse, die jede Mail-Domain für ihre Mail-Administratoren haben sollte: postmaster@ gefolgt von der Domain.</translation>
    </message>
    <message>
        <source>Explains why an email bounced, in plain words, and walks you through fixing it.</source>
        <translation>Erklärt in einfachen Worten, warum eine E-Mail nicht zugestellt wurde, und führt Sie Schritt für Schritt zur Lösung.</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). There is no warranty.</source>
        <translation>Lizenz: GNU General Public License, Version 3 oder neuer (GPL-3.0-or-later). Es gibt keine Gewährleistung.</translation>
    </message>
    <message>
        <source>Credits: the bounce reason names follow Sisimai (BSD-2-Clause) by azumakuniyuki and contributors. Built with Qt, GMime, RE2, c-ares, libpsl, OpenSSL and SQLite.</source>
        <translation>Danksagung: Die Namen der Bounce-Gründe folgen Sisimai (BSD-2-Clause) von azumakuniyuki und Mitwirkenden. Erstellt mit Qt, GMime, c-ares, libpsl, RE2, OpenSSL und SQLite.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::HistoryPanel</name>
    <message>
        <source>Search recipient, domain, sending IP, reason, provider, ticket…</source>
        <translation>Empfänger, Domain, sendende IP, Grund, Anbieter, Ticket suchen…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Show cases in state</source>
        <translation>Fälle mit Status anzeigen</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Show cases from</source>
        <translation>Fälle anzeigen aus</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebiger Zeitraum</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Letzte 365 Tage</translation>
    </message>
    <message>
        <source>Stored cases</source>
        <translation>Gespeicherte Fälle</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete All…</source>
        <translation>Alle löschen…</translation>
    </message>
    <message>
        <source>e.g. HD-1042</source>
        <translation>z. B. HD-1042</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Notes on this case</source>
        <translation>Notizen zu diesem Fall</translation>
    </message>
    <message>
        <source>Add a note, e.g. &quot;called their IT, waiting for an answer&quot;</source>
        <translation>Notiz hinzufügen, z. B. „IT angerufen, warte auf Antwort“</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>&amp;Notiz hinzufügen</translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>Der Fallverlauf ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Fallverlauf</translation>
    </message>
    <message>
        <source>Delete this case and its notes from the history?</source>
        <translation>Diesen Fall und seine Notizen aus dem Verlauf löschen?</translation>
    </message>
    <message>
        <source>Delete every case in the history? This cannot be undone.</source>
        <translation>Alle Fälle im Verlauf löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Copy for &amp;Ticket</source>
        <translation>Für &amp;Ticket kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Als &amp;Markdown kopieren</translation>
    </message>
    <message>
        <source>Copy Tit&amp;le</source>
        <translation>Tite&amp;l kopieren</translation>
    </message>
    <message>
        <source>A one-line summary for the ticket&apos;s title</source>
        <translation>Eine einzeilige Zusammenfassung für den Titel des Tickets</translation>
    </message>
    <message>
        <source>Case title copied to the clipboard.</source>
        <translation>Titel des Falls in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Case copied to the clipboard.</source>
        <translation>Fall in die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::MainWindow</name>
    <message>
        <source>Open saved messages (.eml), an mbox, or a folder of them</source>
        <translation>Gespeicherte Nachrichten (.eml), eine mbox-Datei oder einen Ordner damit öffnen</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Anzahlen</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>&amp;How to Read a Bounce</source>
        <translation>&amp;Wie man eine Unzustellbarkeitsnachricht liest</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Datei nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Open a folder of bounces</source>
        <translation>Ordner mit Unzustellbarkeitsnachrichten öffnen</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Bericht gespeichert unter %1</translation>
    </message>
    <message>
        <source>Ticket text copied to the clipboard.</source>
        <translation>Tickettext in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Bounce text</source>
        <translation>Text der Unzustellbarkeitsnachricht</translation>
    </message>
    <message>
        <source>Paste the bounce here: the whole message, or just the error line such as
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</source>
        <translation>Fügen Sie hier die Unzustellbarkeitsnachricht ein: die ganze Nachricht oder nur die Fehlerzeile, zum Beispiel
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</translation>
    </message>
    <message>
        <source>&amp;Diagnose</source>
        <translation>Dia&amp;gnostizieren</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Filter recipients, reasons, providers…</source>
        <translation>Empfänger, Gründe, Anbieter filtern…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export Report</source>
        <translation>Bericht &amp;exportieren</translation>
    </message>
    <message>
        <source>&amp;Markdown…</source>
        <translation>&amp;Markdown…</translation>
    </message>
    <message>
        <source>&amp;HTML…</source>
        <translation>&amp;HTML…</translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation>&amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Copy as Ticket Text</source>
        <translation>Als &amp;Ticket-Text kopieren</translation>
    </message>
    <message>
        <source>Export &amp;Addresses to Remove…</source>
        <translation>Zu entfernende &amp;Adressen exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Paste Bounce</source>
        <translation>&amp;Unzustellbarkeitsnachricht einfügen</translation>
    </message>
    <message>
        <source>&amp;Filter Results</source>
        <translation>Ergebnisse &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>&amp;Beispiele</translation>
    </message>
    <message>
        <source>&amp;About Bounce Doctor</source>
        <translation>Ü&amp;ber Bounce Doctor</translation>
    </message>
    <message>
        <source>About Bounce Doctor</source>
        <translation>Über Bounce Doctor</translation>
    </message>
    <message>
        <source>This does not look like a bounce: no failed recipient was found. Paste the whole bounce, or the line with the error code.</source>
        <translation>Das sieht nicht nach einer Unzustellbarkeitsnachricht aus: Es wurde kein fehlgeschlagener Empfänger gefunden. Fügen Sie die vollständige Unzustellbarkeitsnachricht ein oder die Zeile mit dem Fehlercode.</translation>
    </message>
    <message>
        <source>Nothing could be read.</source>
        <translation>Es konnte nichts gelesen werden.</translation>
    </message>
    <message>
        <source>Messages read: %1. </source>
        <translation>Gelesene Nachrichten: %1. </translation>
    </message>
    <message>
        <source>Open bounces</source>
        <translation>Unzustellbarkeitsnachrichten öffnen</translation>
    </message>
    <message>
        <source>There is no diagnosis to export yet.</source>
        <translation>Es gibt noch keine Diagnose zum Exportieren.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Bounce diagnosis</source>
        <translation>Diagnose der Unzustellbarkeit</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export addresses to remove</source>
        <translation>Zu entfernende Adressen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>All supported: messages, mailboxes, files without extension (*.eml *.mbox *.mbx *.txt *);;Email messages (*.eml);;Mailboxes (*.mbox *.mbx)</source>
        <translation>Alle unterstützten: Nachrichten, Postfächer, Dateien ohne Endung (*.eml *.mbox *.mbx *.txt *);;E-Mail-Nachrichten (*.eml);;Postfächer (*.mbox *.mbx)</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) saved to %1</source>
        <translation>
            <numerusform>%n Adresse in %1 gespeichert</numerusform>
            <numerusform>%n Adressen in %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>The case history is off (Edit &gt; Settings).</source>
        <translation>Der Fallverlauf ist ausgeschaltet (Bearbeiten &gt; Einstellungen).</translation>
    </message>
    <message>
        <source>The case history was damaged: it was moved to %1 and a new one started.</source>
        <translation>Der Fallverlauf war beschädigt: Er wurde nach %1 verschoben und ein neuer begonnen.</translation>
    </message>
    <message>
        <source>This case could not be stored in the history: %1</source>
        <translation>Dieser Fall konnte nicht im Verlauf gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The case could not be stored: %1</source>
        <translation>Der Fall konnte nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Seen before: %n earlier case(s) with this recipient, its domain or the sending IP; the last on %1 (%2). View &gt; History shows them.</source>
        <translation>
            <numerusform>Schon gesehen: %n früherer Fall mit diesem Empfänger, seiner Domain oder der sendenden IP; zuletzt am %1 (%2). Ansicht &gt; Verlauf zeigt ihn.</numerusform>
            <numerusform>Schon gesehen: %n frühere Fälle mit diesem Empfänger, seiner Domain oder der sendenden IP; zuletzt am %1 (%2). Ansicht &gt; Verlauf zeigt sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>Der Fallverlauf ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>Case %1 — %2</source>
        <translation>Fall %1 — %2</translation>
    </message>
    <message>
        <source>Case %1 reopened from the history.</source>
        <translation>Fall %1 aus dem Verlauf wieder geöffnet.</translation>
    </message>
    <message>
        <source>&amp;Hide Personal Data in Exports</source>
        <translation>Persönliche Daten in Exporten &amp;ausblenden</translation>
    </message>
    <message>
        <source>Reports, ticket texts and cases handed over mask the recipients&apos; addresses, the sender and the subject; the server&apos;s words stay</source>
        <translation>Berichte, Tickettexte und übergebene Fälle maskieren die Adressen der Empfänger, den Absender und den Betreff; der Wortlaut des Servers bleibt</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>DNS-Server</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>&amp;DNS-Server:</translation>
    </message>
    <message>
        <source>IP or IP:PORT, separated by commas. Blocklists such as Spamhaus refuse public resolvers (1.1.1.1, 8.8.8.8): use your own.</source>
        <translation>IP oder IP:PORT, durch Kommas getrennt. Sperrlisten wie Spamhaus lehnen öffentliche Resolver ab (1.1.1.1, 8.8.8.8): Verwenden Sie Ihren eigenen.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Timeout per query:</source>
        <translation>&amp;Zeitlimit pro Abfrage:</translation>
    </message>
    <message>
        <source>Spamhaus DQS key</source>
        <translation>Spamhaus-DQS-Schlüssel</translation>
    </message>
    <message>
        <source>Optional: a free key from Spamhaus</source>
        <translation>Optional: ein kostenloser Schlüssel von Spamhaus</translation>
    </message>
    <message>
        <source>Spamhaus D&amp;QS key:</source>
        <translation>Spamhaus-D&amp;QS-Schlüssel:</translation>
    </message>
    <message>
        <source>Blocklists to check</source>
        <translation>Zu prüfende Sperrlisten</translation>
    </message>
    <message>
        <source>&amp;Blocklists:</source>
        <translation>S&amp;perrlisten:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when Bounce Doctor starts again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von Bounce Doctor wirksam.</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest &amp;message:</source>
        <translation>Größte &amp;Nachricht:</translation>
    </message>
    <message>
        <source>Most messages &amp;opened at once:</source>
        <translation>Höchstzahl gleichzeitig ge&amp;öffneter Nachrichten:</translation>
    </message>
    <message>
        <source>&amp;Keep a history of cases</source>
        <translation>Verlauf der &amp;Fälle führen</translation>
    </message>
    <message>
        <source>Keep the bounce&apos;s own te&amp;xt in each case</source>
        <translation>Den eigenen &amp;Text der Unzustellbarkeitsnachricht in jedem Fall speichern</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>Für immer behalten</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Delete cases &amp;after:</source>
        <translation>Fälle löschen &amp;nach:</translation>
    </message>
    <message>
        <source>Shared case history</source>
        <translation>Gemeinsamer Fallverlauf</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>Shared &amp;history:</source>
        <translation>Gemeinsamer &amp;Verlauf:</translation>
    </message>
    <message>
        <source>For a team: postgresql://user:password@host:5432/database. Empty keeps the history in a file on this computer. Applies when Bounce Doctor starts again.</source>
        <translation>Für ein Team: postgresql://user:password@host:5432/database. Leer lässt den Verlauf in einer Datei auf diesem Computer. Gilt nach dem nächsten Start von Bounce Doctor.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::SpfEvaluator</name>
    <message>
        <source>%1: not a usable domain name</source>
        <translation>%1: kein verwendbarer Domainname</translation>
    </message>
    <message>
        <source>the DNS lookup of %1 failed (%2)</source>
        <translation>die DNS-Abfrage von %1 ist fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>%1: no SPF record</source>
        <translation>%1: kein SPF-Eintrag</translation>
    </message>
    <message>
        <source>%1 publishes %2 SPF records; only one is allowed</source>
        <translation>%1 veröffentlicht %2 SPF-Einträge; nur einer ist erlaubt</translation>
    </message>
    <message>
        <source>syntax error in the SPF record of %1: %2</source>
        <translation>Syntaxfehler im SPF-Eintrag von %1: %2</translation>
    </message>
    <message>
        <source>no mechanism matched: neutral</source>
        <translation>kein Mechanismus hat zugetroffen: neutral</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms</source>
        <translation>mehr als %1 Ausdrücke mit DNS-Abfragen</translation>
    </message>
    <message>
        <source>bad redirect target</source>
        <translation>ungültiges Ziel für redirect</translation>
    </message>
    <message>
        <source>redirect loop back to %1</source>
        <translation>redirect-Schleife zurück zu %1</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms (at %2)</source>
        <translation>mehr als %1 Ausdrücke mit DNS-Abfragen (bei %2)</translation>
    </message>
    <message>
        <source>DNS lookup of %1 failed (%2) at %3</source>
        <translation>DNS-Abfrage von %1 fehlgeschlagen (%2) bei %3</translation>
    </message>
    <message>
        <source>more than %1 void lookups</source>
        <translation>mehr als %1 DNS-Abfragen ohne Ergebnis</translation>
    </message>
    <message>
        <source>%1 has more than %2 MX records</source>
        <translation>%1 hat mehr als %2 MX-Einträge</translation>
    </message>
    <message>
        <source>include loop back to %1</source>
        <translation>include-Schleife zurück zu %1</translation>
    </message>
    <message>
        <source>%1 has no SPF record for the include</source>
        <translation>%1 hat keinen SPF-Eintrag für das include</translation>
    </message>
</context>
<context>
    <name>BounceReader</name>
    <message>
        <source>not an e-mail message (no headers)</source>
        <translation>keine E-Mail-Nachricht (keine Header)</translation>
    </message>
    <message>
        <source>MIME parts are nested more than %1 levels deep</source>
        <translation>MIME-Teile sind tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>the message has more than %1 MIME parts</source>
        <translation>die Nachricht hat mehr als %1 MIME-Teile</translation>
    </message>
    <message>
        <source>the message holds more than %1 attached messages (counting messages inside messages)</source>
        <translation>die Nachricht enthält mehr als %1 angehängte Nachrichten (Nachrichten in Nachrichten mitgezählt)</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields in its parts and attached messages</source>
        <translation>die Nachricht hat mehr als %1 Kopfzeilen in ihren Teilen und angehängten Nachrichten</translation>
    </message>
    <message>
        <source>the message declares more than %1 MIME multiparts</source>
        <translation>die Nachricht deklariert mehr als %1 MIME-Multiparts</translation>
    </message>
</context>
<context>
    <name>BounceReaderTr</name>
    <message>
        <source>message %1 is larger than the limit of %2 bytes</source>
        <translation>Nachricht %1 überschreitet die Grenze von %2 Byte</translation>
    </message>
    <message>
        <source>message is larger than the limit of %1 bytes</source>
        <translation>die Nachricht überschreitet die Grenze von %1 Byte</translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation>die Nachricht ist leer</translation>
    </message>
    <message>
        <source>nothing was pasted</source>
        <translation>es wurde nichts eingefügt</translation>
    </message>
    <message>
        <source>cannot read standard input: %1</source>
        <translation>Standardeingabe kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Datei oder Verzeichnis nicht gefunden</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the limit of %2 bytes for one message</source>
        <translation>%1 überschreitet die Grenze von %2 Byte für eine einzelne Nachricht</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>a header line is longer than the limit of %1 bytes</source>
        <translation>eine Kopfzeile ist länger als die Grenze von %1 Bytes</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields</source>
        <translation>die Nachricht hat mehr als %1 Kopfzeilenfelder</translation>
    </message>
    <message>
        <source>stopped after %1 messages, the limit for one batch: %2 and what follows it were not read</source>
        <translation>nach %1 Nachrichten angehalten, der Grenze für einen Stapel: %2 und alles Weitere wurden nicht gelesen</translation>
    </message>
    <message>
        <source>only the first %1 of its %2 recipients were read (the limit for one message)</source>
        <translation>nur die ersten %1 von %2 Empfängern wurden gelesen (die Grenze für eine Nachricht)</translation>
    </message>
    <message>
        <source>it is a symbolic link to something that does not exist</source>
        <translation>es ist ein symbolischer Link auf etwas, das nicht existiert</translation>
    </message>
    <message>
        <source>it is a loop of symbolic links</source>
        <translation>es ist eine Schleife symbolischer Links</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein blockorientiertes Gerät</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>eine benannte Pipe (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>cannot read %1: it is %2; only files, folders and Maildirs are read</source>
        <translation>%1 kann nicht gelesen werden: es ist %2; gelesen werden nur Dateien, Ordner und Maildirs</translation>
    </message>
    <message>
        <source>cannot read the folder %1: %2</source>
        <translation>der Ordner %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>BulkSender</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Gmail, Yahoo and Outlook.com bulk sender rule</source>
        <translation>Massenversender-Regel von Gmail, Yahoo und Outlook.com</translation>
    </message>
    <message>
        <source>Gmail and Yahoo (since February 2024) and Outlook.com (since May 2025) require it of senders of over 5,000 messages a day.</source>
        <translation>Gmail und Yahoo (seit Februar 2024) sowie Outlook.com (seit Mai 2025) verlangen dies von Absendern mit mehr als 5.000 Nachrichten pro Tag.</translation>
    </message>
    <message>
        <source>Gmail and Yahoo sender rule</source>
        <translation>Absender-Regel von Gmail und Yahoo</translation>
    </message>
    <message>
        <source>Gmail and Yahoo require it of every sender since February 2024, bulk or not.</source>
        <translation>Gmail und Yahoo verlangen dies seit Februar 2024 von jedem Absender, ob Massenversand oder nicht.</translation>
    </message>
    <message>
        <source>Gmail and Yahoo ignore DKIM keys under 1024 bits.</source>
        <translation>Gmail und Yahoo ignorieren DKIM-Schlüssel unter 1024 Bit.</translation>
    </message>
    <message>
        <source>RFC 5322</source>
        <translation>RFC 5322</translation>
    </message>
    <message>
        <source>Every message needs a Message-ID and a Date (RFC 5322); Gmail rejects mail without them.</source>
        <translation>Jede Nachricht braucht eine Message-ID und ein Datum (RFC 5322); Gmail lehnt E-Mails ohne diese ab.</translation>
    </message>
    <message>
        <source>SPF passed at the receiver.</source>
        <translation>SPF wurde beim Empfänger bestanden.</translation>
    </message>
    <message>
        <source>SPF did not pass at the receiver (%1).</source>
        <translation>SPF wurde beim Empfänger nicht bestanden (%1).</translation>
    </message>
    <message>
        <source>SPF passes for the sending IP address.</source>
        <translation>SPF besteht für die sendende IP-Adresse.</translation>
    </message>
    <message>
        <source>SPF does not pass for the sending IP address.</source>
        <translation>SPF besteht für die sendende IP-Adresse nicht.</translation>
    </message>
    <message>
        <source>Could not check whether SPF passes: the bounce shows no result and the live check gave none.</source>
        <translation>Nicht prüfbar, ob SPF besteht: Die Unzustellbarkeitsnachricht zeigt kein Ergebnis, und die Live-Prüfung lieferte keines.</translation>
    </message>
    <message>
        <source>Could not check whether DKIM passes: the bounce does not show the receiver&apos;s result.</source>
        <translation>Nicht prüfbar, ob DKIM besteht: Die Unzustellbarkeitsnachricht zeigt das Ergebnis des Empfängers nicht.</translation>
    </message>
    <message>
        <source>DKIM passed at the receiver.</source>
        <translation>DKIM wurde beim Empfänger bestanden.</translation>
    </message>
    <message>
        <source>DKIM did not pass at the receiver (%1).</source>
        <translation>DKIM wurde beim Empfänger nicht bestanden (%1).</translation>
    </message>
    <message>
        <source>A DMARC policy is published (p=none is enough).</source>
        <translation>Eine DMARC-Richtlinie ist veröffentlicht (p=none genügt).</translation>
    </message>
    <message>
        <source>No usable DMARC policy is published.</source>
        <translation>Es ist keine brauchbare DMARC-Richtlinie veröffentlicht.</translation>
    </message>
    <message>
        <source>Could not check whether a DMARC policy is published.</source>
        <translation>Nicht prüfbar, ob eine DMARC-Richtlinie veröffentlicht ist.</translation>
    </message>
    <message>
        <source>The From domain is aligned with SPF or DKIM.</source>
        <translation>Die From-Domain ist mit SPF oder DKIM abgestimmt (Alignment).</translation>
    </message>
    <message>
        <source>The From domain is aligned with neither SPF nor DKIM.</source>
        <translation>Die From-Domain ist weder mit SPF noch mit DKIM abgestimmt (Alignment).</translation>
    </message>
    <message>
        <source>Could not check alignment: the bounce does not show the receiver&apos;s SPF and DKIM results.</source>
        <translation>Alignment nicht prüfbar: Die Unzustellbarkeitsnachricht zeigt die SPF- und DKIM-Ergebnisse des Empfängers nicht.</translation>
    </message>
    <message>
        <source>The sending IP has forward-confirmed reverse DNS.</source>
        <translation>Die sendende IP hat einen bestätigten Reverse-DNS-Namen (forward-confirmed).</translation>
    </message>
    <message>
        <source>The sending IP lacks forward-confirmed reverse DNS.</source>
        <translation>Der sendenden IP fehlt ein bestätigter Reverse-DNS-Name (forward-confirmed).</translation>
    </message>
    <message>
        <source>Could not check the sending IP&apos;s reverse DNS.</source>
        <translation>Der Reverse-DNS-Eintrag der sendenden IP konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The DKIM key is valid and at least 1024 bits long.</source>
        <translation>Der DKIM-Schlüssel ist gültig und mindestens 1024 Bit lang.</translation>
    </message>
    <message>
        <source>The DKIM key is missing, broken or under 1024 bits.</source>
        <translation>Der DKIM-Schlüssel fehlt, ist fehlerhaft oder kürzer als 1024 Bit.</translation>
    </message>
    <message>
        <source>Could not check the DKIM key&apos;s length.</source>
        <translation>Die Länge des DKIM-Schlüssels konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Could not check that the message travelled over TLS: Bounce Doctor does not read the returned message&apos;s Received chain yet.</source>
        <translation>Nicht prüfbar, ob die Nachricht über TLS übertragen wurde: Bounce Doctor liest die Received-Kette der zurückgesandten Nachricht noch nicht.</translation>
    </message>
    <message>
        <source>Could not check one-click unsubscribe (List-Unsubscribe with List-Unsubscribe-Post, RFC 8058): Bounce Doctor does not read those headers of the returned message yet.</source>
        <translation>Abmeldung mit einem Klick (List-Unsubscribe mit List-Unsubscribe-Post, RFC 8058) nicht prüfbar: Bounce Doctor liest diese Kopfzeilen der zurückgesandten Nachricht noch nicht.</translation>
    </message>
    <message>
        <source>Could not check the Message-ID: the bounce did not return it.</source>
        <translation>Message-ID nicht prüfbar: Die Unzustellbarkeitsnachricht enthält sie nicht.</translation>
    </message>
    <message>
        <source>The message has a valid Message-ID.</source>
        <translation>Die Nachricht hat eine gültige Message-ID.</translation>
    </message>
    <message>
        <source>The Message-ID &quot;%1&quot; is not valid: it must look like &lt;unique@domain&gt;.</source>
        <translation>Die Message-ID &quot;%1&quot; ist ungültig: Sie muss wie &lt;eindeutig@domain&gt; aussehen.</translation>
    </message>
    <message>
        <source>Could not check the Date: the bounce did not return it.</source>
        <translation>Datum nicht prüfbar: Die Unzustellbarkeitsnachricht enthält es nicht.</translation>
    </message>
    <message>
        <source>The message has a valid Date.</source>
        <translation>Die Nachricht hat ein gültiges Datum (Date).</translation>
    </message>
    <message>
        <source>The Date &quot;%1&quot; is not a valid RFC 5322 date.</source>
        <translation>Das Datum &quot;%1&quot; ist kein gültiges Datum nach RFC 5322.</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Could not check %1: %2</source>
        <translation>Prüfung nicht möglich für %1: %2</translation>
    </message>
    <message>
        <source>The DNS question could not be answered, so this says nothing either way. Check your network and DNS server settings, then run the check again.</source>
        <translation>Die DNS-Anfrage konnte nicht beantwortet werden, daher ist dieses Ergebnis nicht aussagekräftig. Prüfen Sie Ihre Netzwerkverbindung und die DNS-Server-Einstellungen und starten Sie die Prüfung dann erneut.</translation>
    </message>
</context>
<context>
    <name>ContactCheck</name>
    <message>
        <source>No recipient domain to write to.</source>
        <translation>Keine Empfängerdomain, an die geschrieben werden kann.</translation>
    </message>
    <message>
        <source>Write to %1: %2</source>
        <translation>Schreiben Sie an %1: %2</translation>
    </message>
    <message>
        <source>The recipient&apos;s server names %1 for help.</source>
        <translation>Der Server des Empfängers nennt %1 als Anlaufstelle für Hilfe.</translation>
    </message>
    <message>
        <source>No message to the recipient&apos;s IT is needed: the fix is on your side.</source>
        <translation>Eine Nachricht an die IT des Empfängers ist nicht nötig: Die Lösung liegt auf Ihrer Seite.</translation>
    </message>
    <message>
        <source>Reach %1 another way: a personal mailbox has no IT to write to.</source>
        <translation>Erreichen Sie %1 auf anderem Weg: Ein privates Postfach hat keine IT, an die man schreiben kann.</translation>
    </message>
    <message>
        <source>A page of %1 for senders.</source>
        <translation>Eine Seite von %1 für Absender.</translation>
    </message>
</context>
<context>
    <name>ContactDraftTr</name>
    <message>
        <source>%1 (sending IP %2)</source>
        <translation>%1 (Absender-IP %2)</translation>
    </message>
    <message>
        <source>Could you please add %1 to your allowed senders, or tell us which rule refused the message?</source>
        <translation>Könnten Sie bitte %1 zu Ihren zugelassenen Absendern hinzufügen oder uns mitteilen, aufgrund welcher Regel die Nachricht abgelehnt wurde?</translation>
    </message>
    <message>
        <source>Could you please check why your server refused mail from %1, and allow-list it if you can?</source>
        <translation>Könnten Sie bitte prüfen, warum Ihr Server unsere E-Mail abgelehnt hat (Absender: %1), und uns nach Möglichkeit als zugelassenen Absender eintragen?</translation>
    </message>
    <message>
        <source>Could you please confirm whether this mailbox exists and is active, or give us the right address?</source>
        <translation>Könnten Sie bitte bestätigen, ob dieses Postfach existiert und aktiv ist, oder uns die richtige Adresse mitteilen?</translation>
    </message>
    <message>
        <source>Could you please check the mailbox&apos;s storage or size limits?</source>
        <translation>Könnten Sie bitte den Speicherplatz bzw. die Größenbeschränkungen des Postfachs überprüfen?</translation>
    </message>
    <message>
        <source>Could you please check that your domain&apos;s MX records point to your mail server, and that it accepts mail for this address?</source>
        <translation>Könnten Sie bitte prüfen, ob die MX-Einträge Ihrer Domain auf Ihren Mailserver verweisen und ob dieser E-Mails für diese Adresse annimmt?</translation>
    </message>
    <message>
        <source>We are checking our SPF, DKIM and DMARC set-up; could you tell us which check failed on your side?</source>
        <translation>Wir überprüfen derzeit unsere SPF-, DKIM- und DMARC-Konfiguration. Könnten Sie uns mitteilen, welche Prüfung auf Ihrer Seite fehlgeschlagen ist?</translation>
    </message>
    <message>
        <source>Could you please look into this error and tell us what we should change?</source>
        <translation>Könnten Sie sich diesen Fehler bitte ansehen und uns mitteilen, was wir ändern sollten?</translation>
    </message>
    <message>
        <source>our address</source>
        <translation>unsere Adresse</translation>
    </message>
    <message>
        <source>Email to %1 was rejected by your server</source>
        <translation>Ihr Server hat unsere E-Mail an %1 abgelehnt</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>Sehr geehrte Damen und Herren,</translation>
    </message>
    <message>
        <source>We tried to send an email to %1, and your mail server rejected it. We would be grateful for your help.</source>
        <translation>wir haben versucht, eine E-Mail an %1 zu senden, doch Ihr Mailserver hat sie abgelehnt. Für Ihre Unterstützung wären wir Ihnen sehr dankbar.</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Hier die Einzelheiten:</translation>
    </message>
    <message>
        <source>  Date: %1</source>
        <translation>  Datum: %1</translation>
    </message>
    <message>
        <source>  Sender: %1</source>
        <translation>  Absender: %1</translation>
    </message>
    <message>
        <source>  Sending IP: %1</source>
        <translation>  Absender-IP: %1</translation>
    </message>
    <message>
        <source>  Recipient: %1</source>
        <translation>  Empfänger: %1</translation>
    </message>
    <message>
        <source>  Your server: %1</source>
        <translation>  Ihr Server: %1</translation>
    </message>
    <message>
        <source>  Your server&apos;s reply: %1</source>
        <translation>  Antwort Ihres Servers: %1</translation>
    </message>
    <message>
        <source>Thank you,</source>
        <translation>Vielen Dank im Voraus und freundliche Grüße</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>den Anbieter</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Follow the other steps.</source>
        <translation>Die Lösung liegt auf Ihrer Seite, nicht beim Empfänger: Eine Nachricht an dessen IT würde nichts ändern. Folgen Sie den anderen Schritten.</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Use %1&apos;s pages for senders below once the cause is fixed.</source>
        <translation>Die Lösung liegt auf Ihrer Seite, nicht beim Empfänger: Eine Nachricht an dessen IT würde nichts ändern. Nutzen Sie die unten genannten Seiten von %1 für Absender, sobald die Ursache behoben ist.</translation>
    </message>
    <message>
        <source>%1 is a personal mailbox at %2, whose postmaster address nobody reads. Reach the person another way (phone, another address) and tell them their mail does not arrive.</source>
        <translation>%1 ist ein privates Postfach bei %2, dessen Postmaster-Adresse niemand liest. Erreichen Sie die Person auf anderem Weg (Telefon, andere Adresse) und sagen Sie ihr, dass ihre E-Mails nicht ankommen.</translation>
    </message>
    <message>
        <source>If %1 refused your mail, use its pages for senders below.</source>
        <translation>Wenn %1 Ihre E-Mail abgelehnt hat, nutzen Sie die unten genannten Seiten für Absender.</translation>
    </message>
</context>
<context>
    <name>DkimKeyTr</name>
    <message>
        <source>the public key (p=) is not valid base64</source>
        <translation>der öffentliche Schlüssel (p=) ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>the ed25519 public key is not a valid 32-byte key</source>
        <translation>der öffentliche ed25519-Schlüssel ist kein gültiger 32-Byte-Schlüssel</translation>
    </message>
    <message>
        <source>the public key (p=) cannot be read as an RSA key</source>
        <translation>der öffentliche Schlüssel (p=) kann nicht als RSA-Schlüssel gelesen werden</translation>
    </message>
    <message>
        <source>the public key (p=) is not an RSA key although k=rsa</source>
        <translation>der öffentliche Schlüssel (p=) ist kein RSA-Schlüssel, obwohl k=rsa angegeben ist</translation>
    </message>
    <message>
        <source>an empty tag between two &apos;;&apos;</source>
        <translation>ein leeres Tag zwischen zwei &apos;;&apos;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form tag=value</source>
        <translation>&quot;%1&quot; hat nicht die Form tag=wert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag name</source>
        <translation>&quot;%1&quot; ist kein gültiger Tag-Name</translation>
    </message>
    <message>
        <source>the tag &quot;%1&quot; appears more than once</source>
        <translation>das Tag &quot;%1&quot; kommt mehrfach vor</translation>
    </message>
    <message>
        <source>v= must be the first tag</source>
        <translation>v= muss das erste Tag sein</translation>
    </message>
    <message>
        <source>v=%1 is not DKIM1</source>
        <translation>v=%1 ist nicht DKIM1</translation>
    </message>
    <message>
        <source>unknown key type k=%1</source>
        <translation>unbekannter Schlüsseltyp k=%1</translation>
    </message>
    <message>
        <source>unknown hash algorithm h=%1</source>
        <translation>unbekannter Hash-Algorithmus h=%1</translation>
    </message>
    <message>
        <source>the record has no public key (p= is missing)</source>
        <translation>der Eintrag enthält keinen öffentlichen Schlüssel (p= fehlt)</translation>
    </message>
    <message>
        <source>the key is not for email (s=%1)</source>
        <translation>der Schlüssel ist nicht für E-Mail bestimmt (s=%1)</translation>
    </message>
</context>
<context>
    <name>DmarcRecordTr</name>
    <message>
        <source>the record must start with v=DMARC1</source>
        <translation>der Eintrag muss mit v=DMARC1 beginnen</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a mailto: address</source>
        <translation>%1: &quot;%2&quot; ist keine mailto:-Adresse</translation>
    </message>
    <message>
        <source>%1=%2 is not none, quarantine or reject</source>
        <translation>%1=%2 ist weder none noch quarantine oder reject</translation>
    </message>
    <message>
        <source>p= should come right after v=DMARC1</source>
        <translation>p= sollte direkt auf v=DMARC1 folgen</translation>
    </message>
    <message>
        <source>pct=%1 is not a number from 0 to 100</source>
        <translation>pct=%1 ist keine Zahl von 0 bis 100</translation>
    </message>
    <message>
        <source>%1=%2 is not r (relaxed) or s (strict)</source>
        <translation>%1=%2 ist weder r (relaxed) noch s (strict)</translation>
    </message>
    <message>
        <source>fo=%1: unknown option &quot;%2&quot;</source>
        <translation>fo=%1: unbekannte Option &quot;%2&quot;</translation>
    </message>
    <message>
        <source>ri=%1 is not a number of seconds</source>
        <translation>ri=%1 ist keine Anzahl von Sekunden</translation>
    </message>
    <message>
        <source>rf=%1: only afrf is defined</source>
        <translation>rf=%1: nur afrf ist definiert</translation>
    </message>
    <message>
        <source>v= appears more than once</source>
        <translation>v= kommt mehrfach vor</translation>
    </message>
    <message>
        <source>unknown tag &quot;%1&quot; (receivers ignore it)</source>
        <translation>unbekanntes Tag &quot;%1&quot; (Empfänger ignorieren es)</translation>
    </message>
    <message>
        <source>the required policy tag p= is missing or invalid</source>
        <translation>das erforderliche Richtlinien-Tag p= fehlt oder ist ungültig</translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <source>The receiving server could not confirm that your server may send for your domain. Your domain&apos;s SPF, DKIM or DMARC records are missing or do not match the server that sent the message. Whoever runs your email needs to fix these DNS records.</source>
        <translation>Der empfangende Server konnte nicht bestätigen, dass Ihr Server für Ihre Domain senden darf. Die SPF-, DKIM- oder DMARC-Einträge Ihrer Domain fehlen oder passen nicht zu dem Server, der die Nachricht gesendet hat. Wer Ihre E-Mail-Dienste betreut, muss diese DNS-Einträge korrigieren.</translation>
    </message>
    <message>
        <source>The message failed the sender authentication checks (SPF, DKIM or DMARC).</source>
        <translation>Die Nachricht hat die Absender-Authentifizierung (SPF, DKIM oder DMARC) nicht bestanden.</translation>
    </message>
    <message>
        <source>Your sending server or domain has a poor reputation with this provider, usually because of spam complaints, sudden volume or little sending history. Check blocklists, reduce volume and make sure recipients want your mail; the provider relaxes limits as the reputation recovers.</source>
        <translation>Ihr sendender Server oder Ihre Domain hat bei diesem Anbieter einen schlechten Ruf, meist wegen Spam-Beschwerden, plötzlich hoher Versandmengen oder kurzer Versandhistorie. Prüfen Sie Sperrlisten, verringern Sie die Versandmenge und stellen Sie sicher, dass die Empfänger Ihre E-Mails wünschen; der Anbieter lockert die Beschränkungen, sobald sich der Ruf erholt.</translation>
    </message>
    <message>
        <source>The receiving provider does not trust mail from your server right now.</source>
        <translation>Der empfangende Anbieter vertraut E-Mails von Ihrem Server derzeit nicht.</translation>
    </message>
    <message>
        <source>The receiving server refused the connection because of the IP address or name of the server that sent your mail, often because it is on a blocklist or has a poor reputation. Check whether your sending IP is listed and ask to be delisted; if you use a mail service, tell them.</source>
        <translation>Der empfangende Server hat die Verbindung wegen der IP-Adresse oder des Namens des Servers abgelehnt, der Ihre E-Mail gesendet hat – oft, weil dieser auf einer Sperrliste steht oder einen schlechten Ruf hat. Prüfen Sie, ob Ihre sendende IP gelistet ist, und beantragen Sie die Entfernung; wenn Sie einen E-Mail-Dienst nutzen, informieren Sie diesen.</translation>
    </message>
    <message>
        <source>The receiving server blocked your sending server.</source>
        <translation>Der empfangende Server hat Ihren sendenden Server blockiert.</translation>
    </message>
    <message>
        <source>Something in the message&apos;s format (character encoding, headers or attachments) was not acceptable to the receiving server. Try sending it again in a simpler form, for example without unusual attachments or characters.</source>
        <translation>Etwas am Format der Nachricht (Zeichenkodierung, Header oder Anhänge) wurde vom empfangenden Server nicht akzeptiert. Versuchen Sie, die Nachricht in einfacherer Form erneut zu senden, zum Beispiel ohne ungewöhnliche Anhänge oder Zeichen.</translation>
    </message>
    <message>
        <source>The receiving server could not handle the message&apos;s content or format.</source>
        <translation>Der empfangende Server konnte den Inhalt oder das Format der Nachricht nicht verarbeiten.</translation>
    </message>
    <message>
        <source>This report says the message reached the recipient&apos;s server. Nothing needs fixing.</source>
        <translation>Laut diesem Bericht hat die Nachricht den Server des Empfängers erreicht. Es muss nichts behoben werden.</translation>
    </message>
    <message>
        <source>The message was delivered.</source>
        <translation>Die Nachricht wurde zugestellt.</translation>
    </message>
    <message>
        <source>Your server kept trying to deliver the message for hours or days but the recipient&apos;s server never accepted it, usually because it was unreachable or kept deferring. Check that the recipient&apos;s domain is correct and its mail server is working, then send again.</source>
        <translation>Ihr Server hat stunden- oder tagelang versucht, die Nachricht zuzustellen, aber der Server des Empfängers hat sie nie angenommen – meist, weil er nicht erreichbar war oder die Annahme immer wieder verschoben hat. Prüfen Sie, ob die Domain des Empfängers stimmt und sein Mailserver funktioniert, und senden Sie die Nachricht dann erneut.</translation>
    </message>
    <message>
        <source>The message could not be delivered in time and was given up.</source>
        <translation>Die Nachricht konnte nicht rechtzeitig zugestellt werden; die Zustellung wurde aufgegeben.</translation>
    </message>
    <message>
        <source>The receiving server requires an encrypted (TLS) connection and the two servers could not set one up. Whoever runs your mail server should check its TLS settings and certificates.</source>
        <translation>Der empfangende Server verlangt eine verschlüsselte Verbindung (TLS), und die beiden Server konnten keine herstellen. Wer Ihren Mailserver betreut, sollte dessen TLS-Einstellungen und Zertifikate prüfen.</translation>
    </message>
    <message>
        <source>The servers could not agree on an encrypted connection.</source>
        <translation>Die Server konnten sich nicht auf eine verschlüsselte Verbindung einigen.</translation>
    </message>
    <message>
        <source>This is a complaint report from the recipient&apos;s mail provider: someone marked your message as unwanted. Stop sending to this recipient and make sure everyone on your list asked for your mail; many complaints harm delivery to everyone.</source>
        <translation>Dies ist ein Beschwerdebericht vom E-Mail-Anbieter des Empfängers: Jemand hat Ihre Nachricht als unerwünscht markiert. Senden Sie diesem Empfänger nichts mehr und stellen Sie sicher, dass alle auf Ihrer Verteilerliste Ihre E-Mails angefordert haben; viele Beschwerden verschlechtern die Zustellung an alle.</translation>
    </message>
    <message>
        <source>A recipient reported your message as spam.</source>
        <translation>Ein Empfänger hat Ihre Nachricht als Spam gemeldet.</translation>
    </message>
    <message>
        <source>The recipient (or their mail system) has set rules that refuse mail like this one, for example from senders they have not approved. Reach the recipient another way and ask them to allow your address.</source>
        <translation>Der Empfänger (oder sein E-Mail-System) hat Regeln eingerichtet, die E-Mails wie diese abweisen, zum Beispiel von Absendern, die nicht freigegeben wurden. Kontaktieren Sie den Empfänger auf einem anderen Weg und bitten Sie ihn, Ihre Adresse zuzulassen.</translation>
    </message>
    <message>
        <source>The recipient&apos;s filters refused the message.</source>
        <translation>Die Filter des Empfängers haben die Nachricht abgewiesen.</translation>
    </message>
    <message>
        <source>This address used to work, but the recipient no longer receives mail here and the server does not forward it. Ask the recipient for their new address.</source>
        <translation>Diese Adresse hat früher funktioniert, aber der Empfänger erhält hier keine E-Mails mehr und der Server leitet sie nicht weiter. Fragen Sie den Empfänger nach seiner neuen Adresse.</translation>
    </message>
    <message>
        <source>The recipient has moved to another address.</source>
        <translation>Der Empfänger hat eine neue Adresse.</translation>
    </message>
    <message>
        <source>The part of the address after the @ does not exist in DNS, or has no mail server. It is usually a typing mistake in the domain or a domain that has expired. Check the spelling of the domain.</source>
        <translation>Der Teil der Adresse nach dem @ existiert nicht im DNS oder hat keinen Mailserver. Meist handelt es sich um einen Tippfehler in der Domain oder um eine abgelaufene Domain. Prüfen Sie die Schreibweise der Domain.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not exist or cannot receive email.</source>
        <translation>Die Domain des Empfängers existiert nicht oder kann keine E-Mails empfangen.</translation>
    </message>
    <message>
        <source>The recipient has used up their storage space, so the server cannot take new messages for now. Wait and try again later, or tell the recipient by another channel so they can make room.</source>
        <translation>Der Empfänger hat seinen Speicherplatz aufgebraucht, daher kann der Server vorerst keine neuen Nachrichten annehmen. Warten Sie und versuchen Sie es später erneut, oder informieren Sie den Empfänger auf einem anderen Weg, damit er Platz schaffen kann.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>Das Postfach des Empfängers ist voll.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server hands mail to a program (a filter or delivery script), and that program failed. The recipient&apos;s IT needs to look at it.</source>
        <translation>Der Server des Empfängers übergibt E-Mails an ein Programm (einen Filter oder ein Zustellskript), und dieses Programm ist fehlgeschlagen. Die IT des Empfängers muss sich das ansehen.</translation>
    </message>
    <message>
        <source>A program on the recipient&apos;s server failed while delivering.</source>
        <translation>Ein Programm auf dem Server des Empfängers ist bei der Zustellung fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Your server could not talk to the recipient&apos;s mail server properly: the connection failed, was cut, or DNS could not be asked. It is often temporary; if it keeps happening, the recipient&apos;s IT should check their mail server and DNS.</source>
        <translation>Ihr Server konnte nicht richtig mit dem Mailserver des Empfängers kommunizieren: Die Verbindung ist fehlgeschlagen, wurde unterbrochen, oder das DNS war nicht erreichbar. Das ist oft nur vorübergehend; wenn es immer wieder passiert, sollte die IT des Empfängers ihren Mailserver und ihr DNS prüfen.</translation>
    </message>
    <message>
        <source>A network problem stopped the delivery.</source>
        <translation>Ein Netzwerkproblem hat die Zustellung verhindert.</translation>
    </message>
    <message>
        <source>The server refused to pass the message on (relaying denied).</source>
        <translation>Der Server hat die Weiterleitung der Nachricht verweigert (Relaying abgelehnt).</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain has declared that it receives no mail (a null MX record), or its server refuses all mail. Check that you have the right domain; otherwise reach the recipient another way.</source>
        <translation>Die Domain des Empfängers hat erklärt, dass sie keine E-Mails empfängt (ein Null-MX-Eintrag), oder ihr Server weist alle E-Mails ab. Prüfen Sie, ob Sie die richtige Domain verwenden; andernfalls kontaktieren Sie den Empfänger auf einem anderen Weg.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not accept email at all.</source>
        <translation>Die Domain des Empfängers nimmt überhaupt keine E-Mails an.</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because its headers break the email format rules (for example several From or Date headers, or a malformed header). The program that created the message needs fixing.</source>
        <translation>Der empfangende Server hat die Nachricht abgelehnt, weil ihre Header gegen die Formatregeln für E-Mails verstoßen (zum Beispiel mehrere From- oder Date-Header oder ein fehlerhafter Header). Das Programm, das die Nachricht erstellt hat, muss korrigiert werden.</translation>
    </message>
    <message>
        <source>The message does not follow the email standards.</source>
        <translation>Die Nachricht entspricht nicht den E-Mail-Standards.</translation>
    </message>
    <message>
        <source>The receiving side reported a failure without a clear reason. Read the server&apos;s exact words below; if they do not help, ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>Die Empfängerseite hat einen Fehler ohne klaren Grund gemeldet. Lesen Sie unten den genauen Wortlaut des Servers; wenn das nicht weiterhilft, wenden Sie sich an die IT des Empfängers und nennen Sie Datum und Fehlertext.</translation>
    </message>
    <message>
        <source>The message was not delivered, and the bounce does not say exactly why.</source>
        <translation>Die Nachricht wurde nicht zugestellt, und die Unzustellbarkeitsnachricht nennt keinen genauen Grund.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation has rules about what mail it accepts (senders, content, attachments or how messages are formatted), and this message did not meet them. Ask the recipient&apos;s IT which rule applies.</source>
        <translation>Die Organisation des Empfängers hat Regeln dafür, welche E-Mails sie annimmt (Absender, Inhalt, Anhänge oder Formatierung), und diese Nachricht hat sie nicht erfüllt. Fragen Sie die IT des Empfängers, welche Regel gilt.</translation>
    </message>
    <message>
        <source>The message broke a policy of the receiving organisation.</source>
        <translation>Die Nachricht hat gegen eine Richtlinie der empfangenden Organisation verstoßen.</translation>
    </message>
    <message>
        <source>The server did not accept the address the message was sent from (the envelope sender): it may look invalid, belong to a domain that does not exist, or be on the server&apos;s block list. Check the address your mail program or service sends from.</source>
        <translation>Der Server hat die Adresse, von der die Nachricht gesendet wurde (den Envelope-Absender), nicht akzeptiert: Sie sieht möglicherweise ungültig aus, gehört zu einer nicht existierenden Domain oder steht auf der Sperrliste des Servers. Prüfen Sie die Adresse, von der Ihr E-Mail-Programm oder Ihr Dienst sendet.</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address.</source>
        <translation>Der empfangende Server hat Ihre Absenderadresse abgelehnt.</translation>
    </message>
    <message>
        <source>The receiving server requires the IP address your mail comes from to have a reverse DNS (PTR) record that points to a name which points back to the same address. Whoever runs your mail server must set this up with their hosting or internet provider.</source>
        <translation>Der empfangende Server verlangt, dass die IP-Adresse, von der Ihre E-Mails kommen, einen Reverse-DNS-Eintrag (PTR) hat, der auf einen Namen verweist, der wiederum auf dieselbe Adresse zurückverweist. Wer Ihren Mailserver betreut, muss das mit dem Hosting- oder Internetanbieter einrichten.</translation>
    </message>
    <message>
        <source>Your sending server has no valid reverse DNS name.</source>
        <translation>Ihr sendender Server hat keinen gültigen Reverse-DNS-Namen.</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because of a security or authorization check: for example the sender could not be verified, or your server was not allowed to send this message. Check your authentication set-up and ask the recipient&apos;s IT for details.</source>
        <translation>Der empfangende Server hat die Nachricht wegen einer Sicherheits- oder Berechtigungsprüfung abgelehnt: Zum Beispiel konnte der Absender nicht verifiziert werden, oder Ihr Server durfte diese Nachricht nicht senden. Prüfen Sie Ihre Authentifizierungs-Einstellungen und bitten Sie die IT des Empfängers um Einzelheiten.</translation>
    </message>
    <message>
        <source>The receiving server refused the message for a security reason.</source>
        <translation>Der empfangende Server hat die Nachricht aus Sicherheitsgründen abgelehnt.</translation>
    </message>
    <message>
        <source>The content of the message, its links or its formatting looked like spam to the receiving server&apos;s filter. Review the content (links, attachments, wording, images only), make sure the recipient expects it, and check your authentication set-up.</source>
        <translation>Der Inhalt der Nachricht, ihre Links oder ihre Formatierung wirkten auf den Filter des empfangenden Servers wie Spam. Überprüfen Sie den Inhalt (Links, Anhänge, Formulierungen, reine Bild-E-Mails), stellen Sie sicher, dass der Empfänger die Nachricht erwartet, und prüfen Sie Ihre Authentifizierungs-Einstellungen.</translation>
    </message>
    <message>
        <source>The receiving server thinks the message is spam.</source>
        <translation>Der empfangende Server hält die Nachricht für Spam.</translation>
    </message>
    <message>
        <source>Your sending service has stopped sending to this address because earlier messages to it bounced or were reported. Check the address, and remove it from the suppression list only if you are sure it works again.</source>
        <translation>Ihr Versanddienst sendet nicht mehr an diese Adresse, weil frühere Nachrichten an sie unzustellbar waren oder gemeldet wurden. Prüfen Sie die Adresse und entfernen Sie sie nur dann von der Unterdrückungsliste, wenn Sie sicher sind, dass sie wieder funktioniert.</translation>
    </message>
    <message>
        <source>Your mail service did not send it: the address is on its suppression list.</source>
        <translation>Ihr E-Mail-Dienst hat die Nachricht nicht gesendet: Die Adresse steht auf seiner Unterdrückungsliste.</translation>
    </message>
    <message>
        <source>The mailbox exists but has been switched off, for example because the account was suspended, left unused for a long time, or not paid for. Reach the recipient another way and ask them to reactivate it or give you another address.</source>
        <translation>Das Postfach existiert, wurde aber deaktiviert, zum Beispiel weil das Konto gesperrt wurde, lange nicht genutzt oder nicht bezahlt wurde. Kontaktieren Sie den Empfänger auf einem anderen Weg und bitten Sie ihn, das Postfach wieder zu aktivieren oder Ihnen eine andere Adresse zu nennen.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is disabled.</source>
        <translation>Das Postfach des Empfängers ist deaktiviert.</translation>
    </message>
    <message>
        <source>The receiving server said a command from your server was malformed or out of order. Whoever runs your mail server or sending software should look at it.</source>
        <translation>Laut dem empfangenden Server war ein Befehl Ihres Servers fehlerhaft oder kam in der falschen Reihenfolge. Wer Ihren Mailserver oder Ihre Versandsoftware betreut, sollte sich das ansehen.</translation>
    </message>
    <message>
        <source>The servers did not understand each other.</source>
        <translation>Die Server haben sich nicht verstanden.</translation>
    </message>
    <message>
        <source>Something went wrong on the recipient&apos;s mail server (a configuration error or an internal failure). It is not caused by your message; try again later, and tell the recipient&apos;s IT if it keeps happening.</source>
        <translation>Auf dem Mailserver des Empfängers ist etwas schiefgelaufen (ein Konfigurationsfehler oder ein interner Fehler). Die Ursache liegt nicht bei Ihrer Nachricht; versuchen Sie es später erneut und informieren Sie die IT des Empfängers, wenn das Problem bestehen bleibt.</translation>
    </message>
    <message>
        <source>The receiving mail system had an internal problem.</source>
        <translation>Das empfangende E-Mail-System hatte ein internes Problem.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server has no room left to store incoming mail. It is the recipient&apos;s IT who must fix it; try again later.</source>
        <translation>Auf dem Mailserver des Empfängers ist kein Platz mehr für eingehende E-Mails. Die IT des Empfängers muss das beheben; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The receiving mail system is out of space.</source>
        <translation>Das empfangende E-Mail-System hat keinen Speicherplatz mehr.</translation>
    </message>
    <message>
        <source>The bounce gives no usable reason. Check the recipient&apos;s address, then ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>Die Unzustellbarkeitsnachricht nennt keinen verwertbaren Grund. Prüfen Sie die Adresse des Empfängers und wenden Sie sich dann an die IT des Empfängers; nennen Sie dabei Datum und Fehlertext.</translation>
    </message>
    <message>
        <source>The message was not delivered, for a reason the bounce does not give.</source>
        <translation>Die Nachricht wurde nicht zugestellt; den Grund nennt die Unzustellbarkeitsnachricht nicht.</translation>
    </message>
    <message>
        <source>The receiving server says there is no mailbox with this name. The address may be misspelled, or the person may have left the organisation or closed the account. Check the spelling, or ask the recipient for their current address; sending again to the same address will not work.</source>
        <translation>Laut dem empfangenden Server gibt es kein Postfach mit diesem Namen. Die Adresse ist vielleicht falsch geschrieben, oder die Person hat die Organisation verlassen bzw. das Konto aufgelöst. Prüfen Sie die Schreibweise oder fragen Sie den Empfänger nach seiner aktuellen Adresse; ein erneuter Versand an dieselbe Adresse wird nicht funktionieren.</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist.</source>
        <translation>Die Adresse des Empfängers existiert nicht.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox answered automatically, for example because they are away. Your message was delivered.</source>
        <translation>Das Postfach des Empfängers hat automatisch geantwortet, zum Beispiel wegen Abwesenheit. Ihre Nachricht wurde zugestellt.</translation>
    </message>
    <message>
        <source>This is an automatic reply, not a failure.</source>
        <translation>Dies ist eine automatische Antwort, kein Fehler.</translation>
    </message>
    <message>
        <source>The message or one of its attachments was detected as malware, or contained a file type the recipient does not allow. Scan your computer, and send documents in a safe format or through a link.</source>
        <translation>Die Nachricht oder einer ihrer Anhänge wurde als Schadsoftware erkannt oder enthielt einen Dateityp, den der Empfänger nicht zulässt. Prüfen Sie Ihren Computer auf Viren und senden Sie Dokumente in einem sicheren Format oder über einen Link.</translation>
    </message>
    <message>
        <source>The receiving server found a virus or dangerous attachment.</source>
        <translation>Der empfangende Server hat einen Virus oder einen gefährlichen Anhang gefunden.</translation>
    </message>
    <message>
        <source>Microsoft keeps its own block list and your sending IP is on it. Whoever runs your mail server can request removal through Microsoft&apos;s sender support (delisting) page; if you use a mail service, contact them.</source>
        <translation>Microsoft führt eine eigene Sperrliste, und Ihre sendende IP-Adresse steht darauf. Wer Ihren Mailserver betreut, kann die Entfernung über die Sender-Support-Seite (Delisting) von Microsoft beantragen; wenn Sie einen E-Mail-Dienst nutzen, wenden Sie sich an diesen.</translation>
    </message>
    <message>
        <source>Microsoft (Outlook/Hotmail) blocked your sending IP address.</source>
        <translation>Microsoft (Outlook/Hotmail) hat Ihre sendende IP-Adresse blockiert.</translation>
    </message>
    <message>
        <source>Microsoft 365 rejects mail from your IP because it is on its block list or has been banned for spam. Request delisting through Microsoft&apos;s delist portal, and check that your server is not sending spam.</source>
        <translation>Microsoft 365 lehnt E-Mails von Ihrer IP-Adresse ab, weil sie auf der Microsoft-Sperrliste steht oder wegen Spam gesperrt wurde. Beantragen Sie die Entfernung über das Delisting-Portal von Microsoft und stellen Sie sicher, dass Ihr Server keinen Spam versendet.</translation>
    </message>
    <message>
        <source>Microsoft refused mail from your sending IP address (banned or listed).</source>
        <translation>Microsoft hat E-Mails von Ihrer sendenden IP-Adresse abgelehnt (gesperrt oder gelistet).</translation>
    </message>
    <message>
        <source>Your domain publishes a DMARC policy that says to reject mail that fails authentication, and this message failed SPF and DKIM alignment. Fix SPF and DKIM for the server that sent it.</source>
        <translation>Ihre Domain veröffentlicht eine DMARC-Richtlinie, nach der E-Mails mit fehlgeschlagener Authentifizierung abgelehnt werden sollen, und diese Nachricht hat den SPF- und DKIM-Abgleich nicht bestanden. Korrigieren Sie SPF und DKIM für den Server, der sie gesendet hat.</translation>
    </message>
    <message>
        <source>Microsoft rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>Microsoft hat die Nachricht abgelehnt, weil sie die DMARC-Richtlinie Ihrer Domain nicht erfüllt hat.</translation>
    </message>
    <message>
        <source>Outlook.com requires domains that send a lot of mail to have SPF, DKIM and DMARC in place and passing. Set up all three for your sending domain.</source>
        <translation>Outlook.com verlangt von Domains, die viele E-Mails senden, dass SPF, DKIM und DMARC eingerichtet sind und bestanden werden. Richten Sie alle drei für Ihre sendende Domain ein.</translation>
    </message>
    <message>
        <source>Microsoft requires stronger authentication from high-volume senders.</source>
        <translation>Microsoft verlangt von Großversendern eine stärkere Authentifizierung.</translation>
    </message>
    <message>
        <source>Your domain&apos;s SPF record does not list the server that sent this message. Add the sending server or service to your SPF record.</source>
        <translation>Der SPF-Eintrag Ihrer Domain führt den Server nicht auf, der diese Nachricht gesendet hat. Nehmen Sie den sendenden Server oder Dienst in Ihren SPF-Eintrag auf.</translation>
    </message>
    <message>
        <source>The message failed the SPF check at Microsoft.</source>
        <translation>Die Nachricht hat die SPF-Prüfung bei Microsoft nicht bestanden.</translation>
    </message>
    <message>
        <source>Microsoft 365 only accepts mail for sending from signed-in users. Turn on &apos;my outgoing server requires authentication&apos; in your mail program, with your mailbox&apos;s user name and password.</source>
        <translation>Microsoft 365 nimmt E-Mails zum Versand nur von angemeldeten Benutzern an. Aktivieren Sie in Ihrem E-Mail-Programm die Option „Postausgangsserver erfordert Authentifizierung“ mit dem Benutzernamen und dem Passwort Ihres Postfachs.</translation>
    </message>
    <message>
        <source>Your mail program tried to send without signing in.</source>
        <translation>Ihr E-Mail-Programm hat versucht, ohne Anmeldung zu senden.</translation>
    </message>
    <message>
        <source>Microsoft looked the address up in the recipient&apos;s directory and found nobody. Check the spelling, or ask the recipient for their current address.</source>
        <translation>Microsoft hat die Adresse im Verzeichnis des Empfängers gesucht und niemanden gefunden. Prüfen Sie die Schreibweise oder fragen Sie den Empfänger nach seiner aktuellen Adresse.</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist in their Microsoft 365 organisation.</source>
        <translation>Die Adresse des Empfängers existiert in dessen Microsoft 365-Organisation nicht.</translation>
    </message>
    <message>
        <source>Microsoft 365 checks addresses against the recipient organisation&apos;s directory before accepting mail (directory-based edge blocking), and this address is not in it. Check the spelling; if it is right, the recipient&apos;s IT must add the mailbox or its alias.</source>
        <translation>Microsoft 365 gleicht Adressen vor der Annahme von E-Mails mit dem Verzeichnis der Empfängerorganisation ab (verzeichnisbasierte Edgeblockierung), und diese Adresse ist dort nicht enthalten. Prüfen Sie die Schreibweise; wenn sie stimmt, muss die IT des Empfängers das Postfach oder den Alias anlegen.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation does not know this address.</source>
        <translation>Die Organisation des Empfängers kennt diese Adresse nicht.</translation>
    </message>
    <message>
        <source>The recipient (or a group address) is restricted to certain senders by their Microsoft 365 administrators. Ask the recipient&apos;s IT to allow your address.</source>
        <translation>Die Administratoren von Microsoft 365 haben den Empfänger (oder eine Gruppenadresse) auf bestimmte Absender beschränkt. Bitten Sie die IT des Empfängers, Ihre Adresse zuzulassen.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail from approved senders.</source>
        <translation>Die Organisation des Empfängers nimmt nur E-Mails von freigegebenen Absendern an.</translation>
    </message>
    <message>
        <source>Your domain&apos;s DMARC policy asks receivers to reject mail that fails SPF and DKIM alignment, and this message failed. Gmail also requires bulk senders to authenticate. Fix SPF and DKIM for the server that sent it.</source>
        <translation>Die DMARC-Richtlinie Ihrer Domain fordert Empfänger auf, E-Mails abzulehnen, die den SPF- und DKIM-Abgleich nicht bestehen, und diese Nachricht hat ihn nicht bestanden. Gmail verlangt außerdem von Massenversendern eine Authentifizierung. Korrigieren Sie SPF und DKIM für den Server, der die Nachricht gesendet hat.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed authentication (DMARC).</source>
        <translation>Gmail hat die Nachricht abgelehnt, weil sie die Authentifizierung (DMARC) nicht bestanden hat.</translation>
    </message>
    <message>
        <source>Gmail uses 5.7.27 for SPF failures. Your domain&apos;s SPF record does not include the server that sent the message; add it.</source>
        <translation>Gmail verwendet 5.7.27 für SPF-Fehler. Der SPF-Eintrag Ihrer Domain enthält den Server nicht, der die Nachricht gesendet hat; fügen Sie ihn hinzu.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the SPF check.</source>
        <translation>Gmail hat die Nachricht abgelehnt, weil sie die SPF-Prüfung nicht bestanden hat.</translation>
    </message>
    <message>
        <source>The message was not signed with DKIM, or the signature did not verify. Turn on DKIM signing for your domain.</source>
        <translation>Die Nachricht wurde nicht mit DKIM signiert, oder die Signatur konnte nicht verifiziert werden. Aktivieren Sie die DKIM-Signierung für Ihre Domain.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the DKIM check.</source>
        <translation>Gmail hat die Nachricht abgelehnt, weil sie die DKIM-Prüfung nicht bestanden hat.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation uses Google Workspace and its administrators have a rule that refuses your message, often a block on your IP address or domain. Ask the recipient&apos;s IT to allow your sender address and IP.</source>
        <translation>Die Organisation des Empfängers nutzt Google Workspace, und deren Administratoren haben eine Regel eingerichtet, die Ihre Nachricht abweist – oft eine Sperre Ihrer IP-Adresse oder Domain. Bitten Sie die IT des Empfängers, Ihre Absenderadresse und IP-Adresse zuzulassen.</translation>
    </message>
    <message>
        <source>The recipient&apos;s Google Workspace blocked the message by its own policy.</source>
        <translation>Das Google Workspace des Empfängers hat die Nachricht aufgrund einer eigenen Richtlinie blockiert.</translation>
    </message>
    <message>
        <source>Gmail is temporarily refusing mail for this account because it receives mail faster than allowed. Try again later.</source>
        <translation>Gmail nimmt für dieses Konto vorübergehend keine E-Mails an, weil es E-Mails schneller empfängt als erlaubt. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The Gmail recipient is receiving too much mail right now.</source>
        <translation>Der Gmail-Empfänger erhält gerade zu viele E-Mails.</translation>
    </message>
    <message>
        <source>Gmail has seen unwanted mail from your IP address or domain and limits what it accepts. Check blocklists, Google Postmaster Tools, and your authentication, and send only to people who asked for your mail.</source>
        <translation>Gmail hat unerwünschte E-Mails von Ihrer IP-Adresse oder Domain festgestellt und begrenzt, was es annimmt. Prüfen Sie Sperrlisten, die Google Postmaster Tools und Ihre Authentifizierung, und senden Sie nur an Personen, die Ihre E-Mails angefordert haben.</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your server right now.</source>
        <translation>Gmail vertraut E-Mails von Ihrem Server derzeit nicht.</translation>
    </message>
    <message>
        <source>Yahoo saw complaints or a sudden rise in volume from your server and is slowing it down. Your server will retry. Send only to people who asked for your mail, and keep volumes steady.</source>
        <translation>Yahoo hat Beschwerden oder einen plötzlichen Anstieg der Versandmenge von Ihrem Server festgestellt und bremst ihn aus. Ihr Server wird es erneut versuchen. Senden Sie nur an Personen, die Ihre E-Mails angefordert haben, und halten Sie die Versandmengen gleichmäßig.</translation>
    </message>
    <message>
        <source>Yahoo is temporarily deferring your mail because of complaints or unusual volume.</source>
        <translation>Yahoo stellt Ihre E-Mails wegen Beschwerden oder ungewöhnlicher Versandmengen vorübergehend zurück.</translation>
    </message>
    <message>
        <source>Yahoo blocks mail from IP addresses listed by Spamhaus. Look your IP up on Spamhaus and request removal once the cause is fixed.</source>
        <translation>Yahoo blockiert E-Mails von IP-Adressen, die bei Spamhaus gelistet sind. Suchen Sie Ihre IP-Adresse bei Spamhaus und beantragen Sie die Entfernung, sobald die Ursache behoben ist.</translation>
    </message>
    <message>
        <source>Yahoo refused your mail because your IP is on a blocklist (Spamhaus).</source>
        <translation>Yahoo hat Ihre E-Mails abgelehnt, weil Ihre IP-Adresse auf einer Sperrliste (Spamhaus) steht.</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refused the message (code CS01 or HM08): it did not trust your sending server or content. Check blocklists and authentication, and contact iCloud&apos;s postmaster through their support page if it persists.</source>
        <translation>iCloud Mail von Apple hat die Nachricht abgelehnt (Code CS01 oder HM08): Es hat Ihrem sendenden Server oder dem Inhalt nicht vertraut. Prüfen Sie Sperrlisten und Authentifizierung und wenden Sie sich über die Support-Seite an den Postmaster von iCloud, wenn das Problem bestehen bleibt.</translation>
    </message>
    <message>
        <source>iCloud Mail blocked your message because of its policy or your server&apos;s reputation.</source>
        <translation>iCloud Mail hat Ihre Nachricht aufgrund seiner Richtlinien oder des Rufs Ihres Servers blockiert.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail system holds an allow list, and your address is not on it. Nothing is wrong with your email set-up. Ask the recipient, by phone or another channel, to have their IT add your address (or your domain) to the allowed senders.</source>
        <translation>Das E-Mail-System des Empfängers führt eine Liste zugelassener Absender, und Ihre Adresse steht nicht darauf. An Ihrer E-Mail-Konfiguration ist nichts falsch. Bitten Sie den Empfänger telefonisch oder auf einem anderen Weg, Ihre Adresse (oder Ihre Domain) von seiner IT zu den zugelassenen Absendern hinzufügen zu lassen.</translation>
    </message>
    <message>
        <source>The recipient only accepts mail from senders they approved in advance.</source>
        <translation>Der Empfänger nimmt nur E-Mails von vorab freigegebenen Absendern an.</translation>
    </message>
    <message>
        <source>Spamhaus PBL: the ISP says this address should not send mail directly</source>
        <translation>Spamhaus PBL: Laut Internetanbieter sollte diese Adresse keine E-Mails direkt versenden</translation>
    </message>
    <message>
        <source>Spamhaus PBL: this address looks like an end-user address that should not send mail directly</source>
        <translation>Spamhaus PBL: Diese Adresse sieht nach einer Endkunden-Adresse aus, die keine E-Mails direkt versenden sollte</translation>
    </message>
    <message>
        <source>Spamhaus SBL: a known spam source</source>
        <translation>Spamhaus SBL: eine bekannte Spam-Quelle</translation>
    </message>
    <message>
        <source>Spamhaus CSS: recently sent spam (snowshoe)</source>
        <translation>Spamhaus CSS: hat kürzlich Spam versendet (Snowshoe)</translation>
    </message>
    <message>
        <source>Spamhaus BCL: a botnet controller</source>
        <translation>Spamhaus BCL: ein Botnetz-Steuerserver</translation>
    </message>
    <message>
        <source>Spamhaus XBL: infected or hijacked machine</source>
        <translation>Spamhaus XBL: infizierter oder gekaperter Rechner</translation>
    </message>
    <message>
        <source>Spamhaus DROP: network under spammer control</source>
        <translation>Spamhaus DROP: Netzwerk unter Kontrolle von Spammern</translation>
    </message>
    <message>
        <source>the query used a mistyped zone name</source>
        <translation>die Abfrage verwendete einen falsch geschriebenen Zonennamen</translation>
    </message>
    <message>
        <source>Spamhaus refuses queries that come through public or open DNS resolvers (such as 1.1.1.1 or 8.8.8.8)</source>
        <translation>Spamhaus lehnt Anfragen ab, die über öffentliche oder offene DNS-Resolver kommen (etwa 1.1.1.1 oder 8.8.8.8)</translation>
    </message>
    <message>
        <source>Spamhaus received too many queries from your DNS resolver</source>
        <translation>Spamhaus hat zu viele Anfragen von Ihrem DNS-Resolver erhalten</translation>
    </message>
    <message>
        <source>an abused legitimate domain (spam)</source>
        <translation>eine missbrauchte legitime Domain (Spam)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (redirector)</source>
        <translation>eine missbrauchte legitime Domain (Weiterleitung)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (phishing)</source>
        <translation>eine missbrauchte legitime Domain (Phishing)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (malware)</source>
        <translation>eine missbrauchte legitime Domain (Schadsoftware)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (botnet)</source>
        <translation>eine missbrauchte legitime Domain (Botnetz)</translation>
    </message>
    <message>
        <source>a spam domain</source>
        <translation>eine Spam-Domain</translation>
    </message>
    <message>
        <source>a phishing domain</source>
        <translation>eine Phishing-Domain</translation>
    </message>
    <message>
        <source>a malware domain</source>
        <translation>eine Schadsoftware-Domain</translation>
    </message>
    <message>
        <source>a botnet command-and-control domain</source>
        <translation>eine Domain zur Steuerung eines Botnetzes (Command-and-Control)</translation>
    </message>
    <message>
        <source>the DBL does not take IP addresses</source>
        <translation>die DBL nimmt keine IP-Adressen an</translation>
    </message>
    <message>
        <source>listed by Barracuda</source>
        <translation>von Barracuda gelistet</translation>
    </message>
    <message>
        <source>reported to SpamCop as a spam source (listings expire by themselves a day after the last report)</source>
        <translation>bei SpamCop als Spam-Quelle gemeldet (Einträge verfallen automatisch einen Tag nach der letzten Meldung)</translation>
    </message>
    <message>
        <source>sent mail to spam traps</source>
        <translation>hat E-Mails an Spamfallen gesendet</translation>
    </message>
    <message>
        <source>worst reputation</source>
        <translation>schlechtester Ruf</translation>
    </message>
    <message>
        <source>very bad reputation</source>
        <translation>sehr schlechter Ruf</translation>
    </message>
    <message>
        <source>bad reputation</source>
        <translation>schlechter Ruf</translation>
    </message>
    <message>
        <source>a zero-hour spam source</source>
        <translation>eine Zero-Hour-Spam-Quelle</translation>
    </message>
    <message>
        <source>listed by UCEPROTECT (expires after 7 days without new hits)</source>
        <translation>von UCEPROTECT gelistet (verfällt nach 7 Tagen ohne neue Treffer)</translation>
    </message>
    <message>
        <source>listed by NiX Spam (expires after 12 hours)</source>
        <translation>von NiX Spam gelistet (verfällt nach 12 Stunden)</translation>
    </message>
    <message>
        <source>cracked site</source>
        <translation>gehackte Website</translation>
    </message>
    <message>
        <source>malware</source>
        <translation>Schadsoftware</translation>
    </message>
    <message>
        <source>abuse</source>
        <translation>Missbrauch</translation>
    </message>
    <message>
        <source>phishing</source>
        <translation>Phishing</translation>
    </message>
    <message>
        <source>SURBL blocked the query (your DNS resolver sends too many queries or is a public resolver)</source>
        <translation>SURBL hat die Anfrage blockiert (Ihr DNS-Resolver sendet zu viele Anfragen oder ist ein öffentlicher Resolver)</translation>
    </message>
    <message>
        <source>black list</source>
        <translation>schwarze Liste</translation>
    </message>
    <message>
        <source>grey list</source>
        <translation>graue Liste</translation>
    </message>
    <message>
        <source>red list</source>
        <translation>rote Liste</translation>
    </message>
    <message>
        <source>URIBL refused the query (public or large DNS resolvers such as Google or OpenDNS are blocked)</source>
        <translation>URIBL hat die Anfrage abgelehnt (öffentliche oder große DNS-Resolver wie Google oder OpenDNS sind gesperrt)</translation>
    </message>
    <message>
        <source>Gmail&apos;s scanners judged something in the message, usually an attachment type or a link, to be a potential security issue. Remove or replace the attachment or link and send again.</source>
        <translation>Die Prüfsysteme von Gmail haben etwas in der Nachricht, meist einen Anhangstyp oder einen Link, als mögliches Sicherheitsrisiko eingestuft. Entfernen oder ersetzen Sie den Anhang oder Link und senden Sie die Nachricht erneut.</translation>
    </message>
    <message>
        <source>Gmail blocked the message because its content looks like a security risk.</source>
        <translation>Gmail hat die Nachricht blockiert, weil ihr Inhalt wie ein Sicherheitsrisiko aussieht.</translation>
    </message>
    <message>
        <source>The au/KDDI mobile mailbox exists but its owner&apos;s reception settings (for example refusing mail from PCs or unknown senders) turned the message away. Only the recipient can change those settings.</source>
        <translation>Das Mobilpostfach bei au/KDDI existiert, aber die Empfangseinstellungen seines Besitzers (zum Beispiel die Ablehnung von Mails von PCs oder unbekannten Absendern) haben die Nachricht abgewiesen. Nur der Empfänger kann diese Einstellungen ändern.</translation>
    </message>
    <message>
        <source>au (KDDI) refused the message by the recipient&apos;s mail settings.</source>
        <translation>au (KDDI) hat die Nachricht aufgrund der Mail-Einstellungen des Empfängers abgelehnt.</translation>
    </message>
    <message>
        <source>The message with its attachments is larger than the receiving server, or this recipient&apos;s mailbox, accepts for a single message. Send smaller attachments, compress them, or share large files through a link.</source>
        <translation>Die Nachricht mit ihren Anhängen ist größer, als der empfangende Server oder das Postfach dieses Empfängers für eine einzelne Nachricht annimmt. Senden Sie kleinere Anhänge, komprimieren Sie sie oder teilen Sie große Dateien über einen Link.</translation>
    </message>
    <message>
        <source>The message is too large for the recipient&apos;s server or mailbox.</source>
        <translation>Die Nachricht ist zu groß für den Server oder das Postfach des Empfängers.</translation>
    </message>
    <message>
        <source>The server your mail was handed to does not accept mail for the recipient&apos;s domain. Usually the recipient&apos;s domain sends its mail (its MX records) to a server that is not set up to receive for it, or the domain in the address is misspelt. Check the domain in the address; if it is right, tell the recipient&apos;s IT, with the error text.</source>
        <translation>Der Server, an den Ihre E-Mail übergeben wurde, nimmt keine E-Mails für die Domain des Empfängers an. Meist leitet die Domain des Empfängers ihre E-Mails (ihre MX-Einträge) an einen Server, der dafür nicht eingerichtet ist, oder die Domain in der Adresse ist falsch geschrieben. Prüfen Sie die Domain in der Adresse; wenn sie stimmt, informieren Sie die IT des Empfängers mit dem Fehlertext.</translation>
    </message>
    <message>
        <source>The receiving server limits how many messages, recipients or connections it accepts from one sender in a given time, and your server went over that limit. Send more slowly or in smaller batches; deferred messages are usually delivered on a later attempt.</source>
        <translation>Der empfangende Server begrenzt, wie viele Nachrichten, Empfänger oder Verbindungen er von einem Absender in einer bestimmten Zeit annimmt, und Ihr Server hat diese Grenze überschritten. Senden Sie langsamer oder in kleineren Gruppen; zurückgestellte Nachrichten werden meist bei einem späteren Versuch zugestellt.</translation>
    </message>
    <message>
        <source>Your server is sending too much, too fast, for this receiving server.</source>
        <translation>Ihr Server sendet diesem empfangenden Server zu viel in zu kurzer Zeit.</translation>
    </message>
    <message>
        <source>Outlook.com and Microsoft 365 accept less mail from IP addresses with a poor or no sending history. Keep sending steadily and only to people who asked for your mail, check your IP with Microsoft&apos;s Smart Network Data Services, and make sure SPF, DKIM and DMARC pass; the deferred messages are retried.</source>
        <translation>Outlook.com und Microsoft 365 nehmen von IP-Adressen mit schlechtem oder fehlendem Versandverlauf weniger E-Mails an. Senden Sie gleichmäßig weiter und nur an Personen, die Ihre E-Mails wünschen, prüfen Sie Ihre IP mit den Smart Network Data Services von Microsoft und sorgen Sie dafür, dass SPF, DKIM und DMARC bestehen; die zurückgestellten Nachrichten werden erneut versucht.</translation>
    </message>
    <message>
        <source>Microsoft is limiting mail from your server because of its IP address&apos;s reputation.</source>
        <translation>Microsoft begrenzt E-Mails von Ihrem Server wegen des Rufs seiner IP-Adresse.</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to publish a DMARC policy for the domain in the From: address, and yours has none. Publish a DMARC record (a TXT record at _dmarc.your-domain, p=none is enough to start) once SPF and DKIM pass.</source>
        <translation>Gmail verlangt von Absendern, insbesondere von allen Massenversendern, eine DMARC-Richtlinie für die Domain in der From:-Adresse, und Ihre hat keine. Veröffentlichen Sie einen DMARC-Eintrag (einen TXT-Eintrag unter _dmarc.ihre-domain; p=none genügt für den Anfang), sobald SPF und DKIM bestehen.</translation>
    </message>
    <message>
        <source>Gmail wants your sending domain to publish a DMARC record.</source>
        <translation>Gmail verlangt, dass Ihre Absenderdomain einen DMARC-Eintrag veröffentlicht.</translation>
    </message>
    <message>
        <source>SPF or DKIM may pass, but for a different domain than the one in the From: address, so DMARC alignment fails. Sign with DKIM for your own From: domain, or send with a return-path (MAIL FROM) in that domain.</source>
        <translation>SPF oder DKIM bestehen vielleicht, aber für eine andere Domain als die in der From:-Adresse, daher schlägt das DMARC-Alignment fehl. Signieren Sie mit DKIM für Ihre eigene From:-Domain oder senden Sie mit einem Return-Path (MAIL FROM) in dieser Domain.</translation>
    </message>
    <message>
        <source>Gmail refused the message because its From: domain does not match the domain SPF or DKIM checked.</source>
        <translation>Gmail hat die Nachricht abgelehnt, weil ihre From:-Domain nicht zu der von SPF oder DKIM geprüften Domain passt.</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to use TLS when they deliver to it. Whoever runs your mail server must turn on STARTTLS for outgoing mail (opportunistic TLS at least); the deferred messages are retried.</source>
        <translation>Gmail verlangt von Absendern, insbesondere von allen Massenversendern, TLS bei der Zustellung. Wer Ihren Mailserver betreibt, muss STARTTLS für ausgehende E-Mails aktivieren (mindestens opportunistisches TLS); die zurückgestellten Nachrichten werden erneut versucht.</translation>
    </message>
    <message>
        <source>Gmail is limiting your mail because it was not sent over an encrypted (TLS) connection.</source>
        <translation>Gmail begrenzt Ihre E-Mails, weil sie nicht über eine verschlüsselte (TLS-)Verbindung gesendet wurden.</translation>
    </message>
    <message>
        <source>Gmail saw a sudden rise in mail, or in unwanted mail, from your IP address, its network, or your DKIM or SPF domain, and is accepting less of it for now. Send more slowly and steadily, only to people who asked for your mail, and watch your spam rate in Google Postmaster Tools; the deferred messages are retried.</source>
        <translation>Gmail hat einen plötzlichen Anstieg von E-Mails oder von unerwünschten E-Mails von Ihrer IP-Adresse, deren Netzwerk oder Ihrer DKIM- oder SPF-Domain festgestellt und nimmt vorerst weniger davon an. Senden Sie langsamer und gleichmäßiger, nur an Personen, die Ihre E-Mails wünschen, und beobachten Sie Ihre Spamrate in den Google Postmaster Tools; die zurückgestellten Nachrichten werden erneut versucht.</translation>
    </message>
    <message>
        <source>Gmail is holding back mail from your server because of an unusual rate of mail.</source>
        <translation>Gmail hält E-Mails von Ihrem Server wegen eines ungewöhnlichen Mailaufkommens zurück.</translation>
    </message>
    <message>
        <source>Over IPv6 Gmail requires the sending address to have a PTR record whose name points back to the same address, and the message to pass SPF or DKIM. Give the server&apos;s IPv6 address a matching PTR record, or send over IPv4.</source>
        <translation>Über IPv6 verlangt Gmail, dass die sendende Adresse einen PTR-Eintrag hat, dessen Name auf dieselbe Adresse zurückverweist, und dass die Nachricht SPF oder DKIM besteht. Geben Sie der IPv6-Adresse des Servers einen passenden PTR-Eintrag oder senden Sie über IPv4.</translation>
    </message>
    <message>
        <source>Gmail refused mail sent over IPv6 from an address without a matching reverse DNS name.</source>
        <translation>Gmail hat über IPv6 gesendete E-Mails von einer Adresse ohne passenden Reverse-DNS-Namen abgelehnt.</translation>
    </message>
    <message>
        <source>Gmail checks that the sending IP address has a PTR record, and that the name it gives points back to the same address. Whoever runs your mail server must ask the hosting or internet provider to set a PTR record that matches the server&apos;s name.</source>
        <translation>Gmail prüft, ob die sendende IP-Adresse einen PTR-Eintrag hat und ob der darin genannte Name auf dieselbe Adresse zurückverweist. Wer Ihren Mailserver betreibt, muss den Hosting- oder Internetanbieter bitten, einen PTR-Eintrag einzurichten, der zum Namen des Servers passt.</translation>
    </message>
    <message>
        <source>Gmail refused your server because its IP address has no matching reverse DNS (PTR) name.</source>
        <translation>Gmail hat Ihren Server abgelehnt, weil seine IP-Adresse keinen passenden Reverse-DNS-Namen (PTR) hat.</translation>
    </message>
    <message>
        <source>Gmail requires every sender to pass SPF or DKIM, and this message passed neither. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing for your domain.</source>
        <translation>Gmail verlangt, dass jeder Absender SPF oder DKIM besteht, und diese Nachricht hat keines von beiden bestanden. Nehmen Sie den sendenden Server in den SPF-Eintrag Ihrer Domain auf und aktivieren Sie die DKIM-Signierung für Ihre Domain.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it passed neither SPF nor DKIM.</source>
        <translation>Gmail hat die Nachricht abgelehnt, weil sie weder SPF noch DKIM bestanden hat.</translation>
    </message>
    <message>
        <source>Gmail judged the message suspicious because of the low reputation of the domain it came from, not because of this message&apos;s words. Check your domain on blocklists and in Google Postmaster Tools, make sure SPF, DKIM and DMARC pass, and send only to people who asked for your mail; the reputation recovers as complaints stop.</source>
        <translation>Gmail hat die Nachricht wegen des schlechten Rufs der Absenderdomain als verdächtig eingestuft, nicht wegen des Inhalts dieser Nachricht. Prüfen Sie Ihre Domain auf Sperrlisten und in den Google Postmaster Tools, sorgen Sie dafür, dass SPF, DKIM und DMARC bestehen, und senden Sie nur an Personen, die Ihre E-Mails wünschen; der Ruf erholt sich, sobald die Beschwerden aufhören.</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your sending domain right now.</source>
        <translation>Gmail vertraut E-Mails von Ihrer Absenderdomain derzeit nicht.</translation>
    </message>
    <message>
        <source>Yahoo requires every sender to pass SPF or DKIM, and bulk senders to pass both with a DMARC policy. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing.</source>
        <translation>Yahoo verlangt, dass jeder Absender SPF oder DKIM besteht und Massenversender beides mit einer DMARC-Richtlinie. Nehmen Sie den sendenden Server in den SPF-Eintrag Ihrer Domain auf und aktivieren Sie die DKIM-Signierung.</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it passed neither SPF nor DKIM (5.7.9).</source>
        <translation>Yahoo hat die Nachricht abgelehnt, weil sie weder SPF noch DKIM bestanden hat (5.7.9).</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>Yahoo hat die Nachricht abgelehnt, weil sie die DMARC-Richtlinie Ihrer Domain nicht erfüllt hat.</translation>
    </message>
    <message>
        <source>Yahoo will refuse all mail from this IP address for now, and retrying will not help. It follows complaints, unwanted mail or missing authentication. Fix the cause (authentication, list hygiene, a compromised account), then ask Yahoo&apos;s sender support to review the IP address.</source>
        <translation>Yahoo lehnt vorerst alle E-Mails von dieser IP-Adresse ab, und erneute Versuche helfen nicht. Das folgt auf Beschwerden, unerwünschte E-Mails oder fehlende Authentifizierung. Beheben Sie die Ursache (Authentifizierung, Listenpflege, ein kompromittiertes Konto) und bitten Sie dann den Absender-Support von Yahoo, die IP-Adresse zu überprüfen.</translation>
    </message>
    <message>
        <source>Yahoo has stopped accepting mail from your server&apos;s IP address (TSS09).</source>
        <translation>Yahoo nimmt keine E-Mails mehr von der IP-Adresse Ihres Servers an (TSS09).</translation>
    </message>
    <message>
        <source>Yahoo refuses mail that breaks its sender requirements: usually failing SPF, DKIM or DMARC, but also unwanted content or volume. Check your domain&apos;s authentication first, then your content and sending volume.</source>
        <translation>Yahoo lehnt E-Mails ab, die gegen seine Absenderanforderungen verstoßen: meist fehlgeschlagenes SPF, DKIM oder DMARC, aber auch unerwünschte Inhalte oder zu hohes Volumen. Prüfen Sie zuerst die Authentifizierung Ihrer Domain, dann Ihre Inhalte und Ihr Versandvolumen.</translation>
    </message>
    <message>
        <source>Yahoo refused the message under its sending policy (5.7.9).</source>
        <translation>Yahoo hat die Nachricht aufgrund seiner Absenderrichtlinien abgelehnt (5.7.9).</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refuses mail it does not trust: often missing or failing SPF, DKIM or DMARC, a poor sending reputation, or content it considers unwanted. Check your domain&apos;s authentication and your server&apos;s reputation; if it persists, ask Apple through its postmaster support page.</source>
        <translation>iCloud Mail von Apple lehnt E-Mails ab, denen es nicht vertraut: oft fehlendes oder fehlgeschlagenes SPF, DKIM oder DMARC, ein schlechter Versandruf oder Inhalte, die es für unerwünscht hält. Prüfen Sie die Authentifizierung Ihrer Domain und den Ruf Ihres Servers; wenn das Problem bleibt, wenden Sie sich über die Postmaster-Supportseite an Apple.</translation>
    </message>
    <message>
        <source>iCloud Mail refused the message under its local policy (CS01).</source>
        <translation>iCloud Mail hat die Nachricht aufgrund seiner lokalen Richtlinie abgelehnt (CS01).</translation>
    </message>
    <message>
        <source>The receiving server asks a blocklist (such as Spamhaus) about every sender, and the blocklist refused to answer it because it queries through a public or open DNS resolver. That refusal says nothing about you: your server is not listed. Tell the recipient&apos;s IT, with the error text, so they point their blocklist lookups at their own resolver or a registered feed.</source>
        <translation>Der empfangende Server fragt bei jedem Absender eine Sperrliste (zum Beispiel Spamhaus) ab, und die Sperrliste hat die Antwort verweigert, weil er über einen öffentlichen oder offenen DNS-Resolver fragt. Diese Weigerung sagt nichts über Sie aus: Ihr Server ist nicht gelistet. Informieren Sie die IT des Empfängers mit dem Fehlertext, damit sie ihre Sperrlisten-Abfragen über einen eigenen Resolver oder einen registrierten Zugang laufen lässt.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server could not check its blocklists: the fault is on their side.</source>
        <translation>Der Server des Empfängers konnte seine Sperrlisten nicht abfragen: Der Fehler liegt auf dessen Seite.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain publishes a policy (MTA-STS or DANE) saying its mail must travel encrypted to servers with a valid certificate, and its server did not meet it: no TLS, an expired or mismatched certificate, or records that do not match. Your side is fine. Tell the recipient&apos;s IT, with the error text; they must fix their certificate or their policy.</source>
        <translation>Die Domain des Empfängers veröffentlicht eine Richtlinie (MTA-STS oder DANE), nach der ihre E-Mails verschlüsselt an Server mit gültigem Zertifikat übertragen werden müssen, und ihr Server erfüllt sie nicht: kein TLS, ein abgelaufenes oder nicht passendes Zertifikat oder Einträge, die nicht übereinstimmen. Auf Ihrer Seite ist alles in Ordnung. Informieren Sie die IT des Empfängers mit dem Fehlertext; sie muss ihr Zertifikat oder ihre Richtlinie korrigieren.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server failed the encryption checks its own domain asks for (MTA-STS or DANE).</source>
        <translation>Der Server des Empfängers hat die Verschlüsselungsprüfungen nicht bestanden, die seine eigene Domain verlangt (MTA-STS oder DANE).</translation>
    </message>
    <message>
        <source>The receiving server refused to take the message before the connection was encrypted with STARTTLS. Nothing is wrong with the address or the message, and no blocklist is involved. Whoever runs your mail server must turn on TLS (STARTTLS) for outgoing mail; if it is on, check that the server&apos;s TLS library and certificates are up to date.</source>
        <translation>Der empfangende Server hat die Annahme der Nachricht verweigert, bevor die Verbindung mit STARTTLS verschlüsselt war. Mit der Adresse und der Nachricht ist alles in Ordnung, und keine Sperrliste ist beteiligt. Wer Ihren Mailserver betreibt, muss TLS (STARTTLS) für ausgehende E-Mails aktivieren; ist es aktiv, prüfen Sie, ob die TLS-Bibliothek und die Zertifikate des Servers aktuell sind.</translation>
    </message>
    <message>
        <source>The receiving server only accepts mail over an encrypted (TLS) connection, and your server did not use one.</source>
        <translation>Der empfangende Server nimmt E-Mails nur über eine verschlüsselte (TLS-)Verbindung an, und Ihr Server hat keine verwendet.</translation>
    </message>
    <message>
        <source>The address is a group, mailbox or public folder that its Microsoft 365 administrators set to refuse mail from outside their organisation or from senders not on its list. Nothing is wrong with your set-up; ask the recipient&apos;s IT to allow your address, or write to a person there directly.</source>
        <translation>Die Adresse ist eine Gruppe, ein Postfach oder ein öffentlicher Ordner, den die Microsoft-365-Administratoren so eingestellt haben, dass E-Mails von außerhalb ihrer Organisation oder von Absendern, die nicht auf der Liste stehen, abgelehnt werden. Mit Ihrer Konfiguration ist alles in Ordnung; bitten Sie die IT des Empfängers, Ihre Adresse zuzulassen, oder schreiben Sie direkt an eine Person dort.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail for this address from its own or approved senders.</source>
        <translation>Die Organisation des Empfängers nimmt für diese Adresse nur E-Mails von eigenen oder freigegebenen Absendern an.</translation>
    </message>
    <message>
        <source>The mail server refused to pass the message on because whatever sent it did not log in (SMTP authentication). This is common with copiers, scanners, web shops and forms set to use the organisation&apos;s mail server without a user name and password. In the device&apos;s mail settings, turn on SMTP authentication with a mailbox&apos;s user name and password (or an app password), use port 587 with STARTTLS (or 465 with SSL/TLS), and send from that mailbox&apos;s address.</source>
        <translation>Der Mailserver hat die Weitergabe der Nachricht verweigert, weil sich der Absender nicht angemeldet hat (SMTP-Authentifizierung). Das ist häufig bei Kopierern, Scannern, Webshops und Formularen, die den Mailserver der Organisation ohne Benutzernamen und Passwort verwenden. Aktivieren Sie in den Mail-Einstellungen des Geräts die SMTP-Authentifizierung mit Benutzername und Passwort eines Postfachs (oder einem App-Passwort), verwenden Sie Port 587 mit STARTTLS (oder 465 mit SSL/TLS) und senden Sie von der Adresse dieses Postfachs.</translation>
    </message>
    <message>
        <source>Your device or program must sign in to the mail server before it may send.</source>
        <translation>Ihr Gerät oder Programm muss sich beim Mailserver anmelden, bevor es senden darf.</translation>
    </message>
</context>
<context>
    <name>ReportTr</name>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>nicht erledigt</translation>
    </message>
    <message>
        <source>Refused, not retried</source>
        <translation>Abgelehnt, kein neuer Versuch</translation>
    </message>
    <message>
        <source>Delayed, still trying</source>
        <translation>Verzögert, wird weiter versucht</translation>
    </message>
    <message>
        <source>Not a failure</source>
        <translation>Kein Fehler</translation>
    </message>
    <message>
        <source>Nobody: nothing failed</source>
        <translation>Niemand: nichts ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nobody yet: your mail server is still trying</source>
        <translation>Noch niemand: Ihr Mailserver versucht es weiter</translation>
    </message>
    <message>
        <source>Address does not exist</source>
        <translation>Adresse existiert nicht</translation>
    </message>
    <message>
        <source>Domain does not exist</source>
        <translation>Domain existiert nicht</translation>
    </message>
    <message>
        <source>Recipient has moved</source>
        <translation>Empfänger ist umgezogen</translation>
    </message>
    <message>
        <source>Mailbox disabled</source>
        <translation>Postfach deaktiviert</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>Postfach voll</translation>
    </message>
    <message>
        <source>Message too large</source>
        <translation>Nachricht zu groß</translation>
    </message>
    <message>
        <source>Relaying refused</source>
        <translation>Weiterleitung abgelehnt</translation>
    </message>
    <message>
        <source>Sender authentication failed</source>
        <translation>Absenderauthentifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Poor sender reputation</source>
        <translation>Schlechter Ruf des Absenders</translation>
    </message>
    <message>
        <source>No reverse DNS for the sender</source>
        <translation>Kein Reverse-DNS für den Absender</translation>
    </message>
    <message>
        <source>Message breaks the standard</source>
        <translation>Nachricht verletzt den Standard</translation>
    </message>
    <message>
        <source>Encryption (TLS) failed</source>
        <translation>Verschlüsselung (TLS) fehlgeschlagen</translation>
    </message>
    <message>
        <source>Filtered by the recipient</source>
        <translation>Vom Empfänger gefiltert</translation>
    </message>
    <message>
        <source>Sender address refused</source>
        <translation>Absenderadresse abgelehnt</translation>
    </message>
    <message>
        <source>Judged as spam</source>
        <translation>Als Spam eingestuft</translation>
    </message>
    <message>
        <source>Malware suspected</source>
        <translation>Schadsoftware vermutet</translation>
    </message>
    <message>
        <source>Against the recipient&apos;s policy</source>
        <translation>Gegen die Richtlinien des Empfängers</translation>
    </message>
    <message>
        <source>Security check failed</source>
        <translation>Sicherheitsprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sending too fast</source>
        <translation>Zu schnelles Senden</translation>
    </message>
    <message>
        <source>Sender blocked</source>
        <translation>Absender blockiert</translation>
    </message>
    <message>
        <source>Gave up after retrying</source>
        <translation>Nach Wiederholungen aufgegeben</translation>
    </message>
    <message>
        <source>Network problem</source>
        <translation>Netzwerkproblem</translation>
    </message>
    <message>
        <source>Receiving server error</source>
        <translation>Fehler des empfangenden Servers</translation>
    </message>
    <message>
        <source>Receiving server full</source>
        <translation>Empfangender Server voll</translation>
    </message>
    <message>
        <source>Domain accepts no mail</source>
        <translation>Domain nimmt keine E-Mails an</translation>
    </message>
    <message>
        <source>Recipient&apos;s mail program failed</source>
        <translation>Mailprogramm des Empfängers fehlgeschlagen</translation>
    </message>
    <message>
        <source>Mail protocol error</source>
        <translation>Fehler im Mailprotokoll</translation>
    </message>
    <message>
        <source>Content refused</source>
        <translation>Inhalt abgelehnt</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>Automatische Antwort</translation>
    </message>
    <message>
        <source>Spam complaint</source>
        <translation>Spam-Beschwerde</translation>
    </message>
    <message>
        <source>On a suppression list</source>
        <translation>Auf einer Sperrliste</translation>
    </message>
    <message>
        <source>approved senders only</source>
        <translation>nur freigegebene Absender</translation>
    </message>
    <message>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <source>DKIM</source>
        <translation>DKIM</translation>
    </message>
    <message>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>IP on a blocklist</source>
        <translation>IP auf einer Sperrliste</translation>
    </message>
    <message>
        <source>rate limit</source>
        <translation>Ratenbegrenzung</translation>
    </message>
    <message>
        <source>reverse DNS</source>
        <translation>Reverse-DNS</translation>
    </message>
    <message>
        <source>relaying</source>
        <translation>Weiterleitung</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>Konto deaktiviert</translation>
    </message>
    <message>
        <source>reputation</source>
        <translation>Ruf</translation>
    </message>
    <message>
        <source>suppression list</source>
        <translation>Sperrliste</translation>
    </message>
    <message>
        <source>recipient policy</source>
        <translation>Richtlinie des Empfängers</translation>
    </message>
    <message>
        <source>restricted recipient</source>
        <translation>eingeschränkter Empfänger</translation>
    </message>
    <message>
        <source>unsubscribe request</source>
        <translation>Abmeldewunsch</translation>
    </message>
    <message>
        <source>unknown to the recipient&apos;s directory</source>
        <translation>im Verzeichnis des Empfängers unbekannt</translation>
    </message>
    <message>
        <source>Delayed, still being retried</source>
        <translation>Verzögert, wird weiter versucht</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>Nicht prüfbar</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>no check run</source>
        <translation>keine Prüfung durchgeführt</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT</source>
        <translation>Nachricht an die IT des Empfängers</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>Checkliste:</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT:</source>
        <translation>Nachricht an die IT des Empfängers:</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>Dauerhaft</translation>
    </message>
    <message>
        <source>Who must act</source>
        <translation>Wer handeln muss</translation>
    </message>
    <message>
        <source>Start with</source>
        <translation>Erster Schritt</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation>Remoteserver</translation>
    </message>
    <message>
        <source>Reporting server</source>
        <translation>Meldender Server</translation>
    </message>
    <message>
        <source>Sending IP</source>
        <translation>Sendende IP</translation>
    </message>
    <message>
        <source>Blocklist named</source>
        <translation>Genannte Sperrliste</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Suggested address</source>
        <translation>Vorgeschlagene Adresse</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>Vorübergehend</translation>
    </message>
    <message>
        <source>You (the sender)</source>
        <translation>Sie (der Absender)</translation>
    </message>
    <message>
        <source>Your email administrator or provider</source>
        <translation>Ihr E-Mail-Administrator oder -Anbieter</translation>
    </message>
    <message>
        <source>The recipient</source>
        <translation>Der Empfänger</translation>
    </message>
    <message>
        <source>The recipient&apos;s IT</source>
        <translation>Die IT des Empfängers</translation>
    </message>
    <message>
        <source>Not clear from the bounce</source>
        <translation>Aus der Unzustellbarkeitsnachricht nicht ersichtlich</translation>
    </message>
    <message>
        <source>Bounce diagnosis</source>
        <translation>Diagnose der Unzustellbarkeit</translation>
    </message>
    <message>
        <source>Bounce:</source>
        <translation>Unzustellbarkeitsnachricht:</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Angabe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The server&apos;s exact words:</source>
        <translation>Der genaue Wortlaut des Servers:</translation>
    </message>
    <message>
        <source>Bounce for %1</source>
        <translation>Unzustellbarkeitsnachricht für %1</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Antwort des Servers</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(ausgeblendet)</translation>
    </message>
    <message>
        <source>device or program not signed in</source>
        <translation>Gerät oder Programm nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>ResolverProbeTr</name>
    <message>
        <source>Run the check on another network (not a hotel, café or guest network), turn off a VPN or filtering service, or give the DNS server of your internet provider in Settings (on the command line: --dns-server).</source>
        <translation>Führen Sie die Prüfung in einem anderen Netzwerk aus (nicht in einem Hotel-, Café- oder Gastnetz), schalten Sie VPN oder Filterdienste aus oder geben Sie in den Einstellungen den DNS-Server Ihres Internetanbieters an (auf der Kommandozeile: --dns-server).</translation>
    </message>
    <message>
        <source>your DNS server answers every name with the same address (%1), even names that do not exist</source>
        <translation>Ihr DNS-Server beantwortet jeden Namen mit derselben Adresse (%1), sogar Namen, die nicht existieren</translation>
    </message>
    <message>
        <source>your DNS server gives an address (%1) to names that do not exist, such as %2</source>
        <translation>Ihr DNS-Server liefert eine Adresse (%1) für Namen, die nicht existieren, etwa %2</translation>
    </message>
    <message>
        <source>your DNS server says that %1, a name that certainly exists, does not exist: it answers &quot;no such name&quot; to everything</source>
        <translation>Ihr DNS-Server behauptet, dass %1, ein Name, der sicher existiert, nicht existiert: Er antwortet auf alles mit „Name existiert nicht“</translation>
    </message>
    <message>
        <source>your DNS server did not answer for %1, a name that certainly exists (%2), so its &quot;does not exist&quot; answers cannot be trusted</source>
        <translation>Ihr DNS-Server hat für %1, einen sicher existierenden Namen (%2), nicht geantwortet, daher sind seine „existiert nicht“-Antworten nicht verlässlich</translation>
    </message>
    <message>
        <source>your DNS server</source>
        <translation>Ihr DNS-Server</translation>
    </message>
    <message>
        <source>The DNS checks cannot be trusted: %1.</source>
        <translation>Den DNS-Prüfungen ist nicht zu trauen: %1.</translation>
    </message>
    <message>
        <source>Some DNS checks cannot be trusted: %1.</source>
        <translation>Einigen DNS-Prüfungen ist nicht zu trauen: %1.</translation>
    </message>
    <message>
        <source>Every DNS result of this check is shown as &quot;could not check&quot;: what this server says about your domain, your IP address or blocklists says nothing either way.</source>
        <translation>Jedes DNS-Ergebnis dieser Prüfung wird als „nicht prüfbar“ angezeigt: Was dieser Server über Ihre Domain, Ihre IP-Adresse oder Sperrlisten sagt, ist in keiner Richtung aussagekräftig.</translation>
    </message>
    <message>
        <source>Results that say a domain, a record or a listing does not exist are shown as &quot;could not check&quot;.</source>
        <translation>Ergebnisse, nach denen eine Domain, ein Eintrag oder ein Listeneintrag nicht existiert, werden als „nicht prüfbar“ angezeigt.</translation>
    </message>
    <message>
        <source>this</source>
        <translation>diesen Punkt</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>Prüfung nicht möglich für %1: %2.</translation>
    </message>
</context>
<context>
    <name>SpfLint</name>
    <message numerus="yes">
        <source>%n name(s) in the SPF record do not exist or have no address.</source>
        <translation>
            <numerusform>%n Name im SPF-Eintrag existiert nicht oder hat keine Adresse.</numerusform>
            <numerusform>%n Namen im SPF-Eintrag existieren nicht oder haben keine Adresse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpfLintTr</name>
    <message>
        <source>The domain publishes no SPF record, so receivers cannot tell which servers may send its mail.</source>
        <translation>Die Domain veröffentlicht keinen SPF-Eintrag, daher können Empfänger nicht erkennen, welche Server E-Mails für sie senden dürfen.</translation>
    </message>
    <message>
        <source>The domain publishes %1 SPF records; there must be exactly one, otherwise every check ends in an error (permerror). Merge them.</source>
        <translation>Die Domain veröffentlicht %1 SPF-Einträge; es darf aber nur genau einen geben, sonst endet jede Prüfung mit einem Fehler (permerror). Führen Sie die Einträge zusammen.</translation>
    </message>
    <message>
        <source>A piece of the TXT record is longer than 255 characters; split it into several quoted strings.</source>
        <translation>Ein Teil des TXT-Eintrags ist länger als 255 Zeichen; teilen Sie ihn in mehrere Zeichenketten in Anführungszeichen auf.</translation>
    </message>
    <message>
        <source>The SPF record is %1 characters long; above 450 the DNS answer may not fit in one UDP packet. Shorten it or move parts into includes.</source>
        <translation>Der SPF-Eintrag ist %1 Zeichen lang; ab 450 Zeichen passt die DNS-Antwort möglicherweise nicht mehr in ein UDP-Paket. Kürzen Sie ihn oder lagern Sie Teile in includes aus.</translation>
    </message>
    <message>
        <source>The SPF record has a syntax error: %1. Receivers treat the whole record as broken (permerror).</source>
        <translation>Der SPF-Eintrag enthält einen Syntaxfehler: %1. Empfänger behandeln den gesamten Eintrag als fehlerhaft (permerror).</translation>
    </message>
    <message>
        <source>The record ends in &quot;+all&quot;: it allows every server on the internet to send as this domain. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>Der Eintrag endet mit &quot;+all&quot;: Damit darf jeder Server im Internet im Namen dieser Domain senden. Verwenden Sie &quot;~all&quot; oder &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>The record ends in &quot;?all&quot;: it says nothing about other servers, which gives little protection. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>Der Eintrag endet mit &quot;?all&quot;: Er trifft keine Aussage über andere Server und bietet damit kaum Schutz. Verwenden Sie &quot;~all&quot; oder &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>The record uses &quot;ptr&quot;, which is slow, unreliable and discouraged by RFC 7208; list the addresses instead.</source>
        <translation>Der Eintrag verwendet &quot;ptr&quot;, was langsam und unzuverlässig ist und laut RFC 7208 vermieden werden sollte; führen Sie stattdessen die Adressen auf.</translation>
    </message>
    <message>
        <source>The record itself has %1 terms that need DNS lookups; more than 10 makes every check fail (permerror).</source>
        <translation>Der Eintrag selbst enthält %1 Ausdrücke, die DNS-Abfragen benötigen; bei mehr als 10 schlägt jede Prüfung fehl (permerror).</translation>
    </message>
    <message>
        <source>The record has no final &quot;all&quot; (nor redirect=), so servers not listed get &quot;neutral&quot;. End it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>Der Eintrag hat kein abschließendes &quot;all&quot; (und kein redirect=), daher erhalten nicht aufgeführte Server das Ergebnis &quot;neutral&quot;. Beenden Sie ihn mit &quot;~all&quot; oder &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>Counting its includes, the SPF record needs more than 10 DNS lookups, so receivers give up with an error (permerror). Remove includes you no longer use or flatten them.</source>
        <translation>Zusammen mit seinen includes benötigt der SPF-Eintrag mehr als 10 DNS-Abfragen, daher brechen Empfänger mit einem Fehler ab (permerror). Entfernen Sie nicht mehr benötigte includes oder lösen Sie sie in Adressen auf (Flattening).</translation>
    </message>
    <message>
        <source>More than 2 names in the SPF record do not exist or have no address, so receivers give up with an error (permerror).</source>
        <translation>Mehr als 2 Namen im SPF-Eintrag existieren nicht oder haben keine Adresse, daher brechen Empfänger mit einem Fehler ab (permerror).</translation>
    </message>
    <message>
        <source>The SPF record includes itself through a loop: %1.</source>
        <translation>Der SPF-Eintrag bindet sich über eine Schleife selbst ein: %1.</translation>
    </message>
    <message>
        <source>An include points to a domain without an SPF record: %1.</source>
        <translation>Ein include verweist auf eine Domain ohne SPF-Eintrag: %1.</translation>
    </message>
    <message>
        <source>A record reached through an include is broken: %1.</source>
        <translation>Ein über ein include erreichter Eintrag ist fehlerhaft: %1.</translation>
    </message>
</context>
<context>
    <name>SpfRecordTr</name>
    <message>
        <source>character not allowed in a macro string</source>
        <translation>Zeichen in einer Makro-Zeichenkette nicht erlaubt</translation>
    </message>
    <message>
        <source>a lone &apos;%&apos; at the end</source>
        <translation>ein einzelnes &apos;%&apos; am Ende</translation>
    </message>
    <message>
        <source>&apos;%&apos; must be followed by &apos;{&apos;, &apos;%&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>auf &apos;%&apos; muss &apos;{&apos;, &apos;%&apos;, &apos;_&apos; oder &apos;-&apos; folgen</translation>
    </message>
    <message>
        <source>a macro &apos;%{&apos; is not closed</source>
        <translation>ein Makro &apos;%{&apos; ist nicht geschlossen</translation>
    </message>
    <message>
        <source>a macro needs a letter</source>
        <translation>ein Makro benötigt einen Buchstaben</translation>
    </message>
    <message>
        <source>unknown macro delimiter</source>
        <translation>unbekanntes Makro-Trennzeichen</translation>
    </message>
    <message>
        <source>a macro keeps zero labels</source>
        <translation>ein Makro behält null Labels</translation>
    </message>
    <message>
        <source>bad IPv6 prefix length</source>
        <translation>ungültige IPv6-Präfixlänge</translation>
    </message>
    <message>
        <source>bad IPv4 prefix length</source>
        <translation>ungültige IPv4-Präfixlänge</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>leere Domain</translation>
    </message>
    <message>
        <source>macro letter not allowed in a domain</source>
        <translation>Makro-Buchstabe in einer Domain nicht erlaubt</translation>
    </message>
    <message>
        <source>the domain does not end in a valid top-level label</source>
        <translation>die Domain endet nicht mit einem gültigen Top-Level-Label</translation>
    </message>
    <message>
        <source>the record contains a character that is not printable ASCII</source>
        <translation>der Eintrag enthält ein Zeichen, das kein druckbares ASCII ist</translation>
    </message>
    <message>
        <source>the record does not start with &quot;v=spf1&quot;</source>
        <translation>der Eintrag beginnt nicht mit &quot;v=spf1&quot;</translation>
    </message>
    <message>
        <source>the modifier &quot;%1&quot; appears more than once</source>
        <translation>der Modifikator &quot;%1&quot; kommt mehrfach vor</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>unknown macro letter &apos;%1&apos;</source>
        <translation>unbekannter Makro-Buchstabe &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&quot;all&quot; takes no argument</source>
        <translation>&quot;all&quot; nimmt kein Argument an</translation>
    </message>
    <message>
        <source>a domain is required after &apos;:&apos;</source>
        <translation>nach &apos;:&apos; ist eine Domain erforderlich</translation>
    </message>
    <message>
        <source>unexpected text after the mechanism</source>
        <translation>unerwarteter Text nach dem Mechanismus</translation>
    </message>
    <message>
        <source>an IPv4 address is required</source>
        <translation>eine IPv4-Adresse ist erforderlich</translation>
    </message>
    <message>
        <source>not a valid IPv4 address</source>
        <translation>keine gültige IPv4-Adresse</translation>
    </message>
    <message>
        <source>an IPv6 address is required</source>
        <translation>eine IPv6-Adresse ist erforderlich</translation>
    </message>
    <message>
        <source>not a valid IPv6 address</source>
        <translation>keine gültige IPv6-Adresse</translation>
    </message>
    <message>
        <source>unknown mechanism</source>
        <translation>unbekannter Mechanismus</translation>
    </message>
    <message>
        <source>the %{%1} macro would expand to %2 characters, longer than any address or domain</source>
        <translation>das Makro %{%1} würde zu %2 Zeichen erweitert, länger als jede Adresse oder Domain</translation>
    </message>
</context>
<context>
    <name>StepAdviceTr</name>
    <message>
        <source>The server accepts messages up to %1, attachments included.</source>
        <translation>Der Server nimmt Nachrichten bis %1 an, Anhänge eingeschlossen.</translation>
    </message>
    <message>
        <source>The server does not say its limit; many accept 10 to 25 MB, attachments included.</source>
        <translation>Der Server nennt seine Grenze nicht; viele nehmen 10 bis 25 MB an, Anhänge eingeschlossen.</translation>
    </message>
    <message>
        <source>Then send the changed message again to the same address.</source>
        <translation>Senden Sie die geänderte Nachricht dann erneut an dieselbe Adresse.</translation>
    </message>
    <message>
        <source>The message was passed on to a system that sends no further reports. Nothing failed.</source>
        <translation>Die Nachricht wurde an ein System weitergegeben, das keine weiteren Berichte sendet. Nichts ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>This is a delivery report: the message reached the recipient&apos;s server. Nothing failed.</source>
        <translation>Dies ist eine Zustellbestätigung: Die Nachricht hat den Server des Empfängers erreicht. Nichts ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Keep this notice if you need proof of delivery.</source>
        <translation>Bewahren Sie diese Mitteilung auf, wenn Sie einen Zustellnachweis brauchen.</translation>
    </message>
    <message>
        <source>Verify the recipient address</source>
        <translation>Empfängeradresse überprüfen</translation>
    </message>
    <message>
        <source>Check blocklists</source>
        <translation>Sperrlisten prüfen</translation>
    </message>
    <message>
        <source>Check SPF, DKIM and DMARC</source>
        <translation>SPF, DKIM und DMARC prüfen</translation>
    </message>
    <message>
        <source>Contact the recipient&apos;s IT</source>
        <translation>IT des Empfängers kontaktieren</translation>
    </message>
    <message>
        <source>Fix the sending set-up</source>
        <translation>Versand-Konfiguration korrigieren</translation>
    </message>
    <message>
        <source>Review the message content</source>
        <translation>Inhalt der Nachricht überprüfen</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Abwarten</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>Nichts zu tun</translation>
    </message>
    <message>
        <source>A typing mistake or an address that no longer exists is the most common cause of a bounce. Check the spelling letter by letter, and that the domain after the @ is right.</source>
        <translation>Ein Tippfehler oder eine Adresse, die nicht mehr existiert, ist die häufigste Ursache für eine Unzustellbarkeitsnachricht. Prüfen Sie die Schreibweise Buchstabe für Buchstabe und ob die Domain nach dem @ stimmt.</translation>
    </message>
    <message>
        <source>Receiving servers refuse mail from IP addresses and domains on public blocklists. If your sending IP is listed, fix the cause (often a hacked account or a spam complaint), then ask the list to remove it.</source>
        <translation>Empfangsserver weisen E-Mails von IP-Adressen und Domains ab, die auf öffentlichen Sperrlisten stehen. Wenn Ihre sendende IP gelistet ist, beheben Sie die Ursache (oft ein gehacktes Konto oder eine Spam-Beschwerde) und beantragen Sie dann die Entfernung bei der Liste.</translation>
    </message>
    <message>
        <source>These DNS records prove that your server may send for your domain. Large providers reject or junk mail that fails them.</source>
        <translation>Diese DNS-Einträge belegen, dass Ihr Server für Ihre Domain senden darf. Große Anbieter lehnen E-Mails ab, die diese Prüfungen nicht bestehen, oder verschieben sie in den Spam-Ordner.</translation>
    </message>
    <message>
        <source>When the receiving side refuses you, only its administrators can change that. This message gives them what they need.</source>
        <translation>Wenn die Empfängerseite Ihre E-Mails abweist, können nur deren Administratoren das ändern. Diese Nachricht gibt ihnen alle nötigen Informationen.</translation>
    </message>
    <message>
        <source>The message is late, not lost. Usually there is nothing to do but wait.</source>
        <translation>Die Nachricht ist verspätet, nicht verloren. Meist bleibt nur abzuwarten.</translation>
    </message>
    <message>
        <source>The problem is temporary. Usually it is enough to wait and send again.</source>
        <translation>Das Problem ist vorübergehend. Meist genügt es, zu warten und erneut zu senden.</translation>
    </message>
    <message>
        <source>Nothing failed: this notice is for your information.</source>
        <translation>Nichts ist fehlgeschlagen: Diese Mitteilung dient nur zur Information.</translation>
    </message>
    <message>
        <source>Make the mail program or device (a copier, scanner or web form, for example) sign in to its outgoing (SMTP) server: turn on &quot;My outgoing server requires authentication&quot; (or &quot;SMTP authentication&quot;) and enter the mailbox&apos;s user name and password.</source>
        <translation>Lassen Sie das Mailprogramm oder Gerät (zum Beispiel einen Kopierer, Scanner oder ein Webformular) sich bei seinem Postausgangsserver (SMTP) anmelden: Aktivieren Sie „Postausgangsserver erfordert Authentifizierung“ (oder „SMTP-Authentifizierung“) und geben Sie Benutzername und Passwort des Postfachs ein.</translation>
    </message>
    <message>
        <source>Send through the submission port: 587 with STARTTLS, or 465 with SSL/TLS. Port 25 is for servers and often refuses devices.</source>
        <translation>Senden Sie über den Submission-Port: 587 mit STARTTLS oder 465 mit SSL/TLS. Port 25 ist für Server gedacht und lehnt Geräte oft ab.</translation>
    </message>
    <message>
        <source>With Microsoft 365 or Google, the account may need SMTP sign-in (SMTP AUTH) turned on, or an app password when two-step sign-in is on.</source>
        <translation>Bei Microsoft 365 oder Google muss für das Konto eventuell die SMTP-Anmeldung (SMTP AUTH) aktiviert werden oder, bei aktiver Zwei-Schritt-Anmeldung, ein App-Passwort verwendet werden.</translation>
    </message>
    <message>
        <source>A server passes mail on only for senders it knows. Check the outgoing server name in the settings, and that the sender address is one of your own domain&apos;s.</source>
        <translation>Ein Server leitet E-Mails nur für Absender weiter, die er kennt. Prüfen Sie den Namen des Postausgangsservers in den Einstellungen und ob die Absenderadresse zu Ihrer eigenen Domain gehört.</translation>
    </message>
    <message>
        <source>Check the encryption setting: STARTTLS on port 587, or SSL/TLS on port 465. Most servers refuse &quot;None&quot;.</source>
        <translation>Prüfen Sie die Verschlüsselungseinstellung: STARTTLS auf Port 587 oder SSL/TLS auf Port 465. Die meisten Server lehnen „Keine“ ab.</translation>
    </message>
    <message>
        <source>Old devices and programs may speak only TLS 1.0 or 1.1, which servers now refuse: update the firmware or program, or send through a relay that speaks TLS 1.2 or newer.</source>
        <translation>Ältere Geräte und Programme beherrschen vielleicht nur TLS 1.0 oder 1.1, das Server heute ablehnen: Aktualisieren Sie Firmware oder Programm oder senden Sie über ein Relay, das TLS 1.2 oder neuer beherrscht.</translation>
    </message>
    <message>
        <source>For a certificate error, check that the server name in the settings matches the server&apos;s certificate (a name such as smtp.example.com, not an IP address) and that the device&apos;s date and time are right.</source>
        <translation>Bei einem Zertifikatsfehler prüfen Sie, ob der Servername in den Einstellungen zum Zertifikat des Servers passt (ein Name wie smtp.example.com, keine IP-Adresse) und ob Datum und Uhrzeit des Geräts stimmen.</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address. Check that the From address, and the return address your server uses, is a real address of a domain that exists.</source>
        <translation>Der empfangende Server hat Ihre Absenderadresse abgelehnt. Prüfen Sie, ob die From-Adresse und die Rücksendeadresse, die Ihr Server verwendet, echte Adressen einer existierenden Domain sind.</translation>
    </message>
    <message>
        <source>The receiving server did not understand what your mail program or server sent. Update the program, the device&apos;s firmware or the server, and undo custom SMTP settings.</source>
        <translation>Der empfangende Server hat nicht verstanden, was Ihr Mailprogramm oder Server gesendet hat. Aktualisieren Sie das Programm, die Firmware des Geräts oder den Server und machen Sie eigene SMTP-Einstellungen rückgängig.</translation>
    </message>
    <message>
        <source>If you do not manage the sending program or server, send these steps and the server&apos;s words to whoever does. Then send a test message.</source>
        <translation>Wenn Sie das sendende Programm oder den Server nicht selbst verwalten, schicken Sie diese Schritte und den Wortlaut des Servers an die zuständige Person. Senden Sie danach eine Testnachricht.</translation>
    </message>
    <message>
        <source>Attachments grow by about a third when sent. Share large files through a link, compress them, or send them in several messages.</source>
        <translation>Anhänge werden beim Senden um etwa ein Drittel größer. Teilen Sie große Dateien über einen Link, komprimieren Sie sie oder verteilen Sie sie auf mehrere Nachrichten.</translation>
    </message>
    <message>
        <source>Links: remove shortened links and links whose text shows another address than they go to; check the linked sites are not on blocklists.</source>
        <translation>Links: Entfernen Sie gekürzte Links und Links, deren Text eine andere Adresse zeigt als ihr Ziel; prüfen Sie, ob die verlinkten Seiten auf Sperrlisten stehen.</translation>
    </message>
    <message>
        <source>Attachments: archives, Office files with macros and programs are often refused; send a PDF or a link instead.</source>
        <translation>Anhänge: Archive, Office-Dateien mit Makros und Programme werden oft abgelehnt; senden Sie stattdessen ein PDF oder einen Link.</translation>
    </message>
    <message>
        <source>Wording: capitals, many exclamation marks, &quot;free&quot;, &quot;urgent&quot; or a single large image with little text look like spam.</source>
        <translation>Formulierung: Großbuchstaben, viele Ausrufezeichen, „kostenlos“, „dringend“ oder ein einzelnes großes Bild mit wenig Text wirken wie Spam.</translation>
    </message>
    <message>
        <source>The server found or suspects malware in an attachment. Scan the file, and send it as a link or in another format; password-protected archives and programs are refused by most servers.</source>
        <translation>Der Server hat in einem Anhang Schadsoftware gefunden oder vermutet sie. Prüfen Sie die Datei mit einem Virenscanner und senden Sie sie als Link oder in einem anderen Format; passwortgeschützte Archive und Programme lehnen die meisten Server ab.</translation>
    </message>
    <message>
        <source>The message breaks the email standard (RFC 5322): a missing or doubled header such as Date, From or Message-ID, overlong lines or bad encoding. The program that built it must be fixed; send from an ordinary mail program to compare.</source>
        <translation>Die Nachricht verstößt gegen den E-Mail-Standard (RFC 5322): eine fehlende oder doppelte Kopfzeile wie Date, From oder Message-ID, überlange Zeilen oder fehlerhafte Kodierung. Das Programm, das sie erstellt hat, muss korrigiert werden; senden Sie zum Vergleich aus einem normalen Mailprogramm.</translation>
    </message>
    <message>
        <source>The recipient marked your message as spam. Stop sending them this kind of message unless they asked for it, and make unsubscribing easy.</source>
        <translation>Der Empfänger hat Ihre Nachricht als Spam markiert. Senden Sie ihm solche Nachrichten nicht mehr, sofern er sie nicht angefordert hat, und machen Sie das Abmelden einfach.</translation>
    </message>
    <message>
        <source>Compare the message with the server&apos;s words: its size, its attachments, its links and its wording.</source>
        <translation>Vergleichen Sie die Nachricht mit dem Wortlaut des Servers: ihre Größe, ihre Anhänge, ihre Links und ihre Formulierung.</translation>
    </message>
    <message>
        <source>This is a delay notice, not a failure: your mail server is still trying and retries by itself, usually for up to four or five days. Do not send the message again.</source>
        <translation>Dies ist eine Verzögerungsmeldung, kein Fehlschlag: Ihr Mailserver versucht es weiter und wiederholt selbstständig, meist bis zu vier oder fünf Tage lang. Senden Sie die Nachricht nicht erneut.</translation>
    </message>
    <message>
        <source>Your mail server retried for its whole retry period and has given up: the message was not delivered. Send it again later.</source>
        <translation>Ihr Mailserver hat es während der gesamten Wiederholungsfrist versucht und aufgegeben: Die Nachricht wurde nicht zugestellt. Senden Sie sie später erneut.</translation>
    </message>
    <message>
        <source>The receiving server asked to try again later. Your mail server retries by itself for a while; as this notice says it failed, send the message again in an hour or two.</source>
        <translation>Der empfangende Server hat gebeten, es später erneut zu versuchen. Ihr Mailserver wiederholt selbstständig eine Weile; da diese Meldung einen Fehlschlag meldet, senden Sie die Nachricht in ein bis zwei Stunden erneut.</translation>
    </message>
    <message>
        <source>The server refuses you for sending too much, too fast: send fewer messages per hour (split large mailings) and wait at least an hour.</source>
        <translation>Der Server lehnt Sie ab, weil Sie zu viel zu schnell senden: Senden Sie weniger Nachrichten pro Stunde (teilen Sie große Aussendungen auf) und warten Sie mindestens eine Stunde.</translation>
    </message>
    <message>
        <source>Worry when the same error comes back after a day, or a final failure notice arrives: then the receiving side has a lasting problem and its IT must look at it.</source>
        <translation>Sorgen sind angebracht, wenn derselbe Fehler nach einem Tag wiederkommt oder eine endgültige Fehlermeldung eintrifft: Dann hat die Empfängerseite ein dauerhaftes Problem, und ihre IT muss es sich ansehen.</translation>
    </message>
    <message>
        <source>This is an automatic reply (out of office or similar): your message was delivered. Read it for the date they are back or for another contact.</source>
        <translation>Dies ist eine automatische Antwort (Abwesenheitsnotiz o. Ä.): Ihre Nachricht wurde zugestellt. Lesen Sie darin, wann die Person zurück ist oder wen Sie sonst kontaktieren können.</translation>
    </message>
    <message>
        <source>The refusal is about how your message is sent, not about the recipient: a setting in your mail program, device or server must change. Sending again unchanged fails the same way.</source>
        <translation>Die Ablehnung betrifft die Art, wie Ihre Nachricht gesendet wird, nicht den Empfänger: Eine Einstellung in Ihrem Mailprogramm, Gerät oder Server muss geändert werden. Unverändert erneut zu senden scheitert genauso.</translation>
    </message>
    <message>
        <source>The receiving server refused what the message contains. Change the message, not the address.</source>
        <translation>Der empfangende Server hat den Inhalt der Nachricht abgelehnt. Ändern Sie die Nachricht, nicht die Adresse.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explains why an email bounced.</source>
        <translation>Erklärt, warum eine E-Mail nicht zugestellt werden konnte.</translation>
    </message>
    <message>
        <source>Bounces to open (.eml, mbox, folder).</source>
        <translation>Zu öffnende Unzustellbarkeitsnachrichten (.eml, mbox, Ordner).</translation>
    </message>
</context>
</TS>
