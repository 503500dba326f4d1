#pragma once

#include "quizquestion.h"

#include <QHash>
#include <QList>

#include <optional>

class QRandomGenerator;

namespace k8sfc {

class ContentSet;
class ComponentRegistry;
struct Card;

/// Turns decks and the registry into quiz questions. Every question it returns passes
/// problemWith(); a card that would make an unfair question is left out of that form.
///
/// - MultipleChoice: a card's own `choices`, shuffled; or, for a card with only an `answer`, three
///   distractors drawn from the answers of cards sharing a tag, then of cards of the same deck.
/// - Typed: a card with an `answer` that can be typed (it or an alias has at most kMaxTypedWords).
/// - Locate: a card whose `answer` names a component ("etcd", "The kubelet"), and every registry
///   component with a role ("Click the component that: …").
class QuizGenerator
{
public:
    /// A sentence-long answer is a fine option to pick but an unfair thing to type word for word.
    static constexpr int kMaxTypedWords = 5;
    static constexpr int kDistractors = 3;

    explicit QuizGenerator(const ContentSet &content);

    /// Every question of `form`, in deck order (registry questions last). The seed decides option
    /// order and which distractors are drawn, per card, so one card's edit leaves others alone.
    QList<QuizQuestion> generate(QuizQuestion::Form form, quint32 seed) const;
    /// The registry component `answer` names by display name or id after normalisation, or "".
    QString componentNamedBy(const QString &answer) const;
    /// Why `question` is not fair (empty prompt, options not distinct, not exactly one correct
    /// option, an unknown component), or nothing.
    static std::optional<QString> problemWith(const QuizQuestion &question, const ComponentRegistry &registry);

private:
    std::optional<QuizQuestion> multipleChoice(const Card &card, QRandomGenerator &random) const;
    QStringList distractorsFor(const Card &card, QRandomGenerator &random) const;
    std::optional<QuizQuestion> typed(const Card &card) const;
    std::optional<QuizQuestion> locate(const Card &card) const;
    QList<QuizQuestion> locateFromRegistry() const;

    const ContentSet &m_content;
    QHash<QString, QString> m_componentByName; ///< normalised display name or id → component id
};

} // namespace k8sfc
