#include "quizdiagram.h"

#include "arrowitem.h"
#include "diagramscene.h"
#include "diagramswitcher.h"
#include "elementid.h"
#include "quizsession.h"
#include "quiztraceform.h"

namespace k8sfc {

QuizDiagram::QuizDiagram(QuizSession *session, DiagramScene *scene, DiagramSwitcher *switcher, QObject *parent)
    : QObject(parent), m_session(session), m_scene(scene), m_switcher(switcher)
{
    connect(session, &QuizSession::questionChanged, this, &QuizDiagram::showQuestion);
    connect(session, &QuizSession::stepTaken, this, &QuizDiagram::showStep);
    connect(session, &QuizSession::answered, this, &QuizDiagram::showAnswer);
    connect(session, &QuizSession::finished, this, &QuizDiagram::clear);
    connect(session, &QuizSession::answered, scene, &DiagramScene::markAnswer); // a located component
    connect(session, &QuizSession::dismissed, this, [this] {
        clear();
        m_scene->clearMarks();
        restoreDiagram();
    });
}

void QuizDiagram::showQuestion()
{
    clear();
    m_scene->clearMarks();
    const QuizQuestion *q = m_session->current();
    if (!q || q->diagramId.isEmpty())
        return;
    if (m_switcher->diagramId() != q->diagramId) {
        if (m_restoreId.isEmpty())
            m_restoreId = m_switcher->diagramId();
        m_switcher->loadDiagram(q->diagramId);
    }
    if (q->form == QuizQuestion::Form::DrawArrow)
        m_scene->setHiddenArrows({q->arrowId});
}

void QuizDiagram::showStep(const QuizStep &step)
{
    if (const QuizQuestion *q = m_session->current(); q && q->form == QuizQuestion::Form::DrawArrow)
        m_firstClick = step.lit.value(0);
    light(step.lit);
    if (!step.correct)
        m_scene->markComponent(pathKey(step.givenElementId), ComponentItem::Mark::Wrong);
}

void QuizDiagram::showAnswer(const QuizAnswer &answer)
{
    const QuizQuestion *q = m_session->current();
    if (!q)
        return;
    if (q->form == QuizQuestion::Form::Trace) {
        QStringList path;
        for (const QStringList &step : q->steps)
            path += step;
        light(path);
        if (!answer.revealed.isEmpty()) // the last click was a wrong one
            m_scene->markComponent(pathKey(answer.givenComponentId), ComponentItem::Mark::Wrong);
    } else if (q->form == QuizQuestion::Form::DrawArrow) {
        // The connection comes back, lit, between its two ends, ticked; a wrong end is crossed.
        m_scene->setHiddenArrows({});
        const ElementId arrow = ElementId::parse(q->arrowId);
        const QString from = arrow.from.component, to = arrow.to.component;
        light({from, to, q->arrowId});
        for (const QString &given : {m_firstClick, pathKey(answer.givenComponentId)})
            if (given != from && given != to)
                m_scene->markComponent(given, ComponentItem::Mark::Wrong);
        m_scene->markComponent(from, ComponentItem::Mark::Right);
        m_scene->markComponent(to, ComponentItem::Mark::Right);
    }
}

void QuizDiagram::light(const QStringList &elements)
{
    QStringList components, arrows;
    for (const QString &id : elements) {
        if (ElementId::parse(id).kind != ElementId::Kind::Arrow) {
            components.append(id);
            continue;
        }
        for (const ArrowItem *item : m_scene->arrowItemsFor(id))
            arrows.append(item->id());
    }
    m_scene->setSpotlight(components, arrows, {}, false);
}

void QuizDiagram::clear()
{
    m_scene->setSpotlight({}, {}, {});
    m_scene->setHiddenArrows({});
}

void QuizDiagram::restoreDiagram()
{
    if (!m_restoreId.isEmpty() && m_switcher->diagramId() != m_restoreId)
        m_switcher->loadDiagram(m_restoreId);
    m_restoreId.clear();
}

} // namespace k8sfc
