#include "cardtablemodel.h"

#include "content.h"
#include "masterystore.h"

#include <QLocale>

namespace k8sfc {

namespace {

QString stateName(const CardProgress &p, bool retired)
{
    QString name;
    switch (p.state) {
    case CardState::New: name = QStringLiteral("New"); break;
    case CardState::Learning: name = QStringLiteral("Learning"); break;
    case CardState::Review: name = QStringLiteral("Review"); break;
    case CardState::Relearning: name = QStringLiteral("Relearning"); break;
    }
    if (p.leech)
        name += QStringLiteral(", leech");
    if (p.suspended)
        name += QStringLiteral(", suspended");
    if (retired)
        name = QStringLiteral("Retired (") + name + u')';
    return name;
}

QString firstLine(const QString &markdown)
{
    QString line = markdown.section(u'\n', 0, 0).trimmed();
    line.remove(u'`').remove(QStringLiteral("**"));
    return line;
}

} // namespace

CardTableModel::CardTableModel(ContentSnapshot content, MasteryStore &store, QObject *parent)
    : QAbstractTableModel(parent), m_content(std::move(content)), m_store(store)
{
    reload();
}

void CardTableModel::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    reload();
}

void CardTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_deckTitles.clear();
    for (const k8sfc::Deck &deck : m_content->decks())
        m_deckTitles.insert(deck.id, deck.title);
    // Unreadable states show the cards as New; the store refuses any mark on such a card.
    const QHash<QString, CardProgress> progress = m_store.allProgress().valueOr({});
    const QHash<QString, int> counts = m_store.reviewCounts().valueOr({});
    for (const k8sfc::Deck &deck : m_content->decks())
        for (const Card &card : deck.cards)
            m_rows.append(Row{card.id, &card, progress.value(card.id, CardProgress{card.id}), counts.value(card.id)});
    for (const QString &id : m_store.knownCardIds().valueOr({}))
        if (!m_content->card(id))
            m_rows.append(Row{id, nullptr, progress.value(id, CardProgress{id}), counts.value(id)});
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).id, i);
    endResetModel();
}

void CardTableModel::reloadCard(const QString &cardId)
{
    const auto it = m_rowOf.constFind(cardId);
    if (it == m_rowOf.cend())
        return;
    Row &row = m_rows[*it];
    // A failed read keeps what the row showed.
    row.progress = m_store.progress(cardId).valueOr(row.progress);
    if (const auto reviews = m_store.reviews(cardId, 1000000))
        row.reviews = int(reviews->size());
    emit dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
}

const Card *CardTableModel::card(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).card : nullptr;
}

QString CardTableModel::cardId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

CardProgress CardTableModel::progress(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).progress : CardProgress{};
}

bool CardTableModel::isRetired(int row) const
{
    return row >= 0 && row < m_rows.size() && !m_rows.at(row).card;
}

bool CardTableModel::matchesState(const CardProgress &p, bool retired, StateFilter filter)
{
    switch (filter) {
    case StateFilter::Any: return true;
    case StateFilter::New: return !retired && p.state == CardState::New;
    case StateFilter::Learning: return !retired && (p.state == CardState::Learning || p.state == CardState::Relearning);
    case StateFilter::Review: return !retired && p.state == CardState::Review;
    case StateFilter::Suspended: return p.suspended;
    case StateFilter::Retired: return retired;
    case StateFilter::Flagged: return p.flag != 0;
    case StateFilter::Leech: return p.leech;
    }
    return true;
}

int CardTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CardTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CardTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const CardProgress &p = row.progress;
    switch (role) {
    case CardIdRole: return row.id;
    case DeckIdRole: return row.card ? row.card->deckId : QString();
    case ComponentIdsRole: return row.card ? row.card->components : QStringList();
    case TagsRole: return row.card ? row.card->tags : QStringList();
    case StateRole: return int(p.state);
    case SearchTextRole:
        return row.card ? row.id + u'\n' + row.card->front + u'\n' + row.card->back + u'\n' + row.card->tags.join(u' ')
                        : row.id;
    case SortRole:
        switch (index.column()) {
        case Front: return row.card ? firstLine(row.card->front).toLower() : row.id;
        case Deck: return m_deckTitles.value(row.card ? row.card->deckId : QString());
        case Components: return row.card ? row.card->components.join(u',') : QString();
        case State: return int(p.state) + (p.suspended ? 10 : 0) + (row.card ? 0 : 100);
        case Due: return p.due.isValid() ? p.due.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        case Lapses: return p.lapses;
        case Difficulty: return p.difficulty.value_or(-1.0);
        case Reviews: return row.reviews;
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(index.column() >= Lapses ? Qt::AlignRight | Qt::AlignVCenter
                                                            : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return row.card ? row.card->front : QStringLiteral("This card is no longer in any deck; its history is kept.");
    case Qt::DisplayRole:
        switch (index.column()) {
        case Front: return row.card ? firstLine(row.card->front) : row.id;
        case Deck: return row.card ? m_deckTitles.value(row.card->deckId) : QStringLiteral("—");
        case Components: return row.card ? row.card->components.join(QStringLiteral(", ")) : QString();
        case State: return stateName(p, !row.card);
        case Due: return p.due.isValid() ? QLocale().toString(p.due.toLocalTime(), QLocale::ShortFormat) : QString();
        case Lapses: return p.lapses;
        case Difficulty: return p.difficulty ? QString::number(*p.difficulty, 'f', 1) : QString();
        case Reviews: return row.reviews;
        }
        return {};
    default: return {};
    }
}

QVariant CardTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {"Question", "Deck",   "Components", "State",
                                        "Due",      "Lapses", "Difficulty", "Reviews"};
    return section >= 0 && section < ColumnCount ? QString::fromLatin1(names[section]) : QVariant();
}

} // namespace k8sfc
