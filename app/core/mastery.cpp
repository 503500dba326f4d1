#include "mastery.h"

#include "content.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace k8sfc {

QHash<QString, ComponentMastery> MasteryCalculator::compute(const ContentSet &content,
                                                            const QHash<QString, CardProgress> &progress,
                                                            const QDateTime &now, const RecallFunction &recall)
{
    // Recall per card once, then sums per component: a card counts for each component it names
    // and for the parents of those. Components are numbered once, so the per-card work is array
    // arithmetic (this runs after every grade while the colours show).
    const ComponentRegistry &registry = content.registry();
    const QList<Component> &components = registry.components();
    QHash<QString, int> indexOf;
    for (int i = 0; i < components.size(); ++i)
        indexOf.insert(components.at(i).id, i);
    QList<QList<int>> owners(components.size()); // a component and its ancestors
    for (int i = 0; i < components.size(); ++i)
        for (const Component *c = &components.at(i); c && !owners[i].contains(indexOf.value(c->id));
             c = registry.component(c->partOf))
            owners[i].append(indexOf.value(c->id));

    struct Sum
    {
        int cards = 0, seen = 0;
        double recall = 0;
    };
    QList<Sum> sums(components.size());
    QList<int> lastCard(components.size(), -1); // so a card counts once per component
    int cardNumber = 0;
    for (const Deck &deck : content.decks()) {
        for (const Card &card : deck.cards) {
            ++cardNumber;
            const auto it = progress.constFind(card.id);
            const bool seen = it != progress.cend() && !it->isNew();
            const double r = seen ? std::clamp(recall(*it, now), 0.0, 1.0) : 0.0;
            for (const QString &id : card.components) {
                const auto found = indexOf.constFind(id);
                if (found == indexOf.cend())
                    continue;
                for (int owner : std::as_const(owners[*found])) {
                    if (lastCard[owner] == cardNumber)
                        continue;
                    lastCard[owner] = cardNumber;
                    Sum &sum = sums[owner];
                    ++sum.cards;
                    sum.seen += seen ? 1 : 0;
                    sum.recall += r;
                }
            }
        }
    }
    QHash<QString, ComponentMastery> out;
    out.reserve(components.size());
    for (int i = 0; i < components.size(); ++i) {
        const Sum &s = sums.at(i);
        ComponentMastery m;
        m.componentId = components.at(i).id;
        m.cards = s.cards;
        m.seen = s.seen;
        m.meanRecallSeen = s.seen ? s.recall / s.seen : 0;
        m.mastery = s.cards ? s.recall / s.cards : 0;
        out.insert(m.componentId, m);
    }
    return out;
}

double MasteryCalculator::fsrsRecall(const CardProgress &progress, const QDateTime &now)
{
    if (progress.isNew() || !progress.stability || !progress.lastReview.isValid() || *progress.stability <= 0)
        return 0;
    // FSRS-6 forgetting curve: R(t, S) = (1 + f·t/S)^-d with f chosen so that R(S, S) = 0.9.
    constexpr double decay = 0.1542; // w20 of the default parameters
    const double factor = std::pow(0.9, -1.0 / decay) - 1.0;
    const double days = std::max<qint64>(0, progress.lastReview.msecsTo(now)) / 86400000.0;
    return std::pow(1.0 + factor * days / *progress.stability, -decay);
}

} // namespace k8sfc
