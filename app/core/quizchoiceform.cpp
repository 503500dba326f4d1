#include "quizchoiceform.h"

#include "answermatcher.h"
#include "content.h"
#include "quizgenerator.h"
#include "seededshuffle.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace k8sfc {

namespace {

bool isYesNo(const QString &answer)
{
    const QString n = AnswerMatcher::normalise(answer);
    for (const QLatin1String word : {QLatin1String("yes"), QLatin1String("no")})
        if (n == word || n.startsWith(QString(word) + u' '))
            return true;
    return false;
}

bool sharesAny(const QStringList &a, const QStringList &b)
{
    return std::any_of(a.cbegin(), a.cend(), [&b](const QString &x) { return b.contains(x); });
}

/// Whether the quiz may draw wrong options for `card`: its answer has a kind other answers can
/// share, and answers the whole front. "other" is a sentence or a reason: no two are alike.
bool drawsDistractors(const Card &card)
{
    return !card.answerKind.isEmpty() && card.answerKind != QLatin1String("other") && !card.twoPart;
}

} // namespace

std::optional<QuizQuestion> QuizChoiceForm::fromCard(const QuizGenerator &generator, const Card &card,
                                                     QRandomGenerator &random) const
{
    if (card.answer.trimmed().isEmpty())
        return std::nullopt;
    QuizQuestion q = QuizGenerator::cardQuestion(card, id());
    if (!card.choices.isEmpty()) {
        q.options = card.choices;
    } else {
        if (!drawsDistractors(card))
            return std::nullopt;
        const QStringList distractors = distractorsFor(generator, card, random);
        if (distractors.size() < QuizGenerator::kDistractors)
            return std::nullopt;
        q.options = QStringList{card.answer} + distractors;
    }
    seededShuffle(q.options, random);
    const QString key = AnswerMatcher::normalise(card.answer);
    for (qsizetype i = 0; i < q.options.size(); ++i)
        if (AnswerMatcher::normalise(q.options.at(i)) == key)
            q.correctOption = int(i);
    if (q.correctOption >= 0)
        q.answer = q.options.at(q.correctOption);
    return q;
}

QStringList QuizChoiceForm::distractorsFor(const QuizGenerator &generator, const Card &card, QRandomGenerator &random)
{
    // Only answers of the same kind on the same topic: a port among components, or an answer
    // from another subject, gives the right one away. Cards sharing a tag or a component make the
    // closest distractors; the rest of the deck comes next.
    QStringList close, byDeck;
    for (const Deck &deck : generator.content().decks()) {
        for (const Card &other : deck.cards) {
            if (other.id == card.id || other.answer.trimmed().isEmpty() || other.answerKind != card.answerKind)
                continue;
            if (sharesAny(card.tags, other.tags) || sharesAny(card.components, other.components))
                close.append(other.answer);
            else if (other.deckId == card.deckId)
                byDeck.append(other.answer);
        }
    }
    seededShuffle(close, random);
    seededShuffle(byDeck, random);
    // A yes/no question gets yes/no distractors and no other question gets one: a lone "No, ..."
    // among noun phrases gives the answer away.
    const bool yesNo = isYesNo(card.answer);
    const QStringList numbers = AnswerMatcher::numbersIn(card.answer);
    // "A 300 s toleration" is the same fact as "After 300 s": a shared number is no distractor.
    auto sharesNumber = [&](const QString &candidate) {
        const QStringList theirs = AnswerMatcher::numbersIn(candidate);
        return std::any_of(theirs.cbegin(), theirs.cend(), [&](const QString &n) { return numbers.contains(n); });
    };
    QSet<QString> seen{AnswerMatcher::normalise(card.answer)};
    QStringList out;
    for (const QString &candidate : close + byDeck) {
        const QString key = AnswerMatcher::normalise(candidate);
        // A candidate that the typed matcher would accept is a second right answer, not a distractor.
        if (out.size() == QuizGenerator::kDistractors || seen.contains(key) || isYesNo(candidate) != yesNo ||
            sharesNumber(candidate) ||
            AnswerMatcher::match(candidate, card.answer, card.aliases) != AnswerMatcher::Result::Wrong)
            continue;
        seen.insert(key);
        out.append(candidate);
    }
    return out;
}

std::optional<QString> QuizChoiceForm::problemWith(const QuizQuestion &q, const ComponentRegistry &registry) const
{
    Q_UNUSED(registry);
    if (q.options.size() < 2)
        return QStringLiteral("fewer than two options");
    QSet<QString> keys;
    int correct = 0;
    const QString answer = AnswerMatcher::normalise(q.answer);
    for (const QString &option : q.options) {
        const QString key = AnswerMatcher::normalise(option);
        if (key.isEmpty() || keys.contains(key))
            return QStringLiteral("options not distinct: \"%1\"").arg(option);
        keys.insert(key);
        correct += key == answer ? 1 : 0;
    }
    if (correct != 1 || q.correctOption < 0 || q.correctOption >= q.options.size() ||
        AnswerMatcher::normalise(q.options.at(q.correctOption)) != answer)
        return QStringLiteral("not exactly one correct option");
    return std::nullopt;
}

std::optional<QuizStep> QuizChoiceForm::judgeChoice(const QuizQuestion &q, int option) const
{
    if (option < 0 || option >= q.options.size())
        return std::nullopt;
    QuizStep step;
    step.correct = option == q.correctOption;
    step.rating = step.correct ? Rating::Good : Rating::Again;
    step.given = q.options.at(option);
    step.chosenOption = option;
    return step;
}

} // namespace k8sfc
