#pragma once

#include "fsrscard.h"
#include "fsrsdaycounter.h"
#include "fsrsmodel.h"
#include "fsrsparameters.h"

#include <array>

namespace k8sfc {

/// The FSRS-6 scheduler: learning steps, same-day reviews and intervals around FsrsModel.
/// It gives the same results as ts-fsrs 5.4 (https://github.com/open-spaced-repetition/ts-fsrs)
/// in both its default mode and its long-term mode; tests/data/fsrs holds the reference vectors.
///
/// ```
/// Fsrs fsrs;                                  // FSRS-6 defaults, steps 1m 10m, relearning 10m
/// FsrsCard card;                              // New
/// card = fsrs.next(card, now, 3);             // Good: Learning, due in 10 minutes
/// ```
class Fsrs
{
public:
    struct FuzzRange
    {
        int min = 0;
        int max = 0;
    };

    /// Out-of-range settings are clamped (see FsrsParameters); parameters() shows what is used.
    explicit Fsrs(FsrsParameters parameters = {});

    const FsrsParameters &parameters() const { return m_params; }

    /// The card after a review at `now` graded 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy); other
    /// values are clamped to that range.
    FsrsCard next(const FsrsCard &card, const QDateTime &now, int rating) const;
    /// next() for every grade, Again first: what the four buttons would do.
    std::array<FsrsCard, 4> preview(const FsrsCard &card, const QDateTime &now) const;
    /// Probability of recall at `now`, 0 for a New card. Counts whole 24-hour periods since the last
    /// review, as ts-fsrs's get_retrievability does.
    double retrievability(const FsrsCard &card, const QDateTime &now) const;

    /// How elapsed days are counted; utcDayCounter() unless set.
    void setDayCounter(FsrsDayCounter counter);

    /// The days a fuzzed interval may take, as in ts-fsrs: wider for longer intervals, at least 2
    /// and, for an on-time review, more than the elapsed days.
    static FuzzRange fuzzRange(double interval, qint64 elapsedDays, int maximumInterval);

private:
    struct Step
    {
        double minutes = 0; ///< 0: no step left, the card graduates
        int next = 0;
    };
    struct Review;

    Step stepFor(FsrsState state, int step, int rating) const;
    void applyStep(FsrsCard &card, const Step &step, FsrsState stepState, const Review &review) const;
    qint64 interval(double stability, const Review &review) const;
    void scheduleReview(std::array<FsrsCard, 4> &cards, const FsrsCard &before, const Review &review) const;
    void scheduleLongTerm(std::array<FsrsCard, 4> &cards, const FsrsCard &before, const Review &review) const;

    FsrsParameters m_params;
    FsrsModel m_model;
    FsrsDayCounter m_dayCounter = utcDayCounter();
};

} // namespace k8sfc
