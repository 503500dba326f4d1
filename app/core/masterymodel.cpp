#include "masterymodel.h"

#include "content.h"

#include <algorithm>

namespace k8sfc {

void MasteryModel::rebuild(const ContentSet &content, const QHash<QString, CardProgress> &progress,
                           const QDateTime &now, const RecallFunction &recall)
{
    const ComponentRegistry &registry = content.registry();
    m_components.clear();
    QHash<QString, int> indexOf;
    for (const Component &c : registry.components()) {
        indexOf.insert(c.id, int(m_components.size()));
        m_components.append(c.id);
    }
    QList<QList<int>> owners(m_components.size());
    for (int i = 0; i < m_components.size(); ++i)
        for (const Component *c = registry.component(m_components.at(i));
             c && !owners[i].contains(indexOf.value(c->id)); c = registry.component(c->partOf))
            owners[i].append(indexOf.value(c->id));
    m_sums = QList<Sum>(m_components.size());
    // An arrow id a card names counts for itself alone: its copies are combined where it is drawn.
    auto arrowIndex = [&](const QString &id) {
        if (const auto it = indexOf.constFind(id); it != indexOf.cend())
            return *it;
        const int index = int(m_components.size());
        indexOf.insert(id, index);
        m_components.append(id);
        m_sums.append(Sum{});
        return index;
    };
    m_cards.clear();
    m_cards.reserve(content.cardCount());
    for (const Deck &deck : content.decks())
        for (const Card &card : deck.cards) {
            CardShare share;
            for (const QString &id : card.components)
                if (const auto it = indexOf.constFind(id); it != indexOf.cend())
                    for (int owner : std::as_const(owners[*it]))
                        if (!share.owners.contains(owner))
                            share.owners.append(owner);
            for (const QString &id : card.arrows)
                if (const int owner = arrowIndex(id); !share.owners.contains(owner))
                    share.owners.append(owner);
            const auto p = progress.constFind(card.id);
            share.seen = p != progress.cend() && !p->isNew();
            share.recall = share.seen ? std::clamp(recall(*p, now), 0.0, 1.0) : 0.0;
            for (int owner : std::as_const(share.owners)) {
                Sum &s = m_sums[owner];
                ++s.cards;
                s.seen += share.seen ? 1 : 0;
                s.recall += share.recall;
            }
            m_cards.insert(card.id, share);
        }
}

void MasteryModel::update(const QString &cardId, const CardProgress &progress, const QDateTime &now,
                          const RecallFunction &recall)
{
    const auto it = m_cards.find(cardId);
    if (it == m_cards.end())
        return; // a card no deck has (retired): it counts for no component
    CardShare &share = *it;
    const bool seen = !progress.isNew();
    const double r = seen ? std::clamp(recall(progress, now), 0.0, 1.0) : 0.0;
    for (int owner : std::as_const(share.owners)) {
        Sum &s = m_sums[owner];
        s.seen += (seen ? 1 : 0) - (share.seen ? 1 : 0);
        s.recall += r - share.recall;
    }
    share.seen = seen;
    share.recall = r;
}

QHash<QString, ComponentMastery> MasteryModel::result() const
{
    QHash<QString, ComponentMastery> out;
    out.reserve(m_components.size());
    for (int i = 0; i < m_components.size(); ++i) {
        const Sum &s = m_sums.at(i);
        ComponentMastery m;
        m.componentId = m_components.at(i);
        m.cards = s.cards;
        m.seen = s.seen;
        m.meanRecallSeen = s.seen ? std::max(0.0, s.recall) / s.seen : 0;
        m.mastery = s.cards ? std::max(0.0, s.recall) / s.cards : 0;
        out.insert(m.componentId, m);
    }
    return out;
}

} // namespace k8sfc
