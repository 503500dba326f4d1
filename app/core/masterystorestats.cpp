// MasteryStore: the queries behind the statistics view and the daily limits.
#include "masterystore.h"

namespace k8sfc {

namespace {

// SQL expression for a review's learner-day: local time shifted back by the day-start hour.
// `?1` is that shift in seconds (UTC offset minus start hour).
constexpr const char *kDayOfReview = "date(reviewed_at / 1000 + ?1, 'unixepoch')";

} // namespace

Result<QList<DayReviews>> MasteryStore::reviewsPerDay(const QDate &from, const QDate &to, int utcOffsetSecs,
                                                      int dayStartHour)
{
    if (!isOpen())
        return notOpen();
    QList<DayReviews> out;
    const QByteArray sql =
        QByteArray("SELECT ") + kDayOfReview +
        " AS day, COUNT(*), SUM(rating = 1), SUM(state_before = 2), SUM(state_before = 2 AND rating > 1),"
        " SUM(state_before = 0), SUM(duration_ms)"
        " FROM review_log WHERE day BETWEEN ?2 AND ?3 GROUP BY day ORDER BY day";
    sql::Statement st(m_db, sql.constData());
    st.bind(1, qint64(utcOffsetSecs - dayStartHour * 3600))
        .bind(2, from.toString(Qt::ISODate))
        .bind(3, to.toString(Qt::ISODate));
    while (st.next())
        out.append(DayReviews{QDate::fromString(st.text(0), Qt::ISODate), int(st.int64(1)), int(st.int64(2)),
                              int(st.int64(3)), int(st.int64(4)), int(st.int64(5)), st.int64(6)});
    if (auto error = st.error())
        return Failure{*error};
    return out;
}

Result<QMap<QDate, int>> MasteryStore::dueForecast(const QDateTime &now, int days, int utcOffsetSecs, int dayStartHour)
{
    if (!isOpen())
        return notOpen();
    QMap<QDate, int> out;
    const qint64 shift = qint64(utcOffsetSecs - dayStartHour * 3600);
    const QDate today = now.toUTC().addSecs(shift).date();
    for (int i = 0; i < days; ++i)
        out.insert(today.addDays(i), 0);
    sql::Statement st(m_db, "SELECT date(MAX(due, ?2) / 1000 + ?1, 'unixepoch') AS day, COUNT(*) FROM card_state"
                            " WHERE state != 0 AND suspended = 0 AND due IS NOT NULL AND day <= ?3 GROUP BY day");
    st.bind(1, shift).bind(2, now.toMSecsSinceEpoch()).bind(3, today.addDays(days - 1).toString(Qt::ISODate));
    while (st.next())
        out[QDate::fromString(st.text(0), Qt::ISODate)] += int(st.int64(1));
    if (auto error = st.error())
        return Failure{*error};
    return out;
}

Result<QStringList> MasteryStore::knownCardIds()
{
    if (!isOpen())
        return notOpen();
    QStringList out;
    sql::Statement st(m_db, "SELECT card_id FROM card_state UNION SELECT card_id FROM review_log"
                            " UNION SELECT card_id FROM card_event");
    while (st.next())
        out.append(st.text(0));
    if (auto error = st.error())
        return Failure{*error};
    return out;
}

Result<QHash<QString, int>> MasteryStore::reviewCounts()
{
    if (!isOpen())
        return notOpen();
    QHash<QString, int> out;
    sql::Statement st(m_db, "SELECT card_id, COUNT(*) FROM review_log GROUP BY card_id");
    while (st.next())
        out.insert(st.text(0), int(st.int64(1)));
    if (auto error = st.error())
        return Failure{*error};
    return out;
}

Result<std::pair<int, int>> MasteryStore::newAndReviewCountSince(const QDateTime &since)
{
    if (!isOpen())
        return notOpen();
    // A quiz answer brings a new card into learning as a study grade does: both count against the
    // day's new cards. Only study reviews count against the day's reviews.
    sql::Statement st(m_db, "SELECT COALESCE(SUM(state_before = 0), 0),"
                            " COALESCE(SUM(state_before != 0 AND kind = 'study'), 0)"
                            " FROM review_log WHERE reviewed_at >= ?1");
    st.bind(1, since.toMSecsSinceEpoch());
    if (!st.next())
        return Failure{st.error().value_or(QStringLiteral("no counts"))};
    return std::pair<int, int>{int(st.int64(0)), int(st.int64(1))};
}

} // namespace k8sfc
