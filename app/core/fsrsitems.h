#pragma once

#include "fsrsdaycounter.h"
#include "review.h"

#include <QHash>
#include <QList>
#include <QString>
#include <vector>

namespace k8sfc {

/// One review as the FSRS optimizer sees it: the grade and the whole days since the card's review
/// before it (0 for the first review and for a review on the same day).
struct FsrsReview
{
    int rating = 0;
    int deltaT = 0;
};

/// A prediction to fit: review `index` (≥ 1, on a later day than the review before it) of card
/// `card`, predicted from the card's reviews before it.
struct FsrsItem
{
    int card = 0;
    int index = 0;
};

/// A review log cut into the items fsrs-rs trains on and evaluates, built as Anki builds them:
/// each card's reviews since its last reset, in time order; one item per review on a later day
/// than the one before it, the items in the order of those reviews. Same-day reviews make no item
/// of their own, but they are in the history of the next one, where they shape the short-term terms.
class FsrsItemSet
{
public:
    /// `resets`: when each card was last reset; its earlier reviews do not count.
    static FsrsItemSet build(const QList<ReviewEntry> &log, const FsrsDayCounter &days,
                             const QHash<QString, QDateTime> &resets = {});

    const std::vector<std::vector<FsrsReview>> &cards() const { return m_cards; }
    const std::vector<FsrsItem> &items() const { return m_items; }
    const FsrsReview &current(const FsrsItem &item) const { return m_cards[size_t(item.card)][size_t(item.index)]; }
    /// Reviews that count: those after each card's last reset.
    int reviewCount() const { return m_reviewCount; }

    /// Reviews of the item (its history and itself) on a later day than the review before.
    int longTermCount(const FsrsItem &item) const;
    /// The item's first review after the first day.
    const FsrsReview &firstLongTerm(const FsrsItem &item) const;

    /// A set of items from cards already cut (tests and benchmarks build histories by hand).
    static FsrsItemSet fromCards(std::vector<std::vector<FsrsReview>> cards);

private:
    std::vector<std::vector<FsrsReview>> m_cards;
    std::vector<FsrsItem> m_items;
    int m_reviewCount = 0;
};

} // namespace k8sfc
