#pragma once

#include "componentitem.h"
#include "labelcoveritem.h"

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QSet>

class QGraphicsRectItem;
class QGraphicsSvgItem;
class QTimer;
class QSvgRenderer;

namespace k8sfc {

class ComponentRegistry;
struct ComponentMastery;
struct QuizAnswer;
class ArrowItem;
struct Diagram;

/// A diagram as a scene: the SVG drawn once as the background, and one ComponentItem over each
/// component element, placed at the element's bounds. Scene coordinates are the SVG's viewBox.
class DiagramScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit DiagramScene(QObject *parent = nullptr);
    ~DiagramScene() override;

    /// Loads the diagram's SVG, naming its components from `registry` (read during the call only);
    /// returns an error message on failure.
    std::optional<QString> load(const Diagram &diagram, const ComponentRegistry &registry);

    /// Component items in reading order (top to bottom, then left to right): the keyboard order.
    const QList<ComponentItem *> &componentItems() const { return m_items; }
    ComponentItem *itemForRef(const QString &ref) const;
    QList<ComponentItem *> itemsForComponent(const QString &componentId) const;
    QRectF diagramRect() const { return m_viewBox; }
    QString title() const { return m_title; }
    /// The diagram's SVG as loaded (sanitised by DiagramLoader): what an SVG export rewrites.
    QByteArray svgSource() const { return m_svg; }

    /// Marks every copy of the component as selected (and clears the previous selection); an
    /// arrow id selects that arrow (every copy for an id without copy suffixes).
    void setSelectedComponent(const QString &componentId);
    QString selectedComponent() const { return m_selected; }

    /// Marks every copy of a component right or wrong (a quiz answer); None clears it.
    void markComponent(const QString &componentId, ComponentItem::Mark mark);
    void clearMarks();
    /// Marks a locate answer: the right component, and the one clicked when it was wrong.
    void markAnswer(const k8sfc::QuizAnswer &answer);

    /// A walkthrough step: lights these components (ids light every copy) and arrows, dims the rest.
    /// All empty: no spotlight. Without `dimRest` the rest stays as drawn (a path being traced).
    void setSpotlight(const QStringList &componentRefs, const QStringList &forwardArrows,
                      const QStringList &reverseArrows, bool dimRest = true);
    bool hasSpotlight() const;
    /// Arrow items in reading order of their middles: the keyboard order after the components.
    const QList<ArrowItem *> &arrowItems() const { return m_arrows; }
    /// The item of a drawn arrow id (copy suffixes included), or null.
    ArrowItem *arrowItem(const QString &id) const;
    /// The items an arrow id means: every copy for an id without copy suffixes, else that one.
    QList<ArrowItem *> arrowItemsFor(const QString &arrowId) const;
    /// Takes these arrows (ids without copy suffixes mean every copy) off the diagram: the drawing
    /// and its label, the item, the keyboard order and the screen reader's list. Empty: all shown.
    void setHiddenArrows(const QStringList &arrowIds);
    QStringList hiddenArrows() const { return m_hiddenArrows; }
    /// The scene rectangle of an element ref (a component, a copy): for zooming into it.
    QRectF refRect(const QString &ref) const;

    /// Hidden labels (image occlusion): covers every component's name with a number; the copies
    /// of one component share it. Hiding again starts a new round (no name counted yet).
    void setLabelsHidden(bool hidden);
    bool labelsHidden() const { return m_labelsHidden; }
    QList<LabelCoverItem *> labelCovers() const { return m_covers; }
    /// Reveals cover `number` (1-based); false if there is none.
    bool revealLabel(int number);
    void revealAllLabels();
    /// Judges `given` as the name under `cover`: every copy's cover shows the verdict, then
    /// uncovers. Returns whether it was right.
    bool nameLabel(LabelCoverItem *cover, const QString &given);
    /// Ends the verdicts still showing (the next action began).
    void settleLabelVerdicts();
    /// "N of M named": components named right this round, of those with a hidden name.
    QString labelScore() const;
    int labelsToName() const;

    /// Tints every component by its mastery, and colours every arrow with cards by theirs (keys
    /// are component ids and the arrow ids cards name); an empty map clears the tints.
    void showMastery(const QHash<QString, ComponentMastery> &mastery);

signals:
    /// A hidden label was clicked; the window reveals it or asks for the name first.
    void labelCoverClicked(k8sfc::LabelCoverItem *cover);
    void componentActivated(const QString &componentId);
    /// The item that was clicked (one copy of the component, or a sub-part over its parent).
    void itemActivated(k8sfc::ComponentItem *item);
    /// Empty id when the pointer leaves every component; an arrow's drawn id while over an arrow.
    void componentHovered(const QString &componentId);
    /// An arrow was clicked (or pressed from the keyboard): its drawn id, copy suffixes included.
    void arrowActivated(const QString &arrowId);
    void arrowItemActivated(k8sfc::ArrowItem *arrow);

private:
    static constexpr qreal kArrowZ = 10; ///< above components and their parts, below the dimming (15)

    void clearDiagram();
    /// The whole SVG as one item; sets the viewBox and the scene rectangle.
    void addBackground();
    /// One item per component element the registry knows, in the file's order.
    void addComponentItems(const Diagram &diagram, const ComponentRegistry &registry);
    void addLabelCovers(const ComponentRegistry &registry);
    /// One item per drawn arrow, named from its ends' items and the registry's role.
    void addArrowItems(const Diagram &diagram, const ComponentRegistry &registry);
    void showArrowMastery(const QHash<QString, ComponentMastery> &mastery);

    QSvgRenderer *m_renderer = nullptr;
    QGraphicsSvgItem *m_background = nullptr;
    QList<ComponentItem *> m_items;
    QList<ArrowItem *> m_arrows;
    QList<LabelCoverItem *> m_covers;
    QSet<QString> m_named;
    QGraphicsRectItem *m_dim = nullptr;
    QTimer *m_animation = nullptr;
    qreal m_phase = 0;
    bool m_labelsHidden = false;
    QRectF m_viewBox;
    QString m_title;
    QByteArray m_svg;
    QString m_selected;
    QStringList m_hiddenArrows;
};

} // namespace k8sfc
