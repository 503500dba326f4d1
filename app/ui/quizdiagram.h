#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace k8sfc {

class DiagramScene;
class DiagramSwitcher;
class QuizSession;
struct QuizAnswer;
struct QuizStep;

/// What a quiz shows on the diagram: the diagram a question is answered on (switched to, and
/// back when the quiz is left), the connection Draw the arrow hides, the path traced so far, and
/// the marks of an answer. The session judges; this only draws.
class QuizDiagram : public QObject
{
    Q_OBJECT
public:
    QuizDiagram(QuizSession *session, DiagramScene *scene, DiagramSwitcher *switcher, QObject *parent = nullptr);

private:
    void showQuestion();
    void showStep(const QuizStep &step);
    void showAnswer(const QuizAnswer &answer);
    /// Lights the elements (component ids, arrow ids without copy suffixes) without dimming the rest.
    void light(const QStringList &elements);
    void clear();
    void restoreDiagram();

    QuizSession *m_session;
    DiagramScene *m_scene;
    DiagramSwitcher *m_switcher;
    QString m_firstClick; ///< Draw the arrow: the source given
    QString m_restoreId;  ///< the diagram shown before the quiz switched to another one
};

} // namespace k8sfc
