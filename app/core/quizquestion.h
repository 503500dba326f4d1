#pragma once

#include <QString>
#include <QStringList>

namespace k8sfc {

/// One quiz question, generated from a card or from the component registry (QuizGenerator).
struct QuizQuestion
{
    /// Which QuizForm (quizforms.cpp) asks and judges it.
    enum class Form { MultipleChoice, Typed, Locate };

    Form form = Form::Typed;
    QString cardId;         ///< empty for a Locate question drawn from the registry
    QString deckId;         ///< empty for a Locate question drawn from the registry
    QString prompt;         ///< Markdown: the card's front, or "Click the component that: <role>"
    QStringList options;    ///< MultipleChoice: in display order
    int correctOption = -1; ///< MultipleChoice: index into options
    QString answer;         ///< the right answer as shown: the option, the card's answer, the component's name
    QStringList aliases;    ///< Typed: other accepted answers
    QString componentId;    ///< Locate: the component to click (any drawn copy of it)
    QStringList components; ///< what the question is about: the card's components, or the located one

    friend bool operator==(const QuizQuestion &, const QuizQuestion &) = default;
};

} // namespace k8sfc
