#pragma once

#include "fsrsitems.h"

#include <array>
#include <map>
#include <optional>
#include <vector>

namespace k8sfc {

/// The first part of fsrs-rs's fit: which items to train on, and the four initial stabilities
/// (w0…w3) estimated from each card's first rating and how the review on the next day went.
class FsrsPretrain
{
public:
    /// fsrs-rs's outlier filter. Items whose card has one long-term review are grouped by first
    /// rating and by that review's interval; per first rating, the smallest groups holding 5 % of
    /// the items (20 at least) are dropped, and so are groups under 6 items or with an interval
    /// over 100 days (365 after Easy). `initialization` gets the kept one-review items, `training`
    /// every item whose (first rating, first interval) was not dropped, in time order.
    struct Split
    {
        std::vector<FsrsItem> initialization;
        std::vector<FsrsItem> training;
    };
    static Split split(const FsrsItemSet &set);
    /// The items fsrs-rs's binding evaluates, in its order: the kept one-review items (by first
    /// rating, then from the smallest group), then the other training items in time order.
    static std::vector<FsrsItem> evaluationItems(const FsrsItemSet &set);

    /// The share of `items` answered with a passing grade.
    static double averageRecall(const FsrsItemSet &set, const std::vector<FsrsItem> &items);

    struct Result
    {
        std::array<double, 4> stability{};
        std::map<int, int> ratingCount; ///< items per first rating that the estimate rests on
    };
    /// For each first rating: the stability whose forgetting curve (default decay) best fits the
    /// recall seen at each interval (log loss, Laplace-smoothed towards `averageRecall`, with an L1
    /// pull to the default), found by ternary search. nullopt when no first rating has data: fsrs-rs's
    /// NotEnoughData.
    static std::optional<Result> initialStability(const FsrsItemSet &set, const std::vector<FsrsItem> &items,
                                                  double averageRecall);

    /// fsrs-rs's smooth_and_fill: orders the stabilities of the ratings with data (Again ≤ Hard ≤
    /// Good ≤ Easy, the better-supported value winning), fills in the others from them, clamps to
    /// 0.001…100. nullopt when no rating has data.
    static std::optional<std::array<double, 4>> smoothAndFill(std::map<int, double> stability,
                                                              const std::map<int, int> &ratingCount);
};

} // namespace k8sfc
