#pragma once

#include "mastery.h"

#include <QAbstractTableModel>

namespace k8sfc {

class ComponentRegistry;

/// Per-component mastery as a table for the statistics view. Sorting is the proxy's job: the
/// sort role gives numbers for the numeric columns.
class MasteryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Plane, Cards, Seen, Mastery, RecallOfSeen, ColumnCount };

    explicit MasteryTableModel(const ComponentRegistry &registry, QObject *parent = nullptr);
    void setMastery(const QHash<QString, ComponentMastery> &mastery);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const ComponentRegistry &m_registry;
    QList<ComponentMastery> m_rows;
};

} // namespace k8sfc
