#pragma once

#include "settings.h"

#include <QDateTime>

namespace k8sfc {

/// The learner's study options, kept per profile (setting::desiredRetention and the others).
struct StudySettings
{
    double desiredRetention = setting::desiredRetention.fallback; ///< 0.70-0.97
    int maximumIntervalDays = setting::maximumIntervalDays.fallback;
    int dayStartHour = setting::dayStartHour.fallback; ///< a day of study ends at this local hour, as in Anki
    int newCardsPerDay = setting::newCardsPerDay.fallback;
    int reviewsPerDay = setting::reviewsPerDay.fallback;
    /// Spread intervals a little so cards learnt together do not stay together.
    bool fuzz = setting::fuzz.fallback;

    /// The learner's options from `settings` (made with their profile folder).
    static StudySettings load(const Settings &settings);
    void save(const Settings &settings) const;
    /// Clamps every value into its valid range.
    StudySettings validated() const;

    /// When the learner's current day began (local time, at dayStartHour), as UTC.
    QDateTime dayStart(const QDateTime &now) const;
    /// The learner's day a moment belongs to.
    QDate learnerDay(const QDateTime &at) const;
};

} // namespace k8sfc
