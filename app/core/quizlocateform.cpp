#include "quizlocateform.h"

#include "content.h"
#include "elementid.h"
#include "quizgenerator.h"

namespace k8sfc {

std::optional<QuizQuestion> QuizLocateForm::fromCard(const QuizGenerator &generator, const Card &card,
                                                     QRandomGenerator &random) const
{
    Q_UNUSED(random);
    if (card.twoPart) // "who, and how?" is not answered by a click on who
        return std::nullopt;
    const QString component = generator.componentNamedBy(card.answer);
    if (component.isEmpty())
        return std::nullopt;
    QuizQuestion q = QuizGenerator::cardQuestion(card, id());
    q.componentId = component;
    q.answer = generator.content().registry().component(component)->name;
    if (!q.components.contains(component))
        q.components.append(component);
    return q;
}

QList<QuizQuestion> QuizLocateForm::fromContent(const QuizGenerator &generator) const
{
    QList<QuizQuestion> out;
    for (const Component &c : generator.content().registry().components()) {
        if (c.role.trimmed().isEmpty())
            continue;
        QuizQuestion q;
        q.form = id();
        q.prompt = QStringLiteral("Click the component that: ") + c.role.trimmed();
        q.answer = c.name;
        q.componentId = c.id;
        q.components = {c.id};
        out.append(q);
    }
    return out;
}

std::optional<QString> QuizLocateForm::problemWith(const QuizQuestion &q, const ComponentRegistry &registry) const
{
    if (!registry.contains(q.componentId))
        return QStringLiteral("unknown component \"%1\" to locate").arg(q.componentId);
    return std::nullopt;
}

std::optional<QuizStep> QuizLocateForm::judgeStep(const QuizQuestion &q, const QStringList &before,
                                                  const QString &elementId, const ComponentRegistry &registry) const
{
    Q_UNUSED(before); // one activation answers it
    if (ElementId::parse(elementId).kind == ElementId::Kind::Arrow)
        return std::nullopt; // a connection is no answer to "click the component that…"
    const ElementRef ref = ElementId::parseRef(elementId);
    const QString clicked = ref.isValid() ? ref.component : elementId;
    const Component *component = registry.component(clicked);
    QuizStep step;
    step.correct = clicked == q.componentId;
    step.rating = step.correct ? Rating::Good : Rating::Again;
    step.given = component ? component->name : clicked;
    step.givenElementId = clicked;
    return step;
}

} // namespace k8sfc
