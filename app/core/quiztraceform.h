#pragma once

#include "quizform.h"

#include <QSet>

namespace k8sfc {

class ContentSet;
struct Walkthrough;

/// Trace the path: one question per walkthrough, answered on its diagram by clicking, step by
/// step, what the request and its effects reach. A step expects the components and forward arrows
/// it lights that the step before did not (any copy counts, any order within the step); arrows
/// drawn backwards (watch events, replies) are not asked. Each click is judged as it comes: a wrong
/// one shows the step it missed and moves on. Good with no wrong click, Hard with one, Again with
/// more, as one quiz review of every card on the path's arrows.
class QuizTraceForm : public QuizForm
{
public:
    QuizQuestion::Form id() const override { return QuizQuestion::Form::Trace; }
    QString name() const override { return QStringLiteral("Trace the path"); }
    std::optional<QuizQuestion> fromCard(const QuizGenerator &generator, const Card &card,
                                         QRandomGenerator &random) const override;
    QList<QuizQuestion> fromContent(const QuizGenerator &generator) const override;
    std::optional<QString> problemWith(const QuizQuestion &question, const ComponentRegistry &registry) const override;
    std::optional<QuizStep> judgeStep(const QuizQuestion &question, const QStringList &before, const QString &elementId,
                                      const ComponentRegistry &registry) const override;

    /// The steps a walkthrough asks, as QuizQuestion::steps holds them; steps lighting nothing
    /// new are left out.
    static QList<QStringList> pathSteps(const Walkthrough &walkthrough);
};

/// What an activation on the diagram names for a path: a component id for any copy or sub-part
/// item, an arrow id without copy suffixes for an arrow.
QString pathKey(const QString &elementId);

/// Adds to `q` the cards naming any of `arrows` (ids without copy suffixes; a card naming one
/// copy counts) and their decks, in deck order: what one answer about them reviews.
void addCardsOnArrows(const ContentSet &content, const QSet<QString> &arrows, QuizQuestion &q);

} // namespace k8sfc
