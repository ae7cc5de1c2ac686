#pragma once

#include "bounceformat.h"

#include <QRegularExpression>

namespace BounceDoctor::Formats {

/// A bounce whose explanation is plain text: recognised by a phrase, read from an optional
/// start marker to the returned copy with the shared address-block parser.
class TextShapeFormat final : public BounceFormat
{
public:
    TextShapeFormat(QString name, const QString &detect, const QString &start = {},
                    const QString &end = {})
        : m_name(std::move(name))
        , m_detect(detect,
                   QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption)
        , m_start(start.isEmpty() ? detect : start,
                  QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption)
        , m_end(end,
                QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption)
        , m_hasEnd(!end.isEmpty())
    {}

    QString name() const override { return m_name; }
    bool matches(const ParsedMessage &message) const override
    {
        return m_detect.match(message.bodyText).hasMatch();
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        return FormatHelpers::parseTextShape(message, &m_start, m_hasEnd ? &m_end : nullptr);
    }

private:
    QString m_name;
    QRegularExpression m_detect;
    QRegularExpression m_start;
    QRegularExpression m_end;
    bool m_hasEnd;
};

} // namespace BounceDoctor::Formats
