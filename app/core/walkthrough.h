#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace k8sfc {

/// One step of a walkthrough: what lights up, what the presenter says, what the room is asked.
struct WalkthroughStep
{
    QString title;
    QString narration;         ///< Markdown
    QStringList components;    ///< element refs: a component id (every copy) or a copy
    QStringList arrows;        ///< arrow ids animated forward
    QStringList reverseArrows; ///< arrow ids animated backwards (data flowing back)
    QString question;
    QString answer;
    QString zoom; ///< an element ref to zoom into, or empty
    /// The room guesses the next hop: what this step lights that the previous did not starts
    /// hidden, under "Where does the request go next?", until the presenter reveals it.
    bool askNext = false;
    int line = 0;
    int column = 0;
};

/// The question an `ask-next` step puts to the room.
inline QString askNextQuestion()
{
    return QStringLiteral("Where does the request go next?");
}

/// What `step` lights that `previous` (none for the first step) did not: its new components and
/// arrows, forward and reverse, as one list of ids.
QStringList newlyLit(const WalkthroughStep &step, const WalkthroughStep *previous);

/// A flow told step by step on one diagram (diagrams/walkthroughs/*.yaml).
struct Walkthrough
{
    QString id; ///< the file stem
    QString title;
    QString diagramId;
    QString description;
    QString source;
    QString file;
    QList<WalkthroughStep> steps;
};

} // namespace k8sfc
