// MasteryStore: the whole review log out, and reviews from another database in.
#include "masterystore.h"

#include <algorithm>

#include <sqlite3.h>

namespace k8sfc {

namespace {

constexpr const char *kReviewColumns =
    "SELECT id, card_id, reviewed_at, rating, duration_ms, kind, state_before FROM review_log";

ReviewEntry readReview(const sql::Statement &st)
{
    ReviewEntry e{
        st.int64(0),         st.text(1),  QDateTime::fromMSecsSinceEpoch(st.int64(2), Qt::UTC),
        Rating(st.int64(3)), st.int64(4), st.text(5) == QLatin1String("quiz") ? ReviewKind::Quiz : ReviewKind::Study};
    if (!st.isNull(6))
        e.stateBefore = CardState(st.int64(6));
    return e;
}

} // namespace

Result<QList<ReviewEntry>> MasteryStore::allReviews()
{
    if (!isOpen())
        return notOpen();
    QList<ReviewEntry> out;
    const QByteArray sql = QByteArray(kReviewColumns) + " ORDER BY reviewed_at, id";
    sql::Statement st(m_db, sql.constData());
    while (st.next())
        out.append(readReview(st));
    if (auto error = st.error())
        return Failure{*error};
    return out;
}

// Replays each card that gained reviews from its whole log, so its state is as if the imported
// reviews had been made here.
std::optional<QString> MasteryStore::replayImported(const QStringList &cardIds, const CardReplay &replay,
                                                    const QHash<QString, QSet<qint64>> &added)
{
    const QByteArray logSql = QByteArray(kReviewColumns) + " WHERE card_id = ?1 ORDER BY reviewed_at, id";
    sql::Statement log(m_db, logSql.constData());
    for (const QString &cardId : cardIds) {
        log.reset();
        log.bind(1, cardId);
        QList<ReviewEntry> entries;
        while (log.next())
            entries.append(readReview(log));
        if (auto error = log.error())
            return error;
        // A state or events that cannot be read would replay the card from nothing.
        const Result<CardProgress> current = progress(cardId);
        const Result<QList<CardEvent>> cardEvents = events(cardId);
        if (!current || !cardEvents)
            return current ? cardEvents.error() : current.error();
        const ReplayedCard card = replay(*current, entries, added.value(cardId), *cardEvents);
        if (auto error = writeState(card.state))
            return error;
        for (const QDateTime &at : card.leechAt)
            if (auto error = logEvent(cardId, CardEvent::Kind::Leech, 0, at))
                return error;
    }
    return std::nullopt;
}

Result<ReviewImport> MasteryStore::importReviews(const QList<ReviewEntry> &reviews, const CardReplay &replay,
                                                 const QList<CardEvent> &resets)
{
    ReviewImport result;
    QHash<QString, QSet<qint64>> added;
    const auto error = inTransaction([&]() -> std::optional<QString> {
        sql::Statement held(m_db, "SELECT 1 FROM review_log WHERE card_id = ?1 AND reviewed_at = ?2 AND rating = ?3");
        sql::Statement insert(m_db,
                              "INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, kind, state_before)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        for (const ReviewEntry &r : reviews) {
            held.reset();
            held.bind(1, r.cardId).bind(2, r.reviewedAt.toMSecsSinceEpoch()).bind(3, qint64(r.rating));
            if (held.next()) {
                ++result.duplicates;
                continue;
            }
            if (auto error = held.error())
                return error;
            insert.reset();
            insert.bind(1, r.cardId)
                .bind(2, r.reviewedAt.toMSecsSinceEpoch())
                .bind(3, qint64(r.rating))
                .bind(4, r.durationMs)
                .bind(5, r.kind == ReviewKind::Quiz ? QStringLiteral("quiz") : QStringLiteral("study"));
            r.stateBefore ? insert.bind(6, qint64(*r.stateBefore)) : insert.bindNull(6);
            if (auto error = insert.run())
                return error;
            added[r.cardId].insert(sqlite3_last_insert_rowid(m_db.handle()));
            ++result.imported;
        }
        if (auto error = logResets(resets, added, result.resets))
            return error;
        result.cardIds = added.keys();
        std::sort(result.cardIds.begin(), result.cardIds.end());
        return replayImported(result.cardIds, replay, added);
    });
    if (error)
        return Failure{*error};
    return result;
}

std::optional<QString> MasteryStore::logResets(const QList<CardEvent> &resets, QHash<QString, QSet<qint64>> &cards,
                                               int &logged)
{
    sql::Statement held(m_db, "SELECT 1 FROM card_event WHERE card_id = ?1 AND at = ?2 AND kind = 'reset'");
    for (const CardEvent &e : resets) {
        held.reset();
        held.bind(1, e.cardId).bind(2, e.at.toMSecsSinceEpoch());
        if (held.next())
            continue;
        if (auto error = held.error())
            return error;
        if (auto error = logEvent(e.cardId, CardEvent::Kind::Reset, 0, e.at))
            return error;
        cards[e.cardId]; // replayed, even without a review of its own
        ++logged;
    }
    return std::nullopt;
}

} // namespace k8sfc
