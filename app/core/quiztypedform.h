#pragma once

#include "quizform.h"

namespace k8sfc {

/// Typed answer: a card with an `answer` that can be typed (it or an alias has at most
/// kMaxTypedWords), and not `two-part`. AnswerMatcher judges the text; a forgiven typo is right but Hard. A prompt and
/// an answer are all it needs to be fair.
class QuizTypedForm : public QuizForm
{
public:
    /// A sentence-long answer is a fine option to pick but an unfair thing to type word for word.
    static constexpr int kMaxTypedWords = 5;

    QuizQuestion::Form id() const override { return QuizQuestion::Form::Typed; }
    QString name() const override { return QStringLiteral("Typed answer"); }
    std::optional<QuizQuestion> fromCard(const QuizGenerator &generator, const Card &card,
                                         QRandomGenerator &random) const override;
    std::optional<QuizStep> judgeText(const QuizQuestion &question, const QString &text) const override;
};

} // namespace k8sfc
