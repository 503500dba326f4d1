#pragma once

#include "quizquestion.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace k8sfc {

/// The end of a quiz: the score, the time, every miss and every question left unanswered with its
/// right answer, the weakest components.
struct QuizSummary
{
    struct Miss
    {
        int questionIndex = -1;
        QString cardId;
        QString prompt;
        QString given;
        QString rightAnswer;
        QStringList components;
    };

    struct ComponentScore
    {
        QString componentId;
        int asked = 0; ///< answered questions about it
        int missed = 0;
        double missRate() const { return asked > 0 ? double(missed) / asked : 0.0; }
    };

    int total = 0;        ///< questions in the quiz
    int answered = 0;     ///< unanswered ones (time ran out, stopped early) are neither right nor wrong
    int correct = 0;      ///< Forgiven typos count as correct
    int scorePercent = 0; ///< correct out of total, rounded
    qint64 elapsedMs = 0;
    bool timedOut = false; ///< the time limit ended the quiz before every question was answered
    QList<Miss> misses;
    QList<Miss> unanswered;        ///< when time ran out or the quiz was ended early; `given` is empty
    QList<ComponentScore> weakest; ///< components with a miss: highest miss rate first, ties in registry order
};

} // namespace k8sfc
