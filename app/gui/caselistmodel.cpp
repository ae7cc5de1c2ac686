#include "caselistmodel.h"

#include <QLocale>

namespace BounceDoctor::Gui {

CaseListModel::CaseListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CaseListModel::setCases(QList<CaseSummary> cases)
{
    beginResetModel();
    m_cases = std::move(cases);
    endResetModel();
}

const CaseSummary *CaseListModel::caseAt(int row) const
{
    return row >= 0 && row < m_cases.size() ? &m_cases.at(row) : nullptr;
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cases.size());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaseListModel::stateLabel(CaseState state)
{
    switch (state) {
    case CaseState::Open:
        return tr("Open");
    case CaseState::WaitingForRecipientIt:
        return tr("Waiting for the recipient's IT");
    case CaseState::Resolved:
        break;
    }
    return tr("Resolved");
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    const CaseSummary *c = caseAt(index.row());
    if (!c)
        return {};
    if (role == CaseIdRole)
        return c->id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case DateColumn:
        return QLocale().toString(c->createdAt.toLocalTime(), QLocale::ShortFormat);
    case RecipientsColumn:
        return role == Qt::ToolTipRole ? c->recipients.join(u'\n')
                                       : c->recipients.join(QLatin1String(", "));
    case ReasonColumn:
        return c->reasons.join(QLatin1String(", "));
    case ProviderColumn:
        return c->providers.join(QLatin1String(", "));
    case StateColumn:
        return stateLabel(c->state);
    case TicketColumn:
        return c->ticketRef;
    default:
        return {};
    }
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("When");
    case RecipientsColumn:
        return tr("Recipients");
    case ReasonColumn:
        return tr("Reason");
    case ProviderColumn:
        return tr("Provider");
    case StateColumn:
        return tr("State");
    case TicketColumn:
        return tr("Ticket");
    default:
        return {};
    }
}

} // namespace BounceDoctor::Gui
