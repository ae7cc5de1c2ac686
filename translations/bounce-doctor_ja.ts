<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AddressCheckTr</name>
    <message>
        <source>nothing before the @</source>
        <translation>@ の前に何もありません</translation>
    </message>
    <message>
        <source>the part before the @ is longer than 64 characters</source>
        <translation>@ の前の部分が 64 文字を超えています</translation>
    </message>
    <message>
        <source>a quoted name before the @ is not closed</source>
        <translation>@ の前の引用符で囲まれた名前が閉じられていません</translation>
    </message>
    <message>
        <source>the quoted name before the @ has a character that must be escaped</source>
        <translation>@ の前の引用符で囲まれた名前に、エスケープが必要な文字が含まれています</translation>
    </message>
    <message>
        <source>dots before the @ may not be first, last or doubled</source>
        <translation>@ の前では、ドットを先頭・末尾に置いたり、連続させたりできません</translation>
    </message>
    <message>
        <source>the character &apos;%1&apos; is not allowed before the @ (unless quoted)</source>
        <translation>@ の前に文字「%1」は使えません（引用符で囲んだ場合を除く）</translation>
    </message>
    <message>
        <source>nothing after the @</source>
        <translation>@ の後に何もありません</translation>
    </message>
    <message>
        <source>the address literal after the @ is not an IP address</source>
        <translation>@ の後のアドレスリテラルが IP アドレスではありません</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; is not a valid international domain name</source>
        <translation>ドメイン「%1」は有効な国際化ドメイン名ではありません</translation>
    </message>
    <message>
        <source>the domain is longer than 253 characters</source>
        <translation>ドメインが 253 文字を超えています</translation>
    </message>
    <message>
        <source>the domain &apos;%1&apos; has no dot: a mail domain looks like example.com</source>
        <translation>ドメイン「%1」にドットがありません。メールのドメインは example.com のような形式です</translation>
    </message>
    <message>
        <source>the domain part &apos;%1&apos; is not valid (letters, digits and inner hyphens only, at most 63)</source>
        <translation>ドメインの一部「%1」が無効です（使えるのは英字、数字、途中のハイフンのみで、最大 63 文字）</translation>
    </message>
    <message>
        <source>there is no @ in the address</source>
        <translation>アドレスに @ がありません</translation>
    </message>
    <message>
        <source>the address contains a space</source>
        <translation>アドレスに空白が含まれています</translation>
    </message>
    <message>
        <source>The address &apos;%1&apos; is not valid: %2</source>
        <translation>アドレス「%1」は無効です: %2</translation>
    </message>
    <message>
        <source>Correct the address and send again.</source>
        <translation>アドレスを修正して、もう一度送信してください。</translation>
    </message>
    <message>
        <source>The address is written correctly.</source>
        <translation>アドレスは正しく書かれています。</translation>
    </message>
    <message>
        <source>International domain %1 is %2 in DNS</source>
        <translation>国際化ドメイン %1 は、DNS 上では %2 と表記されます</translation>
    </message>
    <message>
        <source>Did you mean %1@%2?</source>
        <translation>%1@%2 のことですか？</translation>
    </message>
    <message>
        <source>The domain %1 is very close to the common mail domain %2. A typing mistake here is a frequent cause of bounces.</source>
        <translation>ドメイン %1 は、よく使われるメールドメイン %2 とよく似ています。ここでの入力ミスは、バウンスのよくある原因です。</translation>
    </message>
    <message>
        <source>The domain %1 does not exist.</source>
        <translation>ドメイン %1 は存在しません。</translation>
    </message>
    <message>
        <source>DNS has no such domain, so no mail can reach it. Check the spelling of the part after the @; the domain may also have expired.</source>
        <translation>DNS にこのドメインが存在しないため、メールは届きません。@ の後の部分のつづりを確認してください。ドメインの有効期限が切れている可能性もあります。</translation>
    </message>
    <message>
        <source>the mail servers of %1</source>
        <translation>%1 のメールサーバー</translation>
    </message>
    <message>
        <source>The domain %1 says it accepts no email (null MX).</source>
        <translation>ドメイン %1 は、メールを一切受け付けないと宣言しています（null MX）。</translation>
    </message>
    <message>
        <source>Its owner has published that this domain never receives mail (RFC 7505). The address cannot work; ask the recipient for another one.</source>
        <translation>このドメインの所有者は、このドメインではメールを受信しないと公開しています（RFC 7505）。このアドレスは使えないため、受信者に別のアドレスを確認してください。</translation>
    </message>
    <message>
        <source>%1 receives mail at %2.</source>
        <translation>%1 は %2 でメールを受信しています。</translation>
    </message>
    <message>
        <source>%1 hosts this domain&apos;s mail.</source>
        <translation>このドメインのメールは %1 が管理しています。</translation>
    </message>
    <message>
        <source>Advice and error codes from %1 apply to this recipient.</source>
        <translation>この受信者には、%1 のアドバイスとエラーコードが当てはまります。</translation>
    </message>
    <message>
        <source>All of its mail servers have addresses.</source>
        <translation>すべてのメールサーバーにアドレスがあります。</translation>
    </message>
    <message>
        <source>Some of its mail servers have no address.</source>
        <translation>一部のメールサーバーにアドレスがありません。</translation>
    </message>
    <message>
        <source>None of its mail servers has an address, so mail cannot be delivered.</source>
        <translation>どのメールサーバーにもアドレスがないため、メールを配送できません。</translation>
    </message>
    <message>
        <source>The domain&apos;s MX records point to names that do not resolve. The recipient&apos;s IT must fix their DNS.</source>
        <translation>このドメインの MX レコードが、名前解決できない名前を指しています。受信者側の IT 部門が DNS を修正する必要があります。</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>%1 のアドレス</translation>
    </message>
    <message>
        <source>The domain %1 has no mail server.</source>
        <translation>ドメイン %1 にはメールサーバーがありません。</translation>
    </message>
    <message>
        <source>It has neither MX records nor an address to deliver to, so it cannot receive mail. Check the domain with the recipient.</source>
        <translation>MX レコードも配送先のアドレスもないため、メールを受信できません。受信者にドメインを確認してください。</translation>
    </message>
    <message>
        <source>The domain %1 has no MX record; mail goes to its web address.</source>
        <translation>ドメイン %1 には MX レコードがないため、メールはそのウェブ用アドレスに送られます。</translation>
    </message>
    <message>
        <source>This works only if that server accepts mail, which is unusual. The recipient&apos;s IT should publish MX records.</source>
        <translation>これは、そのサーバーがメールを受け付ける場合にしか機能せず、通常はあまりありません。受信者側の IT 部門が MX レコードを公開する必要があります。</translation>
    </message>
    <message>
        <source>whether the domain %1 exists</source>
        <translation>ドメイン %1 が存在するかどうか</translation>
    </message>
    <message>
        <source>who hosts the mail of %1</source>
        <translation>%1 のメールのホスティング先</translation>
    </message>
    <message>
        <source>the addresses of the mail servers of %1</source>
        <translation>%1 のメールサーバーのアドレス</translation>
    </message>
</context>
<context>
    <name>BlocklistCheckTr</name>
    <message>
        <source>the answer %1 is not a blocklist code (is your DNS server redirecting unknown names?)</source>
        <translation>応答 %1 はブロックリストのコードではありません（お使いの DNS サーバーが、存在しない名前をリダイレクトしていませんか？）</translation>
    </message>
    <message>
        <source>listed (code %1)</source>
        <translation>登録されています（コード %1）</translation>
    </message>
    <message>
        <source>Nothing to check: the bounce shows no sending IP or domain.</source>
        <translation>確認する対象がありません。バウンスメールに送信元の IP アドレスもドメインも記載されていません。</translation>
    </message>
    <message>
        <source>Type your sending IP address (ask your email provider if you do not know it) and your domain, then run the check.</source>
        <translation>送信元の IP アドレス（わからない場合はメールプロバイダーにお問い合わせください）とドメインを入力してから、チェックを実行してください。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address.</source>
        <translation>「%1」は IP アドレスではありません。</translation>
    </message>
    <message>
        <source>%1 is not on %2.</source>
        <translation>%1 は %2 に登録されていません。</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>%1 を確認できませんでした: %2。</translation>
    </message>
    <message>
        <source>Spamhaus answers only queries from your own DNS resolver, not public ones such as 1.1.1.1 or 8.8.8.8. Use your own or your provider&apos;s resolver, or enter a free Spamhaus DQS key in Settings.</source>
        <translation>Spamhaus は、お使いの環境独自の DNS リゾルバーからの問い合わせにのみ応答し、1.1.1.1 や 8.8.8.8 などのパブリック DNS には応答しません。自社またはプロバイダーのリゾルバーを使うか、設定で無料の Spamhaus DQS キーを入力してください。</translation>
    </message>
    <message>
        <source>%1 is listed on %2: %3.</source>
        <translation>%1 は %2 に登録されています: %3。</translation>
    </message>
    <message>
        <source>Receiving servers that use this list refuse your mail. Fix the cause (a compromised account, a spam complaint, an open relay), then ask for removal on the list&apos;s page.</source>
        <translation>このリストを利用している受信サーバーは、あなたのメールを拒否します。原因（乗っ取られたアカウント、スパムの苦情、オープンリレーなど）を解消してから、リストのページで登録解除を申請してください。</translation>
    </message>
    <message>
        <source>the reverse DNS of %1</source>
        <translation>%1 の逆引き DNS</translation>
    </message>
    <message>
        <source>%1 has no reverse DNS name (PTR).</source>
        <translation>%1 には逆引き DNS 名（PTR）がありません。</translation>
    </message>
    <message>
        <source>Many receiving servers refuse mail from addresses without one. Ask whoever provides the IP address (hosting or internet provider) to set a PTR record naming your mail server.</source>
        <translation>多くの受信サーバーは、逆引き名のないアドレスからのメールを拒否します。IP アドレスの提供元（ホスティング事業者またはインターネットプロバイダー）に、メールサーバー名を示す PTR レコードの設定を依頼してください。</translation>
    </message>
    <message>
        <source>the address of %1</source>
        <translation>%1 のアドレス</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, and it points back (forward-confirmed).</source>
        <translation>%1 の逆引き DNS は %2 で、正引きでも元のアドレスに戻ります（正引き確認済み）。</translation>
    </message>
    <message>
        <source>%1 has reverse DNS %2, but that name does not point back to it.</source>
        <translation>%1 の逆引き DNS は %2 ですが、その名前は元のアドレスを指していません。</translation>
    </message>
    <message>
        <source>Receivers such as Microsoft and Gmail expect the PTR name to resolve to the same IP address. Add an A (or AAAA) record for %1.</source>
        <translation>Microsoft や Gmail などの受信側は、PTR 名が同じ IP アドレスに解決されることを求めています。%1 の A（または AAAA）レコードを追加してください。</translation>
    </message>
    <message>
        <source>Could not check %1: your DNS server does not give this list&apos;s answers (%2).</source>
        <translation>%1 を確認できませんでした。お使いの DNS サーバーは、このリストの応答を正しく返していません（%2）。</translation>
    </message>
    <message>
        <source>Ask through your own or your internet provider&apos;s DNS server instead of a public or filtering one, or look the address up on the list&apos;s web page.</source>
        <translation>パブリック DNS やフィルタリング機能のある DNS サーバーではなく、自社またはインターネットプロバイダーの DNS サーバー経由で問い合わせるか、リストのウェブページでアドレスを調べてください。</translation>
    </message>
    <message>
        <source>its test entries got no answer</source>
        <translation>テスト用のエントリーに応答がありません</translation>
    </message>
    <message>
        <source>it says %1, which the list never lists, is listed</source>
        <translation>リストに決して登録されない %1 が、登録済みと返されました</translation>
    </message>
    <message>
        <source>it says %1, which the list always lists, is not listed</source>
        <translation>リストに必ず登録されている %1 が、未登録と返されました</translation>
    </message>
    <message>
        <source>%1 refused the mail from its own block list, which public blocklists do not show. Once the cause is fixed, ask %1 to lift the block on this page.</source>
        <translation>%1 は独自のブロックリストに基づいてメールを拒否しました。これは公開ブロックリストには表示されません。原因を解消したら、このページで %1 にブロックの解除を依頼してください。</translation>
    </message>
    <message>
        <source>How %1 sees the mail from your IP addresses, to find the cause of the block.</source>
        <translation>あなたの IP アドレスからのメールが %1 からどう見えているかを確認し、ブロックの原因を調べられます。</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AresResolver</name>
    <message>
        <source>no answer from the DNS server in time</source>
        <translation>DNS サーバーから時間内に応答がありませんでした</translation>
    </message>
    <message>
        <source>the DNS server failed to answer (SERVFAIL)</source>
        <translation>DNS サーバーが応答に失敗しました (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused the query (REFUSED)</source>
        <translation>DNS サーバーが問い合わせを拒否しました (REFUSED)</translation>
    </message>
    <message>
        <source>could not reach the DNS server (connection refused)</source>
        <translation>DNS サーバーに接続できませんでした (接続拒否)</translation>
    </message>
    <message>
        <source>the DNS server sent an answer that cannot be read</source>
        <translation>DNS サーバーから読み取れない応答が返されました</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::AuthenticationCheck</name>
    <message>
        <source>the DNS server did not answer in time</source>
        <translation>DNS サーバーが時間内に応答しませんでした</translation>
    </message>
    <message>
        <source>the DNS server reported a failure (SERVFAIL)</source>
        <translation>DNS サーバーがエラーを返しました（SERVFAIL）</translation>
    </message>
    <message>
        <source>the DNS server refused the question (REFUSED)</source>
        <translation>DNS サーバーが問い合わせを拒否しました（REFUSED）</translation>
    </message>
    <message>
        <source>there is no network connection</source>
        <translation>ネットワークに接続されていません</translation>
    </message>
    <message>
        <source>the DNS lookup failed</source>
        <translation>DNS の検索に失敗しました</translation>
    </message>
    <message>
        <source>SPF could not be checked: the sending domain is not known.</source>
        <translation>SPF を確認できませんでした。送信ドメインが不明です。</translation>
    </message>
    <message>
        <source>Type the domain you send from (the part after @ in your address).</source>
        <translation>送信に使っているドメイン（アドレスの @ の後の部分）を入力してください。</translation>
    </message>
    <message>
        <source>DKIM could not be checked: the signing domain is not known.</source>
        <translation>DKIM を確認できませんでした。署名ドメインが不明です。</translation>
    </message>
    <message>
        <source>DMARC could not be checked: the From address is not known.</source>
        <translation>DMARC を確認できませんでした。差出人（From）アドレスが不明です。</translation>
    </message>
    <message>
        <source>Could not check the SPF record of %1: %2.</source>
        <translation>%1 の SPF レコードを確認できませんでした: %2。</translation>
    </message>
    <message>
        <source>Try again later or with another DNS server.</source>
        <translation>しばらくしてから、または別の DNS サーバーで再度お試しください。</translation>
    </message>
    <message>
        <source>The SPF record of %1 has a problem.</source>
        <translation>%1 の SPF レコードに問題があります。</translation>
    </message>
    <message>
        <source>The SPF record of %1 could be better.</source>
        <translation>%1 の SPF レコードは改善の余地があります。</translation>
    </message>
    <message>
        <source>%1 publishes a valid SPF record.</source>
        <translation>%1 は有効な SPF レコードを公開しています。</translation>
    </message>
    <message>
        <source>It lists the servers allowed to send mail for the domain.</source>
        <translation>このドメインのメール送信を許可されたサーバーが記載されています。</translation>
    </message>
    <message>
        <source>SPF was not evaluated: the sending IP address is not known.</source>
        <translation>SPF は評価されませんでした。送信元の IP アドレスが不明です。</translation>
    </message>
    <message>
        <source>Enter the IP address your mail left from to see whether SPF allows it.</source>
        <translation>メールの送信元 IP アドレスを入力すると、SPF で許可されているかどうかを確認できます。</translation>
    </message>
    <message>
        <source>The SPF setup of %1 has a problem.</source>
        <translation>%1 の SPF 設定に問題があります。</translation>
    </message>
    <message>
        <source> (through %1)</source>
        <translation> (%1 経由)</translation>
    </message>
    <message>
        <source>SPF allows %1 to send mail for %2.</source>
        <translation>SPF は、%1 が %2 のメールを送信することを許可しています。</translation>
    </message>
    <message>
        <source>The term &quot;%1&quot;%2 matched.</source>
        <translation>条件「%1」%2 に一致しました。</translation>
    </message>
    <message>
        <source>SPF says %1 may not send mail for %2.</source>
        <translation>SPF によると、%1 は %2 のメールを送信できません。</translation>
    </message>
    <message>
        <source>Receivers may reject this mail. Add the server to the SPF record (for example with ip4:%1 or the include your mail provider documents).</source>
        <translation>受信側がこのメールを拒否する可能性があります。このサーバーを SPF レコードに追加してください（例: ip4:%1、またはメールプロバイダーが案内している include）。</translation>
    </message>
    <message>
        <source>The domain explains: &quot;%1&quot;</source>
        <translation>ドメインからの説明: 「%1」</translation>
    </message>
    <message>
        <source>SPF does not list %1 for %2 (softfail).</source>
        <translation>SPF に %2 の送信元として %1 が記載されていません（softfail）。</translation>
    </message>
    <message>
        <source>Receivers treat such mail with suspicion and often file it as spam. Add the server to the SPF record.</source>
        <translation>受信側はこのようなメールを疑わしいものとして扱い、迷惑メールに振り分けることがよくあります。このサーバーを SPF レコードに追加してください。</translation>
    </message>
    <message>
        <source>SPF neither allows nor forbids %1 for %2 (%3).</source>
        <translation>SPF は %2 について %1 を許可も禁止もしていません（%3）。</translation>
    </message>
    <message>
        <source>Mail from this server gets no help from SPF. Add the server to the record and end it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>このサーバーからのメールは SPF の恩恵を受けられません。サーバーをレコードに追加し、末尾を「~all」または「-all」にしてください。</translation>
    </message>
    <message>
        <source>Could not evaluate SPF for %1: %2.</source>
        <translation>%1 の SPF を評価できませんでした: %2。</translation>
    </message>
    <message>
        <source>A DNS lookup failed on the way; try again later.</source>
        <translation>途中で DNS の検索に失敗しました。しばらくしてから再度お試しください。</translation>
    </message>
    <message>
        <source>SPF for %1 ends in an error (permerror): %2.</source>
        <translation>%1 の SPF がエラーになりました（permerror）: %2。</translation>
    </message>
    <message>
        <source>Receivers treat a broken SPF setup like a missing one or reject the mail. Fix the record.</source>
        <translation>受信側は、壊れた SPF 設定を SPF がないものとして扱うか、メールを拒否します。レコードを修正してください。</translation>
    </message>
    <message>
        <source>Could not fetch the DKIM key &quot;%1&quot; of %2: %3.</source>
        <translation>%2 の DKIM 鍵「%1」を取得できませんでした: %3。</translation>
    </message>
    <message>
        <source>No DKIM key is published for selector &quot;%1&quot; of %2.</source>
        <translation>%2 のセレクター「%1」には DKIM 鍵が公開されていません。</translation>
    </message>
    <message>
        <source>The mail was signed with this selector, but receivers cannot find the key at %1, so the signature fails. Publish the key your mail provider gives you.</source>
        <translation>メールはこのセレクターで署名されていますが、受信側が %1 で鍵を見つけられないため、署名の検証に失敗します。メールプロバイダーから提供された鍵を公開してください。</translation>
    </message>
    <message>
        <source>Selector &quot;%1&quot; of %2 has %3 key records.</source>
        <translation>%2 のセレクター「%1」に鍵レコードが %3 件あります。</translation>
    </message>
    <message>
        <source>There must be exactly one; receivers may pick the wrong one. Remove the extra records.</source>
        <translation>鍵レコードは 1 件だけにする必要があります。受信側が誤ったレコードを選ぶおそれがあります。余分なレコードを削除してください。</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is broken: %3.</source>
        <translation>%2 の DKIM 鍵「%1」が壊れています: %3。</translation>
    </message>
    <message>
        <source>Receivers cannot verify signatures made with it. Publish the record exactly as your mail provider gives it.</source>
        <translation>受信側は、この鍵で作成された署名を検証できません。メールプロバイダーから提供されたとおりにレコードを公開してください。</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 has been revoked (empty p=).</source>
        <translation>%2 の DKIM 鍵「%1」は失効しています（p= が空）。</translation>
    </message>
    <message>
        <source>Signatures with this selector always fail. Sign with a current key or publish the key again.</source>
        <translation>このセレクターの署名は常に失敗します。現在有効な鍵で署名するか、鍵を再度公開してください。</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is only %3 bits long.</source>
        <translation>%2 の DKIM 鍵「%1」の長さは %3 ビットしかありません。</translation>
    </message>
    <message>
        <source>Receivers ignore RSA keys under 1024 bits. Generate a 2048-bit key.</source>
        <translation>受信側は 1024 ビット未満の RSA 鍵を無視します。2048 ビットの鍵を生成してください。</translation>
    </message>
    <message>
        <source>An RSA key of %1 bits.</source>
        <translation>%1 ビットの RSA 鍵です。</translation>
    </message>
    <message>
        <source>An %1 key.</source>
        <translation>%1 鍵です。</translation>
    </message>
    <message>
        <source>2048 bits is recommended when you next rotate it.</source>
        <translation>次に鍵を更新するときは、2048 ビットにすることをおすすめします。</translation>
    </message>
    <message>
        <source>The key is marked as testing (t=y): some receivers treat its signatures as unsigned.</source>
        <translation>この鍵はテスト中（t=y）と指定されています。一部の受信側は、この鍵による署名を署名なしとして扱います。</translation>
    </message>
    <message>
        <source>The DKIM key &quot;%1&quot; of %2 is published and valid.</source>
        <translation>%2 の DKIM 鍵「%1」は公開されており、有効です。</translation>
    </message>
    <message>
        <source>Could not look for DKIM keys of %1.</source>
        <translation>%1 の DKIM 鍵を検索できませんでした。</translation>
    </message>
    <message>
        <source>No DKIM key found for %1 under the usual selectors.</source>
        <translation>一般的なセレクターでは、%1 の DKIM 鍵が見つかりませんでした。</translation>
    </message>
    <message>
        <source>The selector is not known. Look at the DKIM-Signature header of a message you sent (s=) and check that selector, or ask your mail provider to turn on DKIM signing.</source>
        <translation>セレクターが不明です。送信したメールの DKIM-Signature ヘッダー（s=）を見てそのセレクターを確認するか、メールプロバイダーに DKIM 署名を有効にするよう依頼してください。</translation>
    </message>
    <message>
        <source>Could not check the DMARC policy of %1: %2.</source>
        <translation>%1 の DMARC ポリシーを確認できませんでした: %2。</translation>
    </message>
    <message>
        <source>%1 publishes no DMARC policy.</source>
        <translation>%1 は DMARC ポリシーを公開していません。</translation>
    </message>
    <message>
        <source>Large mailbox providers (Gmail, Yahoo, Microsoft) expect one and may reject or junk the mail without it. Start with &quot;v=DMARC1; p=none; rua=mailto:...&quot; at _dmarc.%1.</source>
        <translation>大手のメールサービス（Gmail、Yahoo、Microsoft）は DMARC ポリシーがあることを前提としており、ない場合はメールを拒否したり迷惑メールに振り分けたりすることがあります。まずは _dmarc.%1 に「v=DMARC1; p=none; rua=mailto:...」を設定してください。</translation>
    </message>
    <message>
        <source>%1 publishes %2 DMARC records.</source>
        <translation>%1 は DMARC レコードを %2 件公開しています。</translation>
    </message>
    <message>
        <source>Receivers ignore DMARC when there is more than one record. Keep exactly one.</source>
        <translation>DMARC レコードが複数あると、受信側は DMARC を無視します。レコードは 1 件だけにしてください。</translation>
    </message>
    <message>
        <source> (inherited from %1)</source>
        <translation> (%1 から継承)</translation>
    </message>
    <message>
        <source>The DMARC record of %1 is broken: %2.</source>
        <translation>%1 の DMARC レコードが壊れています: %2。</translation>
    </message>
    <message>
        <source>Receivers may ignore a record with errors. Correct it.</source>
        <translation>エラーのあるレコードは、受信側に無視されることがあります。修正してください。</translation>
    </message>
    <message>
        <source>The policy is p=none: receivers only report failures and deliver the mail anyway.</source>
        <translation>ポリシーは p=none です。受信側は失敗を報告するだけで、メールはそのまま配送します。</translation>
    </message>
    <message>
        <source>Mail that fails DMARC goes to spam (p=quarantine).</source>
        <translation>DMARC に失敗したメールは迷惑メールに振り分けられます（p=quarantine）。</translation>
    </message>
    <message>
        <source>Mail that fails DMARC is rejected (p=reject).</source>
        <translation>DMARC に失敗したメールは拒否されます（p=reject）。</translation>
    </message>
    <message>
        <source>It applies to %1% of failing mail (pct=%1).</source>
        <translation>DMARC に失敗したメールの %1% に適用されます（pct=%1）。</translation>
    </message>
    <message>
        <source>%1 has a DMARC policy: %2%3.</source>
        <translation>%1 には DMARC ポリシーがあります: %2%3。</translation>
    </message>
    <message>
        <source>Could not check whether %1 accepts DMARC reports for %2: %3.</source>
        <translation>%1 が %2 の DMARC レポートを受け付けるかどうかを確認できませんでした: %3。</translation>
    </message>
    <message>
        <source>%1 accepts DMARC reports for %2.</source>
        <translation>%1 は %2 の DMARC レポートを受け付けます。</translation>
    </message>
    <message>
        <source>DMARC reports for %1 will not reach %2.</source>
        <translation>%1 の DMARC レポートは %2 に届きません。</translation>
    </message>
    <message>
        <source>%1 is another domain and has not published %2._report._dmarc.%1 with &quot;v=DMARC1&quot;, so receivers drop the reports. Ask the report service to add it.</source>
        <translation>%1 は別のドメインで、「v=DMARC1」を含む %2._report._dmarc.%1 を公開していないため、受信側はレポートを破棄します。レポートサービスに、このレコードを追加するよう依頼してください。</translation>
    </message>
    <message>
        <source>%1 passed for %2, but that is not your From domain %3, so it does not count for DMARC.</source>
        <translation>%1 は %2 で成功しましたが、これは差出人（From）ドメイン %3 ではないため、DMARC には反映されません。</translation>
    </message>
    <message>
        <source>%1 did not pass (%2) for %3.</source>
        <translation>%1 は %3 で成功しませんでした（%2）。</translation>
    </message>
    <message>
        <source>SPF passed for %1</source>
        <translation>%1 で SPF が成功しました</translation>
    </message>
    <message>
        <source>DKIM passed for %1</source>
        <translation>%1 で DKIM が成功しました</translation>
    </message>
    <message>
        <source>The message passed DMARC alignment for %1.</source>
        <translation>このメッセージは %1 について DMARC のアライメントに合格しました。</translation>
    </message>
    <message>
        <source>, which matches the From domain.</source>
        <translation>。これは差出人（From）ドメインと一致しています。</translation>
    </message>
    <message>
        <source>Neither SPF nor DKIM passed for the From domain %1.</source>
        <translation>差出人（From）ドメイン %1 では、SPF と DKIM のどちらも成功しませんでした。</translation>
    </message>
    <message>
        <source>DMARC needs at least one of them to pass for %1 itself (or a subdomain of it). Have your mail provider sign with DKIM for %1.</source>
        <translation>DMARC では、%1 自体（またはそのサブドメイン）について、少なくともどちらか一方が成功する必要があります。メールプロバイダーに、%1 で DKIM 署名するよう依頼してください。</translation>
    </message>
    <message>
        <source>the DKIM key &quot;%1&quot; of %2</source>
        <translation>%2 の DKIM 鍵「%1」</translation>
    </message>
    <message>
        <source>the DKIM keys of %1</source>
        <translation>%1 の DKIM 鍵</translation>
    </message>
    <message>
        <source>whether %1 takes DMARC reports for %2</source>
        <translation>%1 が %2 の DMARC レポートを受け付けるかどうか</translation>
    </message>
    <message>
        <source>the DMARC policy of %1</source>
        <translation>%1 の DMARC ポリシー</translation>
    </message>
    <message>
        <source>the SPF record of %1</source>
        <translation>%1 の SPF レコード</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::CaseListModel</name>
    <message>
        <source>Open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>Waiting for the recipient&apos;s IT</source>
        <translation>受信者側の IT 部門の対応待ち</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>チケット</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::ChecklistWidget</name>
    <message>
        <source>Message copied to the clipboard.</source>
        <translation>メッセージをクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>No mail app answered: use Copy message and paste it into your mail program.</source>
        <translation>メールアプリが応答しません。メッセージをコピーしてメールソフトに貼り付けてください。</translation>
    </message>
    <message>
        <source>The server&apos;s words:</source>
        <translation>サーバーの応答:</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Shows or hides this step</source>
        <translation>この手順を表示または非表示にします</translation>
    </message>
    <message>
        <source>Run check: %1</source>
        <translation>チェックを実行: %1</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>チェックの進行状況</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完了: %1</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>受信者のアドレス</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>受信者:</translation>
    </message>
    <message>
        <source>Sending IP address</source>
        <translation>送信元 IP アドレス</translation>
    </message>
    <message>
        <source>Sending IP:</source>
        <translation>送信元 IP:</translation>
    </message>
    <message>
        <source>Sending domain</source>
        <translation>送信ドメイン</translation>
    </message>
    <message>
        <source>DKIM selector</source>
        <translation>DKIM セレクター</translation>
    </message>
    <message>
        <source>Sending domain:</source>
        <translation>送信ドメイン:</translation>
    </message>
    <message>
        <source>DKIM selector:</source>
        <translation>DKIM セレクター:</translation>
    </message>
    <message>
        <source>Authentication results in the bounce</source>
        <translation>バウンスメールに含まれる認証結果</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <source>Evaluated by</source>
        <translation>評価元</translation>
    </message>
    <message>
        <source>Draft recipient</source>
        <translation>下書きの宛先</translation>
    </message>
    <message>
        <source>Draft subject</source>
        <translation>下書きの件名</translation>
    </message>
    <message>
        <source>Draft message</source>
        <translation>下書きの本文</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>宛先:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>件名:</translation>
    </message>
    <message>
        <source>Also reach the recipient by phone or another channel: they may not know their mail system refuses you.</source>
        <translation>電話など別の手段でも受信者に連絡してください。受信者は、自分のメールシステムがあなたのメールを拒否していることに気づいていない可能性があります。</translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation>本文をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation>メールアプリで開く(&amp;M)</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2

%3</source>
        <translation>宛先: %1
件名: %2

%3</translation>
    </message>
    <message>
        <source>Could not check: %1. Fix the DNS servers in Settings.</source>
        <translation>確認できませんでした: %1。設定で DNS サーバーを修正してください。</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>詳細: %1</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>チェックを実行(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>チェック結果</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Nothing in the address looks mistyped.</source>
        <translation>アドレスに入力ミスは見当たりません。</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>%1 のことですか？</translation>
    </message>
    <message>
        <source>The bounce does not show your sending IP: ask your email provider for it, or type it above.</source>
        <translation>バウンスメールに送信元 IP が記載されていません。メールプロバイダーに問い合わせるか、上の欄に入力してください。</translation>
    </message>
    <message>
        <source>The bounce names no blocklist.</source>
        <translation>バウンスメールにはブロックリストの記載がありません。</translation>
    </message>
    <message>
        <source>The server&apos;s reply names the blocklist %1.</source>
        <translation>サーバーの応答に、ブロックリスト %1 が記載されています。</translation>
    </message>
    <message>
        <source>The bounce carries no authentication results.</source>
        <translation>バウンスメールに認証結果は含まれていません。</translation>
    </message>
    <message numerus="yes">
        <source>The returned message carries %n authentication result(s).</source>
        <translation>
            <numerusform>返送されたメッセージには %n 件の認証結果が含まれています。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::DiagnosisView</name>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Diagnosis headline</source>
        <translation>診断の概要</translation>
    </message>
    <message>
        <source>Key facts</source>
        <translation>主な情報</translation>
    </message>
    <message>
        <source>The server&apos;s exact words</source>
        <translation>サーバーの応答（原文）</translation>
    </message>
    <message>
        <source>What to do, step by step</source>
        <translation>対処方法（手順）</translation>
    </message>
    <message>
        <source>Paste a bounce, open a saved message, or drop one here.</source>
        <translation>バウンスメールを貼り付けるか、保存したメッセージを開くか、ここにドロップしてください。</translation>
    </message>
    <message>
        <source>Who needs to act: %1</source>
        <translation>対応が必要な人: %1</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>%1 のことですか？</translation>
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
        <translation>送信元 IP</translation>
    </message>
    <message>
        <source>How to read a bounce</source>
        <translation>バウンスの読み方</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>ヘルプの本文</translation>
    </message>
    <message>
        <source>Find the error line: a three-digit reply code and usually a code like 5.1.1, then the server&apos;s words, for example &quot;550 5.1.1 User unknown&quot;.</source>
        <translation>エラー行を探します。3 桁の応答コードと、通常は 5.1.1 のようなコードがあり、その後にサーバーの応答が続きます。例:「550 5.1.1 User unknown」。</translation>
    </message>
    <message>
        <source>The first digit says how lasting it is: 2 means delivered, 4 means temporary (your server retries by itself), 5 means refused (it will not be retried).</source>
        <translation>最初の数字は、問題が続くかどうかを示します。2 は配送済み、4 は一時的な問題（送信サーバーが自動で再試行します）、5 は拒否（再試行されません）です。</translation>
    </message>
    <message>
        <source>The second part says what kind of problem: x.1.x the address, x.2.x the mailbox, x.3.x the receiving system, x.4.x the network or routing, x.5.x the mail protocol, x.7.x security and policy (blocklists, SPF, DKIM, DMARC).</source>
        <translation>2 番目の部分は問題の種類を示します。x.1.x はアドレス、x.2.x はメールボックス、x.3.x は受信側のシステム、x.4.x はネットワークや経路、x.5.x はメールのプロトコル、x.7.x はセキュリティとポリシー（ブロックリスト、SPF、DKIM、DMARC）です。</translation>
    </message>
    <message>
        <source>The server&apos;s words say the rest. Bounce Doctor explains them, says who must act, and opens the first step of the checklist.</source>
        <translation>残りはサーバーの応答からわかります。Bounce Doctor はその意味を説明し、誰が対応すべきかを示して、チェックリストの最初の手順を開きます。</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <source>Bounce</source>
        <translation>バウンス</translation>
    </message>
    <message>
        <source>The message your mail server sends back when it could not deliver yours, also called a non-delivery report (NDR) or DSN.</source>
        <translation>メールを配送できなかったときに、送信側のメールサーバーから返送されるメッセージです。不達通知（NDR）や DSN とも呼ばれます。</translation>
    </message>
    <message>
        <source>MX record</source>
        <translation>MX レコード</translation>
    </message>
    <message>
        <source>The DNS record naming the servers that receive mail for a domain. A domain without one usually cannot receive mail.</source>
        <translation>ドメイン宛てのメールを受信するサーバーを示す DNS レコードです。これがないドメインは、通常メールを受信できません。</translation>
    </message>
    <message>
        <source>A DNS record listing the servers allowed to send mail for your domain. Mail from a server not on the list may be refused.</source>
        <translation>あなたのドメインからのメール送信を許可されたサーバーを列挙する DNS レコードです。リストにないサーバーからのメールは拒否されることがあります。</translation>
    </message>
    <message>
        <source>A signature your server adds to each message, checked against a key in your domain&apos;s DNS. It proves the message was not changed.</source>
        <translation>送信サーバーが各メッセージに付ける署名で、ドメインの DNS にある鍵と照合されます。メッセージが改ざんされていないことを証明します。</translation>
    </message>
    <message>
        <source>A DNS record telling receivers what to do with mail that claims to be from your domain but passes neither SPF nor DKIM for it.</source>
        <translation>あなたのドメインから送られたと称しながら、そのドメインについて SPF にも DKIM にも成功しないメールを、受信側がどう扱うべきかを示す DNS レコードです。</translation>
    </message>
    <message>
        <source>PTR record (reverse DNS)</source>
        <translation>PTR レコード（逆引き DNS）</translation>
    </message>
    <message>
        <source>The name an IP address points back to. Many servers refuse mail from an IP address without one, or whose name does not match.</source>
        <translation>IP アドレスから逆引きされる名前です。多くのサーバーは、これがない IP アドレスや、名前が一致しない IP アドレスからのメールを拒否します。</translation>
    </message>
    <message>
        <source>Blocklist (DNSBL)</source>
        <translation>ブロックリスト（DNSBL）</translation>
    </message>
    <message>
        <source>A public list of IP addresses or domains that sent spam. Servers ask these lists and refuse mail from what is listed.</source>
        <translation>スパムを送信した IP アドレスやドメインの公開リストです。サーバーはこれらのリストに問い合わせ、登録されている送信元からのメールを拒否します。</translation>
    </message>
    <message>
        <source>The address of the server your message left from, as the receiving server saw it.</source>
        <translation>受信サーバーから見た、メッセージの送信元サーバーのアドレスです。</translation>
    </message>
    <message>
        <source>Postmaster</source>
        <translation>Postmaster</translation>
    </message>
    <message>
        <source>The address every mail domain should have for its mail administrators: postmaster@ followed by the domain.</source>
        <translation>すべてのメールドメインが、メール管理者宛てに用意しておくべきアドレスです。postmaster@ の後にドメイン名を付けた形になります。</translation>
    </message>
    <message>
        <source>Explains why an email bounced, in plain words, and walks you through fixing it.</source>
        <translation>メールがバウンスした理由をわかりやすく説明し、解決までの手順を案内します。</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). There is no warranty.</source>
        <translation>ライセンス: GNU General Public License バージョン 3 以降（GPL-3.0-or-later）。無保証です。</translation>
    </message>
    <message>
        <source>Credits: the bounce reason names follow Sisimai (BSD-2-Clause) by azumakuniyuki and contributors. Built with Qt, GMime, RE2, c-ares, libpsl, OpenSSL and SQLite.</source>
        <translation>クレジット: バウンス理由の名称は、azumakuniyuki 氏とコントリビューターによる Sisimai（BSD-2-Clause）に準拠しています。Qt、GMime、c-ares、libpsl、RE2、OpenSSL、SQLite を使用して構築されています。</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::HistoryPanel</name>
    <message>
        <source>Search recipient, domain, sending IP, reason, provider, ticket…</source>
        <translation>受信者、ドメイン、送信元 IP、理由、プロバイダー、チケットで検索…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>履歴を検索</translation>
    </message>
    <message>
        <source>Show cases in state</source>
        <translation>表示するケースの状態</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>Show cases from</source>
        <translation>表示するケースの期間</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>すべての期間</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>過去 365 日間</translation>
    </message>
    <message>
        <source>Stored cases</source>
        <translation>保存されたケース</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>再び開く(&amp;R)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete All…</source>
        <translation>すべて削除…</translation>
    </message>
    <message>
        <source>e.g. HD-1042</source>
        <translation>例: HD-1042</translation>
    </message>
    <message>
        <source>&amp;Ticket:</source>
        <translation>チケット(&amp;T):</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>状態(&amp;S):</translation>
    </message>
    <message>
        <source>Notes on this case</source>
        <translation>このケースのメモ</translation>
    </message>
    <message>
        <source>Add a note, e.g. &quot;called their IT, waiting for an answer&quot;</source>
        <translation>メモを追加（例:「相手の IT 部門に電話済み、回答待ち」）</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新しいメモ</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>メモを追加(&amp;N)</translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>ケースの履歴はオフになっています。</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>ケースの履歴</translation>
    </message>
    <message>
        <source>Delete this case and its notes from the history?</source>
        <translation>このケースとそのメモを履歴から削除しますか？</translation>
    </message>
    <message>
        <source>Delete every case in the history? This cannot be undone.</source>
        <translation>履歴内のすべてのケースを削除しますか？この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Copy for &amp;Ticket</source>
        <translation>チケット用にコピー(&amp;T)</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Markdown でコピー(&amp;M)</translation>
    </message>
    <message>
        <source>Copy Tit&amp;le</source>
        <translation>タイトルをコピー(&amp;L)</translation>
    </message>
    <message>
        <source>A one-line summary for the ticket&apos;s title</source>
        <translation>チケットのタイトル用の 1 行の要約</translation>
    </message>
    <message>
        <source>Case title copied to the clipboard.</source>
        <translation>ケースのタイトルをクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>Case copied to the clipboard.</source>
        <translation>ケースをクリップボードにコピーしました。</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::MainWindow</name>
    <message>
        <source>Open saved messages (.eml), an mbox, or a folder of them</source>
        <translation>保存したメッセージ (.eml)、mbox、またはそれらのフォルダーを開く</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>フォルダーを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;How to Read a Bounce</source>
        <translation>バウンスの読み方(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>一覧を消去(&amp;C)</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>ファイルが見つかりません: %1</translation>
    </message>
    <message>
        <source>Open a folder of bounces</source>
        <translation>バウンスのフォルダーを開く</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>レポートを %1 に保存しました</translation>
    </message>
    <message>
        <source>Ticket text copied to the clipboard.</source>
        <translation>チケット用テキストをクリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>Bounce text</source>
        <translation>バウンスメールの本文</translation>
    </message>
    <message>
        <source>Paste the bounce here: the whole message, or just the error line such as
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</source>
        <translation>ここにバウンスメールを貼り付けてください。メッセージ全体でも、次のようなエラー行だけでもかまいません。
550 5.1.1 &lt;jsmith@example.com&gt;: Recipient address rejected: User unknown</translation>
    </message>
    <message>
        <source>&amp;Diagnose</source>
        <translation>診断(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Filter recipients, reasons, providers…</source>
        <translation>受信者、理由、プロバイダーで絞り込み…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>受信者</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>Who acts</source>
        <translation>対応者</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export Report</source>
        <translation>レポートをエクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Markdown…</source>
        <translation>Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;HTML…</source>
        <translation>HTML(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation>PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Copy as Ticket Text</source>
        <translation>チケット用テキストとしてコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Export &amp;Addresses to Remove…</source>
        <translation>削除するアドレスをエクスポート(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Paste Bounce</source>
        <translation>バウンスメールを貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Filter Results</source>
        <translation>結果を絞り込み(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>サンプル(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;About Bounce Doctor</source>
        <translation>Bounce Doctor について(&amp;A)</translation>
    </message>
    <message>
        <source>About Bounce Doctor</source>
        <translation>Bounce Doctor について</translation>
    </message>
    <message>
        <source>This does not look like a bounce: no failed recipient was found. Paste the whole bounce, or the line with the error code.</source>
        <translation>バウンスメールではないようです。配送に失敗した受信者が見つかりませんでした。バウンスメール全体、またはエラーコードを含む行を貼り付けてください。</translation>
    </message>
    <message>
        <source>Nothing could be read.</source>
        <translation>何も読み込めませんでした。</translation>
    </message>
    <message>
        <source>Messages read: %1. </source>
        <translation>読み込んだメッセージ: %1 件。 </translation>
    </message>
    <message>
        <source>Open bounces</source>
        <translation>バウンスメールを開く</translation>
    </message>
    <message>
        <source>There is no diagnosis to export yet.</source>
        <translation>エクスポートできる診断結果がまだありません。</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>レポートのエクスポート</translation>
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
        <translation>バウンスの診断</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Export addresses to remove</source>
        <translation>削除するアドレスのエクスポート</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>All supported: messages, mailboxes, files without extension (*.eml *.mbox *.mbx *.txt *);;Email messages (*.eml);;Mailboxes (*.mbox *.mbx)</source>
        <translation>対応するすべてのファイル: メッセージ、メールボックス、拡張子のないファイル (*.eml *.mbox *.mbx *.txt *);;メールメッセージ (*.eml);;メールボックス (*.mbox *.mbx)</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) saved to %1</source>
        <translation>
            <numerusform>%n 件のアドレスを %1 に保存しました</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>履歴(&amp;H)</translation>
    </message>
    <message>
        <source>The case history is off (Edit &gt; Settings).</source>
        <translation>ケース履歴はオフです（編集 &gt; 設定）。</translation>
    </message>
    <message>
        <source>The case history was damaged: it was moved to %1 and a new one started.</source>
        <translation>ケース履歴が破損していたため、%1 に移動して新しい履歴を開始しました。</translation>
    </message>
    <message>
        <source>This case could not be stored in the history: %1</source>
        <translation>このケースを履歴に保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The case could not be stored: %1</source>
        <translation>ケースを保存できませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Seen before: %n earlier case(s) with this recipient, its domain or the sending IP; the last on %1 (%2). View &gt; History shows them.</source>
        <translation>
            <numerusform>以前にも見つかりました: この受信者、そのドメイン、または送信 IP の過去のケースが %n 件あります。最新は %1（%2）です。表示 &gt; 履歴 で確認できます。</numerusform>
        </translation>
    </message>
    <message>
        <source>The case history is off.</source>
        <translation>ケース履歴はオフです。</translation>
    </message>
    <message>
        <source>Case %1 — %2</source>
        <translation>ケース %1 — %2</translation>
    </message>
    <message>
        <source>Case %1 reopened from the history.</source>
        <translation>ケース %1 を履歴から再び開きました。</translation>
    </message>
    <message>
        <source>&amp;Hide Personal Data in Exports</source>
        <translation>エクスポートで個人情報を隠す(&amp;H)</translation>
    </message>
    <message>
        <source>Reports, ticket texts and cases handed over mask the recipients&apos; addresses, the sender and the subject; the server&apos;s words stay</source>
        <translation>レポート、チケット用テキスト、引き継ぐケースで受信者のアドレス、送信者、件名を伏せます。サーバーの文言はそのまま残ります</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>DNS サーバー</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>DNS サーバー(&amp;D):</translation>
    </message>
    <message>
        <source>IP or IP:PORT, separated by commas. Blocklists such as Spamhaus refuse public resolvers (1.1.1.1, 8.8.8.8): use your own.</source>
        <translation>IP または IP:ポート をカンマで区切って入力します。Spamhaus などのブロックリストは、パブリック DNS（1.1.1.1、8.8.8.8）からの問い合わせを拒否するため、自社のリゾルバーを使用してください。</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ミリ秒</translation>
    </message>
    <message>
        <source>&amp;Timeout per query:</source>
        <translation>問い合わせごとのタイムアウト(&amp;T):</translation>
    </message>
    <message>
        <source>Spamhaus DQS key</source>
        <translation>Spamhaus DQS キー</translation>
    </message>
    <message>
        <source>Optional: a free key from Spamhaus</source>
        <translation>任意: Spamhaus から無料で取得できるキー</translation>
    </message>
    <message>
        <source>Spamhaus D&amp;QS key:</source>
        <translation>Spamhaus DQS キー(&amp;Q):</translation>
    </message>
    <message>
        <source>Blocklists to check</source>
        <translation>確認するブロックリスト</translation>
    </message>
    <message>
        <source>&amp;Blocklists:</source>
        <translation>ブロックリスト(&amp;B):</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>A new language applies when Bounce Doctor starts again.</source>
        <translation>新しい言語は、Bounce Doctor を再起動すると適用されます。</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest &amp;message:</source>
        <translation>最大メッセージサイズ(&amp;M):</translation>
    </message>
    <message>
        <source>Most messages &amp;opened at once:</source>
        <translation>一度に開く最大メッセージ数(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Keep a history of cases</source>
        <translation>ケースの履歴を保存する(&amp;K)</translation>
    </message>
    <message>
        <source>Keep the bounce&apos;s own te&amp;xt in each case</source>
        <translation>各ケースにバウンスメールの本文を保存する(&amp;X)</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>無期限に保存</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Delete cases &amp;after:</source>
        <translation>ケースを削除するまでの期間(&amp;A):</translation>
    </message>
    <message>
        <source>Shared case history</source>
        <translation>共有のケース履歴</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>このコンピューターのみ</translation>
    </message>
    <message>
        <source>Shared &amp;history:</source>
        <translation>共有履歴(&amp;H):</translation>
    </message>
    <message>
        <source>For a team: postgresql://user:password@host:5432/database. Empty keeps the history in a file on this computer. Applies when Bounce Doctor starts again.</source>
        <translation>チーム向け: postgresql://user:password@host:5432/database の形式で入力します。空欄の場合、履歴はこのコンピューター上のファイルに保存されます。Bounce Doctor を再起動すると適用されます。</translation>
    </message>
</context>
<context>
    <name>BounceDoctor::SpfEvaluator</name>
    <message>
        <source>%1: not a usable domain name</source>
        <translation>%1: 使用できるドメイン名ではありません</translation>
    </message>
    <message>
        <source>the DNS lookup of %1 failed (%2)</source>
        <translation>%1 の DNS 検索に失敗しました（%2）</translation>
    </message>
    <message>
        <source>%1: no SPF record</source>
        <translation>%1: SPF レコードがありません</translation>
    </message>
    <message>
        <source>%1 publishes %2 SPF records; only one is allowed</source>
        <translation>%1 は SPF レコードを %2 件公開しています。許可されているのは 1 件だけです</translation>
    </message>
    <message>
        <source>syntax error in the SPF record of %1: %2</source>
        <translation>%1 の SPF レコードに構文エラーがあります: %2</translation>
    </message>
    <message>
        <source>no mechanism matched: neutral</source>
        <translation>一致するメカニズムがありません: neutral</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms</source>
        <translation>DNS 問い合わせを伴う項目が %1 個を超えています</translation>
    </message>
    <message>
        <source>bad redirect target</source>
        <translation>redirect の転送先が無効です</translation>
    </message>
    <message>
        <source>redirect loop back to %1</source>
        <translation>redirect が %1 に戻るループになっています</translation>
    </message>
    <message>
        <source>more than %1 DNS-querying terms (at %2)</source>
        <translation>DNS 問い合わせを伴う項目が %1 個を超えています（%2 の時点）</translation>
    </message>
    <message>
        <source>DNS lookup of %1 failed (%2) at %3</source>
        <translation>%1 の DNS 検索に失敗しました（%2）。場所: %3</translation>
    </message>
    <message>
        <source>more than %1 void lookups</source>
        <translation>結果が空の DNS 検索が %1 回を超えています</translation>
    </message>
    <message>
        <source>%1 has more than %2 MX records</source>
        <translation>%1 の MX レコードが %2 件を超えています</translation>
    </message>
    <message>
        <source>include loop back to %1</source>
        <translation>include が %1 に戻るループになっています</translation>
    </message>
    <message>
        <source>%1 has no SPF record for the include</source>
        <translation>include 先の %1 に SPF レコードがありません</translation>
    </message>
</context>
<context>
    <name>BounceReader</name>
    <message>
        <source>not an e-mail message (no headers)</source>
        <translation>メールメッセージではありません（ヘッダーがありません）</translation>
    </message>
    <message>
        <source>MIME parts are nested more than %1 levels deep</source>
        <translation>MIME パートの入れ子が %1 階層を超えています</translation>
    </message>
    <message>
        <source>the message has more than %1 MIME parts</source>
        <translation>メッセージの MIME パートが %1 個を超えています</translation>
    </message>
    <message>
        <source>the message holds more than %1 attached messages (counting messages inside messages)</source>
        <translation>メッセージに添付されたメッセージが %1 件を超えています（メッセージ内のメッセージも含む）</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields in its parts and attached messages</source>
        <translation>メッセージのパートと添付メッセージのヘッダーフィールドが合計 %1 個を超えています</translation>
    </message>
    <message>
        <source>the message declares more than %1 MIME multiparts</source>
        <translation>メッセージで宣言された MIME マルチパートが %1 個を超えています</translation>
    </message>
</context>
<context>
    <name>BounceReaderTr</name>
    <message>
        <source>message %1 is larger than the limit of %2 bytes</source>
        <translation>メッセージ %1 が上限の %2 バイトを超えています</translation>
    </message>
    <message>
        <source>message is larger than the limit of %1 bytes</source>
        <translation>メッセージが上限の %1 バイトを超えています</translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation>メッセージが空です</translation>
    </message>
    <message>
        <source>nothing was pasted</source>
        <translation>何も貼り付けられていません</translation>
    </message>
    <message>
        <source>cannot read standard input: %1</source>
        <translation>標準入力を読み込めません: %1</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>そのようなファイルやディレクトリはありません</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 を開けません: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the limit of %2 bytes for one message</source>
        <translation>%1 は、1 通あたりの上限である %2 バイトを超えています</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>a header line is longer than the limit of %1 bytes</source>
        <translation>ヘッダー行が上限の %1 バイトを超えています</translation>
    </message>
    <message>
        <source>the message has more than %1 header fields</source>
        <translation>メッセージのヘッダーフィールドが %1 個を超えています</translation>
    </message>
    <message>
        <source>stopped after %1 messages, the limit for one batch: %2 and what follows it were not read</source>
        <translation>1 回の上限である %1 件のメッセージで読み込みを停止しました。%2 以降は読み込まれていません</translation>
    </message>
    <message>
        <source>only the first %1 of its %2 recipients were read (the limit for one message)</source>
        <translation>%2 件の受信者のうち最初の %1 件だけを読み込みました (1 通あたりの上限)</translation>
    </message>
    <message>
        <source>it is a symbolic link to something that does not exist</source>
        <translation>存在しないものを指すシンボリックリンクです</translation>
    </message>
    <message>
        <source>it is a loop of symbolic links</source>
        <translation>シンボリックリンクがループしています</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>キャラクターデバイス</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ブロックデバイス</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>名前付きパイプ（FIFO）</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ソケット</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>通常のファイルではないもの</translation>
    </message>
    <message>
        <source>cannot read %1: it is %2; only files, folders and Maildirs are read</source>
        <translation>%1 を読み込めません: %2 です。読み込めるのはファイル、フォルダー、Maildir だけです</translation>
    </message>
    <message>
        <source>cannot read the folder %1: %2</source>
        <translation>フォルダー %1 を読み込めません: %2</translation>
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
        <translation>Gmail、Yahoo、Outlook.com の大量送信者向けルール</translation>
    </message>
    <message>
        <source>Gmail and Yahoo (since February 2024) and Outlook.com (since May 2025) require it of senders of over 5,000 messages a day.</source>
        <translation>Gmail と Yahoo（2024 年 2 月から）および Outlook.com（2025 年 5 月から）は、1 日に 5,000 通を超えるメッセージを送信する送信者にこれを求めています。</translation>
    </message>
    <message>
        <source>Gmail and Yahoo sender rule</source>
        <translation>Gmail と Yahoo の送信者向けルール</translation>
    </message>
    <message>
        <source>Gmail and Yahoo require it of every sender since February 2024, bulk or not.</source>
        <translation>Gmail と Yahoo は 2024 年 2 月から、大量送信かどうかにかかわらず、すべての送信者にこれを求めています。</translation>
    </message>
    <message>
        <source>Gmail and Yahoo ignore DKIM keys under 1024 bits.</source>
        <translation>Gmail と Yahoo は 1024 ビット未満の DKIM 鍵を無視します。</translation>
    </message>
    <message>
        <source>RFC 5322</source>
        <translation>RFC 5322</translation>
    </message>
    <message>
        <source>Every message needs a Message-ID and a Date (RFC 5322); Gmail rejects mail without them.</source>
        <translation>すべてのメッセージには Message-ID と Date が必要です（RFC 5322）。Gmail はこれらがないメールを拒否します。</translation>
    </message>
    <message>
        <source>SPF passed at the receiver.</source>
        <translation>受信側で SPF が成功しました。</translation>
    </message>
    <message>
        <source>SPF did not pass at the receiver (%1).</source>
        <translation>受信側で SPF が成功しませんでした（%1）。</translation>
    </message>
    <message>
        <source>SPF passes for the sending IP address.</source>
        <translation>送信元 IP アドレスで SPF が成功します。</translation>
    </message>
    <message>
        <source>SPF does not pass for the sending IP address.</source>
        <translation>送信元 IP アドレスでは SPF が成功しません。</translation>
    </message>
    <message>
        <source>Could not check whether SPF passes: the bounce shows no result and the live check gave none.</source>
        <translation>SPF が成功するかどうかを確認できませんでした。バウンスメールに結果が記載されておらず、ライブチェックでも結果が得られませんでした。</translation>
    </message>
    <message>
        <source>Could not check whether DKIM passes: the bounce does not show the receiver&apos;s result.</source>
        <translation>DKIM が成功するかどうかを確認できませんでした。バウンスメールに受信側の結果が記載されていません。</translation>
    </message>
    <message>
        <source>DKIM passed at the receiver.</source>
        <translation>受信側で DKIM が成功しました。</translation>
    </message>
    <message>
        <source>DKIM did not pass at the receiver (%1).</source>
        <translation>受信側で DKIM が成功しませんでした（%1）。</translation>
    </message>
    <message>
        <source>A DMARC policy is published (p=none is enough).</source>
        <translation>DMARC ポリシーが公開されています（p=none で十分です）。</translation>
    </message>
    <message>
        <source>No usable DMARC policy is published.</source>
        <translation>使用できる DMARC ポリシーが公開されていません。</translation>
    </message>
    <message>
        <source>Could not check whether a DMARC policy is published.</source>
        <translation>DMARC ポリシーが公開されているかどうかを確認できませんでした。</translation>
    </message>
    <message>
        <source>The From domain is aligned with SPF or DKIM.</source>
        <translation>差出人（From）ドメインは SPF または DKIM とアライメントが取れています。</translation>
    </message>
    <message>
        <source>The From domain is aligned with neither SPF nor DKIM.</source>
        <translation>差出人（From）ドメインは SPF とも DKIM ともアライメントが取れていません。</translation>
    </message>
    <message>
        <source>Could not check alignment: the bounce does not show the receiver&apos;s SPF and DKIM results.</source>
        <translation>アライメントを確認できませんでした。バウンスメールに受信側の SPF と DKIM の結果が記載されていません。</translation>
    </message>
    <message>
        <source>The sending IP has forward-confirmed reverse DNS.</source>
        <translation>送信元 IP の逆引き DNS は正引き確認済みです。</translation>
    </message>
    <message>
        <source>The sending IP lacks forward-confirmed reverse DNS.</source>
        <translation>送信元 IP の逆引き DNS は正引き確認されていません。</translation>
    </message>
    <message>
        <source>Could not check the sending IP&apos;s reverse DNS.</source>
        <translation>送信元 IP の逆引き DNS を確認できませんでした。</translation>
    </message>
    <message>
        <source>The DKIM key is valid and at least 1024 bits long.</source>
        <translation>DKIM 鍵は有効で、長さは 1024 ビット以上です。</translation>
    </message>
    <message>
        <source>The DKIM key is missing, broken or under 1024 bits.</source>
        <translation>DKIM 鍵がないか、壊れているか、1024 ビット未満です。</translation>
    </message>
    <message>
        <source>Could not check the DKIM key&apos;s length.</source>
        <translation>DKIM 鍵の長さを確認できませんでした。</translation>
    </message>
    <message>
        <source>Could not check that the message travelled over TLS: Bounce Doctor does not read the returned message&apos;s Received chain yet.</source>
        <translation>メッセージが TLS で送信されたかどうかを確認できませんでした。Bounce Doctor は、返送されたメッセージの Received ヘッダーをまだ読み取りません。</translation>
    </message>
    <message>
        <source>Could not check one-click unsubscribe (List-Unsubscribe with List-Unsubscribe-Post, RFC 8058): Bounce Doctor does not read those headers of the returned message yet.</source>
        <translation>ワンクリックでの配信停止（List-Unsubscribe と List-Unsubscribe-Post、RFC 8058）を確認できませんでした。Bounce Doctor は、返送されたメッセージのこれらのヘッダーをまだ読み取りません。</translation>
    </message>
    <message>
        <source>Could not check the Message-ID: the bounce did not return it.</source>
        <translation>Message-ID を確認できませんでした。バウンスメールに含まれていません。</translation>
    </message>
    <message>
        <source>The message has a valid Message-ID.</source>
        <translation>メッセージに有効な Message-ID があります。</translation>
    </message>
    <message>
        <source>The Message-ID &quot;%1&quot; is not valid: it must look like &lt;unique@domain&gt;.</source>
        <translation>Message-ID「%1」は無効です。&lt;unique@domain&gt; のような形式である必要があります。</translation>
    </message>
    <message>
        <source>Could not check the Date: the bounce did not return it.</source>
        <translation>Date を確認できませんでした。バウンスメールに含まれていません。</translation>
    </message>
    <message>
        <source>The message has a valid Date.</source>
        <translation>メッセージに有効な Date があります。</translation>
    </message>
    <message>
        <source>The Date &quot;%1&quot; is not a valid RFC 5322 date.</source>
        <translation>Date「%1」は、RFC 5322 に準拠した有効な日付ではありません。</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>Could not check %1: %2</source>
        <translation>%1 を確認できませんでした: %2</translation>
    </message>
    <message>
        <source>The DNS question could not be answered, so this says nothing either way. Check your network and DNS server settings, then run the check again.</source>
        <translation>DNS の問い合わせに応答が得られなかったため、この項目からは何も判断できません。ネットワークと DNS サーバーの設定を確認してから、もう一度チェックを実行してください。</translation>
    </message>
</context>
<context>
    <name>ContactCheck</name>
    <message>
        <source>No recipient domain to write to.</source>
        <translation>連絡先となる受信者のドメインがありません。</translation>
    </message>
    <message>
        <source>Write to %1: %2</source>
        <translation>%1 に連絡: %2</translation>
    </message>
    <message>
        <source>The recipient&apos;s server names %1 for help.</source>
        <translation>受信者のサーバーは、問い合わせ先として %1 を示しています。</translation>
    </message>
    <message>
        <source>No message to the recipient&apos;s IT is needed: the fix is on your side.</source>
        <translation>受信者側の IT 部門に連絡する必要はありません。修正が必要なのはあなたの側です。</translation>
    </message>
    <message>
        <source>Reach %1 another way: a personal mailbox has no IT to write to.</source>
        <translation>%1 には別の手段で連絡してください。個人のメールボックスには、連絡先となる IT 部門がありません。</translation>
    </message>
    <message>
        <source>A page of %1 for senders.</source>
        <translation>%1 の送信者向けページです。</translation>
    </message>
</context>
<context>
    <name>ContactDraftTr</name>
    <message>
        <source>%1 (sending IP %2)</source>
        <translation>%1（送信元 IP: %2）</translation>
    </message>
    <message>
        <source>Could you please add %1 to your allowed senders, or tell us which rule refused the message?</source>
        <translation>恐れ入りますが、%1 を送信許可リストに追加していただくか、どのルールによってメールが拒否されたのかお教えいただけますでしょうか。</translation>
    </message>
    <message>
        <source>Could you please check why your server refused mail from %1, and allow-list it if you can?</source>
        <translation>恐れ入りますが、貴社サーバーが %1 からのメールを拒否した理由をご確認いただき、可能であれば許可リストに追加していただけますでしょうか。</translation>
    </message>
    <message>
        <source>Could you please confirm whether this mailbox exists and is active, or give us the right address?</source>
        <translation>恐れ入りますが、このメールボックスが存在し、現在も使用されているかどうかをご確認いただくか、正しいアドレスをお教えいただけますでしょうか。</translation>
    </message>
    <message>
        <source>Could you please check the mailbox&apos;s storage or size limits?</source>
        <translation>恐れ入りますが、このメールボックスの容量やサイズの上限をご確認いただけますでしょうか。</translation>
    </message>
    <message>
        <source>Could you please check that your domain&apos;s MX records point to your mail server, and that it accepts mail for this address?</source>
        <translation>恐れ入りますが、貴社ドメインの MX レコードが貴社のメールサーバーを指しているか、また、そのサーバーがこのアドレス宛てのメールを受け付ける設定になっているかをご確認いただけますでしょうか。</translation>
    </message>
    <message>
        <source>We are checking our SPF, DKIM and DMARC set-up; could you tell us which check failed on your side?</source>
        <translation>弊社でも SPF、DKIM、DMARC の設定を確認しております。貴社側でどのチェックに失敗したのかお教えいただけますでしょうか。</translation>
    </message>
    <message>
        <source>Could you please look into this error and tell us what we should change?</source>
        <translation>恐れ入りますが、このエラーについてご確認いただき、弊社側で変更すべき点をお教えいただけますでしょうか。</translation>
    </message>
    <message>
        <source>our address</source>
        <translation>弊社のアドレス</translation>
    </message>
    <message>
        <source>Email to %1 was rejected by your server</source>
        <translation>%1 宛てのメールが貴社サーバーで受信拒否された件について</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>ご担当者様</translation>
    </message>
    <message>
        <source>We tried to send an email to %1, and your mail server rejected it. We would be grateful for your help.</source>
        <translation>突然のご連絡失礼いたします。%1 宛てにメールを送信したところ、貴社のメールサーバーにて受信が拒否されました。お力添えをいただけますと幸いです。</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>詳細は以下のとおりです。</translation>
    </message>
    <message>
        <source>  Date: %1</source>
        <translation>  日時: %1</translation>
    </message>
    <message>
        <source>  Sender: %1</source>
        <translation>  送信者: %1</translation>
    </message>
    <message>
        <source>  Sending IP: %1</source>
        <translation>  送信元 IP: %1</translation>
    </message>
    <message>
        <source>  Recipient: %1</source>
        <translation>  宛先: %1</translation>
    </message>
    <message>
        <source>  Your server: %1</source>
        <translation>  貴社サーバー: %1</translation>
    </message>
    <message>
        <source>  Your server&apos;s reply: %1</source>
        <translation>  貴社サーバーからの応答: %1</translation>
    </message>
    <message>
        <source>Thank you,</source>
        <translation>よろしくお願いいたします。</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Follow the other steps.</source>
        <translation>修正が必要なのは受信者側ではなく、あなたの側です。受信者側の IT 部門に連絡しても解決しません。ほかの手順に従ってください。</translation>
    </message>
    <message>
        <source>The fix is on your side, not the recipient&apos;s: writing to their IT would not change it. Use %1&apos;s pages for senders below once the cause is fixed.</source>
        <translation>修正が必要なのは受信者側ではなく、あなたの側です。受信者側の IT 部門に連絡しても解決しません。原因を解消したら、下にある %1 の送信者向けページを利用してください。</translation>
    </message>
    <message>
        <source>%1 is a personal mailbox at %2, whose postmaster address nobody reads. Reach the person another way (phone, another address) and tell them their mail does not arrive.</source>
        <translation>%1 は %2 の個人用メールボックスで、その postmaster アドレスは誰も読んでいません。電話や別のアドレスなど別の手段で本人に連絡し、メールが届いていないことを伝えてください。</translation>
    </message>
    <message>
        <source>If %1 refused your mail, use its pages for senders below.</source>
        <translation>%1 がメールを拒否した場合は、下にある送信者向けページを利用してください。</translation>
    </message>
</context>
<context>
    <name>DkimKeyTr</name>
    <message>
        <source>the public key (p=) is not valid base64</source>
        <translation>公開鍵（p=）が有効な Base64 ではありません</translation>
    </message>
    <message>
        <source>the ed25519 public key is not a valid 32-byte key</source>
        <translation>ed25519 公開鍵が有効な 32 バイトの鍵ではありません</translation>
    </message>
    <message>
        <source>the public key (p=) cannot be read as an RSA key</source>
        <translation>公開鍵（p=）を RSA 鍵として読み取れません</translation>
    </message>
    <message>
        <source>the public key (p=) is not an RSA key although k=rsa</source>
        <translation>k=rsa なのに、公開鍵（p=）が RSA 鍵ではありません</translation>
    </message>
    <message>
        <source>an empty tag between two &apos;;&apos;</source>
        <translation>2 つの「;」の間に空のタグがあります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form tag=value</source>
        <translation>「%1」は タグ=値 の形式ではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag name</source>
        <translation>「%1」は有効なタグ名ではありません</translation>
    </message>
    <message>
        <source>the tag &quot;%1&quot; appears more than once</source>
        <translation>タグ「%1」が複数回出現しています</translation>
    </message>
    <message>
        <source>v= must be the first tag</source>
        <translation>v= は最初のタグである必要があります</translation>
    </message>
    <message>
        <source>v=%1 is not DKIM1</source>
        <translation>v=%1 は DKIM1 ではありません</translation>
    </message>
    <message>
        <source>unknown key type k=%1</source>
        <translation>不明な鍵の種類です: k=%1</translation>
    </message>
    <message>
        <source>unknown hash algorithm h=%1</source>
        <translation>不明なハッシュアルゴリズムです: h=%1</translation>
    </message>
    <message>
        <source>the record has no public key (p= is missing)</source>
        <translation>レコードに公開鍵がありません（p= がありません）</translation>
    </message>
    <message>
        <source>the key is not for email (s=%1)</source>
        <translation>この鍵はメール用ではありません（s=%1）</translation>
    </message>
</context>
<context>
    <name>DmarcRecordTr</name>
    <message>
        <source>the record must start with v=DMARC1</source>
        <translation>レコードは v=DMARC1 で始まる必要があります</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a mailto: address</source>
        <translation>%1: 「%2」は mailto: アドレスではありません</translation>
    </message>
    <message>
        <source>%1=%2 is not none, quarantine or reject</source>
        <translation>%1=%2 は none、quarantine、reject のいずれでもありません</translation>
    </message>
    <message>
        <source>p= should come right after v=DMARC1</source>
        <translation>p= は v=DMARC1 の直後に置く必要があります</translation>
    </message>
    <message>
        <source>pct=%1 is not a number from 0 to 100</source>
        <translation>pct=%1 は 0～100 の数値ではありません</translation>
    </message>
    <message>
        <source>%1=%2 is not r (relaxed) or s (strict)</source>
        <translation>%1=%2 は r（relaxed）でも s（strict）でもありません</translation>
    </message>
    <message>
        <source>fo=%1: unknown option &quot;%2&quot;</source>
        <translation>fo=%1: 不明なオプション「%2」です</translation>
    </message>
    <message>
        <source>ri=%1 is not a number of seconds</source>
        <translation>ri=%1 は秒数ではありません</translation>
    </message>
    <message>
        <source>rf=%1: only afrf is defined</source>
        <translation>rf=%1: 定義されているのは afrf のみです</translation>
    </message>
    <message>
        <source>v= appears more than once</source>
        <translation>v= が複数回出現しています</translation>
    </message>
    <message>
        <source>unknown tag &quot;%1&quot; (receivers ignore it)</source>
        <translation>不明なタグ「%1」です（受信側では無視されます）</translation>
    </message>
    <message>
        <source>the required policy tag p= is missing or invalid</source>
        <translation>必須のポリシータグ p= がないか、無効です</translation>
    </message>
</context>
<context>
    <name>Knowledge</name>
    <message>
        <source>The receiving server could not confirm that your server may send for your domain. Your domain&apos;s SPF, DKIM or DMARC records are missing or do not match the server that sent the message. Whoever runs your email needs to fix these DNS records.</source>
        <translation>受信サーバーは、あなたのサーバーがあなたのドメインからメールを送信してよいことを確認できませんでした。ドメインの SPF、DKIM、DMARC レコードがないか、メッセージを送信したサーバーと一致していません。メールの管理担当者がこれらの DNS レコードを修正する必要があります。</translation>
    </message>
    <message>
        <source>The message failed the sender authentication checks (SPF, DKIM or DMARC).</source>
        <translation>メッセージが送信者認証（SPF、DKIM、DMARC）に失敗しました。</translation>
    </message>
    <message>
        <source>Your sending server or domain has a poor reputation with this provider, usually because of spam complaints, sudden volume or little sending history. Check blocklists, reduce volume and make sure recipients want your mail; the provider relaxes limits as the reputation recovers.</source>
        <translation>あなたの送信サーバーまたはドメインは、このプロバイダーからの評価（レピュテーション）が低くなっています。通常はスパムの苦情、急な送信量の増加、送信実績の少なさが原因です。ブロックリストを確認し、送信量を減らし、受信者が本当にあなたのメールを望んでいるかを確認してください。評価が回復すれば、プロバイダーは制限を緩めます。</translation>
    </message>
    <message>
        <source>The receiving provider does not trust mail from your server right now.</source>
        <translation>受信側のプロバイダーは、現在あなたのサーバーからのメールを信頼していません。</translation>
    </message>
    <message>
        <source>The receiving server refused the connection because of the IP address or name of the server that sent your mail, often because it is on a blocklist or has a poor reputation. Check whether your sending IP is listed and ask to be delisted; if you use a mail service, tell them.</source>
        <translation>受信サーバーは、あなたのメールを送信したサーバーの IP アドレスまたは名前を理由に接続を拒否しました。多くの場合、ブロックリストに登録されているか、評価が低いことが原因です。送信元 IP が登録されていないか確認し、登録解除を依頼してください。メールサービスを利用している場合は、その事業者に連絡してください。</translation>
    </message>
    <message>
        <source>The receiving server blocked your sending server.</source>
        <translation>受信サーバーがあなたの送信サーバーをブロックしました。</translation>
    </message>
    <message>
        <source>Something in the message&apos;s format (character encoding, headers or attachments) was not acceptable to the receiving server. Try sending it again in a simpler form, for example without unusual attachments or characters.</source>
        <translation>メッセージの形式（文字コード、ヘッダー、添付ファイル）に、受信サーバーが受け付けないものがありました。特殊な添付ファイルや文字を使わないなど、よりシンプルな形式で再送信してみてください。</translation>
    </message>
    <message>
        <source>The receiving server could not handle the message&apos;s content or format.</source>
        <translation>受信サーバーは、メッセージの内容または形式を処理できませんでした。</translation>
    </message>
    <message>
        <source>This report says the message reached the recipient&apos;s server. Nothing needs fixing.</source>
        <translation>このレポートは、メッセージが受信者のサーバーに届いたことを示しています。修正の必要はありません。</translation>
    </message>
    <message>
        <source>The message was delivered.</source>
        <translation>メッセージは配送されました。</translation>
    </message>
    <message>
        <source>Your server kept trying to deliver the message for hours or days but the recipient&apos;s server never accepted it, usually because it was unreachable or kept deferring. Check that the recipient&apos;s domain is correct and its mail server is working, then send again.</source>
        <translation>あなたのサーバーは数時間から数日にわたって配送を試みましたが、受信者のサーバーは一度も受け付けませんでした。通常は、相手のサーバーに接続できないか、受信の保留が続いたことが原因です。受信者のドメインが正しく、相手のメールサーバーが動作していることを確認してから、再送信してください。</translation>
    </message>
    <message>
        <source>The message could not be delivered in time and was given up.</source>
        <translation>メッセージを時間内に配送できなかったため、配送が打ち切られました。</translation>
    </message>
    <message>
        <source>The receiving server requires an encrypted (TLS) connection and the two servers could not set one up. Whoever runs your mail server should check its TLS settings and certificates.</source>
        <translation>受信サーバーは暗号化（TLS）接続を必要としていますが、両方のサーバー間で暗号化接続を確立できませんでした。メールサーバーの管理担当者が TLS の設定と証明書を確認する必要があります。</translation>
    </message>
    <message>
        <source>The servers could not agree on an encrypted connection.</source>
        <translation>サーバー間で暗号化接続を確立できませんでした。</translation>
    </message>
    <message>
        <source>This is a complaint report from the recipient&apos;s mail provider: someone marked your message as unwanted. Stop sending to this recipient and make sure everyone on your list asked for your mail; many complaints harm delivery to everyone.</source>
        <translation>これは受信者のメールプロバイダーからの苦情レポートで、誰かがあなたのメッセージを不要なメールとして報告したことを示しています。この受信者への送信を停止し、リストに載っている全員があなたのメールを希望しているか確認してください。苦情が多いと、すべての宛先への配信に悪影響が出ます。</translation>
    </message>
    <message>
        <source>A recipient reported your message as spam.</source>
        <translation>受信者があなたのメッセージを迷惑メールとして報告しました。</translation>
    </message>
    <message>
        <source>The recipient (or their mail system) has set rules that refuse mail like this one, for example from senders they have not approved. Reach the recipient another way and ask them to allow your address.</source>
        <translation>受信者（またはそのメールシステム）に、このようなメールを拒否するルールが設定されています。たとえば、承認されていない送信者からのメールを拒否するルールです。別の手段で受信者に連絡し、あなたのアドレスを許可するよう依頼してください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s filters refused the message.</source>
        <translation>受信者のフィルターがメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>This address used to work, but the recipient no longer receives mail here and the server does not forward it. Ask the recipient for their new address.</source>
        <translation>このアドレスは以前は使えましたが、受信者はもうこのアドレスでメールを受け取っておらず、サーバーも転送していません。受信者に新しいアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The recipient has moved to another address.</source>
        <translation>受信者は別のアドレスに移行しました。</translation>
    </message>
    <message>
        <source>The part of the address after the @ does not exist in DNS, or has no mail server. It is usually a typing mistake in the domain or a domain that has expired. Check the spelling of the domain.</source>
        <translation>アドレスの @ の後の部分が DNS に存在しないか、メールサーバーがありません。多くの場合、ドメインの入力ミスか、有効期限が切れたドメインです。ドメインのつづりを確認してください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not exist or cannot receive email.</source>
        <translation>受信者のドメインが存在しないか、メールを受信できません。</translation>
    </message>
    <message>
        <source>The recipient has used up their storage space, so the server cannot take new messages for now. Wait and try again later, or tell the recipient by another channel so they can make room.</source>
        <translation>受信者のメールボックスの容量がいっぱいのため、サーバーは現在新しいメッセージを受け取れません。時間をおいて再送信するか、別の手段で受信者に伝えて空き容量を確保してもらってください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>受信者のメールボックスがいっぱいです。</translation>
    </message>
    <message>
        <source>The recipient&apos;s server hands mail to a program (a filter or delivery script), and that program failed. The recipient&apos;s IT needs to look at it.</source>
        <translation>受信者のサーバーは、メールをプログラム（フィルターや配送スクリプト）に渡していますが、そのプログラムでエラーが発生しました。受信者側の IT 部門による確認が必要です。</translation>
    </message>
    <message>
        <source>A program on the recipient&apos;s server failed while delivering.</source>
        <translation>配送中に、受信者のサーバー上のプログラムでエラーが発生しました。</translation>
    </message>
    <message>
        <source>Your server could not talk to the recipient&apos;s mail server properly: the connection failed, was cut, or DNS could not be asked. It is often temporary; if it keeps happening, the recipient&apos;s IT should check their mail server and DNS.</source>
        <translation>あなたのサーバーは、受信者のメールサーバーと正常に通信できませんでした。接続に失敗したか、途中で切断されたか、DNS に問い合わせできませんでした。一時的な問題であることが多いですが、繰り返し発生する場合は、受信者側の IT 部門がメールサーバーと DNS を確認する必要があります。</translation>
    </message>
    <message>
        <source>A network problem stopped the delivery.</source>
        <translation>ネットワークの問題により配送が停止しました。</translation>
    </message>
    <message>
        <source>The server refused to pass the message on (relaying denied).</source>
        <translation>サーバーがメッセージの中継を拒否しました（relaying denied）。</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain has declared that it receives no mail (a null MX record), or its server refuses all mail. Check that you have the right domain; otherwise reach the recipient another way.</source>
        <translation>受信者のドメインは、メールを受信しないと宣言している（null MX レコード）か、そのサーバーがすべてのメールを拒否しています。ドメインが正しいか確認し、正しい場合は別の手段で受信者に連絡してください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain does not accept email at all.</source>
        <translation>受信者のドメインは、メールを一切受け付けていません。</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because its headers break the email format rules (for example several From or Date headers, or a malformed header). The program that created the message needs fixing.</source>
        <translation>メッセージのヘッダーがメールの形式ルールに違反しているため、受信サーバーが拒否しました（たとえば From や Date ヘッダーが複数ある、ヘッダーの形式が正しくないなど）。メッセージを作成したプログラムの修正が必要です。</translation>
    </message>
    <message>
        <source>The message does not follow the email standards.</source>
        <translation>メッセージがメールの標準規格に準拠していません。</translation>
    </message>
    <message>
        <source>The receiving side reported a failure without a clear reason. Read the server&apos;s exact words below; if they do not help, ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>受信側は、明確な理由を示さずにエラーを報告しました。下に表示されているサーバーの応答（原文）を読んでください。それでもわからない場合は、日時とエラーの文面を添えて、受信者側の IT 部門に問い合わせてください。</translation>
    </message>
    <message>
        <source>The message was not delivered, and the bounce does not say exactly why.</source>
        <translation>メッセージは配送されませんでしたが、バウンスメールには正確な理由が書かれていません。</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation has rules about what mail it accepts (senders, content, attachments or how messages are formatted), and this message did not meet them. Ask the recipient&apos;s IT which rule applies.</source>
        <translation>受信者の組織には、受け付けるメールについてのルール（送信者、内容、添付ファイル、メッセージの形式など）があり、このメッセージはそれを満たしていませんでした。どのルールが該当するのか、受信者側の IT 部門に問い合わせてください。</translation>
    </message>
    <message>
        <source>The message broke a policy of the receiving organisation.</source>
        <translation>メッセージが受信側の組織のポリシーに違反しました。</translation>
    </message>
    <message>
        <source>The server did not accept the address the message was sent from (the envelope sender): it may look invalid, belong to a domain that does not exist, or be on the server&apos;s block list. Check the address your mail program or service sends from.</source>
        <translation>サーバーは、メッセージの送信元アドレス（エンベロープ送信者）を受け付けませんでした。アドレスが無効に見えるか、存在しないドメインのものか、サーバーのブロックリストに登録されている可能性があります。お使いのメールソフトやサービスが使っている送信元アドレスを確認してください。</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address.</source>
        <translation>受信サーバーがあなたの送信者アドレスを拒否しました。</translation>
    </message>
    <message>
        <source>The receiving server requires the IP address your mail comes from to have a reverse DNS (PTR) record that points to a name which points back to the same address. Whoever runs your mail server must set this up with their hosting or internet provider.</source>
        <translation>受信サーバーは、メールの送信元 IP アドレスに逆引き DNS（PTR）レコードがあり、その名前が同じアドレスに正引きで戻ることを求めています。メールサーバーの管理担当者が、ホスティング事業者またはインターネットプロバイダーに依頼して設定する必要があります。</translation>
    </message>
    <message>
        <source>Your sending server has no valid reverse DNS name.</source>
        <translation>あなたの送信サーバーに有効な逆引き DNS 名がありません。</translation>
    </message>
    <message>
        <source>The receiving server rejected the message because of a security or authorization check: for example the sender could not be verified, or your server was not allowed to send this message. Check your authentication set-up and ask the recipient&apos;s IT for details.</source>
        <translation>セキュリティまたは認可のチェックにより、受信サーバーがメッセージを拒否しました。たとえば、送信者を確認できなかったか、あなたのサーバーにこのメッセージの送信が許可されていませんでした。認証の設定を確認し、詳細を受信者側の IT 部門に問い合わせてください。</translation>
    </message>
    <message>
        <source>The receiving server refused the message for a security reason.</source>
        <translation>受信サーバーがセキュリティ上の理由でメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>The content of the message, its links or its formatting looked like spam to the receiving server&apos;s filter. Review the content (links, attachments, wording, images only), make sure the recipient expects it, and check your authentication set-up.</source>
        <translation>メッセージの内容、リンク、または書式が、受信サーバーのフィルターにスパムと判断されました。内容（リンク、添付ファイル、文面、画像だけのメールになっていないか）を見直し、受信者がそのメールを待っていることを確認し、認証の設定も確認してください。</translation>
    </message>
    <message>
        <source>The receiving server thinks the message is spam.</source>
        <translation>受信サーバーがメッセージをスパムと判断しました。</translation>
    </message>
    <message>
        <source>Your sending service has stopped sending to this address because earlier messages to it bounced or were reported. Check the address, and remove it from the suppression list only if you are sure it works again.</source>
        <translation>以前このアドレスへのメッセージがバウンスしたか報告されたため、送信サービスがこのアドレスへの送信を停止しています。アドレスを確認し、再び使えることが確実な場合にのみ、配信停止リストから削除してください。</translation>
    </message>
    <message>
        <source>Your mail service did not send it: the address is on its suppression list.</source>
        <translation>このアドレスが配信停止リストに登録されているため、メールサービスは送信しませんでした。</translation>
    </message>
    <message>
        <source>The mailbox exists but has been switched off, for example because the account was suspended, left unused for a long time, or not paid for. Reach the recipient another way and ask them to reactivate it or give you another address.</source>
        <translation>メールボックスは存在しますが、停止されています。たとえば、アカウントが停止された、長期間使われていない、料金が支払われていない、といった理由です。別の手段で受信者に連絡し、再開してもらうか、別のアドレスを教えてもらってください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is disabled.</source>
        <translation>受信者のメールボックスは無効になっています。</translation>
    </message>
    <message>
        <source>The receiving server said a command from your server was malformed or out of order. Whoever runs your mail server or sending software should look at it.</source>
        <translation>受信サーバーによると、あなたのサーバーから送られたコマンドの形式または順序が正しくありませんでした。メールサーバーまたは送信ソフトウェアの管理担当者による確認が必要です。</translation>
    </message>
    <message>
        <source>The servers did not understand each other.</source>
        <translation>サーバー間で通信がかみ合いませんでした。</translation>
    </message>
    <message>
        <source>Something went wrong on the recipient&apos;s mail server (a configuration error or an internal failure). It is not caused by your message; try again later, and tell the recipient&apos;s IT if it keeps happening.</source>
        <translation>受信者のメールサーバーで問題（設定ミスまたは内部エラー）が発生しました。あなたのメッセージが原因ではありません。時間をおいて再送信し、繰り返し発生する場合は受信者側の IT 部門に伝えてください。</translation>
    </message>
    <message>
        <source>The receiving mail system had an internal problem.</source>
        <translation>受信側のメールシステムで内部的な問題が発生しました。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail server has no room left to store incoming mail. It is the recipient&apos;s IT who must fix it; try again later.</source>
        <translation>受信者のメールサーバーに、受信メールを保存する空き容量がありません。これを解決できるのは受信者側の IT 部門です。時間をおいて再送信してください。</translation>
    </message>
    <message>
        <source>The receiving mail system is out of space.</source>
        <translation>受信側のメールシステムの容量が不足しています。</translation>
    </message>
    <message>
        <source>The bounce gives no usable reason. Check the recipient&apos;s address, then ask the recipient&apos;s IT, giving them the date and the error text.</source>
        <translation>バウンスメールに有用な理由が書かれていません。受信者のアドレスを確認してから、日時とエラーの文面を添えて、受信者側の IT 部門に問い合わせてください。</translation>
    </message>
    <message>
        <source>The message was not delivered, for a reason the bounce does not give.</source>
        <translation>メッセージは配送されませんでした。理由はバウンスメールに書かれていません。</translation>
    </message>
    <message>
        <source>The receiving server says there is no mailbox with this name. The address may be misspelled, or the person may have left the organisation or closed the account. Check the spelling, or ask the recipient for their current address; sending again to the same address will not work.</source>
        <translation>受信サーバーによると、この名前のメールボックスは存在しません。アドレスのつづりが間違っているか、相手が組織を離れたかアカウントを削除した可能性があります。つづりを確認するか、受信者に現在のアドレスを確認してください。同じアドレスに再送信しても届きません。</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist.</source>
        <translation>受信者のアドレスが存在しません。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox answered automatically, for example because they are away. Your message was delivered.</source>
        <translation>不在などの理由で、受信者のメールボックスが自動で返信しました。あなたのメッセージは配送されています。</translation>
    </message>
    <message>
        <source>This is an automatic reply, not a failure.</source>
        <translation>これは自動返信であり、配送エラーではありません。</translation>
    </message>
    <message>
        <source>The message or one of its attachments was detected as malware, or contained a file type the recipient does not allow. Scan your computer, and send documents in a safe format or through a link.</source>
        <translation>メッセージまたは添付ファイルがマルウェアとして検出されたか、受信者が許可していない種類のファイルが含まれていました。お使いのパソコンをスキャンし、文書は安全な形式で送るか、リンクで共有してください。</translation>
    </message>
    <message>
        <source>The receiving server found a virus or dangerous attachment.</source>
        <translation>受信サーバーがウイルスまたは危険な添付ファイルを検出しました。</translation>
    </message>
    <message>
        <source>Microsoft keeps its own block list and your sending IP is on it. Whoever runs your mail server can request removal through Microsoft&apos;s sender support (delisting) page; if you use a mail service, contact them.</source>
        <translation>Microsoft は独自のブロックリストを運用しており、あなたの送信元 IP がそれに登録されています。メールサーバーの管理担当者は、Microsoft の送信者サポート（登録解除）ページから削除を依頼できます。メールサービスを利用している場合は、その事業者に連絡してください。</translation>
    </message>
    <message>
        <source>Microsoft (Outlook/Hotmail) blocked your sending IP address.</source>
        <translation>Microsoft（Outlook/Hotmail）があなたの送信元 IP アドレスをブロックしました。</translation>
    </message>
    <message>
        <source>Microsoft 365 rejects mail from your IP because it is on its block list or has been banned for spam. Request delisting through Microsoft&apos;s delist portal, and check that your server is not sending spam.</source>
        <translation>Microsoft 365 は、あなたの IP がブロックリストに登録されているか、スパムを理由に禁止されているため、その IP からのメールを拒否しています。Microsoft の登録解除ポータルから解除を依頼し、あなたのサーバーがスパムを送信していないか確認してください。</translation>
    </message>
    <message>
        <source>Microsoft refused mail from your sending IP address (banned or listed).</source>
        <translation>Microsoft があなたの送信元 IP アドレスからのメールを拒否しました（禁止またはリスト登録）。</translation>
    </message>
    <message>
        <source>Your domain publishes a DMARC policy that says to reject mail that fails authentication, and this message failed SPF and DKIM alignment. Fix SPF and DKIM for the server that sent it.</source>
        <translation>あなたのドメインは、認証に失敗したメールを拒否するよう指定した DMARC ポリシーを公開しており、このメッセージは SPF と DKIM のアライメントに失敗しました。送信したサーバーの SPF と DKIM を修正してください。</translation>
    </message>
    <message>
        <source>Microsoft rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>ドメインの DMARC ポリシーに不合格だったため、Microsoft がメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>Outlook.com requires domains that send a lot of mail to have SPF, DKIM and DMARC in place and passing. Set up all three for your sending domain.</source>
        <translation>Outlook.com は、大量にメールを送信するドメインに対して、SPF、DKIM、DMARC をすべて設定し、合格していることを求めています。送信ドメインにこの 3 つすべてを設定してください。</translation>
    </message>
    <message>
        <source>Microsoft requires stronger authentication from high-volume senders.</source>
        <translation>Microsoft は、大量送信者により強力な認証を求めています。</translation>
    </message>
    <message>
        <source>Your domain&apos;s SPF record does not list the server that sent this message. Add the sending server or service to your SPF record.</source>
        <translation>あなたのドメインの SPF レコードに、このメッセージを送信したサーバーが記載されていません。送信サーバーまたは送信サービスを SPF レコードに追加してください。</translation>
    </message>
    <message>
        <source>The message failed the SPF check at Microsoft.</source>
        <translation>メッセージが Microsoft の SPF チェックに失敗しました。</translation>
    </message>
    <message>
        <source>Microsoft 365 only accepts mail for sending from signed-in users. Turn on &apos;my outgoing server requires authentication&apos; in your mail program, with your mailbox&apos;s user name and password.</source>
        <translation>Microsoft 365 は、サインインしたユーザーからのメールしか送信を受け付けません。メールソフトで「送信サーバーは認証が必要」を有効にし、メールボックスのユーザー名とパスワードを設定してください。</translation>
    </message>
    <message>
        <source>Your mail program tried to send without signing in.</source>
        <translation>お使いのメールソフトが、サインインせずに送信しようとしました。</translation>
    </message>
    <message>
        <source>Microsoft looked the address up in the recipient&apos;s directory and found nobody. Check the spelling, or ask the recipient for their current address.</source>
        <translation>Microsoft が受信者のディレクトリでアドレスを検索しましたが、該当者が見つかりませんでした。つづりを確認するか、受信者に現在のアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s address does not exist in their Microsoft 365 organisation.</source>
        <translation>受信者のアドレスが、その Microsoft 365 組織に存在しません。</translation>
    </message>
    <message>
        <source>Microsoft 365 checks addresses against the recipient organisation&apos;s directory before accepting mail (directory-based edge blocking), and this address is not in it. Check the spelling; if it is right, the recipient&apos;s IT must add the mailbox or its alias.</source>
        <translation>Microsoft 365 はメールを受け付ける前に、受信者の組織のディレクトリでアドレスを照合します（ディレクトリベースのエッジブロック）。このアドレスはディレクトリにありません。つづりを確認し、正しい場合は受信者側の IT 部門がメールボックスまたはそのエイリアスを追加する必要があります。</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation does not know this address.</source>
        <translation>受信者の組織はこのアドレスを認識していません。</translation>
    </message>
    <message>
        <source>The recipient (or a group address) is restricted to certain senders by their Microsoft 365 administrators. Ask the recipient&apos;s IT to allow your address.</source>
        <translation>受信者（またはグループアドレス）は、Microsoft 365 の管理者によって、特定の送信者からのみ受信するよう制限されています。受信者側の IT 部門に、あなたのアドレスを許可するよう依頼してください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail from approved senders.</source>
        <translation>受信者の組織は、承認された送信者からのメールのみ受け付けています。</translation>
    </message>
    <message>
        <source>Your domain&apos;s DMARC policy asks receivers to reject mail that fails SPF and DKIM alignment, and this message failed. Gmail also requires bulk senders to authenticate. Fix SPF and DKIM for the server that sent it.</source>
        <translation>あなたのドメインの DMARC ポリシーは、SPF と DKIM のアライメントに失敗したメールを拒否するよう受信側に求めており、このメッセージは失敗しました。また、Gmail は大量送信者に認証を義務付けています。送信したサーバーの SPF と DKIM を修正してください。</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed authentication (DMARC).</source>
        <translation>認証（DMARC）に失敗したため、Gmail がメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>Gmail uses 5.7.27 for SPF failures. Your domain&apos;s SPF record does not include the server that sent the message; add it.</source>
        <translation>Gmail は SPF の失敗に 5.7.27 を使います。あなたのドメインの SPF レコードに、メッセージを送信したサーバーが含まれていません。追加してください。</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the SPF check.</source>
        <translation>SPF チェックに失敗したため、Gmail がメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>The message was not signed with DKIM, or the signature did not verify. Turn on DKIM signing for your domain.</source>
        <translation>メッセージが DKIM で署名されていないか、署名を検証できませんでした。あなたのドメインで DKIM 署名を有効にしてください。</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it failed the DKIM check.</source>
        <translation>DKIM チェックに失敗したため、Gmail がメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation uses Google Workspace and its administrators have a rule that refuses your message, often a block on your IP address or domain. Ask the recipient&apos;s IT to allow your sender address and IP.</source>
        <translation>受信者の組織は Google Workspace を利用しており、その管理者が設定したルールによってメッセージが拒否されました。多くの場合、あなたの IP アドレスまたはドメインがブロックされています。受信者側の IT 部門に、あなたの送信者アドレスと IP を許可するよう依頼してください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s Google Workspace blocked the message by its own policy.</source>
        <translation>受信者の Google Workspace が、独自のポリシーによってメッセージをブロックしました。</translation>
    </message>
    <message>
        <source>Gmail is temporarily refusing mail for this account because it receives mail faster than allowed. Try again later.</source>
        <translation>このアカウントへのメールの受信ペースが許容量を超えているため、Gmail は一時的にメールの受け付けを拒否しています。時間をおいて再送信してください。</translation>
    </message>
    <message>
        <source>The Gmail recipient is receiving too much mail right now.</source>
        <translation>Gmail の受信者が、現在大量のメールを受信しています。</translation>
    </message>
    <message>
        <source>Gmail has seen unwanted mail from your IP address or domain and limits what it accepts. Check blocklists, Google Postmaster Tools, and your authentication, and send only to people who asked for your mail.</source>
        <translation>Gmail は、あなたの IP アドレスまたはドメインから迷惑メールが送られていることを検知し、受け付けを制限しています。ブロックリスト、Google Postmaster Tools、認証の設定を確認し、メールを希望した人にだけ送信してください。</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your server right now.</source>
        <translation>Gmail は、現在あなたのサーバーからのメールを信頼していません。</translation>
    </message>
    <message>
        <source>Yahoo saw complaints or a sudden rise in volume from your server and is slowing it down. Your server will retry. Send only to people who asked for your mail, and keep volumes steady.</source>
        <translation>Yahoo は、あなたのサーバーについて苦情や送信量の急増を検知し、受信ペースを落としています。あなたのサーバーは自動的に再試行します。メールを希望した人にだけ送信し、送信量を一定に保ってください。</translation>
    </message>
    <message>
        <source>Yahoo is temporarily deferring your mail because of complaints or unusual volume.</source>
        <translation>苦情または通常と異なる送信量のため、Yahoo があなたのメールの受け付けを一時的に保留しています。</translation>
    </message>
    <message>
        <source>Yahoo blocks mail from IP addresses listed by Spamhaus. Look your IP up on Spamhaus and request removal once the cause is fixed.</source>
        <translation>Yahoo は、Spamhaus に登録された IP アドレスからのメールをブロックします。Spamhaus であなたの IP を調べ、原因を解消してから削除を依頼してください。</translation>
    </message>
    <message>
        <source>Yahoo refused your mail because your IP is on a blocklist (Spamhaus).</source>
        <translation>あなたの IP がブロックリスト（Spamhaus）に登録されているため、Yahoo がメールを拒否しました。</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refused the message (code CS01 or HM08): it did not trust your sending server or content. Check blocklists and authentication, and contact iCloud&apos;s postmaster through their support page if it persists.</source>
        <translation>Apple の iCloud メールがメッセージを拒否しました（コード CS01 または HM08）。あなたの送信サーバーまたは内容が信頼されませんでした。ブロックリストと認証を確認し、解決しない場合は iCloud のサポートページから postmaster に連絡してください。</translation>
    </message>
    <message>
        <source>iCloud Mail blocked your message because of its policy or your server&apos;s reputation.</source>
        <translation>ポリシーまたはあなたのサーバーの評価により、iCloud メールがメッセージをブロックしました。</translation>
    </message>
    <message>
        <source>The recipient&apos;s mail system holds an allow list, and your address is not on it. Nothing is wrong with your email set-up. Ask the recipient, by phone or another channel, to have their IT add your address (or your domain) to the allowed senders.</source>
        <translation>受信者のメールシステムには許可リストがあり、あなたのアドレスはそれに含まれていません。あなたのメール設定には問題はありません。電話などの別の手段で受信者に連絡し、先方の IT 部門からあなたのアドレス（またはドメイン）を許可された送信者に追加してもらうよう依頼してください。</translation>
    </message>
    <message>
        <source>The recipient only accepts mail from senders they approved in advance.</source>
        <translation>受信者は、事前に承認した送信者からのメールのみ受け付けています。</translation>
    </message>
    <message>
        <source>Spamhaus PBL: the ISP says this address should not send mail directly</source>
        <translation>Spamhaus PBL: この IP アドレスはメールを直接送信すべきではないと ISP が指定しています</translation>
    </message>
    <message>
        <source>Spamhaus PBL: this address looks like an end-user address that should not send mail directly</source>
        <translation>Spamhaus PBL: このアドレスはエンドユーザー向けのもので、メールを直接送信すべきではないと見なされています</translation>
    </message>
    <message>
        <source>Spamhaus SBL: a known spam source</source>
        <translation>Spamhaus SBL: 既知のスパム送信元</translation>
    </message>
    <message>
        <source>Spamhaus CSS: recently sent spam (snowshoe)</source>
        <translation>Spamhaus CSS: 最近スパムを送信しました（スノーシュー型）</translation>
    </message>
    <message>
        <source>Spamhaus BCL: a botnet controller</source>
        <translation>Spamhaus BCL: ボットネットの制御サーバー</translation>
    </message>
    <message>
        <source>Spamhaus XBL: infected or hijacked machine</source>
        <translation>Spamhaus XBL: 感染または乗っ取られたマシン</translation>
    </message>
    <message>
        <source>Spamhaus DROP: network under spammer control</source>
        <translation>Spamhaus DROP: スパム送信者の管理下にあるネットワーク</translation>
    </message>
    <message>
        <source>the query used a mistyped zone name</source>
        <translation>問い合わせに誤ったゾーン名が使われました</translation>
    </message>
    <message>
        <source>Spamhaus refuses queries that come through public or open DNS resolvers (such as 1.1.1.1 or 8.8.8.8)</source>
        <translation>Spamhaus は、パブリック DNS やオープンリゾルバー（1.1.1.1 や 8.8.8.8 など）経由の問い合わせを拒否します</translation>
    </message>
    <message>
        <source>Spamhaus received too many queries from your DNS resolver</source>
        <translation>お使いの DNS リゾルバーからの Spamhaus への問い合わせが多すぎます</translation>
    </message>
    <message>
        <source>an abused legitimate domain (spam)</source>
        <translation>悪用された正規のドメイン（スパム）</translation>
    </message>
    <message>
        <source>an abused legitimate domain (redirector)</source>
        <translation>悪用された正規のドメイン（リダイレクター）</translation>
    </message>
    <message>
        <source>an abused legitimate domain (phishing)</source>
        <translation>悪用された正規のドメイン（フィッシング）</translation>
    </message>
    <message>
        <source>an abused legitimate domain (malware)</source>
        <translation>悪用された正規のドメイン（マルウェア）</translation>
    </message>
    <message>
        <source>an abused legitimate domain (botnet)</source>
        <translation>悪用された正規のドメイン（ボットネット）</translation>
    </message>
    <message>
        <source>a spam domain</source>
        <translation>スパムのドメイン</translation>
    </message>
    <message>
        <source>a phishing domain</source>
        <translation>フィッシングのドメイン</translation>
    </message>
    <message>
        <source>a malware domain</source>
        <translation>マルウェアのドメイン</translation>
    </message>
    <message>
        <source>a botnet command-and-control domain</source>
        <translation>ボットネットの指令（C&amp;C）ドメイン</translation>
    </message>
    <message>
        <source>the DBL does not take IP addresses</source>
        <translation>DBL は IP アドレスを対象としていません</translation>
    </message>
    <message>
        <source>listed by Barracuda</source>
        <translation>Barracuda に登録されています</translation>
    </message>
    <message>
        <source>reported to SpamCop as a spam source (listings expire by themselves a day after the last report)</source>
        <translation>スパム送信元として SpamCop に報告されています（登録は最後の報告から 1 日で自動的に解除されます）</translation>
    </message>
    <message>
        <source>sent mail to spam traps</source>
        <translation>スパムトラップにメールを送信しました</translation>
    </message>
    <message>
        <source>worst reputation</source>
        <translation>最低の評価</translation>
    </message>
    <message>
        <source>very bad reputation</source>
        <translation>非常に悪い評価</translation>
    </message>
    <message>
        <source>bad reputation</source>
        <translation>悪い評価</translation>
    </message>
    <message>
        <source>a zero-hour spam source</source>
        <translation>ゼロアワー（発生直後）のスパム送信元</translation>
    </message>
    <message>
        <source>listed by UCEPROTECT (expires after 7 days without new hits)</source>
        <translation>UCEPROTECT に登録されています（新たな検出がなければ 7 日後に解除されます）</translation>
    </message>
    <message>
        <source>listed by NiX Spam (expires after 12 hours)</source>
        <translation>NiX Spam に登録されています（12 時間後に解除されます）</translation>
    </message>
    <message>
        <source>cracked site</source>
        <translation>改ざんされたサイト</translation>
    </message>
    <message>
        <source>malware</source>
        <translation>マルウェア</translation>
    </message>
    <message>
        <source>abuse</source>
        <translation>不正利用</translation>
    </message>
    <message>
        <source>phishing</source>
        <translation>フィッシング</translation>
    </message>
    <message>
        <source>SURBL blocked the query (your DNS resolver sends too many queries or is a public resolver)</source>
        <translation>SURBL が問い合わせをブロックしました（お使いの DNS リゾルバーの問い合わせが多すぎるか、パブリック DNS です）</translation>
    </message>
    <message>
        <source>black list</source>
        <translation>ブラックリスト</translation>
    </message>
    <message>
        <source>grey list</source>
        <translation>グレーリスト</translation>
    </message>
    <message>
        <source>red list</source>
        <translation>レッドリスト</translation>
    </message>
    <message>
        <source>URIBL refused the query (public or large DNS resolvers such as Google or OpenDNS are blocked)</source>
        <translation>URIBL が問い合わせを拒否しました（Google や OpenDNS などのパブリック DNS や大規模な DNS リゾルバーはブロックされます）</translation>
    </message>
    <message>
        <source>Gmail&apos;s scanners judged something in the message, usually an attachment type or a link, to be a potential security issue. Remove or replace the attachment or link and send again.</source>
        <translation>Gmail の検査で、メッセージ内の何か (多くは添付ファイルの種類やリンク) がセキュリティ上の問題になり得ると判断されました。添付ファイルやリンクを削除するか差し替えてから、もう一度送信してください。</translation>
    </message>
    <message>
        <source>Gmail blocked the message because its content looks like a security risk.</source>
        <translation>内容がセキュリティ上の危険と判断されたため、Gmail がメッセージをブロックしました。</translation>
    </message>
    <message>
        <source>The au/KDDI mobile mailbox exists but its owner&apos;s reception settings (for example refusing mail from PCs or unknown senders) turned the message away. Only the recipient can change those settings.</source>
        <translation>au/KDDI の携帯メールボックスは存在しますが、受信者の受信設定 (PC からのメールや未登録の送信者からのメールを拒否する設定など) によってメッセージが拒否されました。この設定を変更できるのは受信者本人だけです。</translation>
    </message>
    <message>
        <source>au (KDDI) refused the message by the recipient&apos;s mail settings.</source>
        <translation>受信者のメール設定により、au (KDDI) がメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>The message with its attachments is larger than the receiving server, or this recipient&apos;s mailbox, accepts for a single message. Send smaller attachments, compress them, or share large files through a link.</source>
        <translation>添付ファイルを含めたメッセージのサイズが、受信サーバーまたはこの受信者のメールボックスが 1 通で受け付けられる上限を超えています。添付ファイルを小さくするか圧縮するか、大きなファイルはリンクで共有してください。</translation>
    </message>
    <message>
        <source>The message is too large for the recipient&apos;s server or mailbox.</source>
        <translation>メッセージが受信者のサーバーまたはメールボックスの上限を超えています。</translation>
    </message>
    <message>
        <source>The server your mail was handed to does not accept mail for the recipient&apos;s domain. Usually the recipient&apos;s domain sends its mail (its MX records) to a server that is not set up to receive for it, or the domain in the address is misspelt. Check the domain in the address; if it is right, tell the recipient&apos;s IT, with the error text.</source>
        <translation>メールの受け渡し先のサーバーは、受信者のドメイン宛てのメールを受け付けていません。通常は、受信者のドメインのメールの送り先（MX レコード）が、そのドメインのメールを受信する設定になっていないサーバーになっているか、アドレスのドメインのつづりが間違っています。アドレスのドメインを確認し、正しい場合はエラーの文面を添えて受信者側の IT 部門に連絡してください。</translation>
    </message>
    <message>
        <source>The receiving server limits how many messages, recipients or connections it accepts from one sender in a given time, and your server went over that limit. Send more slowly or in smaller batches; deferred messages are usually delivered on a later attempt.</source>
        <translation>受信サーバーは、一定時間内に 1 つの送信者から受け付けるメッセージ数、受信者数、接続数を制限しており、あなたのサーバーがその上限を超えました。送信のペースを落とすか、小分けにして送信してください。保留されたメッセージは、通常は後の再試行で配送されます。</translation>
    </message>
    <message>
        <source>Your server is sending too much, too fast, for this receiving server.</source>
        <translation>送信サーバーがこの受信サーバーに対して短時間に多くを送りすぎています。</translation>
    </message>
    <message>
        <source>Outlook.com and Microsoft 365 accept less mail from IP addresses with a poor or no sending history. Keep sending steadily and only to people who asked for your mail, check your IP with Microsoft&apos;s Smart Network Data Services, and make sure SPF, DKIM and DMARC pass; the deferred messages are retried.</source>
        <translation>Outlook.com と Microsoft 365 は、送信実績が乏しい、または送信実績のない IP アドレスからのメールの受け付けを制限します。安定したペースで、メールを希望した相手にだけ送信を続け、Microsoft の Smart Network Data Services で IP を確認し、SPF、DKIM、DMARC が成功することを確認してください。保留されたメッセージは再試行されます。</translation>
    </message>
    <message>
        <source>Microsoft is limiting mail from your server because of its IP address&apos;s reputation.</source>
        <translation>Microsoft は IP アドレスの評価が低いため、送信サーバーからのメールを制限しています。</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to publish a DMARC policy for the domain in the From: address, and yours has none. Publish a DMARC record (a TXT record at _dmarc.your-domain, p=none is enough to start) once SPF and DKIM pass.</source>
        <translation>Gmail は、送信者（大量送信者はすべて）に対し、From: アドレスのドメインで DMARC ポリシーを公開することを求めていますが、あなたのドメインにはありません。SPF と DKIM が成功するようになったら、DMARC レコード（_dmarc.your-domain の TXT レコード。最初は p=none で十分です）を公開してください。</translation>
    </message>
    <message>
        <source>Gmail wants your sending domain to publish a DMARC record.</source>
        <translation>Gmail は送信ドメインに DMARC レコードの公開を求めています。</translation>
    </message>
    <message>
        <source>SPF or DKIM may pass, but for a different domain than the one in the From: address, so DMARC alignment fails. Sign with DKIM for your own From: domain, or send with a return-path (MAIL FROM) in that domain.</source>
        <translation>SPF や DKIM が成功していても、From: アドレスとは別のドメインで成功しているため、DMARC のアライメントに失敗します。自分の From: ドメインで DKIM 署名するか、そのドメインの return-path（MAIL FROM）で送信してください。</translation>
    </message>
    <message>
        <source>Gmail refused the message because its From: domain does not match the domain SPF or DKIM checked.</source>
        <translation>From: のドメインが SPF または DKIM で確認されたドメインと一致しないため、Gmail がメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>Gmail requires senders, and all bulk senders, to use TLS when they deliver to it. Whoever runs your mail server must turn on STARTTLS for outgoing mail (opportunistic TLS at least); the deferred messages are retried.</source>
        <translation>Gmail は、送信者（大量送信者はすべて）に対し、Gmail へ配送する際に TLS を使うことを求めています。メールサーバーの管理担当者が、送信メールで STARTTLS を有効にする必要があります（少なくとも日和見的 TLS）。保留されたメッセージは再試行されます。</translation>
    </message>
    <message>
        <source>Gmail is limiting your mail because it was not sent over an encrypted (TLS) connection.</source>
        <translation>暗号化 (TLS) 接続で送信されなかったため、Gmail がメールを制限しています。</translation>
    </message>
    <message>
        <source>Gmail saw a sudden rise in mail, or in unwanted mail, from your IP address, its network, or your DKIM or SPF domain, and is accepting less of it for now. Send more slowly and steadily, only to people who asked for your mail, and watch your spam rate in Google Postmaster Tools; the deferred messages are retried.</source>
        <translation>Gmail は、あなたの IP アドレス、そのネットワーク、または DKIM や SPF のドメインから、メール（または迷惑メール）が急に増えたことを検知し、当面は受け付ける量を減らしています。ペースを落として安定的に、メールを希望した相手にだけ送信し、Google Postmaster Tools で迷惑メール率を確認してください。保留されたメッセージは再試行されます。</translation>
    </message>
    <message>
        <source>Gmail is holding back mail from your server because of an unusual rate of mail.</source>
        <translation>通常と異なる量のメールが送られたため、Gmail が送信サーバーからのメールを保留しています。</translation>
    </message>
    <message>
        <source>Over IPv6 Gmail requires the sending address to have a PTR record whose name points back to the same address, and the message to pass SPF or DKIM. Give the server&apos;s IPv6 address a matching PTR record, or send over IPv4.</source>
        <translation>IPv6 で送信する場合、Gmail は、送信元アドレスに PTR レコードがあってその名前が同じアドレスに正引きで戻ること、さらにメッセージが SPF または DKIM に成功することを求めています。サーバーの IPv6 アドレスに一致する PTR レコードを設定するか、IPv4 で送信してください。</translation>
    </message>
    <message>
        <source>Gmail refused mail sent over IPv6 from an address without a matching reverse DNS name.</source>
        <translation>一致する逆引き DNS 名のない IPv6 アドレスから送られたメールを Gmail が拒否しました。</translation>
    </message>
    <message>
        <source>Gmail checks that the sending IP address has a PTR record, and that the name it gives points back to the same address. Whoever runs your mail server must ask the hosting or internet provider to set a PTR record that matches the server&apos;s name.</source>
        <translation>Gmail は、送信元 IP アドレスに PTR レコードがあり、そこに示された名前が同じアドレスに正引きで戻るかどうかを確認します。メールサーバーの管理担当者が、ホスティング事業者またはインターネットプロバイダーに、サーバー名と一致する PTR レコードの設定を依頼する必要があります。</translation>
    </message>
    <message>
        <source>Gmail refused your server because its IP address has no matching reverse DNS (PTR) name.</source>
        <translation>IP アドレスに一致する逆引き DNS (PTR) 名がないため、Gmail が送信サーバーを拒否しました。</translation>
    </message>
    <message>
        <source>Gmail requires every sender to pass SPF or DKIM, and this message passed neither. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing for your domain.</source>
        <translation>Gmail はすべての送信者に SPF または DKIM の成功を求めていますが、このメッセージはどちらにも成功しませんでした。送信サーバーをドメインの SPF レコードに追加し、ドメインの DKIM 署名を有効にしてください。</translation>
    </message>
    <message>
        <source>Gmail rejected the message because it passed neither SPF nor DKIM.</source>
        <translation>SPF と DKIM のどちらにも合格しなかったため、Gmail がメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>Gmail judged the message suspicious because of the low reputation of the domain it came from, not because of this message&apos;s words. Check your domain on blocklists and in Google Postmaster Tools, make sure SPF, DKIM and DMARC pass, and send only to people who asked for your mail; the reputation recovers as complaints stop.</source>
        <translation>Gmail は、このメッセージの文面ではなく、送信元ドメインの評価が低いことを理由にメッセージを疑わしいと判断しました。ブロックリストと Google Postmaster Tools でドメインを確認し、SPF、DKIM、DMARC が成功することを確かめ、メールを希望した相手にだけ送信してください。苦情がなくなれば評価は回復します。</translation>
    </message>
    <message>
        <source>Gmail does not trust mail from your sending domain right now.</source>
        <translation>Gmail は現在、送信ドメインからのメールを信頼していません。</translation>
    </message>
    <message>
        <source>Yahoo requires every sender to pass SPF or DKIM, and bulk senders to pass both with a DMARC policy. Add the sending server to your domain&apos;s SPF record and turn on DKIM signing.</source>
        <translation>Yahoo はすべての送信者に SPF または DKIM の成功を求め、大量送信者には両方の成功と DMARC ポリシーを求めています。送信サーバーをドメインの SPF レコードに追加し、DKIM 署名を有効にしてください。</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it passed neither SPF nor DKIM (5.7.9).</source>
        <translation>SPF と DKIM のどちらにも合格しなかったため、Yahoo がメッセージを拒否しました (5.7.9)。</translation>
    </message>
    <message>
        <source>Yahoo rejected the message because it failed your domain&apos;s DMARC policy.</source>
        <translation>ドメインの DMARC ポリシーを満たさなかったため、Yahoo がメッセージを拒否しました。</translation>
    </message>
    <message>
        <source>Yahoo will refuse all mail from this IP address for now, and retrying will not help. It follows complaints, unwanted mail or missing authentication. Fix the cause (authentication, list hygiene, a compromised account), then ask Yahoo&apos;s sender support to review the IP address.</source>
        <translation>Yahoo は当面、この IP アドレスからのメールをすべて拒否します。再試行しても効果はありません。苦情、迷惑メール、または認証の不備が原因です。原因（認証、リストの管理、乗っ取られたアカウントなど）を解消してから、Yahoo の送信者サポートに IP アドレスの再審査を依頼してください。</translation>
    </message>
    <message>
        <source>Yahoo has stopped accepting mail from your server&apos;s IP address (TSS09).</source>
        <translation>Yahoo は送信サーバーの IP アドレスからのメールの受け付けを停止しました (TSS09)。</translation>
    </message>
    <message>
        <source>Yahoo refuses mail that breaks its sender requirements: usually failing SPF, DKIM or DMARC, but also unwanted content or volume. Check your domain&apos;s authentication first, then your content and sending volume.</source>
        <translation>Yahoo は、送信者の要件を満たさないメールを拒否します。多くは SPF、DKIM、DMARC の失敗ですが、迷惑な内容や送信量が原因のこともあります。まずドメインの認証を確認し、次に内容と送信量を確認してください。</translation>
    </message>
    <message>
        <source>Yahoo refused the message under its sending policy (5.7.9).</source>
        <translation>Yahoo が送信者ポリシーに基づいてメッセージを拒否しました (5.7.9)。</translation>
    </message>
    <message>
        <source>Apple&apos;s iCloud Mail refuses mail it does not trust: often missing or failing SPF, DKIM or DMARC, a poor sending reputation, or content it considers unwanted. Check your domain&apos;s authentication and your server&apos;s reputation; if it persists, ask Apple through its postmaster support page.</source>
        <translation>Apple の iCloud メールは、信頼できないメールを拒否します。多くは、SPF、DKIM、DMARC がない、または失敗している、送信の評価が低い、迷惑と判断される内容が含まれている、といった理由です。ドメインの認証とサーバーの評価を確認し、それでも続く場合は Apple の postmaster サポートページから問い合わせてください。</translation>
    </message>
    <message>
        <source>iCloud Mail refused the message under its local policy (CS01).</source>
        <translation>iCloud メールがローカルポリシーに基づいてメッセージを拒否しました (CS01)。</translation>
    </message>
    <message>
        <source>The receiving server asks a blocklist (such as Spamhaus) about every sender, and the blocklist refused to answer it because it queries through a public or open DNS resolver. That refusal says nothing about you: your server is not listed. Tell the recipient&apos;s IT, with the error text, so they point their blocklist lookups at their own resolver or a registered feed.</source>
        <translation>受信サーバーは送信者ごとにブロックリスト（Spamhaus など）に問い合わせていますが、パブリックまたはオープンな DNS リゾルバー経由で問い合わせているため、ブロックリストが応答を拒否しました。この拒否はあなたとは関係がなく、あなたのサーバーは登録されていません。エラーの文面を添えて受信者側の IT 部門に連絡し、ブロックリストの問い合わせに自社のリゾルバーか登録済みのフィードを使うよう依頼してください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s server could not check its blocklists: the fault is on their side.</source>
        <translation>受信者側のサーバーがブロックリストを照会できませんでした。問題は受信者側にあります。</translation>
    </message>
    <message>
        <source>The recipient&apos;s domain publishes a policy (MTA-STS or DANE) saying its mail must travel encrypted to servers with a valid certificate, and its server did not meet it: no TLS, an expired or mismatched certificate, or records that do not match. Your side is fine. Tell the recipient&apos;s IT, with the error text; they must fix their certificate or their policy.</source>
        <translation>受信者のドメインは、メールを有効な証明書を持つサーバーへ暗号化して送ることを求めるポリシー（MTA-STS または DANE）を公開していますが、そのサーバーがポリシーを満たしていませんでした。TLS がない、証明書の期限切れや名前の不一致、レコードの不一致などが原因です。あなたの側には問題ありません。エラーの文面を添えて受信者側の IT 部門に連絡してください。証明書またはポリシーを修正してもらう必要があります。</translation>
    </message>
    <message>
        <source>The recipient&apos;s server failed the encryption checks its own domain asks for (MTA-STS or DANE).</source>
        <translation>受信者側のサーバーが、自身のドメインが求める暗号化の検査 (MTA-STS または DANE) に失敗しました。</translation>
    </message>
    <message>
        <source>The receiving server refused to take the message before the connection was encrypted with STARTTLS. Nothing is wrong with the address or the message, and no blocklist is involved. Whoever runs your mail server must turn on TLS (STARTTLS) for outgoing mail; if it is on, check that the server&apos;s TLS library and certificates are up to date.</source>
        <translation>受信サーバーは、接続が STARTTLS で暗号化される前のメッセージの受け取りを拒否しました。アドレスやメッセージには問題がなく、ブロックリストも関係ありません。メールサーバーの管理担当者が、送信メールで TLS（STARTTLS）を有効にする必要があります。すでに有効な場合は、サーバーの TLS ライブラリと証明書が最新かどうかを確認してください。</translation>
    </message>
    <message>
        <source>The receiving server only accepts mail over an encrypted (TLS) connection, and your server did not use one.</source>
        <translation>受信サーバーは暗号化 (TLS) 接続でのみメールを受け付けますが、送信サーバーは TLS を使いませんでした。</translation>
    </message>
    <message>
        <source>The address is a group, mailbox or public folder that its Microsoft 365 administrators set to refuse mail from outside their organisation or from senders not on its list. Nothing is wrong with your set-up; ask the recipient&apos;s IT to allow your address, or write to a person there directly.</source>
        <translation>このアドレスは、Microsoft 365 の管理者によって、組織外や許可リストにない送信者からのメールを拒否するよう設定されたグループ、メールボックス、またはパブリックフォルダーです。あなたの設定には問題ありません。受信者側の IT 部門にあなたのアドレスを許可してもらうか、その組織の担当者個人に直接メールを送ってください。</translation>
    </message>
    <message>
        <source>The recipient&apos;s organisation only accepts mail for this address from its own or approved senders.</source>
        <translation>受信者の組織は、このアドレス宛てには自組織または承認済みの送信者からのメールしか受け付けません。</translation>
    </message>
    <message>
        <source>The mail server refused to pass the message on because whatever sent it did not log in (SMTP authentication). This is common with copiers, scanners, web shops and forms set to use the organisation&apos;s mail server without a user name and password. In the device&apos;s mail settings, turn on SMTP authentication with a mailbox&apos;s user name and password (or an app password), use port 587 with STARTTLS (or 465 with SSL/TLS), and send from that mailbox&apos;s address.</source>
        <translation>送信元がログイン（SMTP 認証）していなかったため、メールサーバーがメッセージの中継を拒否しました。これは、ユーザー名とパスワードなしで組織のメールサーバーを使うよう設定されたコピー機、スキャナー、ネットショップ、フォームでよく起こります。機器のメール設定で、メールボックスのユーザー名とパスワード（またはアプリパスワード）を使った SMTP 認証を有効にし、ポート 587 と STARTTLS（または 465 と SSL/TLS）を使用して、そのメールボックスのアドレスから送信してください。</translation>
    </message>
    <message>
        <source>Your device or program must sign in to the mail server before it may send.</source>
        <translation>機器やプログラムは、送信する前にメールサーバーにログインする必要があります。</translation>
    </message>
</context>
<context>
    <name>ReportTr</name>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Refused, not retried</source>
        <translation>拒否（再送なし）</translation>
    </message>
    <message>
        <source>Delayed, still trying</source>
        <translation>遅延中（再試行中）</translation>
    </message>
    <message>
        <source>Not a failure</source>
        <translation>失敗ではありません</translation>
    </message>
    <message>
        <source>Nobody: nothing failed</source>
        <translation>不要（失敗はありません）</translation>
    </message>
    <message>
        <source>Nobody yet: your mail server is still trying</source>
        <translation>まだ不要（送信サーバーが再試行中）</translation>
    </message>
    <message>
        <source>Address does not exist</source>
        <translation>アドレスが存在しない</translation>
    </message>
    <message>
        <source>Domain does not exist</source>
        <translation>ドメインが存在しない</translation>
    </message>
    <message>
        <source>Recipient has moved</source>
        <translation>宛先が移転した</translation>
    </message>
    <message>
        <source>Mailbox disabled</source>
        <translation>メールボックスが無効</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>メールボックスが満杯</translation>
    </message>
    <message>
        <source>Message too large</source>
        <translation>メッセージが大きすぎる</translation>
    </message>
    <message>
        <source>Relaying refused</source>
        <translation>中継を拒否</translation>
    </message>
    <message>
        <source>Sender authentication failed</source>
        <translation>送信者認証に失敗</translation>
    </message>
    <message>
        <source>Poor sender reputation</source>
        <translation>送信者の評価が低い</translation>
    </message>
    <message>
        <source>No reverse DNS for the sender</source>
        <translation>送信元に逆引き DNS がない</translation>
    </message>
    <message>
        <source>Message breaks the standard</source>
        <translation>メッセージが規格に違反</translation>
    </message>
    <message>
        <source>Encryption (TLS) failed</source>
        <translation>暗号化 (TLS) に失敗</translation>
    </message>
    <message>
        <source>Filtered by the recipient</source>
        <translation>受信側でフィルター</translation>
    </message>
    <message>
        <source>Sender address refused</source>
        <translation>送信者アドレスを拒否</translation>
    </message>
    <message>
        <source>Judged as spam</source>
        <translation>スパムと判定</translation>
    </message>
    <message>
        <source>Malware suspected</source>
        <translation>マルウェアの疑い</translation>
    </message>
    <message>
        <source>Against the recipient&apos;s policy</source>
        <translation>受信側のポリシー違反</translation>
    </message>
    <message>
        <source>Security check failed</source>
        <translation>セキュリティチェックに失敗</translation>
    </message>
    <message>
        <source>Sending too fast</source>
        <translation>送信が速すぎる</translation>
    </message>
    <message>
        <source>Sender blocked</source>
        <translation>送信者をブロック</translation>
    </message>
    <message>
        <source>Gave up after retrying</source>
        <translation>再試行の末に断念</translation>
    </message>
    <message>
        <source>Network problem</source>
        <translation>ネットワークの問題</translation>
    </message>
    <message>
        <source>Receiving server error</source>
        <translation>受信サーバーのエラー</translation>
    </message>
    <message>
        <source>Receiving server full</source>
        <translation>受信サーバーの容量不足</translation>
    </message>
    <message>
        <source>Domain accepts no mail</source>
        <translation>ドメインがメールを受け付けない</translation>
    </message>
    <message>
        <source>Recipient&apos;s mail program failed</source>
        <translation>受信側のメールプログラムが失敗</translation>
    </message>
    <message>
        <source>Mail protocol error</source>
        <translation>メールプロトコルのエラー</translation>
    </message>
    <message>
        <source>Content refused</source>
        <translation>内容を拒否</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>配信済み</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>自動応答</translation>
    </message>
    <message>
        <source>Spam complaint</source>
        <translation>迷惑メールの苦情</translation>
    </message>
    <message>
        <source>On a suppression list</source>
        <translation>配信停止リストに登録</translation>
    </message>
    <message>
        <source>approved senders only</source>
        <translation>承認済みの送信者のみ</translation>
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
        <translation>未認証</translation>
    </message>
    <message>
        <source>IP on a blocklist</source>
        <translation>IP がブロックリストに掲載</translation>
    </message>
    <message>
        <source>rate limit</source>
        <translation>送信レート制限</translation>
    </message>
    <message>
        <source>reverse DNS</source>
        <translation>逆引き DNS</translation>
    </message>
    <message>
        <source>relaying</source>
        <translation>中継</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>アカウント無効</translation>
    </message>
    <message>
        <source>reputation</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>suppression list</source>
        <translation>配信停止リスト</translation>
    </message>
    <message>
        <source>recipient policy</source>
        <translation>受信側のポリシー</translation>
    </message>
    <message>
        <source>restricted recipient</source>
        <translation>制限された宛先</translation>
    </message>
    <message>
        <source>unsubscribe request</source>
        <translation>配信停止の依頼</translation>
    </message>
    <message>
        <source>unknown to the recipient&apos;s directory</source>
        <translation>受信側のディレクトリに存在しない</translation>
    </message>
    <message>
        <source>Delayed, still being retried</source>
        <translation>遅延中（再試行中）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>確認できません</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>チェックリスト</translation>
    </message>
    <message>
        <source>no check run</source>
        <translation>チェック未実行</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT</source>
        <translation>受信側 IT 部門へのメッセージ</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>宛先: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>件名: %1</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>チェックリスト:</translation>
    </message>
    <message>
        <source>Message to the recipient&apos;s IT:</source>
        <translation>受信側 IT 部門へのメッセージ:</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>受信者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>恒久的</translation>
    </message>
    <message>
        <source>Who must act</source>
        <translation>対応が必要な人</translation>
    </message>
    <message>
        <source>Start with</source>
        <translation>最初の対処</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation>相手先サーバー</translation>
    </message>
    <message>
        <source>Reporting server</source>
        <translation>報告元サーバー</translation>
    </message>
    <message>
        <source>Sending IP</source>
        <translation>送信元 IP</translation>
    </message>
    <message>
        <source>Blocklist named</source>
        <translation>記載されたブロックリスト</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>送信者</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Suggested address</source>
        <translation>候補のアドレス</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>一時的</translation>
    </message>
    <message>
        <source>You (the sender)</source>
        <translation>あなた（送信者）</translation>
    </message>
    <message>
        <source>Your email administrator or provider</source>
        <translation>あなたのメール管理者またはプロバイダー</translation>
    </message>
    <message>
        <source>The recipient</source>
        <translation>受信者</translation>
    </message>
    <message>
        <source>The recipient&apos;s IT</source>
        <translation>受信者側の IT 部門</translation>
    </message>
    <message>
        <source>Not clear from the bounce</source>
        <translation>バウンスメールからは不明</translation>
    </message>
    <message>
        <source>Bounce diagnosis</source>
        <translation>バウンスの診断</translation>
    </message>
    <message>
        <source>Bounce:</source>
        <translation>バウンスメール:</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>The server&apos;s exact words:</source>
        <translation>サーバーの応答（原文）:</translation>
    </message>
    <message>
        <source>Bounce for %1</source>
        <translation>%1 のバウンス</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>サーバーの応答</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（非表示）</translation>
    </message>
    <message>
        <source>device or program not signed in</source>
        <translation>機器またはプログラムが未サインイン</translation>
    </message>
</context>
<context>
    <name>ResolverProbeTr</name>
    <message>
        <source>Run the check on another network (not a hotel, café or guest network), turn off a VPN or filtering service, or give the DNS server of your internet provider in Settings (on the command line: --dns-server).</source>
        <translation>別のネットワーク（ホテル、カフェ、ゲスト用ネットワーク以外）でチェックを実行するか、VPN やフィルタリングサービスをオフにするか、設定でインターネットプロバイダーの DNS サーバーを指定してください（コマンドラインでは --dns-server）。</translation>
    </message>
    <message>
        <source>your DNS server answers every name with the same address (%1), even names that do not exist</source>
        <translation>お使いの DNS サーバーは、存在しない名前も含め、すべての名前に同じアドレス（%1）を返します</translation>
    </message>
    <message>
        <source>your DNS server gives an address (%1) to names that do not exist, such as %2</source>
        <translation>お使いの DNS サーバーは、%2 など存在しない名前にアドレス（%1）を返します</translation>
    </message>
    <message>
        <source>your DNS server says that %1, a name that certainly exists, does not exist: it answers &quot;no such name&quot; to everything</source>
        <translation>お使いの DNS サーバーは、確実に存在する名前 %1 を存在しないと返します。何に対しても「そのような名前はない」と応答しています</translation>
    </message>
    <message>
        <source>your DNS server did not answer for %1, a name that certainly exists (%2), so its &quot;does not exist&quot; answers cannot be trusted</source>
        <translation>お使いの DNS サーバーは、確実に存在する名前 %1 に応答しませんでした（%2）。そのため、「存在しない」という応答は信頼できません</translation>
    </message>
    <message>
        <source>your DNS server</source>
        <translation>お使いの DNS サーバー</translation>
    </message>
    <message>
        <source>The DNS checks cannot be trusted: %1.</source>
        <translation>DNS のチェック結果は信頼できません: %1。</translation>
    </message>
    <message>
        <source>Some DNS checks cannot be trusted: %1.</source>
        <translation>一部の DNS のチェック結果は信頼できません: %1。</translation>
    </message>
    <message>
        <source>Every DNS result of this check is shown as &quot;could not check&quot;: what this server says about your domain, your IP address or blocklists says nothing either way.</source>
        <translation>このチェックの DNS の結果はすべて「確認できませんでした」と表示されます。このサーバーがドメイン、IP アドレス、ブロックリストについて返す内容は、どちらの判断の根拠にもなりません。</translation>
    </message>
    <message>
        <source>Results that say a domain, a record or a listing does not exist are shown as &quot;could not check&quot;.</source>
        <translation>ドメイン、レコード、登録が存在しないという結果は「確認できませんでした」と表示されます。</translation>
    </message>
    <message>
        <source>this</source>
        <translation>この項目</translation>
    </message>
    <message>
        <source>Could not check %1: %2.</source>
        <translation>%1 を確認できませんでした: %2。</translation>
    </message>
</context>
<context>
    <name>SpfLint</name>
    <message numerus="yes">
        <source>%n name(s) in the SPF record do not exist or have no address.</source>
        <translation>
            <numerusform>SPF レコード内の %n 個の名前が存在しないか、アドレスがありません。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpfLintTr</name>
    <message>
        <source>The domain publishes no SPF record, so receivers cannot tell which servers may send its mail.</source>
        <translation>このドメインは SPF レコードを公開していないため、受信側はどのサーバーがこのドメインのメールを送信してよいのか判断できません。</translation>
    </message>
    <message>
        <source>The domain publishes %1 SPF records; there must be exactly one, otherwise every check ends in an error (permerror). Merge them.</source>
        <translation>このドメインは SPF レコードを %1 件公開しています。SPF レコードは 1 件だけにする必要があり、そうでないとすべてのチェックがエラー（permerror）になります。1 件にまとめてください。</translation>
    </message>
    <message>
        <source>A piece of the TXT record is longer than 255 characters; split it into several quoted strings.</source>
        <translation>TXT レコードの一部が 255 文字を超えています。引用符で囲んだ複数の文字列に分割してください。</translation>
    </message>
    <message>
        <source>The SPF record is %1 characters long; above 450 the DNS answer may not fit in one UDP packet. Shorten it or move parts into includes.</source>
        <translation>SPF レコードの長さが %1 文字あります。450 文字を超えると、DNS の応答が 1 つの UDP パケットに収まらない場合があります。短くするか、一部を include に移してください。</translation>
    </message>
    <message>
        <source>The SPF record has a syntax error: %1. Receivers treat the whole record as broken (permerror).</source>
        <translation>SPF レコードに構文エラーがあります: %1。受信側はレコード全体を壊れたものとして扱います（permerror）。</translation>
    </message>
    <message>
        <source>The record ends in &quot;+all&quot;: it allows every server on the internet to send as this domain. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>レコードの末尾が「+all」になっています。これでは、インターネット上のあらゆるサーバーがこのドメインとしてメールを送信できてしまいます。「~all」または「-all」を使用してください。</translation>
    </message>
    <message>
        <source>The record ends in &quot;?all&quot;: it says nothing about other servers, which gives little protection. Use &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>レコードの末尾が「?all」になっています。これはほかのサーバーについて何も示さないため、ほとんど保護になりません。「~all」または「-all」を使用してください。</translation>
    </message>
    <message>
        <source>The record uses &quot;ptr&quot;, which is slow, unreliable and discouraged by RFC 7208; list the addresses instead.</source>
        <translation>レコードに「ptr」が使われています。これは遅く、信頼性が低く、RFC 7208 で非推奨とされています。代わりにアドレスを記載してください。</translation>
    </message>
    <message>
        <source>The record itself has %1 terms that need DNS lookups; more than 10 makes every check fail (permerror).</source>
        <translation>レコード自体に DNS 検索が必要な項目が %1 個あります。10 個を超えると、すべてのチェックが失敗します（permerror）。</translation>
    </message>
    <message>
        <source>The record has no final &quot;all&quot; (nor redirect=), so servers not listed get &quot;neutral&quot;. End it with &quot;~all&quot; or &quot;-all&quot;.</source>
        <translation>レコードの末尾に「all」（または redirect=）がないため、記載されていないサーバーは「neutral」になります。末尾を「~all」または「-all」にしてください。</translation>
    </message>
    <message>
        <source>Counting its includes, the SPF record needs more than 10 DNS lookups, so receivers give up with an error (permerror). Remove includes you no longer use or flatten them.</source>
        <translation>include を含めると、この SPF レコードには 10 回を超える DNS 検索が必要になり、受信側はエラー（permerror）で処理を打ち切ります。使っていない include を削除するか、フラット化してください。</translation>
    </message>
    <message>
        <source>More than 2 names in the SPF record do not exist or have no address, so receivers give up with an error (permerror).</source>
        <translation>SPF レコード内の 2 個を超える名前が存在しないか、アドレスがないため、受信側はエラー（permerror）で処理を打ち切ります。</translation>
    </message>
    <message>
        <source>The SPF record includes itself through a loop: %1.</source>
        <translation>SPF レコードがループにより自分自身を include しています: %1。</translation>
    </message>
    <message>
        <source>An include points to a domain without an SPF record: %1.</source>
        <translation>include が、SPF レコードのないドメインを指しています: %1。</translation>
    </message>
    <message>
        <source>A record reached through an include is broken: %1.</source>
        <translation>include 先のレコードが壊れています: %1。</translation>
    </message>
</context>
<context>
    <name>SpfRecordTr</name>
    <message>
        <source>character not allowed in a macro string</source>
        <translation>マクロ文字列に使用できない文字があります</translation>
    </message>
    <message>
        <source>a lone &apos;%&apos; at the end</source>
        <translation>末尾に単独の「%」があります</translation>
    </message>
    <message>
        <source>&apos;%&apos; must be followed by &apos;{&apos;, &apos;%&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>「%」の後には「{」「%」「_」「-」のいずれかが必要です</translation>
    </message>
    <message>
        <source>a macro &apos;%{&apos; is not closed</source>
        <translation>マクロ「%{」が閉じられていません</translation>
    </message>
    <message>
        <source>a macro needs a letter</source>
        <translation>マクロには文字が必要です</translation>
    </message>
    <message>
        <source>unknown macro delimiter</source>
        <translation>不明なマクロ区切り文字です</translation>
    </message>
    <message>
        <source>a macro keeps zero labels</source>
        <translation>マクロで残すラベル数が 0 になっています</translation>
    </message>
    <message>
        <source>bad IPv6 prefix length</source>
        <translation>IPv6 のプレフィックス長が無効です</translation>
    </message>
    <message>
        <source>bad IPv4 prefix length</source>
        <translation>IPv4 のプレフィックス長が無効です</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>ドメインが空です</translation>
    </message>
    <message>
        <source>macro letter not allowed in a domain</source>
        <translation>ドメインには使用できないマクロ文字です</translation>
    </message>
    <message>
        <source>the domain does not end in a valid top-level label</source>
        <translation>ドメインの末尾が有効なトップレベルラベルではありません</translation>
    </message>
    <message>
        <source>the record contains a character that is not printable ASCII</source>
        <translation>レコードに、印字可能な ASCII 以外の文字が含まれています</translation>
    </message>
    <message>
        <source>the record does not start with &quot;v=spf1&quot;</source>
        <translation>レコードが「v=spf1」で始まっていません</translation>
    </message>
    <message>
        <source>the modifier &quot;%1&quot; appears more than once</source>
        <translation>修飾子「%1」が複数回出現しています</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>「%1」: %2</translation>
    </message>
    <message>
        <source>unknown macro letter &apos;%1&apos;</source>
        <translation>不明なマクロ文字「%1」です</translation>
    </message>
    <message>
        <source>&quot;all&quot; takes no argument</source>
        <translation>「all」には引数を指定できません</translation>
    </message>
    <message>
        <source>a domain is required after &apos;:&apos;</source>
        <translation>「:」の後にドメインが必要です</translation>
    </message>
    <message>
        <source>unexpected text after the mechanism</source>
        <translation>メカニズムの後に予期しないテキストがあります</translation>
    </message>
    <message>
        <source>an IPv4 address is required</source>
        <translation>IPv4 アドレスが必要です</translation>
    </message>
    <message>
        <source>not a valid IPv4 address</source>
        <translation>有効な IPv4 アドレスではありません</translation>
    </message>
    <message>
        <source>an IPv6 address is required</source>
        <translation>IPv6 アドレスが必要です</translation>
    </message>
    <message>
        <source>not a valid IPv6 address</source>
        <translation>有効な IPv6 アドレスではありません</translation>
    </message>
    <message>
        <source>unknown mechanism</source>
        <translation>不明なメカニズムです</translation>
    </message>
    <message>
        <source>the %{%1} macro would expand to %2 characters, longer than any address or domain</source>
        <translation>マクロ %{%1} は展開すると %2 文字になり、どのアドレスやドメインよりも長くなります</translation>
    </message>
</context>
<context>
    <name>StepAdviceTr</name>
    <message>
        <source>The server accepts messages up to %1, attachments included.</source>
        <translation>このサーバーが受け付けるメッセージは添付ファイルを含めて %1 までです。</translation>
    </message>
    <message>
        <source>The server does not say its limit; many accept 10 to 25 MB, attachments included.</source>
        <translation>サーバーは上限を示していません。多くのサーバーは添付ファイルを含めて 10〜25 MB まで受け付けます。</translation>
    </message>
    <message>
        <source>Then send the changed message again to the same address.</source>
        <translation>その後、変更したメッセージを同じアドレスに送り直してください。</translation>
    </message>
    <message>
        <source>The message was passed on to a system that sends no further reports. Nothing failed.</source>
        <translation>メッセージはそれ以上報告を送らないシステムに引き渡されました。失敗はありません。</translation>
    </message>
    <message>
        <source>This is a delivery report: the message reached the recipient&apos;s server. Nothing failed.</source>
        <translation>これは配信通知です。メッセージは宛先のサーバーに届きました。失敗はありません。</translation>
    </message>
    <message>
        <source>Keep this notice if you need proof of delivery.</source>
        <translation>配信の証明が必要な場合は、この通知を保管してください。</translation>
    </message>
    <message>
        <source>Verify the recipient address</source>
        <translation>受信者のアドレスを確認する</translation>
    </message>
    <message>
        <source>Check blocklists</source>
        <translation>ブロックリストを確認する</translation>
    </message>
    <message>
        <source>Check SPF, DKIM and DMARC</source>
        <translation>SPF、DKIM、DMARC を確認する</translation>
    </message>
    <message>
        <source>Contact the recipient&apos;s IT</source>
        <translation>受信者側の IT 部門に連絡する</translation>
    </message>
    <message>
        <source>Fix the sending set-up</source>
        <translation>送信側の設定を修正する</translation>
    </message>
    <message>
        <source>Review the message content</source>
        <translation>メッセージの内容を見直す</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>待つ</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>対応は不要です</translation>
    </message>
    <message>
        <source>A typing mistake or an address that no longer exists is the most common cause of a bounce. Check the spelling letter by letter, and that the domain after the @ is right.</source>
        <translation>入力ミスや、すでに存在しないアドレスは、バウンスの最もよくある原因です。つづりを 1 文字ずつ確認し、@ の後のドメインが正しいかどうかも確認してください。</translation>
    </message>
    <message>
        <source>Receiving servers refuse mail from IP addresses and domains on public blocklists. If your sending IP is listed, fix the cause (often a hacked account or a spam complaint), then ask the list to remove it.</source>
        <translation>受信サーバーは、公開ブロックリストに登録された IP アドレスやドメインからのメールを拒否します。送信元 IP が登録されている場合は、原因（乗っ取られたアカウントやスパムの苦情であることが多い）を解消してから、リストに登録解除を依頼してください。</translation>
    </message>
    <message>
        <source>These DNS records prove that your server may send for your domain. Large providers reject or junk mail that fails them.</source>
        <translation>これらの DNS レコードは、あなたのサーバーがあなたのドメインからメールを送信してよいことを証明するものです。大手のメールサービスは、これらに失敗したメールを拒否したり、迷惑メールに振り分けたりします。</translation>
    </message>
    <message>
        <source>When the receiving side refuses you, only its administrators can change that. This message gives them what they need.</source>
        <translation>受信側があなたのメールを拒否している場合、それを変更できるのは受信側の管理者だけです。このメッセージには、管理者が必要とする情報がまとめられています。</translation>
    </message>
    <message>
        <source>The message is late, not lost. Usually there is nothing to do but wait.</source>
        <translation>メッセージは遅れているだけで、失われていません。通常は待つだけで十分です。</translation>
    </message>
    <message>
        <source>The problem is temporary. Usually it is enough to wait and send again.</source>
        <translation>問題は一時的です。通常は時間をおいて再送すれば十分です。</translation>
    </message>
    <message>
        <source>Nothing failed: this notice is for your information.</source>
        <translation>失敗はありません。この通知はお知らせです。</translation>
    </message>
    <message>
        <source>Make the mail program or device (a copier, scanner or web form, for example) sign in to its outgoing (SMTP) server: turn on &quot;My outgoing server requires authentication&quot; (or &quot;SMTP authentication&quot;) and enter the mailbox&apos;s user name and password.</source>
        <translation>メールソフトや機器（コピー機、スキャナー、ウェブフォームなど）が送信（SMTP）サーバーにログインするよう設定してください。「送信サーバー（SMTP）は認証が必要」（または「SMTP 認証」）をオンにして、メールボックスのユーザー名とパスワードを入力します。</translation>
    </message>
    <message>
        <source>Send through the submission port: 587 with STARTTLS, or 465 with SSL/TLS. Port 25 is for servers and often refuses devices.</source>
        <translation>メール送信用のポート（サブミッションポート）を使ってください。587 なら STARTTLS、465 なら SSL/TLS です。ポート 25 はサーバー間の通信用で、機器からの接続を拒否することがよくあります。</translation>
    </message>
    <message>
        <source>With Microsoft 365 or Google, the account may need SMTP sign-in (SMTP AUTH) turned on, or an app password when two-step sign-in is on.</source>
        <translation>Microsoft 365 や Google では、アカウントで SMTP サインイン（SMTP AUTH）を有効にするか、2 段階認証が有効な場合はアプリパスワードを使う必要があることがあります。</translation>
    </message>
    <message>
        <source>A server passes mail on only for senders it knows. Check the outgoing server name in the settings, and that the sender address is one of your own domain&apos;s.</source>
        <translation>サーバーは、認識している送信者のメールしか中継しません。設定の送信サーバー名と、送信者アドレスが自社ドメインのものであることを確認してください。</translation>
    </message>
    <message>
        <source>Check the encryption setting: STARTTLS on port 587, or SSL/TLS on port 465. Most servers refuse &quot;None&quot;.</source>
        <translation>暗号化の設定を確認してください。ポート 587 なら STARTTLS、ポート 465 なら SSL/TLS です。ほとんどのサーバーは「なし」を拒否します。</translation>
    </message>
    <message>
        <source>Old devices and programs may speak only TLS 1.0 or 1.1, which servers now refuse: update the firmware or program, or send through a relay that speaks TLS 1.2 or newer.</source>
        <translation>古い機器やプログラムは TLS 1.0 や 1.1 にしか対応していないことがあり、現在のサーバーはこれらを拒否します。ファームウェアやプログラムを更新するか、TLS 1.2 以降に対応したリレーを経由して送信してください。</translation>
    </message>
    <message>
        <source>For a certificate error, check that the server name in the settings matches the server&apos;s certificate (a name such as smtp.example.com, not an IP address) and that the device&apos;s date and time are right.</source>
        <translation>証明書のエラーの場合は、設定のサーバー名がサーバーの証明書と一致しているか（IP アドレスではなく smtp.example.com のような名前）と、機器の日付と時刻が正しいかを確認してください。</translation>
    </message>
    <message>
        <source>The receiving server refused your sender address. Check that the From address, and the return address your server uses, is a real address of a domain that exists.</source>
        <translation>受信サーバーがあなたの送信者アドレスを拒否しました。From アドレスと、送信サーバーが使うリターンアドレスが、実在するドメインの実在するアドレスかどうかを確認してください。</translation>
    </message>
    <message>
        <source>The receiving server did not understand what your mail program or server sent. Update the program, the device&apos;s firmware or the server, and undo custom SMTP settings.</source>
        <translation>受信サーバーは、メールソフトまたは送信サーバーから送られた内容を理解できませんでした。プログラム、機器のファームウェア、またはサーバーを更新し、独自に変更した SMTP 設定を元に戻してください。</translation>
    </message>
    <message>
        <source>If you do not manage the sending program or server, send these steps and the server&apos;s words to whoever does. Then send a test message.</source>
        <translation>送信プログラムやサーバーを自分で管理していない場合は、これらの手順とサーバーの応答を管理者に送ってください。その後、テストメッセージを送信してください。</translation>
    </message>
    <message>
        <source>Attachments grow by about a third when sent. Share large files through a link, compress them, or send them in several messages.</source>
        <translation>添付ファイルは送信時に約 3 分の 1 大きくなります。大きなファイルはリンクで共有するか、圧縮するか、複数のメッセージに分けて送信してください。</translation>
    </message>
    <message>
        <source>Links: remove shortened links and links whose text shows another address than they go to; check the linked sites are not on blocklists.</source>
        <translation>リンク: 短縮リンクや、表示されているアドレスと実際のリンク先が異なるリンクを削除してください。リンク先のサイトがブロックリストに登録されていないかも確認してください。</translation>
    </message>
    <message>
        <source>Attachments: archives, Office files with macros and programs are often refused; send a PDF or a link instead.</source>
        <translation>添付ファイル: 圧縮ファイル、マクロ付きの Office ファイル、プログラムは拒否されることがよくあります。代わりに PDF やリンクを送ってください。</translation>
    </message>
    <message>
        <source>Wording: capitals, many exclamation marks, &quot;free&quot;, &quot;urgent&quot; or a single large image with little text look like spam.</source>
        <translation>文面: 大文字の多用、たくさんの感嘆符、「無料」「至急」といった言葉、文章が少なく大きな画像が 1 枚だけの構成は、スパムのように見えます。</translation>
    </message>
    <message>
        <source>The server found or suspects malware in an attachment. Scan the file, and send it as a link or in another format; password-protected archives and programs are refused by most servers.</source>
        <translation>サーバーが添付ファイルにマルウェアを検出したか、その疑いがあると判断しました。ファイルをウイルススキャンし、リンクや別の形式で送信してください。パスワード付きの圧縮ファイルやプログラムは、ほとんどのサーバーで拒否されます。</translation>
    </message>
    <message>
        <source>The message breaks the email standard (RFC 5322): a missing or doubled header such as Date, From or Message-ID, overlong lines or bad encoding. The program that built it must be fixed; send from an ordinary mail program to compare.</source>
        <translation>メッセージがメールの規格（RFC 5322）に違反しています。Date、From、Message-ID などのヘッダーがない、または重複している、行が長すぎる、エンコードが正しくないといった問題です。メッセージを作成したプログラムの修正が必要です。比較のため、一般的なメールソフトから送信してみてください。</translation>
    </message>
    <message>
        <source>The recipient marked your message as spam. Stop sending them this kind of message unless they asked for it, and make unsubscribing easy.</source>
        <translation>受信者があなたのメッセージを迷惑メールとして報告しました。受信者が希望していない限り、この種のメッセージの送信をやめ、配信停止を簡単にできるようにしてください。</translation>
    </message>
    <message>
        <source>Compare the message with the server&apos;s words: its size, its attachments, its links and its wording.</source>
        <translation>サーバーの応答とメッセージを照らし合わせて、サイズ、添付ファイル、リンク、文面を確認してください。</translation>
    </message>
    <message>
        <source>This is a delay notice, not a failure: your mail server is still trying and retries by itself, usually for up to four or five days. Do not send the message again.</source>
        <translation>これは遅延通知であり、配送の失敗ではありません。送信サーバーは配送を続けており、通常は最大 4〜5 日間、自動で再試行します。メッセージを再送信しないでください。</translation>
    </message>
    <message>
        <source>Your mail server retried for its whole retry period and has given up: the message was not delivered. Send it again later.</source>
        <translation>送信サーバーは再試行期間いっぱいまで再試行しましたが、配送をあきらめました。メッセージは配送されていません。しばらくしてから再送信してください。</translation>
    </message>
    <message>
        <source>The receiving server asked to try again later. Your mail server retries by itself for a while; as this notice says it failed, send the message again in an hour or two.</source>
        <translation>受信サーバーから、後で再試行するよう求められました。送信サーバーはしばらく自動で再試行しますが、この通知では失敗したとされているため、1〜2 時間後にメッセージを再送信してください。</translation>
    </message>
    <message>
        <source>The server refuses you for sending too much, too fast: send fewer messages per hour (split large mailings) and wait at least an hour.</source>
        <translation>送信量が多すぎる、または送信が速すぎるため、サーバーに拒否されています。1 時間あたりの送信数を減らし（大量の配信は分割し）、少なくとも 1 時間待ってください。</translation>
    </message>
    <message>
        <source>Worry when the same error comes back after a day, or a final failure notice arrives: then the receiving side has a lasting problem and its IT must look at it.</source>
        <translation>1 日たっても同じエラーが返ってくる場合や、最終的な配送失敗の通知が届いた場合は注意が必要です。受信側に継続的な問題があるため、受信側の IT 部門による確認が必要です。</translation>
    </message>
    <message>
        <source>This is an automatic reply (out of office or similar): your message was delivered. Read it for the date they are back or for another contact.</source>
        <translation>これは自動返信（不在通知など）です。メッセージは配送されています。戻りの日付や別の連絡先が書かれていないか確認してください。</translation>
    </message>
    <message>
        <source>The refusal is about how your message is sent, not about the recipient: a setting in your mail program, device or server must change. Sending again unchanged fails the same way.</source>
        <translation>拒否の原因は受信者ではなく、メッセージの送信方法にあります。メールソフト、機器、またはサーバーの設定を変更する必要があります。何も変えずに再送信しても、同じように失敗します。</translation>
    </message>
    <message>
        <source>The receiving server refused what the message contains. Change the message, not the address.</source>
        <translation>受信サーバーはメッセージの内容を拒否しました。アドレスではなく、メッセージを変更してください。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explains why an email bounced.</source>
        <translation>メールがバウンスした理由を説明します。</translation>
    </message>
    <message>
        <source>Bounces to open (.eml, mbox, folder).</source>
        <translation>開くバウンスメール（.eml、mbox、フォルダー）。</translation>
    </message>
</context>
</TS>
