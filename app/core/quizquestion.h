#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace k8sfc {

/// One quiz question, generated from a card or from the component registry (QuizGenerator).
struct QuizQuestion
{
    /// Which QuizForm (quizforms.cpp) asks and judges it.
    enum class Form { MultipleChoice, Typed, Locate, Trace, DrawArrow };

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
    /// Trace and DrawArrow: the diagram the answer is given on.
    QString diagramId;
    /// Trace: what each step of the path expects clicked (component ids and arrow ids without copy
    /// suffixes), in the order the request travels; any order within a step.
    QList<QStringList> steps;
    QString arrowId; ///< DrawArrow: the hidden connection, without copy suffixes
    /// Trace and DrawArrow: the cards one answer reviews, all at once (a card question has cardId).
    QStringList cardIds;
    QStringList deckIds; ///< the decks of cardIds: a deck's quiz asks the paths and connections it has cards on

    friend bool operator==(const QuizQuestion &, const QuizQuestion &) = default;
};

} // namespace k8sfc
