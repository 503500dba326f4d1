#pragma once

#include "diagnostic.h"
#include "review.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace k8sfc {

class Fsrs;
class MasteryStore;

/// What importing a review history did.
struct HistoryImportReport
{
    int imported = 0;
    int duplicates = 0;             ///< rows the database already held (same card, moment and rating)
    int resets = 0;                 ///< reset rows this machine had not logged, now logged
    Diagnostics rejected;           ///< one per row left out, with its line
    QStringList cardIds;            ///< cards whose state was rebuilt
    std::optional<QString> failure; ///< the database refused the import; nothing was changed
};

/// The review log as CSV, so a learner can move to another machine: export on one, import on the
/// other. Columns: `card_id, reviewed_at, rating, duration_ms, kind, state_before`, with
/// `reviewed_at` in ISO 8601 UTC with milliseconds (`2024-05-01T09:30:00.125Z`), `rating` 1-4
/// (Again … Easy), `kind` `study` or `quiz`, `state_before` 0-3 (New … Relearning) or empty.
/// A row of kind `reset` (rating, duration and state empty) is the moment the learner reset the
/// card: the reviews before it no longer count (the FSRS optimizer leaves them out, as the app
/// does). Reading also takes the names (`good`, `review`), any column order, and files without
/// reset rows.
class HistoryCsv
{
public:
    static const QStringList &header();

    /// The reviews and the resets (CardEvent::Kind::Reset; other events are not written), in time order.
    static QByteArray write(const QList<ReviewEntry> &reviews, const QList<CardEvent> &resets = {});
    /// The rows that make a review; reset rows go to `resets` if given; each other row is reported
    /// in `rejected` with its line. A review before 2000 or more than a day after `now` is refused:
    /// it would schedule its card for ever.
    static QList<ReviewEntry> read(const QByteArray &text, const QString &fileName, Diagnostics &rejected,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc(),
                                   QList<CardEvent> *resets = nullptr);
    /// When each card was last reset, from the resets read.
    static QHash<QString, QDateTime> lastResets(const QList<CardEvent> &resets);

    /// Adds the file's reviews that `store` lacks, in one transaction, and rebuilds each affected
    /// card's state by replaying its whole log through `fsrs` (ReviewReplay). Only ever adds:
    /// importing the same file twice adds nothing the second time.
    static HistoryImportReport importInto(MasteryStore &store, const Fsrs &fsrs, const QByteArray &text,
                                          const QString &fileName,
                                          const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace k8sfc
