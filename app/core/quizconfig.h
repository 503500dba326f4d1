#pragma once

#include "quizforms.h"
#include "quizquestion.h"

#include <QList>
#include <QSet>
#include <QString>

namespace k8sfc {

/// What a quiz asks: how many questions, how long, about what, in which forms.
struct QuizConfig
{
    enum class Scope {
        All,       ///< every deck and the registry
        Deck,      ///< the cards of deck `scopeId`
        Component, ///< questions about component `scopeId` or one of its sub-parts
        Weakest,   ///< the components with the lowest mastery first (QuizSession::setMastery)
    };

    int length = 10;
    int timeLimitSecs = 0; ///< 0: no limit
    Scope scope = Scope::All;
    QString scopeId;
    QList<QuizQuestion::Form> forms = quizFormIds(); ///< every registered form unless told otherwise
    quint32 seed = 0;                                ///< the same seed and content give the same quiz
    /// Cards the learner has never studied, and how many of them the quiz may bring in: an answer
    /// is a review, so a quiz must not pass the day's new-card limit. -1: no limit.
    QSet<QString> newCards;
    int newCardsAllowed = -1;
};

} // namespace k8sfc
