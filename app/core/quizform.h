#pragma once

#include "masterystore.h"
#include "quizquestion.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QRandomGenerator;

namespace k8sfc {

class ComponentRegistry;
class QuizGenerator;
struct Card;

/// How an answer, or the part of it given so far, stands. A form answered by a choice or a text
/// is done at once; one answered on the diagram may take several activations, judged as each
/// comes.
struct QuizStep
{
    bool done = true;              ///< the answer is complete: the question is answered
    bool correct = false;          ///< right, or right so far while not done
    Rating rating = Rating::Again; ///< when done: the grade, before the quiz's time marks it down
    bool forgiven = false;         ///< accepted despite a small slip (a typo)
    QString given;                 ///< what the learner gave, as feedback and summary show it
    QString givenElementId;        ///< the diagram element just activated, when the answer is given there
    int chosenOption = -1;         ///< the option chosen, when the answer is a choice
    // Answers given over several activations (Trace, DrawArrow): what the diagram shows of them.
    QStringList lit;      ///< the elements found or shown so far: light them
    QStringList revealed; ///< what a wrong click just showed: the part of the answer it missed
    QString progress;     ///< where the answer stands, in words ("Step 3 of 8: 1 of 2 found")
    int mistakes = 0;     ///< wrong activations so far
};

/// One kind of quiz question: what it asks of the content, what makes one unfair, and how an
/// answer is judged. Forms are stateless and registered once, in quizForms() (quizforms.cpp);
/// each has one widget in the ui (quizformwidgets.cpp).
class QuizForm
{
public:
    virtual ~QuizForm() = default;

    virtual QuizQuestion::Form id() const = 0;
    /// What the quiz setup calls it ("Multiple choice").
    virtual QString name() const = 0;

    /// The question this form asks about `card`, if any. `random` is seeded per card, so one
    /// card's edit leaves the other questions alone.
    virtual std::optional<QuizQuestion> fromCard(const QuizGenerator &generator, const Card &card,
                                                 QRandomGenerator &random) const = 0;
    /// Questions not drawn from a card (the registry's, the diagrams'), asked after the cards'.
    virtual QList<QuizQuestion> fromContent(const QuizGenerator &generator) const
    {
        Q_UNUSED(generator);
        return {};
    }
    /// Why `question` is unfair in this form, beyond what every question needs (a prompt, an
    /// answer, known components), or nothing.
    virtual std::optional<QString> problemWith(const QuizQuestion &question, const ComponentRegistry &registry) const
    {
        Q_UNUSED(question);
        Q_UNUSED(registry);
        return std::nullopt;
    }

    // A form takes the answers that fit it and returns nothing for the others.
    virtual std::optional<QuizStep> judgeChoice(const QuizQuestion &question, int option) const
    {
        Q_UNUSED(question);
        Q_UNUSED(option);
        return std::nullopt;
    }
    virtual std::optional<QuizStep> judgeText(const QuizQuestion &question, const QString &text) const
    {
        Q_UNUSED(question);
        Q_UNUSED(text);
        return std::nullopt;
    }
    /// One activation on the diagram (a component or an arrow, by element id), after the
    /// activations `before` of this answer that were not done yet.
    virtual std::optional<QuizStep> judgeStep(const QuizQuestion &question, const QStringList &before,
                                              const QString &elementId, const ComponentRegistry &registry) const
    {
        Q_UNUSED(question);
        Q_UNUSED(before);
        Q_UNUSED(elementId);
        Q_UNUSED(registry);
        return std::nullopt;
    }
};

} // namespace k8sfc
