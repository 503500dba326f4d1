#pragma once

#include "quizform.h"

namespace k8sfc {

/// Locate on the diagram: a card whose `answer` names a component ("etcd", "The kubelet") and is
/// not `two-part`, and
/// every registry component with a role ("Click the component that: …"). Answered by one
/// activation of the component on the diagram, any drawn copy of it.
class QuizLocateForm : public QuizForm
{
public:
    QuizQuestion::Form id() const override { return QuizQuestion::Form::Locate; }
    QString name() const override { return QStringLiteral("Locate on the diagram"); }
    std::optional<QuizQuestion> fromCard(const QuizGenerator &generator, const Card &card,
                                         QRandomGenerator &random) const override;
    QList<QuizQuestion> fromContent(const QuizGenerator &generator) const override;
    /// The component to click must be in the registry.
    std::optional<QString> problemWith(const QuizQuestion &question, const ComponentRegistry &registry) const override;
    /// A sub-part's parent is a different component; a copy ("kubelet.node-a") is the component.
    std::optional<QuizStep> judgeStep(const QuizQuestion &question, const QStringList &before, const QString &elementId,
                                      const ComponentRegistry &registry) const override;
};

} // namespace k8sfc
