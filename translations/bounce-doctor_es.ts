<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddressCheckTr</name>
    <message>
        <source>nothing before the @</source>
        <translation>no hay nada antes de la @</translation>
    </message>
    <message>
        <source>the part before the @ is longer than 64 characters</source>
        <translation>la parte anterior a la @ tiene más de 64 caracteres</translation>
    </message>
    <message>
        <source>a quoted name before the @ is not closed</source>
        <translation>un nombre entre comillas antes de la @ no está cerrado</translation>
    </message>
    <message>
        <source>the quoted name before the @ has a character that must be escaped</source>
        <translation>el nombre entre comillas antes de la @ contiene un carácter que debe escaparse</translation>
    </message>
    <message>
        <source>dots before the @ may not be first, last or doubled</source>
        <translation>los puntos antes de la @ no pueden ir al principio, al final ni duplicados</translation>
    </message>
    <message>
        <source>the character &apos;%1&apos; is not allowed before the @ (unless quoted)</source>
        <translation>el carácter &apos;%1&apos; no está permitido antes de la @ (salvo entre comillas)</translation>
    </message>
    <message>
        <source>nothing after the @</source>
        <translation>no hay nada después de la @</translation>
    </message>
    <message>
        <source>the address literal after the @ is not an IP address</source>
        <translation>el literal de dirección después de la @ no es una dirección IP</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; is not a valid international domain name</source>
        <translation>el dominio &apos;%1&apos; no es un nombre de dominio internacional válido</translation>
    </message>
    <message>
        <source>the domain is longer than 253 characters</source>
        <translation>el dominio tiene más de 253 caracteres</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; has no dot: a mail domain looks like example.com</source>
        <translation>el dominio &apos;%1&apos; no tiene ningún punto: un dominio de correo tiene la forma ejemplo.com</translation>
    </message>
    <message>
        <source>the domain part &apos;%1&apos; is not valid (letters, digits and inner hyphens only, at most 63)</source>
        <translation>la parte del dominio &apos;%1&apos; no es válida (solo letras, cifras y guiones intermedios, 63 caracteres como máximo)</translation>
    </message>
    <message>
        <source>there is no @ in the address</source>
        <translation>la dirección no contiene ninguna @</translation>
    </message>
    <message>
        <source>the address contains a space</source>
        <translation>la dirección contiene un espacio</translation>
    </message>
    <message>
        <source>The address &apos;%1&apos; is not valid: %2</source>
        <translation>La dirección &apos;%1&apos; no es válida: %2</translation>
    </message>
    <message>
        <source>Correct the address and send again.</source>
        <translation>Corrija la dirección y vuelva a enviar el mensaje.</translation>
    </message>
    <message>
        <source>The address is written correctly.</source>
        <translation>La dirección está escrita correctamente.</translation>
    </message>
    <message>
        <source>International domain %1 is %2 in DNS</source>
        <translation>El dominio internacional %1 figura en el DNS como %2</translation>
    </message>
    <message>
        <source>Did you mean %1@%2?</source>
        <translation>¿Quería decir %1@%2?</translation>
    </message>
    <message>
        <source>The domain %1 is very close to the common mail domain %2. A typing mistake here is a frequent cause of bounces.</source>
        <translation>El dominio %1 se parece mucho al dominio de correo habitual %2. Un error de escritura en esta parte es una causa frecuente de rebotes.</translation>
    </message>
    <message>
        <source>The domain %1 does not exist.</source>
        <translation>El dominio %1 no existe.</translation>
    </message>
    <message>
        <source>DNS has no such domain, so no mail can reach it. Check the spelling of the part after the @; the domain may also have expired.</source>
        <translation>El DNS no conoce este dominio, así que ningún correo puede llegar a él. Revise cómo está escrita la parte posterior a la @; también es posible que el dominio haya caducado.</translation>
    </message>
    <message>
        <source>the mail servers of %1</source>
        <translation>los servidores de correo de %1</translation>
    </message>
    <message>
        <source>The domain %1 says it accepts no email (null MX).</source>
        <translation>El dominio %1 declara que no acepta correo electrónico (MX nulo).</translation>
    </message>
    <message>
        <source>Its owner has published that this domain never receives mail (RFC 7505). The address cannot work; ask the recipient for another one.</source>
        <translation>Su propietario ha publicado que este dominio nunca recibe correo (RFC 7505). La dirección no puede funcionar; pida al destinatario otra dirección.</translation>
    </message>
    <message>
        <source>%1 receives mail at %2.</source>
        <translation>%1 recibe el correo en %2.</translation>
    </message>
    <message>
        <source>%1 hosts this domain&apos;s mail.</source>
        <translation>%1 gestiona el correo de este dominio.</translation>
    </message>
    <message>
        <source>Advice and error codes from %1 apply to this recipient.</source>
        <translation>Los consejos y códigos de error de %1 se aplican a este destinatario.</translation>
    </message>
    <message>
        <source>All of its mail servers have addresses.</source>
        <translation>Todos sus servidores de correo tienen dirección.</translation>
    </message>
    <message>
        <source>Some of its mail servers have no address.</source>
        <translation>Algunos de sus servidores de correo no tienen dirección.</translation>
    </message>
    <message>
        <source>None of its mail servers has an address, so mail cannot be delivered.</source>
        <translation>Ninguno de sus servidores de correo tiene dirección, por lo que el correo no se puede entregar.</translation>
    </message>
    <message>
        <source>The domain&apos;s MX records point to names that do not resolve. The recipient&apos;s IT must fix their DNS.</source>
        <translation>Los registros MX del dominio apuntan a nombres que no se pueden resolver. El equipo de TI del destinatario debe corregir su DNS.</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>la dirección de %1</translation>
    </message>
    <message>
        <source>The domain %1 has no mail server.</source>
        <translation>El dominio %1 no tiene servidor de correo.</translation>
    </message>
    <message>
        <source>It has neither MX records nor an address to deliver to, so it cannot receive mail. Check the domain with the recipient.</source>
        <translation>No tiene registros MX ni ninguna dirección a la que entregar, así que no puede recibir correo. Confirme el dominio con el destinatario.</translation>
    </message>
    <message>
        <source>The domain %1 has no MX record; mail goes to its web address.</source>
        <translation>El dominio %1 no tiene registro MX; el correo se envía a su dirección web.</translation>
    </message>
    <message>
        <source>This works only if that server accepts mail, which is unusual. The recipient&apos;s IT should publish MX records.</source>
        <translation>Esto solo funciona si ese servidor acepta correo, lo cual es poco habitual. El equipo de TI del destinatario debería publicar registros MX.</translation>
    </message>
    <message>
        <source>whether the domain %1 exists</source>
        <translation>si el dominio %1 existe</translation>
    </message>
    <message>
        <source>who hosts the mail of %1</source>
        <translation>quién aloja el correo de %1</translation>
    </message>
    <message>
        <source>the addresses of the mail servers of %1</source>
        <translation>las direcciones de los servidores de correo de %1</translation>
    </message>
</context>
<context>
    <name>BlocklistCheckTr</name>
    <message>
        <source>the answer %1 is not a blocklist code (is your DNS server redirecting unknown names?)</source>
        <translation>la respuesta %1 no es un código de lista de bloqueo (¿su servidor DNS está redirigiendo los nombres desconocidos?)</translation>
    </message>
    <message>
        <source>listed (code %1)</source>
        <translation>en la lista (código %1)</translation>
    </message>
    <message>
        <source>Nothing to check: the bounce shows no sending IP or domain.</source>
        <translation>No hay nada que comprobar: el rebote no muestra ninguna IP ni dominio de envío.</translation>
    </message>
    <message>
        <source>Type your sending IP address (ask your email provider if you do not know it) and your domain, then run the check.</source>
        <translation>Escriba su dirección IP de envío (pregunte a su proveedor de correo si no la conoce) y su dominio, y después inicie la comprobación.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address.</source>
        <translation>&apos;%1&apos; no es una dirección IP.</translation>
    </message>
    <message>
        <source>%1 is not on %2.</source>
        <translation>%1 no figura en %2.</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>Error al comprobar %1: %2.</translation>
    </message>
    <message>
        <source>Spamhaus answers only queries from your own DNS resolver, not public ones such as 1.1.1.1 or 8.8.8.8. Use your own or your provider&apos;s resolver, or enter a free Spamhaus DQS key in Settings.</source>
        <translation>Spamhaus solo responde a consultas de su propio resolvedor DNS, no de resolvedores públicos como 1.1.1.1 u 8.8.8.8. Use su propio resolvedor o el de su proveedor, o introduzca una clave DQS gratuita de Spamhaus en Configuración.</translation>
    </message>
    <message>
        <source>%1 is listed on %2: %3.</source>
        <translation>%1 figura en %2: %3.</translation>
    </message>
    <message>
        <source>Receiving servers that use this list refuse your mail. Fix the cause (a compromised account, a spam complaint, an open relay), then ask for removal on the list&apos;s page.</source>
        <translation>Los servidores receptores que usan esta lista rechazan su correo. Corrija la causa (una cuenta comprometida, una queja por spam, un relay abierto) y después solicite la exclusión en la página de la lista.</translation>
    </message>
    <message>
        <source>the reverse DNS of %1</source>
        <translation>el DNS inverso de %1</translation>
    </message>
    <message>
        <source>%1 has no reverse DNS name (PTR).</source>
        <translation>%1 no tiene nombre de DNS inverso (PTR).</translation>
    </message>
    <message>
        <source>Many receiving servers refuse mail from addresses without one. Ask whoever provides the IP address (hosting or internet provider) to set a PTR record naming your mail server.</source>
        <translation>Muchos servidores receptores rechazan el correo de direcciones que no lo tienen. Pida a quien le proporciona la dirección IP (su proveedor de hosting o de internet) que configure un registro PTR con el nombre de su servidor de correo.</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>la dirección de %1</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, and it points back (forward-confirmed).</source>
        <translation>%1 tiene el DNS inverso %2, y este apunta de vuelta a la dirección (confirmado en ambos sentidos).</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, but that name does not point back to it.</source>
        <translation>%1 tiene el DNS inverso %2, pero ese nombre no apunta de vuelta a la dirección.</translation>
    </message>
    <message>
        <source>Receivers such as Microsoft and Gmail expect the PTR name to resolve to the same IP address. Add an A (or AAAA) record for %1.</source>
        <translation>Servidores receptores como los de Microsoft y Gmail esperan que el nombre PTR se resuelva a la misma dirección IP. Añada un registro A (o AAAA) para %1.</translation>
    </message>
    <message>
        <source>Could not check %1: your DNS server does not give this list&apos;s answers (%2).</source>
        <translation>No se pudo comprobar %1: su servidor DNS no entrega las respuestas de esta lista (%2).</translation>
    </message>
    <message>
        <source>Ask through your own or your internet provider&apos;s DNS server instead of a public or filtering one, or look the address up on the list&apos;s web page.</source>
        <translation>Consulte a través de su propio servidor DNS o del de su proveedor de internet, no de uno público o con filtro, o busque la dirección en la página web de la lista.</translation>
    </message>
    <message>
        <source>its test entries got no answer</source>
        <translation>sus entradas de prueba no obtuvieron respuesta</translation>
    </message>
    <message>
        <source>it says %1, which the list never lists, is listed</source>
        <translation>indica que %1, que la lista nunca incluye, está en la lista</translation>
    </message>
    <message>
        <source>it says %1, which the list always lists, is not listed</source>
        <translation>indica que %1, que la lista siempre incluye, no está en la lista</translation>
    </message>
    <message>
        <source>%1 refused the mail from its own block list, which public blocklists do not show. Once the cause is fixed, ask %1 to lift the block on this page.</source>
        <translation>%1 rechazó el correo por su propia lista de bloqueo, que no aparece en las listas de bloqueo públicas. Cuando haya corregido la causa, pida a %1 en esta página que retire el bloqueo.</translation>
    </message>
    <message>
        <source>How %1 sees the mail from your IP addresses, to find the cause of the block.</source>
        <translation>Cómo ve %1 el correo de sus direcciones IP, para encontrar la causa del bloqueo.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AresResolver</name>
    <message>
        <source>no answer from the DNS server in time</source>
        <translation>el servidor DNS no respondió a tiempo</translation>
    </message>
    <message>
        <source>the DNS server failed to answer (SERVFAIL)</source>
        <translation>el servidor DNS no pudo responder (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused the query (REFUSED)</source>
        <translation>el servidor DNS rechazó la consulta (REFUSED)</translation>
    </message>
    <message>
        <source>could not reach the DNS server (connection refused)</source>
        <translation>no se pudo contactar con el servidor DNS (conexión rechazada)</translation>
    </message>
    <message>
        <source>the DNS server sent an answer that cannot be read</source>
        <translation>el servidor DNS envió una respuesta ilegible</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AuthenticationCheck</name>
    <message>
        <source>the DNS server did not answer in time</source>
        <translation>el servidor DNS no respondió a tiempo</translation>
    </message>
    <message>
        <source>the DNS server reported a failure (SERVFAIL)</source>
        <translation>el servidor DNS informó de un fallo (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused the question (REFUSED)</source>
        <translation>el servidor DNS rechazó la consulta (REFUSED)</translation>
    </message>
    <message>
        <source>there is no network connection</source>
        <translation>no hay conexión de red</translation>
    </message>
    <message>
        <source>the DNS lookup failed</source>
        <translation>la consulta DNS falló</translation>
    </message>
    <message>
        <source>SPF could not be checked: the sending domain is not known.</source>
        <translation>No se pudo comprobar SPF: no se conoce el dominio de envío.</translation>
    </message>
    <message>
        <source>Type the domain you send from (the part after @ in your address).</source>
        <translation>Escriba el dominio desde el que envía (la parte que va después de la @ en su dirección).</translation>
    </message>
    <message>
        <source>DKIM could not be checked: the signing domain is not known.</source>
        <translation>No se pudo comprobar DKIM: no se conoce el dominio de firma.</translation>
    </message>
    <message>
        <source>DMARC could not be checked: the From address is not known.</source>
        <translation>No se pudo comprobar DMARC: no se conoce la dirección del remitente (From).</translation>
    </message>
    <message>
        <source>Could not check the SPF record of %1: %2.</source>
        <translation>No se pudo comprobar el registro SPF de %1: %2.</translation>
    </message>
    <message>
        <source>Try again later or with another DNS server.</source>
        <translation>Vuelva a intentarlo más tarde o con otro servidor DNS.</translation>
    </message>
    <message>
        <source>The SPF record of %1 has a problem.</source>
        <translation>El registro SPF de %1 tiene un problema.</translation>
    </message>
    <message>
        <source>The SPF record of %1 could be better.</source>
        <translation>El registro SPF de %1 se puede mejorar.</translation>
    </message>
    <message>
        <source>%1 publishes a valid SPF record.</source>
        <translation>%1 publica un registro SPF válido.</translation>
    </message>
    <message>
        <source>It lists the servers allowed to send mail for the domain.</source>
        <translation>Indica qué servidores pueden enviar correo en nombre del dominio.</translation>
    </message>
    <message>
        <source>SPF was not evaluated: the sending IP address is not known.</source>
        <translation>No se evaluó SPF: no se conoce la dirección IP de envío.</translation>
    </message>
    <message>
        <source>Enter the IP address your mail left from to see whether SPF allows it.</source>
        <translation>Introduzca la dirección IP desde la que salió su correo para ver si SPF la autoriza.</translation>
    </message>
    <message>
        <source>The SPF setup of %1 has a problem.</source>
        <translation>La configuración SPF de %1 tiene un problema.</translation>
    </message>
    <message>
        <source> (through %1)</source>
        <translation> (a través de %1)</translation>
    </message>
    <message>
        <source>SPF allows %1 to send mail for %2.</source>
        <translation>SPF autoriza a %1 a enviar correo en nombre de %2.</translation>
    </message>
    <message>
        <source>The term &quot;%1&quot;%2 matched.</source>
        <translation>Ha coincidido el término &quot;%1&quot;%2.</translation>
    </message>
    <message>
        <source>SPF says %1 may not send mail for %2.</source>
        <translation>SPF indica que %1 no puede enviar correo en nombre de %2.</translation>
    </message>
    <message>
        <source>Receivers may reject this mail. Add the server to the SPF record (for example with ip4:%1 or the include your mail provider documents).</source>
        <translation>Los servidores receptores pueden rechazar este correo. Añada el servidor al registro SPF (por ejemplo, con ip4:%1 o con el include que indique su proveedor de correo).</translation>
    </message>
    <message>
        <source>The domain explains: &quot;%1&quot;</source>
        <translation>Explicación del dominio: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>SPF does not list %1 for %2 (softfail).</source>
        <translation>SPF no incluye a %1 para %2 (softfail).</translation>
    </message>
    <message>
        <source>Receivers treat such mail with suspicion and often file it as spam. Add the server to the SPF record.</source>
        <translation>Los servidores receptores desconfían de este correo y a menudo lo clasifican como spam. Añada el servidor al registro SPF.</translation>
    </message>
    <message>
        <source>SPF neither allows nor forbids %1 for %2 (%3).</source>
        <translation>SPF ni autoriza ni prohíbe a %1 para %2 (%3).</translation>
    </message>
    <message>
        <source>Mail from this server gets no help from SPF. Add the server to the record and end it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>SPF no ayuda en nada al correo enviado desde este servidor. Añada el servidor al registro y termínelo con &quot;~all&quot; o &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>Could not evaluate SPF for %1: %2.</source>
        <translation>No se pudo evaluar SPF para %1: %2.</translation>
    </message>
    <message>
        <source>A DNS lookup failed on the way; try again later.</source>
        <translation>Falló una consulta DNS durante el proceso; vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>SPF for %1 ends in an error (permerror): %2.</source>
        <translation>SPF para %1 termina en error (permerror): %2.</translation>
    </message>
    <message>
        <source>Receivers treat a broken SPF setup like a missing one or reject the mail. Fix the record.</source>
        <translation>Los servidores receptores tratan una configuración SPF defectuosa como si no existiera, o rechazan el correo. Corrija el registro.</translation>
    </message>
    <message>
        <source>Could not fetch the DKIM key &quot;%1&quot; of %2: %3.</source>
        <translation>No se pudo obtener la clave DKIM &quot;%1&quot; de %2: %3.</translation>
    </message>
    <message>
        <source>No DKIM key is published for selector &quot;%1&quot; of %2.</source>
        <translation>No hay ninguna clave DKIM publicada para el selector &quot;%1&quot; de %2.</translation>
    </message>
    <message>
        <source>The mail was signed with this selector, but receivers cannot find the key at %1, so the signature fails. Publish the key your mail provider gives you.</source>
        <translation>El correo se firmó con este selector, pero los servidores receptores no encuentran la clave en %1, por lo que la firma falla. Publique la clave que le proporcione su proveedor de correo.</translation>
    </message>
    <message>
        <source>Selector &quot;%1&quot; of %2 has %3 key records.</source>
        <translation>El selector &quot;%1&quot; de %2 tiene %3 registros de clave.</translation>
    </message>
    <message>
        <source>There must be exactly one; receivers may pick the wrong one. Remove the extra records.</source>
        <translation>Debe haber exactamente uno; los servidores receptores podrían elegir el incorrecto. Elimine los registros sobrantes.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is broken: %3.</source>
        <translation>La clave DKIM &quot;%1&quot; de %2 es defectuosa: %3.</translation>
    </message>
    <message>
        <source>Receivers cannot verify signatures made with it. Publish the record exactly as your mail provider gives it.</source>
        <translation>Los servidores receptores no pueden verificar las firmas hechas con ella. Publique el registro exactamente como se lo proporcione su proveedor de correo.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 has been revoked (empty p=).</source>
        <translation>La clave DKIM &quot;%1&quot; de %2 ha sido revocada (p= vacío).</translation>
    </message>
    <message>
        <source>Signatures with this selector always fail. Sign with a current key or publish the key again.</source>
        <translation>Las firmas con este selector siempre fallan. Firme con una clave vigente o vuelva a publicar la clave.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is only %3 bits long.</source>
        <translation>La clave DKIM &quot;%1&quot; de %2 solo tiene %3 bits.</translation>
    </message>
    <message>
        <source>Receivers ignore RSA keys under 1024 bits. Generate a 2048-bit key.</source>
        <translation>Los servidores receptores ignoran las claves RSA de menos de 1024 bits. Genere una clave de 2048 bits.</translation>
    </message>
    <message>
        <source>An RSA key of %1 bits.</source>
        <translation>Una clave RSA de %1 bits.</translation>
    </message>
    <message>
        <source>An %1 key.</source>
        <translation>Una clave %1.</translation>
    </message>
    <message>
        <source>2048 bits is recommended when you next rotate it.</source>
        <translation>Se recomiendan 2048 bits la próxima vez que la renueve.</translation>
    </message>
    <message>
        <source>The key is marked as testing (t=y): some receivers treat its signatures as unsigned.</source>
        <translation>La clave está marcada como de prueba (t=y): algunos servidores receptores tratan sus firmas como si el mensaje no estuviera firmado.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is published and valid.</source>
        <translation>La clave DKIM &quot;%1&quot; de %2 está publicada y es válida.</translation>
    </message>
    <message>
        <source>Could not look for DKIM keys of %1.</source>
        <translation>No se pudieron buscar claves DKIM de %1.</translation>
    </message>
    <message>
        <source>No DKIM key found for %1 under the usual selectors.</source>
        <translation>No se encontró ninguna clave DKIM de %1 con los selectores habituales.</translation>
    </message>
    <message>
        <source>The selector is not known. Look at the DKIM-Signature header of a message you sent (s=) and check that selector, or ask your mail provider to turn on DKIM signing.</source>
        <translation>No se conoce el selector. Busque el encabezado DKIM-Signature de un mensaje que haya enviado (s=) y compruebe ese selector, o pida a su proveedor de correo que active la firma DKIM.</translation>
    </message>
    <message>
        <source>Could not check the DMARC policy of %1: %2.</source>
        <translation>No se pudo comprobar la política DMARC de %1: %2.</translation>
    </message>
    <message>
        <source>%1 publishes no DMARC policy.</source>
        <translation>%1 no publica ninguna política DMARC.</translation>
    </message>
    <message>
        <source>Large mailbox providers (Gmail, Yahoo, Microsoft) expect one and may reject or junk the mail without it. Start with &quot;v=DMARC1; p=none; rua=mailto:...&quot; at _dmarc.%1.</source>
        <translation>Los grandes proveedores de correo (Gmail, Yahoo, Microsoft) esperan una y, sin ella, pueden rechazar el correo o enviarlo a spam. Empiece con &quot;v=DMARC1; p=none; rua=mailto:...&quot; en _dmarc.%1.</translation>
    </message>
    <message>
        <source>%1 publishes %2 DMARC records.</source>
        <translation>%1 publica %2 registros DMARC.</translation>
    </message>
    <message>
        <source>Receivers ignore DMARC when there is more than one record. Keep exactly one.</source>
        <translation>Los servidores receptores ignoran DMARC cuando hay más de un registro. Deje solo uno.</translation>
    </message>
    <message>
        <source> (inherited from %1)</source>
        <translation> (heredada de %1)</translation>
    </message>
    <message>
        <source>The DMARC record of %1 is broken: %2.</source>
        <translation>El registro DMARC de %1 es defectuoso: %2.</translation>
    </message>
    <message>
        <source>Receivers may ignore a record with errors. Correct it.</source>
        <translation>Los servidores receptores pueden ignorar un registro con errores. Corríjalo.</translation>
    </message>
    <message>
        <source>The policy is p=none: receivers only report failures and deliver the mail anyway.</source>
        <translation>La política es p=none: los servidores receptores solo informan de los fallos y entregan el correo de todos modos.</translation>
    </message>
    <message>
        <source>Mail that fails DMARC goes to spam (p=quarantine).</source>
        <translation>El correo que no supera DMARC va a spam (p=quarantine).</translation>
    </message>
    <message>
        <source>Mail that fails DMARC is rejected (p=reject).</source>
        <translation>El correo que no supera DMARC se rechaza (p=reject).</translation>
    </message>
    <message>
        <source>It applies to %1% of failing mail (pct=%1).</source>
        <translation>Se aplica al %1 % del correo que no la supera (pct=%1).</translation>
    </message>
    <message>
        <source>%1 has a DMARC policy: %2%3.</source>
        <translation>%1 tiene una política DMARC: %2%3.</translation>
    </message>
    <message>
        <source>Could not check whether %1 accepts DMARC reports for %2: %3.</source>
        <translation>No se pudo comprobar si %1 acepta informes DMARC para %2: %3.</translation>
    </message>
    <message>
        <source>%1 accepts DMARC reports for %2.</source>
        <translation>%1 acepta informes DMARC para %2.</translation>
    </message>
    <message>
        <source>DMARC reports for %1 will not reach %2.</source>
        <translation>Los informes DMARC de %1 no llegarán a %2.</translation>
    </message>
    <message>
        <source>%1 is another domain and has not published %2._report._dmarc.%1 with &quot;v=DMARC1&quot;, so receivers drop the reports. Ask the report service to add it.</source>
        <translation>%1 es otro dominio y no ha publicado %2._report._dmarc.%1 con &quot;v=DMARC1&quot;, por lo que los servidores receptores descartan los informes. Pida al servicio de informes que lo añada.</translation>
    </message>
    <message>
        <source>%1 passed for %2, but that is not your From domain %3, so it does not count for DMARC.</source>
        <translation>%1 se superó para %2, pero ese no es su dominio From %3, así que no cuenta para DMARC.</translation>
    </message>
    <message>
        <source>%1 did not pass (%2) for %3.</source>
        <translation>%1 no se superó (%2) para %3.</translation>
    </message>
    <message>
        <source>SPF passed for %1</source>
        <translation>SPF se superó para %1</translation>
    </message>
    <message>
        <source>DKIM passed for %1</source>
        <translation>DKIM se superó para %1</translation>
    </message>
    <message>
        <source>The message passed DMARC alignment for %1.</source>
        <translation>El mensaje superó la alineación DMARC para %1.</translation>
    </message>
    <message>
        <source>, which matches the From domain.</source>
        <translation>, que coincide con el dominio From.</translation>
    </message>
    <message>
        <source>Neither SPF nor DKIM passed for the From domain %1.</source>
        <translation>Ni SPF ni DKIM se superaron para el dominio From %1.</translation>
    </message>
    <message>
        <source>DMARC needs at least one of them to pass for %1 itself (or a subdomain of it). Have your mail provider sign with DKIM for %1.</source>
        <translation>DMARC necesita que al menos uno de los dos se supere para el propio %1 (o para un subdominio suyo). Pida a su proveedor de correo que firme con DKIM para %1.</translation>
    </message>
    <message>
        <source>the DKIM key &quot;%1&quot; of %2</source>
        <translation>la clave DKIM «%1» de %2</translation>
    </message>
    <message>
        <source>the DKIM keys of %1</source>
        <translation>las claves DKIM de %1</translation>
    </message>
    <message>
        <source>whether %1 takes DMARC reports for %2</source>
        <translation>si %1 acepta informes DMARC para %2</translation>
    </message>
    <message>
        <source>the DMARC policy of %1</source>
        <translation>la política DMARC de %1</translation>
    </message>
    <message>
        <source>the SPF record of %1</source>
        <translation>el registro SPF de %1</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::CaseListModel</name>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Waiting for the recipient&apos;s IT</source>
        <translation>Esperando al equipo de TI del destinatario</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
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
        <translation>Mensaje copiado al portapapeles.</translation>
    </message>
    <message>
        <source>No mail app answered: use Copy message and paste it into your mail program.</source>
        <translation>Ninguna aplicación de correo respondió: copie el mensaje y péguelo en su programa de correo.</translation>
    </message>
    <message>
        <source>The server&apos;s words:</source>
        <translation>Las palabras del servidor:</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Shows or hides this step</source>
        <translation>Muestra u oculta este paso</translation>
    </message>
    <message>
        <source>Run check: %1</source>
        <translation>Ejecutar la comprobación: %1</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Progreso de la comprobación</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Hecho: %1</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>Dirección del destinatario</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Destinatario:</translation>
    </message>
    <message>
        <source>Sending IP address</source>
        <translation>Dirección IP de envío</translation>
    </message>
    <message>
        <source>Sending IP:</source>
        <translation>IP de envío:</translation>
    </message>
    <message>
        <source>Sending domain</source>
        <translation>Dominio de envío</translation>
    </message>
    <message>
        <source>DKIM selector</source>
        <translation>Selector DKIM</translation>
    </message>
    <message>
        <source>Sending domain:</source>
        <translation>Dominio de envío:</translation>
    </message>
    <message>
        <source>DKIM selector:</source>
        <translation>Selector DKIM:</translation>
    </message>
    <message>
        <source>Authentication results in the bounce</source>
        <translation>Resultados de autenticación del rebote</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>Evaluated by</source>
        <translation>Evaluado por</translation>
    </message>
    <message>
        <source>Draft recipient</source>
        <translation>Destinatario del borrador</translation>
    </message>
    <message>
        <source>Draft subject</source>
        <translation>Asunto del borrador</translation>
    </message>
    <message>
        <source>Draft message</source>
        <translation>Mensaje del borrador</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Asunto:</translation>
    </message>
    <message>
        <source>Also reach the recipient by phone or another channel: they may not know their mail system refuses you.</source>
        <translation>Póngase también en contacto con el destinatario por teléfono o por otra vía: es posible que no sepa que su sistema de correo le está rechazando.</translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation>&amp;Copiar mensaje</translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation>Abrir en el &amp;programa de correo</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2

%3</source>
        <translation>Para: %1
Asunto: %2

%3</translation>
    </message>
    <message>
        <source>Could not check: %1. Fix the DNS servers in Settings.</source>
        <translation>No se pudo comprobar: %1. Corrija los servidores DNS en Configuración.</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>Más información: %1</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>&amp;Iniciar comprobación</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Resultados de la comprobación</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Nothing in the address looks mistyped.</source>
        <translation>No parece haber ningún error de escritura en la dirección.</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>¿Quería decir %1?</translation>
    </message>
    <message>
        <source>The bounce does not show your sending IP: ask your email provider for it, or type it above.</source>
        <translation>El rebote no muestra su IP de envío: pídasela a su proveedor de correo o escríbala arriba.</translation>
    </message>
    <message>
        <source>The bounce names no blocklist.</source>
        <translation>El rebote no menciona ninguna lista de bloqueo.</translation>
    </message>
    <message>
        <source>The server&apos;s reply names the blocklist %1.</source>
        <translation>La respuesta del servidor menciona la lista de bloqueo %1.</translation>
    </message>
    <message>
        <source>The bounce carries no authentication results.</source>
        <translation>El rebote no contiene resultados de autenticación.</translation>
    </message>
    <message numerus="yes">
        <source>The returned message carries %n authentication result(s).</source>
        <translation>
            <numerusform>El mensaje devuelto contiene %n resultado de autenticación.</numerusform>
            <numerusform>El mensaje devuelto contiene %n resultados de autenticación.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::DiagnosisView</name>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Diagnosis headline</source>
        <translation>Titular del diagnóstico</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>Datos principales</translation>
    </message>
    <message>
        <source>The server&apos;s exact words</source>
        <translation>Las palabras exactas del servidor</translation>
    </message>
    <message>
        <source>What to do, step by step</source>
        <translation>Qué hacer, paso a paso</translation>
    </message>
    <message>
        <source>Paste a bounce, open a saved message, or drop one here.</source>
        <translation>Pegue un rebote, abra un mensaje guardado o arrástrelo hasta aquí.</translation>
    </message>
    <message>
        <source>Who needs to act: %1</source>
        <translation>Quién debe actuar: %1</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>¿Quería decir %1?</translation>
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
        <translation>IP de envío</translation>
    </message>
    <message>
        <source>How to read a bounce</source>
        <translation>Cómo leer un rebote</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Texto de ayuda</translation>
    </message>
    <message>
        <source>Find the error line: a three-digit reply code and usually a code like 5.1.1, then the server&apos;s words, for example &quot;550 5.1.1 User unknown&quot;.</source>
        <translation>Busque la línea del error: un código de respuesta de tres cifras y normalmente un código como 5.1.1, seguidos de las palabras del servidor, por ejemplo «550 5.1.1 User unknown».</translation>
    </message>
    <message>
        <source>The first digit says how lasting it is: 2 means delivered, 4 means temporary (your server retries by itself), 5 means refused (it will not be retried).</source>
        <translation>La primera cifra indica si es duradero: 2 significa entregado, 4 temporal (su servidor lo reintenta por sí solo), 5 rechazado (no se volverá a intentar).</translation>
    </message>
    <message>
        <source>The second part says what kind of problem: x.1.x the address, x.2.x the mailbox, x.3.x the receiving system, x.4.x the network or routing, x.5.x the mail protocol, x.7.x security and policy (blocklists, SPF, DKIM, DMARC).</source>
        <translation>La segunda parte indica el tipo de problema: x.1.x la dirección, x.2.x el buzón, x.3.x el sistema receptor, x.4.x la red o el enrutamiento, x.5.x el protocolo de correo, x.7.x la seguridad y las políticas (listas de bloqueo, SPF, DKIM, DMARC).</translation>
    </message>
    <message>
        <source>The server&apos;s words say the rest. Bounce Doctor explains them, says who must act, and opens the first step of the checklist.</source>
        <translation>Las palabras del servidor dicen el resto. Bounce Doctor las explica, indica quién debe actuar y abre el primer paso de la lista de comprobación.</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>Bounce</source>
        <translation>Rebote</translation>
    </message>
    <message>
        <source>The message your mail server sends back when it could not deliver yours, also called a non-delivery report (NDR) or DSN.</source>
        <translation>El mensaje que su servidor de correo le devuelve cuando no pudo entregar el suyo; también se llama informe de no entrega (NDR) o DSN.</translation>
    </message>
    <message>
        <source>MX record</source>
        <translation>Registro MX</translation>
    </message>
    <message>
        <source>The DNS record naming the servers that receive mail for a domain. A domain without one usually cannot receive mail.</source>
        <translation>El registro DNS que indica los servidores que reciben el correo de un dominio. Un dominio sin él normalmente no puede recibir correo.</translation>
    </message>
    <message>
        <source>A DNS record listing the servers allowed to send mail for your domain. Mail from a server not on the list may be refused.</source>
        <translation>Un registro DNS que enumera los servidores autorizados a enviar correo de su dominio. El correo de un servidor que no esté en la lista puede ser rechazado.</translation>
    </message>
    <message>
        <source>A signature your server adds to each message, checked against a key in your domain&apos;s DNS. It proves the message was not changed.</source>
        <translation>Una firma que su servidor añade a cada mensaje y que se comprueba con una clave publicada en el DNS de su dominio. Demuestra que el mensaje no se ha modificado.</translation>
    </message>
    <message>
        <source>A DNS record telling receivers what to do with mail that claims to be from your domain but passes neither SPF nor DKIM for it.</source>
        <translation>Un registro DNS que indica a los receptores qué hacer con el correo que dice venir de su dominio pero no supera para él ni SPF ni DKIM.</translation>
    </message>
    <message>
        <source>PTR record (reverse DNS)</source>
        <translation>Registro PTR (DNS inverso)</translation>
    </message>
    <message>
        <source>The name an IP address points back to. Many servers refuse mail from an IP address without one, or whose name does not match.</source>
        <translation>El nombre al que apunta de vuelta una dirección IP. Muchos servidores rechazan el correo de una dirección IP que no lo tiene o cuyo nombre no coincide.</translation>
    </message>
    <message>
        <source>Blocklist (DNSBL)</source>
        <translation>Lista de bloqueo (DNSBL)</translation>
    </message>
    <message>
        <source>A public list of IP addresses or domains that sent spam. Servers ask these lists and refuse mail from what is listed.</source>
        <translation>Una lista pública de direcciones IP o dominios que han enviado spam. Los servidores consultan estas listas y rechazan el correo de lo que aparece en ellas.</translation>
    </message>
    <message>
        <source>The address of the server your message left from, as the receiving server saw it.</source>
        <translation>La dirección del servidor desde el que salió su mensaje, tal como la vio el servidor receptor.</translation>
    </message>
    <message>
        <source>Postmaster</source>
        <translation>Postmaster</translation>
    </message>
    <message>
        <source>The address every mail domain should have for its mail administrators: postmaster@ followed by the domain.</source>
        <translation>La dirección que todo dominio de correo debería tener para sus administradores de correo: postmaster@ seguido del dominio.</translation>
    </message>
    <message>
        <source>Explains why an email bounced, in plain words, and walks you through fixing it.</source>
        <translation>Explica con palabras sencillas por qué rebotó un correo y le guía para solucionarlo.</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). There is no warranty.</source>
        <translation>Licencia: GNU General Public License, versión 3 o posterior (GPL-3.0-or-later). No hay ninguna garantía.</translation>
    </message>
    <message>
        <source>Credits: the bounce reason names follow Sisimai (BSD-2-Clause) by azumakuniyuki and contributors. Built with Qt, GMime, RE2, c-ares, libpsl, OpenSSL and SQLite.</source>
        <translation>Créditos: los nombres de los motivos de rebote siguen a Sisimai (BSD-2-Clause), de azumakuniyuki y colaboradores. Creado con Qt, GMime, c-ares, libpsl, RE2, OpenSSL y SQLite.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::HistoryPanel</name>
    <message>
        <source>Search recipient, domain, sending IP, reason, provider, ticket…</source>
        <translation>Buscar destinatario, dominio, IP de envío, motivo, proveedor, ticket…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <source>Show cases in state</source>
        <translation>Mostrar casos en el estado</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Show cases from</source>
        <translation>Mostrar casos de</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Últimos 365 días</translation>
    </message>
    <message>
        <source>Stored cases</source>
        <translation>Casos guardados</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Reabrir</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete All…</source>
        <translation>Eliminar todo…</translation>
    </message>
    <message>
        <source>e.g. HD-1042</source>
        <translation>p. ej., HD-1042</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Notes on this case</source>
        <translation>Notas sobre este caso</translation>
    </message>
    <message>
        <source>Add a note, e.g. &quot;called their IT, waiting for an answer&quot;</source>
        <translation>Añada una nota, p. ej., «llamé a su equipo de TI, esperando respuesta»</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nueva nota</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>Añadir &amp;nota</translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>El historial de casos está desactivado.</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Historial de casos</translation>
    </message>
    <message>
        <source>Delete this case and its notes from the history?</source>
        <translation>¿Eliminar este caso y sus notas del historial?</translation>
    </message>
    <message>
        <source>Delete every case in the history? This cannot be undone.</source>
        <translation>¿Eliminar todos los casos del historial? Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Copy for &amp;Ticket</source>
        <translation>Copiar para el &amp;ticket</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Copiar como &amp;Markdown</translation>
    </message>
    <message>
        <source>Copy Tit&amp;le</source>
        <translation>Copiar el tít&amp;ulo</translation>
    </message>
    <message>
        <source>A one-line summary for the ticket&apos;s title</source>
        <translation>Un resumen de una línea para el título del ticket</translation>
    </message>
    <message>
        <source>Case title copied to the clipboard.</source>
        <translation>Título del caso copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Case copied to the clipboard.</source>
        <translation>Caso copiado al portapapeles.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::MainWindow</name>
    <message>
        <source>Open saved messages (.eml), an mbox, or a folder of them</source>
        <translation>Abrir mensajes guardados (.eml), un archivo mbox o una carpeta</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Recuentos</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <source>&amp;How to Read a Bounce</source>
        <translation>&amp;Cómo leer un rebote</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Archivo no encontrado: %1</translation>
    </message>
    <message>
        <source>Open a folder of bounces</source>
        <translation>Abrir una carpeta de rebotes</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Informe guardado en %1</translation>
    </message>
    <message>
        <source>Ticket text copied to the clipboard.</source>
        <translation>Texto del ticket copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Bounce text</source>
        <translation>Texto del rebote</translation>
    </message>
    <message>
        <source>Paste the bounce here: the whole message, or just the error line such as
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</source>
        <translation>Pegue aquí el rebote: el mensaje completo o solo la línea del error, por ejemplo
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</translation>
    </message>
    <message>
        <source>&amp;Diagnose</source>
        <translation>&amp;Diagnosticar</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>Abrir a&amp;rchivo…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <source>Filter recipients, reasons, providers…</source>
        <translation>Filtrar destinatarios, motivos, proveedores…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrar</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>Quién actúa</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Export Report</source>
        <translation>&amp;Exportar informe</translation>
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
        <translation>&amp;Copiar como texto para ticket</translation>
    </message>
    <message>
        <source>Export &amp;Addresses to Remove…</source>
        <translation>Exportar &amp;direcciones que eliminar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Paste Bounce</source>
        <translation>&amp;Pegar rebote</translation>
    </message>
    <message>
        <source>&amp;Filter Results</source>
        <translation>&amp;Filtrar resultados</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>&amp;Ejemplos</translation>
    </message>
    <message>
        <source>&amp;About Bounce Doctor</source>
        <translation>&amp;Acerca de Bounce Doctor</translation>
    </message>
    <message>
        <source>About Bounce Doctor</source>
        <translation>Acerca de Bounce Doctor</translation>
    </message>
    <message>
        <source>This does not look like a bounce: no failed recipient was found. Paste the whole bounce, or the line with the error code.</source>
        <translation>Esto no parece un rebote: no se ha encontrado ningún destinatario fallido. Pegue el rebote completo o la línea con el código de error.</translation>
    </message>
    <message>
        <source>Nothing could be read.</source>
        <translation>No se pudo leer nada.</translation>
    </message>
    <message>
        <source>Messages read: %1. </source>
        <translation>Mensajes leídos: %1. </translation>
    </message>
    <message>
        <source>Open bounces</source>
        <translation>Abrir rebotes</translation>
    </message>
    <message>
        <source>There is no diagnosis to export yet.</source>
        <translation>Todavía no hay ningún diagnóstico que exportar.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar informe</translation>
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
        <translation>Diagnóstico del rebote</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Export addresses to remove</source>
        <translation>Exportar direcciones que eliminar</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>All supported: messages, mailboxes, files without extension (*.eml *.mbox *.mbx *.txt *);;Email messages (*.eml);;Mailboxes (*.mbox *.mbx)</source>
        <translation>Todos los admitidos: mensajes, buzones, archivos sin extensión (*.eml *.mbox *.mbx *.txt *);;Mensajes de correo (*.eml);;Buzones (*.mbox *.mbx)</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) saved to %1</source>
        <translation>
            <numerusform>%n dirección guardada en %1</numerusform>
            <numerusform>%n direcciones guardadas en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>The case history is off (Edit &gt; Settings).</source>
        <translation>El historial de casos está desactivado (Editar &gt; Configuración).</translation>
    </message>
    <message>
        <source>The case history was damaged: it was moved to %1 and a new one started.</source>
        <translation>El historial de casos estaba dañado: se movió a %1 y se empezó uno nuevo.</translation>
    </message>
    <message>
        <source>This case could not be stored in the history: %1</source>
        <translation>No se pudo guardar este caso en el historial: %1</translation>
    </message>
    <message>
        <source>The case could not be stored: %1</source>
        <translation>No se pudo guardar el caso: %1</translation>
    </message>
    <message numerus="yes">
        <source>Seen before: %n earlier case(s) with this recipient, its domain or the sending IP; the last on %1 (%2). View &gt; History shows them.</source>
        <translation>
            <numerusform>Ya visto: %n caso anterior con este destinatario, su dominio o la IP de envío; el último el %1 (%2). Ver &gt; Historial lo muestra.</numerusform>
            <numerusform>Ya visto: %n casos anteriores con este destinatario, su dominio o la IP de envío; el último el %1 (%2). Ver &gt; Historial los muestra.</numerusform>
        </translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>El historial de casos está desactivado.</translation>
    </message>
    <message>
        <source>Case %1 — %2</source>
        <translation>Caso %1 — %2</translation>
    </message>
    <message>
        <source>Case %1 reopened from the history.</source>
        <translation>Caso %1 reabierto desde el historial.</translation>
    </message>
    <message>
        <source>&amp;Hide Personal Data in Exports</source>
        <translation>&amp;Ocultar datos personales en las exportaciones</translation>
    </message>
    <message>
        <source>Reports, ticket texts and cases handed over mask the recipients&apos; addresses, the sender and the subject; the server&apos;s words stay</source>
        <translation>Los informes, los textos de ticket y los casos entregados ocultan las direcciones de los destinatarios, el remitente y el asunto; las palabras del servidor se mantienen</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>Servidores DNS</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>Servidores &amp;DNS:</translation>
    </message>
    <message>
        <source>IP or IP:PORT, separated by commas. Blocklists such as Spamhaus refuse public resolvers (1.1.1.1, 8.8.8.8): use your own.</source>
        <translation>IP o IP:PUERTO, separados por comas. Las listas de bloqueo como Spamhaus rechazan los resolvedores públicos (1.1.1.1, 8.8.8.8): use los suyos propios.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Timeout per query:</source>
        <translation>&amp;Tiempo de espera por consulta:</translation>
    </message>
    <message>
        <source>Spamhaus DQS key</source>
        <translation>Clave DQS de Spamhaus</translation>
    </message>
    <message>
        <source>Optional: a free key from Spamhaus</source>
        <translation>Opcional: una clave gratuita de Spamhaus</translation>
    </message>
    <message>
        <source>Spamhaus D&amp;QS key:</source>
        <translation>Clave D&amp;QS de Spamhaus:</translation>
    </message>
    <message>
        <source>Blocklists to check</source>
        <translation>Listas de bloqueo que comprobar</translation>
    </message>
    <message>
        <source>&amp;Blocklists:</source>
        <translation>&amp;Listas de bloqueo:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>A new language applies when Bounce Doctor starts again.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que inicie Bounce Doctor.</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest &amp;message:</source>
        <translation>&amp;Mensaje más grande:</translation>
    </message>
    <message>
        <source>Most messages &amp;opened at once:</source>
        <translation>Máximo de mensajes abiertos a la &amp;vez:</translation>
    </message>
    <message>
        <source>&amp;Keep a history of cases</source>
        <translation>&amp;Guardar un historial de casos</translation>
    </message>
    <message>
        <source>Keep the bounce&apos;s own te&amp;xt in each case</source>
        <translation>Guardar el te&amp;xto del propio rebote en cada caso</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>Conservar siempre</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Delete cases &amp;after:</source>
        <translation>Eliminar casos &amp;después de:</translation>
    </message>
    <message>
        <source>Shared case history</source>
        <translation>Historial de casos compartido</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Solo este equipo</translation>
    </message>
    <message>
        <source>Shared &amp;history:</source>
        <translation>&amp;Historial compartido:</translation>
    </message>
    <message>
        <source>For a team: postgresql://user:password@host:5432/database. Empty keeps the history in a file on this computer. Applies when Bounce Doctor starts again.</source>
        <translation>Para un equipo de trabajo: postgresql://user:password@host:5432/database. Si se deja vacío, el historial se guarda en un archivo de este ordenador. Se aplica al volver a iniciar Bounce Doctor.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::SpfEvaluator</name>
    <message>
        <source>%1: not a usable domain name</source>
        <translation>%1: no es un nombre de dominio utilizable</translation>
    </message>
    <message>
        <source>the DNS lookup of %1 failed (%2)</source>
        <translation>la consulta DNS de %1 falló (%2)</translation>
    </message>
    <message>
        <source>%1: no SPF record</source>
        <translation>%1: no hay registro SPF</translation>
    </message>
    <message>
        <source>%1 publishes %2 SPF records; only one is allowed</source>
        <translation>%1 publica %2 registros SPF; solo se permite uno</translation>
    </message>
    <message>
        <source>syntax error in the SPF record of %1: %2</source>
        <translation>error de sintaxis en el registro SPF de %1: %2</translation>
    </message>
    <message>
        <source>no mechanism matched: neutral</source>
        <translation>ningún mecanismo coincidió: neutral</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms</source>
        <translation>más de %1 términos que requieren consultas DNS</translation>
    </message>
    <message>
        <source>bad redirect target</source>
        <translation>destino de redirect no válido</translation>
    </message>
    <message>
        <source>redirect loop back to %1</source>
        <translation>bucle de redirect que vuelve a %1</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms (at %2)</source>
        <translation>más de %1 términos que requieren consultas DNS (en %2)</translation>
    </message>
    <message>
        <source>DNS lookup of %1 failed (%2) at %3</source>
        <translation>la consulta DNS de %1 falló (%2) en %3</translation>
    </message>
    <message>
        <source>more than %1 void lookups</source>
        <translation>más de %1 consultas vacías</translation>
    </message>
    <message>
        <source>%1 has more than %2 MX records</source>
        <translation>%1 tiene más de %2 registros MX</translation>
    </message>
    <message>
        <source>include loop back to %1</source>
        <translation>bucle de include que vuelve a %1</translation>
    </message>
    <message>
        <source>%1 has no SPF record for the include</source>
        <translation>%1 no tiene registro SPF para el include</translation>
    </message>
</context>
<context>
    <name>BounceReader</name>
    <message>
        <source>not an e-mail message (no headers)</source>
        <translation>no es un mensaje de correo electrónico (no tiene encabezados)</translation>
    </message>
    <message>
        <source>MIME parts are nested more than %1 levels deep</source>
        <translation>las partes MIME están anidadas en más de %1 niveles</translation>
    </message>
    <message>
        <source>the message has more than %1 MIME parts</source>
        <translation>el mensaje tiene más de %1 partes MIME</translation>
    </message>
    <message>
        <source>the message holds more than %1 attached messages (counting messages inside messages)</source>
        <translation>el mensaje contiene más de %1 mensajes adjuntos (contando los mensajes dentro de mensajes)</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields in its parts and attached messages</source>
        <translation>el mensaje tiene más de %1 campos de encabezado en sus partes y mensajes adjuntos</translation>
    </message>
    <message>
        <source>the message declares more than %1 MIME multiparts</source>
        <translation>el mensaje declara más de %1 multipartes MIME</translation>
    </message>
</context>
<context>
    <name>BounceReaderTr</name>
    <message>
        <source>message %1 is larger than the limit of %2 bytes</source>
        <translation>el mensaje %1 supera el límite de %2 bytes</translation>
    </message>
    <message>
        <source>message is larger than the limit of %1 bytes</source>
        <translation>el mensaje supera el límite de %1 bytes</translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation>el mensaje está vacío</translation>
    </message>
    <message>
        <source>nothing was pasted</source>
        <translation>no se ha pegado nada</translation>
    </message>
    <message>
        <source>cannot read standard input: %1</source>
        <translation>no se puede leer la entrada estándar: %1</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>No existe el archivo o directorio</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>no se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the limit of %2 bytes for one message</source>
        <translation>%1 supera el límite de %2 bytes por mensaje</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>a header line is longer than the limit of %1 bytes</source>
        <translation>una línea de encabezado supera el límite de %1 bytes</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields</source>
        <translation>el mensaje tiene más de %1 campos de encabezado</translation>
    </message>
    <message>
        <source>stopped after %1 messages, the limit for one batch: %2 and what follows it were not read</source>
        <translation>se detuvo tras %1 mensajes, el límite de un lote: no se leyeron %2 ni lo que le sigue</translation>
    </message>
    <message>
        <source>only the first %1 of its %2 recipients were read (the limit for one message)</source>
        <translation>solo se leyeron los primeros %1 de sus %2 destinatarios (el límite de un mensaje)</translation>
    </message>
    <message>
        <source>it is a symbolic link to something that does not exist</source>
        <translation>es un enlace simbólico a algo que no existe</translation>
    </message>
    <message>
        <source>it is a loop of symbolic links</source>
        <translation>es un bucle de enlaces simbólicos</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>un dispositivo de caracteres</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>un dispositivo de bloques</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>una tubería con nombre (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>cannot read %1: it is %2; only files, folders and Maildirs are read</source>
        <translation>no se puede leer %1: es %2; solo se leen archivos, carpetas y Maildirs</translation>
    </message>
    <message>
        <source>cannot read the folder %1: %2</source>
        <translation>no se puede leer la carpeta %1: %2</translation>
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
        <translation>Regla de Gmail, Yahoo y Outlook.com para remitentes masivos</translation>
    </message>
    <message>
        <source>Gmail and Yahoo (since February 2024) and Outlook.com (since May 2025) require it of senders of over 5,000 messages a day.</source>
        <translation>Gmail y Yahoo (desde febrero de 2024) y Outlook.com (desde mayo de 2025) lo exigen a quienes envían más de 5000 mensajes al día.</translation>
    </message>
    <message>
        <source>Gmail and Yahoo sender rule</source>
        <translation>Regla de Gmail y Yahoo para remitentes</translation>
    </message>
    <message>
        <source>Gmail and Yahoo require it of every sender since February 2024, bulk or not.</source>
        <translation>Gmail y Yahoo lo exigen a todos los remitentes desde febrero de 2024, masivos o no.</translation>
    </message>
    <message>
        <source>Gmail and Yahoo ignore DKIM keys under 1024 bits.</source>
        <translation>Gmail y Yahoo ignoran las claves DKIM de menos de 1024 bits.</translation>
    </message>
    <message>
        <source>RFC 5322</source>
        <translation>RFC 5322</translation>
    </message>
    <message>
        <source>Every message needs a Message-ID and a Date (RFC 5322); Gmail rejects mail without them.</source>
        <translation>Todo mensaje necesita un Message-ID y una fecha (Date, RFC 5322); Gmail rechaza el correo que no los tiene.</translation>
    </message>
    <message>
        <source>SPF passed at the receiver.</source>
        <translation>SPF se superó en el receptor.</translation>
    </message>
    <message>
        <source>SPF did not pass at the receiver (%1).</source>
        <translation>SPF no se superó en el receptor (%1).</translation>
    </message>
    <message>
        <source>SPF passes for the sending IP address.</source>
        <translation>SPF se supera para la dirección IP de envío.</translation>
    </message>
    <message>
        <source>SPF does not pass for the sending IP address.</source>
        <translation>SPF no se supera para la dirección IP de envío.</translation>
    </message>
    <message>
        <source>Could not check whether SPF passes: the bounce shows no result and the live check gave none.</source>
        <translation>No se pudo comprobar si SPF se supera: el rebote no muestra ningún resultado y la comprobación en directo no dio ninguno.</translation>
    </message>
    <message>
        <source>Could not check whether DKIM passes: the bounce does not show the receiver&apos;s result.</source>
        <translation>No se pudo comprobar si DKIM se supera: el rebote no muestra el resultado del receptor.</translation>
    </message>
    <message>
        <source>DKIM passed at the receiver.</source>
        <translation>DKIM se superó en el receptor.</translation>
    </message>
    <message>
        <source>DKIM did not pass at the receiver (%1).</source>
        <translation>DKIM no se superó en el receptor (%1).</translation>
    </message>
    <message>
        <source>A DMARC policy is published (p=none is enough).</source>
        <translation>Hay una política DMARC publicada (basta con p=none).</translation>
    </message>
    <message>
        <source>No usable DMARC policy is published.</source>
        <translation>No hay publicada ninguna política DMARC utilizable.</translation>
    </message>
    <message>
        <source>Could not check whether a DMARC policy is published.</source>
        <translation>No se pudo comprobar si hay una política DMARC publicada.</translation>
    </message>
    <message>
        <source>The From domain is aligned with SPF or DKIM.</source>
        <translation>El dominio From está alineado con SPF o DKIM.</translation>
    </message>
    <message>
        <source>The From domain is aligned with neither SPF nor DKIM.</source>
        <translation>El dominio From no está alineado ni con SPF ni con DKIM.</translation>
    </message>
    <message>
        <source>Could not check alignment: the bounce does not show the receiver&apos;s SPF and DKIM results.</source>
        <translation>No se pudo comprobar la alineación: el rebote no muestra los resultados SPF y DKIM del receptor.</translation>
    </message>
    <message>
        <source>The sending IP has forward-confirmed reverse DNS.</source>
        <translation>La IP de envío tiene DNS inverso confirmado en ambos sentidos.</translation>
    </message>
    <message>
        <source>The sending IP lacks forward-confirmed reverse DNS.</source>
        <translation>La IP de envío no tiene DNS inverso confirmado en ambos sentidos.</translation>
    </message>
    <message>
        <source>Could not check the sending IP&apos;s reverse DNS.</source>
        <translation>No se pudo comprobar el DNS inverso de la IP de envío.</translation>
    </message>
    <message>
        <source>The DKIM key is valid and at least 1024 bits long.</source>
        <translation>La clave DKIM es válida y tiene al menos 1024 bits.</translation>
    </message>
    <message>
        <source>The DKIM key is missing, broken or under 1024 bits.</source>
        <translation>La clave DKIM falta, está dañada o tiene menos de 1024 bits.</translation>
    </message>
    <message>
        <source>Could not check the DKIM key&apos;s length.</source>
        <translation>No se pudo comprobar la longitud de la clave DKIM.</translation>
    </message>
    <message>
        <source>Could not check that the message travelled over TLS: Bounce Doctor does not read the returned message&apos;s Received chain yet.</source>
        <translation>No se pudo comprobar si el mensaje viajó por TLS: Bounce Doctor aún no lee la cadena Received del mensaje devuelto.</translation>
    </message>
    <message>
        <source>Could not check one-click unsubscribe (List-Unsubscribe with List-Unsubscribe-Post, RFC 8058): Bounce Doctor does not read those headers of the returned message yet.</source>
        <translation>No se pudo comprobar la baja con un clic (List-Unsubscribe con List-Unsubscribe-Post, RFC 8058): Bounce Doctor aún no lee esos encabezados del mensaje devuelto.</translation>
    </message>
    <message>
        <source>Could not check the Message-ID: the bounce did not return it.</source>
        <translation>No se pudo comprobar el Message-ID: el rebote no lo devolvió.</translation>
    </message>
    <message>
        <source>The message has a valid Message-ID.</source>
        <translation>El mensaje tiene un Message-ID válido.</translation>
    </message>
    <message>
        <source>The Message-ID &quot;%1&quot; is not valid: it must look like &lt;unique@domain&gt;.</source>
        <translation>El Message-ID &quot;%1&quot; no es válido: debe tener la forma &lt;único@dominio&gt;.</translation>
    </message>
    <message>
        <source>Could not check the Date: the bounce did not return it.</source>
        <translation>No se pudo comprobar la fecha (Date): el rebote no la devolvió.</translation>
    </message>
    <message>
        <source>The message has a valid Date.</source>
        <translation>El mensaje tiene una fecha (Date) válida.</translation>
    </message>
    <message>
        <source>The Date &quot;%1&quot; is not a valid RFC 5322 date.</source>
        <translation>La fecha (Date) &quot;%1&quot; no es una fecha RFC 5322 válida.</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Could not check %1: %2</source>
        <translation>Error al comprobar %1: %2</translation>
    </message>
    <message>
        <source>The DNS question could not be answered, so this says nothing either way. Check your network and DNS server settings, then run the check again.</source>
        <translation>No se pudo obtener respuesta a la consulta DNS, así que este resultado no indica nada en ningún sentido. Revise su red y la configuración del servidor DNS, y vuelva a iniciar la comprobación.</translation>
    </message>
</context>
<context>
    <name>ContactCheck</name>
    <message>
        <source>No recipient domain to write to.</source>
        <translation>No hay ningún dominio de destinatario al que escribir.</translation>
    </message>
    <message>
        <source>Write to %1: %2</source>
        <translation>Escribir a %1: %2</translation>
    </message>
    <message>
        <source>The recipient&apos;s server names %1 for help.</source>
        <translation>El servidor del destinatario indica %1 para pedir ayuda.</translation>
    </message>
    <message>
        <source>No message to the recipient&apos;s IT is needed: the fix is on your side.</source>
        <translation>No hace falta escribir al equipo de TI del destinatario: la solución está de su lado.</translation>
    </message>
    <message>
        <source>Reach %1 another way: a personal mailbox has no IT to write to.</source>
        <translation>Contacte con %1 de otra forma: un buzón personal no tiene equipo de TI al que escribir.</translation>
    </message>
    <message>
        <source>A page of %1 for senders.</source>
        <translation>Una página de %1 para remitentes.</translation>
    </message>
</context>
<context>
    <name>ContactDraftTr</name>
    <message>
        <source>%1 (sending IP %2)</source>
        <translation>%1 (IP de envío %2)</translation>
    </message>
    <message>
        <source>Could you please add %1 to your allowed senders, or tell us which rule refused the message?</source>
        <translation>¿Podrían añadir %1 a sus remitentes autorizados o, en su defecto, indicarnos qué regla ha rechazado el mensaje?</translation>
    </message>
    <message>
        <source>Could you please check why your server refused mail from %1, and allow-list it if you can?</source>
        <translation>¿Podrían comprobar por qué su servidor ha rechazado el correo de %1 y, si es posible, añadirlo a su lista de remitentes autorizados?</translation>
    </message>
    <message>
        <source>Could you please confirm whether this mailbox exists and is active, or give us the right address?</source>
        <translation>¿Podrían confirmarnos si este buzón existe y está activo o, en caso contrario, indicarnos la dirección correcta?</translation>
    </message>
    <message>
        <source>Could you please check the mailbox&apos;s storage or size limits?</source>
        <translation>¿Podrían revisar los límites de almacenamiento o de tamaño de este buzón?</translation>
    </message>
    <message>
        <source>Could you please check that your domain&apos;s MX records point to your mail server, and that it accepts mail for this address?</source>
        <translation>¿Podrían comprobar que los registros MX de su dominio apuntan a su servidor de correo y que este acepta correo para esta dirección?</translation>
    </message>
    <message>
        <source>We are checking our SPF, DKIM and DMARC set-up; could you tell us which check failed on your side?</source>
        <translation>Estamos revisando nuestra configuración de SPF, DKIM y DMARC; ¿podrían indicarnos qué comprobación ha fallado en su sistema?</translation>
    </message>
    <message>
        <source>Could you please look into this error and tell us what we should change?</source>
        <translation>¿Podrían revisar este error e indicarnos qué deberíamos cambiar?</translation>
    </message>
    <message>
        <source>our address</source>
        <translation>nuestra dirección</translation>
    </message>
    <message>
        <source>Email to %1 was rejected by your server</source>
        <translation>Su servidor ha rechazado un correo dirigido a %1</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>Buenos días:</translation>
    </message>
    <message>
        <source>We tried to send an email to %1, and your mail server rejected it. We would be grateful for your help.</source>
        <translation>Hemos intentado enviar un correo electrónico a %1 y su servidor de correo lo ha rechazado. Les agradeceríamos mucho su ayuda.</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Detalles:</translation>
    </message>
    <message>
        <source>  Date: %1</source>
        <translation>  Fecha: %1</translation>
    </message>
    <message>
        <source>  Sender: %1</source>
        <translation>  Remitente: %1</translation>
    </message>
    <message>
        <source>  Sending IP: %1</source>
        <translation>  IP de envío: %1</translation>
    </message>
    <message>
        <source>  Recipient: %1</source>
        <translation>  Destinatario: %1</translation>
    </message>
    <message>
        <source>  Your server: %1</source>
        <translation>  Su servidor: %1</translation>
    </message>
    <message>
        <source>  Your server&apos;s reply: %1</source>
        <translation>  Respuesta de su servidor: %1</translation>
    </message>
    <message>
        <source>Thank you,</source>
        <translation>Muchas gracias y un cordial saludo,</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>el proveedor</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Follow the other steps.</source>
        <translation>La solución está de su lado, no del destinatario: escribir a su equipo de TI no lo cambiaría. Siga los demás pasos.</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Use %1&apos;s pages for senders below once the cause is fixed.</source>
        <translation>La solución está de su lado, no del destinatario: escribir a su equipo de TI no lo cambiaría. Cuando haya corregido la causa, use las páginas de %1 para remitentes que aparecen abajo.</translation>
    </message>
    <message>
        <source>%1 is a personal mailbox at %2, whose postmaster address nobody reads. Reach the person another way (phone, another address) and tell them their mail does not arrive.</source>
        <translation>%1 es un buzón personal de %2, cuya dirección postmaster no lee nadie. Contacte con la persona de otra forma (teléfono, otra dirección) y dígale que su correo no llega.</translation>
    </message>
    <message>
        <source>If %1 refused your mail, use its pages for senders below.</source>
        <translation>Si %1 rechazó su correo, use sus páginas para remitentes que aparecen abajo.</translation>
    </message>
</context>
<context>
    <name>DkimKeyTr</name>
    <message>
        <source>the public key (p=) is not valid base64</source>
        <translation>la clave pública (p=) no está en base64 válido</translation>
    </message>
    <message>
        <source>the ed25519 public key is not a valid 32-byte key</source>
        <translation>la clave pública ed25519 no es una clave válida de 32 bytes</translation>
    </message>
    <message>
        <source>the public key (p=) cannot be read as an RSA key</source>
        <translation>la clave pública (p=) no se puede leer como clave RSA</translation>
    </message>
    <message>
        <source>the public key (p=) is not an RSA key although k=rsa</source>
        <translation>la clave pública (p=) no es una clave RSA, aunque se indica k=rsa</translation>
    </message>
    <message>
        <source>an empty tag between two &apos;;&apos;</source>
        <translation>hay una etiqueta vacía entre dos &apos;;&apos;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form tag=value</source>
        <translation>&quot;%1&quot; no tiene la forma etiqueta=valor</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag name</source>
        <translation>&quot;%1&quot; no es un nombre de etiqueta válido</translation>
    </message>
    <message>
        <source>the tag &quot;%1&quot; appears more than once</source>
        <translation>la etiqueta &quot;%1&quot; aparece más de una vez</translation>
    </message>
    <message>
        <source>v= must be the first tag</source>
        <translation>v= debe ser la primera etiqueta</translation>
    </message>
    <message>
        <source>v=%1 is not DKIM1</source>
        <translation>v=%1 no es DKIM1</translation>
    </message>
    <message>
        <source>unknown key type k=%1</source>
        <translation>tipo de clave desconocido k=%1</translation>
    </message>
    <message>
        <source>unknown hash algorithm h=%1</source>
        <translation>algoritmo de hash desconocido h=%1</translation>
    </message>
    <message>
        <source>the record has no public key (p= is missing)</source>
        <translation>el registro no contiene ninguna clave pública (falta p=)</translation>
    </message>
    <message>
        <source>the key is not for email (s=%1)</source>
        <translation>la clave no es para correo electrónico (s=%1)</translation>
    </message>
</context>
<context>
    <name>DmarcRecordTr</name>
    <message>
        <source>the record must start with v=DMARC1</source>
        <translation>el registro debe empezar por v=DMARC1</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a mailto: address</source>
        <translation>%1: &quot;%2&quot; no es una dirección mailto:</translation>
    </message>
    <message>
        <source>%1=%2 is not none, quarantine or reject</source>
        <translation>%1=%2 no es none, quarantine ni reject</translation>
    </message>
    <message>
        <source>p= should come right after v=DMARC1</source>
        <translation>p= debería ir justo después de v=DMARC1</translation>
    </message>
    <message>
        <source>pct=%1 is not a number from 0 to 100</source>
        <translation>pct=%1 no es un número entre 0 y 100</translation>
    </message>
    <message>
        <source>%1=%2 is not r (relaxed) or s (strict)</source>
        <translation>%1=%2 no es r (relaxed, flexible) ni s (strict, estricto)</translation>
    </message>
    <message>
        <source>fo=%1: unknown option &quot;%2&quot;</source>
        <translation>fo=%1: opción desconocida &quot;%2&quot;</translation>
    </message>
    <message>
        <source>ri=%1 is not a number of seconds</source>
        <translation>ri=%1 no es un número de segundos</translation>
    </message>
    <message>
        <source>rf=%1: only afrf is defined</source>
        <translation>rf=%1: solo está definido afrf</translation>
    </message>
    <message>
        <source>v= appears more than once</source>
        <translation>v= aparece más de una vez</translation>
    </message>
    <message>
        <source>unknown tag &quot;%1&quot; (receivers ignore it)</source>
        <translation>etiqueta desconocida &quot;%1&quot; (los servidores receptores la ignoran)</translation>
    </message>
    <message>
        <source>the required policy tag p= is missing or invalid</source>
        <translation>falta la etiqueta de política obligatoria p= o no es válida</translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <source>The receiving server could not confirm that your server may send for your domain. Your domain&apos;s SPF, DKIM or DMARC records are missing or do not match the server that sent the message. Whoever runs your email needs to fix these DNS records.</source>
        <translation>El servidor receptor no pudo confirmar que su servidor está autorizado a enviar correo en nombre de su dominio. Los registros SPF, DKIM o DMARC de su dominio no existen o no coinciden con el servidor que envió el mensaje. Quien gestione su correo electrónico debe corregir estos registros DNS.</translation>
    </message>
    <message>
        <source>The message failed the sender authentication checks (SPF, DKIM or DMARC).</source>
        <translation>El mensaje no superó las comprobaciones de autenticación del remitente (SPF, DKIM o DMARC).</translation>
    </message>
    <message>
        <source>Your sending server or domain has a poor reputation with this provider, usually because of spam complaints, sudden volume or little sending history. Check blocklists, reduce volume and make sure recipients want your mail; the provider relaxes limits as the reputation recovers.</source>
        <translation>Su servidor o dominio de envío tiene mala reputación ante este proveedor, normalmente por quejas de spam, un aumento repentino del volumen o un historial de envíos escaso. Compruebe las listas de bloqueo, reduzca el volumen y asegúrese de que los destinatarios quieren recibir su correo; el proveedor suaviza los límites a medida que se recupera la reputación.</translation>
    </message>
    <message>
        <source>The receiving provider does not trust mail from your server right now.</source>
        <translation>El proveedor receptor no confía en este momento en el correo de su servidor.</translation>
    </message>
    <message>
        <source>The receiving server refused the connection because of the IP address or name of the server that sent your mail, often because it is on a blocklist or has a poor reputation. Check whether your sending IP is listed and ask to be delisted; if you use a mail service, tell them.</source>
        <translation>El servidor receptor rechazó la conexión por la dirección IP o el nombre del servidor que envió su correo, a menudo porque figura en una lista de bloqueo o tiene mala reputación. Compruebe si su IP de envío aparece en alguna lista y solicite que la retiren; si usa un servicio de correo, comuníqueselo.</translation>
    </message>
    <message>
        <source>The receiving server blocked your sending server.</source>
        <translation>El servidor receptor bloqueó su servidor de envío.</translation>
    </message>
    <message>
        <source>Something in the message&apos;s format (character encoding, headers or attachments) was not acceptable to the receiving server. Try sending it again in a simpler form, for example without unusual attachments or characters.</source>
        <translation>Algo en el formato del mensaje (codificación de caracteres, encabezados o adjuntos) no fue aceptado por el servidor receptor. Intente enviarlo de nuevo de una forma más sencilla, por ejemplo sin adjuntos o caracteres poco habituales.</translation>
    </message>
    <message>
        <source>The receiving server could not handle the message&apos;s content or format.</source>
        <translation>El servidor receptor no pudo procesar el contenido o el formato del mensaje.</translation>
    </message>
    <message>
        <source>This report says the message reached the recipient&apos;s server. Nothing needs fixing.</source>
        <translation>Este informe indica que el mensaje llegó al servidor del destinatario. No hay nada que corregir.</translation>
    </message>
    <message>
        <source>The message was delivered.</source>
        <translation>El mensaje se entregó.</translation>
    </message>
    <message>
        <source>Your server kept trying to deliver the message for hours or days but the recipient&apos;s server never accepted it, usually because it was unreachable or kept deferring. Check that the recipient&apos;s domain is correct and its mail server is working, then send again.</source>
        <translation>Su servidor intentó entregar el mensaje durante horas o días, pero el servidor del destinatario nunca lo aceptó, normalmente porque no estaba accesible o seguía aplazando la entrega. Compruebe que el dominio del destinatario es correcto y que su servidor de correo funciona, y vuelva a enviarlo.</translation>
    </message>
    <message>
        <source>The message could not be delivered in time and was given up.</source>
        <translation>El mensaje no se pudo entregar a tiempo y se dejó de intentar.</translation>
    </message>
    <message>
        <source>The receiving server requires an encrypted (TLS) connection and the two servers could not set one up. Whoever runs your mail server should check its TLS settings and certificates.</source>
        <translation>El servidor receptor exige una conexión cifrada (TLS) y los dos servidores no pudieron establecerla. Quien gestione su servidor de correo debe revisar su configuración TLS y sus certificados.</translation>
    </message>
    <message>
        <source>The servers could not agree on an encrypted connection.</source>
        <translation>Los servidores no pudieron acordar una conexión cifrada.</translation>
    </message>
    <message>
        <source>This is a complaint report from the recipient&apos;s mail provider: someone marked your message as unwanted. Stop sending to this recipient and make sure everyone on your list asked for your mail; many complaints harm delivery to everyone.</source>
        <translation>Se trata de un aviso de queja del proveedor de correo del destinatario: alguien marcó su mensaje como no deseado. Deje de enviar correo a este destinatario y asegúrese de que todas las personas de su lista han solicitado recibir su correo; muchas quejas perjudican la entrega a todos los destinatarios.</translation>
    </message>
    <message>
        <source>A recipient reported your message as spam.</source>
        <translation>Un destinatario marcó su mensaje como spam.</translation>
    </message>
    <message>
        <source>The recipient (or their mail system) has set rules that refuse mail like this one, for example from senders they have not approved. Reach the recipient another way and ask them to allow your address.</source>
        <translation>El destinatario (o su sistema de correo) tiene reglas que rechazan correos como este, por ejemplo de remitentes que no ha aprobado. Contacte con el destinatario por otra vía y pídale que autorice su dirección.</translation>
    </message>
    <message>
        <source>The recipient&apos;s filters refused the message.</source>
        <translation>Los filtros del destinatario rechazaron el mensaje.</translation>
    </message>
    <message>
        <source>This address used to work, but the recipient no longer receives mail here and the server does not forward it. Ask the recipient for their new address.</source>
        <translation>Esta dirección funcionaba antes, pero el destinatario ya no recibe correo en ella y el servidor no lo reenvía. Pida al destinatario su nueva dirección.</translation>
    </message>
    <message>
        <source>The recipient has moved to another address.</source>
        <translation>El destinatario se ha cambiado a otra dirección.</translation>
    </message>
    <message>
        <source>The part of the address after the @ does not exist in DNS, or has no mail server. It is usually a typing mistake in the domain or a domain that has expired. Check the spelling of the domain.</source>
        <translation>La parte de la dirección que va después de la @ no existe en el DNS o no tiene servidor de correo. Suele tratarse de un error de escritura en el dominio o de un dominio caducado. Revise cómo está escrito el dominio.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not exist or cannot receive email.</source>
        <translation>El dominio del destinatario no existe o no puede recibir correo electrónico.</translation>
    </message>
    <message>
        <source>The recipient has used up their storage space, so the server cannot take new messages for now. Wait and try again later, or tell the recipient by another channel so they can make room.</source>
        <translation>El destinatario ha agotado su espacio de almacenamiento, por lo que el servidor no puede aceptar mensajes nuevos por ahora. Espere y vuelva a intentarlo más tarde, o avise al destinatario por otra vía para que libere espacio.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>El buzón del destinatario está lleno.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server hands mail to a program (a filter or delivery script), and that program failed. The recipient&apos;s IT needs to look at it.</source>
        <translation>El servidor del destinatario pasa el correo a un programa (un filtro o un script de entrega), y ese programa falló. El equipo de TI del destinatario debe revisarlo.</translation>
    </message>
    <message>
        <source>A program on the recipient&apos;s server failed while delivering.</source>
        <translation>Un programa del servidor del destinatario falló durante la entrega.</translation>
    </message>
    <message>
        <source>Your server could not talk to the recipient&apos;s mail server properly: the connection failed, was cut, or DNS could not be asked. It is often temporary; if it keeps happening, the recipient&apos;s IT should check their mail server and DNS.</source>
        <translation>Su servidor no pudo comunicarse correctamente con el servidor de correo del destinatario: la conexión falló, se cortó o no se pudo consultar el DNS. Suele ser algo temporal; si se repite, el equipo de TI del destinatario debería revisar su servidor de correo y su DNS.</translation>
    </message>
    <message>
        <source>A network problem stopped the delivery.</source>
        <translation>Un problema de red impidió la entrega.</translation>
    </message>
    <message>
        <source>The server refused to pass the message on (relaying denied).</source>
        <translation>El servidor se negó a reenviar el mensaje (retransmisión denegada).</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain has declared that it receives no mail (a null MX record), or its server refuses all mail. Check that you have the right domain; otherwise reach the recipient another way.</source>
        <translation>El dominio del destinatario ha declarado que no recibe correo (un registro MX nulo), o su servidor rechaza todo el correo. Compruebe que tiene el dominio correcto; si es así, contacte con el destinatario por otra vía.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not accept email at all.</source>
        <translation>El dominio del destinatario no acepta ningún correo electrónico.</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because its headers break the email format rules (for example several From or Date headers, or a malformed header). The program that created the message needs fixing.</source>
        <translation>El servidor receptor rechazó el mensaje porque sus encabezados incumplen las normas de formato del correo electrónico (por ejemplo, varios encabezados From o Date, o un encabezado mal formado). Hay que corregir el programa que creó el mensaje.</translation>
    </message>
    <message>
        <source>The message does not follow the email standards.</source>
        <translation>El mensaje no cumple los estándares del correo electrónico.</translation>
    </message>
    <message>
        <source>The receiving side reported a failure without a clear reason. Read the server&apos;s exact words below; if they do not help, ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>El lado receptor informó de un fallo sin indicar un motivo claro. Lea abajo las palabras exactas del servidor; si no le sirven de ayuda, consulte al equipo de TI del destinatario y facilítele la fecha y el texto del error.</translation>
    </message>
    <message>
        <source>The message was not delivered, and the bounce does not say exactly why.</source>
        <translation>El mensaje no se entregó y el rebote no indica exactamente por qué.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation has rules about what mail it accepts (senders, content, attachments or how messages are formatted), and this message did not meet them. Ask the recipient&apos;s IT which rule applies.</source>
        <translation>La organización del destinatario tiene normas sobre el correo que acepta (remitentes, contenido, adjuntos o formato de los mensajes), y este mensaje no las cumplía. Pregunte al equipo de TI del destinatario qué norma se aplica.</translation>
    </message>
    <message>
        <source>The message broke a policy of the receiving organisation.</source>
        <translation>El mensaje incumplió una política de la organización receptora.</translation>
    </message>
    <message>
        <source>The server did not accept the address the message was sent from (the envelope sender): it may look invalid, belong to a domain that does not exist, or be on the server&apos;s block list. Check the address your mail program or service sends from.</source>
        <translation>El servidor no aceptó la dirección desde la que se envió el mensaje (el remitente del sobre): puede parecer no válida, pertenecer a un dominio que no existe o estar en la lista de bloqueo del servidor. Compruebe la dirección desde la que envía su programa o servicio de correo.</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address.</source>
        <translation>El servidor receptor rechazó su dirección de remitente.</translation>
    </message>
    <message>
        <source>The receiving server requires the IP address your mail comes from to have a reverse DNS (PTR) record that points to a name which points back to the same address. Whoever runs your mail server must set this up with their hosting or internet provider.</source>
        <translation>El servidor receptor exige que la dirección IP desde la que sale su correo tenga un registro de DNS inverso (PTR) que apunte a un nombre que, a su vez, apunte a la misma dirección. Quien gestione su servidor de correo debe configurarlo con su proveedor de hosting o de internet.</translation>
    </message>
    <message>
        <source>Your sending server has no valid reverse DNS name.</source>
        <translation>Su servidor de envío no tiene un nombre de DNS inverso válido.</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because of a security or authorization check: for example the sender could not be verified, or your server was not allowed to send this message. Check your authentication set-up and ask the recipient&apos;s IT for details.</source>
        <translation>El servidor receptor rechazó el mensaje por una comprobación de seguridad o de autorización: por ejemplo, no se pudo verificar el remitente o su servidor no estaba autorizado a enviar este mensaje. Revise su configuración de autenticación y pida más detalles al equipo de TI del destinatario.</translation>
    </message>
    <message>
        <source>The receiving server refused the message for a security reason.</source>
        <translation>El servidor receptor rechazó el mensaje por un motivo de seguridad.</translation>
    </message>
    <message>
        <source>The content of the message, its links or its formatting looked like spam to the receiving server&apos;s filter. Review the content (links, attachments, wording, images only), make sure the recipient expects it, and check your authentication set-up.</source>
        <translation>El contenido del mensaje, sus enlaces o su formato le parecieron spam al filtro del servidor receptor. Revise el contenido (enlaces, adjuntos, redacción, mensajes que solo contienen imágenes), asegúrese de que el destinatario lo espera y compruebe su configuración de autenticación.</translation>
    </message>
    <message>
        <source>The receiving server thinks the message is spam.</source>
        <translation>El servidor receptor considera que el mensaje es spam.</translation>
    </message>
    <message>
        <source>Your sending service has stopped sending to this address because earlier messages to it bounced or were reported. Check the address, and remove it from the suppression list only if you are sure it works again.</source>
        <translation>Su servicio de envío ha dejado de enviar a esta dirección porque mensajes anteriores rebotaron o fueron denunciados. Compruebe la dirección y quítela de la lista de supresión solo si está seguro de que vuelve a funcionar.</translation>
    </message>
    <message>
        <source>Your mail service did not send it: the address is on its suppression list.</source>
        <translation>Su servicio de correo no lo envió: la dirección está en su lista de supresión.</translation>
    </message>
    <message>
        <source>The mailbox exists but has been switched off, for example because the account was suspended, left unused for a long time, or not paid for. Reach the recipient another way and ask them to reactivate it or give you another address.</source>
        <translation>El buzón existe, pero está desactivado, por ejemplo porque la cuenta se suspendió, lleva mucho tiempo sin usarse o no se ha pagado. Contacte con el destinatario por otra vía y pídale que lo reactive o que le facilite otra dirección.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is disabled.</source>
        <translation>El buzón del destinatario está desactivado.</translation>
    </message>
    <message>
        <source>The receiving server said a command from your server was malformed or out of order. Whoever runs your mail server or sending software should look at it.</source>
        <translation>El servidor receptor indicó que un comando de su servidor estaba mal formado o llegó en un orden incorrecto. Quien gestione su servidor de correo o su software de envío debe revisarlo.</translation>
    </message>
    <message>
        <source>The servers did not understand each other.</source>
        <translation>Los servidores no se entendieron entre sí.</translation>
    </message>
    <message>
        <source>Something went wrong on the recipient&apos;s mail server (a configuration error or an internal failure). It is not caused by your message; try again later, and tell the recipient&apos;s IT if it keeps happening.</source>
        <translation>Algo falló en el servidor de correo del destinatario (un error de configuración o un fallo interno). No lo ha causado su mensaje; vuelva a intentarlo más tarde y avise al equipo de TI del destinatario si se repite.</translation>
    </message>
    <message>
        <source>The receiving mail system had an internal problem.</source>
        <translation>El sistema de correo receptor tuvo un problema interno.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server has no room left to store incoming mail. It is the recipient&apos;s IT who must fix it; try again later.</source>
        <translation>El servidor de correo del destinatario no tiene espacio para almacenar el correo entrante. Es el equipo de TI del destinatario quien debe solucionarlo; vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The receiving mail system is out of space.</source>
        <translation>El sistema de correo receptor se ha quedado sin espacio.</translation>
    </message>
    <message>
        <source>The bounce gives no usable reason. Check the recipient&apos;s address, then ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>El rebote no indica ningún motivo útil. Compruebe la dirección del destinatario y después consulte al equipo de TI del destinatario, facilitándole la fecha y el texto del error.</translation>
    </message>
    <message>
        <source>The message was not delivered, for a reason the bounce does not give.</source>
        <translation>El mensaje no se entregó, por un motivo que el rebote no indica.</translation>
    </message>
    <message>
        <source>The receiving server says there is no mailbox with this name. The address may be misspelled, or the person may have left the organisation or closed the account. Check the spelling, or ask the recipient for their current address; sending again to the same address will not work.</source>
        <translation>El servidor receptor indica que no existe ningún buzón con este nombre. Es posible que la dirección esté mal escrita o que la persona haya dejado la organización o cerrado la cuenta. Revise cómo está escrita o pida al destinatario su dirección actual; volver a enviar a la misma dirección no funcionará.</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist.</source>
        <translation>La dirección del destinatario no existe.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox answered automatically, for example because they are away. Your message was delivered.</source>
        <translation>El buzón del destinatario respondió automáticamente, por ejemplo porque está ausente. Su mensaje se entregó.</translation>
    </message>
    <message>
        <source>This is an automatic reply, not a failure.</source>
        <translation>Es una respuesta automática, no un fallo.</translation>
    </message>
    <message>
        <source>The message or one of its attachments was detected as malware, or contained a file type the recipient does not allow. Scan your computer, and send documents in a safe format or through a link.</source>
        <translation>Se detectó malware en el mensaje o en uno de sus adjuntos, o contenía un tipo de archivo que el destinatario no permite. Analice su equipo y envíe los documentos en un formato seguro o mediante un enlace.</translation>
    </message>
    <message>
        <source>The receiving server found a virus or dangerous attachment.</source>
        <translation>El servidor receptor encontró un virus o un adjunto peligroso.</translation>
    </message>
    <message>
        <source>Microsoft keeps its own block list and your sending IP is on it. Whoever runs your mail server can request removal through Microsoft&apos;s sender support (delisting) page; if you use a mail service, contact them.</source>
        <translation>Microsoft tiene su propia lista de bloqueo y su IP de envío figura en ella. Quien gestione su servidor de correo puede solicitar la retirada a través de la página de soporte para remitentes de Microsoft (delisting); si usa un servicio de correo, póngase en contacto con él.</translation>
    </message>
    <message>
        <source>Microsoft (Outlook/Hotmail) blocked your sending IP address.</source>
        <translation>Microsoft (Outlook/Hotmail) bloqueó su dirección IP de envío.</translation>
    </message>
    <message>
        <source>Microsoft 365 rejects mail from your IP because it is on its block list or has been banned for spam. Request delisting through Microsoft&apos;s delist portal, and check that your server is not sending spam.</source>
        <translation>Microsoft 365 rechaza el correo de su IP porque figura en su lista de bloqueo o ha sido vetada por spam. Solicite la retirada a través del portal de exclusión de Microsoft (delist portal) y compruebe que su servidor no está enviando spam.</translation>
    </message>
    <message>
        <source>Microsoft refused mail from your sending IP address (banned or listed).</source>
        <translation>Microsoft rechazó el correo de su dirección IP de envío (vetada o incluida en una lista).</translation>
    </message>
    <message>
        <source>Your domain publishes a DMARC policy that says to reject mail that fails authentication, and this message failed SPF and DKIM alignment. Fix SPF and DKIM for the server that sent it.</source>
        <translation>Su dominio publica una política DMARC que indica rechazar el correo que no supera la autenticación, y este mensaje no superó la alineación de SPF y DKIM. Corrija SPF y DKIM para el servidor que lo envió.</translation>
    </message>
    <message>
        <source>Microsoft rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>Microsoft rechazó el mensaje porque no cumplía la política DMARC de su dominio.</translation>
    </message>
    <message>
        <source>Outlook.com requires domains that send a lot of mail to have SPF, DKIM and DMARC in place and passing. Set up all three for your sending domain.</source>
        <translation>Outlook.com exige que los dominios que envían mucho correo tengan SPF, DKIM y DMARC configurados y que los superen. Configure los tres para su dominio de envío.</translation>
    </message>
    <message>
        <source>Microsoft requires stronger authentication from high-volume senders.</source>
        <translation>Microsoft exige una autenticación más sólida a los remitentes de gran volumen.</translation>
    </message>
    <message>
        <source>Your domain&apos;s SPF record does not list the server that sent this message. Add the sending server or service to your SPF record.</source>
        <translation>El registro SPF de su dominio no incluye el servidor que envió este mensaje. Añada el servidor o servicio de envío a su registro SPF.</translation>
    </message>
    <message>
        <source>The message failed the SPF check at Microsoft.</source>
        <translation>El mensaje no superó la comprobación SPF de Microsoft.</translation>
    </message>
    <message>
        <source>Microsoft 365 only accepts mail for sending from signed-in users. Turn on &apos;my outgoing server requires authentication&apos; in your mail program, with your mailbox&apos;s user name and password.</source>
        <translation>Microsoft 365 solo acepta correo para enviar de usuarios que han iniciado sesión. Active la opción «Mi servidor de salida requiere autenticación» en su programa de correo, con el nombre de usuario y la contraseña de su buzón.</translation>
    </message>
    <message>
        <source>Your mail program tried to send without signing in.</source>
        <translation>Su programa de correo intentó enviar sin iniciar sesión.</translation>
    </message>
    <message>
        <source>Microsoft looked the address up in the recipient&apos;s directory and found nobody. Check the spelling, or ask the recipient for their current address.</source>
        <translation>Microsoft buscó la dirección en el directorio del destinatario y no encontró a nadie. Revise cómo está escrita o pida al destinatario su dirección actual.</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist in their Microsoft 365 organisation.</source>
        <translation>La dirección del destinatario no existe en su organización de Microsoft 365.</translation>
    </message>
    <message>
        <source>Microsoft 365 checks addresses against the recipient organisation&apos;s directory before accepting mail (directory-based edge blocking), and this address is not in it. Check the spelling; if it is right, the recipient&apos;s IT must add the mailbox or its alias.</source>
        <translation>Microsoft 365 comprueba las direcciones en el directorio de la organización del destinatario antes de aceptar el correo (bloqueo perimetral basado en directorio), y esta dirección no figura en él. Revise cómo está escrita; si es correcta, el equipo de TI del destinatario debe añadir el buzón o su alias.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation does not know this address.</source>
        <translation>La organización del destinatario no conoce esta dirección.</translation>
    </message>
    <message>
        <source>The recipient (or a group address) is restricted to certain senders by their Microsoft 365 administrators. Ask the recipient&apos;s IT to allow your address.</source>
        <translation>Los administradores de Microsoft 365 del destinatario han restringido el destinatario (o la dirección de grupo) a determinados remitentes. Pida al equipo de TI del destinatario que autorice su dirección.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail from approved senders.</source>
        <translation>La organización del destinatario solo acepta correo de remitentes aprobados.</translation>
    </message>
    <message>
        <source>Your domain&apos;s DMARC policy asks receivers to reject mail that fails SPF and DKIM alignment, and this message failed. Gmail also requires bulk senders to authenticate. Fix SPF and DKIM for the server that sent it.</source>
        <translation>La política DMARC de su dominio pide a los servidores receptores que rechacen el correo que no supera la alineación de SPF y DKIM, y este mensaje no la superó. Además, Gmail exige que los remitentes masivos se autentiquen. Corrija SPF y DKIM para el servidor que lo envió.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed authentication (DMARC).</source>
        <translation>Gmail rechazó el mensaje porque no superó la autenticación (DMARC).</translation>
    </message>
    <message>
        <source>Gmail uses 5.7.27 for SPF failures. Your domain&apos;s SPF record does not include the server that sent the message; add it.</source>
        <translation>Gmail usa 5.7.27 para los fallos de SPF. El registro SPF de su dominio no incluye el servidor que envió el mensaje; añádalo.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the SPF check.</source>
        <translation>Gmail rechazó el mensaje porque no superó la comprobación SPF.</translation>
    </message>
    <message>
        <source>The message was not signed with DKIM, or the signature did not verify. Turn on DKIM signing for your domain.</source>
        <translation>El mensaje no estaba firmado con DKIM o la firma no se pudo verificar. Active la firma DKIM para su dominio.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the DKIM check.</source>
        <translation>Gmail rechazó el mensaje porque no superó la comprobación DKIM.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation uses Google Workspace and its administrators have a rule that refuses your message, often a block on your IP address or domain. Ask the recipient&apos;s IT to allow your sender address and IP.</source>
        <translation>La organización del destinatario usa Google Workspace y sus administradores tienen una regla que rechaza su mensaje, a menudo un bloqueo de su dirección IP o de su dominio. Pida al equipo de TI del destinatario que autorice su dirección de remitente y su IP.</translation>
    </message>
    <message>
        <source>The recipient&apos;s Google Workspace blocked the message by its own policy.</source>
        <translation>El Google Workspace del destinatario bloqueó el mensaje por una política propia.</translation>
    </message>
    <message>
        <source>Gmail is temporarily refusing mail for this account because it receives mail faster than allowed. Try again later.</source>
        <translation>Gmail está rechazando temporalmente el correo para esta cuenta porque recibe correo más rápido de lo permitido. Vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The Gmail recipient is receiving too much mail right now.</source>
        <translation>El destinatario de Gmail está recibiendo demasiado correo en este momento.</translation>
    </message>
    <message>
        <source>Gmail has seen unwanted mail from your IP address or domain and limits what it accepts. Check blocklists, Google Postmaster Tools, and your authentication, and send only to people who asked for your mail.</source>
        <translation>Gmail ha detectado correo no deseado procedente de su dirección IP o de su dominio y limita lo que acepta. Compruebe las listas de bloqueo, Google Postmaster Tools y su autenticación, y envíe correo solo a quienes lo hayan solicitado.</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your server right now.</source>
        <translation>Gmail no confía en este momento en el correo de su servidor.</translation>
    </message>
    <message>
        <source>Yahoo saw complaints or a sudden rise in volume from your server and is slowing it down. Your server will retry. Send only to people who asked for your mail, and keep volumes steady.</source>
        <translation>Yahoo ha recibido quejas o ha detectado un aumento repentino del volumen procedente de su servidor y lo está frenando. Su servidor volverá a intentarlo. Envíe correo solo a quienes lo hayan solicitado y mantenga un volumen estable.</translation>
    </message>
    <message>
        <source>Yahoo is temporarily deferring your mail because of complaints or unusual volume.</source>
        <translation>Yahoo está aplazando temporalmente su correo por quejas o por un volumen inusual.</translation>
    </message>
    <message>
        <source>Yahoo blocks mail from IP addresses listed by Spamhaus. Look your IP up on Spamhaus and request removal once the cause is fixed.</source>
        <translation>Yahoo bloquea el correo de las direcciones IP que figuran en las listas de Spamhaus. Busque su IP en Spamhaus y solicite la retirada una vez corregida la causa.</translation>
    </message>
    <message>
        <source>Yahoo refused your mail because your IP is on a blocklist (Spamhaus).</source>
        <translation>Yahoo rechazó su correo porque su IP figura en una lista de bloqueo (Spamhaus).</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refused the message (code CS01 or HM08): it did not trust your sending server or content. Check blocklists and authentication, and contact iCloud&apos;s postmaster through their support page if it persists.</source>
        <translation>iCloud Mail de Apple rechazó el mensaje (código CS01 o HM08): no confió en su servidor de envío o en el contenido. Compruebe las listas de bloqueo y la autenticación y, si el problema continúa, contacte con el postmaster de iCloud a través de su página de soporte.</translation>
    </message>
    <message>
        <source>iCloud Mail blocked your message because of its policy or your server&apos;s reputation.</source>
        <translation>iCloud Mail bloqueó su mensaje por su política o por la reputación de su servidor.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail system holds an allow list, and your address is not on it. Nothing is wrong with your email set-up. Ask the recipient, by phone or another channel, to have their IT add your address (or your domain) to the allowed senders.</source>
        <translation>El sistema de correo del destinatario tiene una lista de remitentes permitidos y su dirección no figura en ella. Su configuración de correo no tiene ningún problema. Pida al destinatario, por teléfono o por otra vía, que su equipo de TI añada su dirección (o su dominio) a los remitentes permitidos.</translation>
    </message>
    <message>
        <source>The recipient only accepts mail from senders they approved in advance.</source>
        <translation>El destinatario solo acepta correo de remitentes que ha aprobado previamente.</translation>
    </message>
    <message>
        <source>Spamhaus PBL: the ISP says this address should not send mail directly</source>
        <translation>Spamhaus PBL: el proveedor de internet indica que esta dirección no debería enviar correo directamente</translation>
    </message>
    <message>
        <source>Spamhaus PBL: this address looks like an end-user address that should not send mail directly</source>
        <translation>Spamhaus PBL: esta dirección parece de un usuario final y no debería enviar correo directamente</translation>
    </message>
    <message>
        <source>Spamhaus SBL: a known spam source</source>
        <translation>Spamhaus SBL: una fuente de spam conocida</translation>
    </message>
    <message>
        <source>Spamhaus CSS: recently sent spam (snowshoe)</source>
        <translation>Spamhaus CSS: ha enviado spam recientemente (snowshoe)</translation>
    </message>
    <message>
        <source>Spamhaus BCL: a botnet controller</source>
        <translation>Spamhaus BCL: un servidor de control de botnets</translation>
    </message>
    <message>
        <source>Spamhaus XBL: infected or hijacked machine</source>
        <translation>Spamhaus XBL: equipo infectado o secuestrado</translation>
    </message>
    <message>
        <source>Spamhaus DROP: network under spammer control</source>
        <translation>Spamhaus DROP: red bajo el control de spammers</translation>
    </message>
    <message>
        <source>the query used a mistyped zone name</source>
        <translation>la consulta usó un nombre de zona mal escrito</translation>
    </message>
    <message>
        <source>Spamhaus refuses queries that come through public or open DNS resolvers (such as 1.1.1.1 or 8.8.8.8)</source>
        <translation>Spamhaus rechaza las consultas que llegan a través de resolvedores DNS públicos o abiertos (como 1.1.1.1 u 8.8.8.8)</translation>
    </message>
    <message>
        <source>Spamhaus received too many queries from your DNS resolver</source>
        <translation>Spamhaus recibió demasiadas consultas de su resolvedor DNS</translation>
    </message>
    <message>
        <source>an abused legitimate domain (spam)</source>
        <translation>un dominio legítimo utilizado de forma abusiva (spam)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (redirector)</source>
        <translation>un dominio legítimo utilizado de forma abusiva (redirección)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (phishing)</source>
        <translation>un dominio legítimo utilizado de forma abusiva (phishing)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (malware)</source>
        <translation>un dominio legítimo utilizado de forma abusiva (malware)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (botnet)</source>
        <translation>un dominio legítimo utilizado de forma abusiva (botnet)</translation>
    </message>
    <message>
        <source>a spam domain</source>
        <translation>un dominio de spam</translation>
    </message>
    <message>
        <source>a phishing domain</source>
        <translation>un dominio de phishing</translation>
    </message>
    <message>
        <source>a malware domain</source>
        <translation>un dominio de malware</translation>
    </message>
    <message>
        <source>a botnet command-and-control domain</source>
        <translation>un dominio de mando y control de una botnet</translation>
    </message>
    <message>
        <source>the DBL does not take IP addresses</source>
        <translation>la DBL no admite direcciones IP</translation>
    </message>
    <message>
        <source>listed by Barracuda</source>
        <translation>en la lista de Barracuda</translation>
    </message>
    <message>
        <source>reported to SpamCop as a spam source (listings expire by themselves a day after the last report)</source>
        <translation>denunciado a SpamCop como fuente de spam (la inclusión caduca sola un día después de la última denuncia)</translation>
    </message>
    <message>
        <source>sent mail to spam traps</source>
        <translation>ha enviado correo a trampas de spam</translation>
    </message>
    <message>
        <source>worst reputation</source>
        <translation>la peor reputación</translation>
    </message>
    <message>
        <source>very bad reputation</source>
        <translation>muy mala reputación</translation>
    </message>
    <message>
        <source>bad reputation</source>
        <translation>mala reputación</translation>
    </message>
    <message>
        <source>a zero-hour spam source</source>
        <translation>una fuente de spam de hora cero</translation>
    </message>
    <message>
        <source>listed by UCEPROTECT (expires after 7 days without new hits)</source>
        <translation>en la lista de UCEPROTECT (caduca tras 7 días sin nuevas detecciones)</translation>
    </message>
    <message>
        <source>listed by NiX Spam (expires after 12 hours)</source>
        <translation>en la lista de NiX Spam (caduca a las 12 horas)</translation>
    </message>
    <message>
        <source>cracked site</source>
        <translation>sitio web comprometido</translation>
    </message>
    <message>
        <source>malware</source>
        <translation>malware</translation>
    </message>
    <message>
        <source>abuse</source>
        <translation>abuso</translation>
    </message>
    <message>
        <source>phishing</source>
        <translation>phishing</translation>
    </message>
    <message>
        <source>SURBL blocked the query (your DNS resolver sends too many queries or is a public resolver)</source>
        <translation>SURBL bloqueó la consulta (su resolvedor DNS envía demasiadas consultas o es un resolvedor público)</translation>
    </message>
    <message>
        <source>black list</source>
        <translation>lista negra</translation>
    </message>
    <message>
        <source>grey list</source>
        <translation>lista gris</translation>
    </message>
    <message>
        <source>red list</source>
        <translation>lista roja</translation>
    </message>
    <message>
        <source>URIBL refused the query (public or large DNS resolvers such as Google or OpenDNS are blocked)</source>
        <translation>URIBL rechazó la consulta (los resolvedores DNS públicos o de gran tamaño, como Google u OpenDNS, están bloqueados)</translation>
    </message>
    <message>
        <source>Gmail&apos;s scanners judged something in the message, usually an attachment type or a link, to be a potential security issue. Remove or replace the attachment or link and send again.</source>
        <translation>Los analizadores de Gmail consideraron que algo del mensaje, normalmente un tipo de archivo adjunto o un enlace, es un posible riesgo de seguridad. Quite o sustituya el adjunto o el enlace y vuelva a enviarlo.</translation>
    </message>
    <message>
        <source>Gmail blocked the message because its content looks like a security risk.</source>
        <translation>Gmail bloqueó el mensaje porque su contenido parece un riesgo de seguridad.</translation>
    </message>
    <message>
        <source>The au/KDDI mobile mailbox exists but its owner&apos;s reception settings (for example refusing mail from PCs or unknown senders) turned the message away. Only the recipient can change those settings.</source>
        <translation>El buzón móvil de au/KDDI existe, pero la configuración de recepción de su titular (por ejemplo, rechazar correo enviado desde PC o de remitentes desconocidos) rechazó el mensaje. Solo el destinatario puede cambiar esa configuración.</translation>
    </message>
    <message>
        <source>au (KDDI) refused the message by the recipient&apos;s mail settings.</source>
        <translation>au (KDDI) rechazó el mensaje por la configuración de correo del destinatario.</translation>
    </message>
    <message>
        <source>The message with its attachments is larger than the receiving server, or this recipient&apos;s mailbox, accepts for a single message. Send smaller attachments, compress them, or share large files through a link.</source>
        <translation>El mensaje con sus adjuntos supera el tamaño que el servidor receptor, o el buzón de este destinatario, acepta para un solo mensaje. Envíe adjuntos más pequeños, comprímalos o comparta los archivos grandes mediante un enlace.</translation>
    </message>
    <message>
        <source>The message is too large for the recipient&apos;s server or mailbox.</source>
        <translation>El mensaje es demasiado grande para el servidor o el buzón del destinatario.</translation>
    </message>
    <message>
        <source>The server your mail was handed to does not accept mail for the recipient&apos;s domain. Usually the recipient&apos;s domain sends its mail (its MX records) to a server that is not set up to receive for it, or the domain in the address is misspelt. Check the domain in the address; if it is right, tell the recipient&apos;s IT, with the error text.</source>
        <translation>El servidor al que se entregó su correo no acepta correo para el dominio del destinatario. Normalmente el dominio del destinatario dirige su correo (sus registros MX) a un servidor que no está configurado para recibirlo, o el dominio de la dirección está mal escrito. Compruebe el dominio de la dirección; si es correcto, avise al equipo de TI del destinatario con el texto del error.</translation>
    </message>
    <message>
        <source>The receiving server limits how many messages, recipients or connections it accepts from one sender in a given time, and your server went over that limit. Send more slowly or in smaller batches; deferred messages are usually delivered on a later attempt.</source>
        <translation>El servidor receptor limita cuántos mensajes, destinatarios o conexiones acepta de un remitente en un tiempo dado, y su servidor superó ese límite. Envíe más despacio o en lotes más pequeños; los mensajes aplazados normalmente se entregan en un intento posterior.</translation>
    </message>
    <message>
        <source>Your server is sending too much, too fast, for this receiving server.</source>
        <translation>Su servidor envía demasiado, demasiado rápido, para este servidor receptor.</translation>
    </message>
    <message>
        <source>Outlook.com and Microsoft 365 accept less mail from IP addresses with a poor or no sending history. Keep sending steadily and only to people who asked for your mail, check your IP with Microsoft&apos;s Smart Network Data Services, and make sure SPF, DKIM and DMARC pass; the deferred messages are retried.</source>
        <translation>Outlook.com y Microsoft 365 aceptan menos correo de direcciones IP con un historial de envío malo o inexistente. Siga enviando de forma constante y solo a quienes pidieron su correo, compruebe su IP con Smart Network Data Services de Microsoft y asegúrese de que SPF, DKIM y DMARC se superan; los mensajes aplazados se reintentan.</translation>
    </message>
    <message>
        <source>Microsoft is limiting mail from your server because of its IP address&apos;s reputation.</source>
        <translation>Microsoft limita el correo de su servidor por la reputación de su dirección IP.</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to publish a DMARC policy for the domain in the From: address, and yours has none. Publish a DMARC record (a TXT record at _dmarc.your-domain, p=none is enough to start) once SPF and DKIM pass.</source>
        <translation>Gmail exige a los remitentes, y a todos los remitentes masivos, publicar una política DMARC para el dominio de la dirección From:, y el suyo no tiene. Publique un registro DMARC (un registro TXT en _dmarc.su-dominio; p=none basta para empezar) cuando SPF y DKIM se superen.</translation>
    </message>
    <message>
        <source>Gmail wants your sending domain to publish a DMARC record.</source>
        <translation>Gmail exige que su dominio de envío publique un registro DMARC.</translation>
    </message>
    <message>
        <source>SPF or DKIM may pass, but for a different domain than the one in the From: address, so DMARC alignment fails. Sign with DKIM for your own From: domain, or send with a return-path (MAIL FROM) in that domain.</source>
        <translation>Puede que SPF o DKIM se superen, pero para un dominio distinto del de la dirección From:, así que la alineación DMARC falla. Firme con DKIM para su propio dominio From: o envíe con un return-path (MAIL FROM) de ese dominio.</translation>
    </message>
    <message>
        <source>Gmail refused the message because its From: domain does not match the domain SPF or DKIM checked.</source>
        <translation>Gmail rechazó el mensaje porque el dominio de su From: no coincide con el dominio que comprobaron SPF o DKIM.</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to use TLS when they deliver to it. Whoever runs your mail server must turn on STARTTLS for outgoing mail (opportunistic TLS at least); the deferred messages are retried.</source>
        <translation>Gmail exige a los remitentes, y a todos los remitentes masivos, usar TLS al entregarle correo. Quien gestione su servidor de correo debe activar STARTTLS para el correo saliente (al menos TLS oportunista); los mensajes aplazados se reintentan.</translation>
    </message>
    <message>
        <source>Gmail is limiting your mail because it was not sent over an encrypted (TLS) connection.</source>
        <translation>Gmail limita su correo porque no se envió por una conexión cifrada (TLS).</translation>
    </message>
    <message>
        <source>Gmail saw a sudden rise in mail, or in unwanted mail, from your IP address, its network, or your DKIM or SPF domain, and is accepting less of it for now. Send more slowly and steadily, only to people who asked for your mail, and watch your spam rate in Google Postmaster Tools; the deferred messages are retried.</source>
        <translation>Gmail detectó un aumento repentino del correo, o del correo no deseado, procedente de su dirección IP, de su red o de su dominio DKIM o SPF, y por ahora acepta menos. Envíe más despacio y de forma constante, solo a quienes pidieron su correo, y vigile su tasa de spam en Google Postmaster Tools; los mensajes aplazados se reintentan.</translation>
    </message>
    <message>
        <source>Gmail is holding back mail from your server because of an unusual rate of mail.</source>
        <translation>Gmail está reteniendo el correo de su servidor por un volumen de envío inusual.</translation>
    </message>
    <message>
        <source>Over IPv6 Gmail requires the sending address to have a PTR record whose name points back to the same address, and the message to pass SPF or DKIM. Give the server&apos;s IPv6 address a matching PTR record, or send over IPv4.</source>
        <translation>Por IPv6, Gmail exige que la dirección de envío tenga un registro PTR cuyo nombre apunte de vuelta a la misma dirección, y que el mensaje supere SPF o DKIM. Dé a la dirección IPv6 del servidor un registro PTR que coincida, o envíe por IPv4.</translation>
    </message>
    <message>
        <source>Gmail refused mail sent over IPv6 from an address without a matching reverse DNS name.</source>
        <translation>Gmail rechazó correo enviado por IPv6 desde una dirección sin un nombre de DNS inverso que coincida.</translation>
    </message>
    <message>
        <source>Gmail checks that the sending IP address has a PTR record, and that the name it gives points back to the same address. Whoever runs your mail server must ask the hosting or internet provider to set a PTR record that matches the server&apos;s name.</source>
        <translation>Gmail comprueba que la dirección IP de envío tenga un registro PTR y que el nombre que da apunte de vuelta a la misma dirección. Quien gestione su servidor de correo debe pedir al proveedor de hosting o de internet que configure un registro PTR que coincida con el nombre del servidor.</translation>
    </message>
    <message>
        <source>Gmail refused your server because its IP address has no matching reverse DNS (PTR) name.</source>
        <translation>Gmail rechazó su servidor porque su dirección IP no tiene un nombre de DNS inverso (PTR) que coincida.</translation>
    </message>
    <message>
        <source>Gmail requires every sender to pass SPF or DKIM, and this message passed neither. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing for your domain.</source>
        <translation>Gmail exige que todo remitente supere SPF o DKIM, y este mensaje no superó ninguno. Añada el servidor de envío al registro SPF de su dominio y active la firma DKIM para su dominio.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it passed neither SPF nor DKIM.</source>
        <translation>Gmail rechazó el mensaje porque no superó ni SPF ni DKIM.</translation>
    </message>
    <message>
        <source>Gmail judged the message suspicious because of the low reputation of the domain it came from, not because of this message&apos;s words. Check your domain on blocklists and in Google Postmaster Tools, make sure SPF, DKIM and DMARC pass, and send only to people who asked for your mail; the reputation recovers as complaints stop.</source>
        <translation>Gmail consideró sospechoso el mensaje por la mala reputación del dominio del que procede, no por su contenido. Compruebe su dominio en las listas de bloqueo y en Google Postmaster Tools, asegúrese de que SPF, DKIM y DMARC se superan y envíe solo a quienes pidieron su correo; la reputación se recupera cuando cesan las quejas.</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your sending domain right now.</source>
        <translation>Gmail no confía por ahora en el correo de su dominio de envío.</translation>
    </message>
    <message>
        <source>Yahoo requires every sender to pass SPF or DKIM, and bulk senders to pass both with a DMARC policy. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing.</source>
        <translation>Yahoo exige que todo remitente supere SPF o DKIM, y que los remitentes masivos superen ambos con una política DMARC. Añada el servidor de envío al registro SPF de su dominio y active la firma DKIM.</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it passed neither SPF nor DKIM (5.7.9).</source>
        <translation>Yahoo rechazó el mensaje porque no superó ni SPF ni DKIM (5.7.9).</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>Yahoo rechazó el mensaje porque no cumplió la política DMARC de su dominio.</translation>
    </message>
    <message>
        <source>Yahoo will refuse all mail from this IP address for now, and retrying will not help. It follows complaints, unwanted mail or missing authentication. Fix the cause (authentication, list hygiene, a compromised account), then ask Yahoo&apos;s sender support to review the IP address.</source>
        <translation>Yahoo rechazará por ahora todo el correo de esta dirección IP, y reintentar no servirá. Se debe a quejas, correo no deseado o falta de autenticación. Corrija la causa (autenticación, limpieza de listas, una cuenta comprometida) y después pida al soporte para remitentes de Yahoo que revise la dirección IP.</translation>
    </message>
    <message>
        <source>Yahoo has stopped accepting mail from your server&apos;s IP address (TSS09).</source>
        <translation>Yahoo ha dejado de aceptar correo de la dirección IP de su servidor (TSS09).</translation>
    </message>
    <message>
        <source>Yahoo refuses mail that breaks its sender requirements: usually failing SPF, DKIM or DMARC, but also unwanted content or volume. Check your domain&apos;s authentication first, then your content and sending volume.</source>
        <translation>Yahoo rechaza el correo que incumple sus requisitos para remitentes: normalmente fallos de SPF, DKIM o DMARC, pero también contenido no deseado o volumen excesivo. Compruebe primero la autenticación de su dominio y después su contenido y su volumen de envío.</translation>
    </message>
    <message>
        <source>Yahoo refused the message under its sending policy (5.7.9).</source>
        <translation>Yahoo rechazó el mensaje según su política de envío (5.7.9).</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refuses mail it does not trust: often missing or failing SPF, DKIM or DMARC, a poor sending reputation, or content it considers unwanted. Check your domain&apos;s authentication and your server&apos;s reputation; if it persists, ask Apple through its postmaster support page.</source>
        <translation>iCloud Mail de Apple rechaza el correo en el que no confía: a menudo por SPF, DKIM o DMARC ausentes o fallidos, una mala reputación de envío o contenido que considera no deseado. Compruebe la autenticación de su dominio y la reputación de su servidor; si persiste, consulte a Apple a través de su página de soporte para postmasters.</translation>
    </message>
    <message>
        <source>iCloud Mail refused the message under its local policy (CS01).</source>
        <translation>iCloud Mail rechazó el mensaje según su política local (CS01).</translation>
    </message>
    <message>
        <source>The receiving server asks a blocklist (such as Spamhaus) about every sender, and the blocklist refused to answer it because it queries through a public or open DNS resolver. That refusal says nothing about you: your server is not listed. Tell the recipient&apos;s IT, with the error text, so they point their blocklist lookups at their own resolver or a registered feed.</source>
        <translation>El servidor receptor consulta una lista de bloqueo (como Spamhaus) por cada remitente, y la lista se negó a responderle porque consulta a través de un resolvedor DNS público o abierto. Esa negativa no dice nada de usted: su servidor no está en la lista. Avise al equipo de TI del destinatario con el texto del error para que dirija sus consultas de listas de bloqueo a su propio resolvedor o a un acceso registrado.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server could not check its blocklists: the fault is on their side.</source>
        <translation>El servidor del destinatario no pudo consultar sus listas de bloqueo: el fallo está de su lado.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain publishes a policy (MTA-STS or DANE) saying its mail must travel encrypted to servers with a valid certificate, and its server did not meet it: no TLS, an expired or mismatched certificate, or records that do not match. Your side is fine. Tell the recipient&apos;s IT, with the error text; they must fix their certificate or their policy.</source>
        <translation>El dominio del destinatario publica una política (MTA-STS o DANE) que exige que su correo viaje cifrado hacia servidores con un certificado válido, y su servidor no la cumple: sin TLS, con un certificado caducado o que no coincide, o con registros que no concuerdan. Su lado está bien. Avise al equipo de TI del destinatario con el texto del error; deben corregir su certificado o su política.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server failed the encryption checks its own domain asks for (MTA-STS or DANE).</source>
        <translation>El servidor del destinatario no superó las comprobaciones de cifrado que exige su propio dominio (MTA-STS o DANE).</translation>
    </message>
    <message>
        <source>The receiving server refused to take the message before the connection was encrypted with STARTTLS. Nothing is wrong with the address or the message, and no blocklist is involved. Whoever runs your mail server must turn on TLS (STARTTLS) for outgoing mail; if it is on, check that the server&apos;s TLS library and certificates are up to date.</source>
        <translation>El servidor receptor se negó a aceptar el mensaje antes de que la conexión se cifrara con STARTTLS. No hay ningún problema con la dirección ni con el mensaje, y no interviene ninguna lista de bloqueo. Quien gestione su servidor de correo debe activar TLS (STARTTLS) para el correo saliente; si ya está activado, compruebe que la biblioteca TLS y los certificados del servidor están actualizados.</translation>
    </message>
    <message>
        <source>The receiving server only accepts mail over an encrypted (TLS) connection, and your server did not use one.</source>
        <translation>El servidor receptor solo acepta correo por una conexión cifrada (TLS), y su servidor no la usó.</translation>
    </message>
    <message>
        <source>The address is a group, mailbox or public folder that its Microsoft 365 administrators set to refuse mail from outside their organisation or from senders not on its list. Nothing is wrong with your set-up; ask the recipient&apos;s IT to allow your address, or write to a person there directly.</source>
        <translation>La dirección es un grupo, buzón o carpeta pública que sus administradores de Microsoft 365 configuraron para rechazar el correo de fuera de su organización o de remitentes que no están en su lista. Su configuración no tiene ningún problema; pida al equipo de TI del destinatario que permita su dirección o escriba directamente a una persona de allí.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail for this address from its own or approved senders.</source>
        <translation>La organización del destinatario solo acepta correo para esta dirección de sus propios remitentes o de remitentes aprobados.</translation>
    </message>
    <message>
        <source>The mail server refused to pass the message on because whatever sent it did not log in (SMTP authentication). This is common with copiers, scanners, web shops and forms set to use the organisation&apos;s mail server without a user name and password. In the device&apos;s mail settings, turn on SMTP authentication with a mailbox&apos;s user name and password (or an app password), use port 587 with STARTTLS (or 465 with SSL/TLS), and send from that mailbox&apos;s address.</source>
        <translation>El servidor de correo se negó a reenviar el mensaje porque lo que lo envió no inició sesión (autenticación SMTP). Es habitual en fotocopiadoras, escáneres, tiendas web y formularios configurados para usar el servidor de correo de la organización sin nombre de usuario ni contraseña. En la configuración de correo del dispositivo, active la autenticación SMTP con el nombre de usuario y la contraseña de un buzón (o una contraseña de aplicación), use el puerto 587 con STARTTLS (o el 465 con SSL/TLS) y envíe desde la dirección de ese buzón.</translation>
    </message>
    <message>
        <source>Your device or program must sign in to the mail server before it may send.</source>
        <translation>Su dispositivo o programa debe iniciar sesión en el servidor de correo antes de poder enviar.</translation>
    </message>
</context>
<context>
    <name>ReportTr</name>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>sin hacer</translation>
    </message>
    <message>
        <source>Refused, not retried</source>
        <translation>Rechazado, sin reintento</translation>
    </message>
    <message>
        <source>Delayed, still trying</source>
        <translation>Retrasado, se sigue intentando</translation>
    </message>
    <message>
        <source>Not a failure</source>
        <translation>No es un fallo</translation>
    </message>
    <message>
        <source>Nobody: nothing failed</source>
        <translation>Nadie: nada ha fallado</translation>
    </message>
    <message>
        <source>Nobody yet: your mail server is still trying</source>
        <translation>Nadie por ahora: su servidor de correo sigue intentándolo</translation>
    </message>
    <message>
        <source>Address does not exist</source>
        <translation>La dirección no existe</translation>
    </message>
    <message>
        <source>Domain does not exist</source>
        <translation>El dominio no existe</translation>
    </message>
    <message>
        <source>Recipient has moved</source>
        <translation>El destinatario se ha mudado</translation>
    </message>
    <message>
        <source>Mailbox disabled</source>
        <translation>Buzón desactivado</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>Buzón lleno</translation>
    </message>
    <message>
        <source>Message too large</source>
        <translation>Mensaje demasiado grande</translation>
    </message>
    <message>
        <source>Relaying refused</source>
        <translation>Retransmisión rechazada</translation>
    </message>
    <message>
        <source>Sender authentication failed</source>
        <translation>Falló la autenticación del remitente</translation>
    </message>
    <message>
        <source>Poor sender reputation</source>
        <translation>Mala reputación del remitente</translation>
    </message>
    <message>
        <source>No reverse DNS for the sender</source>
        <translation>Sin DNS inverso para el remitente</translation>
    </message>
    <message>
        <source>Message breaks the standard</source>
        <translation>El mensaje incumple el estándar</translation>
    </message>
    <message>
        <source>Encryption (TLS) failed</source>
        <translation>Falló el cifrado (TLS)</translation>
    </message>
    <message>
        <source>Filtered by the recipient</source>
        <translation>Filtrado por el destinatario</translation>
    </message>
    <message>
        <source>Sender address refused</source>
        <translation>Dirección del remitente rechazada</translation>
    </message>
    <message>
        <source>Judged as spam</source>
        <translation>Considerado spam</translation>
    </message>
    <message>
        <source>Malware suspected</source>
        <translation>Sospecha de malware</translation>
    </message>
    <message>
        <source>Against the recipient&apos;s policy</source>
        <translation>Contra la política del destinatario</translation>
    </message>
    <message>
        <source>Security check failed</source>
        <translation>Falló la comprobación de seguridad</translation>
    </message>
    <message>
        <source>Sending too fast</source>
        <translation>Envío demasiado rápido</translation>
    </message>
    <message>
        <source>Sender blocked</source>
        <translation>Remitente bloqueado</translation>
    </message>
    <message>
        <source>Gave up after retrying</source>
        <translation>Abandonado tras reintentar</translation>
    </message>
    <message>
        <source>Network problem</source>
        <translation>Problema de red</translation>
    </message>
    <message>
        <source>Receiving server error</source>
        <translation>Error del servidor receptor</translation>
    </message>
    <message>
        <source>Receiving server full</source>
        <translation>Servidor receptor lleno</translation>
    </message>
    <message>
        <source>Domain accepts no mail</source>
        <translation>El dominio no acepta correo</translation>
    </message>
    <message>
        <source>Recipient&apos;s mail program failed</source>
        <translation>Falló el programa de correo del destinatario</translation>
    </message>
    <message>
        <source>Mail protocol error</source>
        <translation>Error del protocolo de correo</translation>
    </message>
    <message>
        <source>Content refused</source>
        <translation>Contenido rechazado</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>Respuesta automática</translation>
    </message>
    <message>
        <source>Spam complaint</source>
        <translation>Queja por spam</translation>
    </message>
    <message>
        <source>On a suppression list</source>
        <translation>En una lista de supresión</translation>
    </message>
    <message>
        <source>approved senders only</source>
        <translation>solo remitentes aprobados</translation>
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
        <translation>sin iniciar sesión</translation>
    </message>
    <message>
        <source>IP on a blocklist</source>
        <translation>IP en una lista de bloqueo</translation>
    </message>
    <message>
        <source>rate limit</source>
        <translation>límite de envío</translation>
    </message>
    <message>
        <source>reverse DNS</source>
        <translation>DNS inverso</translation>
    </message>
    <message>
        <source>relaying</source>
        <translation>retransmisión</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>cuenta desactivada</translation>
    </message>
    <message>
        <source>reputation</source>
        <translation>reputación</translation>
    </message>
    <message>
        <source>suppression list</source>
        <translation>lista de supresión</translation>
    </message>
    <message>
        <source>recipient policy</source>
        <translation>política del destinatario</translation>
    </message>
    <message>
        <source>restricted recipient</source>
        <translation>destinatario restringido</translation>
    </message>
    <message>
        <source>unsubscribe request</source>
        <translation>solicitud de baja</translation>
    </message>
    <message>
        <source>unknown to the recipient&apos;s directory</source>
        <translation>desconocido en el directorio del destinatario</translation>
    </message>
    <message>
        <source>Delayed, still being retried</source>
        <translation>Retrasado, se sigue reintentando</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>No se pudo comprobar</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de pasos</translation>
    </message>
    <message>
        <source>no check run</source>
        <translation>sin comprobación</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT</source>
        <translation>Mensaje al departamento de TI del destinatario</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Para: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>Lista de pasos:</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT:</source>
        <translation>Mensaje al departamento de TI del destinatario:</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>Permanente</translation>
    </message>
    <message>
        <source>Who must act</source>
        <translation>Quién debe actuar</translation>
    </message>
    <message>
        <source>Start with</source>
        <translation>Primer paso</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation>Servidor remoto</translation>
    </message>
    <message>
        <source>Reporting server</source>
        <translation>Servidor que informa</translation>
    </message>
    <message>
        <source>Sending IP</source>
        <translation>IP de envío</translation>
    </message>
    <message>
        <source>Blocklist named</source>
        <translation>Lista de bloqueo mencionada</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Suggested address</source>
        <translation>Dirección sugerida</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>Temporal</translation>
    </message>
    <message>
        <source>You (the sender)</source>
        <translation>Usted (el remitente)</translation>
    </message>
    <message>
        <source>Your email administrator or provider</source>
        <translation>Su administrador o proveedor de correo</translation>
    </message>
    <message>
        <source>The recipient</source>
        <translation>El destinatario</translation>
    </message>
    <message>
        <source>The recipient&apos;s IT</source>
        <translation>El equipo de TI del destinatario</translation>
    </message>
    <message>
        <source>Not clear from the bounce</source>
        <translation>No se deduce del rebote</translation>
    </message>
    <message>
        <source>Bounce diagnosis</source>
        <translation>Diagnóstico del rebote</translation>
    </message>
    <message>
        <source>Bounce:</source>
        <translation>Rebote:</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>The server&apos;s exact words:</source>
        <translation>Las palabras exactas del servidor:</translation>
    </message>
    <message>
        <source>Bounce for %1</source>
        <translation>Rebote para %1</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Respuesta del servidor</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(oculto)</translation>
    </message>
    <message>
        <source>device or program not signed in</source>
        <translation>dispositivo o programa sin iniciar sesión</translation>
    </message>
</context>
<context>
    <name>ResolverProbeTr</name>
    <message>
        <source>Run the check on another network (not a hotel, café or guest network), turn off a VPN or filtering service, or give the DNS server of your internet provider in Settings (on the command line: --dns-server).</source>
        <translation>Haga la comprobación desde otra red (no la de un hotel, una cafetería o una red de invitados), desactive la VPN o el servicio de filtrado, o indique el servidor DNS de su proveedor de internet en Configuración (en la línea de comandos: --dns-server).</translation>
    </message>
    <message>
        <source>your DNS server answers every name with the same address (%1), even names that do not exist</source>
        <translation>su servidor DNS responde a todos los nombres con la misma dirección (%1), incluso a nombres que no existen</translation>
    </message>
    <message>
        <source>your DNS server gives an address (%1) to names that do not exist, such as %2</source>
        <translation>su servidor DNS da una dirección (%1) a nombres que no existen, como %2</translation>
    </message>
    <message>
        <source>your DNS server says that %1, a name that certainly exists, does not exist: it answers &quot;no such name&quot; to everything</source>
        <translation>su servidor DNS dice que %1, un nombre que sin duda existe, no existe: responde «no existe ese nombre» a todo</translation>
    </message>
    <message>
        <source>your DNS server did not answer for %1, a name that certainly exists (%2), so its &quot;does not exist&quot; answers cannot be trusted</source>
        <translation>su servidor DNS no respondió para %1, un nombre que sin duda existe (%2), así que no se puede confiar en sus respuestas de «no existe»</translation>
    </message>
    <message>
        <source>your DNS server</source>
        <translation>su servidor DNS</translation>
    </message>
    <message>
        <source>The DNS checks cannot be trusted: %1.</source>
        <translation>No se puede confiar en las comprobaciones DNS: %1.</translation>
    </message>
    <message>
        <source>Some DNS checks cannot be trusted: %1.</source>
        <translation>No se puede confiar en algunas comprobaciones DNS: %1.</translation>
    </message>
    <message>
        <source>Every DNS result of this check is shown as &quot;could not check&quot;: what this server says about your domain, your IP address or blocklists says nothing either way.</source>
        <translation>Todos los resultados DNS de esta comprobación se muestran como «no se pudo comprobar»: lo que este servidor dice de su dominio, su dirección IP o las listas de bloqueo no demuestra nada en ningún sentido.</translation>
    </message>
    <message>
        <source>Results that say a domain, a record or a listing does not exist are shown as &quot;could not check&quot;.</source>
        <translation>Los resultados que dicen que un dominio, un registro o una inclusión en lista no existe se muestran como «no se pudo comprobar».</translation>
    </message>
    <message>
        <source>this</source>
        <translation>esto</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>No se pudo comprobar %1: %2.</translation>
    </message>
</context>
<context>
    <name>SpfLint</name>
    <message numerus="yes">
        <source>%n name(s) in the SPF record do not exist or have no address.</source>
        <translation>
            <numerusform>%n nombre del registro SPF no existe o no tiene dirección.</numerusform>
            <numerusform>%n nombres del registro SPF no existen o no tienen dirección.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpfLintTr</name>
    <message>
        <source>The domain publishes no SPF record, so receivers cannot tell which servers may send its mail.</source>
        <translation>El dominio no publica ningún registro SPF, por lo que los servidores receptores no pueden saber qué servidores pueden enviar su correo.</translation>
    </message>
    <message>
        <source>The domain publishes %1 SPF records; there must be exactly one, otherwise every check ends in an error (permerror). Merge them.</source>
        <translation>El dominio publica %1 registros SPF; debe haber exactamente uno o, de lo contrario, todas las comprobaciones terminan en error (permerror). Combínelos en uno.</translation>
    </message>
    <message>
        <source>A piece of the TXT record is longer than 255 characters; split it into several quoted strings.</source>
        <translation>Un fragmento del registro TXT tiene más de 255 caracteres; divídalo en varias cadenas entre comillas.</translation>
    </message>
    <message>
        <source>The SPF record is %1 characters long; above 450 the DNS answer may not fit in one UDP packet. Shorten it or move parts into includes.</source>
        <translation>El registro SPF tiene %1 caracteres; por encima de 450, es posible que la respuesta DNS no quepa en un único paquete UDP. Acórtelo o traslade partes a includes.</translation>
    </message>
    <message>
        <source>The SPF record has a syntax error: %1. Receivers treat the whole record as broken (permerror).</source>
        <translation>El registro SPF tiene un error de sintaxis: %1. Los servidores receptores consideran defectuoso todo el registro (permerror).</translation>
    </message>
    <message>
        <source>The record ends in &quot;+all&quot;: it allows every server on the internet to send as this domain. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>El registro termina en &quot;+all&quot;: permite que cualquier servidor de internet envíe correo en nombre de este dominio. Use &quot;~all&quot; o &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>The record ends in &quot;?all&quot;: it says nothing about other servers, which gives little protection. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>El registro termina en &quot;?all&quot;: no dice nada sobre los demás servidores, lo que ofrece poca protección. Use &quot;~all&quot; o &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>The record uses &quot;ptr&quot;, which is slow, unreliable and discouraged by RFC 7208; list the addresses instead.</source>
        <translation>El registro usa &quot;ptr&quot;, que es lento, poco fiable y desaconsejado por el RFC 7208; indique las direcciones en su lugar.</translation>
    </message>
    <message>
        <source>The record itself has %1 terms that need DNS lookups; more than 10 makes every check fail (permerror).</source>
        <translation>El propio registro tiene %1 términos que requieren consultas DNS; con más de 10, todas las comprobaciones fallan (permerror).</translation>
    </message>
    <message>
        <source>The record has no final &quot;all&quot; (nor redirect=), so servers not listed get &quot;neutral&quot;. End it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>El registro no tiene un &quot;all&quot; final (ni redirect=), por lo que los servidores que no figuran en él obtienen &quot;neutral&quot;. Termínelo con &quot;~all&quot; o &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>Counting its includes, the SPF record needs more than 10 DNS lookups, so receivers give up with an error (permerror). Remove includes you no longer use or flatten them.</source>
        <translation>Contando sus includes, el registro SPF necesita más de 10 consultas DNS, por lo que los servidores receptores abandonan con un error (permerror). Elimine los includes que ya no use o aplánelos.</translation>
    </message>
    <message>
        <source>More than 2 names in the SPF record do not exist or have no address, so receivers give up with an error (permerror).</source>
        <translation>Más de 2 nombres del registro SPF no existen o no tienen dirección, por lo que los servidores receptores abandonan con un error (permerror).</translation>
    </message>
    <message>
        <source>The SPF record includes itself through a loop: %1.</source>
        <translation>El registro SPF se incluye a sí mismo en un bucle: %1.</translation>
    </message>
    <message>
        <source>An include points to a domain without an SPF record: %1.</source>
        <translation>Un include apunta a un dominio sin registro SPF: %1.</translation>
    </message>
    <message>
        <source>A record reached through an include is broken: %1.</source>
        <translation>Un registro al que se llega a través de un include es defectuoso: %1.</translation>
    </message>
</context>
<context>
    <name>SpfRecordTr</name>
    <message>
        <source>character not allowed in a macro string</source>
        <translation>carácter no permitido en una cadena de macro</translation>
    </message>
    <message>
        <source>a lone &apos;%&apos; at the end</source>
        <translation>un &apos;%&apos; suelto al final</translation>
    </message>
    <message>
        <source>&apos;%&apos; must be followed by &apos;{&apos;, &apos;%&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>&apos;%&apos; debe ir seguido de &apos;{&apos;, &apos;%&apos;, &apos;_&apos; o &apos;-&apos;</translation>
    </message>
    <message>
        <source>a macro &apos;%{&apos; is not closed</source>
        <translation>una macro &apos;%{&apos; no está cerrada</translation>
    </message>
    <message>
        <source>a macro needs a letter</source>
        <translation>una macro necesita una letra</translation>
    </message>
    <message>
        <source>unknown macro delimiter</source>
        <translation>delimitador de macro desconocido</translation>
    </message>
    <message>
        <source>a macro keeps zero labels</source>
        <translation>una macro conserva cero etiquetas</translation>
    </message>
    <message>
        <source>bad IPv6 prefix length</source>
        <translation>longitud de prefijo IPv6 no válida</translation>
    </message>
    <message>
        <source>bad IPv4 prefix length</source>
        <translation>longitud de prefijo IPv4 no válida</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>dominio vacío</translation>
    </message>
    <message>
        <source>macro letter not allowed in a domain</source>
        <translation>letra de macro no permitida en un dominio</translation>
    </message>
    <message>
        <source>the domain does not end in a valid top-level label</source>
        <translation>el dominio no termina en una etiqueta de primer nivel válida</translation>
    </message>
    <message>
        <source>the record contains a character that is not printable ASCII</source>
        <translation>el registro contiene un carácter que no es ASCII imprimible</translation>
    </message>
    <message>
        <source>the record does not start with &quot;v=spf1&quot;</source>
        <translation>el registro no empieza por &quot;v=spf1&quot;</translation>
    </message>
    <message>
        <source>the modifier &quot;%1&quot; appears more than once</source>
        <translation>el modificador &quot;%1&quot; aparece más de una vez</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>unknown macro letter &apos;%1&apos;</source>
        <translation>letra de macro desconocida &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&quot;all&quot; takes no argument</source>
        <translation>&quot;all&quot; no admite argumentos</translation>
    </message>
    <message>
        <source>a domain is required after &apos;:&apos;</source>
        <translation>se necesita un dominio después de &apos;:&apos;</translation>
    </message>
    <message>
        <source>unexpected text after the mechanism</source>
        <translation>texto inesperado después del mecanismo</translation>
    </message>
    <message>
        <source>an IPv4 address is required</source>
        <translation>se necesita una dirección IPv4</translation>
    </message>
    <message>
        <source>not a valid IPv4 address</source>
        <translation>no es una dirección IPv4 válida</translation>
    </message>
    <message>
        <source>an IPv6 address is required</source>
        <translation>se necesita una dirección IPv6</translation>
    </message>
    <message>
        <source>not a valid IPv6 address</source>
        <translation>no es una dirección IPv6 válida</translation>
    </message>
    <message>
        <source>unknown mechanism</source>
        <translation>mecanismo desconocido</translation>
    </message>
    <message>
        <source>the %{%1} macro would expand to %2 characters, longer than any address or domain</source>
        <translation>la macro %{%1} se expandiría a %2 caracteres, más que cualquier dirección o dominio</translation>
    </message>
</context>
<context>
    <name>StepAdviceTr</name>
    <message>
        <source>The server accepts messages up to %1, attachments included.</source>
        <translation>El servidor acepta mensajes de hasta %1, adjuntos incluidos.</translation>
    </message>
    <message>
        <source>The server does not say its limit; many accept 10 to 25 MB, attachments included.</source>
        <translation>El servidor no indica su límite; muchos aceptan de 10 a 25 MB, adjuntos incluidos.</translation>
    </message>
    <message>
        <source>Then send the changed message again to the same address.</source>
        <translation>Después envíe de nuevo el mensaje modificado a la misma dirección.</translation>
    </message>
    <message>
        <source>The message was passed on to a system that sends no further reports. Nothing failed.</source>
        <translation>El mensaje se entregó a un sistema que no envía más informes. Nada ha fallado.</translation>
    </message>
    <message>
        <source>This is a delivery report: the message reached the recipient&apos;s server. Nothing failed.</source>
        <translation>Es un informe de entrega: el mensaje llegó al servidor del destinatario. Nada ha fallado.</translation>
    </message>
    <message>
        <source>Keep this notice if you need proof of delivery.</source>
        <translation>Guarde este aviso si necesita una prueba de entrega.</translation>
    </message>
    <message>
        <source>Verify the recipient address</source>
        <translation>Verificar la dirección del destinatario</translation>
    </message>
    <message>
        <source>Check blocklists</source>
        <translation>Comprobar las listas de bloqueo</translation>
    </message>
    <message>
        <source>Check SPF, DKIM and DMARC</source>
        <translation>Comprobar SPF, DKIM y DMARC</translation>
    </message>
    <message>
        <source>Contact the recipient&apos;s IT</source>
        <translation>Contactar con el equipo de TI del destinatario</translation>
    </message>
    <message>
        <source>Fix the sending set-up</source>
        <translation>Corregir la configuración de envío</translation>
    </message>
    <message>
        <source>Review the message content</source>
        <translation>Revisar el contenido del mensaje</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Esperar</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>No hay que hacer nada</translation>
    </message>
    <message>
        <source>A typing mistake or an address that no longer exists is the most common cause of a bounce. Check the spelling letter by letter, and that the domain after the @ is right.</source>
        <translation>Un error de escritura o una dirección que ya no existe es la causa más frecuente de un rebote. Revise la dirección letra por letra y compruebe que el dominio que va después de la @ es correcto.</translation>
    </message>
    <message>
        <source>Receiving servers refuse mail from IP addresses and domains on public blocklists. If your sending IP is listed, fix the cause (often a hacked account or a spam complaint), then ask the list to remove it.</source>
        <translation>Los servidores receptores rechazan el correo de direcciones IP y dominios que figuran en listas de bloqueo públicas. Si su IP de envío aparece en una, corrija la causa (a menudo una cuenta pirateada o una queja por spam) y después pida a la lista que la retire.</translation>
    </message>
    <message>
        <source>These DNS records prove that your server may send for your domain. Large providers reject or junk mail that fails them.</source>
        <translation>Estos registros DNS demuestran que su servidor puede enviar correo en nombre de su dominio. Los grandes proveedores rechazan o envían a spam el correo que no los supera.</translation>
    </message>
    <message>
        <source>When the receiving side refuses you, only its administrators can change that. This message gives them what they need.</source>
        <translation>Cuando el lado receptor le rechaza, solo sus administradores pueden cambiarlo. Este mensaje les da la información que necesitan.</translation>
    </message>
    <message>
        <source>The message is late, not lost. Usually there is nothing to do but wait.</source>
        <translation>El mensaje va con retraso, no se ha perdido. Normalmente solo hay que esperar.</translation>
    </message>
    <message>
        <source>The problem is temporary. Usually it is enough to wait and send again.</source>
        <translation>El problema es temporal. Normalmente basta con esperar y volver a enviar.</translation>
    </message>
    <message>
        <source>Nothing failed: this notice is for your information.</source>
        <translation>Nada ha fallado: este aviso es solo informativo.</translation>
    </message>
    <message>
        <source>Make the mail program or device (a copier, scanner or web form, for example) sign in to its outgoing (SMTP) server: turn on &quot;My outgoing server requires authentication&quot; (or &quot;SMTP authentication&quot;) and enter the mailbox&apos;s user name and password.</source>
        <translation>Haga que el programa de correo o el dispositivo (una fotocopiadora, un escáner o un formulario web, por ejemplo) inicie sesión en su servidor de salida (SMTP): active «Mi servidor de salida requiere autenticación» (o «Autenticación SMTP») e introduzca el nombre de usuario y la contraseña del buzón.</translation>
    </message>
    <message>
        <source>Send through the submission port: 587 with STARTTLS, or 465 with SSL/TLS. Port 25 is for servers and often refuses devices.</source>
        <translation>Envíe por el puerto de envío (submission): 587 con STARTTLS, o 465 con SSL/TLS. El puerto 25 es para servidores y a menudo rechaza dispositivos.</translation>
    </message>
    <message>
        <source>With Microsoft 365 or Google, the account may need SMTP sign-in (SMTP AUTH) turned on, or an app password when two-step sign-in is on.</source>
        <translation>Con Microsoft 365 o Google, puede que la cuenta necesite tener activado el inicio de sesión SMTP (SMTP AUTH), o una contraseña de aplicación si la verificación en dos pasos está activada.</translation>
    </message>
    <message>
        <source>A server passes mail on only for senders it knows. Check the outgoing server name in the settings, and that the sender address is one of your own domain&apos;s.</source>
        <translation>Un servidor solo reenvía correo de los remitentes que conoce. Compruebe el nombre del servidor de salida en la configuración y que la dirección del remitente sea de su propio dominio.</translation>
    </message>
    <message>
        <source>Check the encryption setting: STARTTLS on port 587, or SSL/TLS on port 465. Most servers refuse &quot;None&quot;.</source>
        <translation>Compruebe la opción de cifrado: STARTTLS en el puerto 587, o SSL/TLS en el puerto 465. La mayoría de los servidores rechazan «Ninguno».</translation>
    </message>
    <message>
        <source>Old devices and programs may speak only TLS 1.0 or 1.1, which servers now refuse: update the firmware or program, or send through a relay that speaks TLS 1.2 or newer.</source>
        <translation>Los dispositivos y programas antiguos pueden hablar solo TLS 1.0 o 1.1, que los servidores ya rechazan: actualice el firmware o el programa, o envíe a través de un relay que hable TLS 1.2 o posterior.</translation>
    </message>
    <message>
        <source>For a certificate error, check that the server name in the settings matches the server&apos;s certificate (a name such as smtp.example.com, not an IP address) and that the device&apos;s date and time are right.</source>
        <translation>Si hay un error de certificado, compruebe que el nombre del servidor en la configuración coincide con el certificado del servidor (un nombre como smtp.example.com, no una dirección IP) y que la fecha y la hora del dispositivo son correctas.</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address. Check that the From address, and the return address your server uses, is a real address of a domain that exists.</source>
        <translation>El servidor receptor rechazó su dirección de remitente. Compruebe que la dirección From, y la dirección de retorno que usa su servidor, sean direcciones reales de un dominio que existe.</translation>
    </message>
    <message>
        <source>The receiving server did not understand what your mail program or server sent. Update the program, the device&apos;s firmware or the server, and undo custom SMTP settings.</source>
        <translation>El servidor receptor no entendió lo que envió su programa o servidor de correo. Actualice el programa, el firmware del dispositivo o el servidor, y deshaga los ajustes SMTP personalizados.</translation>
    </message>
    <message>
        <source>If you do not manage the sending program or server, send these steps and the server&apos;s words to whoever does. Then send a test message.</source>
        <translation>Si no es usted quien gestiona el programa o el servidor de envío, envíe estos pasos y las palabras del servidor a quien lo haga. Después, envíe un mensaje de prueba.</translation>
    </message>
    <message>
        <source>Attachments grow by about a third when sent. Share large files through a link, compress them, or send them in several messages.</source>
        <translation>Los adjuntos crecen aproximadamente un tercio al enviarse. Comparta los archivos grandes mediante un enlace, comprímalos o envíelos en varios mensajes.</translation>
    </message>
    <message>
        <source>Links: remove shortened links and links whose text shows another address than they go to; check the linked sites are not on blocklists.</source>
        <translation>Enlaces: quite los enlaces acortados y los enlaces cuyo texto muestra una dirección distinta de aquella a la que llevan; compruebe que los sitios enlazados no estén en listas de bloqueo.</translation>
    </message>
    <message>
        <source>Attachments: archives, Office files with macros and programs are often refused; send a PDF or a link instead.</source>
        <translation>Adjuntos: los archivos comprimidos, los archivos de Office con macros y los programas se rechazan a menudo; envíe un PDF o un enlace en su lugar.</translation>
    </message>
    <message>
        <source>Wording: capitals, many exclamation marks, &quot;free&quot;, &quot;urgent&quot; or a single large image with little text look like spam.</source>
        <translation>Redacción: las mayúsculas, muchos signos de exclamación, «gratis», «urgente» o una sola imagen grande con poco texto parecen spam.</translation>
    </message>
    <message>
        <source>The server found or suspects malware in an attachment. Scan the file, and send it as a link or in another format; password-protected archives and programs are refused by most servers.</source>
        <translation>El servidor encontró o sospecha que hay malware en un adjunto. Analice el archivo y envíelo como enlace o en otro formato; la mayoría de los servidores rechazan los archivos comprimidos protegidos con contraseña y los programas.</translation>
    </message>
    <message>
        <source>The message breaks the email standard (RFC 5322): a missing or doubled header such as Date, From or Message-ID, overlong lines or bad encoding. The program that built it must be fixed; send from an ordinary mail program to compare.</source>
        <translation>El mensaje incumple el estándar de correo (RFC 5322): falta o está duplicado un encabezado como Date, From o Message-ID, hay líneas demasiado largas o una codificación incorrecta. Hay que corregir el programa que lo generó; envíelo desde un programa de correo normal para comparar.</translation>
    </message>
    <message>
        <source>The recipient marked your message as spam. Stop sending them this kind of message unless they asked for it, and make unsubscribing easy.</source>
        <translation>El destinatario marcó su mensaje como spam. Deje de enviarle este tipo de mensajes salvo que los haya pedido, y facilite darse de baja.</translation>
    </message>
    <message>
        <source>Compare the message with the server&apos;s words: its size, its attachments, its links and its wording.</source>
        <translation>Compare el mensaje con las palabras del servidor: su tamaño, sus adjuntos, sus enlaces y su redacción.</translation>
    </message>
    <message>
        <source>This is a delay notice, not a failure: your mail server is still trying and retries by itself, usually for up to four or five days. Do not send the message again.</source>
        <translation>Es un aviso de retraso, no un fallo: su servidor de correo sigue intentándolo y lo reintenta por sí solo, normalmente durante cuatro o cinco días. No vuelva a enviar el mensaje.</translation>
    </message>
    <message>
        <source>Your mail server retried for its whole retry period and has given up: the message was not delivered. Send it again later.</source>
        <translation>Su servidor de correo lo reintentó durante todo su plazo de reintentos y se ha rendido: el mensaje no se entregó. Vuelva a enviarlo más tarde.</translation>
    </message>
    <message>
        <source>The receiving server asked to try again later. Your mail server retries by itself for a while; as this notice says it failed, send the message again in an hour or two.</source>
        <translation>El servidor receptor pidió que se volviera a intentar más tarde. Su servidor de correo lo reintenta por sí solo durante un tiempo; como este aviso indica que falló, vuelva a enviar el mensaje dentro de una o dos horas.</translation>
    </message>
    <message>
        <source>The server refuses you for sending too much, too fast: send fewer messages per hour (split large mailings) and wait at least an hour.</source>
        <translation>El servidor le rechaza por enviar demasiado y demasiado rápido: envíe menos mensajes por hora (divida los envíos grandes) y espere al menos una hora.</translation>
    </message>
    <message>
        <source>Worry when the same error comes back after a day, or a final failure notice arrives: then the receiving side has a lasting problem and its IT must look at it.</source>
        <translation>Preocúpese si el mismo error vuelve al cabo de un día o llega un aviso de fallo definitivo: entonces el lado receptor tiene un problema duradero y su equipo de TI debe revisarlo.</translation>
    </message>
    <message>
        <source>This is an automatic reply (out of office or similar): your message was delivered. Read it for the date they are back or for another contact.</source>
        <translation>Es una respuesta automática (fuera de la oficina o similar): su mensaje se entregó. Léala para saber cuándo vuelve la persona o a quién más contactar.</translation>
    </message>
    <message>
        <source>The refusal is about how your message is sent, not about the recipient: a setting in your mail program, device or server must change. Sending again unchanged fails the same way.</source>
        <translation>El rechazo se debe a cómo se envía su mensaje, no al destinatario: hay que cambiar un ajuste de su programa de correo, dispositivo o servidor. Si lo vuelve a enviar sin cambios, fallará igual.</translation>
    </message>
    <message>
        <source>The receiving server refused what the message contains. Change the message, not the address.</source>
        <translation>El servidor receptor rechazó lo que contiene el mensaje. Cambie el mensaje, no la dirección.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explains why an email bounced.</source>
        <translation>Explica por qué ha rebotado un correo electrónico.</translation>
    </message>
    <message>
        <source>Bounces to open (.eml, mbox, folder).</source>
        <translation>Rebotes que abrir (.eml, mbox, carpeta).</translation>
    </message>
</context>
</TS>
