#pragma once

#include <QString>

#include <functional>

class QInputDialog;
class QWidget;

namespace k8sfc {

class DiagramScene;
class LabelCoverItem;

/// Hidden labels as a self-quiz: a click on a covered name asks which component it hides; the
/// cover then shows the verdict and uncovers.
namespace LabelQuiz {
/// Opens the naming dialog (empty, window-modal, not blocking) and returns it. On OK the scene
/// judges the answer and `done` receives the line for the status bar; Cancel changes nothing.
QInputDialog *ask(QWidget *parent, DiagramScene &scene, LabelCoverItem *cover,
                  const std::function<void(const QString &)> &done);
} // namespace LabelQuiz

} // namespace k8sfc
