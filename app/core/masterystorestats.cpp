// MasteryStore: the queries behind the statistics view and the daily limits.
#include "masterystore.h"

namespace k8sfc {

namespace {

// SQL expression for a review's learner-day: local time shifted back by the day-start hour.
// `?1` is that shift in seconds (UTC offset minus start hour).
constexpr const char *kDayOfReview = "date(reviewed_at / 1000 + ?1, 'unixepoch')";

} // namespace

QList<DayReviews> MasteryStore::reviewsPerDay(const QDate &from, const QDate &to, int utcOffsetSecs, int dayStartHour)
{
    QList<DayReviews> out;
    if (!isOpen())
        return out;
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
    return out;
}

QMap<QDate, int> MasteryStore::dueForecast(const QDateTime &now, int days, int utcOffsetSecs, int dayStartHour)
{
    QMap<QDate, int> out;
    if (!isOpen())
        return out;
    const qint64 shift = qint64(utcOffsetSecs - dayStartHour * 3600);
    const QDate today = now.toUTC().addSecs(shift).date();
    for (int i = 0; i < days; ++i)
        out.insert(today.addDays(i), 0);
    sql::Statement st(m_db, "SELECT date(MAX(due, ?2) / 1000 + ?1, 'unixepoch') AS day, COUNT(*) FROM card_state"
                            " WHERE state != 0 AND suspended = 0 AND due IS NOT NULL AND day <= ?3 GROUP BY day");
    st.bind(1, shift).bind(2, now.toMSecsSinceEpoch()).bind(3, today.addDays(days - 1).toString(Qt::ISODate));
    while (st.next())
        out[QDate::fromString(st.text(0), Qt::ISODate)] += int(st.int64(1));
    return out;
}

QStringList MasteryStore::knownCardIds()
{
    QStringList out;
    if (!isOpen())
        return out;
    sql::Statement st(m_db, "SELECT card_id FROM card_state UNION SELECT card_id FROM review_log"
                            " UNION SELECT card_id FROM card_event");
    while (st.next())
        out.append(st.text(0));
    return out;
}

QHash<QString, int> MasteryStore::reviewCounts()
{
    QHash<QString, int> out;
    if (!isOpen())
        return out;
    sql::Statement st(m_db, "SELECT card_id, COUNT(*) FROM review_log GROUP BY card_id");
    while (st.next())
        out.insert(st.text(0), int(st.int64(1)));
    return out;
}

std::pair<int, int> MasteryStore::newAndReviewCountSince(const QDateTime &since)
{
    if (!isOpen())
        return {0, 0};
    sql::Statement st(m_db, "SELECT COALESCE(SUM(state_before = 0), 0), COALESCE(SUM(state_before != 0), 0)"
                            " FROM review_log WHERE reviewed_at >= ?1 AND kind = 'study'");
    st.bind(1, since.toMSecsSinceEpoch());
    return st.next() ? std::pair<int, int>{int(st.int64(0)), int(st.int64(1))} : std::pair<int, int>{0, 0};
}

} // namespace k8sfc
