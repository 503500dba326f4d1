#pragma once

#include "result.h"
#include "statisticsinput.h"

#include <QDateTime>
#include <QString>

class QWidget;

namespace k8sfc {

class ContentSet;
class Grader;
class MasteryStore;

/// Opens the statistics window from its plugin (app/statistics, beside the app), so Qt Charts
/// costs nothing until the learner asks for statistics: about 1 MB of memory and a dozen
/// libraries fewer at every start. The plugin gets plain values only (StatisticsInput), and only
/// if it comes from this very build.
namespace StatisticsLoader {

/// A new statistics window showing the app's numbers now, or null with the reason (which file,
/// what went wrong, or the store's read that failed) in `error`.
QWidget *create(const ContentSet &content, MasteryStore &store, const Grader &grader, QWidget *parent, QString *error);
/// Shows the app's numbers now in a window made by create().
void refresh(QWidget *window, const ContentSet &content, MasteryStore &store, const Grader &grader);

/// What the window shows at `now`, read from the store and computed with the grader's settings;
/// fails when any of it cannot be read.
Result<StatisticsInput> input(const ContentSet &content, MasteryStore &store, const Grader &grader,
                              const QDateTime &now);
/// A window from the plugin at `path` showing `input`; null with the reason in `error` when the
/// plugin cannot be loaded or was built by another build than the app.
QWidget *createFrom(const QString &path, const StatisticsInput &input, QWidget *parent, QString *error);
/// Shows `input` in a window made by createFrom().
void refresh(QWidget *window, const StatisticsInput &input);
/// Where the plugin is looked for.
QString pluginPath();

} // namespace StatisticsLoader

} // namespace k8sfc
