#pragma once

#include "sqlite.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

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
};

/// Per-card scheduling state, with the columns FSRS needs.
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
};

/// The learner's mastery database: an append-only review log plus per-card state, in one SQLite
/// file. The only place in the program that holds SQL.
///
/// Durability: WAL journal with `synchronous=FULL`, so a grade is on disk when recordReview()
/// returns. Every write runs in one transaction. A file it cannot read, or one from a newer schema,
/// is reported and left untouched; it is never reset.
class MasteryStore
{
public:
    static constexpr int kSchemaVersion = 2;
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

    /// Appends a review and sets the card's new state in one transaction. Returns the review id.
    std::optional<qint64> recordReview(const ReviewEntry &review, const CardProgress &newState);
    /// Removes a review and puts back the card's state from before it (undo), in one transaction.
    bool undoReview(qint64 reviewId, const CardProgress &previousState);

    CardProgress progress(const QString &cardId);
    QHash<QString, CardProgress> progressFor(const QStringList &cardIds);
    /// Newest first.
    QList<ReviewEntry> reviews(const QString &cardId, int limit = 50);
    qint64 reviewCount();
    int schemaVersion();
    QString lastError() const { return m_lastError; }

private:
    std::optional<QString> openAndMigrate(const QString &path, bool create);
    std::optional<QString> migrate(int from);
    bool writeState(const CardProgress &state);

    sql::Database m_db;
    std::unique_ptr<QLockFile> m_lock;
    QString m_path;
    QString m_lastError;
};

} // namespace k8sfc
