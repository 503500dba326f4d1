#pragma once

// A learner whose memory follows FSRS with weights well away from the defaults (they forget
// faster), reviewing cards when the default scheduler says: a log the optimizer has something to
// learn from.

#include "fsrs.h"
#include "review.h"

#include <algorithm>
#include <random>

namespace k8sfc::test {

inline QList<ReviewEntry> simulatedLog(int cards, int reviewsPerCard, const QDateTime &start, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> uniform(0, 1);
    std::array<double, 21> truth = FsrsParameters::kDefaultWeights;
    truth[0] = 0.1, truth[2] = 0.8, truth[8] = 1.2, truth[11] = 2.2; // short first memories, weak recall gains
    const FsrsModel memory(truth, 0.9, true, 1);
    const Fsrs scheduler;
    QList<ReviewEntry> log;
    for (int c = 0; c < cards; ++c) {
        FsrsCard card;
        FsrsMemory mind;
        QDateTime at = start.addSecs(qint64(c) * 600);
        QDateTime last;
        for (int k = 0; k < reviewsPerCard; ++k) {
            int rating = 3;
            if (k == 0) {
                rating = uniform(rng) < 0.15 ? 1 : 3;
                mind = memory.initial(rating);
            } else {
                const qint64 days = last.daysTo(at);
                const bool recalled = uniform(rng) < memory.retrievability(double(days), mind.stability);
                rating = !recalled ? 1 : uniform(rng) < 0.1 ? 2 : uniform(rng) < 0.1 ? 4 : 3;
                mind = memory.next(mind, days, rating);
            }
            log.append(ReviewEntry{0, QStringLiteral("card-%1").arg(c), at, Rating(rating)});
            card = scheduler.next(card, at, rating);
            last = at;
            at = card.due.addSecs(qint64(uniform(rng) * 3600)); // a little late, as learners are
        }
    }
    std::sort(log.begin(), log.end(),
              [](const ReviewEntry &a, const ReviewEntry &b) { return a.reviewedAt < b.reviewedAt; });
    return log;
}

} // namespace k8sfc::test
