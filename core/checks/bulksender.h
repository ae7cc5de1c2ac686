#pragma once

#include "check.h"

namespace BounceDoctor::BulkSender {

/// The bulk sender requirements of Gmail and Yahoo (since February 2024) and Outlook.com
/// (since May 2025), checked against the returned message and the run's live findings. Each
/// row names the rule it meets or breaks; what neither the bounce nor DNS shows is "could not
/// check". Finding ids: bulk.spf, bulk.dkim, bulk.dmarc, bulk.alignment, bulk.ptr,
/// bulk.dkim-key, bulk.tls, bulk.unsubscribe, bulk.message-id, bulk.date.
QList<Finding> findings(const CheckInput &input, const QList<Finding> &run);

} // namespace BounceDoctor::BulkSender
