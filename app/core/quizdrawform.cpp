#include "quizdrawform.h"

#include "content.h"
#include "elementid.h"
#include "quizgenerator.h"
#include "quiztraceform.h"

#include <QHash>
#include <QSet>

namespace k8sfc {

namespace {

/// The connections drawn on `diagram`, by id without copy suffixes, each with its drawn label.
QHash<QString, QString> connectionLabels(const Diagram &diagram, const ComponentRegistry &registry)
{
    QHash<QString, QString> labels;
    for (const DiagramElement &e : diagram.elements) {
        if (e.parsed.kind != ElementId::Kind::Arrow)
            continue;
        const ArrowRole *role = registry.arrow(e.id);
        if (role && role->kind == QLatin1String("connection") && !labels.contains(role->id))
            labels.insert(role->id, e.label.simplified());
    }
    return labels;
}

QString componentName(const QString &id, const ComponentRegistry &registry)
{
    const Component *c = registry.component(id);
    return c ? c->name : id;
}

} // namespace

std::optional<QuizQuestion> QuizDrawForm::fromCard(const QuizGenerator &generator, const Card &card,
                                                   QRandomGenerator &random) const
{
    Q_UNUSED(generator);
    Q_UNUSED(card);
    Q_UNUSED(random);
    return std::nullopt; // a connection is the registry's and the diagrams', not a card's
}

QList<QuizQuestion> QuizDrawForm::fromContent(const QuizGenerator &generator) const
{
    const ContentSet &content = generator.content();
    const ComponentRegistry &registry = content.registry();
    QList<QuizQuestion> out;
    QSet<QString> asked;
    for (const Diagram &diagram : content.diagrams()) {
        const QHash<QString, QString> labels = connectionLabels(diagram, registry);
        for (const ArrowRole &arrow : registry.arrows()) {
            const QString label = labels.value(arrow.id);
            if (asked.contains(arrow.id) || label.isEmpty() || labels.keys(label).size() > 1)
                continue;
            asked.insert(arrow.id);
            const ElementId parsed = ElementId::parse(arrow.id);
            QuizQuestion q;
            q.form = id();
            q.diagramId = diagram.id;
            q.arrowId = arrow.id;
            q.prompt = QStringLiteral("**Draw the arrow.** A connection is hidden: the one labelled “%1”. Who opens "
                                      "it? Click the component that opens the connection, then the one it connects to.")
                           .arg(label);
            q.answer = registry.arrowTitle(arrow.id);
            q.components = {parsed.from.component, parsed.to.component};
            addCardsOnArrows(content, {arrow.id}, q);
            out.append(q);
        }
    }
    return out;
}

std::optional<QString> QuizDrawForm::problemWith(const QuizQuestion &q, const ComponentRegistry &registry) const
{
    if (!registry.arrow(q.arrowId))
        return QStringLiteral("unknown arrow \"%1\" to draw").arg(q.arrowId);
    return std::nullopt;
}

std::optional<QuizStep> QuizDrawForm::judgeStep(const QuizQuestion &q, const QStringList &before,
                                                const QString &elementId, const ComponentRegistry &registry) const
{
    if (ElementId::parse(elementId).kind == ElementId::Kind::Arrow)
        return std::nullopt; // the answer is two components; a drawn arrow answers nothing
    const ElementId arrow = ElementId::parse(q.arrowId);
    const QString clicked = pathKey(elementId);
    QuizStep step;
    step.givenElementId = elementId;
    if (before.isEmpty()) {
        step.done = false;
        step.correct = true; // not judged until the target is given: the source alone gives nothing away
        step.given = componentName(clicked, registry);
        step.lit = {clicked};
        step.progress = QStringLiteral("From %1: now click the component it connects to.").arg(step.given);
        return step;
    }
    const QString source = pathKey(before.first());
    step.correct = source == arrow.from.component && clicked == arrow.to.component;
    step.rating = step.correct ? Rating::Good : Rating::Again;
    step.given = componentName(source, registry) + QStringLiteral(" → ") + componentName(clicked, registry);
    step.lit = {source, clicked};
    step.mistakes = step.correct ? 0 : 1;
    return step;
}

} // namespace k8sfc
