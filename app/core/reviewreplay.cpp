#include "reviewreplay.h"

#include "grader.h"

#include <algorithm>

namespace k8sfc {

ReplayedCard ReviewReplay::replay(const Fsrs &fsrs, const CardProgress &current, const QList<ReviewEntry> &log,
                                  const QSet<qint64> &added, const QList<CardEvent> &events)
{
    // A New card with the learner's marks as they are now: they already reflect any reset.
    auto fresh = [&current] {
        CardProgress p;
        p.cardId = current.cardId;
        p.suspended = current.suspended;
        p.leech = current.leech;
        p.flag = current.flag;
        return p;
    };
    QList<QDateTime> resets;
    for (const CardEvent &e : events)
        if (e.kind == CardEvent::Kind::Reset)
            resets.append(e.at);
    std::sort(resets.begin(), resets.end());

    ReplayedCard out;
    out.state = fresh();
    qsizetype nextReset = 0;
    for (const ReviewEntry &review : log) {
        while (nextReset < resets.size() && resets.at(nextReset) <= review.reviewedAt) {
            out.state = fresh();
            ++nextReset;
        }
        const CardProgress before = out.state;
        out.state = Grader::fromFsrs(fsrs.next(Grader::toFsrs(before), review.reviewedAt, int(review.rating)), before,
                                     review.rating);
        if (added.contains(review.id) && Grader::makesLeech(before.lapses, out.state.lapses)) {
            out.state.leech = true;
            out.state.suspended = true;
            out.leechAt.append(review.reviewedAt);
        }
    }
    if (nextReset < resets.size()) // reset after the last review
        out.state = fresh();
    return out;
}

CardReplay ReviewReplay::callback(const Fsrs &fsrs)
{
    return [&fsrs](const CardProgress &current, const QList<ReviewEntry> &log, const QSet<qint64> &added,
                   const QList<CardEvent> &events) { return replay(fsrs, current, log, added, events); };
}

} // namespace k8sfc
