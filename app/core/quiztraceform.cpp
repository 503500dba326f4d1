#include "quiztraceform.h"

#include "content.h"
#include "elementid.h"
#include "quizgenerator.h"

#include <QSet>

namespace k8sfc {

namespace {

/// An answer to a path so far, replayed from its activations (forms keep no state).
struct TraceState
{
    int step = 0;
    QStringList found; ///< of the current step
    QStringList lit;
    QStringList revealed;
    int mistakes = 0;
    bool lastWrong = false;
    bool lastRepeated = false;

    void take(const QList<QStringList> &steps, const QString &key)
    {
        lastWrong = false;
        lastRepeated = false;
        if (step >= steps.size())
            return;
        const QStringList &expected = steps.at(step);
        if (expected.contains(key) && !found.contains(key)) {
            found.append(key);
            lit.append(key);
            revealed.clear();
            if (found.size() == expected.size())
                advance();
            return;
        }
        lastRepeated = lit.contains(key);
        if (lastRepeated)
            return; // a second click on what is already lit is no new answer
        lastWrong = true;
        ++mistakes;
        revealed.clear();
        for (const QString &id : expected)
            if (!found.contains(id)) {
                revealed.append(id);
                lit.append(id);
            }
        advance();
    }

    void advance()
    {
        ++step;
        found.clear();
    }
};

QString nameOf(const QString &key, const ComponentRegistry &registry)
{
    if (ElementId::parse(key).kind == ElementId::Kind::Arrow)
        return registry.arrowTitle(key);
    const Component *c = registry.component(key);
    return c ? c->name : key;
}

/// "kubectl, kube-apiserver → authentication, authorization, admission, etcd → …": the components
/// of each step (the arrows between them are implied).
QString pathText(const QList<QStringList> &steps, const ComponentRegistry &registry)
{
    QStringList parts;
    for (const QStringList &step : steps) {
        QStringList names;
        for (const QString &key : step)
            if (ElementId::parse(key).kind != ElementId::Kind::Arrow)
                names.append(nameOf(key, registry));
        if (!names.isEmpty())
            parts.append(names.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral(" → "));
}

} // namespace

QString pathKey(const QString &elementId)
{
    const ElementId parsed = ElementId::parse(elementId);
    if (parsed.kind == ElementId::Kind::Arrow)
        return arrowBaseId(elementId);
    const ElementRef ref = ElementId::parseRef(elementId);
    return ref.isValid() ? ref.component : elementId;
}

void addCardsOnArrows(const ContentSet &content, const QSet<QString> &arrows, QuizQuestion &q)
{
    for (const Deck &deck : content.decks())
        for (const Card &card : deck.cards)
            if (std::any_of(card.arrows.cbegin(), card.arrows.cend(),
                            [&](const QString &a) { return arrows.contains(arrowBaseId(a)); })) {
                q.cardIds.append(card.id);
                if (!q.deckIds.contains(deck.id))
                    q.deckIds.append(deck.id);
            }
}

std::optional<QuizQuestion> QuizTraceForm::fromCard(const QuizGenerator &generator, const Card &card,
                                                    QRandomGenerator &random) const
{
    Q_UNUSED(generator);
    Q_UNUSED(card);
    Q_UNUSED(random);
    return std::nullopt; // a path is a walkthrough's, not a card's
}

QList<QStringList> QuizTraceForm::pathSteps(const Walkthrough &walkthrough)
{
    QList<QStringList> steps;
    QSet<QString> before;
    for (const WalkthroughStep &step : walkthrough.steps) {
        QStringList expected;
        for (const QString &id : step.components + step.arrows)
            if (const QString key = pathKey(id); !before.contains(key) && !expected.contains(key))
                expected.append(key);
        before.clear();
        for (const QString &id : step.components + step.arrows + step.reverseArrows)
            before.insert(pathKey(id));
        if (!expected.isEmpty())
            steps.append(expected);
    }
    return steps;
}

QList<QuizQuestion> QuizTraceForm::fromContent(const QuizGenerator &generator) const
{
    const ContentSet &content = generator.content();
    QList<QuizQuestion> out;
    for (const Walkthrough &w : content.walkthroughs()) {
        if (!content.diagram(w.diagramId))
            continue;
        QuizQuestion q;
        q.form = id();
        q.diagramId = w.diagramId;
        q.steps = pathSteps(w);
        if (q.steps.isEmpty())
            continue;
        q.prompt = QStringLiteral("**Trace the path — %1.** Click the components and arrows in the order the "
                                  "request and its effects travel.")
                       .arg(w.title);
        q.answer = pathText(q.steps, content.registry());
        QSet<QString> arrows;
        for (const QStringList &step : std::as_const(q.steps))
            for (const QString &key : step)
                if (ElementId::parse(key).kind == ElementId::Kind::Arrow)
                    arrows.insert(key);
                else if (!q.components.contains(key))
                    q.components.append(key);
        addCardsOnArrows(content, arrows, q);
        out.append(q);
    }
    return out;
}

std::optional<QString> QuizTraceForm::problemWith(const QuizQuestion &q, const ComponentRegistry &registry) const
{
    if (q.steps.isEmpty())
        return QStringLiteral("a path with no steps");
    for (const QStringList &step : q.steps)
        for (const QString &key : step)
            if (ElementId::parse(key).kind == ElementId::Kind::Arrow ? !registry.arrow(key) : !registry.contains(key))
                return QStringLiteral("unknown element \"%1\" on the path").arg(key);
    return std::nullopt;
}

std::optional<QuizStep> QuizTraceForm::judgeStep(const QuizQuestion &q, const QStringList &before,
                                                 const QString &elementId, const ComponentRegistry &registry) const
{
    TraceState state;
    for (const QString &earlier : before)
        state.take(q.steps, pathKey(earlier));
    state.take(q.steps, pathKey(elementId));

    QuizStep step;
    step.done = state.step >= q.steps.size();
    step.mistakes = state.mistakes;
    step.lit = state.lit;
    step.revealed = state.revealed;
    step.givenElementId = elementId;
    const QString clicked = nameOf(pathKey(elementId), registry);
    if (state.lastWrong) {
        QStringList shown;
        for (const QString &key : std::as_const(state.revealed))
            shown.append(nameOf(key, registry));
        step.progress = QStringLiteral("✗ Not %1. That step was: %2.").arg(clicked, shown.join(QStringLiteral(", ")));
    } else {
        step.progress = state.lastRepeated ? QStringLiteral("%1 is on the path already.").arg(clicked)
                                           : QStringLiteral("✓ %1.").arg(clicked);
    }
    if (step.done) {
        step.correct = state.mistakes <= 1;
        step.forgiven = state.mistakes == 1;
        step.rating = state.mistakes == 0 ? Rating::Good : state.mistakes == 1 ? Rating::Hard : Rating::Again;
        step.given = state.mistakes == 0   ? QStringLiteral("no wrong click")
                     : state.mistakes == 1 ? QStringLiteral("1 wrong click")
                                           : QStringLiteral("%1 wrong clicks").arg(state.mistakes);
    } else {
        step.correct = !state.lastWrong;
        step.given = clicked;
        step.progress += QStringLiteral(" Step %1 of %2: %3 of %4 found.")
                             .arg(state.step + 1)
                             .arg(q.steps.size())
                             .arg(state.found.size())
                             .arg(q.steps.at(state.step).size());
    }
    return step;
}

} // namespace k8sfc
