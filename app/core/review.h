#pragma once

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace k8sfc {

// What a review is and what it leaves on a card: shared by FSRS, the study modes, the quiz, the UI
// and the store, and free of any storage detail.

enum class Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 };
enum class ReviewKind { Study, Quiz };
enum class CardState { New = 0, Learning = 1, Review = 2, Relearning = 3 };

struct ReviewEntry
{
    qint64 id = 0;
    QString cardId;
    QDateTime reviewedAt; ///< UTC
    Rating rating = Rating::Good;
    qint64 durationMs = 0; ///< time to answer
    ReviewKind kind = ReviewKind::Study;
    std::optional<CardState> stateBefore; ///< unknown for reviews logged before schema 3
};

/// Per-card scheduling state, with the columns FSRS needs, and the learner's marks on the card.
struct CardProgress
{
    QString cardId;
    CardState state = CardState::New;
    std::optional<double> stability;
    std::optional<double> difficulty;
    QDateTime due;
    QDateTime lastReview;
    int reps = 0;
    int lapses = 0;
    std::optional<Rating> lastRating;
    int learningStep = 0;     ///< index into the (re)learning steps
    qint64 scheduledDays = 0; ///< interval given at the last review
    bool suspended = false;
    bool leech = false;
    int flag = 0; ///< 0 none; 1-4 coloured flags

    bool isNew() const { return reps == 0; }
};

/// Something done to a card other than a review: suspend, reset, flag, leech. Kept forever.
struct CardEvent
{
    enum class Kind { Reset, Suspend, Unsuspend, Flag, Leech };
    qint64 id = 0;
    QString cardId;
    QDateTime at;
    Kind kind = Kind::Reset;
    int value = 0; ///< the flag for Flag
};

/// A card rebuilt from its log (ReviewReplay): its state, and the moments at which reviews just
/// imported made it a leech (each logged as a leech event).
struct ReplayedCard
{
    CardProgress state;
    QList<QDateTime> leechAt;
};

/// Rebuilds one card from its current row (for the learner's marks), its whole log oldest first,
/// the ids of the reviews just added, and its events (resets).
using CardReplay = std::function<ReplayedCard(const CardProgress &current, const QList<ReviewEntry> &log,
                                              const QSet<qint64> &added, const QList<CardEvent> &events)>;

} // namespace k8sfc
