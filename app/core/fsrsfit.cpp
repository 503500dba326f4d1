#include "fsrsfit.h"

#include "fsrsitems.h"
#include "reviewreplay.h"

#include <algorithm>
#include <cmath>

namespace k8sfc {

FsrsFitReport FsrsFit::run(const QList<ReviewEntry> &log, const QHash<QString, QDateTime> &resets, int dayStartHour,
                           const std::array<double, 21> &current, const std::function<bool(qint64, qint64)> &progress)
{
    const FsrsItemSet set = FsrsItemSet::build(log, localDayCounter(dayStartHour), resets);
    FsrsOptimizer::Options options; // the app's scheduler: short-term steps, one relearning step
    options.progress = progress;
    const FsrsOptimizer::Result fit = FsrsOptimizer::fit(set, options);
    FsrsFitReport report;
    report.outcome = fit.outcome;
    report.reviewCount = set.reviewCount();
    if (fit.outcome != FsrsOptimizer::Outcome::Fitted)
        return report;
    report.weights = fit.weights;
    report.before = FsrsEvaluator::evaluate(set, current);
    report.after = FsrsEvaluator::evaluate(set, fit.weights);
    return report;
}

int FsrsFit::countingReviews(const QList<ReviewEntry> &log, const QHash<QString, QDateTime> &resets)
{
    return int(std::count_if(log.begin(), log.end(), [&resets](const ReviewEntry &r) {
        const auto reset = resets.constFind(r.cardId);
        return reset == resets.constEnd() || r.reviewedAt >= *reset; // as FsrsItemSet and ReviewReplay count them
    }));
}

int FsrsFit::typicalIntervalDays(const std::array<double, 21> &w, double desiredRetention, int maximumInterval)
{
    const FsrsModel model(w, desiredRetention, true, 1);
    auto interval = [&](double stability) {
        const double days = FsrsModel::roundHalfUp(stability * model.intervalModifier());
        return qint64(std::clamp(days, 1.0, double(maximumInterval)));
    };
    const FsrsMemory first = model.initial(int(Rating::Good));
    const qint64 firstInterval = interval(first.stability);
    return int(interval(model.next(first, firstInterval, int(Rating::Good)).stability));
}

QList<CardProgress> FsrsFit::recompute(const Fsrs &fsrs, const QHash<QString, CardProgress> &current,
                                       const QList<ReviewEntry> &log, const QHash<QString, QDateTime> &resets,
                                       bool reschedule)
{
    QHash<QString, QList<ReviewEntry>> byCard;
    for (const ReviewEntry &r : log) // oldest first, as the store gives it
        byCard[r.cardId].append(r);
    QList<CardProgress> out;
    for (auto it = byCard.cbegin(); it != byCard.cend(); ++it) {
        const CardProgress now = current.value(it.key(), CardProgress{it.key()});
        QList<CardEvent> events; // the last reset is the one that decides where the card starts over
        if (const auto reset = resets.constFind(it.key()); reset != resets.constEnd())
            events.append(CardEvent{0, it.key(), *reset, CardEvent::Kind::Reset, 0});
        CardProgress replayed = ReviewReplay::replay(fsrs, now, it.value(), {}, events).state;
        if (!reschedule) {
            CardProgress kept = now;
            kept.stability = replayed.stability;
            kept.difficulty = replayed.difficulty;
            replayed = kept;
        }
        out.append(replayed);
    }
    return out;
}

bool FsrsFit::suggestRefit(const std::optional<FittedFsrs> &fit, qint64 reviewsSinceFit, const QDateTime &now)
{
    return fit && !fit->refitSuggested && fit->fittedAt.addDays(kRefitDays) <= now && reviewsSinceFit >= kRefitReviews;
}

} // namespace k8sfc
