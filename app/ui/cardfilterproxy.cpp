#include "cardfilterproxy.h"

namespace k8sfc {

CardFilterProxy::CardFilterProxy(ContentSnapshot content, QObject *parent)
    : QSortFilterProxyModel(parent), m_content(std::move(content))
{
    setSortRole(CardTableModel::SortRole);
}

void CardFilterProxy::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    setComponent(m_component);
}

void CardFilterProxy::changed()
{
    invalidateFilter();
}

void CardFilterProxy::setSearchText(const QString &text)
{
    // Every word must appear somewhere in the card, in any order, ignoring case.
    m_words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    changed();
}

void CardFilterProxy::setDeck(const QString &deckId)
{
    m_decks = deckId.isEmpty() ? QStringList() : deckId.split(u',');
    changed();
}

void CardFilterProxy::setComponent(const QString &componentId)
{
    m_component = componentId;
    m_components = componentId.isEmpty() ? QStringList() : m_content->registry().withParts(componentId);
    changed();
}

void CardFilterProxy::setTag(const QString &tag)
{
    m_tag = tag;
    changed();
}

void CardFilterProxy::setStateFilter(CardTableModel::StateFilter filter)
{
    m_state = filter;
    changed();
}

bool CardFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = static_cast<const CardTableModel *>(sourceModel());
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    if (!CardTableModel::matchesState(model->progress(sourceRow), model->isRetired(sourceRow), m_state))
        return false;
    if (!m_decks.isEmpty() && !m_decks.contains(index.data(CardTableModel::DeckIdRole).toString()))
        return false;
    if (!m_tag.isEmpty() && !index.data(CardTableModel::TagsRole).toStringList().contains(m_tag))
        return false;
    if (!m_components.isEmpty()) {
        const QStringList own = index.data(CardTableModel::ComponentIdsRole).toStringList();
        if (std::none_of(own.begin(), own.end(), [this](const QString &c) { return m_components.contains(c); }))
            return false;
    }
    if (!m_words.isEmpty()) {
        const QString text = index.data(CardTableModel::SearchTextRole).toString();
        for (const QString &word : m_words)
            if (!text.contains(word, Qt::CaseInsensitive))
                return false;
    }
    return true;
}

} // namespace k8sfc
