#pragma once

#include "review.h"

#include <QDateTime>
#include <QHash>
#include <functional>

namespace k8sfc {

class ContentSet;

/// How well a component's cards are known right now.
struct ComponentMastery
{
    QString componentId;
    int cards = 0;             ///< its cards, sub-parts' included
    int seen = 0;              ///< of those, reviewed at least once
    double meanRecallSeen = 0; ///< mean predicted recall of the seen cards
    /// Mean predicted recall over all its cards, an unseen card counting 0: what the diagram shows.
    double mastery = 0;

    bool isUnseen() const { return seen == 0; }
};

/// Predicted probability of recalling a card now (FSRS retrievability); 0 for a new card.
using RecallFunction = std::function<double(const CardProgress &progress, const QDateTime &now)>;

} // namespace k8sfc
