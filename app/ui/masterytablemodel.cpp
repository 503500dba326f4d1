#include "masterytablemodel.h"

#include "componentregistry.h"
#include "theme.h"

namespace k8sfc {

MasteryTableModel::MasteryTableModel(const ComponentRegistry &registry, QObject *parent)
    : QAbstractTableModel(parent), m_registry(registry)
{}

void MasteryTableModel::setMastery(const QHash<QString, ComponentMastery> &mastery)
{
    beginResetModel();
    m_rows.clear();
    for (const Component &c : m_registry.components())
        if (mastery.contains(c.id) && mastery.value(c.id).cards > 0)
            m_rows.append(mastery.value(c.id));
    endResetModel();
}

int MasteryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MasteryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MasteryTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ComponentMastery &m = m_rows.at(index.row());
    const Component *c = m_registry.component(m.componentId);
    const bool number = index.column() >= Cards;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::UserRole) { // sort key
        switch (index.column()) {
        case Name: return c ? c->name.toLower() : m.componentId;
        case Plane: return c ? c->planeId : QString();
        case Cards: return m.cards;
        case Seen: return m.seen;
        case Mastery: return m.isUnseen() ? -1.0 : m.mastery;
        case RecallOfSeen: return m.isUnseen() ? -1.0 : m.meanRecallSeen;
        }
    }
    if (role == Qt::DecorationRole && index.column() == Mastery)
        return m.isUnseen() ? theme::unseenColour() : theme::masteryColour(theme::masteryClass(m.mastery));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name: return c ? c->name : m.componentId;
    case Plane: {
        const k8sfc::Plane *plane = c ? m_registry.plane(c->planeId) : nullptr;
        return plane ? plane->name : QString();
    }
    case Cards: return m.cards;
    case Seen: return m.seen;
    case Mastery:
        return m.isUnseen() ? QStringLiteral("not studied") : QStringLiteral("%1%").arg(qRound(m.mastery * 100));
    case RecallOfSeen:
        return m.isUnseen() ? QStringLiteral("–") : QStringLiteral("%1%").arg(qRound(m.meanRecallSeen * 100));
    }
    return {};
}

QVariant MasteryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return QStringLiteral("Component");
    case Plane: return QStringLiteral("Plane");
    case Cards: return QStringLiteral("Cards");
    case Seen: return QStringLiteral("Seen");
    case Mastery: return QStringLiteral("Mastery");
    case RecallOfSeen: return QStringLiteral("Recall of seen");
    }
    return {};
}

} // namespace k8sfc
