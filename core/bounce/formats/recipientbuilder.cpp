#include "recipientbuilder.h"

#include "bounce/smtptext.h"

namespace BounceDoctor {

void fillFromDiagnostic(RecipientDiagnosis &r, const QString &contextText)
{
    constexpr qsizetype maxDiagnostic = 4000;
    if (r.diagnostic.size() > maxDiagnostic)
        r.diagnostic = r.diagnostic.left(maxDiagnostic);
    const QString &text = r.diagnostic;
    const QString found = SmtpText::findStatusCode(text);
    // Codes that say little: the server's own words usually carry a better one.
    const bool generic = r.status.isEmpty() || r.status.endsWith(QLatin1String(".0.0")) ||
                         r.status == QLatin1String("4.4.7") ||
                         r.status.endsWith(QLatin1String(".1.0"));
    if (!found.isEmpty() && (generic && !found.endsWith(QLatin1String(".0.0"))))
        r.status = found;
    else if (r.status.isEmpty())
        r.status = found;
    if (r.replyCode.isEmpty())
        r.replyCode = SmtpText::findReplyCode(text);
    if (r.command.isEmpty())
        r.command = SmtpText::findCommand(text.isEmpty() ? contextText
                                                         : text + QLatin1Char(' ') + contextText);
    if (r.remoteMta.isEmpty())
        r.remoteMta = SmtpText::findRemoteHost(contextText.isEmpty() ? text : contextText);
    if (r.sendingIp.isEmpty())
        r.sendingIp = SmtpText::findSendingIp(text);
}

} // namespace BounceDoctor
