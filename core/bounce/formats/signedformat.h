#pragma once

#include "bounceformat.h"
#include "common/pattern.h"

#include <QByteArray>

#include <memory>

namespace BounceDoctor::Formats {

/// A bounce recognised by its sender's signature (a header field only that MTA writes, or a
/// phrase of its own), read like another shape: plain text by default, or through the format
/// given (e.g. a DSN part). Naming it lets the classifier apply what that MTA's words mean.
class SignedFormat final : public BounceFormat
{
public:
    struct Signs
    {
        QByteArray header;  ///< lower-case header field name, or empty
        QString headerSign; ///< pattern over that field's value
        QString bodySign;   ///< pattern over the explanation, or empty
    };

    SignedFormat(QString name, const Signs &signs, std::unique_ptr<BounceFormat> reader = {})
        : m_name(std::move(name))
        , m_header(signs.header)
        , m_headerSign(signs.headerSign, Pattern::CaseInsensitive)
        , m_bodySign(signs.bodySign, Pattern::CaseInsensitive | Pattern::Multiline)
        , m_hasBodySign(!signs.bodySign.isEmpty())
        , m_reader(std::move(reader))
    {}

    QString name() const override { return m_name; }
    bool matches(const ParsedMessage &message) const override
    {
        if (!m_header.isEmpty()) {
            const QString value = message.header(m_header);
            if (!value.isEmpty() && m_headerSign.matches(value))
                return !m_reader || m_reader->matches(message);
        }
        return m_hasBodySign && m_bodySign.matches(message.bodyText) &&
               (!m_reader || m_reader->matches(message));
    }
    QList<RecipientDiagnosis> parse(const ParsedMessage &message) const override
    {
        return m_reader ? m_reader->parse(message)
                        : FormatHelpers::parseTextShape(message, nullptr, nullptr);
    }

private:
    QString m_name;
    QByteArray m_header;
    Pattern m_headerSign;
    Pattern m_bodySign;
    bool m_hasBodySign;
    std::unique_ptr<BounceFormat> m_reader;
};

} // namespace BounceDoctor::Formats
