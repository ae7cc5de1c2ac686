#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <utility>

/// The one way an enum's values get their stable names (in JSON, saved cases, evidence):
/// a table of {value, name} pairs (UTF-8) next to the enum's name function.
namespace BounceDoctor {

template<typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, const char *>, N>;

/// The name of value in names; the first entry's name when value is not listed.
template<typename Enum, std::size_t N>
QString enumName(const EnumNames<Enum, N> &names, Enum value)
{
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return QString::fromUtf8(name);
    }
    return QString::fromUtf8(names.front().second);
}

/// The value named text in names; the first entry's value when no name matches.
template<typename Enum, std::size_t N>
Enum enumValue(const EnumNames<Enum, N> &names, QStringView text)
{
    for (const auto &[value, name] : names) {
        if (text == QLatin1String(name))
            return value;
    }
    return names.front().first;
}

} // namespace BounceDoctor
