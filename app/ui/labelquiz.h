#pragma once

#include <QString>

class QWidget;

namespace k8sfc {

class DiagramScene;
class LabelCoverItem;

/// Hidden labels as a self-quiz: a click on a covered name asks which component it hides,
/// then uncovers it.
namespace LabelQuiz {
/// Asks, uncovers and returns the verdict for the status bar; empty when the learner cancels.
QString ask(QWidget *parent, const DiagramScene &scene, LabelCoverItem *cover);
} // namespace LabelQuiz

} // namespace k8sfc
