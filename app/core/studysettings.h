#pragma once

#include <QDateTime>

namespace k8sfc {

/// The learner's study options. Read and written with QSettings under "study/".
struct StudySettings
{
    double desiredRetention = 0.9; ///< 0.70-0.97
    int maximumIntervalDays = 36500;
    int dayStartHour = 4; ///< a day of study ends at this local hour, as in Anki
    int newCardsPerDay = 20;
    int reviewsPerDay = 200;
    bool fuzz = true; ///< spread intervals a little so cards learnt together do not stay together

    static StudySettings load();
    void save() const;
    /// Clamps every value into its valid range.
    StudySettings validated() const;

    /// When the learner's current day began (local time, at dayStartHour), as UTC.
    QDateTime dayStart(const QDateTime &now) const;
    /// The learner's day a moment belongs to.
    QDate learnerDay(const QDateTime &at) const;
};

} // namespace k8sfc
