#pragma once

#include "casestore.h"

#include <QAbstractTableModel>

namespace BounceDoctor::Gui {

/// The History panel's rows: one stored case each, newest first.
class CaseListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DateColumn,
        RecipientsColumn,
        ReasonColumn,
        ProviderColumn,
        StateColumn,
        TicketColumn,
        ColumnCount
    };
    static constexpr int CaseIdRole = Qt::UserRole + 1;

    explicit CaseListModel(QObject *parent = nullptr);

    void setCases(QList<CaseSummary> cases);
    const CaseSummary *caseAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateLabel(CaseState state);

private:
    QList<CaseSummary> m_cases;
};

} // namespace BounceDoctor::Gui
