#pragma once

#include "content.h"
#include "masterymodel.h"

#include <QHash>
#include <QObject>

class QAction;

namespace k8sfc {

class DiagramScene;
class Grader;
class MasteryLegend;
class MasteryStore;

/// The mastery colours over the diagram (View → Show Mastery, M) and their legend. While they
/// show, a grade moves only its card's share (microseconds at 50,000 cards); recall fades with
/// time, so the whole model is recomputed every minute on a worker thread from the snapshot and
/// copies of the states and the scheduler (80 ms at 50,000 cards, too long for the window's
/// thread), and the grades made meanwhile are applied again to its result.
class MasteryOverlay : public QObject
{
    Q_OBJECT
public:
    MasteryOverlay(ContentSnapshot content, MasteryStore &store, const Grader &grader, DiagramScene *scene,
                   QObject *parent = nullptr);

    /// The checkable action that turns the colours on and off.
    QAction *toggleAction() const { return m_toggle; }
    /// The key to the colours, shown above the diagram while they show.
    MasteryLegend *legend() const { return m_legend; }
    bool isEnabled() const;
    void setEnabled(bool on);
    /// New content: the model is rebuilt from it by the next cardChanged() (the window follows a
    /// new snapshot with cardChanged({}), so a reload rebuilds once).
    void setContent(ContentSnapshot content);
    /// A card's state changed (a grade, an undo, a mark); an empty id re-reads every card.
    void cardChanged(const QString &cardId);
    /// The diagram was loaded again: tint its new items.
    void repaint();
    /// Mastery per component, for components with a seen card.
    QHash<QString, ComponentMastery> snapshot() const { return m_mastery; }
    /// Mastery in [0, 1] per seen component, for the quiz's "weakest first" (computed when the
    /// colours are off).
    QHash<QString, double> masteryByComponent();
    /// The status line for a hovered component: "recall 90% (4 of 10 cards seen)".
    QString describe(const QString &componentId) const;
    /// Starts the once-a-minute pass on a worker thread; refreshed() follows.
    void refreshInBackground();

signals:
    void refreshed();

private:
    void rebuild();
    RecallFunction recall() const;

    ContentSnapshot m_content;
    MasteryStore &m_store;
    const Grader &m_grader;
    DiagramScene *m_scene;
    QAction *m_toggle;
    MasteryLegend *m_legend;
    MasteryModel m_model; ///< kept up to date grade by grade while the colours show
    QHash<QString, ComponentMastery> m_mastery;
    int m_generation = 0; ///< counts full rebuilds; a background pass from before one is dropped
    bool m_refreshing = false;
    QStringList m_gradedDuringRefresh;
};

} // namespace k8sfc
