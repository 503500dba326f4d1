#pragma once

#include "fsrsevaluator.h"
#include "fsrsitems.h"

#include <QString>
#include <array>
#include <functional>
#include <optional>

namespace k8sfc {

/// Fits the 21 FSRS-6 weights to a learner's review log, the way fsrs-rs (the optimizer behind
/// Anki's "Optimize") does it, so that both reach the same fit:
///  1. fsrs-rs's outlier filter and pre-training of w0…w3 (FsrsPretrain);
///  2. five epochs of Adam (learning rate 0.04, cosine annealing over the run) on batches of 512
///     items sorted by length and taken in a shuffled order, minimising the recency-weighted log
///     loss plus an L2 pull towards the starting weights; the gradient is exact (FsrsDual), and the
///     weights are clipped after every step (fsrsClipParameters);
///  3. the weights of the epoch with the lowest loss, with w0…w3 put back in order (smoothAndFill).
/// In long-term mode w0…w3 stay as pre-trained and w17…w19 at 0, as fsrs-rs's enableShortTerm:
/// false leaves them.
class FsrsOptimizer
{
public:
    struct Options
    {
        bool shortTerm = true;
        int relearningSteps = 1;
        int epochs = 5;
        int batchSize = 512;
        double learningRate = 0.04;
        double gamma = 1; ///< strength of the L2 pull
        unsigned seed = 2023;
        /// Called after every batch with the items done and the items to do over all epochs;
        /// returning false cancels the fit.
        std::function<bool(qint64 done, qint64 total)> progress;
    };

    enum class Outcome { Fitted, NotEnoughData, Cancelled };
    struct Result
    {
        Outcome outcome = Outcome::NotEnoughData;
        std::array<double, 21> weights{};
        int trainingItems = 0; ///< items left after the outlier filter
    };

    /// fsrs-rs fits nothing on fewer items than this (its outlier filter drops the first 20 of
    /// every first rating, tests/data/fsrs-optimizer/reference.json).
    static constexpr int kMinItems = 20;

    static Result fit(const FsrsItemSet &set, const Options &options);

    /// The loss the training minimises on `items` (weighted by `weights`), summed, and its exact
    /// gradient by the 21 weights. Public for the finite-difference test.
    static double lossAndGradient(const FsrsItemSet &set, const std::vector<FsrsItem> &items,
                                  const std::vector<double> &weights, const std::array<double, 21> &w,
                                  std::array<double, 21> *gradient);
};

} // namespace k8sfc
