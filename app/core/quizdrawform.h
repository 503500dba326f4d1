#pragma once

#include "quizform.h"

namespace k8sfc {

/// Draw the arrow: one connection is hidden from its diagram and named by its drawn label only
/// ("Who opens this connection?"). The learner clicks the component that opens it, then the one it
/// connects to; direction matters. Good or Again, as one quiz review of every card on the arrow.
/// A connection whose label another connection on the diagram shares is not asked: the label would
/// not say which one is meant.
class QuizDrawForm : public QuizForm
{
public:
    QuizQuestion::Form id() const override { return QuizQuestion::Form::DrawArrow; }
    QString name() const override { return QStringLiteral("Draw the arrow"); }
    std::optional<QuizQuestion> fromCard(const QuizGenerator &generator, const Card &card,
                                         QRandomGenerator &random) const override;
    QList<QuizQuestion> fromContent(const QuizGenerator &generator) const override;
    std::optional<QString> problemWith(const QuizQuestion &question, const ComponentRegistry &registry) const override;
    /// Components only: the first click is the source, the second the target and the answer.
    std::optional<QuizStep> judgeStep(const QuizQuestion &question, const QStringList &before, const QString &elementId,
                                      const ComponentRegistry &registry) const override;
};

} // namespace k8sfc
