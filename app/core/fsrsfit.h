#pragma once

#include "fittedfsrs.h"
#include "fsrs.h"
#include "fsrsevaluator.h"
#include "fsrsoptimizer.h"
#include "review.h"

#include <QHash>
#include <QList>
#include <functional>
#include <optional>

namespace k8sfc {

/// What a fit in the app found, with the figures the learner compares before applying it.
struct FsrsFitReport
{
    FsrsOptimizer::Outcome outcome = FsrsOptimizer::Outcome::NotEnoughData;
    std::array<double, 21> weights{};
    int reviewCount = 0; ///< reviews that count (those after each card's last reset)
    FsrsMetrics before;  ///< the weights in use
    FsrsMetrics after;   ///< the fitted ones
};

/// The app's side of the FSRS optimizer: when a fit is offered, running one on the store's log,
/// what it changes for a typical card, rebuilding every card's memory with new weights, and when
/// to suggest fitting again.
class FsrsFit
{
public:
    /// Fitting is offered from this many reviews, as Anki first did.
    static constexpr int kMinReviews = 400;
    /// Fitting again is suggested this many days after the last fit…
    static constexpr int kRefitDays = 30;
    /// …once this many reviews were made since.
    static constexpr int kRefitReviews = 400;

    /// Fits the weights to `log` (the app's settings: short-term steps, one relearning step) and
    /// evaluates `current` and the fitted weights on the same items. `progress` may cancel.
    static FsrsFitReport run(const QList<ReviewEntry> &log, const QHash<QString, QDateTime> &resets, int dayStartHour,
                             const std::array<double, 21> &current,
                             const std::function<bool(qint64, qint64)> &progress);
    /// Reviews that count for a fit: those from each card's last reset on.
    static int countingReviews(const QList<ReviewEntry> &log, const QHash<QString, QDateTime> &resets);

    /// The interval in days a typical card gets with weights `w`: first answered Good, then Good
    /// again on the day it is due; the interval after that second answer.
    static int typicalIntervalDays(const std::array<double, 21> &w, double desiredRetention, int maximumInterval);

    /// Every reviewed card's state replayed from its log with `fsrs` (ReviewReplay, resets
    /// honoured). Unless `reschedule`, only stability and difficulty change: the due date and the
    /// rest stay as they are.
    static QList<CardProgress> recompute(const Fsrs &fsrs, const QHash<QString, CardProgress> &current,
                                         const QList<ReviewEntry> &log, const QHash<QString, QDateTime> &resets,
                                         bool reschedule);

    /// True when the app should suggest fitting again: kRefitDays after `fit`, with kRefitReviews
    /// made since, and not suggested since that fit.
    static bool suggestRefit(const std::optional<FittedFsrs> &fit, qint64 reviewsSinceFit, const QDateTime &now);
};

} // namespace k8sfc
