#pragma once

#include "bounce/diagnosis.h"
#include "bounce/mimecontent.h"

#include <QList>

namespace BounceDoctor {

/// One bounce format: recognises its messages and fills the recipients' raw fields
/// (the classifier adds the meaning afterwards). Each format lives in its own file.
class FormatUnit
{
public:
    virtual ~FormatUnit() = default;
    virtual const char *name() const = 0;
    /// Fills message.recipients and returns true when the content is in this format.
    virtual bool parse(const MimeContent &content, BounceMessage &message) const = 0;
};

/// The formats, most specific first; the free-text reader comes last.
const QList<const FormatUnit *> &formatUnits();

} // namespace BounceDoctor
