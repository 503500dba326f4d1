#include "statisticsloader.h"

#include "content.h"
#include "grader.h"
#include "masterymodel.h"
#include "masterystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>
#include <QWidget>

namespace k8sfc {

namespace {

// The plugin's two entry points (app/statistics/statisticswindow.cpp). The stamp function's
// signature never changes, so it can be asked of a plugin from any build.
using StampFunction = const char *(*)();
using Factory = QWidget *(*)(const char *stamp, const StatisticsInput &input, QWidget *parent);

Result<QList<StatisticsInput::Day>> dayList(MasteryStore &store, const QDate &from, const QDate &to, int dayStartHour)
{
    const int utcOffset = QDateTime::currentDateTime().offsetFromUtc();
    const auto read = store.reviewsPerDay(from, to, utcOffset, dayStartHour);
    if (!read)
        return Failure{read.error()};
    QHash<QDate, DayReviews> byDay;
    for (const DayReviews &d : *read)
        byDay.insert(d.day, d);
    QList<StatisticsInput::Day> days;
    for (QDate d = from; d <= to; d = d.addDays(1)) {
        const DayReviews r = byDay.value(d);
        days.append({d, r.reviews, r.again, r.matureReviews, r.maturePassed});
    }
    return days;
}

Result<QList<StatisticsInput::Component>> componentList(const ContentSet &content, MasteryStore &store,
                                                        const Grader &grader, const QDateTime &now)
{
    const auto progress = store.allProgress();
    if (!progress)
        return Failure{progress.error()};
    MasteryModel model;
    model.rebuild(content, *progress, now,
                  [&grader](const CardProgress &p, const QDateTime &at) { return grader.recall(p, at); });
    const QHash<QString, ComponentMastery> mastery = model.result();
    QList<StatisticsInput::Component> out;
    for (const Component &c : content.registry().components()) {
        const ComponentMastery m = mastery.value(c.id);
        if (m.cards == 0)
            continue;
        const Plane *plane = content.registry().plane(c.planeId);
        out.append({c.name, plane ? plane->name : QString(), m.cards, m.seen, m.mastery, m.meanRecallSeen});
    }
    return out;
}

} // namespace

Result<StatisticsInput> StatisticsLoader::input(const ContentSet &content, MasteryStore &store, const Grader &grader,
                                                const QDateTime &now)
{
    const StudySettings &settings = grader.settings();
    const QDate today = settings.learnerDay(now);
    const QDate firstMonday = today.addDays(1 - today.dayOfWeek() - 7 * (StatisticsInput::kRetentionWeeks - 1));
    const auto days = dayList(store, firstMonday, today, settings.dayStartHour);
    const auto due = store.dueForecast(now, StatisticsInput::kForecastDays,
                                       QDateTime::currentDateTime().offsetFromUtc(), settings.dayStartHour);
    const auto components = componentList(content, store, grader, now);
    const auto reviewCount = store.reviewCount();
    const auto doneToday = store.newAndReviewCountSince(settings.dayStart(now));
    // Zeros drawn from a failed read would look like a lost history: no numbers rather than wrong ones.
    for (const QString &error : {days.error(), due.error(), components.error(), reviewCount.error(), doneToday.error()})
        if (!error.isEmpty())
            return Failure{QStringLiteral("The statistics could not be read: %1").arg(error)};
    StatisticsInput in;
    in.today = today;
    in.days = *days;
    in.due = due->values();
    in.components = *components;
    in.reviewCount = *reviewCount;
    std::tie(in.newToday, in.reviewsToday) = *doneToday;
    in.desiredRetention = settings.desiredRetention;
    return in;
}

QString StatisticsLoader::pluginPath()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/../" K8SFC_PLUGIN_SUBDIR "/" K8SFC_STATISTICS_PLUGIN));
}

QWidget *StatisticsLoader::createFrom(const QString &path, const StatisticsInput &input, QWidget *parent,
                                      QString *error)
{
    // Kept loaded for the life of the process: QLibrary unloads only when told to. Nothing but the
    // stamp is called before the stamps match.
    QLibrary library(path);
    const QString file = QDir::toNativeSeparators(path);
    const auto stamp = reinterpret_cast<StampFunction>(library.resolve("k8sfc_statistics_stamp"));
    Factory factory = nullptr;
    QString reason;
    if (!stamp)
        reason =
            QStringLiteral("The statistics plugin could not be loaded from %1: %2").arg(file, library.errorString());
    else if (qstrcmp(stamp(), K8SFC_BUILD_STAMP) != 0)
        reason = QStringLiteral("The statistics plugin %1 comes from another build (%2; this program is %3). "
                                "Reinstall K8s Flashcards so that both come from the same build.")
                     .arg(file, QString::fromUtf8(stamp()), QStringLiteral(K8SFC_BUILD_STAMP));
    else if (!(factory = reinterpret_cast<Factory>(library.resolve("k8sfc_create_statistics"))))
        reason =
            QStringLiteral("The statistics plugin could not be loaded from %1: %2").arg(file, library.errorString());
    if (factory)
        return factory(K8SFC_BUILD_STAMP, input, parent);
    library.unload();
    if (error)
        *error = reason;
    return nullptr;
}

QWidget *StatisticsLoader::create(const ContentSet &content, MasteryStore &store, const Grader &grader, QWidget *parent,
                                  QString *error)
{
    const auto in = input(content, store, grader, QDateTime::currentDateTimeUtc());
    if (!in) {
        if (error)
            *error = in.error();
        return nullptr;
    }
    return createFrom(pluginPath(), *in, parent, error);
}

void StatisticsLoader::refresh(QWidget *window, const ContentSet &content, MasteryStore &store, const Grader &grader)
{
    if (!window)
        return;
    // A failed read leaves the window showing the last numbers it had.
    if (const auto in = input(content, store, grader, QDateTime::currentDateTimeUtc()))
        refresh(window, *in);
}

void StatisticsLoader::refresh(QWidget *window, const StatisticsInput &input)
{
    QMetaObject::invokeMethod(window, "refresh", Qt::DirectConnection, Q_ARG(k8sfc::StatisticsInput, input));
}

} // namespace k8sfc
