#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace k8sfc {

/// Everything the statistics window shows, as plain values. StatisticsLoader computes it from the
/// app's content, store and settings; the plugin (app/statistics) only draws it, and never touches
/// an object of the app. This header is the plugin's whole interface besides two C functions, and
/// both sides must be built from the same source: the loader compares build stamps before it hands
/// a value over.
struct StatisticsInput
{
    static constexpr int kHistoryDays = 30;
    static constexpr int kRetentionWeeks = 12;
    static constexpr int kForecastDays = 30;

    /// One learner-day of reviews.
    struct Day
    {
        QDate day;
        int reviews = 0;
        int again = 0;
        int matureReviews = 0; ///< reviews of cards that were in the Review state
        int maturePassed = 0;  ///< of those, not Again
    };
    /// One row of the mastery table.
    struct Component
    {
        QString name;
        QString plane;
        int cards = 0;             ///< its cards, sub-parts' included
        int seen = 0;              ///< of those, reviewed at least once
        double mastery = 0;        ///< mean predicted recall over all its cards, unseen ones 0
        double meanRecallSeen = 0; ///< mean predicted recall of the seen cards
    };

    QDate today; ///< the learner's day now
    /// Every day from the Monday kRetentionWeeks - 1 weeks before this week's to today, oldest first.
    QList<Day> days;
    QList<int> due;              ///< cards due on today + i, for i < kForecastDays; overdue ones count today
    QList<Component> components; ///< those with cards, in the registry's order
    qint64 reviewCount = 0;      ///< reviews logged in all
    int newToday = 0;
    int reviewsToday = 0;
    double desiredRetention = 0;
};

} // namespace k8sfc
