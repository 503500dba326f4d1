#pragma once

#include "fsrsitems.h"

#include <array>
#include <vector>

namespace k8sfc {

/// How well parameters predict a review log, measured as fsrs-rs's `evaluate` measures it.
struct FsrsMetrics
{
    /// Binary cross-entropy of recall against the predicted probability, each item weighted by
    /// recency (0.25 for the oldest … 1 for the newest, rising with the cube of its rank).
    double logLoss = 0;
    /// Root mean square of (mean predicted − observed recall) over bins of items alike in interval,
    /// number of long-term reviews and lapses, weighted by the bins' recency weights.
    double rmseBins = 0;
};

/// fsrs-rs's parameter clamps (those its optimizer applies after every step, and its scheduler on
/// parameters it is given). The ceiling of w17 and w18 falls with several relearning steps.
std::array<double, 21> fsrsClipParameters(std::array<double, 21> w, bool shortTerm, int relearningSteps = 1);

/// Recency weights of `count` items in time order, as fsrs-rs gives them.
std::vector<double> fsrsRecencyWeights(size_t count);

class FsrsEvaluator
{
public:
    /// The recall each of `items` is predicted with (parameters clipped as fsrs-rs clips them).
    static std::vector<double> predictions(const FsrsItemSet &set, const std::vector<FsrsItem> &items,
                                           const std::array<double, 21> &w);
    /// The metrics on `items`, in the order given (it sets the recency weights).
    static FsrsMetrics evaluate(const FsrsItemSet &set, const std::vector<FsrsItem> &items,
                                const std::array<double, 21> &w);
    /// The metrics as fsrs-rs's binding evaluates a log: on FsrsPretrain::evaluationItems().
    static FsrsMetrics evaluate(const FsrsItemSet &set, const std::array<double, 21> &w);
};

} // namespace k8sfc
