#include "studysettings.h"

#include <QSettings>

#include <algorithm>

namespace k8sfc {

namespace {

QSettings settings()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
                     QStringLiteral("k8s-flashcards"));
}

} // namespace

StudySettings StudySettings::load()
{
    const QSettings s = settings();
    StudySettings out;
    out.desiredRetention = s.value(QStringLiteral("study/desired-retention"), out.desiredRetention).toDouble();
    out.maximumIntervalDays = s.value(QStringLiteral("study/maximum-interval-days"), out.maximumIntervalDays).toInt();
    out.dayStartHour = s.value(QStringLiteral("study/day-start-hour"), out.dayStartHour).toInt();
    out.newCardsPerDay = s.value(QStringLiteral("study/new-cards-per-day"), out.newCardsPerDay).toInt();
    out.reviewsPerDay = s.value(QStringLiteral("study/reviews-per-day"), out.reviewsPerDay).toInt();
    out.fuzz = s.value(QStringLiteral("study/fuzz"), out.fuzz).toBool();
    return out.validated();
}

void StudySettings::save() const
{
    QSettings s = settings();
    const StudySettings v = validated();
    s.setValue(QStringLiteral("study/desired-retention"), v.desiredRetention);
    s.setValue(QStringLiteral("study/maximum-interval-days"), v.maximumIntervalDays);
    s.setValue(QStringLiteral("study/day-start-hour"), v.dayStartHour);
    s.setValue(QStringLiteral("study/new-cards-per-day"), v.newCardsPerDay);
    s.setValue(QStringLiteral("study/reviews-per-day"), v.reviewsPerDay);
    s.setValue(QStringLiteral("study/fuzz"), v.fuzz);
}

StudySettings StudySettings::validated() const
{
    StudySettings v = *this;
    v.desiredRetention = std::clamp(desiredRetention, 0.70, 0.97);
    v.maximumIntervalDays = std::clamp(maximumIntervalDays, 1, 36500);
    v.dayStartHour = std::clamp(dayStartHour, 0, 23);
    v.newCardsPerDay = std::clamp(newCardsPerDay, 0, 9999);
    v.reviewsPerDay = std::clamp(reviewsPerDay, 0, 99999);
    return v;
}

QDate StudySettings::learnerDay(const QDateTime &at) const
{
    return at.toLocalTime().addSecs(-3600 * dayStartHour).date();
}

QDateTime StudySettings::dayStart(const QDateTime &now) const
{
    return QDateTime(learnerDay(now), QTime(dayStartHour, 0), Qt::LocalTime).toUTC();
}

} // namespace k8sfc
