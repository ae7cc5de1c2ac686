<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AddressCheckTr</name>
    <message>
        <source>nothing before the @</source>
        <translation>nada antes do @</translation>
    </message>
    <message>
        <source>the part before the @ is longer than 64 characters</source>
        <translation>a parte antes do @ tem mais de 64 caracteres</translation>
    </message>
    <message>
        <source>a quoted name before the @ is not closed</source>
        <translation>um nome entre aspas antes do @ não foi fechado</translation>
    </message>
    <message>
        <source>the quoted name before the @ has a character that must be escaped</source>
        <translation>o nome entre aspas antes do @ contém um caractere que precisa de escape</translation>
    </message>
    <message>
        <source>dots before the @ may not be first, last or doubled</source>
        <translation>os pontos antes do @ não podem ficar no início, no fim nem repetidos</translation>
    </message>
    <message>
        <source>the character &apos;%1&apos; is not allowed before the @ (unless quoted)</source>
        <translation>o caractere &apos;%1&apos; não é permitido antes do @ (a não ser entre aspas)</translation>
    </message>
    <message>
        <source>nothing after the @</source>
        <translation>nada depois do @</translation>
    </message>
    <message>
        <source>the address literal after the @ is not an IP address</source>
        <translation>o endereço literal depois do @ não é um endereço IP</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; is not a valid international domain name</source>
        <translation>o domínio &apos;%1&apos; não é um nome de domínio internacional válido</translation>
    </message>
    <message>
        <source>the domain is longer than 253 characters</source>
        <translation>o domínio tem mais de 253 caracteres</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; has no dot: a mail domain looks like example.com</source>
        <translation>o domínio &apos;%1&apos; não tem ponto: um domínio de e-mail tem a forma example.com</translation>
    </message>
    <message>
        <source>the domain part &apos;%1&apos; is not valid (letters, digits and inner hyphens only, at most 63)</source>
        <translation>a parte &apos;%1&apos; do domínio não é válida (somente letras, algarismos e hífens no meio, no máximo 63)</translation>
    </message>
    <message>
        <source>there is no @ in the address</source>
        <translation>não há @ no endereço</translation>
    </message>
    <message>
        <source>the address contains a space</source>
        <translation>o endereço contém um espaço</translation>
    </message>
    <message>
        <source>The address &apos;%1&apos; is not valid: %2</source>
        <translation>O endereço &apos;%1&apos; não é válido: %2</translation>
    </message>
    <message>
        <source>Correct the address and send again.</source>
        <translation>Corrija o endereço e envie novamente.</translation>
    </message>
    <message>
        <source>The address is written correctly.</source>
        <translation>O endereço está escrito corretamente.</translation>
    </message>
    <message>
        <source>International domain %1 is %2 in DNS</source>
        <translation>O domínio internacional %1 aparece como %2 no DNS</translation>
    </message>
    <message>
        <source>Did you mean %1@%2?</source>
        <translation>Você quis dizer %1@%2?</translation>
    </message>
    <message>
        <source>The domain %1 is very close to the common mail domain %2. A typing mistake here is a frequent cause of bounces.</source>
        <translation>O domínio %1 é muito parecido com o domínio de e-mail comum %2. Um erro de digitação aqui é uma causa frequente de devoluções.</translation>
    </message>
    <message>
        <source>The domain %1 does not exist.</source>
        <translation>O domínio %1 não existe.</translation>
    </message>
    <message>
        <source>DNS has no such domain, so no mail can reach it. Check the spelling of the part after the @; the domain may also have expired.</source>
        <translation>Esse domínio não existe no DNS, então nenhum e-mail consegue chegar a ele. Confira a grafia da parte depois do @; o domínio também pode ter expirado.</translation>
    </message>
    <message>
        <source>the mail servers of %1</source>
        <translation>os servidores de e-mail de %1</translation>
    </message>
    <message>
        <source>The domain %1 says it accepts no email (null MX).</source>
        <translation>O domínio %1 declara que não aceita e-mails (null MX).</translation>
    </message>
    <message>
        <source>Its owner has published that this domain never receives mail (RFC 7505). The address cannot work; ask the recipient for another one.</source>
        <translation>O responsável pelo domínio publicou que ele nunca recebe e-mails (RFC 7505). O endereço não tem como funcionar; peça outro endereço ao destinatário.</translation>
    </message>
    <message>
        <source>%1 receives mail at %2.</source>
        <translation>%1 recebe e-mails em %2.</translation>
    </message>
    <message>
        <source>%1 hosts this domain&apos;s mail.</source>
        <translation>%1 hospeda os e-mails deste domínio.</translation>
    </message>
    <message>
        <source>Advice and error codes from %1 apply to this recipient.</source>
        <translation>As orientações e os códigos de erro de %1 valem para este destinatário.</translation>
    </message>
    <message>
        <source>All of its mail servers have addresses.</source>
        <translation>Todos os servidores de e-mail do domínio têm endereço.</translation>
    </message>
    <message>
        <source>Some of its mail servers have no address.</source>
        <translation>Alguns servidores de e-mail do domínio não têm endereço.</translation>
    </message>
    <message>
        <source>None of its mail servers has an address, so mail cannot be delivered.</source>
        <translation>Nenhum servidor de e-mail do domínio tem endereço, então os e-mails não podem ser entregues.</translation>
    </message>
    <message>
        <source>The domain&apos;s MX records point to names that do not resolve. The recipient&apos;s IT must fix their DNS.</source>
        <translation>Os registros MX do domínio apontam para nomes que não resolvem. A equipe de TI do destinatário precisa corrigir o DNS.</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>o endereço de %1</translation>
    </message>
    <message>
        <source>The domain %1 has no mail server.</source>
        <translation>O domínio %1 não tem servidor de e-mail.</translation>
    </message>
    <message>
        <source>It has neither MX records nor an address to deliver to, so it cannot receive mail. Check the domain with the recipient.</source>
        <translation>Ele não tem registros MX nem um endereço para entrega, então não pode receber e-mails. Confirme o domínio com o destinatário.</translation>
    </message>
    <message>
        <source>The domain %1 has no MX record; mail goes to its web address.</source>
        <translation>O domínio %1 não tem registro MX; os e-mails vão para o endereço do site dele.</translation>
    </message>
    <message>
        <source>This works only if that server accepts mail, which is unusual. The recipient&apos;s IT should publish MX records.</source>
        <translation>Isso só funciona se esse servidor aceitar e-mails, o que é incomum. A equipe de TI do destinatário deve publicar registros MX.</translation>
    </message>
    <message>
        <source>whether the domain %1 exists</source>
        <translation>se o domínio %1 existe</translation>
    </message>
    <message>
        <source>who hosts the mail of %1</source>
        <translation>quem hospeda os e-mails de %1</translation>
    </message>
    <message>
        <source>the addresses of the mail servers of %1</source>
        <translation>os endereços dos servidores de e-mail de %1</translation>
    </message>
</context>
<context>
    <name>BlocklistCheckTr</name>
    <message>
        <source>the answer %1 is not a blocklist code (is your DNS server redirecting unknown names?)</source>
        <translation>a resposta %1 não é um código de lista de bloqueio (seu servidor DNS está redirecionando nomes desconhecidos?)</translation>
    </message>
    <message>
        <source>listed (code %1)</source>
        <translation>listado (código %1)</translation>
    </message>
    <message>
        <source>Nothing to check: the bounce shows no sending IP or domain.</source>
        <translation>Nada a verificar: a mensagem de devolução não mostra nenhum IP ou domínio de envio.</translation>
    </message>
    <message>
        <source>Type your sending IP address (ask your email provider if you do not know it) and your domain, then run the check.</source>
        <translation>Digite o endereço IP de envio (pergunte ao seu provedor de e-mail se não souber) e o seu domínio e execute a verificação.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address.</source>
        <translation>&apos;%1&apos; não é um endereço IP.</translation>
    </message>
    <message>
        <source>%1 is not on %2.</source>
        <translation>%1 não consta em %2.</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>Não foi possível verificar %1: %2.</translation>
    </message>
    <message>
        <source>Spamhaus answers only queries from your own DNS resolver, not public ones such as 1.1.1.1 or 8.8.8.8. Use your own or your provider&apos;s resolver, or enter a free Spamhaus DQS key in Settings.</source>
        <translation>O Spamhaus só responde a consultas feitas pelo seu próprio resolvedor DNS, e não por resolvedores públicos como 1.1.1.1 ou 8.8.8.8. Use o seu resolvedor ou o do seu provedor, ou informe uma chave gratuita do Spamhaus DQS nas Configurações.</translation>
    </message>
    <message>
        <source>%1 is listed on %2: %3.</source>
        <translation>%1 está listado em %2: %3.</translation>
    </message>
    <message>
        <source>Receiving servers that use this list refuse your mail. Fix the cause (a compromised account, a spam complaint, an open relay), then ask for removal on the list&apos;s page.</source>
        <translation>Os servidores de destino que usam esta lista recusam seus e-mails. Corrija a causa (uma conta invadida, uma denúncia de spam, um relay aberto) e depois peça a remoção na página da lista.</translation>
    </message>
    <message>
        <source>the reverse DNS of %1</source>
        <translation>o DNS reverso de %1</translation>
    </message>
    <message>
        <source>%1 has no reverse DNS name (PTR).</source>
        <translation>%1 não tem nome de DNS reverso (PTR).</translation>
    </message>
    <message>
        <source>Many receiving servers refuse mail from addresses without one. Ask whoever provides the IP address (hosting or internet provider) to set a PTR record naming your mail server.</source>
        <translation>Muitos servidores de destino recusam e-mails de endereços sem DNS reverso. Peça a quem fornece o endereço IP (hospedagem ou provedor de internet) que configure um registro PTR com o nome do seu servidor de e-mail.</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>o endereço de %1</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, and it points back (forward-confirmed).</source>
        <translation>%1 tem o DNS reverso %2, e esse nome aponta de volta para ele (confirmação direta).</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, but that name does not point back to it.</source>
        <translation>%1 tem o DNS reverso %2, mas esse nome não aponta de volta para ele.</translation>
    </message>
    <message>
        <source>Receivers such as Microsoft and Gmail expect the PTR name to resolve to the same IP address. Add an A (or AAAA) record for %1.</source>
        <translation>Servidores de destino como os da Microsoft e do Gmail esperam que o nome PTR resolva para o mesmo endereço IP. Adicione um registro A (ou AAAA) para %1.</translation>
    </message>
    <message>
        <source>Could not check %1: your DNS server does not give this list&apos;s answers (%2).</source>
        <translation>Não foi possível verificar %1: o seu servidor DNS não repassa as respostas desta lista (%2).</translation>
    </message>
    <message>
        <source>Ask through your own or your internet provider&apos;s DNS server instead of a public or filtering one, or look the address up on the list&apos;s web page.</source>
        <translation>Faça a consulta pelo seu próprio servidor DNS ou pelo do seu provedor de internet, em vez de um servidor público ou com filtro, ou procure o endereço na página da lista.</translation>
    </message>
    <message>
        <source>its test entries got no answer</source>
        <translation>as entradas de teste da lista não tiveram resposta</translation>
    </message>
    <message>
        <source>it says %1, which the list never lists, is listed</source>
        <translation>ele diz que %1, que a lista nunca inclui, está listado</translation>
    </message>
    <message>
        <source>it says %1, which the list always lists, is not listed</source>
        <translation>ele diz que %1, que a lista sempre inclui, não está listado</translation>
    </message>
    <message>
        <source>%1 refused the mail from its own block list, which public blocklists do not show. Once the cause is fixed, ask %1 to lift the block on this page.</source>
        <translation>%1 recusou o e-mail com base na própria lista de bloqueio, que as listas de bloqueio públicas não mostram. Depois de corrigir a causa, peça a %1 que retire o bloqueio nesta página.</translation>
    </message>
    <message>
        <source>How %1 sees the mail from your IP addresses, to find the cause of the block.</source>
        <translation>Como %1 vê os e-mails dos seus endereços IP, para encontrar a causa do bloqueio.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AresResolver</name>
    <message>
        <source>no answer from the DNS server in time</source>
        <translation>o servidor DNS não respondeu a tempo</translation>
    </message>
    <message>
        <source>the DNS server failed to answer (SERVFAIL)</source>
        <translation>o servidor DNS não conseguiu responder (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused the query (REFUSED)</source>
        <translation>o servidor DNS recusou a consulta (REFUSED)</translation>
    </message>
    <message>
        <source>could not reach the DNS server (connection refused)</source>
        <translation>não foi possível contatar o servidor DNS (conexão recusada)</translation>
    </message>
    <message>
        <source>the DNS server sent an answer that cannot be read</source>
        <translation>o servidor DNS enviou uma resposta ilegível</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AuthenticationCheck</name>
    <message>
        <source>the DNS server did not answer in time</source>
        <translation>o servidor DNS não respondeu a tempo</translation>
    </message>
    <message>
        <source>the DNS server reported a failure (SERVFAIL)</source>
        <translation>o servidor DNS informou uma falha (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused the question (REFUSED)</source>
        <translation>o servidor DNS recusou a consulta (REFUSED)</translation>
    </message>
    <message>
        <source>there is no network connection</source>
        <translation>não há conexão de rede</translation>
    </message>
    <message>
        <source>the DNS lookup failed</source>
        <translation>a consulta DNS falhou</translation>
    </message>
    <message>
        <source>SPF could not be checked: the sending domain is not known.</source>
        <translation>Não foi possível verificar o SPF: o domínio de envio é desconhecido.</translation>
    </message>
    <message>
        <source>Type the domain you send from (the part after @ in your address).</source>
        <translation>Digite o domínio do qual você envia (a parte depois do @ no seu endereço).</translation>
    </message>
    <message>
        <source>DKIM could not be checked: the signing domain is not known.</source>
        <translation>Não foi possível verificar o DKIM: o domínio de assinatura é desconhecido.</translation>
    </message>
    <message>
        <source>DMARC could not be checked: the From address is not known.</source>
        <translation>Não foi possível verificar o DMARC: o endereço do remetente (From) é desconhecido.</translation>
    </message>
    <message>
        <source>Could not check the SPF record of %1: %2.</source>
        <translation>Não foi possível verificar o registro SPF de %1: %2.</translation>
    </message>
    <message>
        <source>Try again later or with another DNS server.</source>
        <translation>Tente novamente mais tarde ou com outro servidor DNS.</translation>
    </message>
    <message>
        <source>The SPF record of %1 has a problem.</source>
        <translation>O registro SPF de %1 tem um problema.</translation>
    </message>
    <message>
        <source>The SPF record of %1 could be better.</source>
        <translation>O registro SPF de %1 poderia ser melhor.</translation>
    </message>
    <message>
        <source>%1 publishes a valid SPF record.</source>
        <translation>%1 publica um registro SPF válido.</translation>
    </message>
    <message>
        <source>It lists the servers allowed to send mail for the domain.</source>
        <translation>Ele lista os servidores autorizados a enviar e-mails pelo domínio.</translation>
    </message>
    <message>
        <source>SPF was not evaluated: the sending IP address is not known.</source>
        <translation>O SPF não foi avaliado: o endereço IP de envio é desconhecido.</translation>
    </message>
    <message>
        <source>Enter the IP address your mail left from to see whether SPF allows it.</source>
        <translation>Informe o endereço IP do qual seu e-mail saiu para ver se o SPF o autoriza.</translation>
    </message>
    <message>
        <source>The SPF setup of %1 has a problem.</source>
        <translation>A configuração de SPF de %1 tem um problema.</translation>
    </message>
    <message>
        <source> (through %1)</source>
        <translation> (por meio de %1)</translation>
    </message>
    <message>
        <source>SPF allows %1 to send mail for %2.</source>
        <translation>O SPF autoriza %1 a enviar e-mails por %2.</translation>
    </message>
    <message>
        <source>The term &quot;%1&quot;%2 matched.</source>
        <translation>Correspondeu ao termo &quot;%1&quot;%2.</translation>
    </message>
    <message>
        <source>SPF says %1 may not send mail for %2.</source>
        <translation>O SPF diz que %1 não pode enviar e-mails por %2.</translation>
    </message>
    <message>
        <source>Receivers may reject this mail. Add the server to the SPF record (for example with ip4:%1 or the include your mail provider documents).</source>
        <translation>Os servidores de destino podem rejeitar este e-mail. Adicione o servidor ao registro SPF (por exemplo, com ip4:%1 ou com o include indicado na documentação do seu provedor de e-mail).</translation>
    </message>
    <message>
        <source>The domain explains: &quot;%1&quot;</source>
        <translation>O domínio explica: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>SPF does not list %1 for %2 (softfail).</source>
        <translation>O SPF não lista %1 para %2 (softfail).</translation>
    </message>
    <message>
        <source>Receivers treat such mail with suspicion and often file it as spam. Add the server to the SPF record.</source>
        <translation>Os servidores de destino desconfiam desses e-mails e muitas vezes os classificam como spam. Adicione o servidor ao registro SPF.</translation>
    </message>
    <message>
        <source>SPF neither allows nor forbids %1 for %2 (%3).</source>
        <translation>O SPF nem autoriza nem proíbe %1 para %2 (%3).</translation>
    </message>
    <message>
        <source>Mail from this server gets no help from SPF. Add the server to the record and end it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>Os e-mails deste servidor não recebem nenhuma ajuda do SPF. Adicione o servidor ao registro e termine-o com &quot;~all&quot; ou &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>Could not evaluate SPF for %1: %2.</source>
        <translation>Não foi possível avaliar o SPF de %1: %2.</translation>
    </message>
    <message>
        <source>A DNS lookup failed on the way; try again later.</source>
        <translation>Uma consulta DNS falhou no meio do caminho; tente novamente mais tarde.</translation>
    </message>
    <message>
        <source>SPF for %1 ends in an error (permerror): %2.</source>
        <translation>O SPF de %1 termina em erro (permerror): %2.</translation>
    </message>
    <message>
        <source>Receivers treat a broken SPF setup like a missing one or reject the mail. Fix the record.</source>
        <translation>Os servidores de destino tratam uma configuração de SPF com defeito como se ela não existisse, ou rejeitam o e-mail. Corrija o registro.</translation>
    </message>
    <message>
        <source>Could not fetch the DKIM key &quot;%1&quot; of %2: %3.</source>
        <translation>Não foi possível obter a chave DKIM &quot;%1&quot; de %2: %3.</translation>
    </message>
    <message>
        <source>No DKIM key is published for selector &quot;%1&quot; of %2.</source>
        <translation>Não há chave DKIM publicada para o seletor &quot;%1&quot; de %2.</translation>
    </message>
    <message>
        <source>The mail was signed with this selector, but receivers cannot find the key at %1, so the signature fails. Publish the key your mail provider gives you.</source>
        <translation>O e-mail foi assinado com este seletor, mas os servidores de destino não encontram a chave em %1, então a assinatura falha. Publique a chave fornecida pelo seu provedor de e-mail.</translation>
    </message>
    <message>
        <source>Selector &quot;%1&quot; of %2 has %3 key records.</source>
        <translation>O seletor &quot;%1&quot; de %2 tem %3 registros de chave.</translation>
    </message>
    <message>
        <source>There must be exactly one; receivers may pick the wrong one. Remove the extra records.</source>
        <translation>Deve haver exatamente um; os servidores de destino podem escolher o errado. Remova os registros a mais.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is broken: %3.</source>
        <translation>A chave DKIM &quot;%1&quot; de %2 está com defeito: %3.</translation>
    </message>
    <message>
        <source>Receivers cannot verify signatures made with it. Publish the record exactly as your mail provider gives it.</source>
        <translation>Os servidores de destino não conseguem verificar as assinaturas feitas com ela. Publique o registro exatamente como o seu provedor de e-mail o fornece.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 has been revoked (empty p=).</source>
        <translation>A chave DKIM &quot;%1&quot; de %2 foi revogada (p= vazio).</translation>
    </message>
    <message>
        <source>Signatures with this selector always fail. Sign with a current key or publish the key again.</source>
        <translation>As assinaturas com este seletor sempre falham. Assine com uma chave atual ou publique a chave novamente.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is only %3 bits long.</source>
        <translation>A chave DKIM &quot;%1&quot; de %2 tem apenas %3 bits.</translation>
    </message>
    <message>
        <source>Receivers ignore RSA keys under 1024 bits. Generate a 2048-bit key.</source>
        <translation>Os servidores de destino ignoram chaves RSA com menos de 1024 bits. Gere uma chave de 2048 bits.</translation>
    </message>
    <message>
        <source>An RSA key of %1 bits.</source>
        <translation>Uma chave RSA de %1 bits.</translation>
    </message>
    <message>
        <source>An %1 key.</source>
        <translation>Uma chave %1.</translation>
    </message>
    <message>
        <source>2048 bits is recommended when you next rotate it.</source>
        <translation>Recomendamos 2048 bits na próxima vez que você trocar a chave.</translation>
    </message>
    <message>
        <source>The key is marked as testing (t=y): some receivers treat its signatures as unsigned.</source>
        <translation>A chave está marcada como de teste (t=y): alguns servidores de destino tratam as mensagens assinadas com ela como não assinadas.</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is published and valid.</source>
        <translation>A chave DKIM &quot;%1&quot; de %2 está publicada e é válida.</translation>
    </message>
    <message>
        <source>Could not look for DKIM keys of %1.</source>
        <translation>Não foi possível procurar as chaves DKIM de %1.</translation>
    </message>
    <message>
        <source>No DKIM key found for %1 under the usual selectors.</source>
        <translation>Nenhuma chave DKIM encontrada para %1 nos seletores mais comuns.</translation>
    </message>
    <message>
        <source>The selector is not known. Look at the DKIM-Signature header of a message you sent (s=) and check that selector, or ask your mail provider to turn on DKIM signing.</source>
        <translation>O seletor é desconhecido. Veja o cabeçalho DKIM-Signature de uma mensagem que você enviou (s=) e verifique esse seletor, ou peça ao seu provedor de e-mail para ativar a assinatura DKIM.</translation>
    </message>
    <message>
        <source>Could not check the DMARC policy of %1: %2.</source>
        <translation>Não foi possível verificar a política DMARC de %1: %2.</translation>
    </message>
    <message>
        <source>%1 publishes no DMARC policy.</source>
        <translation>%1 não publica nenhuma política DMARC.</translation>
    </message>
    <message>
        <source>Large mailbox providers (Gmail, Yahoo, Microsoft) expect one and may reject or junk the mail without it. Start with &quot;v=DMARC1; p=none; rua=mailto:...&quot; at _dmarc.%1.</source>
        <translation>Os grandes provedores de e-mail (Gmail, Yahoo, Microsoft) exigem uma política e, sem ela, podem rejeitar o e-mail ou mandá-lo para o spam. Comece com &quot;v=DMARC1; p=none; rua=mailto:...&quot; em _dmarc.%1.</translation>
    </message>
    <message>
        <source>%1 publishes %2 DMARC records.</source>
        <translation>%1 publica %2 registros DMARC.</translation>
    </message>
    <message>
        <source>Receivers ignore DMARC when there is more than one record. Keep exactly one.</source>
        <translation>Os servidores de destino ignoram o DMARC quando há mais de um registro. Mantenha exatamente um.</translation>
    </message>
    <message>
        <source> (inherited from %1)</source>
        <translation> (herdada de %1)</translation>
    </message>
    <message>
        <source>The DMARC record of %1 is broken: %2.</source>
        <translation>O registro DMARC de %1 está com defeito: %2.</translation>
    </message>
    <message>
        <source>Receivers may ignore a record with errors. Correct it.</source>
        <translation>Os servidores de destino podem ignorar um registro com erros. Corrija-o.</translation>
    </message>
    <message>
        <source>The policy is p=none: receivers only report failures and deliver the mail anyway.</source>
        <translation>A política é p=none: os servidores de destino apenas informam as falhas e entregam o e-mail mesmo assim.</translation>
    </message>
    <message>
        <source>Mail that fails DMARC goes to spam (p=quarantine).</source>
        <translation>Os e-mails reprovados no DMARC vão para o spam (p=quarantine).</translation>
    </message>
    <message>
        <source>Mail that fails DMARC is rejected (p=reject).</source>
        <translation>Os e-mails reprovados no DMARC são rejeitados (p=reject).</translation>
    </message>
    <message>
        <source>It applies to %1% of failing mail (pct=%1).</source>
        <translation>Ela se aplica a %1% dos e-mails reprovados (pct=%1).</translation>
    </message>
    <message>
        <source>%1 has a DMARC policy: %2%3.</source>
        <translation>%1 tem uma política DMARC: %2%3.</translation>
    </message>
    <message>
        <source>Could not check whether %1 accepts DMARC reports for %2: %3.</source>
        <translation>Não foi possível verificar se %1 aceita relatórios DMARC de %2: %3.</translation>
    </message>
    <message>
        <source>%1 accepts DMARC reports for %2.</source>
        <translation>%1 aceita relatórios DMARC de %2.</translation>
    </message>
    <message>
        <source>DMARC reports for %1 will not reach %2.</source>
        <translation>Os relatórios DMARC de %1 não chegarão a %2.</translation>
    </message>
    <message>
        <source>%1 is another domain and has not published %2._report._dmarc.%1 with &quot;v=DMARC1&quot;, so receivers drop the reports. Ask the report service to add it.</source>
        <translation>%1 é outro domínio e não publicou %2._report._dmarc.%1 com &quot;v=DMARC1&quot;, então os servidores de destino descartam os relatórios. Peça ao serviço de relatórios que adicione esse registro.</translation>
    </message>
    <message>
        <source>%1 passed for %2, but that is not your From domain %3, so it does not count for DMARC.</source>
        <translation>%1 foi aprovado para %2, mas esse não é o seu domínio de remetente (From) %3, então não conta para o DMARC.</translation>
    </message>
    <message>
        <source>%1 did not pass (%2) for %3.</source>
        <translation>%1 não foi aprovado (%2) para %3.</translation>
    </message>
    <message>
        <source>SPF passed for %1</source>
        <translation>SPF aprovado para %1</translation>
    </message>
    <message>
        <source>DKIM passed for %1</source>
        <translation>DKIM aprovado para %1</translation>
    </message>
    <message>
        <source>The message passed DMARC alignment for %1.</source>
        <translation>A mensagem passou no alinhamento DMARC para %1.</translation>
    </message>
    <message>
        <source>, which matches the From domain.</source>
        <translation>, que corresponde ao domínio do remetente (From).</translation>
    </message>
    <message>
        <source>Neither SPF nor DKIM passed for the From domain %1.</source>
        <translation>Nem o SPF nem o DKIM foram aprovados para o domínio do remetente (From) %1.</translation>
    </message>
    <message>
        <source>DMARC needs at least one of them to pass for %1 itself (or a subdomain of it). Have your mail provider sign with DKIM for %1.</source>
        <translation>O DMARC exige que pelo menos um deles seja aprovado para o próprio %1 (ou um subdomínio dele). Peça ao seu provedor de e-mail que assine com DKIM para %1.</translation>
    </message>
    <message>
        <source>the DKIM key &quot;%1&quot; of %2</source>
        <translation>a chave DKIM &quot;%1&quot; de %2</translation>
    </message>
    <message>
        <source>the DKIM keys of %1</source>
        <translation>as chaves DKIM de %1</translation>
    </message>
    <message>
        <source>whether %1 takes DMARC reports for %2</source>
        <translation>se %1 aceita relatórios DMARC de %2</translation>
    </message>
    <message>
        <source>the DMARC policy of %1</source>
        <translation>a política DMARC de %1</translation>
    </message>
    <message>
        <source>the SPF record of %1</source>
        <translation>o registro SPF de %1</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::CaseListModel</name>
    <message>
        <source>Open</source>
        <translation>Aberto</translation>
    </message>
    <message>
        <source>Waiting for the recipient&apos;s IT</source>
        <translation>Aguardando a TI do destinatário</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolvido</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatários</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provedor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Chamado</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::ChecklistWidget</name>
    <message>
        <source>Message copied to the clipboard.</source>
        <translation>Mensagem copiada para a área de transferência.</translation>
    </message>
    <message>
        <source>No mail app answered: use Copy message and paste it into your mail program.</source>
        <translation>Nenhum aplicativo de e-mail respondeu: copie a mensagem e cole-a no seu programa de e-mail.</translation>
    </message>
    <message>
        <source>The server&apos;s words:</source>
        <translation>As palavras do servidor:</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Shows or hides this step</source>
        <translation>Mostra ou oculta esta etapa</translation>
    </message>
    <message>
        <source>Run check: %1</source>
        <translation>Executar verificação: %1</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Progresso da verificação</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Concluído: %1</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>Endereço do destinatário</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Destinatário:</translation>
    </message>
    <message>
        <source>Sending IP address</source>
        <translation>Endereço IP de envio</translation>
    </message>
    <message>
        <source>Sending IP:</source>
        <translation>IP de envio:</translation>
    </message>
    <message>
        <source>Sending domain</source>
        <translation>Domínio de envio</translation>
    </message>
    <message>
        <source>DKIM selector</source>
        <translation>Seletor DKIM</translation>
    </message>
    <message>
        <source>Sending domain:</source>
        <translation>Domínio de envio:</translation>
    </message>
    <message>
        <source>DKIM selector:</source>
        <translation>Seletor DKIM:</translation>
    </message>
    <message>
        <source>Authentication results in the bounce</source>
        <translation>Resultados de autenticação na mensagem de devolução</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Verificação</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domínio</translation>
    </message>
    <message>
        <source>Evaluated by</source>
        <translation>Avaliado por</translation>
    </message>
    <message>
        <source>Draft recipient</source>
        <translation>Destinatário do rascunho</translation>
    </message>
    <message>
        <source>Draft subject</source>
        <translation>Assunto do rascunho</translation>
    </message>
    <message>
        <source>Draft message</source>
        <translation>Mensagem do rascunho</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Assunto:</translation>
    </message>
    <message>
        <source>Also reach the recipient by phone or another channel: they may not know their mail system refuses you.</source>
        <translation>Entre em contato com o destinatário também por telefone ou outro canal: talvez ele não saiba que o sistema de e-mail dele está recusando as suas mensagens.</translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation>&amp;Copiar mensagem</translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation>Abrir no &amp;aplicativo de e-mail</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2

%3</source>
        <translation>Para: %1
Assunto: %2

%3</translation>
    </message>
    <message>
        <source>Could not check: %1. Fix the DNS servers in Settings.</source>
        <translation>Não foi possível verificar: %1. Corrija os servidores DNS nas Configurações.</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>Mais informações: %1</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>&amp;Executar verificação</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Resultados da verificação</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Nothing in the address looks mistyped.</source>
        <translation>Nada no endereço parece ter sido digitado errado.</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Você quis dizer %1?</translation>
    </message>
    <message>
        <source>The bounce does not show your sending IP: ask your email provider for it, or type it above.</source>
        <translation>A mensagem de devolução não mostra o seu IP de envio: peça essa informação ao seu provedor de e-mail ou digite o IP acima.</translation>
    </message>
    <message>
        <source>The bounce names no blocklist.</source>
        <translation>A mensagem de devolução não cita nenhuma lista de bloqueio.</translation>
    </message>
    <message>
        <source>The server&apos;s reply names the blocklist %1.</source>
        <translation>A resposta do servidor cita a lista de bloqueio %1.</translation>
    </message>
    <message>
        <source>The bounce carries no authentication results.</source>
        <translation>A mensagem de devolução não traz resultados de autenticação.</translation>
    </message>
    <message numerus="yes">
        <source>The returned message carries %n authentication result(s).</source>
        <translation>
            <numerusform>A mensagem devolvida traz %n resultado de autenticação.</numerusform>
            <numerusform>A mensagem devolvida traz %n resultados de autenticação.</numerusform>
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
        <translation>Título do diagnóstico</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>Fatos principais</translation>
    </message>
    <message>
        <source>The server&apos;s exact words</source>
        <translation>As palavras exatas do servidor</translation>
    </message>
    <message>
        <source>What to do, step by step</source>
        <translation>O que fazer, passo a passo</translation>
    </message>
    <message>
        <source>Paste a bounce, open a saved message, or drop one here.</source>
        <translation>Cole uma mensagem de devolução, abra uma mensagem salva ou arraste uma mensagem para cá.</translation>
    </message>
    <message>
        <source>Who needs to act: %1</source>
        <translation>Quem precisa agir: %1</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Você quis dizer %1?</translation>
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
        <translation>IP de envio</translation>
    </message>
    <message>
        <source>How to read a bounce</source>
        <translation>Como ler uma devolução</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Texto de ajuda</translation>
    </message>
    <message>
        <source>Find the error line: a three-digit reply code and usually a code like 5.1.1, then the server&apos;s words, for example &quot;550 5.1.1 User unknown&quot;.</source>
        <translation>Encontre a linha de erro: um código de resposta de três dígitos e, normalmente, um código como 5.1.1, seguidos das palavras do servidor, por exemplo &quot;550 5.1.1 User unknown&quot;.</translation>
    </message>
    <message>
        <source>The first digit says how lasting it is: 2 means delivered, 4 means temporary (your server retries by itself), 5 means refused (it will not be retried).</source>
        <translation>O primeiro dígito indica se o problema é duradouro: 2 significa entregue, 4 significa temporário (o seu servidor tenta de novo sozinho), 5 significa recusado (não haverá nova tentativa).</translation>
    </message>
    <message>
        <source>The second part says what kind of problem: x.1.x the address, x.2.x the mailbox, x.3.x the receiving system, x.4.x the network or routing, x.5.x the mail protocol, x.7.x security and policy (blocklists, SPF, DKIM, DMARC).</source>
        <translation>A segunda parte indica o tipo de problema: x.1.x o endereço, x.2.x a caixa de correio, x.3.x o sistema de destino, x.4.x a rede ou o roteamento, x.5.x o protocolo de e-mail, x.7.x segurança e políticas (listas de bloqueio, SPF, DKIM, DMARC).</translation>
    </message>
    <message>
        <source>The server&apos;s words say the rest. Bounce Doctor explains them, says who must act, and opens the first step of the checklist.</source>
        <translation>As palavras do servidor dizem o resto. O Bounce Doctor as explica, diz quem precisa agir e abre a primeira etapa da lista de verificação.</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossário</translation>
    </message>
    <message>
        <source>Bounce</source>
        <translation>Devolução (bounce)</translation>
    </message>
    <message>
        <source>The message your mail server sends back when it could not deliver yours, also called a non-delivery report (NDR) or DSN.</source>
        <translation>A mensagem que o seu servidor de e-mail envia de volta quando não consegue entregar a sua, também chamada de relatório de não entrega (NDR) ou DSN.</translation>
    </message>
    <message>
        <source>MX record</source>
        <translation>Registro MX</translation>
    </message>
    <message>
        <source>The DNS record naming the servers that receive mail for a domain. A domain without one usually cannot receive mail.</source>
        <translation>O registro DNS que indica os servidores que recebem e-mails de um domínio. Um domínio sem esse registro geralmente não consegue receber e-mails.</translation>
    </message>
    <message>
        <source>A DNS record listing the servers allowed to send mail for your domain. Mail from a server not on the list may be refused.</source>
        <translation>Um registro DNS que lista os servidores autorizados a enviar e-mails pelo seu domínio. E-mails de um servidor que não está na lista podem ser recusados.</translation>
    </message>
    <message>
        <source>A signature your server adds to each message, checked against a key in your domain&apos;s DNS. It proves the message was not changed.</source>
        <translation>Uma assinatura que o seu servidor adiciona a cada mensagem, conferida com uma chave publicada no DNS do seu domínio. Ela comprova que a mensagem não foi alterada.</translation>
    </message>
    <message>
        <source>A DNS record telling receivers what to do with mail that claims to be from your domain but passes neither SPF nor DKIM for it.</source>
        <translation>Um registro DNS que diz aos servidores de destino o que fazer com e-mails que se dizem do seu domínio, mas não são aprovados nem no SPF nem no DKIM para ele.</translation>
    </message>
    <message>
        <source>PTR record (reverse DNS)</source>
        <translation>Registro PTR (DNS reverso)</translation>
    </message>
    <message>
        <source>The name an IP address points back to. Many servers refuse mail from an IP address without one, or whose name does not match.</source>
        <translation>O nome para o qual um endereço IP aponta de volta. Muitos servidores recusam e-mails de um endereço IP sem esse nome ou cujo nome não corresponde.</translation>
    </message>
    <message>
        <source>Blocklist (DNSBL)</source>
        <translation>Lista de bloqueio (DNSBL)</translation>
    </message>
    <message>
        <source>A public list of IP addresses or domains that sent spam. Servers ask these lists and refuse mail from what is listed.</source>
        <translation>Uma lista pública de endereços IP ou domínios que enviaram spam. Os servidores consultam essas listas e recusam e-mails do que estiver listado.</translation>
    </message>
    <message>
        <source>The address of the server your message left from, as the receiving server saw it.</source>
        <translation>O endereço do servidor de onde a sua mensagem saiu, conforme visto pelo servidor de destino.</translation>
    </message>
    <message>
        <source>Postmaster</source>
        <translation>Postmaster</translation>
    </message>
    <message>
        <source>The address every mail domain should have for its mail administrators: postmaster@ followed by the domain.</source>
        <translation>O endereço que todo domínio de e-mail deve ter para os administradores de e-mail: postmaster@ seguido do domínio.</translation>
    </message>
    <message>
        <source>Explains why an email bounced, in plain words, and walks you through fixing it.</source>
        <translation>Explica por que um e-mail foi devolvido, em palavras simples, e orienta você na correção.</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). There is no warranty.</source>
        <translation>Licença: GNU General Public License, versão 3 ou posterior (GPL-3.0-or-later). Não há garantia.</translation>
    </message>
    <message>
        <source>Credits: the bounce reason names follow Sisimai (BSD-2-Clause) by azumakuniyuki and contributors. Built with Qt, GMime, RE2, c-ares, libpsl, OpenSSL and SQLite.</source>
        <translation>Créditos: os nomes dos motivos de devolução seguem o Sisimai (BSD-2-Clause), de azumakuniyuki e colaboradores. Feito com Qt, GMime, c-ares, libpsl, RE2, OpenSSL e SQLite.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::HistoryPanel</name>
    <message>
        <source>Search recipient, domain, sending IP, reason, provider, ticket…</source>
        <translation>Pesquisar destinatário, domínio, IP de envio, motivo, provedor, chamado…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Pesquisar no histórico</translation>
    </message>
    <message>
        <source>Show cases in state</source>
        <translation>Mostrar casos na situação</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Qualquer situação</translation>
    </message>
    <message>
        <source>Show cases from</source>
        <translation>Mostrar casos de</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Qualquer data</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 dias</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Últimos 365 dias</translation>
    </message>
    <message>
        <source>Stored cases</source>
        <translation>Casos salvos</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Reabrir</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Delete All…</source>
        <translation>Excluir tudo…</translation>
    </message>
    <message>
        <source>e.g. HD-1042</source>
        <translation>ex.: HD-1042</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>&amp;Chamado:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>&amp;Situação:</translation>
    </message>
    <message>
        <source>Notes on this case</source>
        <translation>Notas sobre este caso</translation>
    </message>
    <message>
        <source>Add a note, e.g. &quot;called their IT, waiting for an answer&quot;</source>
        <translation>Adicione uma nota, por exemplo &quot;liguei para a TI deles, aguardando resposta&quot;</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nova nota</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>Adicionar &amp;nota</translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>O histórico de casos está desativado.</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Histórico de casos</translation>
    </message>
    <message>
        <source>Delete this case and its notes from the history?</source>
        <translation>Excluir este caso e as notas dele do histórico?</translation>
    </message>
    <message>
        <source>Delete every case in the history? This cannot be undone.</source>
        <translation>Excluir todos os casos do histórico? Esta ação não pode ser desfeita.</translation>
    </message>
    <message>
        <source>Copy for &amp;Ticket</source>
        <translation>Copiar para o &amp;chamado</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Copiar como &amp;Markdown</translation>
    </message>
    <message>
        <source>Copy Tit&amp;le</source>
        <translation>Copiar o tít&amp;ulo</translation>
    </message>
    <message>
        <source>A one-line summary for the ticket&apos;s title</source>
        <translation>Um resumo de uma linha para o título do chamado</translation>
    </message>
    <message>
        <source>Case title copied to the clipboard.</source>
        <translation>Título do caso copiado para a área de transferência.</translation>
    </message>
    <message>
        <source>Case copied to the clipboard.</source>
        <translation>Caso copiado para a área de transferência.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::MainWindow</name>
    <message>
        <source>Open saved messages (.eml), an mbox, or a folder of them</source>
        <translation>Abrir mensagens salvas (.eml), um arquivo mbox ou uma pasta</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatários</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Contagens</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Abrir &amp;pasta…</translation>
    </message>
    <message>
        <source>&amp;How to Read a Bounce</source>
        <translation>&amp;Como ler uma devolução</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Limpar lista</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Arquivo não encontrado: %1</translation>
    </message>
    <message>
        <source>Open a folder of bounces</source>
        <translation>Abrir uma pasta de devoluções</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Relatório salvo em %1</translation>
    </message>
    <message>
        <source>Ticket text copied to the clipboard.</source>
        <translation>Texto do chamado copiado para a área de transferência.</translation>
    </message>
    <message>
        <source>Bounce text</source>
        <translation>Texto da devolução</translation>
    </message>
    <message>
        <source>Paste the bounce here: the whole message, or just the error line such as
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</source>
        <translation>Cole aqui a mensagem de devolução: a mensagem inteira ou só a linha de erro, como
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</translation>
    </message>
    <message>
        <source>&amp;Diagnose</source>
        <translation>&amp;Diagnosticar</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>&amp;Abrir arquivo…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lendo…</translation>
    </message>
    <message>
        <source>Filter recipients, reasons, providers…</source>
        <translation>Filtrar destinatários, motivos, provedores…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrar</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatário</translation>
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
        <translation>Provedor</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>Quem deve agir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recentes</translation>
    </message>
    <message>
        <source>&amp;Export Report</source>
        <translation>&amp;Exportar relatório</translation>
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
        <translation>&amp;Copiar como texto de chamado</translation>
    </message>
    <message>
        <source>Export &amp;Addresses to Remove…</source>
        <translation>Exportar en&amp;dereços a remover…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Paste Bounce</source>
        <translation>&amp;Colar devolução</translation>
    </message>
    <message>
        <source>&amp;Filter Results</source>
        <translation>&amp;Filtrar resultados</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>C&amp;onfigurações…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>&amp;Exemplos</translation>
    </message>
    <message>
        <source>&amp;About Bounce Doctor</source>
        <translation>&amp;Sobre o Bounce Doctor</translation>
    </message>
    <message>
        <source>About Bounce Doctor</source>
        <translation>Sobre o Bounce Doctor</translation>
    </message>
    <message>
        <source>This does not look like a bounce: no failed recipient was found. Paste the whole bounce, or the line with the error code.</source>
        <translation>Isto não parece uma mensagem de devolução: nenhum destinatário com falha foi encontrado. Cole a mensagem de devolução inteira ou a linha com o código de erro.</translation>
    </message>
    <message>
        <source>Nothing could be read.</source>
        <translation>Não foi possível ler nada.</translation>
    </message>
    <message>
        <source>Messages read: %1. </source>
        <translation>Mensagens lidas: %1. </translation>
    </message>
    <message>
        <source>Open bounces</source>
        <translation>Abrir mensagens de devolução</translation>
    </message>
    <message>
        <source>There is no diagnosis to export yet.</source>
        <translation>Ainda não há diagnóstico para exportar.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar relatório</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>Página HTML (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Texto Markdown (*.md)</translation>
    </message>
    <message>
        <source>Bounce diagnosis</source>
        <translation>Diagnóstico de devolução</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Export addresses to remove</source>
        <translation>Exportar endereços a remover</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>Arquivo CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 e mais %n</numerusform>
            <numerusform>%1 e mais %n</numerusform>
        </translation>
    </message>
    <message>
        <source>All supported: messages, mailboxes, files without extension (*.eml *.mbox *.mbx *.txt *);;Email messages (*.eml);;Mailboxes (*.mbox *.mbx)</source>
        <translation>Todos os compatíveis: mensagens, caixas de correio, arquivos sem extensão (*.eml *.mbox *.mbx *.txt *);;Mensagens de e-mail (*.eml);;Caixas de correio (*.mbox *.mbx)</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) saved to %1</source>
        <translation>
            <numerusform>%n endereço salvo em %1</numerusform>
            <numerusform>%n endereços salvos em %1</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Histórico</translation>
    </message>
    <message>
        <source>The case history is off (Edit &gt; Settings).</source>
        <translation>O histórico de casos está desativado (Editar &gt; Configurações).</translation>
    </message>
    <message>
        <source>The case history was damaged: it was moved to %1 and a new one started.</source>
        <translation>O histórico de casos estava danificado: foi movido para %1 e um novo foi iniciado.</translation>
    </message>
    <message>
        <source>This case could not be stored in the history: %1</source>
        <translation>Não foi possível guardar este caso no histórico: %1</translation>
    </message>
    <message>
        <source>The case could not be stored: %1</source>
        <translation>Não foi possível guardar o caso: %1</translation>
    </message>
    <message numerus="yes">
        <source>Seen before: %n earlier case(s) with this recipient, its domain or the sending IP; the last on %1 (%2). View &gt; History shows them.</source>
        <translation>
            <numerusform>Já visto: %n caso anterior com este destinatário, seu domínio ou o IP de envio; o último em %1 (%2). Exibir &gt; Histórico mostra-o.</numerusform>
            <numerusform>Já visto: %n casos anteriores com este destinatário, seu domínio ou o IP de envio; o último em %1 (%2). Exibir &gt; Histórico mostra-os.</numerusform>
        </translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>O histórico de casos está desativado.</translation>
    </message>
    <message>
        <source>Case %1 — %2</source>
        <translation>Caso %1 — %2</translation>
    </message>
    <message>
        <source>Case %1 reopened from the history.</source>
        <translation>Caso %1 reaberto a partir do histórico.</translation>
    </message>
    <message>
        <source>&amp;Hide Personal Data in Exports</source>
        <translation>&amp;Ocultar dados pessoais nas exportações</translation>
    </message>
    <message>
        <source>Reports, ticket texts and cases handed over mask the recipients&apos; addresses, the sender and the subject; the server&apos;s words stay</source>
        <translation>Relatórios, textos de chamado e casos repassados mascaram os endereços dos destinatários, o remetente e o assunto; as palavras do servidor permanecem</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
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
        <translation>IP ou IP:PORTA, separados por vírgulas. Listas de bloqueio como o Spamhaus recusam resolvedores públicos (1.1.1.1, 8.8.8.8): use o seu próprio.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Timeout per query:</source>
        <translation>&amp;Tempo limite por consulta:</translation>
    </message>
    <message>
        <source>Spamhaus DQS key</source>
        <translation>Chave DQS do Spamhaus</translation>
    </message>
    <message>
        <source>Optional: a free key from Spamhaus</source>
        <translation>Opcional: uma chave gratuita do Spamhaus</translation>
    </message>
    <message>
        <source>Spamhaus D&amp;QS key:</source>
        <translation>Chave D&amp;QS do Spamhaus:</translation>
    </message>
    <message>
        <source>Blocklists to check</source>
        <translation>Listas de bloqueio a verificar</translation>
    </message>
    <message>
        <source>&amp;Blocklists:</source>
        <translation>&amp;Listas de bloqueio:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>A new language applies when Bounce Doctor starts again.</source>
        <translation>O novo idioma será aplicado quando o Bounce Doctor for iniciado novamente.</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest &amp;message:</source>
        <translation>Maior &amp;mensagem:</translation>
    </message>
    <message>
        <source>Most messages &amp;opened at once:</source>
        <translation>Máximo de mensagens abertas de uma &amp;vez:</translation>
    </message>
    <message>
        <source>&amp;Keep a history of cases</source>
        <translation>&amp;Guardar um histórico de casos</translation>
    </message>
    <message>
        <source>Keep the bounce&apos;s own te&amp;xt in each case</source>
        <translation>Guardar o te&amp;xto original da devolução em cada caso</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>Guardar para sempre</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <source>Delete cases &amp;after:</source>
        <translation>Excluir casos &amp;após:</translation>
    </message>
    <message>
        <source>Shared case history</source>
        <translation>Histórico de casos compartilhado</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Somente este computador</translation>
    </message>
    <message>
        <source>Shared &amp;history:</source>
        <translation>&amp;Histórico compartilhado:</translation>
    </message>
    <message>
        <source>For a team: postgresql://user:password@host:5432/database. Empty keeps the history in a file on this computer. Applies when Bounce Doctor starts again.</source>
        <translation>Para uma equipe: postgresql://usuario:senha@servidor:5432/banco. Vazio mantém o histórico em um arquivo neste computador. Será aplicado quando o Bounce Doctor for iniciado novamente.</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::SpfEvaluator</name>
    <message>
        <source>%1: not a usable domain name</source>
        <translation>%1: não é um nome de domínio utilizável</translation>
    </message>
    <message>
        <source>the DNS lookup of %1 failed (%2)</source>
        <translation>a consulta DNS de %1 falhou (%2)</translation>
    </message>
    <message>
        <source>%1: no SPF record</source>
        <translation>%1: nenhum registro SPF</translation>
    </message>
    <message>
        <source>%1 publishes %2 SPF records; only one is allowed</source>
        <translation>%1 publica %2 registros SPF; só é permitido um</translation>
    </message>
    <message>
        <source>syntax error in the SPF record of %1: %2</source>
        <translation>erro de sintaxe no registro SPF de %1: %2</translation>
    </message>
    <message>
        <source>no mechanism matched: neutral</source>
        <translation>nenhum mecanismo correspondeu: neutro (neutral)</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms</source>
        <translation>mais de %1 termos que exigem consulta DNS</translation>
    </message>
    <message>
        <source>bad redirect target</source>
        <translation>destino de redirect inválido</translation>
    </message>
    <message>
        <source>redirect loop back to %1</source>
        <translation>loop de redirect de volta para %1</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms (at %2)</source>
        <translation>mais de %1 termos que exigem consulta DNS (em %2)</translation>
    </message>
    <message>
        <source>DNS lookup of %1 failed (%2) at %3</source>
        <translation>a consulta DNS de %1 falhou (%2) em %3</translation>
    </message>
    <message>
        <source>more than %1 void lookups</source>
        <translation>mais de %1 consultas sem resultado (void lookups)</translation>
    </message>
    <message>
        <source>%1 has more than %2 MX records</source>
        <translation>%1 tem mais de %2 registros MX</translation>
    </message>
    <message>
        <source>include loop back to %1</source>
        <translation>loop de include de volta para %1</translation>
    </message>
    <message>
        <source>%1 has no SPF record for the include</source>
        <translation>%1 não tem registro SPF para o include</translation>
    </message>
</context>
<context>
    <name>BounceReader</name>
    <message>
        <source>not an e-mail message (no headers)</source>
        <translation>não é uma mensagem de e-mail (sem cabeçalhos)</translation>
    </message>
    <message>
        <source>MIME parts are nested more than %1 levels deep</source>
        <translation>as partes MIME estão aninhadas em mais de %1 níveis</translation>
    </message>
    <message>
        <source>the message has more than %1 MIME parts</source>
        <translation>a mensagem tem mais de %1 partes MIME</translation>
    </message>
    <message>
        <source>the message holds more than %1 attached messages (counting messages inside messages)</source>
        <translation>a mensagem contém mais de %1 mensagens anexadas (contando mensagens dentro de mensagens)</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields in its parts and attached messages</source>
        <translation>a mensagem tem mais de %1 campos de cabeçalho em suas partes e mensagens anexadas</translation>
    </message>
    <message>
        <source>the message declares more than %1 MIME multiparts</source>
        <translation>a mensagem declara mais de %1 partes MIME multipart</translation>
    </message>
</context>
<context>
    <name>BounceReaderTr</name>
    <message>
        <source>message %1 is larger than the limit of %2 bytes</source>
        <translation>a mensagem %1 é maior que o limite de %2 bytes</translation>
    </message>
    <message>
        <source>message is larger than the limit of %1 bytes</source>
        <translation>a mensagem é maior que o limite de %1 bytes</translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation>a mensagem está vazia</translation>
    </message>
    <message>
        <source>nothing was pasted</source>
        <translation>nada foi colado</translation>
    </message>
    <message>
        <source>cannot read standard input: %1</source>
        <translation>não é possível ler a entrada padrão: %1</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Arquivo ou diretório inexistente</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>não é possível abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the limit of %2 bytes for one message</source>
        <translation>%1 é maior que o limite de %2 bytes por mensagem</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>a header line is longer than the limit of %1 bytes</source>
        <translation>uma linha de cabeçalho ultrapassa o limite de %1 bytes</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields</source>
        <translation>a mensagem tem mais de %1 campos de cabeçalho</translation>
    </message>
    <message>
        <source>stopped after %1 messages, the limit for one batch: %2 and what follows it were not read</source>
        <translation>parou após %1 mensagens, o limite de um lote: %2 e o que vem depois não foram lidos</translation>
    </message>
    <message>
        <source>only the first %1 of its %2 recipients were read (the limit for one message)</source>
        <translation>somente os primeiros %1 dos seus %2 destinatários foram lidos (o limite de uma mensagem)</translation>
    </message>
    <message>
        <source>it is a symbolic link to something that does not exist</source>
        <translation>é um link simbólico para algo que não existe</translation>
    </message>
    <message>
        <source>it is a loop of symbolic links</source>
        <translation>é um ciclo de links simbólicos</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>um dispositivo de caracteres</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>um dispositivo de bloco</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>um pipe nomeado (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>um socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>algo que não é um arquivo comum</translation>
    </message>
    <message>
        <source>cannot read %1: it is %2; only files, folders and Maildirs are read</source>
        <translation>não é possível ler %1: é %2; só são lidos arquivos, pastas e Maildirs</translation>
    </message>
    <message>
        <source>cannot read the folder %1: %2</source>
        <translation>não é possível ler a pasta %1: %2</translation>
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
        <translation>Regra do Gmail, Yahoo e Outlook.com para remetentes em massa</translation>
    </message>
    <message>
        <source>Gmail and Yahoo (since February 2024) and Outlook.com (since May 2025) require it of senders of over 5,000 messages a day.</source>
        <translation>O Gmail e o Yahoo (desde fevereiro de 2024) e o Outlook.com (desde maio de 2025) exigem isso de quem envia mais de 5.000 mensagens por dia.</translation>
    </message>
    <message>
        <source>Gmail and Yahoo sender rule</source>
        <translation>Regra do Gmail e do Yahoo para remetentes</translation>
    </message>
    <message>
        <source>Gmail and Yahoo require it of every sender since February 2024, bulk or not.</source>
        <translation>O Gmail e o Yahoo exigem isso de todos os remetentes desde fevereiro de 2024, em massa ou não.</translation>
    </message>
    <message>
        <source>Gmail and Yahoo ignore DKIM keys under 1024 bits.</source>
        <translation>O Gmail e o Yahoo ignoram chaves DKIM com menos de 1024 bits.</translation>
    </message>
    <message>
        <source>RFC 5322</source>
        <translation>RFC 5322</translation>
    </message>
    <message>
        <source>Every message needs a Message-ID and a Date (RFC 5322); Gmail rejects mail without them.</source>
        <translation>Toda mensagem precisa de um cabeçalho Message-ID e de um cabeçalho Date (RFC 5322); o Gmail rejeita e-mails sem eles.</translation>
    </message>
    <message>
        <source>SPF passed at the receiver.</source>
        <translation>O SPF foi aprovado no servidor de destino.</translation>
    </message>
    <message>
        <source>SPF did not pass at the receiver (%1).</source>
        <translation>O SPF não foi aprovado no servidor de destino (%1).</translation>
    </message>
    <message>
        <source>SPF passes for the sending IP address.</source>
        <translation>O SPF é aprovado para o endereço IP de envio.</translation>
    </message>
    <message>
        <source>SPF does not pass for the sending IP address.</source>
        <translation>O SPF não é aprovado para o endereço IP de envio.</translation>
    </message>
    <message>
        <source>Could not check whether SPF passes: the bounce shows no result and the live check gave none.</source>
        <translation>Não foi possível verificar se o SPF é aprovado: a devolução não mostra nenhum resultado e a verificação ao vivo não trouxe nenhum.</translation>
    </message>
    <message>
        <source>Could not check whether DKIM passes: the bounce does not show the receiver&apos;s result.</source>
        <translation>Não foi possível verificar se o DKIM é aprovado: a devolução não mostra o resultado do servidor de destino.</translation>
    </message>
    <message>
        <source>DKIM passed at the receiver.</source>
        <translation>O DKIM foi aprovado no servidor de destino.</translation>
    </message>
    <message>
        <source>DKIM did not pass at the receiver (%1).</source>
        <translation>O DKIM não foi aprovado no servidor de destino (%1).</translation>
    </message>
    <message>
        <source>A DMARC policy is published (p=none is enough).</source>
        <translation>Há uma política DMARC publicada (p=none é suficiente).</translation>
    </message>
    <message>
        <source>No usable DMARC policy is published.</source>
        <translation>Não há nenhuma política DMARC utilizável publicada.</translation>
    </message>
    <message>
        <source>Could not check whether a DMARC policy is published.</source>
        <translation>Não foi possível verificar se há uma política DMARC publicada.</translation>
    </message>
    <message>
        <source>The From domain is aligned with SPF or DKIM.</source>
        <translation>O domínio do remetente (From) está alinhado com o SPF ou o DKIM.</translation>
    </message>
    <message>
        <source>The From domain is aligned with neither SPF nor DKIM.</source>
        <translation>O domínio do remetente (From) não está alinhado nem com o SPF nem com o DKIM.</translation>
    </message>
    <message>
        <source>Could not check alignment: the bounce does not show the receiver&apos;s SPF and DKIM results.</source>
        <translation>Não foi possível verificar o alinhamento: a devolução não mostra os resultados de SPF e DKIM do servidor de destino.</translation>
    </message>
    <message>
        <source>The sending IP has forward-confirmed reverse DNS.</source>
        <translation>O IP de envio tem DNS reverso com confirmação direta.</translation>
    </message>
    <message>
        <source>The sending IP lacks forward-confirmed reverse DNS.</source>
        <translation>O IP de envio não tem DNS reverso com confirmação direta.</translation>
    </message>
    <message>
        <source>Could not check the sending IP&apos;s reverse DNS.</source>
        <translation>Não foi possível verificar o DNS reverso do IP de envio.</translation>
    </message>
    <message>
        <source>The DKIM key is valid and at least 1024 bits long.</source>
        <translation>A chave DKIM é válida e tem pelo menos 1024 bits.</translation>
    </message>
    <message>
        <source>The DKIM key is missing, broken or under 1024 bits.</source>
        <translation>A chave DKIM está ausente, com defeito ou tem menos de 1024 bits.</translation>
    </message>
    <message>
        <source>Could not check the DKIM key&apos;s length.</source>
        <translation>Não foi possível verificar o tamanho da chave DKIM.</translation>
    </message>
    <message>
        <source>Could not check that the message travelled over TLS: Bounce Doctor does not read the returned message&apos;s Received chain yet.</source>
        <translation>Não foi possível verificar se a mensagem trafegou com TLS: o Bounce Doctor ainda não lê a cadeia Received da mensagem devolvida.</translation>
    </message>
    <message>
        <source>Could not check one-click unsubscribe (List-Unsubscribe with List-Unsubscribe-Post, RFC 8058): Bounce Doctor does not read those headers of the returned message yet.</source>
        <translation>Não foi possível verificar o cancelamento de inscrição com um clique (List-Unsubscribe com List-Unsubscribe-Post, RFC 8058): o Bounce Doctor ainda não lê esses cabeçalhos da mensagem devolvida.</translation>
    </message>
    <message>
        <source>Could not check the Message-ID: the bounce did not return it.</source>
        <translation>Não foi possível verificar o Message-ID: a devolução não o trouxe de volta.</translation>
    </message>
    <message>
        <source>The message has a valid Message-ID.</source>
        <translation>A mensagem tem um Message-ID válido.</translation>
    </message>
    <message>
        <source>The Message-ID &quot;%1&quot; is not valid: it must look like &lt;unique@domain&gt;.</source>
        <translation>O Message-ID &quot;%1&quot; não é válido: ele deve ter a forma &lt;unico@dominio&gt;.</translation>
    </message>
    <message>
        <source>Could not check the Date: the bounce did not return it.</source>
        <translation>Não foi possível verificar o cabeçalho Date: a devolução não o trouxe de volta.</translation>
    </message>
    <message>
        <source>The message has a valid Date.</source>
        <translation>A mensagem tem um cabeçalho Date válido.</translation>
    </message>
    <message>
        <source>The Date &quot;%1&quot; is not a valid RFC 5322 date.</source>
        <translation>O cabeçalho Date &quot;%1&quot; não é uma data válida segundo a RFC 5322.</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Could not check %1: %2</source>
        <translation>Não foi possível verificar %1: %2</translation>
    </message>
    <message>
        <source>The DNS question could not be answered, so this says nothing either way. Check your network and DNS server settings, then run the check again.</source>
        <translation>A consulta DNS não pôde ser respondida, então este resultado não indica nada, nem a favor nem contra. Verifique a sua rede e as configurações do servidor DNS e execute a verificação novamente.</translation>
    </message>
</context>
<context>
    <name>ContactCheck</name>
    <message>
        <source>No recipient domain to write to.</source>
        <translation>Não há domínio do destinatário para quem escrever.</translation>
    </message>
    <message>
        <source>Write to %1: %2</source>
        <translation>Escreva para %1: %2</translation>
    </message>
    <message>
        <source>The recipient&apos;s server names %1 for help.</source>
        <translation>O servidor do destinatário indica %1 para pedir ajuda.</translation>
    </message>
    <message>
        <source>No message to the recipient&apos;s IT is needed: the fix is on your side.</source>
        <translation>Não é preciso escrever para a TI do destinatário: a correção é do seu lado.</translation>
    </message>
    <message>
        <source>Reach %1 another way: a personal mailbox has no IT to write to.</source>
        <translation>Fale com %1 por outro meio: uma caixa de correio pessoal não tem equipe de TI para quem escrever.</translation>
    </message>
    <message>
        <source>A page of %1 for senders.</source>
        <translation>Uma página de %1 para remetentes.</translation>
    </message>
</context>
<context>
    <name>ContactDraftTr</name>
    <message>
        <source>%1 (sending IP %2)</source>
        <translation>%1 (IP de envio %2)</translation>
    </message>
    <message>
        <source>Could you please add %1 to your allowed senders, or tell us which rule refused the message?</source>
        <translation>Poderiam, por gentileza, incluir %1 na lista de remetentes permitidos ou nos informar qual regra recusou a mensagem?</translation>
    </message>
    <message>
        <source>Could you please check why your server refused mail from %1, and allow-list it if you can?</source>
        <translation>Poderiam, por gentileza, verificar por que o seu servidor recusou as mensagens de %1 e, se possível, incluí-lo na lista de permissões?</translation>
    </message>
    <message>
        <source>Could you please confirm whether this mailbox exists and is active, or give us the right address?</source>
        <translation>Poderiam, por gentileza, confirmar se esta caixa de correio existe e está ativa, ou nos informar o endereço correto?</translation>
    </message>
    <message>
        <source>Could you please check the mailbox&apos;s storage or size limits?</source>
        <translation>Poderiam, por gentileza, verificar o espaço de armazenamento ou os limites de tamanho dessa caixa de correio?</translation>
    </message>
    <message>
        <source>Could you please check that your domain&apos;s MX records point to your mail server, and that it accepts mail for this address?</source>
        <translation>Poderiam, por gentileza, verificar se os registros MX do seu domínio apontam para o seu servidor de e-mail e se ele aceita mensagens para este endereço?</translation>
    </message>
    <message>
        <source>We are checking our SPF, DKIM and DMARC set-up; could you tell us which check failed on your side?</source>
        <translation>Estamos revisando a nossa configuração de SPF, DKIM e DMARC; poderiam nos informar qual verificação falhou do seu lado?</translation>
    </message>
    <message>
        <source>Could you please look into this error and tell us what we should change?</source>
        <translation>Poderiam, por gentileza, analisar este erro e nos dizer o que devemos ajustar?</translation>
    </message>
    <message>
        <source>our address</source>
        <translation>nosso endereço</translation>
    </message>
    <message>
        <source>Email to %1 was rejected by your server</source>
        <translation>E-mail para %1 rejeitado pelo seu servidor</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>Prezados,</translation>
    </message>
    <message>
        <source>We tried to send an email to %1, and your mail server rejected it. We would be grateful for your help.</source>
        <translation>Tentamos enviar um e-mail para %1, mas o seu servidor de e-mail o rejeitou. Agradeceríamos muito a sua ajuda.</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Detalhes:</translation>
    </message>
    <message>
        <source>  Date: %1</source>
        <translation>  Data: %1</translation>
    </message>
    <message>
        <source>  Sender: %1</source>
        <translation>  Remetente: %1</translation>
    </message>
    <message>
        <source>  Sending IP: %1</source>
        <translation>  IP de envio: %1</translation>
    </message>
    <message>
        <source>  Recipient: %1</source>
        <translation>  Destinatário: %1</translation>
    </message>
    <message>
        <source>  Your server: %1</source>
        <translation>  Seu servidor: %1</translation>
    </message>
    <message>
        <source>  Your server&apos;s reply: %1</source>
        <translation>  Resposta do seu servidor: %1</translation>
    </message>
    <message>
        <source>Thank you,</source>
        <translation>Agradecemos a atenção,</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>o provedor</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Follow the other steps.</source>
        <translation>A correção é do seu lado, não do destinatário: escrever para a TI dele não mudaria nada. Siga as outras etapas.</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Use %1&apos;s pages for senders below once the cause is fixed.</source>
        <translation>A correção é do seu lado, não do destinatário: escrever para a TI dele não mudaria nada. Depois de corrigir a causa, use as páginas de %1 para remetentes, abaixo.</translation>
    </message>
    <message>
        <source>%1 is a personal mailbox at %2, whose postmaster address nobody reads. Reach the person another way (phone, another address) and tell them their mail does not arrive.</source>
        <translation>%1 é uma caixa de correio pessoal em %2, cujo endereço postmaster ninguém lê. Fale com a pessoa por outro meio (telefone, outro endereço) e avise que os e-mails enviados a ela não estão chegando.</translation>
    </message>
    <message>
        <source>If %1 refused your mail, use its pages for senders below.</source>
        <translation>Se %1 recusou o seu e-mail, use as páginas dele para remetentes, abaixo.</translation>
    </message>
</context>
<context>
    <name>DkimKeyTr</name>
    <message>
        <source>the public key (p=) is not valid base64</source>
        <translation>a chave pública (p=) não está em base64 válido</translation>
    </message>
    <message>
        <source>the ed25519 public key is not a valid 32-byte key</source>
        <translation>a chave pública ed25519 não é uma chave válida de 32 bytes</translation>
    </message>
    <message>
        <source>the public key (p=) cannot be read as an RSA key</source>
        <translation>a chave pública (p=) não pode ser lida como chave RSA</translation>
    </message>
    <message>
        <source>the public key (p=) is not an RSA key although k=rsa</source>
        <translation>a chave pública (p=) não é uma chave RSA, embora k=rsa</translation>
    </message>
    <message>
        <source>an empty tag between two &apos;;&apos;</source>
        <translation>uma tag vazia entre dois &apos;;&apos;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form tag=value</source>
        <translation>&quot;%1&quot; não está no formato tag=valor</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag name</source>
        <translation>&quot;%1&quot; não é um nome de tag válido</translation>
    </message>
    <message>
        <source>the tag &quot;%1&quot; appears more than once</source>
        <translation>a tag &quot;%1&quot; aparece mais de uma vez</translation>
    </message>
    <message>
        <source>v= must be the first tag</source>
        <translation>v= deve ser a primeira tag</translation>
    </message>
    <message>
        <source>v=%1 is not DKIM1</source>
        <translation>v=%1 não é DKIM1</translation>
    </message>
    <message>
        <source>unknown key type k=%1</source>
        <translation>tipo de chave desconhecido k=%1</translation>
    </message>
    <message>
        <source>unknown hash algorithm h=%1</source>
        <translation>algoritmo de hash desconhecido h=%1</translation>
    </message>
    <message>
        <source>the record has no public key (p= is missing)</source>
        <translation>o registro não tem chave pública (falta p=)</translation>
    </message>
    <message>
        <source>the key is not for email (s=%1)</source>
        <translation>a chave não é para e-mail (s=%1)</translation>
    </message>
</context>
<context>
    <name>DmarcRecordTr</name>
    <message>
        <source>the record must start with v=DMARC1</source>
        <translation>o registro deve começar com v=DMARC1</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a mailto: address</source>
        <translation>%1: &quot;%2&quot; não é um endereço mailto:</translation>
    </message>
    <message>
        <source>%1=%2 is not none, quarantine or reject</source>
        <translation>%1=%2 não é none, quarantine nem reject</translation>
    </message>
    <message>
        <source>p= should come right after v=DMARC1</source>
        <translation>p= deve vir logo depois de v=DMARC1</translation>
    </message>
    <message>
        <source>pct=%1 is not a number from 0 to 100</source>
        <translation>pct=%1 não é um número de 0 a 100</translation>
    </message>
    <message>
        <source>%1=%2 is not r (relaxed) or s (strict)</source>
        <translation>%1=%2 não é r (relaxed, flexível) nem s (strict, estrito)</translation>
    </message>
    <message>
        <source>fo=%1: unknown option &quot;%2&quot;</source>
        <translation>fo=%1: opção desconhecida &quot;%2&quot;</translation>
    </message>
    <message>
        <source>ri=%1 is not a number of seconds</source>
        <translation>ri=%1 não é um número de segundos</translation>
    </message>
    <message>
        <source>rf=%1: only afrf is defined</source>
        <translation>rf=%1: só afrf está definido</translation>
    </message>
    <message>
        <source>v= appears more than once</source>
        <translation>v= aparece mais de uma vez</translation>
    </message>
    <message>
        <source>unknown tag &quot;%1&quot; (receivers ignore it)</source>
        <translation>tag desconhecida &quot;%1&quot; (os servidores de destino a ignoram)</translation>
    </message>
    <message>
        <source>the required policy tag p= is missing or invalid</source>
        <translation>a tag de política obrigatória p= está ausente ou é inválida</translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <source>The receiving server could not confirm that your server may send for your domain. Your domain&apos;s SPF, DKIM or DMARC records are missing or do not match the server that sent the message. Whoever runs your email needs to fix these DNS records.</source>
        <translation>O servidor de destino não conseguiu confirmar que o seu servidor pode enviar e-mails pelo seu domínio. Os registros SPF, DKIM ou DMARC do seu domínio estão ausentes ou não correspondem ao servidor que enviou a mensagem. Quem administra o seu e-mail precisa corrigir esses registros DNS.</translation>
    </message>
    <message>
        <source>The message failed the sender authentication checks (SPF, DKIM or DMARC).</source>
        <translation>A mensagem foi reprovada nas verificações de autenticação do remetente (SPF, DKIM ou DMARC).</translation>
    </message>
    <message>
        <source>Your sending server or domain has a poor reputation with this provider, usually because of spam complaints, sudden volume or little sending history. Check blocklists, reduce volume and make sure recipients want your mail; the provider relaxes limits as the reputation recovers.</source>
        <translation>O seu servidor ou domínio de envio tem má reputação com este provedor, geralmente por causa de denúncias de spam, aumento repentino de volume ou pouco histórico de envio. Verifique as listas de bloqueio, reduza o volume e confirme que os destinatários querem receber os seus e-mails; o provedor afrouxa os limites à medida que a reputação se recupera.</translation>
    </message>
    <message>
        <source>The receiving provider does not trust mail from your server right now.</source>
        <translation>O provedor de destino não confia nos e-mails do seu servidor no momento.</translation>
    </message>
    <message>
        <source>The receiving server refused the connection because of the IP address or name of the server that sent your mail, often because it is on a blocklist or has a poor reputation. Check whether your sending IP is listed and ask to be delisted; if you use a mail service, tell them.</source>
        <translation>O servidor de destino recusou a conexão por causa do endereço IP ou do nome do servidor que enviou o seu e-mail, muitas vezes porque ele está em uma lista de bloqueio ou tem má reputação. Verifique se o seu IP de envio está listado e peça a remoção; se você usa um serviço de e-mail, avise o serviço.</translation>
    </message>
    <message>
        <source>The receiving server blocked your sending server.</source>
        <translation>O servidor de destino bloqueou o seu servidor de envio.</translation>
    </message>
    <message>
        <source>Something in the message&apos;s format (character encoding, headers or attachments) was not acceptable to the receiving server. Try sending it again in a simpler form, for example without unusual attachments or characters.</source>
        <translation>Algo no formato da mensagem (codificação de caracteres, cabeçalhos ou anexos) não foi aceito pelo servidor de destino. Tente enviá-la novamente de forma mais simples, por exemplo, sem anexos ou caracteres incomuns.</translation>
    </message>
    <message>
        <source>The receiving server could not handle the message&apos;s content or format.</source>
        <translation>O servidor de destino não conseguiu processar o conteúdo ou o formato da mensagem.</translation>
    </message>
    <message>
        <source>This report says the message reached the recipient&apos;s server. Nothing needs fixing.</source>
        <translation>Este relatório informa que a mensagem chegou ao servidor do destinatário. Não há nada a corrigir.</translation>
    </message>
    <message>
        <source>The message was delivered.</source>
        <translation>A mensagem foi entregue.</translation>
    </message>
    <message>
        <source>Your server kept trying to deliver the message for hours or days but the recipient&apos;s server never accepted it, usually because it was unreachable or kept deferring. Check that the recipient&apos;s domain is correct and its mail server is working, then send again.</source>
        <translation>O seu servidor tentou entregar a mensagem por horas ou dias, mas o servidor do destinatário nunca a aceitou, geralmente porque estava inacessível ou continuava adiando o recebimento. Verifique se o domínio do destinatário está correto e se o servidor de e-mail dele está funcionando e envie novamente.</translation>
    </message>
    <message>
        <source>The message could not be delivered in time and was given up.</source>
        <translation>A mensagem não pôde ser entregue a tempo e o envio foi abandonado.</translation>
    </message>
    <message>
        <source>The receiving server requires an encrypted (TLS) connection and the two servers could not set one up. Whoever runs your mail server should check its TLS settings and certificates.</source>
        <translation>O servidor de destino exige uma conexão criptografada (TLS), e os dois servidores não conseguiram estabelecê-la. Quem administra o seu servidor de e-mail deve verificar as configurações de TLS e os certificados.</translation>
    </message>
    <message>
        <source>The servers could not agree on an encrypted connection.</source>
        <translation>Os servidores não conseguiram estabelecer uma conexão criptografada.</translation>
    </message>
    <message>
        <source>This is a complaint report from the recipient&apos;s mail provider: someone marked your message as unwanted. Stop sending to this recipient and make sure everyone on your list asked for your mail; many complaints harm delivery to everyone.</source>
        <translation>Esta é uma denúncia enviada pelo provedor de e-mail do destinatário: alguém marcou a sua mensagem como indesejada. Pare de enviar para este destinatário e confirme que todos na sua lista pediram para receber os seus e-mails; muitas denúncias prejudicam a entrega para todos.</translation>
    </message>
    <message>
        <source>A recipient reported your message as spam.</source>
        <translation>Um destinatário denunciou a sua mensagem como spam.</translation>
    </message>
    <message>
        <source>The recipient (or their mail system) has set rules that refuse mail like this one, for example from senders they have not approved. Reach the recipient another way and ask them to allow your address.</source>
        <translation>O destinatário (ou o sistema de e-mail dele) definiu regras que recusam e-mails como este, por exemplo, de remetentes que ele não aprovou. Entre em contato com o destinatário por outro meio e peça que ele autorize o seu endereço.</translation>
    </message>
    <message>
        <source>The recipient&apos;s filters refused the message.</source>
        <translation>Os filtros do destinatário recusaram a mensagem.</translation>
    </message>
    <message>
        <source>This address used to work, but the recipient no longer receives mail here and the server does not forward it. Ask the recipient for their new address.</source>
        <translation>Este endereço funcionava, mas o destinatário não recebe mais e-mails nele e o servidor não os encaminha. Peça ao destinatário o novo endereço.</translation>
    </message>
    <message>
        <source>The recipient has moved to another address.</source>
        <translation>O destinatário mudou de endereço.</translation>
    </message>
    <message>
        <source>The part of the address after the @ does not exist in DNS, or has no mail server. It is usually a typing mistake in the domain or a domain that has expired. Check the spelling of the domain.</source>
        <translation>A parte do endereço depois do @ não existe no DNS ou não tem servidor de e-mail. Geralmente é um erro de digitação no domínio ou um domínio que expirou. Confira a grafia do domínio.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not exist or cannot receive email.</source>
        <translation>O domínio do destinatário não existe ou não pode receber e-mails.</translation>
    </message>
    <message>
        <source>The recipient has used up their storage space, so the server cannot take new messages for now. Wait and try again later, or tell the recipient by another channel so they can make room.</source>
        <translation>O destinatário esgotou o espaço de armazenamento, então o servidor não pode aceitar novas mensagens por enquanto. Aguarde e tente novamente mais tarde, ou avise o destinatário por outro canal para que ele libere espaço.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>A caixa de correio do destinatário está cheia.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server hands mail to a program (a filter or delivery script), and that program failed. The recipient&apos;s IT needs to look at it.</source>
        <translation>O servidor do destinatário repassa os e-mails para um programa (um filtro ou script de entrega), e esse programa falhou. A equipe de TI do destinatário precisa verificar isso.</translation>
    </message>
    <message>
        <source>A program on the recipient&apos;s server failed while delivering.</source>
        <translation>Um programa no servidor do destinatário falhou durante a entrega.</translation>
    </message>
    <message>
        <source>Your server could not talk to the recipient&apos;s mail server properly: the connection failed, was cut, or DNS could not be asked. It is often temporary; if it keeps happening, the recipient&apos;s IT should check their mail server and DNS.</source>
        <translation>O seu servidor não conseguiu se comunicar corretamente com o servidor de e-mail do destinatário: a conexão falhou, foi interrompida ou não foi possível consultar o DNS. Muitas vezes é algo temporário; se continuar acontecendo, a equipe de TI do destinatário deve verificar o servidor de e-mail e o DNS.</translation>
    </message>
    <message>
        <source>A network problem stopped the delivery.</source>
        <translation>Um problema de rede impediu a entrega.</translation>
    </message>
    <message>
        <source>The server refused to pass the message on (relaying denied).</source>
        <translation>O servidor se recusou a repassar a mensagem (relay negado).</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain has declared that it receives no mail (a null MX record), or its server refuses all mail. Check that you have the right domain; otherwise reach the recipient another way.</source>
        <translation>O domínio do destinatário declarou que não recebe e-mails (um registro null MX), ou o servidor dele recusa todos os e-mails. Confirme que você está usando o domínio certo; caso contrário, entre em contato com o destinatário por outro meio.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not accept email at all.</source>
        <translation>O domínio do destinatário não aceita nenhum e-mail.</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because its headers break the email format rules (for example several From or Date headers, or a malformed header). The program that created the message needs fixing.</source>
        <translation>O servidor de destino rejeitou a mensagem porque os cabeçalhos dela violam as regras de formato de e-mail (por exemplo, vários cabeçalhos From ou Date, ou um cabeçalho malformado). O programa que criou a mensagem precisa ser corrigido.</translation>
    </message>
    <message>
        <source>The message does not follow the email standards.</source>
        <translation>A mensagem não segue os padrões de e-mail.</translation>
    </message>
    <message>
        <source>The receiving side reported a failure without a clear reason. Read the server&apos;s exact words below; if they do not help, ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>O lado do destinatário informou uma falha sem motivo claro. Leia as palavras exatas do servidor abaixo; se não ajudarem, consulte a equipe de TI do destinatário, informando a data e o texto do erro.</translation>
    </message>
    <message>
        <source>The message was not delivered, and the bounce does not say exactly why.</source>
        <translation>A mensagem não foi entregue, e a devolução não diz exatamente por quê.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation has rules about what mail it accepts (senders, content, attachments or how messages are formatted), and this message did not meet them. Ask the recipient&apos;s IT which rule applies.</source>
        <translation>A organização do destinatário tem regras sobre os e-mails que aceita (remetentes, conteúdo, anexos ou formatação das mensagens), e esta mensagem não as cumpriu. Pergunte à equipe de TI do destinatário qual regra se aplica.</translation>
    </message>
    <message>
        <source>The message broke a policy of the receiving organisation.</source>
        <translation>A mensagem violou uma política da organização de destino.</translation>
    </message>
    <message>
        <source>The server did not accept the address the message was sent from (the envelope sender): it may look invalid, belong to a domain that does not exist, or be on the server&apos;s block list. Check the address your mail program or service sends from.</source>
        <translation>O servidor não aceitou o endereço do qual a mensagem foi enviada (o remetente do envelope): ele pode parecer inválido, pertencer a um domínio que não existe ou estar na lista de bloqueio do servidor. Verifique o endereço de envio usado pelo seu programa ou serviço de e-mail.</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address.</source>
        <translation>O servidor de destino recusou o seu endereço de remetente.</translation>
    </message>
    <message>
        <source>The receiving server requires the IP address your mail comes from to have a reverse DNS (PTR) record that points to a name which points back to the same address. Whoever runs your mail server must set this up with their hosting or internet provider.</source>
        <translation>O servidor de destino exige que o endereço IP de onde saem os seus e-mails tenha um registro de DNS reverso (PTR) apontando para um nome que, por sua vez, aponte de volta para o mesmo endereço. Quem administra o seu servidor de e-mail precisa configurar isso com o provedor de hospedagem ou de internet.</translation>
    </message>
    <message>
        <source>Your sending server has no valid reverse DNS name.</source>
        <translation>O seu servidor de envio não tem um nome de DNS reverso válido.</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because of a security or authorization check: for example the sender could not be verified, or your server was not allowed to send this message. Check your authentication set-up and ask the recipient&apos;s IT for details.</source>
        <translation>O servidor de destino rejeitou a mensagem por causa de uma verificação de segurança ou de autorização: por exemplo, não foi possível verificar o remetente, ou o seu servidor não tinha permissão para enviar esta mensagem. Verifique a sua configuração de autenticação e peça detalhes à equipe de TI do destinatário.</translation>
    </message>
    <message>
        <source>The receiving server refused the message for a security reason.</source>
        <translation>O servidor de destino recusou a mensagem por um motivo de segurança.</translation>
    </message>
    <message>
        <source>The content of the message, its links or its formatting looked like spam to the receiving server&apos;s filter. Review the content (links, attachments, wording, images only), make sure the recipient expects it, and check your authentication set-up.</source>
        <translation>O conteúdo da mensagem, os links ou a formatação pareceram spam para o filtro do servidor de destino. Revise o conteúdo (links, anexos, texto, mensagens só com imagens), confirme que o destinatário está esperando a mensagem e verifique a sua configuração de autenticação.</translation>
    </message>
    <message>
        <source>The receiving server thinks the message is spam.</source>
        <translation>O servidor de destino acha que a mensagem é spam.</translation>
    </message>
    <message>
        <source>Your sending service has stopped sending to this address because earlier messages to it bounced or were reported. Check the address, and remove it from the suppression list only if you are sure it works again.</source>
        <translation>O seu serviço de envio parou de enviar para este endereço porque mensagens anteriores para ele foram devolvidas ou denunciadas. Verifique o endereço e só o remova da lista de supressão se tiver certeza de que ele voltou a funcionar.</translation>
    </message>
    <message>
        <source>Your mail service did not send it: the address is on its suppression list.</source>
        <translation>O seu serviço de e-mail não enviou a mensagem: o endereço está na lista de supressão dele.</translation>
    </message>
    <message>
        <source>The mailbox exists but has been switched off, for example because the account was suspended, left unused for a long time, or not paid for. Reach the recipient another way and ask them to reactivate it or give you another address.</source>
        <translation>A caixa de correio existe, mas foi desativada, por exemplo, porque a conta foi suspensa, ficou muito tempo sem uso ou não foi paga. Entre em contato com o destinatário por outro meio e peça que ele a reative ou informe outro endereço.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is disabled.</source>
        <translation>A caixa de correio do destinatário está desativada.</translation>
    </message>
    <message>
        <source>The receiving server said a command from your server was malformed or out of order. Whoever runs your mail server or sending software should look at it.</source>
        <translation>O servidor de destino disse que um comando do seu servidor estava malformado ou fora de ordem. Quem administra o seu servidor de e-mail ou o software de envio deve verificar isso.</translation>
    </message>
    <message>
        <source>The servers did not understand each other.</source>
        <translation>Os servidores não se entenderam.</translation>
    </message>
    <message>
        <source>Something went wrong on the recipient&apos;s mail server (a configuration error or an internal failure). It is not caused by your message; try again later, and tell the recipient&apos;s IT if it keeps happening.</source>
        <translation>Algo deu errado no servidor de e-mail do destinatário (um erro de configuração ou uma falha interna). O problema não foi causado pela sua mensagem; tente novamente mais tarde e, se continuar acontecendo, avise a equipe de TI do destinatário.</translation>
    </message>
    <message>
        <source>The receiving mail system had an internal problem.</source>
        <translation>O sistema de e-mail de destino teve um problema interno.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server has no room left to store incoming mail. It is the recipient&apos;s IT who must fix it; try again later.</source>
        <translation>O servidor de e-mail do destinatário não tem mais espaço para armazenar os e-mails recebidos. Quem precisa resolver é a equipe de TI do destinatário; tente novamente mais tarde.</translation>
    </message>
    <message>
        <source>The receiving mail system is out of space.</source>
        <translation>O sistema de e-mail de destino está sem espaço.</translation>
    </message>
    <message>
        <source>The bounce gives no usable reason. Check the recipient&apos;s address, then ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>A devolução não traz um motivo aproveitável. Verifique o endereço do destinatário e depois consulte a equipe de TI do destinatário, informando a data e o texto do erro.</translation>
    </message>
    <message>
        <source>The message was not delivered, for a reason the bounce does not give.</source>
        <translation>A mensagem não foi entregue, por um motivo que a devolução não informa.</translation>
    </message>
    <message>
        <source>The receiving server says there is no mailbox with this name. The address may be misspelled, or the person may have left the organisation or closed the account. Check the spelling, or ask the recipient for their current address; sending again to the same address will not work.</source>
        <translation>O servidor de destino diz que não existe caixa de correio com esse nome. O endereço pode estar digitado errado, ou a pessoa pode ter saído da organização ou encerrado a conta. Confira a grafia ou peça ao destinatário o endereço atual; enviar de novo para o mesmo endereço não vai funcionar.</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist.</source>
        <translation>O endereço do destinatário não existe.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox answered automatically, for example because they are away. Your message was delivered.</source>
        <translation>A caixa de correio do destinatário respondeu automaticamente, por exemplo, porque a pessoa está ausente. A sua mensagem foi entregue.</translation>
    </message>
    <message>
        <source>This is an automatic reply, not a failure.</source>
        <translation>Esta é uma resposta automática, não uma falha.</translation>
    </message>
    <message>
        <source>The message or one of its attachments was detected as malware, or contained a file type the recipient does not allow. Scan your computer, and send documents in a safe format or through a link.</source>
        <translation>A mensagem ou um dos anexos foi identificado como malware, ou continha um tipo de arquivo que o destinatário não permite. Verifique o seu computador com um antivírus e envie documentos em um formato seguro ou por meio de um link.</translation>
    </message>
    <message>
        <source>The receiving server found a virus or dangerous attachment.</source>
        <translation>O servidor de destino encontrou um vírus ou um anexo perigoso.</translation>
    </message>
    <message>
        <source>Microsoft keeps its own block list and your sending IP is on it. Whoever runs your mail server can request removal through Microsoft&apos;s sender support (delisting) page; if you use a mail service, contact them.</source>
        <translation>A Microsoft mantém a própria lista de bloqueio, e o seu IP de envio está nela. Quem administra o seu servidor de e-mail pode solicitar a remoção pela página de suporte a remetentes da Microsoft (delisting); se você usa um serviço de e-mail, entre em contato com ele.</translation>
    </message>
    <message>
        <source>Microsoft (Outlook/Hotmail) blocked your sending IP address.</source>
        <translation>A Microsoft (Outlook/Hotmail) bloqueou o seu endereço IP de envio.</translation>
    </message>
    <message>
        <source>Microsoft 365 rejects mail from your IP because it is on its block list or has been banned for spam. Request delisting through Microsoft&apos;s delist portal, and check that your server is not sending spam.</source>
        <translation>O Microsoft 365 rejeita e-mails do seu IP porque ele está na lista de bloqueio da Microsoft ou foi banido por spam. Solicite a remoção pelo portal de remoção (delist) da Microsoft e verifique se o seu servidor não está enviando spam.</translation>
    </message>
    <message>
        <source>Microsoft refused mail from your sending IP address (banned or listed).</source>
        <translation>A Microsoft recusou e-mails do seu endereço IP de envio (banido ou listado).</translation>
    </message>
    <message>
        <source>Your domain publishes a DMARC policy that says to reject mail that fails authentication, and this message failed SPF and DKIM alignment. Fix SPF and DKIM for the server that sent it.</source>
        <translation>O seu domínio publica uma política DMARC que manda rejeitar e-mails reprovados na autenticação, e esta mensagem foi reprovada no alinhamento de SPF e DKIM. Corrija o SPF e o DKIM do servidor que a enviou.</translation>
    </message>
    <message>
        <source>Microsoft rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>A Microsoft rejeitou a mensagem porque ela não atendeu à política DMARC do seu domínio.</translation>
    </message>
    <message>
        <source>Outlook.com requires domains that send a lot of mail to have SPF, DKIM and DMARC in place and passing. Set up all three for your sending domain.</source>
        <translation>O Outlook.com exige que os domínios que enviam muitos e-mails tenham SPF, DKIM e DMARC configurados e aprovados. Configure os três para o seu domínio de envio.</translation>
    </message>
    <message>
        <source>Microsoft requires stronger authentication from high-volume senders.</source>
        <translation>A Microsoft exige uma autenticação mais forte de remetentes de grande volume.</translation>
    </message>
    <message>
        <source>Your domain&apos;s SPF record does not list the server that sent this message. Add the sending server or service to your SPF record.</source>
        <translation>O registro SPF do seu domínio não lista o servidor que enviou esta mensagem. Adicione o servidor ou serviço de envio ao seu registro SPF.</translation>
    </message>
    <message>
        <source>The message failed the SPF check at Microsoft.</source>
        <translation>A mensagem foi reprovada na verificação SPF da Microsoft.</translation>
    </message>
    <message>
        <source>Microsoft 365 only accepts mail for sending from signed-in users. Turn on &apos;my outgoing server requires authentication&apos; in your mail program, with your mailbox&apos;s user name and password.</source>
        <translation>O Microsoft 365 só aceita o envio de e-mails por usuários conectados. No seu programa de e-mail, ative a opção &apos;Meu servidor de saída (SMTP) requer autenticação&apos;, com o nome de usuário e a senha da sua caixa de correio.</translation>
    </message>
    <message>
        <source>Your mail program tried to send without signing in.</source>
        <translation>O seu programa de e-mail tentou enviar sem fazer login.</translation>
    </message>
    <message>
        <source>Microsoft looked the address up in the recipient&apos;s directory and found nobody. Check the spelling, or ask the recipient for their current address.</source>
        <translation>A Microsoft procurou o endereço no diretório do destinatário e não encontrou ninguém. Confira a grafia ou peça ao destinatário o endereço atual.</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist in their Microsoft 365 organisation.</source>
        <translation>O endereço do destinatário não existe na organização Microsoft 365 dele.</translation>
    </message>
    <message>
        <source>Microsoft 365 checks addresses against the recipient organisation&apos;s directory before accepting mail (directory-based edge blocking), and this address is not in it. Check the spelling; if it is right, the recipient&apos;s IT must add the mailbox or its alias.</source>
        <translation>O Microsoft 365 confere os endereços no diretório da organização do destinatário antes de aceitar os e-mails (bloqueio de borda baseado em diretório), e este endereço não está lá. Confira a grafia; se estiver correta, a equipe de TI do destinatário precisa adicionar a caixa de correio ou o alias dela.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation does not know this address.</source>
        <translation>A organização do destinatário não conhece este endereço.</translation>
    </message>
    <message>
        <source>The recipient (or a group address) is restricted to certain senders by their Microsoft 365 administrators. Ask the recipient&apos;s IT to allow your address.</source>
        <translation>O destinatário (ou um endereço de grupo) está restrito a determinados remetentes pelos administradores do Microsoft 365 da organização dele. Peça à equipe de TI do destinatário que autorize o seu endereço.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail from approved senders.</source>
        <translation>A organização do destinatário só aceita e-mails de remetentes aprovados.</translation>
    </message>
    <message>
        <source>Your domain&apos;s DMARC policy asks receivers to reject mail that fails SPF and DKIM alignment, and this message failed. Gmail also requires bulk senders to authenticate. Fix SPF and DKIM for the server that sent it.</source>
        <translation>A política DMARC do seu domínio pede aos servidores de destino que rejeitem e-mails reprovados no alinhamento de SPF e DKIM, e esta mensagem foi reprovada. O Gmail também exige que remetentes em massa se autentiquem. Corrija o SPF e o DKIM do servidor que a enviou.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed authentication (DMARC).</source>
        <translation>O Gmail rejeitou a mensagem porque ela foi reprovada na autenticação (DMARC).</translation>
    </message>
    <message>
        <source>Gmail uses 5.7.27 for SPF failures. Your domain&apos;s SPF record does not include the server that sent the message; add it.</source>
        <translation>O Gmail usa o código 5.7.27 para falhas de SPF. O registro SPF do seu domínio não inclui o servidor que enviou a mensagem; adicione-o.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the SPF check.</source>
        <translation>O Gmail rejeitou a mensagem porque ela foi reprovada na verificação SPF.</translation>
    </message>
    <message>
        <source>The message was not signed with DKIM, or the signature did not verify. Turn on DKIM signing for your domain.</source>
        <translation>A mensagem não foi assinada com DKIM, ou não foi possível verificar a assinatura. Ative a assinatura DKIM para o seu domínio.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the DKIM check.</source>
        <translation>O Gmail rejeitou a mensagem porque ela foi reprovada na verificação DKIM.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation uses Google Workspace and its administrators have a rule that refuses your message, often a block on your IP address or domain. Ask the recipient&apos;s IT to allow your sender address and IP.</source>
        <translation>A organização do destinatário usa o Google Workspace, e os administradores têm uma regra que recusa a sua mensagem, muitas vezes um bloqueio do seu endereço IP ou domínio. Peça à equipe de TI do destinatário que autorize o seu endereço de remetente e o seu IP.</translation>
    </message>
    <message>
        <source>The recipient&apos;s Google Workspace blocked the message by its own policy.</source>
        <translation>O Google Workspace do destinatário bloqueou a mensagem por uma política própria.</translation>
    </message>
    <message>
        <source>Gmail is temporarily refusing mail for this account because it receives mail faster than allowed. Try again later.</source>
        <translation>O Gmail está recusando temporariamente e-mails para esta conta porque ela está recebendo mensagens mais rápido do que o permitido. Tente novamente mais tarde.</translation>
    </message>
    <message>
        <source>The Gmail recipient is receiving too much mail right now.</source>
        <translation>O destinatário do Gmail está recebendo e-mails demais no momento.</translation>
    </message>
    <message>
        <source>Gmail has seen unwanted mail from your IP address or domain and limits what it accepts. Check blocklists, Google Postmaster Tools, and your authentication, and send only to people who asked for your mail.</source>
        <translation>O Gmail identificou e-mails indesejados vindos do seu endereço IP ou domínio e está limitando o que aceita. Verifique as listas de bloqueio, o Google Postmaster Tools e a sua autenticação, e envie e-mails apenas para quem pediu para recebê-los.</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your server right now.</source>
        <translation>O Gmail não confia nos e-mails do seu servidor no momento.</translation>
    </message>
    <message>
        <source>Yahoo saw complaints or a sudden rise in volume from your server and is slowing it down. Your server will retry. Send only to people who asked for your mail, and keep volumes steady.</source>
        <translation>O Yahoo recebeu denúncias ou notou um aumento repentino de volume vindo do seu servidor e está reduzindo o ritmo de recebimento. O seu servidor vai tentar novamente. Envie apenas para quem pediu para receber os seus e-mails e mantenha os volumes estáveis.</translation>
    </message>
    <message>
        <source>Yahoo is temporarily deferring your mail because of complaints or unusual volume.</source>
        <translation>O Yahoo está adiando temporariamente os seus e-mails por causa de denúncias ou de um volume incomum.</translation>
    </message>
    <message>
        <source>Yahoo blocks mail from IP addresses listed by Spamhaus. Look your IP up on Spamhaus and request removal once the cause is fixed.</source>
        <translation>O Yahoo bloqueia e-mails de endereços IP listados pelo Spamhaus. Consulte o seu IP no Spamhaus e solicite a remoção depois de corrigir a causa.</translation>
    </message>
    <message>
        <source>Yahoo refused your mail because your IP is on a blocklist (Spamhaus).</source>
        <translation>O Yahoo recusou os seus e-mails porque o seu IP está em uma lista de bloqueio (Spamhaus).</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refused the message (code CS01 or HM08): it did not trust your sending server or content. Check blocklists and authentication, and contact iCloud&apos;s postmaster through their support page if it persists.</source>
        <translation>O iCloud Mail da Apple recusou a mensagem (código CS01 ou HM08): ele não confiou no seu servidor de envio ou no conteúdo. Verifique as listas de bloqueio e a autenticação e, se o problema persistir, entre em contato com o postmaster do iCloud pela página de suporte.</translation>
    </message>
    <message>
        <source>iCloud Mail blocked your message because of its policy or your server&apos;s reputation.</source>
        <translation>O iCloud Mail bloqueou a sua mensagem por causa da política dele ou da reputação do seu servidor.</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail system holds an allow list, and your address is not on it. Nothing is wrong with your email set-up. Ask the recipient, by phone or another channel, to have their IT add your address (or your domain) to the allowed senders.</source>
        <translation>O sistema de e-mail do destinatário usa uma lista de permissões, e o seu endereço não está nela. Não há nada de errado com a sua configuração de e-mail. Peça ao destinatário, por telefone ou outro canal, que a equipe de TI dele adicione o seu endereço (ou o seu domínio) aos remetentes permitidos.</translation>
    </message>
    <message>
        <source>The recipient only accepts mail from senders they approved in advance.</source>
        <translation>O destinatário só aceita e-mails de remetentes aprovados previamente.</translation>
    </message>
    <message>
        <source>Spamhaus PBL: the ISP says this address should not send mail directly</source>
        <translation>Spamhaus PBL: o provedor de internet informa que este endereço não deve enviar e-mails diretamente</translation>
    </message>
    <message>
        <source>Spamhaus PBL: this address looks like an end-user address that should not send mail directly</source>
        <translation>Spamhaus PBL: este endereço parece ser de um usuário final e não deve enviar e-mails diretamente</translation>
    </message>
    <message>
        <source>Spamhaus SBL: a known spam source</source>
        <translation>Spamhaus SBL: uma fonte de spam conhecida</translation>
    </message>
    <message>
        <source>Spamhaus CSS: recently sent spam (snowshoe)</source>
        <translation>Spamhaus CSS: enviou spam recentemente (snowshoe)</translation>
    </message>
    <message>
        <source>Spamhaus BCL: a botnet controller</source>
        <translation>Spamhaus BCL: um controlador de botnet</translation>
    </message>
    <message>
        <source>Spamhaus XBL: infected or hijacked machine</source>
        <translation>Spamhaus XBL: máquina infectada ou sequestrada</translation>
    </message>
    <message>
        <source>Spamhaus DROP: network under spammer control</source>
        <translation>Spamhaus DROP: rede sob controle de spammers</translation>
    </message>
    <message>
        <source>the query used a mistyped zone name</source>
        <translation>a consulta usou um nome de zona digitado errado</translation>
    </message>
    <message>
        <source>Spamhaus refuses queries that come through public or open DNS resolvers (such as 1.1.1.1 or 8.8.8.8)</source>
        <translation>o Spamhaus recusa consultas que chegam por resolvedores DNS públicos ou abertos (como 1.1.1.1 ou 8.8.8.8)</translation>
    </message>
    <message>
        <source>Spamhaus received too many queries from your DNS resolver</source>
        <translation>o Spamhaus recebeu consultas demais do seu resolvedor DNS</translation>
    </message>
    <message>
        <source>an abused legitimate domain (spam)</source>
        <translation>um domínio legítimo usado de forma abusiva (spam)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (redirector)</source>
        <translation>um domínio legítimo usado de forma abusiva (redirecionador)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (phishing)</source>
        <translation>um domínio legítimo usado de forma abusiva (phishing)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (malware)</source>
        <translation>um domínio legítimo usado de forma abusiva (malware)</translation>
    </message>
    <message>
        <source>an abused legitimate domain (botnet)</source>
        <translation>um domínio legítimo usado de forma abusiva (botnet)</translation>
    </message>
    <message>
        <source>a spam domain</source>
        <translation>um domínio de spam</translation>
    </message>
    <message>
        <source>a phishing domain</source>
        <translation>um domínio de phishing</translation>
    </message>
    <message>
        <source>a malware domain</source>
        <translation>um domínio de malware</translation>
    </message>
    <message>
        <source>a botnet command-and-control domain</source>
        <translation>um domínio de comando e controle de botnet</translation>
    </message>
    <message>
        <source>the DBL does not take IP addresses</source>
        <translation>a DBL não aceita endereços IP</translation>
    </message>
    <message>
        <source>listed by Barracuda</source>
        <translation>listado pela Barracuda</translation>
    </message>
    <message>
        <source>reported to SpamCop as a spam source (listings expire by themselves a day after the last report)</source>
        <translation>denunciado ao SpamCop como fonte de spam (as listagens expiram sozinhas um dia após a última denúncia)</translation>
    </message>
    <message>
        <source>sent mail to spam traps</source>
        <translation>enviou e-mails para armadilhas de spam (spam traps)</translation>
    </message>
    <message>
        <source>worst reputation</source>
        <translation>pior reputação</translation>
    </message>
    <message>
        <source>very bad reputation</source>
        <translation>reputação muito ruim</translation>
    </message>
    <message>
        <source>bad reputation</source>
        <translation>reputação ruim</translation>
    </message>
    <message>
        <source>a zero-hour spam source</source>
        <translation>uma fonte de spam recém-surgida (zero-hour)</translation>
    </message>
    <message>
        <source>listed by UCEPROTECT (expires after 7 days without new hits)</source>
        <translation>listado pelo UCEPROTECT (expira após 7 dias sem novas ocorrências)</translation>
    </message>
    <message>
        <source>listed by NiX Spam (expires after 12 hours)</source>
        <translation>listado pelo NiX Spam (expira após 12 horas)</translation>
    </message>
    <message>
        <source>cracked site</source>
        <translation>site invadido</translation>
    </message>
    <message>
        <source>malware</source>
        <translation>software malicioso</translation>
    </message>
    <message>
        <source>abuse</source>
        <translation>abuso</translation>
    </message>
    <message>
        <source>phishing</source>
        <translation>phishing (fraude)</translation>
    </message>
    <message>
        <source>SURBL blocked the query (your DNS resolver sends too many queries or is a public resolver)</source>
        <translation>a SURBL bloqueou a consulta (o seu resolvedor DNS envia consultas demais ou é um resolvedor público)</translation>
    </message>
    <message>
        <source>black list</source>
        <translation>lista negra</translation>
    </message>
    <message>
        <source>grey list</source>
        <translation>lista cinza</translation>
    </message>
    <message>
        <source>red list</source>
        <translation>lista vermelha</translation>
    </message>
    <message>
        <source>URIBL refused the query (public or large DNS resolvers such as Google or OpenDNS are blocked)</source>
        <translation>a URIBL recusou a consulta (resolvedores DNS públicos ou grandes, como Google ou OpenDNS, são bloqueados)</translation>
    </message>
    <message>
        <source>Gmail&apos;s scanners judged something in the message, usually an attachment type or a link, to be a potential security issue. Remove or replace the attachment or link and send again.</source>
        <translation>Os verificadores do Gmail consideraram que algo na mensagem, geralmente um tipo de anexo ou um link, é um possível risco de segurança. Remova ou substitua o anexo ou o link e envie novamente.</translation>
    </message>
    <message>
        <source>Gmail blocked the message because its content looks like a security risk.</source>
        <translation>O Gmail bloqueou a mensagem porque o conteúdo parece um risco de segurança.</translation>
    </message>
    <message>
        <source>The au/KDDI mobile mailbox exists but its owner&apos;s reception settings (for example refusing mail from PCs or unknown senders) turned the message away. Only the recipient can change those settings.</source>
        <translation>A caixa de correio móvel da au/KDDI existe, mas as configurações de recebimento do titular (por exemplo, recusar e-mails enviados de computadores ou de remetentes desconhecidos) recusaram a mensagem. Somente o destinatário pode alterar essas configurações.</translation>
    </message>
    <message>
        <source>au (KDDI) refused the message by the recipient&apos;s mail settings.</source>
        <translation>A au (KDDI) recusou a mensagem por causa das configurações de e-mail do destinatário.</translation>
    </message>
    <message>
        <source>The message with its attachments is larger than the receiving server, or this recipient&apos;s mailbox, accepts for a single message. Send smaller attachments, compress them, or share large files through a link.</source>
        <translation>A mensagem com os anexos é maior do que o servidor de destino, ou a caixa de correio deste destinatário, aceita em uma única mensagem. Envie anexos menores, compacte-os ou compartilhe arquivos grandes por meio de um link.</translation>
    </message>
    <message>
        <source>The message is too large for the recipient&apos;s server or mailbox.</source>
        <translation>A mensagem é grande demais para o servidor ou a caixa postal do destinatário.</translation>
    </message>
    <message>
        <source>The server your mail was handed to does not accept mail for the recipient&apos;s domain. Usually the recipient&apos;s domain sends its mail (its MX records) to a server that is not set up to receive for it, or the domain in the address is misspelt. Check the domain in the address; if it is right, tell the recipient&apos;s IT, with the error text.</source>
        <translation>O servidor para o qual o seu e-mail foi entregue não aceita e-mails para o domínio do destinatário. Geralmente, o domínio do destinatário direciona os e-mails dele (os registros MX) para um servidor que não está configurado para recebê-los, ou o domínio no endereço foi digitado errado. Confira o domínio no endereço; se estiver certo, avise a equipe de TI do destinatário, enviando o texto do erro.</translation>
    </message>
    <message>
        <source>The receiving server limits how many messages, recipients or connections it accepts from one sender in a given time, and your server went over that limit. Send more slowly or in smaller batches; deferred messages are usually delivered on a later attempt.</source>
        <translation>O servidor de destino limita quantas mensagens, destinatários ou conexões aceita de um mesmo remetente em um determinado período, e o seu servidor ultrapassou esse limite. Envie mais devagar ou em lotes menores; as mensagens adiadas geralmente são entregues em uma tentativa posterior.</translation>
    </message>
    <message>
        <source>Your server is sending too much, too fast, for this receiving server.</source>
        <translation>Seu servidor está enviando demais, rápido demais, para este servidor de destino.</translation>
    </message>
    <message>
        <source>Outlook.com and Microsoft 365 accept less mail from IP addresses with a poor or no sending history. Keep sending steadily and only to people who asked for your mail, check your IP with Microsoft&apos;s Smart Network Data Services, and make sure SPF, DKIM and DMARC pass; the deferred messages are retried.</source>
        <translation>O Outlook.com e o Microsoft 365 aceitam menos e-mails de endereços IP com histórico de envio ruim ou inexistente. Continue enviando de forma regular e só para quem pediu para receber os seus e-mails, verifique o seu IP no Smart Network Data Services da Microsoft e confirme que o SPF, o DKIM e o DMARC são aprovados; as mensagens adiadas serão enviadas novamente.</translation>
    </message>
    <message>
        <source>Microsoft is limiting mail from your server because of its IP address&apos;s reputation.</source>
        <translation>A Microsoft está limitando o e-mail do seu servidor por causa da reputação do endereço IP dele.</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to publish a DMARC policy for the domain in the From: address, and yours has none. Publish a DMARC record (a TXT record at _dmarc.your-domain, p=none is enough to start) once SPF and DKIM pass.</source>
        <translation>O Gmail exige que os remetentes, incluindo todos os que enviam em massa, publiquem uma política DMARC para o domínio do endereço From:, e o seu não tem nenhuma. Publique um registro DMARC (um registro TXT em _dmarc.seu-dominio; p=none basta para começar) depois que o SPF e o DKIM forem aprovados.</translation>
    </message>
    <message>
        <source>Gmail wants your sending domain to publish a DMARC record.</source>
        <translation>O Gmail exige que o seu domínio de envio publique um registro DMARC.</translation>
    </message>
    <message>
        <source>SPF or DKIM may pass, but for a different domain than the one in the From: address, so DMARC alignment fails. Sign with DKIM for your own From: domain, or send with a return-path (MAIL FROM) in that domain.</source>
        <translation>O SPF ou o DKIM podem ser aprovados, mas para um domínio diferente do que está no endereço From:, então o alinhamento DMARC falha. Assine com DKIM para o seu próprio domínio do From: ou envie com um return-path (MAIL FROM) nesse domínio.</translation>
    </message>
    <message>
        <source>Gmail refused the message because its From: domain does not match the domain SPF or DKIM checked.</source>
        <translation>O Gmail recusou a mensagem porque o domínio do From: não corresponde ao domínio verificado pelo SPF ou DKIM.</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to use TLS when they deliver to it. Whoever runs your mail server must turn on STARTTLS for outgoing mail (opportunistic TLS at least); the deferred messages are retried.</source>
        <translation>O Gmail exige que os remetentes, incluindo todos os que enviam em massa, usem TLS ao entregar e-mails a ele. Quem administra o seu servidor de e-mail precisa ativar o STARTTLS para os e-mails de saída (no mínimo TLS oportunista); as mensagens adiadas serão enviadas novamente.</translation>
    </message>
    <message>
        <source>Gmail is limiting your mail because it was not sent over an encrypted (TLS) connection.</source>
        <translation>O Gmail está limitando seu e-mail porque ele não foi enviado por uma conexão criptografada (TLS).</translation>
    </message>
    <message>
        <source>Gmail saw a sudden rise in mail, or in unwanted mail, from your IP address, its network, or your DKIM or SPF domain, and is accepting less of it for now. Send more slowly and steadily, only to people who asked for your mail, and watch your spam rate in Google Postmaster Tools; the deferred messages are retried.</source>
        <translation>O Gmail notou um aumento repentino de e-mails, ou de e-mails indesejados, vindos do seu endereço IP, da rede dele ou do seu domínio DKIM ou SPF, e está aceitando menos deles por enquanto. Envie de forma mais lenta e regular, só para quem pediu para receber os seus e-mails, e acompanhe a sua taxa de spam no Google Postmaster Tools; as mensagens adiadas serão enviadas novamente.</translation>
    </message>
    <message>
        <source>Gmail is holding back mail from your server because of an unusual rate of mail.</source>
        <translation>O Gmail está segurando o e-mail do seu servidor por causa de um volume de envio incomum.</translation>
    </message>
    <message>
        <source>Over IPv6 Gmail requires the sending address to have a PTR record whose name points back to the same address, and the message to pass SPF or DKIM. Give the server&apos;s IPv6 address a matching PTR record, or send over IPv4.</source>
        <translation>Em IPv6, o Gmail exige que o endereço de envio tenha um registro PTR cujo nome aponte de volta para o mesmo endereço, e que a mensagem seja aprovada no SPF ou no DKIM. Configure um registro PTR correspondente para o endereço IPv6 do servidor ou envie por IPv4.</translation>
    </message>
    <message>
        <source>Gmail refused mail sent over IPv6 from an address without a matching reverse DNS name.</source>
        <translation>O Gmail recusou e-mail enviado por IPv6 de um endereço sem nome de DNS reverso correspondente.</translation>
    </message>
    <message>
        <source>Gmail checks that the sending IP address has a PTR record, and that the name it gives points back to the same address. Whoever runs your mail server must ask the hosting or internet provider to set a PTR record that matches the server&apos;s name.</source>
        <translation>O Gmail verifica se o endereço IP de envio tem um registro PTR e se o nome indicado por ele aponta de volta para o mesmo endereço. Quem administra o seu servidor de e-mail precisa pedir ao provedor de hospedagem ou de internet que configure um registro PTR correspondente ao nome do servidor.</translation>
    </message>
    <message>
        <source>Gmail refused your server because its IP address has no matching reverse DNS (PTR) name.</source>
        <translation>O Gmail recusou seu servidor porque o endereço IP dele não tem um nome de DNS reverso (PTR) correspondente.</translation>
    </message>
    <message>
        <source>Gmail requires every sender to pass SPF or DKIM, and this message passed neither. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing for your domain.</source>
        <translation>O Gmail exige que todo remetente seja aprovado no SPF ou no DKIM, e esta mensagem não foi aprovada em nenhum dos dois. Adicione o servidor de envio ao registro SPF do seu domínio e ative a assinatura DKIM para o seu domínio.</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it passed neither SPF nor DKIM.</source>
        <translation>O Gmail rejeitou a mensagem porque ela não passou nem no SPF nem no DKIM.</translation>
    </message>
    <message>
        <source>Gmail judged the message suspicious because of the low reputation of the domain it came from, not because of this message&apos;s words. Check your domain on blocklists and in Google Postmaster Tools, make sure SPF, DKIM and DMARC pass, and send only to people who asked for your mail; the reputation recovers as complaints stop.</source>
        <translation>O Gmail considerou a mensagem suspeita por causa da baixa reputação do domínio de origem, e não pelo texto desta mensagem. Verifique o seu domínio nas listas de bloqueio e no Google Postmaster Tools, confirme que o SPF, o DKIM e o DMARC são aprovados e envie só para quem pediu para receber os seus e-mails; a reputação se recupera quando as denúncias param.</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your sending domain right now.</source>
        <translation>O Gmail não confia no momento em e-mails do seu domínio de envio.</translation>
    </message>
    <message>
        <source>Yahoo requires every sender to pass SPF or DKIM, and bulk senders to pass both with a DMARC policy. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing.</source>
        <translation>O Yahoo exige que todo remetente seja aprovado no SPF ou no DKIM, e que quem envia em massa seja aprovado nos dois e tenha uma política DMARC. Adicione o servidor de envio ao registro SPF do seu domínio e ative a assinatura DKIM.</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it passed neither SPF nor DKIM (5.7.9).</source>
        <translation>O Yahoo rejeitou a mensagem porque ela não passou nem no SPF nem no DKIM (5.7.9).</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>O Yahoo rejeitou a mensagem porque ela não cumpriu a política DMARC do seu domínio.</translation>
    </message>
    <message>
        <source>Yahoo will refuse all mail from this IP address for now, and retrying will not help. It follows complaints, unwanted mail or missing authentication. Fix the cause (authentication, list hygiene, a compromised account), then ask Yahoo&apos;s sender support to review the IP address.</source>
        <translation>O Yahoo vai recusar todos os e-mails deste endereço IP por enquanto, e tentar de novo não vai adiantar. Isso acontece por causa de denúncias, e-mails indesejados ou falta de autenticação. Corrija a causa (autenticação, higiene da lista, uma conta invadida) e depois peça ao suporte para remetentes do Yahoo que revise o endereço IP.</translation>
    </message>
    <message>
        <source>Yahoo has stopped accepting mail from your server&apos;s IP address (TSS09).</source>
        <translation>O Yahoo parou de aceitar e-mails do endereço IP do seu servidor (TSS09).</translation>
    </message>
    <message>
        <source>Yahoo refuses mail that breaks its sender requirements: usually failing SPF, DKIM or DMARC, but also unwanted content or volume. Check your domain&apos;s authentication first, then your content and sending volume.</source>
        <translation>O Yahoo recusa e-mails que violam os requisitos dele para remetentes: geralmente falhas no SPF, DKIM ou DMARC, mas também conteúdo ou volume indesejados. Verifique primeiro a autenticação do seu domínio e depois o conteúdo e o volume de envio.</translation>
    </message>
    <message>
        <source>Yahoo refused the message under its sending policy (5.7.9).</source>
        <translation>O Yahoo recusou a mensagem pela sua política de envio (5.7.9).</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refuses mail it does not trust: often missing or failing SPF, DKIM or DMARC, a poor sending reputation, or content it considers unwanted. Check your domain&apos;s authentication and your server&apos;s reputation; if it persists, ask Apple through its postmaster support page.</source>
        <translation>O iCloud Mail da Apple recusa e-mails em que não confia: muitas vezes por SPF, DKIM ou DMARC ausentes ou reprovados, má reputação de envio ou conteúdo que considera indesejado. Verifique a autenticação do seu domínio e a reputação do seu servidor; se o problema continuar, consulte a Apple pela página de suporte para postmasters.</translation>
    </message>
    <message>
        <source>iCloud Mail refused the message under its local policy (CS01).</source>
        <translation>O iCloud Mail recusou a mensagem pela sua política local (CS01).</translation>
    </message>
    <message>
        <source>The receiving server asks a blocklist (such as Spamhaus) about every sender, and the blocklist refused to answer it because it queries through a public or open DNS resolver. That refusal says nothing about you: your server is not listed. Tell the recipient&apos;s IT, with the error text, so they point their blocklist lookups at their own resolver or a registered feed.</source>
        <translation>O servidor de destino consulta uma lista de bloqueio (como o Spamhaus) sobre cada remetente, e a lista se recusou a responder porque ele faz as consultas por um resolvedor DNS público ou aberto. Essa recusa não diz nada sobre você: o seu servidor não está listado. Avise a equipe de TI do destinatário, enviando o texto do erro, para que ela direcione as consultas à lista de bloqueio para o próprio resolvedor ou para um feed registrado.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server could not check its blocklists: the fault is on their side.</source>
        <translation>O servidor do destinatário não conseguiu consultar suas listas de bloqueio: a falha é do lado dele.</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain publishes a policy (MTA-STS or DANE) saying its mail must travel encrypted to servers with a valid certificate, and its server did not meet it: no TLS, an expired or mismatched certificate, or records that do not match. Your side is fine. Tell the recipient&apos;s IT, with the error text; they must fix their certificate or their policy.</source>
        <translation>O domínio do destinatário publica uma política (MTA-STS ou DANE) dizendo que os e-mails dele devem trafegar criptografados até servidores com um certificado válido, e o servidor dele não a cumpriu: sem TLS, com um certificado expirado ou que não corresponde, ou com registros que não batem. Do seu lado está tudo certo. Avise a equipe de TI do destinatário, enviando o texto do erro; eles precisam corrigir o certificado ou a política.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server failed the encryption checks its own domain asks for (MTA-STS or DANE).</source>
        <translation>O servidor do destinatário falhou nas verificações de criptografia exigidas pelo próprio domínio (MTA-STS ou DANE).</translation>
    </message>
    <message>
        <source>The receiving server refused to take the message before the connection was encrypted with STARTTLS. Nothing is wrong with the address or the message, and no blocklist is involved. Whoever runs your mail server must turn on TLS (STARTTLS) for outgoing mail; if it is on, check that the server&apos;s TLS library and certificates are up to date.</source>
        <translation>O servidor de destino se recusou a receber a mensagem antes de a conexão ser criptografada com STARTTLS. Não há nada de errado com o endereço nem com a mensagem, e nenhuma lista de bloqueio está envolvida. Quem administra o seu servidor de e-mail precisa ativar o TLS (STARTTLS) para os e-mails de saída; se já estiver ativado, verifique se a biblioteca TLS e os certificados do servidor estão atualizados.</translation>
    </message>
    <message>
        <source>The receiving server only accepts mail over an encrypted (TLS) connection, and your server did not use one.</source>
        <translation>O servidor de destino só aceita e-mails por uma conexão criptografada (TLS), e seu servidor não usou uma.</translation>
    </message>
    <message>
        <source>The address is a group, mailbox or public folder that its Microsoft 365 administrators set to refuse mail from outside their organisation or from senders not on its list. Nothing is wrong with your set-up; ask the recipient&apos;s IT to allow your address, or write to a person there directly.</source>
        <translation>O endereço é um grupo, caixa de correio ou pasta pública que os administradores do Microsoft 365 configuraram para recusar e-mails de fora da organização ou de remetentes que não estão na lista. Não há nada de errado com a sua configuração; peça à equipe de TI do destinatário que autorize o seu endereço ou escreva diretamente para uma pessoa de lá.</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail for this address from its own or approved senders.</source>
        <translation>A organização do destinatário só aceita e-mails para este endereço de remetentes próprios ou aprovados.</translation>
    </message>
    <message>
        <source>The mail server refused to pass the message on because whatever sent it did not log in (SMTP authentication). This is common with copiers, scanners, web shops and forms set to use the organisation&apos;s mail server without a user name and password. In the device&apos;s mail settings, turn on SMTP authentication with a mailbox&apos;s user name and password (or an app password), use port 587 with STARTTLS (or 465 with SSL/TLS), and send from that mailbox&apos;s address.</source>
        <translation>O servidor de e-mail se recusou a repassar a mensagem porque quem a enviou não fez login (autenticação SMTP). Isso é comum com copiadoras, scanners, lojas virtuais e formulários configurados para usar o servidor de e-mail da organização sem nome de usuário e senha. Nas configurações de e-mail do dispositivo, ative a autenticação SMTP com o nome de usuário e a senha de uma caixa de correio (ou uma senha de app), use a porta 587 com STARTTLS (ou 465 com SSL/TLS) e envie a partir do endereço dessa caixa de correio.</translation>
    </message>
    <message>
        <source>Your device or program must sign in to the mail server before it may send.</source>
        <translation>O seu dispositivo ou programa precisa fazer login no servidor de e-mail antes de poder enviar.</translation>
    </message>
</context>
<context>
    <name>ReportTr</name>
    <message>
        <source>done</source>
        <translation>concluído</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>não concluído</translation>
    </message>
    <message>
        <source>Refused, not retried</source>
        <translation>Recusado, sem nova tentativa</translation>
    </message>
    <message>
        <source>Delayed, still trying</source>
        <translation>Atrasado, ainda tentando</translation>
    </message>
    <message>
        <source>Not a failure</source>
        <translation>Não é uma falha</translation>
    </message>
    <message>
        <source>Nobody: nothing failed</source>
        <translation>Ninguém: nada falhou</translation>
    </message>
    <message>
        <source>Nobody yet: your mail server is still trying</source>
        <translation>Ninguém por enquanto: seu servidor de e-mail ainda está tentando</translation>
    </message>
    <message>
        <source>Address does not exist</source>
        <translation>O endereço não existe</translation>
    </message>
    <message>
        <source>Domain does not exist</source>
        <translation>O domínio não existe</translation>
    </message>
    <message>
        <source>Recipient has moved</source>
        <translation>O destinatário mudou de endereço</translation>
    </message>
    <message>
        <source>Mailbox disabled</source>
        <translation>Caixa postal desativada</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>Caixa postal cheia</translation>
    </message>
    <message>
        <source>Message too large</source>
        <translation>Mensagem grande demais</translation>
    </message>
    <message>
        <source>Relaying refused</source>
        <translation>Retransmissão recusada</translation>
    </message>
    <message>
        <source>Sender authentication failed</source>
        <translation>Falha na autenticação do remetente</translation>
    </message>
    <message>
        <source>Poor sender reputation</source>
        <translation>Má reputação do remetente</translation>
    </message>
    <message>
        <source>No reverse DNS for the sender</source>
        <translation>Sem DNS reverso para o remetente</translation>
    </message>
    <message>
        <source>Message breaks the standard</source>
        <translation>A mensagem viola o padrão</translation>
    </message>
    <message>
        <source>Encryption (TLS) failed</source>
        <translation>Falha na criptografia (TLS)</translation>
    </message>
    <message>
        <source>Filtered by the recipient</source>
        <translation>Filtrado pelo destinatário</translation>
    </message>
    <message>
        <source>Sender address refused</source>
        <translation>Endereço do remetente recusado</translation>
    </message>
    <message>
        <source>Judged as spam</source>
        <translation>Considerada spam</translation>
    </message>
    <message>
        <source>Malware suspected</source>
        <translation>Suspeita de malware</translation>
    </message>
    <message>
        <source>Against the recipient&apos;s policy</source>
        <translation>Contra a política do destinatário</translation>
    </message>
    <message>
        <source>Security check failed</source>
        <translation>Falha na verificação de segurança</translation>
    </message>
    <message>
        <source>Sending too fast</source>
        <translation>Envio rápido demais</translation>
    </message>
    <message>
        <source>Sender blocked</source>
        <translation>Remetente bloqueado</translation>
    </message>
    <message>
        <source>Gave up after retrying</source>
        <translation>Desistiu após novas tentativas</translation>
    </message>
    <message>
        <source>Network problem</source>
        <translation>Problema de rede</translation>
    </message>
    <message>
        <source>Receiving server error</source>
        <translation>Erro do servidor de destino</translation>
    </message>
    <message>
        <source>Receiving server full</source>
        <translation>Servidor de destino cheio</translation>
    </message>
    <message>
        <source>Domain accepts no mail</source>
        <translation>O domínio não aceita e-mail</translation>
    </message>
    <message>
        <source>Recipient&apos;s mail program failed</source>
        <translation>Falha no programa de e-mail do destinatário</translation>
    </message>
    <message>
        <source>Mail protocol error</source>
        <translation>Erro no protocolo de e-mail</translation>
    </message>
    <message>
        <source>Content refused</source>
        <translation>Conteúdo recusado</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Em espera</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>Resposta automática</translation>
    </message>
    <message>
        <source>Spam complaint</source>
        <translation>Reclamação de spam</translation>
    </message>
    <message>
        <source>On a suppression list</source>
        <translation>Em uma lista de supressão</translation>
    </message>
    <message>
        <source>approved senders only</source>
        <translation>somente remetentes aprovados</translation>
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
        <translation>sem autenticação</translation>
    </message>
    <message>
        <source>IP on a blocklist</source>
        <translation>IP em uma lista de bloqueio</translation>
    </message>
    <message>
        <source>rate limit</source>
        <translation>limite de envio</translation>
    </message>
    <message>
        <source>reverse DNS</source>
        <translation>DNS reverso</translation>
    </message>
    <message>
        <source>relaying</source>
        <translation>retransmissão</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>conta desativada</translation>
    </message>
    <message>
        <source>reputation</source>
        <translation>reputação</translation>
    </message>
    <message>
        <source>suppression list</source>
        <translation>lista de supressão</translation>
    </message>
    <message>
        <source>recipient policy</source>
        <translation>política do destinatário</translation>
    </message>
    <message>
        <source>restricted recipient</source>
        <translation>destinatário restrito</translation>
    </message>
    <message>
        <source>unsubscribe request</source>
        <translation>pedido de cancelamento</translation>
    </message>
    <message>
        <source>unknown to the recipient&apos;s directory</source>
        <translation>desconhecido no diretório do destinatário</translation>
    </message>
    <message>
        <source>Delayed, still being retried</source>
        <translation>Atrasado, ainda em nova tentativa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>Não foi possível verificar</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informação</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de verificação</translation>
    </message>
    <message>
        <source>no check run</source>
        <translation>nenhuma verificação executada</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT</source>
        <translation>Mensagem para a TI do destinatário</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Para: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Assunto: %1</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>Lista de verificação:</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT:</source>
        <translation>Mensagem para a TI do destinatário:</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatário</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
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
        <translation>Quem deve agir</translation>
    </message>
    <message>
        <source>Start with</source>
        <translation>Comece por</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provedor</translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation>Servidor remoto</translation>
    </message>
    <message>
        <source>Reporting server</source>
        <translation>Servidor que gerou o relatório</translation>
    </message>
    <message>
        <source>Sending IP</source>
        <translation>IP de envio</translation>
    </message>
    <message>
        <source>Blocklist named</source>
        <translation>Lista de bloqueio citada</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remetente</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Assunto</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Suggested address</source>
        <translation>Endereço sugerido</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>Temporário</translation>
    </message>
    <message>
        <source>You (the sender)</source>
        <translation>Você (o remetente)</translation>
    </message>
    <message>
        <source>Your email administrator or provider</source>
        <translation>O seu administrador ou provedor de e-mail</translation>
    </message>
    <message>
        <source>The recipient</source>
        <translation>O destinatário</translation>
    </message>
    <message>
        <source>The recipient&apos;s IT</source>
        <translation>A equipe de TI do destinatário</translation>
    </message>
    <message>
        <source>Not clear from the bounce</source>
        <translation>Não está claro na devolução</translation>
    </message>
    <message>
        <source>Bounce diagnosis</source>
        <translation>Diagnóstico de devolução</translation>
    </message>
    <message>
        <source>Bounce:</source>
        <translation>Devolução:</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Informação</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>The server&apos;s exact words:</source>
        <translation>As palavras exatas do servidor:</translation>
    </message>
    <message>
        <source>Bounce for %1</source>
        <translation>Devolução de %1</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Resposta do servidor</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(oculto)</translation>
    </message>
    <message>
        <source>device or program not signed in</source>
        <translation>dispositivo ou programa sem login</translation>
    </message>
</context>
<context>
    <name>ResolverProbeTr</name>
    <message>
        <source>Run the check on another network (not a hotel, café or guest network), turn off a VPN or filtering service, or give the DNS server of your internet provider in Settings (on the command line: --dns-server).</source>
        <translation>Faça a verificação em outra rede (não em rede de hotel, café ou de convidados), desative a VPN ou o serviço de filtragem, ou informe o servidor DNS do seu provedor de internet nas Configurações (na linha de comando: --dns-server).</translation>
    </message>
    <message>
        <source>your DNS server answers every name with the same address (%1), even names that do not exist</source>
        <translation>o seu servidor DNS responde a todos os nomes com o mesmo endereço (%1), até a nomes que não existem</translation>
    </message>
    <message>
        <source>your DNS server gives an address (%1) to names that do not exist, such as %2</source>
        <translation>o seu servidor DNS dá um endereço (%1) a nomes que não existem, como %2</translation>
    </message>
    <message>
        <source>your DNS server says that %1, a name that certainly exists, does not exist: it answers &quot;no such name&quot; to everything</source>
        <translation>o seu servidor DNS diz que %1, um nome que com certeza existe, não existe: ele responde &quot;nome inexistente&quot; a tudo</translation>
    </message>
    <message>
        <source>your DNS server did not answer for %1, a name that certainly exists (%2), so its &quot;does not exist&quot; answers cannot be trusted</source>
        <translation>o seu servidor DNS não respondeu para %1, um nome que com certeza existe (%2), então as respostas de &quot;não existe&quot; dele não são confiáveis</translation>
    </message>
    <message>
        <source>your DNS server</source>
        <translation>o seu servidor DNS</translation>
    </message>
    <message>
        <source>The DNS checks cannot be trusted: %1.</source>
        <translation>Não é possível confiar nas verificações de DNS: %1.</translation>
    </message>
    <message>
        <source>Some DNS checks cannot be trusted: %1.</source>
        <translation>Não é possível confiar em algumas verificações de DNS: %1.</translation>
    </message>
    <message>
        <source>Every DNS result of this check is shown as &quot;could not check&quot;: what this server says about your domain, your IP address or blocklists says nothing either way.</source>
        <translation>Todos os resultados de DNS desta verificação aparecem como &quot;não foi possível verificar&quot;: o que este servidor diz sobre o seu domínio, o seu endereço IP ou as listas de bloqueio não vale nem a favor nem contra.</translation>
    </message>
    <message>
        <source>Results that say a domain, a record or a listing does not exist are shown as &quot;could not check&quot;.</source>
        <translation>Os resultados que dizem que um domínio, um registro ou uma listagem não existe aparecem como &quot;não foi possível verificar&quot;.</translation>
    </message>
    <message>
        <source>this</source>
        <translation>isto</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>Não foi possível verificar %1: %2.</translation>
    </message>
</context>
<context>
    <name>SpfLint</name>
    <message numerus="yes">
        <source>%n name(s) in the SPF record do not exist or have no address.</source>
        <translation>
            <numerusform>%n nome no registro SPF não existe ou não tem endereço.</numerusform>
            <numerusform>%n nomes no registro SPF não existem ou não têm endereço.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpfLintTr</name>
    <message>
        <source>The domain publishes no SPF record, so receivers cannot tell which servers may send its mail.</source>
        <translation>O domínio não publica nenhum registro SPF, então os servidores de destino não conseguem saber quais servidores podem enviar e-mails em nome dele.</translation>
    </message>
    <message>
        <source>The domain publishes %1 SPF records; there must be exactly one, otherwise every check ends in an error (permerror). Merge them.</source>
        <translation>O domínio publica %1 registros SPF; deve haver exatamente um, senão toda verificação termina em erro (permerror). Junte-os em um só.</translation>
    </message>
    <message>
        <source>A piece of the TXT record is longer than 255 characters; split it into several quoted strings.</source>
        <translation>Um trecho do registro TXT tem mais de 255 caracteres; divida-o em várias strings entre aspas.</translation>
    </message>
    <message>
        <source>The SPF record is %1 characters long; above 450 the DNS answer may not fit in one UDP packet. Shorten it or move parts into includes.</source>
        <translation>O registro SPF tem %1 caracteres; acima de 450, a resposta DNS pode não caber em um único pacote UDP. Encurte o registro ou mova partes dele para includes.</translation>
    </message>
    <message>
        <source>The SPF record has a syntax error: %1. Receivers treat the whole record as broken (permerror).</source>
        <translation>O registro SPF tem um erro de sintaxe: %1. Os servidores de destino consideram o registro inteiro inválido (permerror).</translation>
    </message>
    <message>
        <source>The record ends in &quot;+all&quot;: it allows every server on the internet to send as this domain. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>O registro termina em &quot;+all&quot;: ele permite que qualquer servidor da internet envie e-mails em nome deste domínio. Use &quot;~all&quot; ou &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>The record ends in &quot;?all&quot;: it says nothing about other servers, which gives little protection. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>O registro termina em &quot;?all&quot;: ele não diz nada sobre os outros servidores, o que oferece pouca proteção. Use &quot;~all&quot; ou &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>The record uses &quot;ptr&quot;, which is slow, unreliable and discouraged by RFC 7208; list the addresses instead.</source>
        <translation>O registro usa &quot;ptr&quot;, que é lento, pouco confiável e desaconselhado pela RFC 7208; liste os endereços em vez disso.</translation>
    </message>
    <message>
        <source>The record itself has %1 terms that need DNS lookups; more than 10 makes every check fail (permerror).</source>
        <translation>O próprio registro tem %1 termos que exigem consultas DNS; mais de 10 fazem toda verificação falhar (permerror).</translation>
    </message>
    <message>
        <source>The record has no final &quot;all&quot; (nor redirect=), so servers not listed get &quot;neutral&quot;. End it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>O registro não termina com &quot;all&quot; (nem com redirect=), então os servidores não listados recebem o resultado &quot;neutral&quot;. Termine-o com &quot;~all&quot; ou &quot;-all&quot;.</translation>
    </message>
    <message>
        <source>Counting its includes, the SPF record needs more than 10 DNS lookups, so receivers give up with an error (permerror). Remove includes you no longer use or flatten them.</source>
        <translation>Contando os includes, o registro SPF precisa de mais de 10 consultas DNS, então os servidores de destino desistem com um erro (permerror). Remova os includes que você não usa mais ou substitua-os pelos próprios endereços (flattening).</translation>
    </message>
    <message>
        <source>More than 2 names in the SPF record do not exist or have no address, so receivers give up with an error (permerror).</source>
        <translation>Mais de 2 nomes no registro SPF não existem ou não têm endereço, então os servidores de destino desistem com um erro (permerror).</translation>
    </message>
    <message>
        <source>The SPF record includes itself through a loop: %1.</source>
        <translation>O registro SPF inclui a si mesmo em um loop: %1.</translation>
    </message>
    <message>
        <source>An include points to a domain without an SPF record: %1.</source>
        <translation>Um include aponta para um domínio sem registro SPF: %1.</translation>
    </message>
    <message>
        <source>A record reached through an include is broken: %1.</source>
        <translation>Um registro alcançado por meio de um include está com defeito: %1.</translation>
    </message>
</context>
<context>
    <name>SpfRecordTr</name>
    <message>
        <source>character not allowed in a macro string</source>
        <translation>caractere não permitido em uma string de macro</translation>
    </message>
    <message>
        <source>a lone &apos;%&apos; at the end</source>
        <translation>um &apos;%&apos; sozinho no final</translation>
    </message>
    <message>
        <source>&apos;%&apos; must be followed by &apos;{&apos;, &apos;%&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>&apos;%&apos; deve ser seguido de &apos;{&apos;, &apos;%&apos;, &apos;_&apos; ou &apos;-&apos;</translation>
    </message>
    <message>
        <source>a macro &apos;%{&apos; is not closed</source>
        <translation>uma macro &apos;%{&apos; não foi fechada</translation>
    </message>
    <message>
        <source>a macro needs a letter</source>
        <translation>uma macro precisa de uma letra</translation>
    </message>
    <message>
        <source>unknown macro delimiter</source>
        <translation>delimitador de macro desconhecido</translation>
    </message>
    <message>
        <source>a macro keeps zero labels</source>
        <translation>uma macro mantém zero rótulos</translation>
    </message>
    <message>
        <source>bad IPv6 prefix length</source>
        <translation>comprimento de prefixo IPv6 inválido</translation>
    </message>
    <message>
        <source>bad IPv4 prefix length</source>
        <translation>comprimento de prefixo IPv4 inválido</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>domínio vazio</translation>
    </message>
    <message>
        <source>macro letter not allowed in a domain</source>
        <translation>letra de macro não permitida em um domínio</translation>
    </message>
    <message>
        <source>the domain does not end in a valid top-level label</source>
        <translation>o domínio não termina com um rótulo de nível superior válido</translation>
    </message>
    <message>
        <source>the record contains a character that is not printable ASCII</source>
        <translation>o registro contém um caractere que não é ASCII imprimível</translation>
    </message>
    <message>
        <source>the record does not start with &quot;v=spf1&quot;</source>
        <translation>o registro não começa com &quot;v=spf1&quot;</translation>
    </message>
    <message>
        <source>the modifier &quot;%1&quot; appears more than once</source>
        <translation>o modificador &quot;%1&quot; aparece mais de uma vez</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>unknown macro letter &apos;%1&apos;</source>
        <translation>letra de macro desconhecida &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&quot;all&quot; takes no argument</source>
        <translation>&quot;all&quot; não aceita argumento</translation>
    </message>
    <message>
        <source>a domain is required after &apos;:&apos;</source>
        <translation>é necessário um domínio depois de &apos;:&apos;</translation>
    </message>
    <message>
        <source>unexpected text after the mechanism</source>
        <translation>texto inesperado depois do mecanismo</translation>
    </message>
    <message>
        <source>an IPv4 address is required</source>
        <translation>é necessário um endereço IPv4</translation>
    </message>
    <message>
        <source>not a valid IPv4 address</source>
        <translation>não é um endereço IPv4 válido</translation>
    </message>
    <message>
        <source>an IPv6 address is required</source>
        <translation>é necessário um endereço IPv6</translation>
    </message>
    <message>
        <source>not a valid IPv6 address</source>
        <translation>não é um endereço IPv6 válido</translation>
    </message>
    <message>
        <source>unknown mechanism</source>
        <translation>mecanismo desconhecido</translation>
    </message>
    <message>
        <source>the %{%1} macro would expand to %2 characters, longer than any address or domain</source>
        <translation>a macro %{%1} seria expandida para %2 caracteres, mais do que qualquer endereço ou domínio</translation>
    </message>
</context>
<context>
    <name>StepAdviceTr</name>
    <message>
        <source>The server accepts messages up to %1, attachments included.</source>
        <translation>O servidor aceita mensagens de até %1, anexos incluídos.</translation>
    </message>
    <message>
        <source>The server does not say its limit; many accept 10 to 25 MB, attachments included.</source>
        <translation>O servidor não informa o limite; muitos aceitam de 10 a 25 MB, anexos incluídos.</translation>
    </message>
    <message>
        <source>Then send the changed message again to the same address.</source>
        <translation>Depois envie a mensagem alterada novamente para o mesmo endereço.</translation>
    </message>
    <message>
        <source>The message was passed on to a system that sends no further reports. Nothing failed.</source>
        <translation>A mensagem foi repassada a um sistema que não envia outros relatórios. Nada falhou.</translation>
    </message>
    <message>
        <source>This is a delivery report: the message reached the recipient&apos;s server. Nothing failed.</source>
        <translation>Este é um relatório de entrega: a mensagem chegou ao servidor do destinatário. Nada falhou.</translation>
    </message>
    <message>
        <source>Keep this notice if you need proof of delivery.</source>
        <translation>Guarde este aviso se precisar de comprovante de entrega.</translation>
    </message>
    <message>
        <source>Verify the recipient address</source>
        <translation>Verifique o endereço do destinatário</translation>
    </message>
    <message>
        <source>Check blocklists</source>
        <translation>Verifique as listas de bloqueio</translation>
    </message>
    <message>
        <source>Check SPF, DKIM and DMARC</source>
        <translation>Verifique SPF, DKIM e DMARC</translation>
    </message>
    <message>
        <source>Contact the recipient&apos;s IT</source>
        <translation>Entre em contato com a equipe de TI do destinatário</translation>
    </message>
    <message>
        <source>Fix the sending set-up</source>
        <translation>Corrija a configuração de envio</translation>
    </message>
    <message>
        <source>Review the message content</source>
        <translation>Revise o conteúdo da mensagem</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Aguardar</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>Nada a fazer</translation>
    </message>
    <message>
        <source>A typing mistake or an address that no longer exists is the most common cause of a bounce. Check the spelling letter by letter, and that the domain after the @ is right.</source>
        <translation>Um erro de digitação ou um endereço que não existe mais é a causa mais comum de devolução. Confira a grafia letra por letra e veja se o domínio depois do @ está certo.</translation>
    </message>
    <message>
        <source>Receiving servers refuse mail from IP addresses and domains on public blocklists. If your sending IP is listed, fix the cause (often a hacked account or a spam complaint), then ask the list to remove it.</source>
        <translation>Os servidores de destino recusam e-mails de endereços IP e domínios que estão em listas de bloqueio públicas. Se o seu IP de envio estiver listado, corrija a causa (muitas vezes uma conta invadida ou uma denúncia de spam) e depois peça à lista que o remova.</translation>
    </message>
    <message>
        <source>These DNS records prove that your server may send for your domain. Large providers reject or junk mail that fails them.</source>
        <translation>Esses registros DNS comprovam que o seu servidor pode enviar e-mails pelo seu domínio. Os grandes provedores rejeitam ou mandam para o spam os e-mails reprovados nessas verificações.</translation>
    </message>
    <message>
        <source>When the receiving side refuses you, only its administrators can change that. This message gives them what they need.</source>
        <translation>Quando o lado do destinatário recusa as suas mensagens, só os administradores de lá podem mudar isso. Esta mensagem traz as informações de que eles precisam.</translation>
    </message>
    <message>
        <source>The message is late, not lost. Usually there is nothing to do but wait.</source>
        <translation>A mensagem está atrasada, não perdida. Normalmente basta aguardar.</translation>
    </message>
    <message>
        <source>The problem is temporary. Usually it is enough to wait and send again.</source>
        <translation>O problema é temporário. Normalmente basta aguardar e enviar de novo.</translation>
    </message>
    <message>
        <source>Nothing failed: this notice is for your information.</source>
        <translation>Nada falhou: este aviso é apenas informativo.</translation>
    </message>
    <message>
        <source>Make the mail program or device (a copier, scanner or web form, for example) sign in to its outgoing (SMTP) server: turn on &quot;My outgoing server requires authentication&quot; (or &quot;SMTP authentication&quot;) and enter the mailbox&apos;s user name and password.</source>
        <translation>Faça o programa de e-mail ou o dispositivo (uma copiadora, um scanner ou um formulário web, por exemplo) fazer login no servidor de saída (SMTP): ative &quot;Meu servidor de saída requer autenticação&quot; (ou &quot;Autenticação SMTP&quot;) e informe o nome de usuário e a senha da caixa de correio.</translation>
    </message>
    <message>
        <source>Send through the submission port: 587 with STARTTLS, or 465 with SSL/TLS. Port 25 is for servers and often refuses devices.</source>
        <translation>Envie pela porta de envio (submission): 587 com STARTTLS ou 465 com SSL/TLS. A porta 25 é para servidores e muitas vezes recusa dispositivos.</translation>
    </message>
    <message>
        <source>With Microsoft 365 or Google, the account may need SMTP sign-in (SMTP AUTH) turned on, or an app password when two-step sign-in is on.</source>
        <translation>Com o Microsoft 365 ou o Google, pode ser necessário ativar o login SMTP (SMTP AUTH) na conta, ou usar uma senha de app quando a verificação em duas etapas estiver ativada.</translation>
    </message>
    <message>
        <source>A server passes mail on only for senders it knows. Check the outgoing server name in the settings, and that the sender address is one of your own domain&apos;s.</source>
        <translation>Um servidor só repassa e-mails de remetentes que ele conhece. Confira o nome do servidor de saída nas configurações e se o endereço do remetente é de um domínio seu.</translation>
    </message>
    <message>
        <source>Check the encryption setting: STARTTLS on port 587, or SSL/TLS on port 465. Most servers refuse &quot;None&quot;.</source>
        <translation>Confira a configuração de criptografia: STARTTLS na porta 587 ou SSL/TLS na porta 465. A maioria dos servidores recusa &quot;Nenhuma&quot;.</translation>
    </message>
    <message>
        <source>Old devices and programs may speak only TLS 1.0 or 1.1, which servers now refuse: update the firmware or program, or send through a relay that speaks TLS 1.2 or newer.</source>
        <translation>Dispositivos e programas antigos podem usar só TLS 1.0 ou 1.1, que os servidores hoje recusam: atualize o firmware ou o programa, ou envie por um relay que use TLS 1.2 ou mais recente.</translation>
    </message>
    <message>
        <source>For a certificate error, check that the server name in the settings matches the server&apos;s certificate (a name such as smtp.example.com, not an IP address) and that the device&apos;s date and time are right.</source>
        <translation>Em caso de erro de certificado, confira se o nome do servidor nas configurações corresponde ao certificado do servidor (um nome como smtp.example.com, não um endereço IP) e se a data e a hora do dispositivo estão certas.</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address. Check that the From address, and the return address your server uses, is a real address of a domain that exists.</source>
        <translation>O servidor de destino recusou o seu endereço de remetente. Confira se o endereço From, e o endereço de retorno usado pelo seu servidor, é um endereço real de um domínio que existe.</translation>
    </message>
    <message>
        <source>The receiving server did not understand what your mail program or server sent. Update the program, the device&apos;s firmware or the server, and undo custom SMTP settings.</source>
        <translation>O servidor de destino não entendeu o que o seu programa ou servidor de e-mail enviou. Atualize o programa, o firmware do dispositivo ou o servidor, e desfaça configurações SMTP personalizadas.</translation>
    </message>
    <message>
        <source>If you do not manage the sending program or server, send these steps and the server&apos;s words to whoever does. Then send a test message.</source>
        <translation>Se você não administra o programa ou servidor de envio, envie estas etapas e as palavras do servidor para quem administra. Depois envie uma mensagem de teste.</translation>
    </message>
    <message>
        <source>Attachments grow by about a third when sent. Share large files through a link, compress them, or send them in several messages.</source>
        <translation>Os anexos ficam cerca de um terço maiores no envio. Compartilhe arquivos grandes por meio de um link, compacte-os ou envie-os em várias mensagens.</translation>
    </message>
    <message>
        <source>Links: remove shortened links and links whose text shows another address than they go to; check the linked sites are not on blocklists.</source>
        <translation>Links: remova links encurtados e links cujo texto mostra um endereço diferente do destino real; confira se os sites vinculados não estão em listas de bloqueio.</translation>
    </message>
    <message>
        <source>Attachments: archives, Office files with macros and programs are often refused; send a PDF or a link instead.</source>
        <translation>Anexos: arquivos compactados, arquivos do Office com macros e programas costumam ser recusados; envie um PDF ou um link.</translation>
    </message>
    <message>
        <source>Wording: capitals, many exclamation marks, &quot;free&quot;, &quot;urgent&quot; or a single large image with little text look like spam.</source>
        <translation>Texto: letras maiúsculas, muitos pontos de exclamação, &quot;grátis&quot;, &quot;urgente&quot; ou uma única imagem grande com pouco texto parecem spam.</translation>
    </message>
    <message>
        <source>The server found or suspects malware in an attachment. Scan the file, and send it as a link or in another format; password-protected archives and programs are refused by most servers.</source>
        <translation>O servidor encontrou ou suspeita de malware em um anexo. Verifique o arquivo com um antivírus e envie-o como link ou em outro formato; arquivos compactados protegidos por senha e programas são recusados pela maioria dos servidores.</translation>
    </message>
    <message>
        <source>The message breaks the email standard (RFC 5322): a missing or doubled header such as Date, From or Message-ID, overlong lines or bad encoding. The program that built it must be fixed; send from an ordinary mail program to compare.</source>
        <translation>A mensagem viola o padrão de e-mail (RFC 5322): um cabeçalho ausente ou duplicado, como Date, From ou Message-ID, linhas longas demais ou codificação incorreta. O programa que a gerou precisa ser corrigido; envie por um programa de e-mail comum para comparar.</translation>
    </message>
    <message>
        <source>The recipient marked your message as spam. Stop sending them this kind of message unless they asked for it, and make unsubscribing easy.</source>
        <translation>O destinatário marcou a sua mensagem como spam. Pare de enviar esse tipo de mensagem a ele, a menos que ele tenha pedido, e facilite o cancelamento da inscrição.</translation>
    </message>
    <message>
        <source>Compare the message with the server&apos;s words: its size, its attachments, its links and its wording.</source>
        <translation>Compare a mensagem com as palavras do servidor: o tamanho, os anexos, os links e o texto.</translation>
    </message>
    <message>
        <source>This is a delay notice, not a failure: your mail server is still trying and retries by itself, usually for up to four or five days. Do not send the message again.</source>
        <translation>Este é um aviso de atraso, não uma falha: o seu servidor de e-mail continua tentando e faz novas tentativas sozinho, normalmente por até quatro ou cinco dias. Não envie a mensagem de novo.</translation>
    </message>
    <message>
        <source>Your mail server retried for its whole retry period and has given up: the message was not delivered. Send it again later.</source>
        <translation>O seu servidor de e-mail tentou durante todo o período de novas tentativas e desistiu: a mensagem não foi entregue. Envie-a de novo mais tarde.</translation>
    </message>
    <message>
        <source>The receiving server asked to try again later. Your mail server retries by itself for a while; as this notice says it failed, send the message again in an hour or two.</source>
        <translation>O servidor de destino pediu para tentar de novo mais tarde. O seu servidor de e-mail tenta de novo sozinho por um tempo; como este aviso diz que houve falha, envie a mensagem de novo em uma ou duas horas.</translation>
    </message>
    <message>
        <source>The server refuses you for sending too much, too fast: send fewer messages per hour (split large mailings) and wait at least an hour.</source>
        <translation>O servidor está recusando você por enviar muito e rápido demais: envie menos mensagens por hora (divida envios grandes) e aguarde pelo menos uma hora.</translation>
    </message>
    <message>
        <source>Worry when the same error comes back after a day, or a final failure notice arrives: then the receiving side has a lasting problem and its IT must look at it.</source>
        <translation>Preocupe-se se o mesmo erro voltar depois de um dia ou se chegar um aviso de falha definitiva: nesse caso, o lado do destinatário tem um problema persistente e a equipe de TI de lá precisa analisá-lo.</translation>
    </message>
    <message>
        <source>This is an automatic reply (out of office or similar): your message was delivered. Read it for the date they are back or for another contact.</source>
        <translation>Esta é uma resposta automática (ausência do escritório ou algo parecido): a sua mensagem foi entregue. Leia-a para saber a data de retorno ou outro contato.</translation>
    </message>
    <message>
        <source>The refusal is about how your message is sent, not about the recipient: a setting in your mail program, device or server must change. Sending again unchanged fails the same way.</source>
        <translation>A recusa tem a ver com a forma como a sua mensagem é enviada, não com o destinatário: é preciso mudar uma configuração no seu programa de e-mail, dispositivo ou servidor. Enviar de novo sem mudanças vai falhar do mesmo jeito.</translation>
    </message>
    <message>
        <source>The receiving server refused what the message contains. Change the message, not the address.</source>
        <translation>O servidor de destino recusou o conteúdo da mensagem. Mude a mensagem, não o endereço.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explains why an email bounced.</source>
        <translation>Explica por que um e-mail foi devolvido.</translation>
    </message>
    <message>
        <source>Bounces to open (.eml, mbox, folder).</source>
        <translation>Mensagens de devolução a abrir (.eml, mbox, pasta).</translation>
    </message>
</context>
</TS>
