#include "masterystore.h"

#include <functional>

#include <sqlite3.h>

namespace k8sfc {

namespace {

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

constexpr const char *kStateColumns =
    "state, stability, difficulty, due, last_review, reps, lapses, last_rating, learning_step, scheduled_days,"
    " suspended, leech, flag";

QByteArray selectState(const char *tail)
{
    return QByteArray("SELECT card_id, ") + kStateColumns + " FROM card_state" + tail;
}

// A query that always gives one row gave none: it failed.
Failure noRow(const sql::Statement &st)
{
    return Failure{st.error().value_or(QStringLiteral("the query returned no row"))};
}

} // namespace

MasteryStore::MasteryStore() = default;

MasteryStore::~MasteryStore()
{
    close();
}

void MasteryStore::close()
{
    m_cache.reset();
    m_db.close();
    m_lock.unlock();
    m_notices.clear();
    m_path.clear();
}

std::optional<QString> MasteryStore::writeState(const CardProgress &s)
{
    sql::Statement st(m_db,
                      "INSERT INTO card_state (card_id, state, stability, difficulty, due, last_review, reps, lapses,"
                      " last_rating, learning_step, scheduled_days, suspended, leech, flag)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                      " ON CONFLICT (card_id) DO UPDATE SET state = excluded.state, stability = excluded.stability,"
                      " difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review,"
                      " reps = excluded.reps, lapses = excluded.lapses, last_rating = excluded.last_rating,"
                      " learning_step = excluded.learning_step, scheduled_days = excluded.scheduled_days,"
                      " suspended = excluded.suspended, leech = excluded.leech, flag = excluded.flag");
    st.bind(1, s.cardId).bind(2, qint64(s.state));
    s.stability ? st.bind(3, *s.stability) : st.bindNull(3);
    s.difficulty ? st.bind(4, *s.difficulty) : st.bindNull(4);
    s.due.isValid() ? st.bind(5, s.due.toMSecsSinceEpoch()) : st.bindNull(5);
    s.lastReview.isValid() ? st.bind(6, s.lastReview.toMSecsSinceEpoch()) : st.bindNull(6);
    st.bind(7, qint64(s.reps)).bind(8, qint64(s.lapses));
    s.lastRating ? st.bind(9, qint64(*s.lastRating)) : st.bindNull(9);
    st.bind(10, qint64(s.learningStep)).bind(11, s.scheduledDays);
    st.bind(12, qint64(s.suspended)).bind(13, qint64(s.leech)).bind(14, qint64(s.flag));
    if (auto error = st.run())
        return error;
    m_pending.append({s.cardId, s});
    return std::nullopt;
}

CardProgress MasteryStore::readProgress(sql::Statement &one, const QString &cardId, int c)
{
    CardProgress p;
    p.cardId = cardId;
    p.state = CardState(one.int64(c));
    if (!one.isNull(c + 1))
        p.stability = one.real(c + 1);
    if (!one.isNull(c + 2))
        p.difficulty = one.real(c + 2);
    if (!one.isNull(c + 3))
        p.due = fromMs(one.int64(c + 3));
    if (!one.isNull(c + 4))
        p.lastReview = fromMs(one.int64(c + 4));
    p.reps = int(one.int64(c + 5));
    p.lapses = int(one.int64(c + 6));
    if (!one.isNull(c + 7))
        p.lastRating = Rating(one.int64(c + 7));
    p.learningStep = int(one.int64(c + 8));
    p.scheduledDays = one.int64(c + 9);
    p.suspended = one.int64(c + 10) != 0;
    p.leech = one.int64(c + 11) != 0;
    p.flag = int(one.int64(c + 12));
    return p;
}

Failure MasteryStore::notOpen()
{
    return Failure{QStringLiteral("the mastery database is not open")};
}

std::optional<QString> MasteryStore::inTransaction(const Work &work)
{
    if (!isOpen())
        return notOpen().message;
    if (auto error = m_db.exec("BEGIN IMMEDIATE"))
        return error;
    m_pending.clear();
    std::optional<QString> error = work();
    if (!error)
        error = m_db.exec("COMMIT");
    if (error) {
        m_db.exec("ROLLBACK");
        m_pending.clear();
        return error;
    }
    // Only what is committed reaches the cache.
    if (m_cache)
        for (const auto &[id, state] : std::as_const(m_pending)) {
            if (state)
                m_cache->insert(id, *state);
            else
                m_cache->remove(id);
        }
    m_pending.clear();
    return std::nullopt;
}

Result<qint64> MasteryStore::recordReview(const ReviewEntry &review, const CardProgress &newState,
                                          std::optional<CardEvent::Kind> event)
{
    qint64 id = 0;
    const auto error = inTransaction([&]() -> std::optional<QString> {
        sql::Statement st(m_db, "INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, kind, state_before)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        st.bind(1, review.cardId)
            .bind(2, review.reviewedAt.toMSecsSinceEpoch())
            .bind(3, qint64(review.rating))
            .bind(4, review.durationMs)
            .bind(5, review.kind == ReviewKind::Quiz ? QStringLiteral("quiz") : QStringLiteral("study"));
        review.stateBefore ? st.bind(6, qint64(*review.stateBefore)) : st.bindNull(6);
        if (auto error = st.run())
            return error;
        id = sqlite3_last_insert_rowid(m_db.handle());
        if (auto error = writeState(newState))
            return error;
        return event ? logEvent(review.cardId, *event, 0, review.reviewedAt) : std::nullopt;
    });
    if (error)
        return Failure{*error};
    return id;
}

std::optional<QString> MasteryStore::undoReview(qint64 reviewId, const CardProgress &previousState)
{
    return inTransaction([&]() -> std::optional<QString> {
        qint64 at = 0;
        {
            sql::Statement when(m_db, "SELECT reviewed_at FROM review_log WHERE id = ?1");
            if (!when.bind(1, reviewId).next())
                return when.error().value_or(QStringLiteral("review %1 is not in the log").arg(reviewId));
            at = when.int64(0);
        }
        sql::Statement st(m_db, "DELETE FROM review_log WHERE id = ?1");
        if (auto error = st.bind(1, reviewId).run())
            return error;
        // An event written with the review (a leech) goes with it.
        sql::Statement events(m_db, "DELETE FROM card_event WHERE card_id = ?1 AND at = ?2 AND kind = 'leech'");
        if (auto error = events.bind(1, previousState.cardId).bind(2, at).run())
            return error;
        if (previousState.isNew() && !previousState.suspended && !previousState.flag && !previousState.leech) {
            sql::Statement del(m_db, "DELETE FROM card_state WHERE card_id = ?1");
            if (auto error = del.bind(1, previousState.cardId).run())
                return error;
            m_pending.append({previousState.cardId, std::nullopt});
            return std::nullopt;
        }
        return writeState(previousState);
    });
}

Result<CardProgress> MasteryStore::progress(const QString &cardId)
{
    auto states = progressFor({cardId});
    if (!states)
        return Failure{states.error()};
    return states->value(cardId, CardProgress{cardId});
}

Result<QHash<QString, CardProgress>> MasteryStore::progressFor(const QStringList &cardIds)
{
    if (!isOpen())
        return notOpen();
    QHash<QString, CardProgress> out;
    if (m_cache) {
        for (const QString &id : cardIds)
            out.insert(id, m_cache->value(id, CardProgress{id}));
        return out;
    }
    sql::Statement st(m_db, selectState(" WHERE card_id = ?1").constData());
    for (const QString &id : cardIds) {
        st.reset();
        st.bind(1, id);
        if (st.next())
            out.insert(id, readProgress(st, id, 1));
        else if (auto error = st.error())
            return Failure{*error}; // not "no row": the card must not pass for New
        else
            out.insert(id, CardProgress{id});
    }
    return out;
}

Result<QHash<QString, CardProgress>> MasteryStore::allProgress()
{
    if (m_cache)
        return *m_cache; // implicitly shared: no copy until someone writes
    if (!isOpen())
        return notOpen();
    QHash<QString, CardProgress> out;
    sql::Statement st(m_db, selectState("").constData());
    while (st.next()) {
        const QString id = st.text(0);
        out.insert(id, readProgress(st, id, 1));
    }
    // The rows read before a failure are not every card: never kept, never returned.
    if (auto error = st.error())
        return Failure{*error};
    m_cache = out;
    return out;
}

Result<QList<ReviewEntry>> MasteryStore::reviews(const QString &cardId, int limit)
{
    if (!isOpen())
        return notOpen();
    QList<ReviewEntry> out;
    sql::Statement st(m_db, "SELECT id, reviewed_at, rating, duration_ms, kind, state_before FROM review_log"
                            " WHERE card_id = ?1 ORDER BY reviewed_at DESC, id DESC LIMIT ?2");
    st.bind(1, cardId).bind(2, qint64(limit));
    while (st.next()) {
        ReviewEntry e{st.int64(0),         cardId,
                      fromMs(st.int64(1)), Rating(st.int64(2)),
                      st.int64(3),         st.text(4) == QLatin1String("quiz") ? ReviewKind::Quiz : ReviewKind::Study};
        if (!st.isNull(5))
            e.stateBefore = CardState(st.int64(5));
        out.append(e);
    }
    if (auto error = st.error())
        return Failure{*error};
    return out;
}

Result<bool> MasteryStore::isEmpty()
{
    if (!isOpen())
        return notOpen();
    sql::Statement st(m_db, "SELECT EXISTS (SELECT 1 FROM review_log) OR EXISTS (SELECT 1 FROM card_state)"
                            " OR EXISTS (SELECT 1 FROM card_event)");
    if (!st.next())
        return noRow(st);
    return st.int64(0) == 0;
}

Result<qint64> MasteryStore::reviewCount()
{
    if (!isOpen())
        return notOpen();
    sql::Statement st(m_db, "SELECT COUNT(*) FROM review_log");
    if (!st.next())
        return noRow(st);
    return st.int64(0);
}

Result<int> MasteryStore::schemaVersion()
{
    if (!isOpen())
        return notOpen();
    sql::Statement st(m_db, "PRAGMA user_version");
    if (!st.next())
        return noRow(st);
    return int(st.int64(0));
}

} // namespace k8sfc
