#pragma once

#include "review.h"

#include <QDateTime>
#include <QString>

namespace k8sfc {

/// The outcome of one quiz question, as QuizSession::answered reports it. The app records it as a
/// review of kind Quiz when `cardId` is set (registry questions have no card).
struct QuizAnswer
{
    int questionIndex = -1;
    QString cardId;
    bool correct = false;
    bool forgiven = false;         ///< Typed: accepted despite a small typo
    Rating rating = Rating::Again; ///< Again when wrong; Hard when forgiven or slow; else Good
    QString given;                 ///< the chosen option, the typed text, or the clicked component's name
    int chosenOption = -1;         ///< Multiple choice: the index of the option chosen
    QString rightAnswer;
    QString givenComponentId; ///< Locate: the component clicked
    QString componentId;      ///< Locate: the right component, to mark on the diagram
    qint64 timeTakenMs = 0;
    QDateTime answeredAt; ///< from the session's clock: when to record the review
};

} // namespace k8sfc
