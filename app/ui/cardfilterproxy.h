#pragma once

#include "cardtablemodel.h"
#include "content.h"

#include <QSortFilterProxyModel>
#include <QStringList>

namespace k8sfc {

/// The browser's filters over CardTableModel: search text, deck, component (with its sub-parts),
/// tag and state. Sorting uses CardTableModel::SortRole.
class CardFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CardFilterProxy(ContentSnapshot content, QObject *parent = nullptr);
    /// New content: a component filter takes in the sub-parts the new registry gives it.
    void setContent(ContentSnapshot content);

    void setSearchText(const QString &text);
    /// One deck id, or several joined by commas ("My cards": the learner's own decks).
    void setDeck(const QString &deckId);
    void setComponent(const QString &componentId);
    void setTag(const QString &tag);
    void setStateFilter(CardTableModel::StateFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void changed();

    ContentSnapshot m_content;
    QString m_component;
    QStringList m_words;
    QStringList m_decks;
    QStringList m_components;
    QString m_tag;
    CardTableModel::StateFilter m_state = CardTableModel::StateFilter::Any;
};

} // namespace k8sfc
