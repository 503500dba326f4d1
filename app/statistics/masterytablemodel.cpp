#include "masterytablemodel.h"

#include "theme.h"

namespace k8sfc {

void MasteryTableModel::setComponents(const QList<StatisticsInput::Component> &components)
{
    beginResetModel();
    m_rows = components;
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
    const StatisticsInput::Component &m = m_rows.at(index.row());
    const bool unseen = m.seen == 0;
    const bool number = index.column() >= Cards;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::UserRole) { // sort key
        switch (index.column()) {
        case Name: return m.name.toLower();
        case Plane: return m.plane;
        case Cards: return m.cards;
        case Seen: return m.seen;
        case Mastery: return unseen ? -1.0 : m.mastery;
        case RecallOfSeen: return unseen ? -1.0 : m.meanRecallSeen;
        }
    }
    if (role == Qt::DecorationRole && index.column() == Mastery)
        return unseen ? theme::unseenColour() : theme::masteryColour(theme::masteryClass(m.mastery));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name: return m.name;
    case Plane: return m.plane;
    case Cards: return m.cards;
    case Seen: return m.seen;
    case Mastery: return unseen ? QStringLiteral("not studied") : QStringLiteral("%1%").arg(qRound(m.mastery * 100));
    case RecallOfSeen: return unseen ? QStringLiteral("–") : QStringLiteral("%1%").arg(qRound(m.meanRecallSeen * 100));
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
