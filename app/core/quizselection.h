#pragma once

#include "quizconfig.h"
#include "quizquestion.h"

#include <QHash>
#include <QList>

namespace k8sfc {

class ComponentRegistry;

/// Picks a quiz's questions out of everything QuizGenerator offers.
class QuizSelection
{
public:
    /// At most `config.length` questions in scope and in the config's forms, no card (and no
    /// registry component) twice, at most `config.newCardsAllowed` of `config.newCards`, the forms
    /// taking turns. Scope Weakest walks the components from
    /// the lowest mastery up (a component missing from `mastery` is unseen and comes first; ties in
    /// registry order), one question per component per round, and keeps that order; other scopes
    /// come shuffled. The same seed gives the same quiz.
    static QList<QuizQuestion> choose(const QList<QuizQuestion> &pool, const QuizConfig &config,
                                      const ComponentRegistry &registry, const QHash<QString, double> &mastery);
    /// Deck: the deck's cards. Component: questions about it or one of its sub-parts. All and
    /// Weakest: everything.
    static bool inScope(const QuizQuestion &question, const QuizConfig &config, const ComponentRegistry &registry);
};

} // namespace k8sfc
