<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AddressCheckTr</name>
    <message>
        <source>nothing before the @</source>
        <translation>rien avant le @</translation>
    </message>
    <message>
        <source>the part before the @ is longer than 64 characters</source>
        <translation>la partie avant le @ dépasse 64 caractères</translation>
    </message>
    <message>
        <source>a quoted name before the @ is not closed</source>
        <translation>un nom entre guillemets avant le @ n&apos;a pas de guillemet fermant</translation>
    </message>
    <message>
        <source>the quoted name before the @ has a character that must be escaped</source>
        <translation>le nom entre guillemets avant le @ contient un caractère qui doit être échappé</translation>
    </message>
    <message>
        <source>dots before the @ may not be first, last or doubled</source>
        <translation>avant le @, un point ne peut être ni au début, ni à la fin, ni doublé</translation>
    </message>
    <message>
        <source>the character &apos;%1&apos; is not allowed before the @ (unless quoted)</source>
        <translation>le caractère «&#xa0;%1&#xa0;» n&apos;est pas autorisé avant le @ (sauf entre guillemets)</translation>
    </message>
    <message>
        <source>nothing after the @</source>
        <translation>rien après le @</translation>
    </message>
    <message>
        <source>the address literal after the @ is not an IP address</source>
        <translation>l&apos;adresse littérale après le @ n&apos;est pas une adresse IP</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; is not a valid international domain name</source>
        <translation>le domaine «&#xa0;%1&#xa0;» n&apos;est pas un nom de domaine international valide</translation>
    </message>
    <message>
        <source>the domain is longer than 253 characters</source>
        <translation>le domaine dépasse 253 caractères</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; has no dot: a mail domain looks like example.com</source>
        <translation>le domaine «&#xa0;%1&#xa0;» ne contient pas de point&#xa0;: un domaine de messagerie ressemble à example.com</translation>
    </message>
    <message>
        <source>the domain part &apos;%1&apos; is not valid (letters, digits and inner hyphens only, at most 63)</source>
        <translation>la partie de domaine «&#xa0;%1&#xa0;» n&apos;est pas valide (uniquement des lettres, des chiffres et des traits d&apos;union non situés aux extrémités, 63 caractères au maximum)</translation>
    </message>
    <message>
        <source>there is no @ in the address</source>
        <translation>l&apos;adresse ne contient pas de @</translation>
    </message>
    <message>
        <source>the address contains a space</source>
        <translation>l&apos;adresse contient un espace</translation>
    </message>
    <message>
        <source>The address &apos;%1&apos; is not valid: %2</source>
        <translation>L&apos;adresse «&#xa0;%1&#xa0;» n&apos;est pas valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>Correct the address and send again.</source>
        <translation>Corrigez l&apos;adresse et renvoyez le message.</translation>
    </message>
    <message>
        <source>The address is written correctly.</source>
        <translation>L&apos;adresse est correctement écrite.</translation>
    </message>
    <message>
        <source>International domain %1 is %2 in DNS</source>
        <translation>Le domaine international %1 s&apos;écrit %2 dans le DNS</translation>
    </message>
    <message>
        <source>Did you mean %1@%2?</source>
        <translation>Vouliez-vous dire %1@%2&#xa0;?</translation>
    </message>
    <message>
        <source>The domain %1 is very close to the common mail domain %2. A typing mistake here is a frequent cause of bounces.</source>
        <translation>Le domaine %1 ressemble beaucoup au domaine de messagerie courant %2. Une faute de frappe à cet endroit est une cause fréquente de non-remise.</translation>
    </message>
    <message>
        <source>The domain %1 does not exist.</source>
        <translation>Le domaine %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>DNS has no such domain, so no mail can reach it. Check the spelling of the part after the @; the domain may also have expired.</source>
        <translation>Ce domaine n&apos;existe pas dans le DNS, aucun e-mail ne peut donc y parvenir. Vérifiez l&apos;orthographe de la partie située après le @&#xa0;; le domaine a peut-être aussi expiré.</translation>
    </message>
    <message>
        <source>the mail servers of %1</source>
        <translation>les serveurs de messagerie de %1</translation>
    </message>
    <message>
        <source>The domain %1 says it accepts no email (null MX).</source>
        <translation>Le domaine %1 indique qu&apos;il n&apos;accepte aucun e-mail (enregistrement «&#xa0;null MX&#xa0;»).</translation>
    </message>
    <message>
        <source>Its owner has published that this domain never receives mail (RFC 7505). The address cannot work; ask the recipient for another one.</source>
        <translation>Son propriétaire a déclaré que ce domaine ne reçoit jamais d&apos;e-mails (RFC 7505). Cette adresse ne peut pas fonctionner&#xa0;; demandez-en une autre au destinataire.</translation>
    </message>
    <message>
        <source>%1 receives mail at %2.</source>
        <translation>%1 reçoit ses e-mails via %2.</translation>
    </message>
    <message>
        <source>%1 hosts this domain&apos;s mail.</source>
        <translation>%1 héberge la messagerie de ce domaine.</translation>
    </message>
    <message>
        <source>Advice and error codes from %1 apply to this recipient.</source>
        <translation>Les conseils et les codes d&apos;erreur propres à %1 s&apos;appliquent à ce destinataire.</translation>
    </message>
    <message>
        <source>All of its mail servers have addresses.</source>
        <translation>Tous ses serveurs de messagerie ont une adresse.</translation>
    </message>
    <message>
        <source>Some of its mail servers have no address.</source>
        <translation>Certains de ses serveurs de messagerie n&apos;ont pas d&apos;adresse.</translation>
    </message>
    <message>
        <source>None of its mail servers has an address, so mail cannot be delivered.</source>
        <translation>Aucun de ses serveurs de messagerie n&apos;a d&apos;adresse&#xa0;: les e-mails ne peuvent donc pas être distribués.</translation>
    </message>
    <message>
        <source>The domain&apos;s MX records point to names that do not resolve. The recipient&apos;s IT must fix their DNS.</source>
        <translation>Les enregistrements MX du domaine pointent vers des noms qui ne se résolvent pas. Le service informatique du destinataire doit corriger son DNS.</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>l&apos;adresse de %1</translation>
    </message>
    <message>
        <source>The domain %1 has no mail server.</source>
        <translation>Le domaine %1 n&apos;a aucun serveur de messagerie.</translation>
    </message>
    <message>
        <source>It has neither MX records nor an address to deliver to, so it cannot receive mail. Check the domain with the recipient.</source>
        <translation>Il n&apos;a ni enregistrement MX ni adresse de distribution&#xa0;: il ne peut donc pas recevoir d&apos;e-mails. Vérifiez le domaine auprès du destinataire.</translation>
    </message>
    <message>
        <source>The domain %1 has no MX record; mail goes to its web address.</source>
        <translation>Le domaine %1 n&apos;a pas d&apos;enregistrement MX&#xa0;; les e-mails sont envoyés à son adresse web.</translation>
    </message>
    <message>
        <source>This works only if that server accepts mail, which is unusual. The recipient&apos;s IT should publish MX records.</source>
        <translation>Cela ne fonctionne que si ce serveur accepte les e-mails, ce qui est rare. Le service informatique du destinataire devrait publier des enregistrements MX.</translation>
    </message>
    <message>
        <source>whether the domain %1 exists</source>
        <translation>si le domaine %1 existe</translation>
    </message>
    <message>
        <source>who hosts the mail of %1</source>
        <translation>qui héberge la messagerie de %1</translation>
    </message>
    <message>
        <source>the addresses of the mail servers of %1</source>
        <translation>les adresses des serveurs de messagerie de %1</translation>
    </message>
</context>
<context>
    <name>BlocklistCheckTr</name>
    <message>
        <source>the answer %1 is not a blocklist code (is your DNS server redirecting unknown names?)</source>
        <translation>la réponse %1 n&apos;est pas un code de liste de blocage (votre serveur DNS redirige-t-il les noms inconnus&#xa0;?)</translation>
    </message>
    <message>
        <source>listed (code %1)</source>
        <translation>listé (code %1)</translation>
    </message>
    <message>
        <source>Nothing to check: the bounce shows no sending IP or domain.</source>
        <translation>Rien à vérifier&#xa0;: le message de non-remise n&apos;indique ni adresse IP d&apos;envoi ni domaine.</translation>
    </message>
    <message>
        <source>Type your sending IP address (ask your email provider if you do not know it) and your domain, then run the check.</source>
        <translation>Saisissez votre adresse IP d&apos;envoi (demandez-la à votre fournisseur de messagerie si vous ne la connaissez pas) et votre domaine, puis lancez la vérification.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IP.</translation>
    </message>
    <message>
        <source>%1 is not on %2.</source>
        <translation>%1 ne figure pas sur %2.</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>Impossible de vérifier %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Spamhaus answers only queries from your own DNS resolver, not public ones such as 1.1.1.1 or 8.8.8.8. Use your own or your provider&apos;s resolver, or enter a free Spamhaus DQS key in Settings.</source>
        <translation>Spamhaus ne répond qu&apos;aux requêtes venant de votre propre résolveur DNS, et non des résolveurs publics comme 1.1.1.1 ou 8.8.8.8. Utilisez votre propre résolveur ou celui de votre fournisseur, ou saisissez une clé Spamhaus DQS gratuite dans les Paramètres.</translation>
    </message>
    <message>
        <source>%1 is listed on %2: %3.</source>
        <translation>%1 figure sur %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Receiving servers that use this list refuse your mail. Fix the cause (a compromised account, a spam complaint, an open relay), then ask for removal on the list&apos;s page.</source>
        <translation>Les serveurs de réception qui utilisent cette liste refusent vos e-mails. Corrigez la cause (compte piraté, plainte pour spam, relais ouvert), puis demandez le retrait de la liste sur sa page web.</translation>
    </message>
    <message>
        <source>the reverse DNS of %1</source>
        <translation>le DNS inverse de %1</translation>
    </message>
    <message>
        <source>%1 has no reverse DNS name (PTR).</source>
        <translation>%1 n&apos;a pas de nom DNS inverse (PTR).</translation>
    </message>
    <message>
        <source>Many receiving servers refuse mail from addresses without one. Ask whoever provides the IP address (hosting or internet provider) to set a PTR record naming your mail server.</source>
        <translation>De nombreux serveurs de réception refusent les e-mails provenant d&apos;adresses qui n&apos;en ont pas. Demandez à celui qui vous fournit l&apos;adresse IP (hébergeur ou fournisseur d&apos;accès à Internet) de créer un enregistrement PTR indiquant le nom de votre serveur de messagerie.</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>l&apos;adresse de %1</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, and it points back (forward-confirmed).</source>
        <translation>Le DNS inverse de %1 est %2, et ce nom renvoie bien vers cette adresse (confirmation dans les deux sens).</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, but that name does not point back to it.</source>
        <translation>Le DNS inverse de %1 est %2, mais ce nom ne renvoie pas vers cette adresse.</translation>
    </message>
    <message>
        <source>Receivers such as Microsoft and Gmail expect the PTR name to resolve to the same IP address. Add an A (or AAAA) record for %1.</source>
        <translation>Les destinataires comme Microsoft et Gmail exigent que le nom PTR se résolve vers la même adresse IP. Ajoutez un enregistrement A (ou AAAA) pour %1.</translation>
    </message>
    <message>
        <source>Could not check %1: your DNS server does not give this list&apos;s answers (%2).</source>
        <translation>Impossible de vérifier %1&#xa0;: votre serveur DNS ne transmet pas les réponses de cette liste (%2).</translation>
    </message>
    <message>
        <source>Ask through your own or your internet provider&apos;s DNS server instead of a public or filtering one, or look the address up on the list&apos;s web page.</source>
        <translation>Interrogez plutôt votre propre serveur DNS ou celui de votre fournisseur d&apos;accès, et non un serveur public ou filtrant, ou recherchez l&apos;adresse sur la page web de la liste.</translation>
    </message>
    <message>
        <source>its test entries got no answer</source>
        <translation>ses entrées de test n&apos;ont reçu aucune réponse</translation>
    </message>
    <message>
        <source>it says %1, which the list never lists, is listed</source>
        <translation>il indique que %1, que la liste ne répertorie jamais, est répertorié</translation>
    </message>
    <message>
        <source>it says %1, which the list always lists, is not listed</source>
        <translation>il indique que %1, que la liste répertorie toujours, n&apos;est pas répertorié</translation>
    </message>
    <message>
        <source>%1 refused the mail from its own block list, which public blocklists do not show. Once the cause is fixed, ask %1 to lift the block on this page.</source>
        <translation>%1 a refusé le message en raison de sa propre liste de blocage, qui n&apos;apparaît pas dans les listes de blocage publiques. Une fois la cause corrigée, demandez à %1 de lever le blocage sur cette page.</translation>
    </message>
    <message>
        <source>How %1 sees the mail from your IP addresses, to find the cause of the block.</source>
        <translation>Comment %1 évalue les e-mails venant de vos adresses IP, pour trouver la cause du blocage.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AresResolver</name>
    <message>
        <source>no answer from the DNS server in time</source>
        <translation>pas de réponse du serveur DNS dans le délai imparti</translation>
    </message>
    <message>
        <source>the DNS server failed to answer (SERVFAIL)</source>
        <translation>le serveur DNS n’a pas pu répondre (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused the query (REFUSED)</source>
        <translation>le serveur DNS a refusé la requête (REFUSED)</translation>
    </message>
    <message>
        <source>could not reach the DNS server (connection refused)</source>
        <translation>impossible de joindre le serveur DNS (connexion refusée)</translation>
    </message>
    <message>
        <source>the DNS server sent an answer that cannot be read</source>
        <translation>le serveur DNS a envoyé une réponse illisible</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AuthenticationCheck</name>
    <message>
        <source>the DNS server did not answer in time</source>
        <translation>le serveur DNS n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>the DNS server reported a failure (SERVFAIL)</source>
        <translation>le serveur DNS a signalé une erreur (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused the question (REFUSED)</source>
        <translation>le serveur DNS a refusé la requête (REFUSED)</translation>
    </message>
    <message>
        <source>there is no network connection</source>
        <translation>aucune connexion réseau</translation>
    </message>
    <message>
        <source>the DNS lookup failed</source>
        <translation>la requête DNS a échoué</translation>
    </message>
    <message>
        <source>SPF could not be checked: the sending domain is not known.</source>
        <translation>Impossible de vérifier SPF&#xa0;: le domaine d&apos;envoi est inconnu.</translation>
    </message>
    <message>
        <source>Type the domain you send from (the part after @ in your address).</source>
        <translation>Saisissez le domaine depuis lequel vous envoyez (la partie située après le @ dans votre adresse).</translation>
    </message>
    <message>
        <source>DKIM could not be checked: the signing domain is not known.</source>
        <translation>Impossible de vérifier DKIM&#xa0;: le domaine de signature est inconnu.</translation>
    </message>
    <message>
        <source>DMARC could not be checked: the From address is not known.</source>
        <translation>Impossible de vérifier DMARC&#xa0;: l&apos;adresse d&apos;expéditeur (From) est inconnue.</translation>
    </message>
    <message>
        <source>Could not check the SPF record of %1: %2.</source>
        <translation>Impossible de vérifier l&apos;enregistrement SPF de %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Try again later or with another DNS server.</source>
        <translation>Réessayez plus tard ou avec un autre serveur DNS.</translation>
    </message>
    <message>
        <source>The SPF record of %1 has a problem.</source>
        <translation>L&apos;enregistrement SPF de %1 présente un problème.</translation>
    </message>
    <message>
        <source>The SPF record of %1 could be better.</source>
        <translation>L&apos;enregistrement SPF de %1 pourrait être amélioré.</translation>
    </message>
    <message>
        <source>%1 publishes a valid SPF record.</source>
        <translation>%1 publie un enregistrement SPF valide.</translation>
    </message>
    <message>
        <source>It lists the servers allowed to send mail for the domain.</source>
        <translation>Il indique les serveurs autorisés à envoyer des e-mails pour le domaine.</translation>
    </message>
    <message>
        <source>SPF was not evaluated: the sending IP address is not known.</source>
        <translation>SPF n&apos;a pas été évalué&#xa0;: l&apos;adresse IP d&apos;envoi est inconnue.</translation>
    </message>
    <message>
        <source>Enter the IP address your mail left from to see whether SPF allows it.</source>
        <translation>Saisissez l&apos;adresse IP depuis laquelle votre e-mail est parti pour savoir si SPF l&apos;autorise.</translation>
    </message>
    <message>
        <source>The SPF setup of %1 has a problem.</source>
        <translation>La configuration SPF de %1 présente un problème.</translation>
    </message>
    <message>
        <source> (through %1)</source>
        <translation> (via %1)</translation>
    </message>
    <message>
        <source>SPF allows %1 to send mail for %2.</source>
        <translation>SPF autorise %1 à envoyer des e-mails pour %2.</translation>
    </message>
    <message>
        <source>The term &quot;%1&quot;%2 matched.</source>
        <translation>Le terme «&#xa0;%1&#xa0;»%2 correspond.</translation>
    </message>
    <message>
        <source>SPF says %1 may not send mail for %2.</source>
        <translation>Selon SPF, %1 n&apos;a pas le droit d&apos;envoyer des e-mails pour %2.</translation>
    </message>
    <message>
        <source>Receivers may reject this mail. Add the server to the SPF record (for example with ip4:%1 or the include your mail provider documents).</source>
        <translation>Les serveurs de réception peuvent rejeter cet e-mail. Ajoutez le serveur à l&apos;enregistrement SPF (par exemple avec ip4:%1 ou avec l&apos;include indiqué par votre fournisseur de messagerie).</translation>
    </message>
    <message>
        <source>The domain explains: &quot;%1&quot;</source>
        <translation>Explication du domaine&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>SPF does not list %1 for %2 (softfail).</source>
        <translation>SPF ne mentionne pas %1 pour %2 (softfail).</translation>
    </message>
    <message>
        <source>Receivers treat such mail with suspicion and often file it as spam. Add the server to the SPF record.</source>
        <translation>Les serveurs de réception se méfient de ces e-mails et les classent souvent en spam. Ajoutez le serveur à l&apos;enregistrement SPF.</translation>
    </message>
    <message>
        <source>SPF neither allows nor forbids %1 for %2 (%3).</source>
        <translation>SPF n&apos;autorise ni n&apos;interdit %1 pour %2 (%3).</translation>
    </message>
    <message>
        <source>Mail from this server gets no help from SPF. Add the server to the record and end it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>SPF n&apos;apporte aucune garantie aux e-mails envoyés par ce serveur. Ajoutez le serveur à l&apos;enregistrement et terminez celui-ci par «&#xa0;~all&#xa0;» ou «&#xa0;-all&#xa0;».</translation>
    </message>
    <message>
        <source>Could not evaluate SPF for %1: %2.</source>
        <translation>Impossible d&apos;évaluer SPF pour %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>A DNS lookup failed on the way; try again later.</source>
        <translation>Une requête DNS a échoué en cours de route&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <source>SPF for %1 ends in an error (permerror): %2.</source>
        <translation>L&apos;évaluation SPF de %1 aboutit à une erreur (permerror)&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Receivers treat a broken SPF setup like a missing one or reject the mail. Fix the record.</source>
        <translation>Les serveurs de réception traitent une configuration SPF défectueuse comme une configuration absente, ou rejettent l&apos;e-mail. Corrigez l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>Could not fetch the DKIM key &quot;%1&quot; of %2: %3.</source>
        <translation>Impossible de récupérer la clé DKIM «&#xa0;%1&#xa0;» de %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>No DKIM key is published for selector &quot;%1&quot; of %2.</source>
        <translation>Aucune clé DKIM n&apos;est publiée pour le sélecteur «&#xa0;%1&#xa0;» de %2.</translation>
    </message>
    <message>
        <source>The mail was signed with this selector, but receivers cannot find the key at %1, so the signature fails. Publish the key your mail provider gives you.</source>
        <translation>Le message a été signé avec ce sélecteur, mais les serveurs de réception ne trouvent pas la clé à l&apos;emplacement %1&#xa0;: la signature échoue donc. Publiez la clé que vous a remise votre fournisseur de messagerie.</translation>
    </message>
    <message>
        <source>Selector &quot;%1&quot; of %2 has %3 key records.</source>
        <translation>Le sélecteur «&#xa0;%1&#xa0;» de %2 a %3 enregistrements de clé.</translation>
    </message>
    <message>
        <source>There must be exactly one; receivers may pick the wrong one. Remove the extra records.</source>
        <translation>Il en faut exactement un&#xa0;; sinon, les serveurs de réception risquent de choisir le mauvais. Supprimez les enregistrements en trop.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is broken: %3.</source>
        <translation>La clé DKIM «&#xa0;%1&#xa0;» de %2 est défectueuse&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Receivers cannot verify signatures made with it. Publish the record exactly as your mail provider gives it.</source>
        <translation>Les serveurs de réception ne peuvent pas vérifier les signatures faites avec cette clé. Publiez l&apos;enregistrement exactement tel que votre fournisseur de messagerie vous le fournit.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 has been revoked (empty p=).</source>
        <translation>La clé DKIM «&#xa0;%1&#xa0;» de %2 a été révoquée (p= vide).</translation>
    </message>
    <message>
        <source>Signatures with this selector always fail. Sign with a current key or publish the key again.</source>
        <translation>Les signatures faites avec ce sélecteur échouent systématiquement. Signez avec une clé en cours de validité ou publiez de nouveau la clé.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is only %3 bits long.</source>
        <translation>La clé DKIM «&#xa0;%1&#xa0;» de %2 ne fait que %3 bits.</translation>
    </message>
    <message>
        <source>Receivers ignore RSA keys under 1024 bits. Generate a 2048-bit key.</source>
        <translation>Les serveurs de réception ignorent les clés RSA de moins de 1024 bits. Générez une clé de 2048 bits.</translation>
    </message>
    <message>
        <source>An RSA key of %1 bits.</source>
        <translation>Une clé RSA de %1 bits.</translation>
    </message>
    <message>
        <source>An %1 key.</source>
        <translation>Une clé %1.</translation>
    </message>
    <message>
        <source>2048 bits is recommended when you next rotate it.</source>
        <translation>Une longueur de 2048 bits est recommandée lors de son prochain renouvellement.</translation>
    </message>
    <message>
        <source>The key is marked as testing (t=y): some receivers treat its signatures as unsigned.</source>
        <translation>La clé est marquée comme clé de test (t=y)&#xa0;: certains serveurs de réception traitent ses signatures comme si le message n&apos;était pas signé.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is published and valid.</source>
        <translation>La clé DKIM «&#xa0;%1&#xa0;» de %2 est publiée et valide.</translation>
    </message>
    <message>
        <source>Could not look for DKIM keys of %1.</source>
        <translation>Impossible de rechercher les clés DKIM de %1.</translation>
    </message>
    <message>
        <source>No DKIM key found for %1 under the usual selectors.</source>
        <translation>Aucune clé DKIM trouvée pour %1 avec les sélecteurs habituels.</translation>
    </message>
    <message>
        <source>The selector is not known. Look at the DKIM-Signature header of a message you sent (s=) and check that selector, or ask your mail provider to turn on DKIM signing.</source>
        <translation>Le sélecteur est inconnu. Regardez l&apos;en-tête DKIM-Signature d&apos;un message que vous avez envoyé (s=) et vérifiez ce sélecteur, ou demandez à votre fournisseur de messagerie d&apos;activer la signature DKIM.</translation>
    </message>
    <message>
        <source>Could not check the DMARC policy of %1: %2.</source>
        <translation>Impossible de vérifier la politique DMARC de %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 publishes no DMARC policy.</source>
        <translation>%1 ne publie aucune politique DMARC.</translation>
    </message>
    <message>
        <source>Large mailbox providers (Gmail, Yahoo, Microsoft) expect one and may reject or junk the mail without it. Start with &quot;v=DMARC1; p=none; rua=mailto:...&quot; at _dmarc.%1.</source>
        <translation>Les grands fournisseurs de messagerie (Gmail, Yahoo, Microsoft) en attendent une et peuvent, sans elle, rejeter l&apos;e-mail ou le classer en spam. Commencez par «&#xa0;v=DMARC1; p=none; rua=mailto:...&#xa0;» sur _dmarc.%1.</translation>
    </message>
    <message>
        <source>%1 publishes %2 DMARC records.</source>
        <translation>%1 publie %2 enregistrements DMARC.</translation>
    </message>
    <message>
        <source>Receivers ignore DMARC when there is more than one record. Keep exactly one.</source>
        <translation>Les serveurs de réception ignorent DMARC s&apos;il existe plus d&apos;un enregistrement. N&apos;en conservez qu&apos;un seul.</translation>
    </message>
    <message>
        <source> (inherited from %1)</source>
        <translation> (héritée de %1)</translation>
    </message>
    <message>
        <source>The DMARC record of %1 is broken: %2.</source>
        <translation>L&apos;enregistrement DMARC de %1 est défectueux&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Receivers may ignore a record with errors. Correct it.</source>
        <translation>Les serveurs de réception peuvent ignorer un enregistrement qui contient des erreurs. Corrigez-le.</translation>
    </message>
    <message>
        <source>The policy is p=none: receivers only report failures and deliver the mail anyway.</source>
        <translation>La politique est p=none&#xa0;: les serveurs de réception se contentent de signaler les échecs et distribuent quand même l&apos;e-mail.</translation>
    </message>
    <message>
        <source>Mail that fails DMARC goes to spam (p=quarantine).</source>
        <translation>Les e-mails qui échouent à DMARC sont placés en spam (p=quarantine).</translation>
    </message>
    <message>
        <source>Mail that fails DMARC is rejected (p=reject).</source>
        <translation>Les e-mails qui échouent à DMARC sont rejetés (p=reject).</translation>
    </message>
    <message>
        <source>It applies to %1% of failing mail (pct=%1).</source>
        <translation>Elle s&apos;applique à %1&#xa0;% des e-mails en échec (pct=%1).</translation>
    </message>
    <message>
        <source>%1 has a DMARC policy: %2%3.</source>
        <translation>%1 a une politique DMARC&#xa0;: %2%3.</translation>
    </message>
    <message>
        <source>Could not check whether %1 accepts DMARC reports for %2: %3.</source>
        <translation>Impossible de vérifier si %1 accepte les rapports DMARC pour %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>%1 accepts DMARC reports for %2.</source>
        <translation>%1 accepte les rapports DMARC pour %2.</translation>
    </message>
    <message>
        <source>DMARC reports for %1 will not reach %2.</source>
        <translation>Les rapports DMARC de %1 n&apos;arriveront pas à %2.</translation>
    </message>
    <message>
        <source>%1 is another domain and has not published %2._report._dmarc.%1 with &quot;v=DMARC1&quot;, so receivers drop the reports. Ask the report service to add it.</source>
        <translation>%1 est un autre domaine et n&apos;a pas publié %2._report._dmarc.%1 avec «&#xa0;v=DMARC1&#xa0;»&#xa0;: les serveurs de réception ne lui envoient donc pas les rapports. Demandez au service de rapports d&apos;ajouter cet enregistrement.</translation>
    </message>
    <message>
        <source>%1 passed for %2, but that is not your From domain %3, so it does not count for DMARC.</source>
        <translation>%1 a réussi pour %2, mais ce n&apos;est pas votre domaine d&apos;expéditeur (From) %3&#xa0;: cela ne compte donc pas pour DMARC.</translation>
    </message>
    <message>
        <source>%1 did not pass (%2) for %3.</source>
        <translation>%1 n&apos;a pas réussi (%2) pour %3.</translation>
    </message>
    <message>
        <source>SPF passed for %1</source>
        <translation>SPF réussi pour %1</translation>
    </message>
    <message>
        <source>DKIM passed for %1</source>
        <translation>DKIM réussi pour %1</translation>
    </message>
    <message>
        <source>The message passed DMARC alignment for %1.</source>
        <translation>Le message a satisfait à l&apos;alignement DMARC pour %1.</translation>
    </message>
    <message>
        <source>, which matches the From domain.</source>
        <translation>, qui correspond au domaine d&apos;expéditeur (From).</translation>
    </message>
    <message>
        <source>Neither SPF nor DKIM passed for the From domain %1.</source>
        <translation>Ni SPF ni DKIM n&apos;a réussi pour le domaine d&apos;expéditeur (From) %1.</translation>
    </message>
    <message>
        <source>DMARC needs at least one of them to pass for %1 itself (or a subdomain of it). Have your mail provider sign with DKIM for %1.</source>
        <translation>DMARC exige qu&apos;au moins l&apos;un des deux réussisse pour %1 lui-même (ou pour l&apos;un de ses sous-domaines). Demandez à votre fournisseur de messagerie de signer avec DKIM pour %1.</translation>
    </message>
    <message>
        <source>the DKIM key &quot;%1&quot; of %2</source>
        <translation>la clé DKIM «&#xa0;%1&#xa0;» de %2</translation>
    </message>
    <message>
        <source>the DKIM keys of %1</source>
        <translation>les clés DKIM de %1</translation>
    </message>
    <message>
        <source>whether %1 takes DMARC reports for %2</source>
        <translation>si %1 accepte les rapports DMARC pour %2</translation>
    </message>
    <message>
        <source>the DMARC policy of %1</source>
        <translation>la politique DMARC de %1</translation>
    </message>
    <message>
        <source>the SPF record of %1</source>
        <translation>l&apos;enregistrement SPF de %1</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::CaseListModel</name>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Waiting for the recipient&apos;s IT</source>
        <translation>En attente du service informatique du destinataire</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
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
        <translation>Message copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>No mail app answered: use Copy message and paste it into your mail program.</source>
        <translation>Aucune application de messagerie n&apos;a répondu : copiez le message et collez-le dans votre logiciel de messagerie.</translation>
    </message>
    <message>
        <source>The server&apos;s words:</source>
        <translation>Les mots du serveur :</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Shows or hides this step</source>
        <translation>Affiche ou masque cette étape</translation>
    </message>
    <message>
        <source>Run check: %1</source>
        <translation>Lancer la vérification : %1</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Progression de la vérification</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Fait : %1</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>Adresse du destinataire</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Destinataire&#xa0;:</translation>
    </message>
    <message>
        <source>Sending IP address</source>
        <translation>Adresse IP d&apos;envoi</translation>
    </message>
    <message>
        <source>Sending IP:</source>
        <translation>IP d&apos;envoi&#xa0;:</translation>
    </message>
    <message>
        <source>Sending domain</source>
        <translation>Domaine d&apos;envoi</translation>
    </message>
    <message>
        <source>DKIM selector</source>
        <translation>Sélecteur DKIM</translation>
    </message>
    <message>
        <source>Sending domain:</source>
        <translation>Domaine d&apos;envoi&#xa0;:</translation>
    </message>
    <message>
        <source>DKIM selector:</source>
        <translation>Sélecteur DKIM&#xa0;:</translation>
    </message>
    <message>
        <source>Authentication results in the bounce</source>
        <translation>Résultats d&apos;authentification dans le message de non-remise</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Evaluated by</source>
        <translation>Évalué par</translation>
    </message>
    <message>
        <source>Draft recipient</source>
        <translation>Destinataire du brouillon</translation>
    </message>
    <message>
        <source>Draft subject</source>
        <translation>Objet du brouillon</translation>
    </message>
    <message>
        <source>Draft message</source>
        <translation>Texte du brouillon</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet&#xa0;:</translation>
    </message>
    <message>
        <source>Also reach the recipient by phone or another channel: they may not know their mail system refuses you.</source>
        <translation>Contactez aussi le destinataire par téléphone ou par un autre moyen&#xa0;: il ne sait peut-être pas que son système de messagerie refuse vos e-mails.</translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation>&amp;Copier le message</translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation>Ouvrir dans l&apos;application de &amp;messagerie</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2

%3</source>
        <translation>À&#xa0;: %1
Objet&#xa0;: %2

%3</translation>
    </message>
    <message>
        <source>Could not check: %1. Fix the DNS servers in Settings.</source>
        <translation>Impossible de vérifier&#xa0;: %1. Corrigez les serveurs DNS dans les Paramètres.</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>En savoir plus&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>&amp;Lancer la vérification</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Résultats de la vérification</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Nothing in the address looks mistyped.</source>
        <translation>Rien dans l&apos;adresse ne ressemble à une faute de frappe.</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Vouliez-vous dire %1&#xa0;?</translation>
    </message>
    <message>
        <source>The bounce does not show your sending IP: ask your email provider for it, or type it above.</source>
        <translation>Le message de non-remise n&apos;indique pas votre IP d&apos;envoi&#xa0;: demandez-la à votre fournisseur de messagerie, ou saisissez-la ci-dessus.</translation>
    </message>
    <message>
        <source>The bounce names no blocklist.</source>
        <translation>Le message de non-remise ne mentionne aucune liste de blocage.</translation>
    </message>
    <message>
        <source>The server&apos;s reply names the blocklist %1.</source>
        <translation>La réponse du serveur mentionne la liste de blocage %1.</translation>
    </message>
    <message>
        <source>The bounce carries no authentication results.</source>
        <translation>Le message de non-remise ne contient aucun résultat d&apos;authentification.</translation>
    </message>
    <message numerus="yes">
        <source>The returned message carries %n authentication result(s).</source>
        <translation>
            <numerusform>Le message renvoyé contient %n résultat d&apos;authentification.</numerusform>
            <numerusform>Le message renvoyé contient %n résultats d&apos;authentification.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::DiagnosisView</name>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Diagnosis headline</source>
        <translation>Titre du diagnostic</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>Informations clés</translation>
    </message>
    <message>
        <source>The server&apos;s exact words</source>
        <translation>Réponse exacte du serveur</translation>
    </message>
    <message>
        <source>What to do, step by step</source>
        <translation>Que faire, étape par étape</translation>
    </message>
    <message>
        <source>Paste a bounce, open a saved message, or drop one here.</source>
        <translation>Collez un message de non-remise, ouvrez un message enregistré ou déposez-en un ici.</translation>
    </message>
    <message>
        <source>Who needs to act: %1</source>
        <translation>Qui doit agir&#xa0;: %1</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Vouliez-vous dire %1&#xa0;?</translation>
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
        <translation>IP d&apos;envoi</translation>
    </message>
    <message>
        <source>How to read a bounce</source>
        <translation>Comment lire un rejet</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Texte d&apos;aide</translation>
    </message>
    <message>
        <source>Find the error line: a three-digit reply code and usually a code like 5.1.1, then the server&apos;s words, for example &quot;550 5.1.1 User unknown&quot;.</source>
        <translation>Repérez la ligne d&apos;erreur&#xa0;: un code de réponse à trois chiffres et généralement un code comme 5.1.1, puis les mots du serveur, par exemple «&#xa0;550 5.1.1 User unknown&#xa0;».</translation>
    </message>
    <message>
        <source>The first digit says how lasting it is: 2 means delivered, 4 means temporary (your server retries by itself), 5 means refused (it will not be retried).</source>
        <translation>Le premier chiffre indique la durée du problème&#xa0;: 2 signifie remis, 4 temporaire (votre serveur réessaie tout seul), 5 refusé (aucune nouvelle tentative).</translation>
    </message>
    <message>
        <source>The second part says what kind of problem: x.1.x the address, x.2.x the mailbox, x.3.x the receiving system, x.4.x the network or routing, x.5.x the mail protocol, x.7.x security and policy (blocklists, SPF, DKIM, DMARC).</source>
        <translation>La deuxième partie indique le type de problème&#xa0;: x.1.x l&apos;adresse, x.2.x la boîte aux lettres, x.3.x le système destinataire, x.4.x le réseau ou le routage, x.5.x le protocole de messagerie, x.7.x la sécurité et les règles (listes de blocage, SPF, DKIM, DMARC).</translation>
    </message>
    <message>
        <source>The server&apos;s words say the rest. Bounce Doctor explains them, says who must act, and opens the first step of the checklist.</source>
        <translation>Les mots du serveur disent le reste. Bounce Doctor les explique, indique qui doit agir et ouvre la première étape de la liste de contrôle.</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossaire</translation>
    </message>
    <message>
        <source>Bounce</source>
        <translation>Message de non-remise (bounce)</translation>
    </message>
    <message>
        <source>The message your mail server sends back when it could not deliver yours, also called a non-delivery report (NDR) or DSN.</source>
        <translation>Le message que votre serveur de messagerie renvoie quand il n&apos;a pas pu remettre le vôtre, aussi appelé rapport de non-remise (NDR) ou DSN.</translation>
    </message>
    <message>
        <source>MX record</source>
        <translation>Enregistrement MX</translation>
    </message>
    <message>
        <source>The DNS record naming the servers that receive mail for a domain. A domain without one usually cannot receive mail.</source>
        <translation>L&apos;enregistrement DNS qui désigne les serveurs recevant les e-mails d&apos;un domaine. Un domaine qui n&apos;en a pas ne peut généralement pas recevoir d&apos;e-mails.</translation>
    </message>
    <message>
        <source>A DNS record listing the servers allowed to send mail for your domain. Mail from a server not on the list may be refused.</source>
        <translation>Un enregistrement DNS qui liste les serveurs autorisés à envoyer des e-mails pour votre domaine. Les e-mails d&apos;un serveur absent de la liste peuvent être refusés.</translation>
    </message>
    <message>
        <source>A signature your server adds to each message, checked against a key in your domain&apos;s DNS. It proves the message was not changed.</source>
        <translation>Une signature que votre serveur ajoute à chaque message, vérifiée à l&apos;aide d&apos;une clé publiée dans le DNS de votre domaine. Elle prouve que le message n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>A DNS record telling receivers what to do with mail that claims to be from your domain but passes neither SPF nor DKIM for it.</source>
        <translation>Un enregistrement DNS qui indique aux destinataires quoi faire des e-mails qui prétendent venir de votre domaine mais ne réussissent pour lui ni SPF ni DKIM.</translation>
    </message>
    <message>
        <source>PTR record (reverse DNS)</source>
        <translation>Enregistrement PTR (DNS inverse)</translation>
    </message>
    <message>
        <source>The name an IP address points back to. Many servers refuse mail from an IP address without one, or whose name does not match.</source>
        <translation>Le nom vers lequel renvoie une adresse IP. De nombreux serveurs refusent les e-mails d&apos;une adresse IP qui n&apos;en a pas, ou dont le nom ne correspond pas.</translation>
    </message>
    <message>
        <source>Blocklist (DNSBL)</source>
        <translation>Liste de blocage (DNSBL)</translation>
    </message>
    <message>
        <source>A public list of IP addresses or domains that sent spam. Servers ask these lists and refuse mail from what is listed.</source>
        <translation>Une liste publique d&apos;adresses IP ou de domaines ayant envoyé du spam. Les serveurs consultent ces listes et refusent les e-mails de ce qui y figure.</translation>
    </message>
    <message>
        <source>The address of the server your message left from, as the receiving server saw it.</source>
        <translation>L&apos;adresse du serveur d&apos;où votre message est parti, telle que le serveur de réception l&apos;a vue.</translation>
    </message>
    <message>
        <source>Postmaster</source>
        <translation>Postmaster</translation>
    </message>
    <message>
        <source>The address every mail domain should have for its mail administrators: postmaster@ followed by the domain.</source>
        <translation>L&apos;adresse que chaque domaine de messagerie devrait avoir pour ses administrateurs de messagerie&#xa0;: postmaster@ suivi du domaine.</translation>
    </message>
    <message>
        <source>Explains why an email bounced, in plain words, and walks you through fixing it.</source>
        <translation>Explique en termes simples pourquoi un e-mail n&apos;a pas été remis, et vous guide pour corriger le problème.</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). There is no warranty.</source>
        <translation>Licence&#xa0;: GNU General Public License, version 3 ou ultérieure (GPL-3.0-or-later). Aucune garantie n&apos;est fournie.</translation>
    </message>
    <message>
        <source>Credits: the bounce reason names follow Sisimai (BSD-2-Clause) by azumakuniyuki and contributors. Built with Qt, GMime, RE2, c-ares, libpsl, OpenSSL and SQLite.</source>
        <translation>Remerciements&#xa0;: les noms des motifs de rejet suivent Sisimai (BSD-2-Clause) d&apos;azumakuniyuki et ses contributeurs. Conçu avec Qt, GMime, c-ares, libpsl, RE2, OpenSSL et SQLite.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::HistoryPanel</name>
    <message>
        <source>Search recipient, domain, sending IP, reason, provider, ticket…</source>
        <translation>Rechercher un destinataire, domaine, IP d&apos;envoi, motif, fournisseur, ticket…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Rechercher dans l&apos;historique</translation>
    </message>
    <message>
        <source>Show cases in state</source>
        <translation>Afficher les dossiers à l&apos;état</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Show cases from</source>
        <translation>Afficher les dossiers de</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>365 derniers jours</translation>
    </message>
    <message>
        <source>Stored cases</source>
        <translation>Dossiers enregistrés</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Rouvrir</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete All…</source>
        <translation>Tout supprimer…</translation>
    </message>
    <message>
        <source>e.g. HD-1042</source>
        <translation>p. ex. HD-1042</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Ticket&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>É&amp;tat&#xa0;:</translation>
    </message>
    <message>
        <source>Notes on this case</source>
        <translation>Notes sur ce dossier</translation>
    </message>
    <message>
        <source>Add a note, e.g. &quot;called their IT, waiting for an answer&quot;</source>
        <translation>Ajoutez une note, p. ex. «&#xa0;appelé leur service informatique, en attente de réponse&#xa0;»</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>Ajouter une &amp;note</translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>L&apos;historique des dossiers est désactivé.</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Historique des dossiers</translation>
    </message>
    <message>
        <source>Delete this case and its notes from the history?</source>
        <translation>Supprimer ce dossier et ses notes de l&apos;historique&#xa0;?</translation>
    </message>
    <message>
        <source>Delete every case in the history? This cannot be undone.</source>
        <translation>Supprimer tous les dossiers de l&apos;historique&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Copy for &amp;Ticket</source>
        <translation>Copier pour le &amp;ticket</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Copier en &amp;Markdown</translation>
    </message>
    <message>
        <source>Copy Tit&amp;le</source>
        <translation>Copier le tit&amp;re</translation>
    </message>
    <message>
        <source>A one-line summary for the ticket&apos;s title</source>
        <translation>Un résumé d&apos;une ligne pour le titre du ticket</translation>
    </message>
    <message>
        <source>Case title copied to the clipboard.</source>
        <translation>Titre du cas copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Case copied to the clipboard.</source>
        <translation>Cas copié dans le presse-papiers.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::MainWindow</name>
    <message>
        <source>Open saved messages (.eml), an mbox, or a folder of them</source>
        <translation>Ouvrir des messages enregistrés (.eml), un fichier mbox ou un dossier</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Décomptes</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;How to Read a Bounce</source>
        <translation>&amp;Comment lire un rejet</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Fichier introuvable : %1</translation>
    </message>
    <message>
        <source>Open a folder of bounces</source>
        <translation>Ouvrir un dossier de rejets</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Rapport enregistré dans %1</translation>
    </message>
    <message>
        <source>Ticket text copied to the clipboard.</source>
        <translation>Texte du ticket copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Bounce text</source>
        <translation>Texte du message de non-remise</translation>
    </message>
    <message>
        <source>Paste the bounce here: the whole message, or just the error line such as
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</source>
        <translation>Collez ici le message de non-remise&#xa0;: le message entier, ou seulement la ligne d&apos;erreur, par exemple
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</translation>
    </message>
    <message>
        <source>&amp;Diagnose</source>
        <translation>Dia&amp;gnostiquer</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>&amp;Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Filter recipients, reasons, providers…</source>
        <translation>Filtrer par destinataire, motif, fournisseur…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>Qui agit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Export Report</source>
        <translation>&amp;Exporter le rapport</translation>
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
        <translation>&amp;Copier comme texte de ticket</translation>
    </message>
    <message>
        <source>Export &amp;Addresses to Remove…</source>
        <translation>Exporter les &amp;adresses à supprimer…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Paste Bounce</source>
        <translation>&amp;Coller un message de non-remise</translation>
    </message>
    <message>
        <source>&amp;Filter Results</source>
        <translation>&amp;Filtrer les résultats</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>&amp;Exemples</translation>
    </message>
    <message>
        <source>&amp;About Bounce Doctor</source>
        <translation>À &amp;propos de Bounce Doctor</translation>
    </message>
    <message>
        <source>About Bounce Doctor</source>
        <translation>À propos de Bounce Doctor</translation>
    </message>
    <message>
        <source>This does not look like a bounce: no failed recipient was found. Paste the whole bounce, or the line with the error code.</source>
        <translation>Ceci ne ressemble pas à un message de non-remise&#xa0;: aucun destinataire en échec n&apos;a été trouvé. Collez le message de non-remise en entier, ou la ligne qui contient le code d&apos;erreur.</translation>
    </message>
    <message>
        <source>Nothing could be read.</source>
        <translation>Rien n&apos;a pu être lu.</translation>
    </message>
    <message>
        <source>Messages read: %1. </source>
        <translation>Messages lus&#xa0;: %1. </translation>
    </message>
    <message>
        <source>Open bounces</source>
        <translation>Ouvrir des messages de non-remise</translation>
    </message>
    <message>
        <source>There is no diagnosis to export yet.</source>
        <translation>Il n&apos;y a encore aucun diagnostic à exporter.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
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
        <translation>Diagnostic de non-remise</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export addresses to remove</source>
        <translation>Exporter les adresses à supprimer</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>All supported: messages, mailboxes, files without extension (*.eml *.mbox *.mbx *.txt *);;Email messages (*.eml);;Mailboxes (*.mbox *.mbx)</source>
        <translation>Tous les formats pris en charge&#xa0;: messages, boîtes aux lettres, fichiers sans extension (*.eml *.mbox *.mbx *.txt *);;Messages e-mail (*.eml);;Boîtes aux lettres (*.mbox *.mbx)</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) saved to %1</source>
        <translation>
            <numerusform>%n adresse enregistrée dans %1</numerusform>
            <numerusform>%n adresses enregistrées dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>The case history is off (Edit &gt; Settings).</source>
        <translation>L&apos;historique des cas est désactivé (Édition &gt; Paramètres).</translation>
    </message>
    <message>
        <source>The case history was damaged: it was moved to %1 and a new one started.</source>
        <translation>L&apos;historique des cas était endommagé&#xa0;: il a été déplacé vers %1 et un nouveau a été commencé.</translation>
    </message>
    <message>
        <source>This case could not be stored in the history: %1</source>
        <translation>Ce cas n&apos;a pas pu être enregistré dans l&apos;historique&#xa0;: %1</translation>
    </message>
    <message>
        <source>The case could not be stored: %1</source>
        <translation>Le cas n&apos;a pas pu être enregistré&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Seen before: %n earlier case(s) with this recipient, its domain or the sending IP; the last on %1 (%2). View &gt; History shows them.</source>
        <translation>
            <numerusform>Déjà vu&#xa0;: %n cas antérieur avec ce destinataire, son domaine ou l&apos;IP d&apos;envoi&#xa0;; le dernier le %1 (%2). Affichage &gt; Historique le montre.</numerusform>
            <numerusform>Déjà vu&#xa0;: %n cas antérieurs avec ce destinataire, son domaine ou l&apos;IP d&apos;envoi&#xa0;; le dernier le %1 (%2). Affichage &gt; Historique les montre.</numerusform>
        </translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>L&apos;historique des cas est désactivé.</translation>
    </message>
    <message>
        <source>Case %1 — %2</source>
        <translation>Cas %1 — %2</translation>
    </message>
    <message>
        <source>Case %1 reopened from the history.</source>
        <translation>Cas %1 rouvert depuis l&apos;historique.</translation>
    </message>
    <message>
        <source>&amp;Hide Personal Data in Exports</source>
        <translation>&amp;Masquer les données personnelles dans les exports</translation>
    </message>
    <message>
        <source>Reports, ticket texts and cases handed over mask the recipients&apos; addresses, the sender and the subject; the server&apos;s words stay</source>
        <translation>Les rapports, les textes de ticket et les cas transmis masquent les adresses des destinataires, l&apos;expéditeur et l&apos;objet&#xa0;; les mots du serveur restent</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Valeur par défaut du système</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>Serveurs DNS</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>Serveurs &amp;DNS&#xa0;:</translation>
    </message>
    <message>
        <source>IP or IP:PORT, separated by commas. Blocklists such as Spamhaus refuse public resolvers (1.1.1.1, 8.8.8.8): use your own.</source>
        <translation>IP ou IP:PORT, séparées par des virgules. Les listes de blocage comme Spamhaus refusent les résolveurs publics (1.1.1.1, 8.8.8.8)&#xa0;: utilisez le vôtre.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Timeout per query:</source>
        <translation>Délai d&apos;a&amp;ttente par requête&#xa0;:</translation>
    </message>
    <message>
        <source>Spamhaus DQS key</source>
        <translation>Clé Spamhaus DQS</translation>
    </message>
    <message>
        <source>Optional: a free key from Spamhaus</source>
        <translation>Facultatif&#xa0;: une clé gratuite fournie par Spamhaus</translation>
    </message>
    <message>
        <source>Spamhaus D&amp;QS key:</source>
        <translation>Clé Spamhaus D&amp;QS&#xa0;:</translation>
    </message>
    <message>
        <source>Blocklists to check</source>
        <translation>Listes de blocage à vérifier</translation>
    </message>
    <message>
        <source>&amp;Blocklists:</source>
        <translation>Listes de &amp;blocage&#xa0;:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>A new language applies when Bounce Doctor starts again.</source>
        <translation>Le changement de langue prendra effet au prochain démarrage de Bounce Doctor.</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>Largest &amp;message:</source>
        <translation>Taille maximale d’un &amp;message&#xa0;:</translation>
    </message>
    <message>
        <source>Most messages &amp;opened at once:</source>
        <translation>Nombre maximal de messages &amp;ouverts à la fois&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Keep a history of cases</source>
        <translation>&amp;Conserver un historique des dossiers</translation>
    </message>
    <message>
        <source>Keep the bounce&apos;s own te&amp;xt in each case</source>
        <translation>Conserver le te&amp;xte du message de non-remise dans chaque dossier</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>Conserver indéfiniment</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Delete cases &amp;after:</source>
        <translation>Supprimer les dossiers &amp;après&#xa0;:</translation>
    </message>
    <message>
        <source>Shared case history</source>
        <translation>Historique partagé des dossiers</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Cet ordinateur uniquement</translation>
    </message>
    <message>
        <source>Shared &amp;history:</source>
        <translation>&amp;Historique partagé&#xa0;:</translation>
    </message>
    <message>
        <source>For a team: postgresql://user:password@host:5432/database. Empty keeps the history in a file on this computer. Applies when Bounce Doctor starts again.</source>
        <translation>Pour une équipe&#xa0;: postgresql://user:password@host:5432/database. Vide, l&apos;historique reste dans un fichier sur cet ordinateur. Prend effet au prochain démarrage de Bounce Doctor.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::SpfEvaluator</name>
    <message>
        <source>%1: not a usable domain name</source>
        <translation>%1&#xa0;: nom de domaine inutilisable</translation>
    </message>
    <message>
        <source>the DNS lookup of %1 failed (%2)</source>
        <translation>la requête DNS pour %1 a échoué (%2)</translation>
    </message>
    <message>
        <source>%1: no SPF record</source>
        <translation>%1&#xa0;: aucun enregistrement SPF</translation>
    </message>
    <message>
        <source>%1 publishes %2 SPF records; only one is allowed</source>
        <translation>%1 publie %2 enregistrements SPF&#xa0;; un seul est autorisé</translation>
    </message>
    <message>
        <source>syntax error in the SPF record of %1: %2</source>
        <translation>erreur de syntaxe dans l&apos;enregistrement SPF de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>no mechanism matched: neutral</source>
        <translation>aucun mécanisme ne correspond&#xa0;: résultat neutre (neutral)</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms</source>
        <translation>plus de %1 termes nécessitant une requête DNS</translation>
    </message>
    <message>
        <source>bad redirect target</source>
        <translation>cible de redirection (redirect=) incorrecte</translation>
    </message>
    <message>
        <source>redirect loop back to %1</source>
        <translation>boucle de redirection qui revient à %1</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms (at %2)</source>
        <translation>plus de %1 termes nécessitant une requête DNS (au niveau de %2)</translation>
    </message>
    <message>
        <source>DNS lookup of %1 failed (%2) at %3</source>
        <translation>la requête DNS pour %1 a échoué (%2) au niveau de %3</translation>
    </message>
    <message>
        <source>more than %1 void lookups</source>
        <translation>plus de %1 requêtes DNS sans résultat</translation>
    </message>
    <message>
        <source>%1 has more than %2 MX records</source>
        <translation>%1 a plus de %2 enregistrements MX</translation>
    </message>
    <message>
        <source>include loop back to %1</source>
        <translation>boucle d&apos;include qui revient à %1</translation>
    </message>
    <message>
        <source>%1 has no SPF record for the include</source>
        <translation>%1 n&apos;a pas d&apos;enregistrement SPF pour l&apos;include</translation>
    </message>
</context>
<context>
    <name>BounceReader</name>
    <message>
        <source>not an e-mail message (no headers)</source>
        <translation>ce n&apos;est pas un e-mail (aucun en-tête)</translation>
    </message>
    <message>
        <source>MIME parts are nested more than %1 levels deep</source>
        <translation>les parties MIME sont imbriquées sur plus de %1 niveaux</translation>
    </message>
    <message>
        <source>the message has more than %1 MIME parts</source>
        <translation>le message comporte plus de %1 parties MIME</translation>
    </message>
    <message>
        <source>the message holds more than %1 attached messages (counting messages inside messages)</source>
        <translation>le message contient plus de %1 messages joints (en comptant les messages dans les messages)</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields in its parts and attached messages</source>
        <translation>le message comporte plus de %1 champs d&apos;en-tête dans ses parties et ses messages joints</translation>
    </message>
    <message>
        <source>the message declares more than %1 MIME multiparts</source>
        <translation>le message déclare plus de %1 multiparties MIME</translation>
    </message>
</context>
<context>
    <name>BounceReaderTr</name>
    <message>
        <source>message %1 is larger than the limit of %2 bytes</source>
        <translation>le message %1 dépasse la limite de %2 octets</translation>
    </message>
    <message>
        <source>message is larger than the limit of %1 bytes</source>
        <translation>le message dépasse la limite de %1 octets</translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation>le message est vide</translation>
    </message>
    <message>
        <source>nothing was pasted</source>
        <translation>rien n&apos;a été collé</translation>
    </message>
    <message>
        <source>cannot read standard input: %1</source>
        <translation>impossible de lire l&apos;entrée standard&#xa0;: %1</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Aucun fichier ou dossier de ce type</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the limit of %2 bytes for one message</source>
        <translation>%1 dépasse la limite de %2 octets autorisée pour un message</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>a header line is longer than the limit of %1 bytes</source>
        <translation>une ligne d’en-tête dépasse la limite de %1 octets</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields</source>
        <translation>le message contient plus de %1 champs d’en-tête</translation>
    </message>
    <message>
        <source>stopped after %1 messages, the limit for one batch: %2 and what follows it were not read</source>
        <translation>arrêt après %1 messages, la limite pour un lot&#xa0;: %2 et ce qui suit n’ont pas été lus</translation>
    </message>
    <message>
        <source>only the first %1 of its %2 recipients were read (the limit for one message)</source>
        <translation>seuls les %1 premiers de ses %2 destinataires ont été lus (la limite pour un message)</translation>
    </message>
    <message>
        <source>it is a symbolic link to something that does not exist</source>
        <translation>c&apos;est un lien symbolique vers quelque chose qui n&apos;existe pas</translation>
    </message>
    <message>
        <source>it is a loop of symbolic links</source>
        <translation>c&apos;est une boucle de liens symboliques</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>un périphérique en mode caractère</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>un périphérique en mode bloc</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>un tube nommé (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>cannot read %1: it is %2; only files, folders and Maildirs are read</source>
        <translation>impossible de lire %1&#xa0;: c&apos;est %2&#xa0;; seuls les fichiers, dossiers et Maildirs sont lus</translation>
    </message>
    <message>
        <source>cannot read the folder %1: %2</source>
        <translation>impossible de lire le dossier %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>BulkSender</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Gmail, Yahoo and Outlook.com bulk sender rule</source>
        <translation>Règle de Gmail, Yahoo et Outlook.com pour les expéditeurs en masse</translation>
    </message>
    <message>
        <source>Gmail and Yahoo (since February 2024) and Outlook.com (since May 2025) require it of senders of over 5,000 messages a day.</source>
        <translation>Gmail et Yahoo (depuis février 2024) et Outlook.com (depuis mai 2025) l&apos;exigent des expéditeurs de plus de 5 000 messages par jour.</translation>
    </message>
    <message>
        <source>Gmail and Yahoo sender rule</source>
        <translation>Règle de Gmail et Yahoo pour les expéditeurs</translation>
    </message>
    <message>
        <source>Gmail and Yahoo require it of every sender since February 2024, bulk or not.</source>
        <translation>Gmail et Yahoo l&apos;exigent de tout expéditeur depuis février 2024, envoi en masse ou non.</translation>
    </message>
    <message>
        <source>Gmail and Yahoo ignore DKIM keys under 1024 bits.</source>
        <translation>Gmail et Yahoo ignorent les clés DKIM de moins de 1024 bits.</translation>
    </message>
    <message>
        <source>RFC 5322</source>
        <translation>RFC 5322</translation>
    </message>
    <message>
        <source>Every message needs a Message-ID and a Date (RFC 5322); Gmail rejects mail without them.</source>
        <translation>Chaque message doit avoir un Message-ID et une Date (RFC 5322)&#xa0;; Gmail rejette les e-mails qui n&apos;en ont pas.</translation>
    </message>
    <message>
        <source>SPF passed at the receiver.</source>
        <translation>SPF a réussi chez le destinataire.</translation>
    </message>
    <message>
        <source>SPF did not pass at the receiver (%1).</source>
        <translation>SPF n&apos;a pas réussi chez le destinataire (%1).</translation>
    </message>
    <message>
        <source>SPF passes for the sending IP address.</source>
        <translation>SPF réussit pour l&apos;adresse IP d&apos;envoi.</translation>
    </message>
    <message>
        <source>SPF does not pass for the sending IP address.</source>
        <translation>SPF ne réussit pas pour l&apos;adresse IP d&apos;envoi.</translation>
    </message>
    <message>
        <source>Could not check whether SPF passes: the bounce shows no result and the live check gave none.</source>
        <translation>Impossible de vérifier si SPF réussit&#xa0;: le message de non-remise n&apos;indique aucun résultat et la vérification en direct n&apos;en a donné aucun.</translation>
    </message>
    <message>
        <source>Could not check whether DKIM passes: the bounce does not show the receiver&apos;s result.</source>
        <translation>Impossible de vérifier si DKIM réussit&#xa0;: le message de non-remise n&apos;indique pas le résultat du destinataire.</translation>
    </message>
    <message>
        <source>DKIM passed at the receiver.</source>
        <translation>DKIM a réussi chez le destinataire.</translation>
    </message>
    <message>
        <source>DKIM did not pass at the receiver (%1).</source>
        <translation>DKIM n&apos;a pas réussi chez le destinataire (%1).</translation>
    </message>
    <message>
        <source>A DMARC policy is published (p=none is enough).</source>
        <translation>Une politique DMARC est publiée (p=none suffit).</translation>
    </message>
    <message>
        <source>No usable DMARC policy is published.</source>
        <translation>Aucune politique DMARC utilisable n&apos;est publiée.</translation>
    </message>
    <message>
        <source>Could not check whether a DMARC policy is published.</source>
        <translation>Impossible de vérifier si une politique DMARC est publiée.</translation>
    </message>
    <message>
        <source>The From domain is aligned with SPF or DKIM.</source>
        <translation>Le domaine From est aligné sur SPF ou DKIM.</translation>
    </message>
    <message>
        <source>The From domain is aligned with neither SPF nor DKIM.</source>
        <translation>Le domaine From n&apos;est aligné ni sur SPF ni sur DKIM.</translation>
    </message>
    <message>
        <source>Could not check alignment: the bounce does not show the receiver&apos;s SPF and DKIM results.</source>
        <translation>Impossible de vérifier l&apos;alignement&#xa0;: le message de non-remise n&apos;indique pas les résultats SPF et DKIM du destinataire.</translation>
    </message>
    <message>
        <source>The sending IP has forward-confirmed reverse DNS.</source>
        <translation>L&apos;IP d&apos;envoi a un DNS inverse confirmé dans les deux sens.</translation>
    </message>
    <message>
        <source>The sending IP lacks forward-confirmed reverse DNS.</source>
        <translation>L&apos;IP d&apos;envoi n&apos;a pas de DNS inverse confirmé dans les deux sens.</translation>
    </message>
    <message>
        <source>Could not check the sending IP&apos;s reverse DNS.</source>
        <translation>Impossible de vérifier le DNS inverse de l&apos;IP d&apos;envoi.</translation>
    </message>
    <message>
        <source>The DKIM key is valid and at least 1024 bits long.</source>
        <translation>La clé DKIM est valide et fait au moins 1024 bits.</translation>
    </message>
    <message>
        <source>The DKIM key is missing, broken or under 1024 bits.</source>
        <translation>La clé DKIM est absente, invalide ou fait moins de 1024 bits.</translation>
    </message>
    <message>
        <source>Could not check the DKIM key&apos;s length.</source>
        <translation>Impossible de vérifier la longueur de la clé DKIM.</translation>
    </message>
    <message>
        <source>Could not check that the message travelled over TLS: Bounce Doctor does not read the returned message&apos;s Received chain yet.</source>
        <translation>Impossible de vérifier que le message a transité par TLS&#xa0;: Bounce Doctor ne lit pas encore la chaîne Received du message renvoyé.</translation>
    </message>
    <message>
        <source>Could not check one-click unsubscribe (List-Unsubscribe with List-Unsubscribe-Post, RFC 8058): Bounce Doctor does not read those headers of the returned message yet.</source>
        <translation>Impossible de vérifier le désabonnement en un clic (List-Unsubscribe avec List-Unsubscribe-Post, RFC 8058)&#xa0;: Bounce Doctor ne lit pas encore ces en-têtes du message renvoyé.</translation>
    </message>
    <message>
        <source>Could not check the Message-ID: the bounce did not return it.</source>
        <translation>Impossible de vérifier le Message-ID&#xa0;: le message de non-remise ne l&apos;a pas renvoyé.</translation>
    </message>
    <message>
        <source>The message has a valid Message-ID.</source>
        <translation>Le message a un Message-ID valide.</translation>
    </message>
    <message>
        <source>The Message-ID &quot;%1&quot; is not valid: it must look like &lt;unique@domain&gt;.</source>
        <translation>Le Message-ID &quot;%1&quot; n&apos;est pas valide&#xa0;: il doit ressembler à &lt;unique@domaine&gt;.</translation>
    </message>
    <message>
        <source>Could not check the Date: the bounce did not return it.</source>
        <translation>Impossible de vérifier la Date&#xa0;: le message de non-remise ne l&apos;a pas renvoyée.</translation>
    </message>
    <message>
        <source>The message has a valid Date.</source>
        <translation>Le message a une Date valide.</translation>
    </message>
    <message>
        <source>The Date &quot;%1&quot; is not a valid RFC 5322 date.</source>
        <translation>La Date &quot;%1&quot; n&apos;est pas une date RFC 5322 valide.</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Could not check %1: %2</source>
        <translation>Impossible de vérifier %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The DNS question could not be answered, so this says nothing either way. Check your network and DNS server settings, then run the check again.</source>
        <translation>La requête DNS n&apos;a pas abouti&#xa0;: ce résultat ne permet donc de rien conclure. Vérifiez votre réseau et les paramètres de votre serveur DNS, puis relancez la vérification.</translation>
    </message>
</context>
<context>
    <name>ContactCheck</name>
    <message>
        <source>No recipient domain to write to.</source>
        <translation>Aucun domaine de destinataire auquel écrire.</translation>
    </message>
    <message>
        <source>Write to %1: %2</source>
        <translation>Écrire à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The recipient&apos;s server names %1 for help.</source>
        <translation>Le serveur du destinataire indique %1 pour obtenir de l&apos;aide.</translation>
    </message>
    <message>
        <source>No message to the recipient&apos;s IT is needed: the fix is on your side.</source>
        <translation>Inutile d&apos;écrire au service informatique du destinataire&#xa0;: la correction est de votre côté.</translation>
    </message>
    <message>
        <source>Reach %1 another way: a personal mailbox has no IT to write to.</source>
        <translation>Contactez %1 par un autre moyen&#xa0;: une boîte aux lettres personnelle n&apos;a pas de service informatique à qui écrire.</translation>
    </message>
    <message>
        <source>A page of %1 for senders.</source>
        <translation>Une page de %1 destinée aux expéditeurs.</translation>
    </message>
</context>
<context>
    <name>ContactDraftTr</name>
    <message>
        <source>%1 (sending IP %2)</source>
        <translation>%1 (IP d&apos;envoi %2)</translation>
    </message>
    <message>
        <source>Could you please add %1 to your allowed senders, or tell us which rule refused the message?</source>
        <translation>Pourriez-vous ajouter %1 à la liste de vos expéditeurs autorisés, ou nous indiquer quelle règle a entraîné le refus du message&#xa0;?</translation>
    </message>
    <message>
        <source>Could you please check why your server refused mail from %1, and allow-list it if you can?</source>
        <translation>Pourriez-vous vérifier pourquoi votre serveur a refusé les messages provenant de %1 et, si possible, l&apos;ajouter à votre liste d&apos;expéditeurs autorisés&#xa0;?</translation>
    </message>
    <message>
        <source>Could you please confirm whether this mailbox exists and is active, or give us the right address?</source>
        <translation>Pourriez-vous nous confirmer que cette boîte aux lettres existe et qu&apos;elle est active, ou nous communiquer l&apos;adresse correcte&#xa0;?</translation>
    </message>
    <message>
        <source>Could you please check the mailbox&apos;s storage or size limits?</source>
        <translation>Pourriez-vous vérifier l&apos;espace de stockage ou les limites de taille de cette boîte aux lettres&#xa0;?</translation>
    </message>
    <message>
        <source>Could you please check that your domain&apos;s MX records point to your mail server, and that it accepts mail for this address?</source>
        <translation>Pourriez-vous vérifier que les enregistrements MX de votre domaine pointent bien vers votre serveur de messagerie, et que celui-ci accepte les messages pour cette adresse&#xa0;?</translation>
    </message>
    <message>
        <source>We are checking our SPF, DKIM and DMARC set-up; could you tell us which check failed on your side?</source>
        <translation>Nous vérifions actuellement notre configuration SPF, DKIM et DMARC&#xa0;; pourriez-vous nous indiquer quel contrôle a échoué de votre côté&#xa0;?</translation>
    </message>
    <message>
        <source>Could you please look into this error and tell us what we should change?</source>
        <translation>Pourriez-vous examiner cette erreur et nous indiquer ce que nous devrions modifier&#xa0;?</translation>
    </message>
    <message>
        <source>our address</source>
        <translation>notre adresse</translation>
    </message>
    <message>
        <source>Email to %1 was rejected by your server</source>
        <translation>Message à destination de %1 rejeté par votre serveur</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>Bonjour,</translation>
    </message>
    <message>
        <source>We tried to send an email to %1, and your mail server rejected it. We would be grateful for your help.</source>
        <translation>Nous avons tenté d&apos;envoyer un message à %1, mais votre serveur de messagerie l&apos;a rejeté. Nous vous serions reconnaissants de bien vouloir nous aider.</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Détails&#xa0;:</translation>
    </message>
    <message>
        <source>  Date: %1</source>
        <translation>  Date&#xa0;: %1</translation>
    </message>
    <message>
        <source>  Sender: %1</source>
        <translation>  Expéditeur&#xa0;: %1</translation>
    </message>
    <message>
        <source>  Sending IP: %1</source>
        <translation>  IP d&apos;envoi&#xa0;: %1</translation>
    </message>
    <message>
        <source>  Recipient: %1</source>
        <translation>  Destinataire&#xa0;: %1</translation>
    </message>
    <message>
        <source>  Your server: %1</source>
        <translation>  Votre serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>  Your server&apos;s reply: %1</source>
        <translation>  Réponse de votre serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Thank you,</source>
        <translation>Avec nos remerciements,</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>le fournisseur</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Follow the other steps.</source>
        <translation>La correction est de votre côté, pas de celui du destinataire&#xa0;: écrire à son service informatique n&apos;y changerait rien. Suivez les autres étapes.</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Use %1&apos;s pages for senders below once the cause is fixed.</source>
        <translation>La correction est de votre côté, pas de celui du destinataire&#xa0;: écrire à son service informatique n&apos;y changerait rien. Une fois la cause corrigée, utilisez les pages de %1 pour les expéditeurs ci-dessous.</translation>
    </message>
    <message>
        <source>%1 is a personal mailbox at %2, whose postmaster address nobody reads. Reach the person another way (phone, another address) and tell them their mail does not arrive.</source>
        <translation>%1 est une boîte aux lettres personnelle chez %2, dont personne ne lit l&apos;adresse postmaster. Contactez la personne par un autre moyen (téléphone, autre adresse) et dites-lui que ses e-mails n&apos;arrivent pas.</translation>
    </message>
    <message>
        <source>If %1 refused your mail, use its pages for senders below.</source>
        <translation>Si %1 a refusé votre message, utilisez ses pages pour les expéditeurs ci-dessous.</translation>
    </message>
</context>
<context>
    <name>DkimKeyTr</name>
    <message>
        <source>the public key (p=) is not valid base64</source>
        <translation>la clé publique (p=) n&apos;est pas en base64 valide</translation>
    </message>
    <message>
        <source>the ed25519 public key is not a valid 32-byte key</source>
        <translation>la clé publique ed25519 n&apos;est pas une clé valide de 32 octets</translation>
    </message>
    <message>
        <source>the public key (p=) cannot be read as an RSA key</source>
        <translation>la clé publique (p=) ne peut pas être lue comme une clé RSA</translation>
    </message>
    <message>
        <source>the public key (p=) is not an RSA key although k=rsa</source>
        <translation>la clé publique (p=) n&apos;est pas une clé RSA alors que k=rsa</translation>
    </message>
    <message>
        <source>an empty tag between two &apos;;&apos;</source>
        <translation>une balise vide entre deux «&#xa0;;&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form tag=value</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas de la forme balise=valeur</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag name</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de balise valide</translation>
    </message>
    <message>
        <source>the tag &quot;%1&quot; appears more than once</source>
        <translation>la balise «&#xa0;%1&#xa0;» apparaît plusieurs fois</translation>
    </message>
    <message>
        <source>v= must be the first tag</source>
        <translation>v= doit être la première balise</translation>
    </message>
    <message>
        <source>v=%1 is not DKIM1</source>
        <translation>v=%1 n&apos;est pas DKIM1</translation>
    </message>
    <message>
        <source>unknown key type k=%1</source>
        <translation>type de clé inconnu k=%1</translation>
    </message>
    <message>
        <source>unknown hash algorithm h=%1</source>
        <translation>algorithme de hachage inconnu h=%1</translation>
    </message>
    <message>
        <source>the record has no public key (p= is missing)</source>
        <translation>l&apos;enregistrement ne contient pas de clé publique (p= est absent)</translation>
    </message>
    <message>
        <source>the key is not for email (s=%1)</source>
        <translation>la clé n&apos;est pas destinée aux e-mails (s=%1)</translation>
    </message>
</context>
<context>
    <name>DmarcRecordTr</name>
    <message>
        <source>the record must start with v=DMARC1</source>
        <translation>l&apos;enregistrement doit commencer par v=DMARC1</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a mailto: address</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» n&apos;est pas une adresse mailto:</translation>
    </message>
    <message>
        <source>%1=%2 is not none, quarantine or reject</source>
        <translation>%1=%2 n&apos;est ni none, ni quarantine, ni reject</translation>
    </message>
    <message>
        <source>p= should come right after v=DMARC1</source>
        <translation>p= doit venir juste après v=DMARC1</translation>
    </message>
    <message>
        <source>pct=%1 is not a number from 0 to 100</source>
        <translation>pct=%1 n&apos;est pas un nombre compris entre 0 et 100</translation>
    </message>
    <message>
        <source>%1=%2 is not r (relaxed) or s (strict)</source>
        <translation>%1=%2 n&apos;est ni r (souple) ni s (strict)</translation>
    </message>
    <message>
        <source>fo=%1: unknown option &quot;%2&quot;</source>
        <translation>fo=%1&#xa0;: option inconnue «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>ri=%1 is not a number of seconds</source>
        <translation>ri=%1 n&apos;est pas un nombre de secondes</translation>
    </message>
    <message>
        <source>rf=%1: only afrf is defined</source>
        <translation>rf=%1&#xa0;: seule la valeur afrf est définie</translation>
    </message>
    <message>
        <source>v= appears more than once</source>
        <translation>v= apparaît plusieurs fois</translation>
    </message>
    <message>
        <source>unknown tag &quot;%1&quot; (receivers ignore it)</source>
        <translation>balise inconnue «&#xa0;%1&#xa0;» (les serveurs de réception l&apos;ignorent)</translation>
    </message>
    <message>
        <source>the required policy tag p= is missing or invalid</source>
        <translation>la balise de politique obligatoire p= est absente ou non valide</translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <source>The receiving server could not confirm that your server may send for your domain. Your domain&apos;s SPF, DKIM or DMARC records are missing or do not match the server that sent the message. Whoever runs your email needs to fix these DNS records.</source>
        <translation>Le serveur de réception n&apos;a pas pu confirmer que votre serveur a le droit d&apos;envoyer des e-mails pour votre domaine. Les enregistrements SPF, DKIM ou DMARC de votre domaine sont absents ou ne correspondent pas au serveur qui a envoyé le message. La personne qui gère votre messagerie doit corriger ces enregistrements DNS.</translation>
    </message>
    <message>
        <source>The message failed the sender authentication checks (SPF, DKIM or DMARC).</source>
        <translation>Le message a échoué aux contrôles d&apos;authentification de l&apos;expéditeur (SPF, DKIM ou DMARC).</translation>
    </message>
    <message>
        <source>Your sending server or domain has a poor reputation with this provider, usually because of spam complaints, sudden volume or little sending history. Check blocklists, reduce volume and make sure recipients want your mail; the provider relaxes limits as the reputation recovers.</source>
        <translation>Votre serveur d&apos;envoi ou votre domaine a une mauvaise réputation auprès de ce fournisseur, généralement à cause de plaintes pour spam, d&apos;une hausse soudaine du volume ou d&apos;un historique d&apos;envoi trop court. Vérifiez les listes de blocage, réduisez le volume et assurez-vous que vos destinataires souhaitent recevoir vos e-mails&#xa0;; le fournisseur assouplit ses limites à mesure que la réputation se rétablit.</translation>
    </message>
    <message>
        <source>The receiving provider does not trust mail from your server right now.</source>
        <translation>Le fournisseur du destinataire ne fait pas confiance aux e-mails de votre serveur pour le moment.</translation>
    </message>
    <message>
        <source>The receiving server refused the connection because of the IP address or name of the server that sent your mail, often because it is on a blocklist or has a poor reputation. Check whether your sending IP is listed and ask to be delisted; if you use a mail service, tell them.</source>
        <translation>Le serveur de réception a refusé la connexion en raison de l&apos;adresse IP ou du nom du serveur qui a envoyé votre e-mail, souvent parce qu&apos;il figure sur une liste de blocage ou a une mauvaise réputation. Vérifiez si votre IP d&apos;envoi est listée et demandez son retrait&#xa0;; si vous passez par un service de messagerie, prévenez-le.</translation>
    </message>
    <message>
        <source>The receiving server blocked your sending server.</source>
        <translation>Le serveur de réception a bloqué votre serveur d&apos;envoi.</translation>
    </message>
    <message>
        <source>Something in the message&apos;s format (character encoding, headers or attachments) was not acceptable to the receiving server. Try sending it again in a simpler form, for example without unusual attachments or characters.</source>
        <translation>Un élément du format du message (encodage des caractères, en-têtes ou pièces jointes) n&apos;a pas été accepté par le serveur de réception. Essayez de le renvoyer sous une forme plus simple, par exemple sans pièces jointes ni caractères inhabituels.</translation>
    </message>
    <message>
        <source>The receiving server could not handle the message&apos;s content or format.</source>
        <translation>Le serveur de réception n&apos;a pas pu traiter le contenu ou le format du message.</translation>
    </message>
    <message>
        <source>This report says the message reached the recipient&apos;s server. Nothing needs fixing.</source>
        <translation>Ce rapport indique que le message est bien arrivé sur le serveur du destinataire. Il n&apos;y a rien à corriger.</translation>
    </message>
    <message>
        <source>The message was delivered.</source>
        <translation>Le message a été remis.</translation>
    </message>
    <message>
        <source>Your server kept trying to deliver the message for hours or days but the recipient&apos;s server never accepted it, usually because it was unreachable or kept deferring. Check that the recipient&apos;s domain is correct and its mail server is working, then send again.</source>
        <translation>Votre serveur a essayé de remettre le message pendant des heures ou des jours, mais le serveur du destinataire ne l&apos;a jamais accepté, généralement parce qu&apos;il était injoignable ou reportait sans cesse la réception. Vérifiez que le domaine du destinataire est correct et que son serveur de messagerie fonctionne, puis renvoyez le message.</translation>
    </message>
    <message>
        <source>The message could not be delivered in time and was given up.</source>
        <translation>Le message n&apos;a pas pu être remis à temps et son envoi a été abandonné.</translation>
    </message>
    <message>
        <source>The receiving server requires an encrypted (TLS) connection and the two servers could not set one up. Whoever runs your mail server should check its TLS settings and certificates.</source>
        <translation>Le serveur de réception exige une connexion chiffrée (TLS) et les deux serveurs n&apos;ont pas réussi à l&apos;établir. La personne qui gère votre serveur de messagerie doit vérifier ses paramètres TLS et ses certificats.</translation>
    </message>
    <message>
        <source>The servers could not agree on an encrypted connection.</source>
        <translation>Les serveurs n&apos;ont pas pu établir de connexion chiffrée.</translation>
    </message>
    <message>
        <source>This is a complaint report from the recipient&apos;s mail provider: someone marked your message as unwanted. Stop sending to this recipient and make sure everyone on your list asked for your mail; many complaints harm delivery to everyone.</source>
        <translation>Il s&apos;agit d&apos;un signalement transmis par le fournisseur de messagerie du destinataire&#xa0;: quelqu&apos;un a marqué votre message comme indésirable. Cessez d&apos;écrire à ce destinataire et assurez-vous que toutes les personnes de votre liste ont demandé à recevoir vos e-mails&#xa0;; de nombreuses plaintes nuisent à la remise de vos e-mails à tous vos destinataires.</translation>
    </message>
    <message>
        <source>A recipient reported your message as spam.</source>
        <translation>Un destinataire a signalé votre message comme spam.</translation>
    </message>
    <message>
        <source>The recipient (or their mail system) has set rules that refuse mail like this one, for example from senders they have not approved. Reach the recipient another way and ask them to allow your address.</source>
        <translation>Le destinataire (ou son système de messagerie) a défini des règles qui refusent ce type d&apos;e-mail, par exemple ceux d&apos;expéditeurs qu&apos;il n&apos;a pas approuvés. Contactez le destinataire par un autre moyen et demandez-lui d&apos;autoriser votre adresse.</translation>
    </message>
    <message>
        <source>The recipient&apos;s filters refused the message.</source>
        <translation>Les filtres du destinataire ont refusé le message.</translation>
    </message>
    <message>
        <source>This address used to work, but the recipient no longer receives mail here and the server does not forward it. Ask the recipient for their new address.</source>
        <translation>Cette adresse fonctionnait auparavant, mais le destinataire n&apos;y reçoit plus d&apos;e-mails et le serveur ne les transfère pas. Demandez sa nouvelle adresse au destinataire.</translation>
    </message>
    <message>
        <source>The recipient has moved to another address.</source>
        <translation>Le destinataire a changé d&apos;adresse.</translation>
    </message>
    <message>
        <source>The part of the address after the @ does not exist in DNS, or has no mail server. It is usually a typing mistake in the domain or a domain that has expired. Check the spelling of the domain.</source>
        <translation>La partie de l&apos;adresse située après le @ n&apos;existe pas dans le DNS, ou n&apos;a pas de serveur de messagerie. Il s&apos;agit généralement d&apos;une faute de frappe dans le domaine, ou d&apos;un domaine qui a expiré. Vérifiez l&apos;orthographe du domaine.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not exist or cannot receive email.</source>
        <translation>Le domaine du destinataire n&apos;existe pas ou ne peut pas recevoir d&apos;e-mails.</translation>
    </message>
    <message>
        <source>The recipient has used up their storage space, so the server cannot take new messages for now. Wait and try again later, or tell the recipient by another channel so they can make room.</source>
        <translation>Le destinataire a épuisé son espace de stockage&#xa0;: le serveur ne peut donc pas accepter de nouveaux messages pour le moment. Patientez et réessayez plus tard, ou prévenez le destinataire par un autre moyen pour qu&apos;il libère de l&apos;espace.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>La boîte aux lettres du destinataire est pleine.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server hands mail to a program (a filter or delivery script), and that program failed. The recipient&apos;s IT needs to look at it.</source>
        <translation>Le serveur du destinataire transmet les e-mails à un programme (un filtre ou un script de distribution), et ce programme a échoué. Le service informatique du destinataire doit examiner le problème.</translation>
    </message>
    <message>
        <source>A program on the recipient&apos;s server failed while delivering.</source>
        <translation>Un programme a échoué sur le serveur du destinataire pendant la distribution.</translation>
    </message>
    <message>
        <source>Your server could not talk to the recipient&apos;s mail server properly: the connection failed, was cut, or DNS could not be asked. It is often temporary; if it keeps happening, the recipient&apos;s IT should check their mail server and DNS.</source>
        <translation>Votre serveur n&apos;a pas pu communiquer correctement avec le serveur de messagerie du destinataire&#xa0;: la connexion a échoué ou a été coupée, ou le DNS n&apos;a pas pu être interrogé. Le problème est souvent temporaire&#xa0;; s&apos;il persiste, le service informatique du destinataire doit vérifier son serveur de messagerie et son DNS.</translation>
    </message>
    <message>
        <source>A network problem stopped the delivery.</source>
        <translation>Un problème réseau a empêché la remise.</translation>
    </message>
    <message>
        <source>The server refused to pass the message on (relaying denied).</source>
        <translation>Le serveur a refusé de relayer le message (relais refusé).</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain has declared that it receives no mail (a null MX record), or its server refuses all mail. Check that you have the right domain; otherwise reach the recipient another way.</source>
        <translation>Le domaine du destinataire a déclaré qu&apos;il ne reçoit aucun e-mail (enregistrement «&#xa0;null MX&#xa0;»), ou son serveur refuse tous les e-mails. Vérifiez que vous avez le bon domaine&#xa0;; sinon, contactez le destinataire par un autre moyen.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not accept email at all.</source>
        <translation>Le domaine du destinataire n&apos;accepte aucun e-mail.</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because its headers break the email format rules (for example several From or Date headers, or a malformed header). The program that created the message needs fixing.</source>
        <translation>Le serveur de réception a rejeté le message parce que ses en-têtes ne respectent pas les règles de format des e-mails (par exemple plusieurs en-têtes From ou Date, ou un en-tête mal formé). Le programme qui a créé le message doit être corrigé.</translation>
    </message>
    <message>
        <source>The message does not follow the email standards.</source>
        <translation>Le message ne respecte pas les normes des e-mails.</translation>
    </message>
    <message>
        <source>The receiving side reported a failure without a clear reason. Read the server&apos;s exact words below; if they do not help, ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>Le serveur du destinataire a signalé un échec sans raison claire. Lisez ci-dessous la réponse exacte du serveur&#xa0;; si elle ne vous aide pas, contactez le service informatique du destinataire en lui indiquant la date et le texte de l&apos;erreur.</translation>
    </message>
    <message>
        <source>The message was not delivered, and the bounce does not say exactly why.</source>
        <translation>Le message n&apos;a pas été remis, et le message de non-remise n&apos;indique pas précisément pourquoi.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation has rules about what mail it accepts (senders, content, attachments or how messages are formatted), and this message did not meet them. Ask the recipient&apos;s IT which rule applies.</source>
        <translation>L&apos;organisation du destinataire applique des règles sur les e-mails qu&apos;elle accepte (expéditeurs, contenu, pièces jointes ou mise en forme des messages), et ce message ne les respectait pas. Demandez au service informatique du destinataire quelle règle s&apos;applique.</translation>
    </message>
    <message>
        <source>The message broke a policy of the receiving organisation.</source>
        <translation>Le message ne respecte pas une règle de l&apos;organisation du destinataire.</translation>
    </message>
    <message>
        <source>The server did not accept the address the message was sent from (the envelope sender): it may look invalid, belong to a domain that does not exist, or be on the server&apos;s block list. Check the address your mail program or service sends from.</source>
        <translation>Le serveur n&apos;a pas accepté l&apos;adresse depuis laquelle le message a été envoyé (l&apos;expéditeur de l&apos;enveloppe)&#xa0;: elle semble peut-être non valide, appartient à un domaine inexistant ou figure sur la liste de blocage du serveur. Vérifiez l&apos;adresse d&apos;envoi utilisée par votre logiciel ou votre service de messagerie.</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address.</source>
        <translation>Le serveur de réception a refusé votre adresse d&apos;expéditeur.</translation>
    </message>
    <message>
        <source>The receiving server requires the IP address your mail comes from to have a reverse DNS (PTR) record that points to a name which points back to the same address. Whoever runs your mail server must set this up with their hosting or internet provider.</source>
        <translation>Le serveur de réception exige que l&apos;adresse IP d&apos;où provient votre e-mail ait un enregistrement DNS inverse (PTR) pointant vers un nom qui renvoie lui-même vers la même adresse. La personne qui gère votre serveur de messagerie doit le configurer avec son hébergeur ou son fournisseur d&apos;accès à Internet.</translation>
    </message>
    <message>
        <source>Your sending server has no valid reverse DNS name.</source>
        <translation>Votre serveur d&apos;envoi n&apos;a pas de nom DNS inverse valide.</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because of a security or authorization check: for example the sender could not be verified, or your server was not allowed to send this message. Check your authentication set-up and ask the recipient&apos;s IT for details.</source>
        <translation>Le serveur de réception a rejeté le message à la suite d&apos;un contrôle de sécurité ou d&apos;autorisation&#xa0;: par exemple, l&apos;expéditeur n&apos;a pas pu être vérifié, ou votre serveur n&apos;était pas autorisé à envoyer ce message. Vérifiez votre configuration d&apos;authentification et demandez des précisions au service informatique du destinataire.</translation>
    </message>
    <message>
        <source>The receiving server refused the message for a security reason.</source>
        <translation>Le serveur de réception a refusé le message pour une raison de sécurité.</translation>
    </message>
    <message>
        <source>The content of the message, its links or its formatting looked like spam to the receiving server&apos;s filter. Review the content (links, attachments, wording, images only), make sure the recipient expects it, and check your authentication set-up.</source>
        <translation>Le contenu du message, ses liens ou sa mise en forme ont été considérés comme du spam par le filtre du serveur de réception. Relisez le contenu (liens, pièces jointes, formulation, messages composés uniquement d&apos;images), assurez-vous que le destinataire attend votre message, et vérifiez votre configuration d&apos;authentification.</translation>
    </message>
    <message>
        <source>The receiving server thinks the message is spam.</source>
        <translation>Le serveur de réception considère le message comme du spam.</translation>
    </message>
    <message>
        <source>Your sending service has stopped sending to this address because earlier messages to it bounced or were reported. Check the address, and remove it from the suppression list only if you are sure it works again.</source>
        <translation>Votre service d&apos;envoi a cessé d&apos;écrire à cette adresse, car des messages précédents adressés à celle-ci ont été renvoyés ou signalés. Vérifiez l&apos;adresse, et ne la retirez de la liste de suppression que si vous êtes sûr qu&apos;elle fonctionne de nouveau.</translation>
    </message>
    <message>
        <source>Your mail service did not send it: the address is on its suppression list.</source>
        <translation>Votre service de messagerie ne l&apos;a pas envoyé&#xa0;: l&apos;adresse figure sur sa liste de suppression.</translation>
    </message>
    <message>
        <source>The mailbox exists but has been switched off, for example because the account was suspended, left unused for a long time, or not paid for. Reach the recipient another way and ask them to reactivate it or give you another address.</source>
        <translation>La boîte aux lettres existe mais a été désactivée, par exemple parce que le compte a été suspendu, est resté longtemps inutilisé ou n&apos;a pas été payé. Contactez le destinataire par un autre moyen et demandez-lui de la réactiver ou de vous donner une autre adresse.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is disabled.</source>
        <translation>La boîte aux lettres du destinataire est désactivée.</translation>
    </message>
    <message>
        <source>The receiving server said a command from your server was malformed or out of order. Whoever runs your mail server or sending software should look at it.</source>
        <translation>Le serveur de réception a indiqué qu&apos;une commande de votre serveur était mal formée ou envoyée dans le mauvais ordre. La personne qui gère votre serveur de messagerie ou votre logiciel d&apos;envoi doit examiner le problème.</translation>
    </message>
    <message>
        <source>The servers did not understand each other.</source>
        <translation>Les serveurs ne se sont pas compris.</translation>
    </message>
    <message>
        <source>Something went wrong on the recipient&apos;s mail server (a configuration error or an internal failure). It is not caused by your message; try again later, and tell the recipient&apos;s IT if it keeps happening.</source>
        <translation>Un problème est survenu sur le serveur de messagerie du destinataire (erreur de configuration ou panne interne). Votre message n&apos;en est pas la cause&#xa0;; réessayez plus tard, et prévenez le service informatique du destinataire si le problème persiste.</translation>
    </message>
    <message>
        <source>The receiving mail system had an internal problem.</source>
        <translation>Le système de messagerie du destinataire a rencontré un problème interne.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server has no room left to store incoming mail. It is the recipient&apos;s IT who must fix it; try again later.</source>
        <translation>Le serveur de messagerie du destinataire n&apos;a plus d&apos;espace pour stocker les e-mails entrants. C&apos;est au service informatique du destinataire de résoudre ce problème&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The receiving mail system is out of space.</source>
        <translation>Le système de messagerie du destinataire manque d&apos;espace.</translation>
    </message>
    <message>
        <source>The bounce gives no usable reason. Check the recipient&apos;s address, then ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>Le message de non-remise ne donne aucune raison exploitable. Vérifiez l&apos;adresse du destinataire, puis contactez le service informatique du destinataire en lui indiquant la date et le texte de l&apos;erreur.</translation>
    </message>
    <message>
        <source>The message was not delivered, for a reason the bounce does not give.</source>
        <translation>Le message n&apos;a pas été remis, pour une raison que le message de non-remise ne précise pas.</translation>
    </message>
    <message>
        <source>The receiving server says there is no mailbox with this name. The address may be misspelled, or the person may have left the organisation or closed the account. Check the spelling, or ask the recipient for their current address; sending again to the same address will not work.</source>
        <translation>Le serveur de réception indique qu&apos;il n&apos;existe aucune boîte aux lettres à ce nom. L&apos;adresse est peut-être mal orthographiée, ou la personne a quitté l&apos;organisation ou fermé son compte. Vérifiez l&apos;orthographe, ou demandez au destinataire son adresse actuelle&#xa0;; renvoyer le message à la même adresse ne fonctionnera pas.</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist.</source>
        <translation>L&apos;adresse du destinataire n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox answered automatically, for example because they are away. Your message was delivered.</source>
        <translation>La boîte aux lettres du destinataire a répondu automatiquement, par exemple parce qu&apos;il est absent. Votre message a bien été remis.</translation>
    </message>
    <message>
        <source>This is an automatic reply, not a failure.</source>
        <translation>Il s&apos;agit d&apos;une réponse automatique, pas d&apos;un échec.</translation>
    </message>
    <message>
        <source>The message or one of its attachments was detected as malware, or contained a file type the recipient does not allow. Scan your computer, and send documents in a safe format or through a link.</source>
        <translation>Le message ou l&apos;une de ses pièces jointes a été identifié comme logiciel malveillant, ou contenait un type de fichier que le destinataire n&apos;autorise pas. Analysez votre ordinateur avec un antivirus, et envoyez les documents dans un format sûr ou au moyen d&apos;un lien.</translation>
    </message>
    <message>
        <source>The receiving server found a virus or dangerous attachment.</source>
        <translation>Le serveur de réception a détecté un virus ou une pièce jointe dangereuse.</translation>
    </message>
    <message>
        <source>Microsoft keeps its own block list and your sending IP is on it. Whoever runs your mail server can request removal through Microsoft&apos;s sender support (delisting) page; if you use a mail service, contact them.</source>
        <translation>Microsoft tient sa propre liste de blocage, et votre IP d&apos;envoi y figure. La personne qui gère votre serveur de messagerie peut demander le retrait de la liste (delisting) sur la page d&apos;assistance aux expéditeurs de Microsoft&#xa0;; si vous passez par un service de messagerie, contactez-le.</translation>
    </message>
    <message>
        <source>Microsoft (Outlook/Hotmail) blocked your sending IP address.</source>
        <translation>Microsoft (Outlook/Hotmail) a bloqué votre adresse IP d&apos;envoi.</translation>
    </message>
    <message>
        <source>Microsoft 365 rejects mail from your IP because it is on its block list or has been banned for spam. Request delisting through Microsoft&apos;s delist portal, and check that your server is not sending spam.</source>
        <translation>Microsoft 365 rejette les e-mails provenant de votre IP, car elle figure sur sa liste de blocage ou a été bannie pour spam. Demandez le retrait de la liste sur le portail de delisting de Microsoft, et vérifiez que votre serveur n&apos;envoie pas de spam.</translation>
    </message>
    <message>
        <source>Microsoft refused mail from your sending IP address (banned or listed).</source>
        <translation>Microsoft a refusé les e-mails de votre adresse IP d&apos;envoi (bannie ou listée).</translation>
    </message>
    <message>
        <source>Your domain publishes a DMARC policy that says to reject mail that fails authentication, and this message failed SPF and DKIM alignment. Fix SPF and DKIM for the server that sent it.</source>
        <translation>Votre domaine publie une politique DMARC qui demande de rejeter les e-mails dont l&apos;authentification échoue, et ce message a échoué à l&apos;alignement SPF et DKIM. Corrigez SPF et DKIM pour le serveur qui l&apos;a envoyé.</translation>
    </message>
    <message>
        <source>Microsoft rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>Microsoft a rejeté le message, car il ne respecte pas la politique DMARC de votre domaine.</translation>
    </message>
    <message>
        <source>Outlook.com requires domains that send a lot of mail to have SPF, DKIM and DMARC in place and passing. Set up all three for your sending domain.</source>
        <translation>Outlook.com exige que les domaines qui envoient beaucoup d&apos;e-mails aient mis en place SPF, DKIM et DMARC, et que ces contrôles réussissent. Configurez les trois pour votre domaine d&apos;envoi.</translation>
    </message>
    <message>
        <source>Microsoft requires stronger authentication from high-volume senders.</source>
        <translation>Microsoft exige une authentification renforcée de la part des expéditeurs de gros volumes.</translation>
    </message>
    <message>
        <source>Your domain&apos;s SPF record does not list the server that sent this message. Add the sending server or service to your SPF record.</source>
        <translation>L&apos;enregistrement SPF de votre domaine ne mentionne pas le serveur qui a envoyé ce message. Ajoutez le serveur ou le service d&apos;envoi à votre enregistrement SPF.</translation>
    </message>
    <message>
        <source>The message failed the SPF check at Microsoft.</source>
        <translation>Le message a échoué au contrôle SPF chez Microsoft.</translation>
    </message>
    <message>
        <source>Microsoft 365 only accepts mail for sending from signed-in users. Turn on &apos;my outgoing server requires authentication&apos; in your mail program, with your mailbox&apos;s user name and password.</source>
        <translation>Microsoft 365 n&apos;accepte d&apos;envoyer des e-mails que pour les utilisateurs connectés. Dans votre logiciel de messagerie, activez l&apos;option «&#xa0;Mon serveur sortant requiert une authentification&#xa0;», avec le nom d&apos;utilisateur et le mot de passe de votre boîte aux lettres.</translation>
    </message>
    <message>
        <source>Your mail program tried to send without signing in.</source>
        <translation>Votre logiciel de messagerie a tenté d&apos;envoyer sans se connecter.</translation>
    </message>
    <message>
        <source>Microsoft looked the address up in the recipient&apos;s directory and found nobody. Check the spelling, or ask the recipient for their current address.</source>
        <translation>Microsoft a cherché l&apos;adresse dans l&apos;annuaire du destinataire et n&apos;a trouvé personne. Vérifiez l&apos;orthographe, ou demandez au destinataire son adresse actuelle.</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist in their Microsoft 365 organisation.</source>
        <translation>L&apos;adresse du destinataire n&apos;existe pas dans son organisation Microsoft 365.</translation>
    </message>
    <message>
        <source>Microsoft 365 checks addresses against the recipient organisation&apos;s directory before accepting mail (directory-based edge blocking), and this address is not in it. Check the spelling; if it is right, the recipient&apos;s IT must add the mailbox or its alias.</source>
        <translation>Microsoft 365 vérifie les adresses dans l&apos;annuaire de l&apos;organisation du destinataire avant d&apos;accepter un e-mail (blocage en périphérie basé sur l&apos;annuaire), et cette adresse n&apos;y figure pas. Vérifiez l&apos;orthographe&#xa0;; si elle est correcte, le service informatique du destinataire doit ajouter la boîte aux lettres ou son alias.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation does not know this address.</source>
        <translation>L&apos;organisation du destinataire ne connaît pas cette adresse.</translation>
    </message>
    <message>
        <source>The recipient (or a group address) is restricted to certain senders by their Microsoft 365 administrators. Ask the recipient&apos;s IT to allow your address.</source>
        <translation>Les administrateurs Microsoft 365 du destinataire ont restreint cette adresse (ou cette adresse de groupe) à certains expéditeurs. Demandez au service informatique du destinataire d&apos;autoriser votre adresse.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail from approved senders.</source>
        <translation>L&apos;organisation du destinataire n&apos;accepte que les e-mails d&apos;expéditeurs approuvés.</translation>
    </message>
    <message>
        <source>Your domain&apos;s DMARC policy asks receivers to reject mail that fails SPF and DKIM alignment, and this message failed. Gmail also requires bulk senders to authenticate. Fix SPF and DKIM for the server that sent it.</source>
        <translation>La politique DMARC de votre domaine demande aux serveurs de réception de rejeter les e-mails qui échouent à l&apos;alignement SPF et DKIM, et ce message a échoué. Gmail exige en outre que les expéditeurs de gros volumes s&apos;authentifient. Corrigez SPF et DKIM pour le serveur qui l&apos;a envoyé.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed authentication (DMARC).</source>
        <translation>Gmail a rejeté le message, car il a échoué à l&apos;authentification (DMARC).</translation>
    </message>
    <message>
        <source>Gmail uses 5.7.27 for SPF failures. Your domain&apos;s SPF record does not include the server that sent the message; add it.</source>
        <translation>Gmail utilise le code 5.7.27 pour les échecs SPF. L&apos;enregistrement SPF de votre domaine n&apos;inclut pas le serveur qui a envoyé le message&#xa0;; ajoutez-le.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the SPF check.</source>
        <translation>Gmail a rejeté le message, car il a échoué au contrôle SPF.</translation>
    </message>
    <message>
        <source>The message was not signed with DKIM, or the signature did not verify. Turn on DKIM signing for your domain.</source>
        <translation>Le message n&apos;était pas signé avec DKIM, ou la signature n&apos;a pas pu être vérifiée. Activez la signature DKIM pour votre domaine.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the DKIM check.</source>
        <translation>Gmail a rejeté le message, car il a échoué au contrôle DKIM.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation uses Google Workspace and its administrators have a rule that refuses your message, often a block on your IP address or domain. Ask the recipient&apos;s IT to allow your sender address and IP.</source>
        <translation>L&apos;organisation du destinataire utilise Google Workspace et ses administrateurs ont défini une règle qui refuse votre message, souvent un blocage de votre adresse IP ou de votre domaine. Demandez au service informatique du destinataire d&apos;autoriser votre adresse d&apos;expéditeur et votre IP.</translation>
    </message>
    <message>
        <source>The recipient&apos;s Google Workspace blocked the message by its own policy.</source>
        <translation>Le Google Workspace du destinataire a bloqué le message en vertu de ses propres règles.</translation>
    </message>
    <message>
        <source>Gmail is temporarily refusing mail for this account because it receives mail faster than allowed. Try again later.</source>
        <translation>Gmail refuse temporairement les e-mails destinés à ce compte, car il en reçoit plus vite que la limite autorisée. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The Gmail recipient is receiving too much mail right now.</source>
        <translation>Le destinataire Gmail reçoit trop d&apos;e-mails en ce moment.</translation>
    </message>
    <message>
        <source>Gmail has seen unwanted mail from your IP address or domain and limits what it accepts. Check blocklists, Google Postmaster Tools, and your authentication, and send only to people who asked for your mail.</source>
        <translation>Gmail a reçu des e-mails indésirables provenant de votre adresse IP ou de votre domaine et limite ce qu&apos;il accepte. Vérifiez les listes de blocage, Google Postmaster Tools et votre authentification, et n&apos;écrivez qu&apos;aux personnes qui ont demandé à recevoir vos e-mails.</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your server right now.</source>
        <translation>Gmail ne fait pas confiance aux e-mails de votre serveur pour le moment.</translation>
    </message>
    <message>
        <source>Yahoo saw complaints or a sudden rise in volume from your server and is slowing it down. Your server will retry. Send only to people who asked for your mail, and keep volumes steady.</source>
        <translation>Yahoo a constaté des plaintes ou une hausse soudaine du volume en provenance de votre serveur et le ralentit. Votre serveur fera de nouvelles tentatives. N&apos;écrivez qu&apos;aux personnes qui ont demandé à recevoir vos e-mails, et gardez des volumes réguliers.</translation>
    </message>
    <message>
        <source>Yahoo is temporarily deferring your mail because of complaints or unusual volume.</source>
        <translation>Yahoo diffère temporairement vos e-mails en raison de plaintes ou d&apos;un volume inhabituel.</translation>
    </message>
    <message>
        <source>Yahoo blocks mail from IP addresses listed by Spamhaus. Look your IP up on Spamhaus and request removal once the cause is fixed.</source>
        <translation>Yahoo bloque les e-mails provenant d&apos;adresses IP listées par Spamhaus. Recherchez votre IP sur Spamhaus et demandez son retrait une fois la cause corrigée.</translation>
    </message>
    <message>
        <source>Yahoo refused your mail because your IP is on a blocklist (Spamhaus).</source>
        <translation>Yahoo a refusé vos e-mails, car votre IP figure sur une liste de blocage (Spamhaus).</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refused the message (code CS01 or HM08): it did not trust your sending server or content. Check blocklists and authentication, and contact iCloud&apos;s postmaster through their support page if it persists.</source>
        <translation>iCloud Mail d&apos;Apple a refusé le message (code CS01 ou HM08)&#xa0;: il ne faisait pas confiance à votre serveur d&apos;envoi ou au contenu. Vérifiez les listes de blocage et l&apos;authentification, et, si le problème persiste, contactez le postmaster d&apos;iCloud via sa page d&apos;assistance.</translation>
    </message>
    <message>
        <source>iCloud Mail blocked your message because of its policy or your server&apos;s reputation.</source>
        <translation>iCloud Mail a bloqué votre message en raison de ses règles ou de la réputation de votre serveur.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail system holds an allow list, and your address is not on it. Nothing is wrong with your email set-up. Ask the recipient, by phone or another channel, to have their IT add your address (or your domain) to the allowed senders.</source>
        <translation>Le système de messagerie du destinataire utilise une liste d&apos;expéditeurs autorisés, et votre adresse n&apos;y figure pas. Votre configuration de messagerie n&apos;est pas en cause. Demandez au destinataire, par téléphone ou par un autre moyen, de faire ajouter votre adresse (ou votre domaine) aux expéditeurs autorisés par son service informatique.</translation>
    </message>
    <message>
        <source>The recipient only accepts mail from senders they approved in advance.</source>
        <translation>Le destinataire n&apos;accepte que les e-mails d&apos;expéditeurs qu&apos;il a approuvés au préalable.</translation>
    </message>
    <message>
        <source>Spamhaus PBL: the ISP says this address should not send mail directly</source>
        <translation>Spamhaus PBL&#xa0;: selon le fournisseur d&apos;accès, cette adresse ne devrait pas envoyer d&apos;e-mails directement</translation>
    </message>
    <message>
        <source>Spamhaus PBL: this address looks like an end-user address that should not send mail directly</source>
        <translation>Spamhaus PBL&#xa0;: cette adresse semble être celle d&apos;un utilisateur final, qui ne devrait pas envoyer d&apos;e-mails directement</translation>
    </message>
    <message>
        <source>Spamhaus SBL: a known spam source</source>
        <translation>Spamhaus SBL&#xa0;: source de spam connue</translation>
    </message>
    <message>
        <source>Spamhaus CSS: recently sent spam (snowshoe)</source>
        <translation>Spamhaus CSS&#xa0;: a récemment envoyé du spam (snowshoe)</translation>
    </message>
    <message>
        <source>Spamhaus BCL: a botnet controller</source>
        <translation>Spamhaus BCL&#xa0;: serveur de contrôle de botnet</translation>
    </message>
    <message>
        <source>Spamhaus XBL: infected or hijacked machine</source>
        <translation>Spamhaus XBL&#xa0;: machine infectée ou piratée</translation>
    </message>
    <message>
        <source>Spamhaus DROP: network under spammer control</source>
        <translation>Spamhaus DROP&#xa0;: réseau contrôlé par des spammeurs</translation>
    </message>
    <message>
        <source>the query used a mistyped zone name</source>
        <translation>la requête contenait un nom de zone mal orthographié</translation>
    </message>
    <message>
        <source>Spamhaus refuses queries that come through public or open DNS resolvers (such as 1.1.1.1 or 8.8.8.8)</source>
        <translation>Spamhaus refuse les requêtes qui passent par des résolveurs DNS publics ou ouverts (comme 1.1.1.1 ou 8.8.8.8)</translation>
    </message>
    <message>
        <source>Spamhaus received too many queries from your DNS resolver</source>
        <translation>Spamhaus a reçu trop de requêtes de votre résolveur DNS</translation>
    </message>
    <message>
        <source>an abused legitimate domain (spam)</source>
        <translation>domaine légitime détourné (spam)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (redirector)</source>
        <translation>domaine légitime détourné (redirection)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (phishing)</source>
        <translation>domaine légitime détourné (hameçonnage)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (malware)</source>
        <translation>domaine légitime détourné (logiciel malveillant)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (botnet)</source>
        <translation>domaine légitime détourné (botnet)</translation>
    </message>
    <message>
        <source>a spam domain</source>
        <translation>domaine de spam</translation>
    </message>
    <message>
        <source>a phishing domain</source>
        <translation>domaine d&apos;hameçonnage</translation>
    </message>
    <message>
        <source>a malware domain</source>
        <translation>domaine de logiciels malveillants</translation>
    </message>
    <message>
        <source>a botnet command-and-control domain</source>
        <translation>domaine de commande et de contrôle de botnet</translation>
    </message>
    <message>
        <source>the DBL does not take IP addresses</source>
        <translation>la DBL n&apos;accepte pas les adresses IP</translation>
    </message>
    <message>
        <source>listed by Barracuda</source>
        <translation>listé par Barracuda</translation>
    </message>
    <message>
        <source>reported to SpamCop as a spam source (listings expire by themselves a day after the last report)</source>
        <translation>signalé à SpamCop comme source de spam (l&apos;inscription expire d&apos;elle-même un jour après le dernier signalement)</translation>
    </message>
    <message>
        <source>sent mail to spam traps</source>
        <translation>a envoyé des e-mails à des pièges à spam</translation>
    </message>
    <message>
        <source>worst reputation</source>
        <translation>pire réputation</translation>
    </message>
    <message>
        <source>very bad reputation</source>
        <translation>très mauvaise réputation</translation>
    </message>
    <message>
        <source>bad reputation</source>
        <translation>mauvaise réputation</translation>
    </message>
    <message>
        <source>a zero-hour spam source</source>
        <translation>source de spam «&#xa0;zero-hour&#xa0;» (toute nouvelle)</translation>
    </message>
    <message>
        <source>listed by UCEPROTECT (expires after 7 days without new hits)</source>
        <translation>listé par UCEPROTECT (expire après 7 jours sans nouvelle détection)</translation>
    </message>
    <message>
        <source>listed by NiX Spam (expires after 12 hours)</source>
        <translation>listé par NiX Spam (expire au bout de 12 heures)</translation>
    </message>
    <message>
        <source>cracked site</source>
        <translation>site piraté</translation>
    </message>
    <message>
        <source>malware</source>
        <translation>logiciel malveillant</translation>
    </message>
    <message>
        <source>abuse</source>
        <translation>abus</translation>
    </message>
    <message>
        <source>phishing</source>
        <translation>hameçonnage</translation>
    </message>
    <message>
        <source>SURBL blocked the query (your DNS resolver sends too many queries or is a public resolver)</source>
        <translation>SURBL a bloqué la requête (votre résolveur DNS envoie trop de requêtes ou est un résolveur public)</translation>
    </message>
    <message>
        <source>black list</source>
        <translation>liste noire</translation>
    </message>
    <message>
        <source>grey list</source>
        <translation>liste grise</translation>
    </message>
    <message>
        <source>red list</source>
        <translation>liste rouge</translation>
    </message>
    <message>
        <source>URIBL refused the query (public or large DNS resolvers such as Google or OpenDNS are blocked)</source>
        <translation>URIBL a refusé la requête (les résolveurs DNS publics ou très utilisés, comme ceux de Google ou d&apos;OpenDNS, sont bloqués)</translation>
    </message>
    <message>
        <source>Gmail&apos;s scanners judged something in the message, usually an attachment type or a link, to be a potential security issue. Remove or replace the attachment or link and send again.</source>
        <translation>Les analyseurs de Gmail ont jugé qu’un élément du message, le plus souvent un type de pièce jointe ou un lien, présentait un risque de sécurité. Retirez ou remplacez la pièce jointe ou le lien, puis renvoyez le message.</translation>
    </message>
    <message>
        <source>Gmail blocked the message because its content looks like a security risk.</source>
        <translation>Gmail a bloqué le message, car son contenu semble présenter un risque de sécurité.</translation>
    </message>
    <message>
        <source>The au/KDDI mobile mailbox exists but its owner&apos;s reception settings (for example refusing mail from PCs or unknown senders) turned the message away. Only the recipient can change those settings.</source>
        <translation>La boîte mobile au/KDDI existe, mais les réglages de réception de son titulaire (par exemple le refus des e-mails envoyés depuis un ordinateur ou par des expéditeurs inconnus) ont refusé le message. Seul le destinataire peut modifier ces réglages.</translation>
    </message>
    <message>
        <source>au (KDDI) refused the message by the recipient&apos;s mail settings.</source>
        <translation>au (KDDI) a refusé le message en raison des réglages de messagerie du destinataire.</translation>
    </message>
    <message>
        <source>The message with its attachments is larger than the receiving server, or this recipient&apos;s mailbox, accepts for a single message. Send smaller attachments, compress them, or share large files through a link.</source>
        <translation>Le message et ses pièces jointes dépassent la taille que le serveur de réception, ou la boîte aux lettres de ce destinataire, accepte pour un seul message. Envoyez des pièces jointes plus petites, compressez-les, ou partagez les gros fichiers par un lien.</translation>
    </message>
    <message>
        <source>The message is too large for the recipient&apos;s server or mailbox.</source>
        <translation>Le message est trop volumineux pour le serveur ou la boîte aux lettres du destinataire.</translation>
    </message>
    <message>
        <source>The server your mail was handed to does not accept mail for the recipient&apos;s domain. Usually the recipient&apos;s domain sends its mail (its MX records) to a server that is not set up to receive for it, or the domain in the address is misspelt. Check the domain in the address; if it is right, tell the recipient&apos;s IT, with the error text.</source>
        <translation>Le serveur à qui votre message a été remis n&apos;accepte pas les e-mails pour le domaine du destinataire. Généralement, le domaine du destinataire envoie son courrier (ses enregistrements MX) vers un serveur qui n&apos;est pas configuré pour le recevoir, ou le domaine de l&apos;adresse est mal orthographié. Vérifiez le domaine dans l&apos;adresse&#xa0;; s&apos;il est correct, prévenez le service informatique du destinataire en joignant le texte de l&apos;erreur.</translation>
    </message>
    <message>
        <source>The receiving server limits how many messages, recipients or connections it accepts from one sender in a given time, and your server went over that limit. Send more slowly or in smaller batches; deferred messages are usually delivered on a later attempt.</source>
        <translation>Le serveur de réception limite le nombre de messages, de destinataires ou de connexions qu&apos;il accepte d&apos;un même expéditeur sur une période donnée, et votre serveur a dépassé cette limite. Envoyez plus lentement ou par petits lots&#xa0;; les messages différés sont généralement remis lors d&apos;une tentative ultérieure.</translation>
    </message>
    <message>
        <source>Your server is sending too much, too fast, for this receiving server.</source>
        <translation>Votre serveur envoie trop de messages, trop vite, pour ce serveur destinataire.</translation>
    </message>
    <message>
        <source>Outlook.com and Microsoft 365 accept less mail from IP addresses with a poor or no sending history. Keep sending steadily and only to people who asked for your mail, check your IP with Microsoft&apos;s Smart Network Data Services, and make sure SPF, DKIM and DMARC pass; the deferred messages are retried.</source>
        <translation>Outlook.com et Microsoft 365 acceptent moins d&apos;e-mails des adresses IP qui ont un historique d&apos;envoi médiocre ou inexistant. Continuez à envoyer régulièrement et uniquement aux personnes qui ont demandé vos e-mails, vérifiez votre IP avec Smart Network Data Services de Microsoft et assurez-vous que SPF, DKIM et DMARC réussissent&#xa0;; les messages différés seront réessayés.</translation>
    </message>
    <message>
        <source>Microsoft is limiting mail from your server because of its IP address&apos;s reputation.</source>
        <translation>Microsoft limite le courrier de votre serveur à cause de la réputation de son adresse IP.</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to publish a DMARC policy for the domain in the From: address, and yours has none. Publish a DMARC record (a TXT record at _dmarc.your-domain, p=none is enough to start) once SPF and DKIM pass.</source>
        <translation>Gmail exige des expéditeurs, et de tous les expéditeurs en masse, qu&apos;ils publient une politique DMARC pour le domaine de l&apos;adresse From:, et le vôtre n&apos;en a pas. Publiez un enregistrement DMARC (un enregistrement TXT sur _dmarc.votre-domaine&#xa0;; p=none suffit pour commencer) une fois que SPF et DKIM réussissent.</translation>
    </message>
    <message>
        <source>Gmail wants your sending domain to publish a DMARC record.</source>
        <translation>Gmail demande que votre domaine d&apos;envoi publie un enregistrement DMARC.</translation>
    </message>
    <message>
        <source>SPF or DKIM may pass, but for a different domain than the one in the From: address, so DMARC alignment fails. Sign with DKIM for your own From: domain, or send with a return-path (MAIL FROM) in that domain.</source>
        <translation>SPF ou DKIM réussissent peut-être, mais pour un autre domaine que celui de l&apos;adresse From:, si bien que l&apos;alignement DMARC échoue. Signez avec DKIM pour votre propre domaine From:, ou envoyez avec un return-path (MAIL FROM) dans ce domaine.</translation>
    </message>
    <message>
        <source>Gmail refused the message because its From: domain does not match the domain SPF or DKIM checked.</source>
        <translation>Gmail a refusé le message car le domaine de son From: ne correspond pas au domaine vérifié par SPF ou DKIM.</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to use TLS when they deliver to it. Whoever runs your mail server must turn on STARTTLS for outgoing mail (opportunistic TLS at least); the deferred messages are retried.</source>
        <translation>Gmail exige des expéditeurs, et de tous les expéditeurs en masse, qu&apos;ils utilisent TLS pour lui remettre leurs messages. La personne qui gère votre serveur de messagerie doit activer STARTTLS pour les e-mails sortants (au moins le TLS opportuniste)&#xa0;; les messages différés seront réessayés.</translation>
    </message>
    <message>
        <source>Gmail is limiting your mail because it was not sent over an encrypted (TLS) connection.</source>
        <translation>Gmail limite votre courrier car il n&apos;a pas été envoyé par une connexion chiffrée (TLS).</translation>
    </message>
    <message>
        <source>Gmail saw a sudden rise in mail, or in unwanted mail, from your IP address, its network, or your DKIM or SPF domain, and is accepting less of it for now. Send more slowly and steadily, only to people who asked for your mail, and watch your spam rate in Google Postmaster Tools; the deferred messages are retried.</source>
        <translation>Gmail a constaté une hausse soudaine des e-mails, ou des e-mails indésirables, venant de votre adresse IP, de son réseau ou de votre domaine DKIM ou SPF, et en accepte moins pour le moment. Envoyez plus lentement et plus régulièrement, uniquement aux personnes qui ont demandé vos e-mails, et surveillez votre taux de spam dans Google Postmaster Tools&#xa0;; les messages différés seront réessayés.</translation>
    </message>
    <message>
        <source>Gmail is holding back mail from your server because of an unusual rate of mail.</source>
        <translation>Gmail retient le courrier de votre serveur à cause d&apos;un volume d&apos;envoi inhabituel.</translation>
    </message>
    <message>
        <source>Over IPv6 Gmail requires the sending address to have a PTR record whose name points back to the same address, and the message to pass SPF or DKIM. Give the server&apos;s IPv6 address a matching PTR record, or send over IPv4.</source>
        <translation>En IPv6, Gmail exige que l&apos;adresse d&apos;envoi ait un enregistrement PTR dont le nom renvoie vers la même adresse, et que le message réussisse SPF ou DKIM. Donnez à l&apos;adresse IPv6 du serveur un enregistrement PTR correspondant, ou envoyez en IPv4.</translation>
    </message>
    <message>
        <source>Gmail refused mail sent over IPv6 from an address without a matching reverse DNS name.</source>
        <translation>Gmail a refusé un courrier envoyé en IPv6 depuis une adresse sans nom DNS inverse correspondant.</translation>
    </message>
    <message>
        <source>Gmail checks that the sending IP address has a PTR record, and that the name it gives points back to the same address. Whoever runs your mail server must ask the hosting or internet provider to set a PTR record that matches the server&apos;s name.</source>
        <translation>Gmail vérifie que l&apos;adresse IP d&apos;envoi a un enregistrement PTR et que le nom indiqué renvoie vers la même adresse. La personne qui gère votre serveur de messagerie doit demander à l&apos;hébergeur ou au fournisseur d&apos;accès de créer un enregistrement PTR correspondant au nom du serveur.</translation>
    </message>
    <message>
        <source>Gmail refused your server because its IP address has no matching reverse DNS (PTR) name.</source>
        <translation>Gmail a refusé votre serveur car son adresse IP n&apos;a pas de nom DNS inverse (PTR) correspondant.</translation>
    </message>
    <message>
        <source>Gmail requires every sender to pass SPF or DKIM, and this message passed neither. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing for your domain.</source>
        <translation>Gmail exige que tout expéditeur réussisse SPF ou DKIM, et ce message n&apos;a réussi ni l&apos;un ni l&apos;autre. Ajoutez le serveur d&apos;envoi à l&apos;enregistrement SPF de votre domaine et activez la signature DKIM pour votre domaine.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it passed neither SPF nor DKIM.</source>
        <translation>Gmail a rejeté le message car il n&apos;a passé ni SPF ni DKIM.</translation>
    </message>
    <message>
        <source>Gmail judged the message suspicious because of the low reputation of the domain it came from, not because of this message&apos;s words. Check your domain on blocklists and in Google Postmaster Tools, make sure SPF, DKIM and DMARC pass, and send only to people who asked for your mail; the reputation recovers as complaints stop.</source>
        <translation>Gmail a jugé le message suspect en raison de la mauvaise réputation du domaine d&apos;où il vient, et non à cause de son contenu. Vérifiez votre domaine sur les listes de blocage et dans Google Postmaster Tools, assurez-vous que SPF, DKIM et DMARC réussissent, et n&apos;envoyez qu&apos;aux personnes qui ont demandé vos e-mails&#xa0;; la réputation se rétablit quand les plaintes cessent.</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your sending domain right now.</source>
        <translation>Gmail ne fait pas confiance au courrier de votre domaine d&apos;envoi pour le moment.</translation>
    </message>
    <message>
        <source>Yahoo requires every sender to pass SPF or DKIM, and bulk senders to pass both with a DMARC policy. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing.</source>
        <translation>Yahoo exige que tout expéditeur réussisse SPF ou DKIM, et que les expéditeurs en masse réussissent les deux avec une politique DMARC. Ajoutez le serveur d&apos;envoi à l&apos;enregistrement SPF de votre domaine et activez la signature DKIM.</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it passed neither SPF nor DKIM (5.7.9).</source>
        <translation>Yahoo a rejeté le message car il n&apos;a passé ni SPF ni DKIM (5.7.9).</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>Yahoo a rejeté le message car il n&apos;a pas satisfait la politique DMARC de votre domaine.</translation>
    </message>
    <message>
        <source>Yahoo will refuse all mail from this IP address for now, and retrying will not help. It follows complaints, unwanted mail or missing authentication. Fix the cause (authentication, list hygiene, a compromised account), then ask Yahoo&apos;s sender support to review the IP address.</source>
        <translation>Yahoo refusera pour le moment tous les e-mails de cette adresse IP, et réessayer n&apos;y changera rien. Cela fait suite à des plaintes, à des e-mails indésirables ou à une authentification manquante. Corrigez la cause (authentification, hygiène des listes, compte piraté), puis demandez au support expéditeurs de Yahoo de réexaminer l&apos;adresse IP.</translation>
    </message>
    <message>
        <source>Yahoo has stopped accepting mail from your server&apos;s IP address (TSS09).</source>
        <translation>Yahoo n&apos;accepte plus le courrier de l&apos;adresse IP de votre serveur (TSS09).</translation>
    </message>
    <message>
        <source>Yahoo refuses mail that breaks its sender requirements: usually failing SPF, DKIM or DMARC, but also unwanted content or volume. Check your domain&apos;s authentication first, then your content and sending volume.</source>
        <translation>Yahoo refuse les e-mails qui ne respectent pas ses exigences pour les expéditeurs&#xa0;: le plus souvent un échec SPF, DKIM ou DMARC, mais aussi un contenu indésirable ou un volume trop élevé. Vérifiez d&apos;abord l&apos;authentification de votre domaine, puis votre contenu et votre volume d&apos;envoi.</translation>
    </message>
    <message>
        <source>Yahoo refused the message under its sending policy (5.7.9).</source>
        <translation>Yahoo a refusé le message en vertu de sa politique d&apos;envoi (5.7.9).</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refuses mail it does not trust: often missing or failing SPF, DKIM or DMARC, a poor sending reputation, or content it considers unwanted. Check your domain&apos;s authentication and your server&apos;s reputation; if it persists, ask Apple through its postmaster support page.</source>
        <translation>iCloud Mail d&apos;Apple refuse les e-mails auxquels il ne fait pas confiance&#xa0;: souvent SPF, DKIM ou DMARC absent ou en échec, une mauvaise réputation d&apos;envoi, ou un contenu qu&apos;il juge indésirable. Vérifiez l&apos;authentification de votre domaine et la réputation de votre serveur&#xa0;; si le problème persiste, contactez Apple via sa page d&apos;assistance postmaster.</translation>
    </message>
    <message>
        <source>iCloud Mail refused the message under its local policy (CS01).</source>
        <translation>iCloud Mail a refusé le message en vertu de sa politique locale (CS01).</translation>
    </message>
    <message>
        <source>The receiving server asks a blocklist (such as Spamhaus) about every sender, and the blocklist refused to answer it because it queries through a public or open DNS resolver. That refusal says nothing about you: your server is not listed. Tell the recipient&apos;s IT, with the error text, so they point their blocklist lookups at their own resolver or a registered feed.</source>
        <translation>Le serveur de réception interroge une liste de blocage (comme Spamhaus) sur chaque expéditeur, et la liste a refusé de lui répondre parce qu&apos;il passe par un résolveur DNS public ou ouvert. Ce refus ne dit rien sur vous&#xa0;: votre serveur n&apos;est pas répertorié. Prévenez le service informatique du destinataire en joignant le texte de l&apos;erreur, pour qu&apos;il fasse passer ses requêtes de listes de blocage par son propre résolveur ou par un accès enregistré.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server could not check its blocklists: the fault is on their side.</source>
        <translation>Le serveur du destinataire n&apos;a pas pu consulter ses listes de blocage : le problème est de son côté.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain publishes a policy (MTA-STS or DANE) saying its mail must travel encrypted to servers with a valid certificate, and its server did not meet it: no TLS, an expired or mismatched certificate, or records that do not match. Your side is fine. Tell the recipient&apos;s IT, with the error text; they must fix their certificate or their policy.</source>
        <translation>Le domaine du destinataire publie une règle (MTA-STS ou DANE) selon laquelle son courrier doit circuler chiffré vers des serveurs ayant un certificat valide, et son serveur ne la respecte pas&#xa0;: pas de TLS, un certificat expiré ou qui ne correspond pas, ou des enregistrements incohérents. Rien à corriger de votre côté. Prévenez le service informatique du destinataire en joignant le texte de l&apos;erreur&#xa0;; il doit corriger son certificat ou sa règle.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server failed the encryption checks its own domain asks for (MTA-STS or DANE).</source>
        <translation>Le serveur du destinataire a échoué aux contrôles de chiffrement exigés par son propre domaine (MTA-STS ou DANE).</translation>
    </message>
    <message>
        <source>The receiving server refused to take the message before the connection was encrypted with STARTTLS. Nothing is wrong with the address or the message, and no blocklist is involved. Whoever runs your mail server must turn on TLS (STARTTLS) for outgoing mail; if it is on, check that the server&apos;s TLS library and certificates are up to date.</source>
        <translation>Le serveur de réception a refusé le message avant que la connexion soit chiffrée avec STARTTLS. L&apos;adresse et le message ne posent aucun problème, et aucune liste de blocage n&apos;est en cause. La personne qui gère votre serveur de messagerie doit activer TLS (STARTTLS) pour les e-mails sortants&#xa0;; s&apos;il est déjà activé, vérifiez que la bibliothèque TLS et les certificats du serveur sont à jour.</translation>
    </message>
    <message>
        <source>The receiving server only accepts mail over an encrypted (TLS) connection, and your server did not use one.</source>
        <translation>Le serveur destinataire n&apos;accepte le courrier que par une connexion chiffrée (TLS), et votre serveur n&apos;en a pas utilisé.</translation>
    </message>
    <message>
        <source>The address is a group, mailbox or public folder that its Microsoft 365 administrators set to refuse mail from outside their organisation or from senders not on its list. Nothing is wrong with your set-up; ask the recipient&apos;s IT to allow your address, or write to a person there directly.</source>
        <translation>L&apos;adresse est un groupe, une boîte aux lettres ou un dossier public que ses administrateurs Microsoft 365 ont configuré pour refuser les e-mails venant de l&apos;extérieur de leur organisation ou d&apos;expéditeurs absents de sa liste. Votre configuration n&apos;est pas en cause&#xa0;; demandez au service informatique du destinataire d&apos;autoriser votre adresse, ou écrivez directement à une personne de cette organisation.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail for this address from its own or approved senders.</source>
        <translation>L&apos;organisation du destinataire n&apos;accepte pour cette adresse que le courrier de ses propres expéditeurs ou d&apos;expéditeurs approuvés.</translation>
    </message>
    <message>
        <source>The mail server refused to pass the message on because whatever sent it did not log in (SMTP authentication). This is common with copiers, scanners, web shops and forms set to use the organisation&apos;s mail server without a user name and password. In the device&apos;s mail settings, turn on SMTP authentication with a mailbox&apos;s user name and password (or an app password), use port 587 with STARTTLS (or 465 with SSL/TLS), and send from that mailbox&apos;s address.</source>
        <translation>Le serveur de messagerie a refusé de transmettre le message parce que l&apos;appareil ou le programme qui l&apos;a envoyé ne s&apos;est pas connecté (authentification SMTP). C&apos;est fréquent avec les copieurs, scanners, boutiques en ligne et formulaires configurés pour utiliser le serveur de messagerie de l&apos;organisation sans nom d&apos;utilisateur ni mot de passe. Dans les paramètres de messagerie de l&apos;appareil, activez l&apos;authentification SMTP avec le nom d&apos;utilisateur et le mot de passe d&apos;une boîte aux lettres (ou un mot de passe d&apos;application), utilisez le port 587 avec STARTTLS (ou 465 avec SSL/TLS), et envoyez depuis l&apos;adresse de cette boîte aux lettres.</translation>
    </message>
    <message>
        <source>Your device or program must sign in to the mail server before it may send.</source>
        <translation>Votre appareil ou programme doit se connecter au serveur de messagerie avant de pouvoir envoyer.</translation>
    </message>
</context>
<context>
    <name>ReportTr</name>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>pas fait</translation>
    </message>
    <message>
        <source>Refused, not retried</source>
        <translation>Refusé, pas de nouvel essai</translation>
    </message>
    <message>
        <source>Delayed, still trying</source>
        <translation>Retardé, nouvel essai en cours</translation>
    </message>
    <message>
        <source>Not a failure</source>
        <translation>Pas un échec</translation>
    </message>
    <message>
        <source>Nobody: nothing failed</source>
        <translation>Personne : rien n&apos;a échoué</translation>
    </message>
    <message>
        <source>Nobody yet: your mail server is still trying</source>
        <translation>Personne pour l&apos;instant : votre serveur de messagerie réessaie encore</translation>
    </message>
    <message>
        <source>Address does not exist</source>
        <translation>L&apos;adresse n&apos;existe pas</translation>
    </message>
    <message>
        <source>Domain does not exist</source>
        <translation>Le domaine n&apos;existe pas</translation>
    </message>
    <message>
        <source>Recipient has moved</source>
        <translation>Le destinataire a changé d&apos;adresse</translation>
    </message>
    <message>
        <source>Mailbox disabled</source>
        <translation>Boîte aux lettres désactivée</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>Boîte aux lettres pleine</translation>
    </message>
    <message>
        <source>Message too large</source>
        <translation>Message trop volumineux</translation>
    </message>
    <message>
        <source>Relaying refused</source>
        <translation>Relais refusé</translation>
    </message>
    <message>
        <source>Sender authentication failed</source>
        <translation>Échec de l&apos;authentification de l&apos;expéditeur</translation>
    </message>
    <message>
        <source>Poor sender reputation</source>
        <translation>Mauvaise réputation de l&apos;expéditeur</translation>
    </message>
    <message>
        <source>No reverse DNS for the sender</source>
        <translation>Pas de DNS inverse pour l&apos;expéditeur</translation>
    </message>
    <message>
        <source>Message breaks the standard</source>
        <translation>Le message ne respecte pas la norme</translation>
    </message>
    <message>
        <source>Encryption (TLS) failed</source>
        <translation>Échec du chiffrement (TLS)</translation>
    </message>
    <message>
        <source>Filtered by the recipient</source>
        <translation>Filtré par le destinataire</translation>
    </message>
    <message>
        <source>Sender address refused</source>
        <translation>Adresse de l&apos;expéditeur refusée</translation>
    </message>
    <message>
        <source>Judged as spam</source>
        <translation>Jugé comme spam</translation>
    </message>
    <message>
        <source>Malware suspected</source>
        <translation>Logiciel malveillant suspecté</translation>
    </message>
    <message>
        <source>Against the recipient&apos;s policy</source>
        <translation>Contraire à la politique du destinataire</translation>
    </message>
    <message>
        <source>Security check failed</source>
        <translation>Échec du contrôle de sécurité</translation>
    </message>
    <message>
        <source>Sending too fast</source>
        <translation>Envoi trop rapide</translation>
    </message>
    <message>
        <source>Sender blocked</source>
        <translation>Expéditeur bloqué</translation>
    </message>
    <message>
        <source>Gave up after retrying</source>
        <translation>Abandon après plusieurs essais</translation>
    </message>
    <message>
        <source>Network problem</source>
        <translation>Problème réseau</translation>
    </message>
    <message>
        <source>Receiving server error</source>
        <translation>Erreur du serveur destinataire</translation>
    </message>
    <message>
        <source>Receiving server full</source>
        <translation>Serveur destinataire saturé</translation>
    </message>
    <message>
        <source>Domain accepts no mail</source>
        <translation>Le domaine n&apos;accepte pas de courrier</translation>
    </message>
    <message>
        <source>Recipient&apos;s mail program failed</source>
        <translation>Échec du logiciel de messagerie du destinataire</translation>
    </message>
    <message>
        <source>Mail protocol error</source>
        <translation>Erreur du protocole de messagerie</translation>
    </message>
    <message>
        <source>Content refused</source>
        <translation>Contenu refusé</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Distribué</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>Réponse automatique</translation>
    </message>
    <message>
        <source>Spam complaint</source>
        <translation>Plainte pour spam</translation>
    </message>
    <message>
        <source>On a suppression list</source>
        <translation>Sur une liste de suppression</translation>
    </message>
    <message>
        <source>approved senders only</source>
        <translation>expéditeurs approuvés uniquement</translation>
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
        <translation>non authentifié</translation>
    </message>
    <message>
        <source>IP on a blocklist</source>
        <translation>IP sur une liste de blocage</translation>
    </message>
    <message>
        <source>rate limit</source>
        <translation>limite de débit</translation>
    </message>
    <message>
        <source>reverse DNS</source>
        <translation>DNS inverse</translation>
    </message>
    <message>
        <source>relaying</source>
        <translation>relais</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>compte désactivé</translation>
    </message>
    <message>
        <source>reputation</source>
        <translation>réputation</translation>
    </message>
    <message>
        <source>suppression list</source>
        <translation>liste de suppression</translation>
    </message>
    <message>
        <source>recipient policy</source>
        <translation>politique du destinataire</translation>
    </message>
    <message>
        <source>restricted recipient</source>
        <translation>destinataire restreint</translation>
    </message>
    <message>
        <source>unsubscribe request</source>
        <translation>demande de désabonnement</translation>
    </message>
    <message>
        <source>unknown to the recipient&apos;s directory</source>
        <translation>inconnu de l&apos;annuaire du destinataire</translation>
    </message>
    <message>
        <source>Delayed, still being retried</source>
        <translation>Retardé, nouvel essai en cours</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>Vérification impossible</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Liste de contrôle</translation>
    </message>
    <message>
        <source>no check run</source>
        <translation>aucune vérification lancée</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT</source>
        <translation>Message au service informatique du destinataire</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>À : %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>Liste de contrôle :</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT:</source>
        <translation>Message au service informatique du destinataire :</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>Who must act</source>
        <translation>Qui doit agir</translation>
    </message>
    <message>
        <source>Start with</source>
        <translation>Commencer par</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation>Serveur distant</translation>
    </message>
    <message>
        <source>Reporting server</source>
        <translation>Serveur ayant émis le rapport</translation>
    </message>
    <message>
        <source>Sending IP</source>
        <translation>IP d&apos;envoi</translation>
    </message>
    <message>
        <source>Blocklist named</source>
        <translation>Liste de blocage citée</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Suggested address</source>
        <translation>Adresse suggérée</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>Temporaire</translation>
    </message>
    <message>
        <source>You (the sender)</source>
        <translation>Vous (l&apos;expéditeur)</translation>
    </message>
    <message>
        <source>Your email administrator or provider</source>
        <translation>Votre administrateur ou fournisseur de messagerie</translation>
    </message>
    <message>
        <source>The recipient</source>
        <translation>Le destinataire</translation>
    </message>
    <message>
        <source>The recipient&apos;s IT</source>
        <translation>Le service informatique du destinataire</translation>
    </message>
    <message>
        <source>Not clear from the bounce</source>
        <translation>Impossible à déterminer d&apos;après le message de non-remise</translation>
    </message>
    <message>
        <source>Bounce diagnosis</source>
        <translation>Diagnostic de non-remise</translation>
    </message>
    <message>
        <source>Bounce:</source>
        <translation>Message de non-remise&#xa0;:</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>The server&apos;s exact words:</source>
        <translation>Réponse exacte du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Bounce for %1</source>
        <translation>Non-remise pour %1</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Réponse du serveur</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(masqué)</translation>
    </message>
    <message>
        <source>device or program not signed in</source>
        <translation>appareil ou programme non connecté</translation>
    </message>
</context>
<context>
    <name>ResolverProbeTr</name>
    <message>
        <source>Run the check on another network (not a hotel, café or guest network), turn off a VPN or filtering service, or give the DNS server of your internet provider in Settings (on the command line: --dns-server).</source>
        <translation>Lancez la vérification depuis un autre réseau (pas celui d&apos;un hôtel, d&apos;un café ou un réseau invité), désactivez le VPN ou le service de filtrage, ou indiquez le serveur DNS de votre fournisseur d&apos;accès dans les Paramètres (en ligne de commande&#xa0;: --dns-server).</translation>
    </message>
    <message>
        <source>your DNS server answers every name with the same address (%1), even names that do not exist</source>
        <translation>votre serveur DNS répond à tous les noms avec la même adresse (%1), même pour des noms qui n&apos;existent pas</translation>
    </message>
    <message>
        <source>your DNS server gives an address (%1) to names that do not exist, such as %2</source>
        <translation>votre serveur DNS donne une adresse (%1) à des noms qui n&apos;existent pas, comme %2</translation>
    </message>
    <message>
        <source>your DNS server says that %1, a name that certainly exists, does not exist: it answers &quot;no such name&quot; to everything</source>
        <translation>votre serveur DNS affirme que %1, un nom qui existe à coup sûr, n&apos;existe pas&#xa0;: il répond «&#xa0;nom inexistant&#xa0;» à tout</translation>
    </message>
    <message>
        <source>your DNS server did not answer for %1, a name that certainly exists (%2), so its &quot;does not exist&quot; answers cannot be trusted</source>
        <translation>votre serveur DNS n&apos;a pas répondu pour %1, un nom qui existe à coup sûr (%2), ses réponses «&#xa0;n&apos;existe pas&#xa0;» ne sont donc pas fiables</translation>
    </message>
    <message>
        <source>your DNS server</source>
        <translation>votre serveur DNS</translation>
    </message>
    <message>
        <source>The DNS checks cannot be trusted: %1.</source>
        <translation>Les vérifications DNS ne sont pas fiables&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Some DNS checks cannot be trusted: %1.</source>
        <translation>Certaines vérifications DNS ne sont pas fiables&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Every DNS result of this check is shown as &quot;could not check&quot;: what this server says about your domain, your IP address or blocklists says nothing either way.</source>
        <translation>Chaque résultat DNS de cette vérification est affiché comme «&#xa0;impossible de vérifier&#xa0;»&#xa0;: ce que ce serveur dit de votre domaine, de votre adresse IP ou des listes de blocage ne prouve rien, dans un sens comme dans l&apos;autre.</translation>
    </message>
    <message>
        <source>Results that say a domain, a record or a listing does not exist are shown as &quot;could not check&quot;.</source>
        <translation>Les résultats indiquant qu&apos;un domaine, un enregistrement ou une inscription n&apos;existe pas sont affichés comme «&#xa0;impossible de vérifier&#xa0;».</translation>
    </message>
    <message>
        <source>this</source>
        <translation>ceci</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>Impossible de vérifier %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>SpfLint</name>
    <message numerus="yes">
        <source>%n name(s) in the SPF record do not exist or have no address.</source>
        <translation>
            <numerusform>%n nom de l&apos;enregistrement SPF n&apos;existe pas ou n&apos;a pas d&apos;adresse.</numerusform>
            <numerusform>%n noms de l&apos;enregistrement SPF n&apos;existent pas ou n&apos;ont pas d&apos;adresse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpfLintTr</name>
    <message>
        <source>The domain publishes no SPF record, so receivers cannot tell which servers may send its mail.</source>
        <translation>Le domaine ne publie aucun enregistrement SPF&#xa0;: les serveurs de réception ne peuvent donc pas savoir quels serveurs ont le droit d&apos;envoyer ses e-mails.</translation>
    </message>
    <message>
        <source>The domain publishes %1 SPF records; there must be exactly one, otherwise every check ends in an error (permerror). Merge them.</source>
        <translation>Le domaine publie %1 enregistrements SPF&#xa0;; il en faut exactement un, sinon chaque vérification aboutit à une erreur (permerror). Fusionnez-les.</translation>
    </message>
    <message>
        <source>A piece of the TXT record is longer than 255 characters; split it into several quoted strings.</source>
        <translation>Un fragment de l&apos;enregistrement TXT dépasse 255 caractères&#xa0;; découpez-le en plusieurs chaînes entre guillemets.</translation>
    </message>
    <message>
        <source>The SPF record is %1 characters long; above 450 the DNS answer may not fit in one UDP packet. Shorten it or move parts into includes.</source>
        <translation>L&apos;enregistrement SPF fait %1 caractères&#xa0;; au-delà de 450, la réponse DNS risque de ne pas tenir dans un seul paquet UDP. Raccourcissez-le ou déplacez une partie dans des includes.</translation>
    </message>
    <message>
        <source>The SPF record has a syntax error: %1. Receivers treat the whole record as broken (permerror).</source>
        <translation>L&apos;enregistrement SPF contient une erreur de syntaxe&#xa0;: %1. Les serveurs de réception considèrent alors l&apos;enregistrement entier comme défectueux (permerror).</translation>
    </message>
    <message>
        <source>The record ends in &quot;+all&quot;: it allows every server on the internet to send as this domain. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>L&apos;enregistrement se termine par «&#xa0;+all&#xa0;»&#xa0;: il autorise n&apos;importe quel serveur sur Internet à envoyer des e-mails au nom de ce domaine. Utilisez «&#xa0;~all&#xa0;» ou «&#xa0;-all&#xa0;».</translation>
    </message>
    <message>
        <source>The record ends in &quot;?all&quot;: it says nothing about other servers, which gives little protection. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>L&apos;enregistrement se termine par «&#xa0;?all&#xa0;»&#xa0;: il ne dit rien des autres serveurs, ce qui offre peu de protection. Utilisez «&#xa0;~all&#xa0;» ou «&#xa0;-all&#xa0;».</translation>
    </message>
    <message>
        <source>The record uses &quot;ptr&quot;, which is slow, unreliable and discouraged by RFC 7208; list the addresses instead.</source>
        <translation>L&apos;enregistrement utilise «&#xa0;ptr&#xa0;», qui est lent, peu fiable et déconseillé par la RFC 7208&#xa0;; indiquez plutôt les adresses.</translation>
    </message>
    <message>
        <source>The record itself has %1 terms that need DNS lookups; more than 10 makes every check fail (permerror).</source>
        <translation>L&apos;enregistrement lui-même contient %1 termes nécessitant une requête DNS&#xa0;; au-delà de 10, chaque vérification échoue (permerror).</translation>
    </message>
    <message>
        <source>The record has no final &quot;all&quot; (nor redirect=), so servers not listed get &quot;neutral&quot;. End it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>L&apos;enregistrement ne se termine pas par un «&#xa0;all&#xa0;» (ni par redirect=)&#xa0;: les serveurs non listés obtiennent donc le résultat «&#xa0;neutral&#xa0;». Terminez-le par «&#xa0;~all&#xa0;» ou «&#xa0;-all&#xa0;».</translation>
    </message>
    <message>
        <source>Counting its includes, the SPF record needs more than 10 DNS lookups, so receivers give up with an error (permerror). Remove includes you no longer use or flatten them.</source>
        <translation>En comptant ses includes, l&apos;enregistrement SPF nécessite plus de 10 requêtes DNS&#xa0;: les serveurs de réception abandonnent donc avec une erreur (permerror). Supprimez les includes que vous n&apos;utilisez plus ou remplacez-les par les adresses qu&apos;ils contiennent.</translation>
    </message>
    <message>
        <source>More than 2 names in the SPF record do not exist or have no address, so receivers give up with an error (permerror).</source>
        <translation>Plus de 2 noms de l&apos;enregistrement SPF n&apos;existent pas ou n&apos;ont pas d&apos;adresse&#xa0;: les serveurs de réception abandonnent donc avec une erreur (permerror).</translation>
    </message>
    <message>
        <source>The SPF record includes itself through a loop: %1.</source>
        <translation>L&apos;enregistrement SPF s&apos;inclut lui-même en boucle&#xa0;: %1.</translation>
    </message>
    <message>
        <source>An include points to a domain without an SPF record: %1.</source>
        <translation>Un include pointe vers un domaine sans enregistrement SPF&#xa0;: %1.</translation>
    </message>
    <message>
        <source>A record reached through an include is broken: %1.</source>
        <translation>Un enregistrement atteint via un include est défectueux&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>SpfRecordTr</name>
    <message>
        <source>character not allowed in a macro string</source>
        <translation>caractère non autorisé dans une chaîne de macro</translation>
    </message>
    <message>
        <source>a lone &apos;%&apos; at the end</source>
        <translation>un «&#xa0;%&#xa0;» isolé à la fin</translation>
    </message>
    <message>
        <source>&apos;%&apos; must be followed by &apos;{&apos;, &apos;%&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>«&#xa0;%&#xa0;» doit être suivi de «&#xa0;{&#xa0;», «&#xa0;%&#xa0;», «&#xa0;_&#xa0;» ou «&#xa0;-&#xa0;»</translation>
    </message>
    <message>
        <source>a macro &apos;%{&apos; is not closed</source>
        <translation>une macro «&#xa0;%{&#xa0;» n&apos;est pas fermée</translation>
    </message>
    <message>
        <source>a macro needs a letter</source>
        <translation>une macro nécessite une lettre</translation>
    </message>
    <message>
        <source>unknown macro delimiter</source>
        <translation>délimiteur de macro inconnu</translation>
    </message>
    <message>
        <source>a macro keeps zero labels</source>
        <translation>une macro conserve zéro label</translation>
    </message>
    <message>
        <source>bad IPv6 prefix length</source>
        <translation>longueur de préfixe IPv6 incorrecte</translation>
    </message>
    <message>
        <source>bad IPv4 prefix length</source>
        <translation>longueur de préfixe IPv4 incorrecte</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>domaine vide</translation>
    </message>
    <message>
        <source>macro letter not allowed in a domain</source>
        <translation>lettre de macro non autorisée dans un domaine</translation>
    </message>
    <message>
        <source>the domain does not end in a valid top-level label</source>
        <translation>le domaine ne se termine pas par un label de premier niveau valide</translation>
    </message>
    <message>
        <source>the record contains a character that is not printable ASCII</source>
        <translation>l&apos;enregistrement contient un caractère qui n&apos;est pas de l&apos;ASCII imprimable</translation>
    </message>
    <message>
        <source>the record does not start with &quot;v=spf1&quot;</source>
        <translation>l&apos;enregistrement ne commence pas par «&#xa0;v=spf1&#xa0;»</translation>
    </message>
    <message>
        <source>the modifier &quot;%1&quot; appears more than once</source>
        <translation>le modificateur «&#xa0;%1&#xa0;» apparaît plusieurs fois</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>unknown macro letter &apos;%1&apos;</source>
        <translation>lettre de macro inconnue «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;all&quot; takes no argument</source>
        <translation>«&#xa0;all&#xa0;» n&apos;accepte pas d&apos;argument</translation>
    </message>
    <message>
        <source>a domain is required after &apos;:&apos;</source>
        <translation>un domaine est requis après «&#xa0;:&#xa0;»</translation>
    </message>
    <message>
        <source>unexpected text after the mechanism</source>
        <translation>texte inattendu après le mécanisme</translation>
    </message>
    <message>
        <source>an IPv4 address is required</source>
        <translation>une adresse IPv4 est requise</translation>
    </message>
    <message>
        <source>not a valid IPv4 address</source>
        <translation>adresse IPv4 non valide</translation>
    </message>
    <message>
        <source>an IPv6 address is required</source>
        <translation>une adresse IPv6 est requise</translation>
    </message>
    <message>
        <source>not a valid IPv6 address</source>
        <translation>adresse IPv6 non valide</translation>
    </message>
    <message>
        <source>unknown mechanism</source>
        <translation>mécanisme inconnu</translation>
    </message>
    <message>
        <source>the %{%1} macro would expand to %2 characters, longer than any address or domain</source>
        <translation>la macro %{%1} produirait %2 caractères, plus que n&apos;importe quelle adresse ou domaine</translation>
    </message>
</context>
<context>
    <name>StepAdviceTr</name>
    <message>
        <source>The server accepts messages up to %1, attachments included.</source>
        <translation>Le serveur accepte les messages jusqu&apos;à %1, pièces jointes comprises.</translation>
    </message>
    <message>
        <source>The server does not say its limit; many accept 10 to 25 MB, attachments included.</source>
        <translation>Le serveur n&apos;indique pas sa limite ; beaucoup acceptent de 10 à 25 Mo, pièces jointes comprises.</translation>
    </message>
    <message>
        <source>Then send the changed message again to the same address.</source>
        <translation>Renvoyez ensuite le message modifié à la même adresse.</translation>
    </message>
    <message>
        <source>The message was passed on to a system that sends no further reports. Nothing failed.</source>
        <translation>Le message a été transmis à un système qui n&apos;envoie pas d&apos;autre rapport. Rien n&apos;a échoué.</translation>
    </message>
    <message>
        <source>This is a delivery report: the message reached the recipient&apos;s server. Nothing failed.</source>
        <translation>Ceci est un rapport de distribution : le message est arrivé sur le serveur du destinataire. Rien n&apos;a échoué.</translation>
    </message>
    <message>
        <source>Keep this notice if you need proof of delivery.</source>
        <translation>Conservez cet avis si vous avez besoin d&apos;une preuve de distribution.</translation>
    </message>
    <message>
        <source>Verify the recipient address</source>
        <translation>Vérifier l&apos;adresse du destinataire</translation>
    </message>
    <message>
        <source>Check blocklists</source>
        <translation>Vérifier les listes de blocage</translation>
    </message>
    <message>
        <source>Check SPF, DKIM and DMARC</source>
        <translation>Vérifier SPF, DKIM et DMARC</translation>
    </message>
    <message>
        <source>Contact the recipient&apos;s IT</source>
        <translation>Contacter le service informatique du destinataire</translation>
    </message>
    <message>
        <source>Fix the sending set-up</source>
        <translation>Corriger la configuration d&apos;envoi</translation>
    </message>
    <message>
        <source>Review the message content</source>
        <translation>Relire le contenu du message</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Attendre</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>Aucune action nécessaire</translation>
    </message>
    <message>
        <source>A typing mistake or an address that no longer exists is the most common cause of a bounce. Check the spelling letter by letter, and that the domain after the @ is right.</source>
        <translation>Une faute de frappe ou une adresse qui n&apos;existe plus est la cause la plus fréquente de non-remise. Vérifiez l&apos;orthographe lettre par lettre, et assurez-vous que le domaine après le @ est correct.</translation>
    </message>
    <message>
        <source>Receiving servers refuse mail from IP addresses and domains on public blocklists. If your sending IP is listed, fix the cause (often a hacked account or a spam complaint), then ask the list to remove it.</source>
        <translation>Les serveurs de réception refusent les e-mails provenant d&apos;adresses IP et de domaines inscrits sur des listes de blocage publiques. Si votre IP d&apos;envoi y figure, corrigez la cause (souvent un compte piraté ou une plainte pour spam), puis demandez à la liste de la retirer.</translation>
    </message>
    <message>
        <source>These DNS records prove that your server may send for your domain. Large providers reject or junk mail that fails them.</source>
        <translation>Ces enregistrements DNS prouvent que votre serveur a le droit d&apos;envoyer des e-mails pour votre domaine. Les grands fournisseurs rejettent ou classent en spam les e-mails qui échouent à ces contrôles.</translation>
    </message>
    <message>
        <source>When the receiving side refuses you, only its administrators can change that. This message gives them what they need.</source>
        <translation>Lorsque le serveur du destinataire refuse vos e-mails, seuls ses administrateurs peuvent y remédier. Ce message leur fournit les informations dont ils ont besoin.</translation>
    </message>
    <message>
        <source>The message is late, not lost. Usually there is nothing to do but wait.</source>
        <translation>Le message est en retard, pas perdu. En général, il suffit d&apos;attendre.</translation>
    </message>
    <message>
        <source>The problem is temporary. Usually it is enough to wait and send again.</source>
        <translation>Le problème est temporaire. En général, il suffit d&apos;attendre et de renvoyer.</translation>
    </message>
    <message>
        <source>Nothing failed: this notice is for your information.</source>
        <translation>Rien n&apos;a échoué : cet avis est pour information.</translation>
    </message>
    <message>
        <source>Make the mail program or device (a copier, scanner or web form, for example) sign in to its outgoing (SMTP) server: turn on &quot;My outgoing server requires authentication&quot; (or &quot;SMTP authentication&quot;) and enter the mailbox&apos;s user name and password.</source>
        <translation>Faites en sorte que le logiciel de messagerie ou l&apos;appareil (un copieur, un scanner ou un formulaire web, par exemple) se connecte à son serveur sortant (SMTP)&#xa0;: activez «&#xa0;Mon serveur sortant requiert une authentification&#xa0;» (ou «&#xa0;Authentification SMTP&#xa0;») et saisissez le nom d&apos;utilisateur et le mot de passe de la boîte aux lettres.</translation>
    </message>
    <message>
        <source>Send through the submission port: 587 with STARTTLS, or 465 with SSL/TLS. Port 25 is for servers and often refuses devices.</source>
        <translation>Envoyez par le port de soumission&#xa0;: 587 avec STARTTLS, ou 465 avec SSL/TLS. Le port 25 est réservé aux serveurs et refuse souvent les appareils.</translation>
    </message>
    <message>
        <source>With Microsoft 365 or Google, the account may need SMTP sign-in (SMTP AUTH) turned on, or an app password when two-step sign-in is on.</source>
        <translation>Avec Microsoft 365 ou Google, il peut falloir activer la connexion SMTP (SMTP AUTH) pour le compte, ou utiliser un mot de passe d&apos;application si la validation en deux étapes est activée.</translation>
    </message>
    <message>
        <source>A server passes mail on only for senders it knows. Check the outgoing server name in the settings, and that the sender address is one of your own domain&apos;s.</source>
        <translation>Un serveur ne transmet le courrier que pour les expéditeurs qu&apos;il connaît. Vérifiez le nom du serveur sortant dans les paramètres, et que l&apos;adresse de l&apos;expéditeur appartient bien à votre propre domaine.</translation>
    </message>
    <message>
        <source>Check the encryption setting: STARTTLS on port 587, or SSL/TLS on port 465. Most servers refuse &quot;None&quot;.</source>
        <translation>Vérifiez le paramètre de chiffrement&#xa0;: STARTTLS sur le port 587, ou SSL/TLS sur le port 465. La plupart des serveurs refusent «&#xa0;Aucun&#xa0;».</translation>
    </message>
    <message>
        <source>Old devices and programs may speak only TLS 1.0 or 1.1, which servers now refuse: update the firmware or program, or send through a relay that speaks TLS 1.2 or newer.</source>
        <translation>Les appareils et programmes anciens ne parlent parfois que TLS 1.0 ou 1.1, que les serveurs refusent désormais&#xa0;: mettez à jour le micrologiciel ou le programme, ou envoyez via un relais qui parle TLS 1.2 ou plus récent.</translation>
    </message>
    <message>
        <source>For a certificate error, check that the server name in the settings matches the server&apos;s certificate (a name such as smtp.example.com, not an IP address) and that the device&apos;s date and time are right.</source>
        <translation>En cas d&apos;erreur de certificat, vérifiez que le nom du serveur dans les paramètres correspond au certificat du serveur (un nom comme smtp.example.com, pas une adresse IP) et que la date et l&apos;heure de l&apos;appareil sont correctes.</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address. Check that the From address, and the return address your server uses, is a real address of a domain that exists.</source>
        <translation>Le serveur de réception a refusé votre adresse d&apos;expéditeur. Vérifiez que l&apos;adresse From, ainsi que l&apos;adresse de retour utilisée par votre serveur, est une vraie adresse d&apos;un domaine qui existe.</translation>
    </message>
    <message>
        <source>The receiving server did not understand what your mail program or server sent. Update the program, the device&apos;s firmware or the server, and undo custom SMTP settings.</source>
        <translation>Le serveur de réception n&apos;a pas compris ce que votre logiciel ou serveur de messagerie a envoyé. Mettez à jour le logiciel, le micrologiciel de l&apos;appareil ou le serveur, et annulez les réglages SMTP personnalisés.</translation>
    </message>
    <message>
        <source>If you do not manage the sending program or server, send these steps and the server&apos;s words to whoever does. Then send a test message.</source>
        <translation>Si vous ne gérez pas le programme ou le serveur d&apos;envoi, transmettez ces étapes et les mots du serveur à la personne qui s&apos;en occupe. Envoyez ensuite un message de test.</translation>
    </message>
    <message>
        <source>Attachments grow by about a third when sent. Share large files through a link, compress them, or send them in several messages.</source>
        <translation>Les pièces jointes grossissent d&apos;environ un tiers à l&apos;envoi. Partagez les gros fichiers par un lien, compressez-les ou répartissez-les sur plusieurs messages.</translation>
    </message>
    <message>
        <source>Links: remove shortened links and links whose text shows another address than they go to; check the linked sites are not on blocklists.</source>
        <translation>Liens&#xa0;: supprimez les liens raccourcis et ceux dont le texte affiche une autre adresse que leur destination&#xa0;; vérifiez que les sites liés ne figurent pas sur des listes de blocage.</translation>
    </message>
    <message>
        <source>Attachments: archives, Office files with macros and programs are often refused; send a PDF or a link instead.</source>
        <translation>Pièces jointes&#xa0;: les archives, les fichiers Office avec macros et les programmes sont souvent refusés&#xa0;; envoyez plutôt un PDF ou un lien.</translation>
    </message>
    <message>
        <source>Wording: capitals, many exclamation marks, &quot;free&quot;, &quot;urgent&quot; or a single large image with little text look like spam.</source>
        <translation>Formulation&#xa0;: les majuscules, les points d&apos;exclamation en série, «&#xa0;gratuit&#xa0;», «&#xa0;urgent&#xa0;» ou une seule grande image avec peu de texte ressemblent à du spam.</translation>
    </message>
    <message>
        <source>The server found or suspects malware in an attachment. Scan the file, and send it as a link or in another format; password-protected archives and programs are refused by most servers.</source>
        <translation>Le serveur a trouvé ou soupçonne un logiciel malveillant dans une pièce jointe. Analysez le fichier, et envoyez-le sous forme de lien ou dans un autre format&#xa0;; la plupart des serveurs refusent les archives protégées par mot de passe et les programmes.</translation>
    </message>
    <message>
        <source>The message breaks the email standard (RFC 5322): a missing or doubled header such as Date, From or Message-ID, overlong lines or bad encoding. The program that built it must be fixed; send from an ordinary mail program to compare.</source>
        <translation>Le message ne respecte pas la norme e-mail (RFC 5322)&#xa0;: un en-tête manquant ou en double comme Date, From ou Message-ID, des lignes trop longues ou un mauvais encodage. Le programme qui l&apos;a créé doit être corrigé&#xa0;; envoyez depuis un logiciel de messagerie ordinaire pour comparer.</translation>
    </message>
    <message>
        <source>The recipient marked your message as spam. Stop sending them this kind of message unless they asked for it, and make unsubscribing easy.</source>
        <translation>Le destinataire a signalé votre message comme spam. Cessez de lui envoyer ce type de message s&apos;il ne l&apos;a pas demandé, et facilitez le désabonnement.</translation>
    </message>
    <message>
        <source>Compare the message with the server&apos;s words: its size, its attachments, its links and its wording.</source>
        <translation>Comparez le message avec les mots du serveur&#xa0;: sa taille, ses pièces jointes, ses liens et sa formulation.</translation>
    </message>
    <message>
        <source>This is a delay notice, not a failure: your mail server is still trying and retries by itself, usually for up to four or five days. Do not send the message again.</source>
        <translation>Ceci est un avis de retard, pas un échec&#xa0;: votre serveur de messagerie continue d&apos;essayer tout seul, généralement pendant quatre ou cinq jours. Ne renvoyez pas le message.</translation>
    </message>
    <message>
        <source>Your mail server retried for its whole retry period and has given up: the message was not delivered. Send it again later.</source>
        <translation>Votre serveur de messagerie a réessayé pendant toute sa période de nouvelles tentatives et a abandonné&#xa0;: le message n&apos;a pas été remis. Renvoyez-le plus tard.</translation>
    </message>
    <message>
        <source>The receiving server asked to try again later. Your mail server retries by itself for a while; as this notice says it failed, send the message again in an hour or two.</source>
        <translation>Le serveur de réception a demandé de réessayer plus tard. Votre serveur de messagerie réessaie tout seul pendant un moment&#xa0;; comme cet avis indique un échec, renvoyez le message dans une heure ou deux.</translation>
    </message>
    <message>
        <source>The server refuses you for sending too much, too fast: send fewer messages per hour (split large mailings) and wait at least an hour.</source>
        <translation>Le serveur vous refuse parce que vous envoyez trop, trop vite&#xa0;: envoyez moins de messages par heure (fractionnez les gros envois) et attendez au moins une heure.</translation>
    </message>
    <message>
        <source>Worry when the same error comes back after a day, or a final failure notice arrives: then the receiving side has a lasting problem and its IT must look at it.</source>
        <translation>Inquiétez-vous si la même erreur revient au bout d&apos;un jour, ou si un avis d&apos;échec définitif arrive&#xa0;: le côté destinataire a alors un problème durable que son service informatique doit examiner.</translation>
    </message>
    <message>
        <source>This is an automatic reply (out of office or similar): your message was delivered. Read it for the date they are back or for another contact.</source>
        <translation>Ceci est une réponse automatique (absence du bureau ou similaire)&#xa0;: votre message a bien été remis. Lisez-la pour connaître la date de retour ou un autre contact.</translation>
    </message>
    <message>
        <source>The refusal is about how your message is sent, not about the recipient: a setting in your mail program, device or server must change. Sending again unchanged fails the same way.</source>
        <translation>Le refus porte sur la manière dont votre message est envoyé, pas sur le destinataire&#xa0;: un réglage de votre logiciel de messagerie, de votre appareil ou de votre serveur doit changer. Renvoyer le message tel quel échouera de la même façon.</translation>
    </message>
    <message>
        <source>The receiving server refused what the message contains. Change the message, not the address.</source>
        <translation>Le serveur de réception a refusé le contenu du message. Modifiez le message, pas l&apos;adresse.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explains why an email bounced.</source>
        <translation>Explique pourquoi un e-mail n&apos;a pas pu être remis.</translation>
    </message>
    <message>
        <source>Bounces to open (.eml, mbox, folder).</source>
        <translation>Messages de non-remise à ouvrir (.eml, mbox, dossier).</translation>
    </message>
</context>
</TS>
