#pragma once

#include "quizquestion.h"

#include <QHash>
#include <QList>

#include <optional>

class QRandomGenerator;

namespace k8sfc {

class ContentSet;
class ComponentRegistry;
class QuizForm;
struct Card;

/// Turns decks and the registry into quiz questions, through the forms of quizForms(). Every
/// question it returns passes problemWith(); a card that would make an unfair question is left
/// out of that form. What each form asks is the form's (quizchoiceform.h, quiztypedform.h,
/// quizlocateform.h); the generator walks the cards, seeds each card's draw, and checks.
class QuizGenerator
{
public:
    /// Multiple choice: the wrong options drawn for a card with only an `answer`.
    static constexpr int kDistractors = 3;

    explicit QuizGenerator(const ContentSet &content);

    /// Every question of `form`, in deck order (questions not from a card last). The seed decides
    /// option order and which distractors are drawn, per card, so one card's edit leaves others alone.
    QList<QuizQuestion> generate(QuizQuestion::Form form, quint32 seed) const;
    QList<QuizQuestion> generate(const QuizForm &form, quint32 seed) const;
    const ContentSet &content() const { return m_content; }
    /// The registry component `answer` names by display name or id after normalisation, or "".
    QString componentNamedBy(const QString &answer) const;
    /// Why `question` is not fair (empty prompt or answer, an unknown component, or what its form
    /// rejects: options not distinct, not exactly one correct option…), or nothing.
    static std::optional<QString> problemWith(const QuizQuestion &question, const ComponentRegistry &registry);

    /// A question about `card` in `form`: its front as the prompt, its answer and components.
    static QuizQuestion cardQuestion(const Card &card, QuizQuestion::Form form);

private:
    static std::optional<QString> problemWith(const QuizQuestion &question, const ComponentRegistry &registry,
                                              const QuizForm &form);

    const ContentSet &m_content;
    QHash<QString, QString> m_componentByName; ///< normalised display name or id → component id
};

} // namespace k8sfc
