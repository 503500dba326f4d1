#include "studysettings.h"

#include <algorithm>

namespace k8sfc {

StudySettings StudySettings::load(const Settings &settings)
{
    StudySettings out;
    out.desiredRetention = settings.value(setting::desiredRetention);
    out.maximumIntervalDays = settings.value(setting::maximumIntervalDays);
    out.dayStartHour = settings.value(setting::dayStartHour);
    out.newCardsPerDay = settings.value(setting::newCardsPerDay);
    out.reviewsPerDay = settings.value(setting::reviewsPerDay);
    out.fuzz = settings.value(setting::fuzz);
    return out.validated();
}

void StudySettings::save(const Settings &settings) const
{
    const StudySettings v = validated();
    settings.setValue(setting::desiredRetention, v.desiredRetention);
    settings.setValue(setting::maximumIntervalDays, v.maximumIntervalDays);
    settings.setValue(setting::dayStartHour, v.dayStartHour);
    settings.setValue(setting::newCardsPerDay, v.newCardsPerDay);
    settings.setValue(setting::reviewsPerDay, v.reviewsPerDay);
    settings.setValue(setting::fuzz, v.fuzz);
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
