#include "quiztypedform.h"

#include "answermatcher.h"
#include "card.h"
#include "quizgenerator.h"

#include <algorithm>

namespace k8sfc {

std::optional<QuizQuestion> QuizTypedForm::fromCard(const QuizGenerator &generator, const Card &card,
                                                    QRandomGenerator &random) const
{
    Q_UNUSED(generator);
    Q_UNUSED(random);
    // A "what and why" card's answer is half of what it asks: typing it alone would be marked right.
    if (card.answer.trimmed().isEmpty() || card.twoPart)
        return std::nullopt;
    const QStringList accepted = QStringList{card.answer} + card.aliases;
    const bool typeable = std::any_of(accepted.cbegin(), accepted.cend(), [](const QString &a) {
        return AnswerMatcher::normalise(a).count(u' ') < kMaxTypedWords;
    });
    if (!typeable)
        return std::nullopt;
    QuizQuestion q = QuizGenerator::cardQuestion(card, id());
    q.aliases = card.aliases;
    return q;
}

std::optional<QuizStep> QuizTypedForm::judgeText(const QuizQuestion &q, const QString &text) const
{
    const AnswerMatcher::Result result = AnswerMatcher::match(text, q.answer, q.aliases);
    QuizStep step;
    step.correct = result != AnswerMatcher::Result::Wrong;
    step.forgiven = result == AnswerMatcher::Result::Forgiven;
    step.rating = !step.correct ? Rating::Again : step.forgiven ? Rating::Hard : Rating::Good;
    step.given = text.trimmed();
    return step;
}

} // namespace k8sfc
