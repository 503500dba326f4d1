#pragma once

#include "fsrs.h"
#include "review.h"

namespace k8sfc {

/// Rebuilds a card's state from its review log: from New, each review in time order through the
/// scheduler, exactly as Grader graded it (same conversions, same leech rule). Resets in the card's
/// events send it back to New at their moment. The learner's marks (suspended, flag, leech) are
/// those of the card's current row, which already reflect any reset; a leech reached at a review
/// just imported adds the leech mark and suspends the card, as that grade did where it was made.
///
/// Used as the MasteryStore::importReviews() callback:
/// ```
/// store.importReviews(entries, ReviewReplay::callback(grader.scheduler()));
/// ```
class ReviewReplay
{
public:
    static ReplayedCard replay(const Fsrs &fsrs, const CardProgress &current, const QList<ReviewEntry> &log,
                               const QSet<qint64> &added, const QList<CardEvent> &events);
    /// `fsrs` must outlive the callback.
    static CardReplay callback(const Fsrs &fsrs);
};

} // namespace k8sfc
