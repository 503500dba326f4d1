#include "fsrsdaycounter.h"

#include <algorithm>

namespace k8sfc {

namespace {

/// The learner's date of a moment whose wall-clock time is `local`.
QDate learnerDate(const QDateTime &local, int startHour)
{
    // Compare wall-clock times, not durations: on a daylight-saving day the day still starts at
    // startHour on the clock.
    const QDate date = local.date();
    return local.time() < QTime(startHour, 0) ? date.addDays(-1) : date;
}

} // namespace

FsrsDayCounter utcDayCounter()
{
    return [](const QDateTime &last, const QDateTime &now) { return last.toUTC().date().daysTo(now.toUTC().date()); };
}

FsrsDayCounter localDayCounter(int startHour)
{
    const int hour = std::clamp(startHour, 0, 23);
    return [hour](const QDateTime &last, const QDateTime &now) {
        return learnerDate(last.toLocalTime(), hour).daysTo(learnerDate(now.toLocalTime(), hour));
    };
}

FsrsDayCounter localDayCounter(int startHour, const QTimeZone &zone)
{
    const int hour = std::clamp(startHour, 0, 23);
    return [hour, zone](const QDateTime &last, const QDateTime &now) {
        return learnerDate(last.toTimeZone(zone), hour).daysTo(learnerDate(now.toTimeZone(zone), hour));
    };
}

} // namespace k8sfc
