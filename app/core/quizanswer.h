#pragma once

#include "review.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace k8sfc {

/// The outcome of one quiz question, as QuizSession::answered reports it. The app records it as a
/// review of kind Quiz when `cardId` is set (registry questions have no card).
struct QuizAnswer
{
    int questionIndex = -1;
    QString cardId;
    QStringList cardIds; ///< Trace and DrawArrow: every card the answer reviews (cardId is then empty)
    bool correct = false;
    bool forgiven = false;         ///< Typed: accepted despite a small typo
    Rating rating = Rating::Again; ///< the form's grade (Again when wrong), at most Hard when slow
    QString given;                 ///< the chosen option, the typed text, or the clicked component's name
    int chosenOption = -1;         ///< Multiple choice: the index of the option chosen
    QString rightAnswer;
    QString givenComponentId; ///< an answer on the diagram: the element activated last (Locate: the component)
    QString componentId;      ///< Locate: the right component, to mark on the diagram
    QStringList revealed;     ///< Trace: what the last click, a wrong one, showed of the path
    qint64 timeTakenMs = 0;
    QDateTime answeredAt; ///< from the session's clock: when to record the review
};

} // namespace k8sfc
