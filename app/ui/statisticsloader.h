#pragma once

#include <QString>

class QWidget;

namespace k8sfc {

class ContentSet;
class Grader;
class MasteryStore;

/// Opens the statistics window from its plugin (statistics.so beside the app, see
/// app/statistics), so Qt Charts costs nothing until the learner asks for statistics: about
/// 1 MB of memory and a dozen libraries fewer at every start.
namespace StatisticsLoader {

/// A new statistics window, or null with the reason (which file, what went wrong) in `error`.
QWidget *create(const ContentSet &content, MasteryStore &store, const Grader &grader, QWidget *parent, QString *error);
/// Re-reads the window's numbers from the store.
void refresh(QWidget *window);
/// Where the plugin is looked for.
QString pluginPath();

} // namespace StatisticsLoader

} // namespace k8sfc
