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
    // Recall per card once, then sums per component (a card counts for each component it names,
    // and for the parents of those components).
    struct Sum
    {
        int cards = 0, seen = 0;
        double recall = 0;
    };
    QHash<QString, Sum> sums;
    const ComponentRegistry &registry = content.registry();
    for (const Deck &deck : content.decks()) {
        for (const Card &card : deck.cards) {
            const auto it = progress.constFind(card.id);
            const bool seen = it != progress.cend() && !it->isNew();
            const double r = seen ? std::clamp(recall(*it, now), 0.0, 1.0) : 0.0;
            QSet<QString> owners;
            for (const QString &id : card.components)
                for (const Component *c = registry.component(id); c && !owners.contains(c->id);
                     c = registry.component(c->partOf))
                    owners.insert(c->id);
            for (const QString &owner : std::as_const(owners)) {
                Sum &s = sums[owner];
                ++s.cards;
                s.seen += seen ? 1 : 0;
                s.recall += r;
            }
        }
    }
    QHash<QString, ComponentMastery> out;
    for (const Component &c : registry.components()) {
        const Sum s = sums.value(c.id);
        ComponentMastery m;
        m.componentId = c.id;
        m.cards = s.cards;
        m.seen = s.seen;
        m.meanRecallSeen = s.seen ? s.recall / s.seen : 0;
        m.mastery = s.cards ? s.recall / s.cards : 0;
        out.insert(c.id, m);
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
