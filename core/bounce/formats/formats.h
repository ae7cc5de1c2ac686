#pragma once

namespace BounceDoctor {

class FormatUnit;

const FormatUnit &amazonSesJsonFormat();  ///< Amazon SES bounce/delivery notifications (JSON)
const FormatUnit &feedbackReportFormat(); ///< ARF abuse reports (RFC 5965)
const FormatUnit &deliveryStatusFormat(); ///< RFC 3464 / RFC 6533 delivery status notifications
const FormatUnit &autoReplyFormat();      ///< RFC 3834 auto-replies (vacation messages)
const FormatUnit &freeTextFormat();       ///< the many MTAs that explain the failure in prose

} // namespace BounceDoctor
