#pragma once

#include "content.h"

#include <QObject>

namespace k8sfc {

/// What every study mode's backend offers the window, whatever it studies: it follows the
/// content, re-reads the learner's data when it is replaced, may take clicks on the diagram,
/// and is told when the learner leaves it. A backend has one widget that fronts it; both are
/// created and registered in StudyModes (app/ui).
class ModeBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// The snapshot the mode works on (its cards point into it).
    virtual const ContentSet &content() const = 0;
    /// The content was reloaded: adopt the new snapshot, keeping what is shown by id.
    virtual void setContent(ContentSnapshot content) = 0;
    /// The learner's grades were replaced underneath (a restore, an imported history).
    virtual void reloadProgress() {}
    /// A click on the diagram while this mode is on screen. False lets the window open the
    /// component's cards instead.
    virtual bool takeDiagramClick(const QString &componentId)
    {
        Q_UNUSED(componentId);
        return false;
    }
    /// Card states changed outside this mode's own grading (a quiz answer, the browser, new
    /// settings, an undo) while it is on screen, or it comes back on screen: bring what it shows
    /// up to date.
    virtual void progressChanged() {}
    /// The learner moved to another mode.
    virtual void leave() {}
};

} // namespace k8sfc
