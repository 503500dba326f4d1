#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <functional>

namespace k8sfc {

/// Counts the days between two reviews. FSRS only sees whole days: 0 means "same day", which
/// takes the short-term path.
using FsrsDayCounter = std::function<qint64(const QDateTime &last, const QDateTime &now)>;

/// Calendar days in UTC, as ts-fsrs counts them: 23:59Z to 00:01Z is one day.
FsrsDayCounter utcDayCounter();

/// The learner's days: a day starts at `startHour` local time (Anki's "next day starts at"), so a
/// review at 01:00 still belongs to the evening before. Uses the system time zone.
/// Example: `fsrs.setDayCounter(localDayCounter(4));`
FsrsDayCounter localDayCounter(int startHour);
/// The same in a given time zone.
FsrsDayCounter localDayCounter(int startHour, const QTimeZone &zone);

} // namespace k8sfc
