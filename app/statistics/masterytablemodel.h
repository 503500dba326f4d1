#pragma once

#include "statisticsinput.h"

#include <QAbstractTableModel>

namespace k8sfc {

/// Per-component mastery as a table for the statistics view. Sorting is the proxy's job: the
/// sort role gives numbers for the numeric columns.
class MasteryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Plane, Cards, Seen, Mastery, RecallOfSeen, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setComponents(const QList<StatisticsInput::Component> &components);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<StatisticsInput::Component> m_rows;
};

} // namespace k8sfc
