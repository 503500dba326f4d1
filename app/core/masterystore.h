#pragma once

#include "sqlite.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;

namespace k8sfc {

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

/// One learner-day of reviews (days start at the configured hour, local time).
struct DayReviews
{
    QDate day;
    int reviews = 0;
    int again = 0;
    int matureReviews = 0; ///< reviews of cards that were in the Review state
    int maturePassed = 0;  ///< of those, not Again: true retention = maturePassed / matureReviews
    int newCards = 0;      ///< first reviews
    qint64 durationMs = 0;
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

/// What importReviews() did.
struct ReviewImport
{
    int imported = 0;
    int duplicates = 0;  ///< already in the log: same card, same moment, same rating
    QStringList cardIds; ///< cards that gained reviews, and whose state was rebuilt
};

/// The learner's mastery database: an append-only review log plus per-card state, in one SQLite
/// file. The only place in the program that holds SQL (split over masterystore*.cpp).
///
/// Durability: WAL journal with `synchronous=FULL`, so a grade is on disk when recordReview()
/// returns. Every write runs in one transaction. A file it cannot read, or one from a newer schema,
/// is reported and left untouched; it is never reset.
class MasteryStore
{
public:
    static constexpr int kSchemaVersion = 3;
    static constexpr const char *kFileName = "mastery.sqlite3";

    MasteryStore();
    ~MasteryStore();

    /// Opens `DIR/mastery.sqlite3`, creating DIR and the file as needed, and takes the data folder's
    /// lock so a second instance cannot write. Returns a message for the learner on failure.
    std::optional<QString> openDataDir(const QString &dir);
    /// Opens one file (or ":memory:") without the folder lock.
    std::optional<QString> openFile(const QString &path);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_path; }

    /// Appends a review and sets the card's new state in one transaction, with an event (a leech)
    /// when given. Returns the review id.
    std::optional<qint64> recordReview(const ReviewEntry &review, const CardProgress &newState,
                                       std::optional<CardEvent::Kind> event = std::nullopt);
    /// Removes a review, any event logged with it, and puts back the card's state from before it
    /// (undo), in one transaction.
    bool undoReview(qint64 reviewId, const CardProgress &previousState);

    CardProgress progress(const QString &cardId);
    QHash<QString, CardProgress> progressFor(const QStringList &cardIds);
    /// Every card that has a state row, in one query.
    QHash<QString, CardProgress> allProgress();
    /// Every card id the database has heard of: reviewed, marked or reset.
    QStringList knownCardIds();
    /// How many reviews each card has in the log.
    QHash<QString, int> reviewCounts();
    /// Newest first.
    QList<ReviewEntry> reviews(const QString &cardId, int limit = 50);
    qint64 reviewCount();
    /// No review, card state or card event at all: a new learner's store.
    bool isEmpty();
    /// The whole review log, oldest first.
    QList<ReviewEntry> allReviews();
    /// Adds the reviews the log does not hold yet and sets the state of each card that gained one
    /// to what `replay` makes of its log, all in one transaction: on failure nothing changes.
    /// Nothing is ever removed. Review ids in `reviews` are ignored.
    std::optional<ReviewImport> importReviews(const QList<ReviewEntry> &reviews, const CardReplay &replay);
    int schemaVersion();
    QString lastError() const { return m_lastError; }

    // The learner's marks; each is logged as a CardEvent in the same transaction.
    bool setSuspended(const QStringList &cardIds, bool suspended, const QDateTime &at);
    bool setFlag(const QString &cardId, int flag, const QDateTime &at);
    /// Marks a card a leech and suspends it.
    bool markLeech(const QString &cardId, const QDateTime &at);
    /// Puts a card back to New. The review log keeps its history; the reset itself is logged.
    bool resetProgress(const QString &cardId, const QDateTime &at);
    QList<CardEvent> events(const QString &cardId);

    // Backups, with SQLite's online backup API (consistent while the app runs, WAL included).
    /// Writes a copy of the open database to `path` (replacing it).
    std::optional<QString> backupTo(const QString &path);
    /// Replaces the open database's contents with the file at `path`. The caller keeps a copy of
    /// the current data first (BackupManager::restore does).
    std::optional<QString> restoreFrom(const QString &path);
    /// Reviews in a database file other than the open one (a backup), or nullopt if unreadable.
    static std::optional<qint64> reviewCountIn(const QString &path);

    // Statistics. `utcOffsetSecs` and `dayStartHour` place reviews on the learner's days.
    QList<DayReviews> reviewsPerDay(const QDate &from, const QDate &to, int utcOffsetSecs, int dayStartHour);
    /// Cards due per learner-day from `from` (overdue cards count on `from`), suspended ones excluded.
    QMap<QDate, int> dueForecast(const QDateTime &now, int days, int utcOffsetSecs, int dayStartHour);
    /// Reviews since `since`: how many cards were seen for the first time, and how many reviews.
    std::pair<int, int> newAndReviewCountSince(const QDateTime &since);

private:
    std::optional<QString> openAndMigrate(const QString &path, bool create);
    std::optional<QString> migrate(int from);
    bool writeState(const CardProgress &state);
    bool logEvent(const QString &cardId, CardEvent::Kind kind, int value, const QDateTime &at);
    bool inTransaction(const std::function<bool()> &work);
    static CardProgress readProgress(sql::Statement &st, const QString &cardId, int firstColumn);

    sql::Database m_db;
    /// Every card's state, read once and kept in step with each committed write: the due queue
    /// and the mastery colours read all of it after every grade.
    std::optional<QHash<QString, CardProgress>> m_cache;
    QList<std::pair<QString, std::optional<CardProgress>>> m_pending; ///< this transaction's writes; nullopt: deleted
    std::unique_ptr<QLockFile> m_lock;
    QString m_path;
    QString m_lastError;
};

} // namespace k8sfc
