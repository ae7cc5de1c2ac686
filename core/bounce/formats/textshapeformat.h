#pragma once

#include "bounceformat.h"
#include "common/pattern.h"

namespace BounceDoctor::Formats {

/// A bounce whose explanation is plain text: recognised by a phrase, read from an optional
/// start marker to the returned copy with the shared address-block parser.
class TextShapeFormat final : public BounceFormat
{
public:
    TextShapeFormat(QString name, const QString &detect, const QString &start = {},
                    const QString &end = {})
        : m_name(std::move(name))
        , m_detect(detect, Pattern::CaseInsensitive | Pattern::Multiline)
        , m_start(start.isEmpty() ? detect : start, Pattern::CaseInsensitive | Pattern::Multiline)
        , m_end(end, Pattern::CaseInsensitive | Pattern::Multiline)
        , m_hasEnd(!end.isEmpty())
    {}

    QString name() const override { return m_name; }
    bool matches(const ParsedMessage &message) const override
    {
        return m_detect.matches(message.bodyText);
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        return FormatHelpers::parseTextShape(message, &m_start, m_hasEnd ? &m_end : nullptr);
    }

private:
    QString m_name;
    Pattern m_detect;
    Pattern m_start;
    Pattern m_end;
    bool m_hasEnd;
};

} // namespace BounceDoctor::Formats
