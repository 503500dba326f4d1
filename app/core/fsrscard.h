#pragma once

#include <QDateTime>
#include <QString>

namespace k8sfc {

/// Same numbering as CardState in review.h, so the store can keep either.
enum class FsrsState { New = 0, Learning = 1, Review = 2, Relearning = 3 };

/// What FSRS knows about one card between reviews. A default-constructed card is New.
struct FsrsCard
{
    FsrsState state = FsrsState::New;
    double stability = 0;     ///< days until recall falls to 90 %; 0 while New
    double difficulty = 0;    ///< 1 (easy) … 10 (hard); 0 while New
    QDateTime due;            ///< UTC
    QDateTime lastReview;     ///< UTC; invalid while New
    qint64 elapsedDays = 0;   ///< days between the last two reviews, as the day counter counts them
    qint64 scheduledDays = 0; ///< 0 while in a learning step
    int reps = 0;
    int lapses = 0;
    /// Index into the learning (or relearning) steps. It must be stored with the card: Hard and
    /// Good on a learning card depend on it.
    int learningStep = 0;
    /// Seeds the interval fuzz only, so cards reviewed at the same moment spread apart.
    QString cardId;
};

} // namespace k8sfc
