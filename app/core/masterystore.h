#pragma once

#include "datadirlock.h"
#include "fittedfsrs.h"
#include "result.h"
#include "review.h"
#include "sqlite.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace k8sfc {

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

/// What importReviews() did.
struct ReviewImport
{
    int imported = 0;
    int duplicates = 0;  ///< already in the log: same card, same moment, same rating
    int resets = 0;      ///< resets from the other machine that this one had not logged
    QStringList cardIds; ///< cards that gained reviews, and whose state was rebuilt
};

/// The learner's mastery database: an append-only review log plus per-card state, in one SQLite
/// file. The only place in the program that holds SQL (split over masterystore*.cpp).
///
/// Opening checks the file before anything is written to it: a file of another program (another
/// `application_id`, or tables without ours), one missing parts of the schema its version needs,
/// a read-only one, a damaged one, or one from a newer version is refused and left untouched.
///
/// Durability: WAL journal with `synchronous=FULL`, so a grade is on disk when recordReview()
/// returns. Every write runs in one transaction. A file it cannot read, or one from a newer schema,
/// is reported and left untouched; it is never reset.
///
/// Errors: a write returns its error message (nullopt when it succeeded), or a Result when it also
/// gives back a value; a read returns a Result, so a read that failed part-way is never mistaken for
/// "no data" (a card that looks New would be graded as New, and its history overwritten).
class MasteryStore
{
public:
    static constexpr int kSchemaVersion = 4;
    static constexpr const char *kFileName = "mastery.sqlite3";
    /// `PRAGMA application_id` of every store: "K8sF" in ASCII. Set on creation and on migration.
    static constexpr int kApplicationId = 0x4B387346;

    /// An empty database file (zero length, or no table at all) is a first run's, and the store
    /// starts afresh in it; unless backups show the learner had grades (SetAside), when the file is
    /// moved aside (`mastery.sqlite3.empty-TIME`) first and notices() says so.
    enum class EmptyFile { StartAfresh, SetAside };

    MasteryStore();
    ~MasteryStore();

    /// Opens `DIR/mastery.sqlite3`, creating DIR and the file as needed, and takes the data folder's
    /// lock so a second instance cannot write. Returns a message for the learner on failure.
    std::optional<QString> openDataDir(const QString &dir, EmptyFile empty = EmptyFile::StartAfresh);
    /// Opens one file (or ":memory:") without the folder lock.
    std::optional<QString> openFile(const QString &path);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    /// What the learner must be told about the last open, which succeeded: a damaged journal kept
    /// aside (`mastery.sqlite3-wal.damaged-TIME`), an empty file moved aside. Empty when all was well.
    const QStringList &notices() const { return m_notices; }
    QString path() const { return m_path; }

    /// Appends a review and sets the card's new state in one transaction, with an event (a leech)
    /// when given. Returns the review id.
    Result<qint64> recordReview(const ReviewEntry &review, const CardProgress &newState,
                                std::optional<CardEvent::Kind> event = std::nullopt);
    /// Removes a review, any event logged with it, and puts back the card's state from before it
    /// (undo), in one transaction.
    std::optional<QString> undoReview(qint64 reviewId, const CardProgress &previousState);

    /// A card without a state row is New.
    Result<CardProgress> progress(const QString &cardId);
    Result<QHash<QString, CardProgress>> progressFor(const QStringList &cardIds);
    /// Every card that has a state row, in one query. Kept after the first complete read.
    Result<QHash<QString, CardProgress>> allProgress();
    /// Every card id the database has heard of: reviewed, marked or reset.
    Result<QStringList> knownCardIds();
    /// How many reviews each card has in the log.
    Result<QHash<QString, int>> reviewCounts();
    /// Newest first.
    Result<QList<ReviewEntry>> reviews(const QString &cardId, int limit = 50);
    Result<qint64> reviewCount();
    /// No review, card state or card event at all: a new learner's store.
    Result<bool> isEmpty();
    /// The whole review log, oldest first.
    Result<QList<ReviewEntry>> allReviews();
    /// Adds the reviews the log does not hold yet and sets the state of each card that gained one
    /// to what `replay` makes of its log, all in one transaction: on failure nothing changes.
    /// Nothing is ever removed. Review ids in `reviews` are ignored. `resets` (CardEvent::Kind::Reset)
    /// the log does not hold yet are logged too, and their cards replayed: history before a reset
    /// then counts no more here than where the reset was made.
    Result<ReviewImport> importReviews(const QList<ReviewEntry> &reviews, const CardReplay &replay,
                                       const QList<CardEvent> &resets = {});
    Result<int> schemaVersion();

    // The learner's marks; each is logged as a CardEvent in the same transaction.
    std::optional<QString> setSuspended(const QStringList &cardIds, bool suspended, const QDateTime &at);
    std::optional<QString> setFlag(const QString &cardId, int flag, const QDateTime &at);
    /// Marks a card a leech and suspends it.
    std::optional<QString> markLeech(const QString &cardId, const QDateTime &at);
    /// Puts a card back to New. The review log keeps its history; the reset itself is logged.
    std::optional<QString> resetProgress(const QString &cardId, const QDateTime &at);
    Result<QList<CardEvent>> events(const QString &cardId);

    // Backups, with SQLite's online backup API (consistent while the app runs, WAL included).
    /// Writes a copy of the open database to `path` (replacing it).
    std::optional<QString> backupTo(const QString &path);
    /// Replaces the open database's contents with the file at `path`. The caller keeps a copy of
    /// the current data first (BackupManager::restore does).
    std::optional<QString> restoreFrom(const QString &path);
    /// Reviews in a database file other than the open one (a backup).
    static Result<qint64> reviewCountIn(const QString &path);

    // Statistics. `utcOffsetSecs` and `dayStartHour` place reviews on the learner's days.
    Result<QList<DayReviews>> reviewsPerDay(const QDate &from, const QDate &to, int utcOffsetSecs, int dayStartHour);
    /// Cards due per learner-day from `from` (overdue cards count on `from`), suspended ones excluded.
    Result<QMap<QDate, int>> dueForecast(const QDateTime &now, int days, int utcOffsetSecs, int dayStartHour);
    /// Reviews since `since`: how many cards were seen for the first time (in study or a quiz), and
    /// how many study reviews.
    Result<std::pair<int, int>> newAndReviewCountSince(const QDateTime &since);

    // FSRS weights fitted to this learner (masterystorefsrs.cpp).
    /// nullopt: the scheduler runs on the default weights.
    Result<std::optional<FittedFsrs>> fittedFsrs();
    /// Saves `fit` (nullopt: back to the defaults) and writes `states`, the cards' memory recomputed
    /// with those weights, in one transaction.
    std::optional<QString> applyFsrs(const std::optional<FittedFsrs> &fit, const QList<CardProgress> &states);
    /// Remembers that the app suggested fitting again, so it does so once per fit.
    std::optional<QString> markRefitSuggested();
    /// Reviews of every kind logged at or after `since`.
    Result<qint64> reviewCountSince(const QDateTime &since);
    /// When each card was last reset.
    Result<QHash<QString, QDateTime>> lastResets();

private:
    using Work = std::function<std::optional<QString>()>;

    /// What opening found in a file that may be used.
    struct Found
    {
        int version = 0;
        bool empty = false; ///< no table at all
        bool needsId = false;
    };

    std::optional<QString> openAndMigrate(const QString &path, EmptyFile empty);
    /// Reads the header and the schema, writing nothing: a foreign or incomplete file is refused here.
    Result<Found> inspect(const QString &shown);
    /// Names the tables and columns that schema `version` has and the file lacks.
    QStringList missingFromSchema(int version);
    /// Copies a `-wal` that SQLite will not replay whole, before SQLite opens (and later rewrites) it.
    void keepDamagedWal(const QString &path);
    std::optional<QString> setAsideEmpty(const QString &path);
    /// quick_check, the WAL journal (on disk) and full sync: the first writes to the file.
    std::optional<QString> configure(const QString &shown, bool onDisk);
    /// Brings the schema to kSchemaVersion and sets the application id, in one transaction.
    std::optional<QString> migrate(int from, bool setId);
    std::optional<QString> writeState(const CardProgress &state);
    /// Inside importReviews' transaction: logs the resets not held yet, adding their cards to `cards`.
    std::optional<QString> replayImported(const QStringList &cardIds, const CardReplay &replay,
                                          const QHash<QString, QSet<qint64>> &added);
    std::optional<QString> logResets(const QList<CardEvent> &resets, QHash<QString, QSet<qint64>> &cards, int &logged);
    std::optional<QString> logEvent(const QString &cardId, CardEvent::Kind kind, int value, const QDateTime &at);
    /// Runs `work` in one transaction: commits when it returns no error, rolls back otherwise.
    std::optional<QString> inTransaction(const Work &work);
    /// Inside a transaction: reads a card's state, lets `change` edit it and, when it returns true,
    /// writes it back and logs `kind` with `value`.
    std::optional<QString> changeMarks(const QString &cardId, CardEvent::Kind kind, int value, const QDateTime &at,
                                       const std::function<bool(CardProgress &)> &change);
    static Failure notOpen();
    static CardProgress readProgress(sql::Statement &st, const QString &cardId, int firstColumn);

    sql::Database m_db;
    /// Every card's state, read once and kept in step with each committed write: the due queue
    /// and the mastery colours read all of it after every grade. Only a complete read is kept.
    std::optional<QHash<QString, CardProgress>> m_cache;
    QList<std::pair<QString, std::optional<CardProgress>>> m_pending; ///< this transaction's writes; nullopt: deleted
    DataDirLock m_lock;
    QStringList m_notices;
    QString m_path;
};

} // namespace k8sfc
