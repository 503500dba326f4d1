#pragma once

#include "quizform.h"

namespace k8sfc {

/// Multiple choice: a card's own `choices`, shuffled; or, for a card with only an `answer` and an
/// `answer-kind` other than "other" (and not `two-part`), three distractors drawn from the answers
/// of the same kind on the same topic: cards sharing a tag or a component, then the rest of its
/// deck. A card without them is left out. Answered by choosing an option.
class QuizChoiceForm : public QuizForm
{
public:
    QuizQuestion::Form id() const override { return QuizQuestion::Form::MultipleChoice; }
    QString name() const override { return QStringLiteral("Multiple choice"); }
    std::optional<QuizQuestion> fromCard(const QuizGenerator &generator, const Card &card,
                                         QRandomGenerator &random) const override;
    /// At least two options, distinct after normalisation, exactly one of them the answer.
    std::optional<QString> problemWith(const QuizQuestion &question, const ComponentRegistry &registry) const override;
    std::optional<QuizStep> judgeChoice(const QuizQuestion &question, int option) const override;

private:
    static QStringList distractorsFor(const QuizGenerator &generator, const Card &card, QRandomGenerator &random);
};

} // namespace k8sfc
