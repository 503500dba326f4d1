#pragma once

#include "content.h"
#include "review.h"

#include <QAbstractTableModel>

namespace k8sfc {

class MasteryStore;

/// Every card of the decks, plus the retired ones (ids the store knows that no deck has any
/// more), with their scheduling state: the card browser's model.
class CardTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Front, Deck, Components, State, Due, Lapses, Difficulty, Reviews, ColumnCount };
    enum Role {
        CardIdRole = Qt::UserRole + 1,
        SortRole,
        SearchTextRole,
        DeckIdRole,
        ComponentIdsRole,
        TagsRole,
        StateRole
    };
    /// What the state filter matches: the FSRS states plus the learner's marks.
    enum class StateFilter { Any, New, Learning, Review, Suspended, Retired, Flagged, Leech };

    CardTableModel(ContentSnapshot content, MasteryStore &store, QObject *parent = nullptr);
    /// New content: the rows are built again from it (the cards they point to live in it).
    void setContent(ContentSnapshot content);

    /// Re-reads the scheduling state of every card from the store.
    void reload();
    /// Re-reads one card (after a grade or a mark).
    void reloadCard(const QString &cardId);

    const Card *card(int row) const;
    QString cardId(int row) const;
    CardProgress progress(int row) const;
    bool isRetired(int row) const;
    static bool matchesState(const CardProgress &progress, bool retired, StateFilter filter);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        QString id;
        const Card *card = nullptr; ///< null for a retired card
        CardProgress progress;
        int reviews = 0;
    };

    ContentSnapshot m_content;
    MasteryStore &m_store;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    QHash<QString, QString> m_deckTitles;
};

} // namespace k8sfc
