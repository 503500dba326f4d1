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
    int line = 0;
    int column = 0;
};

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
