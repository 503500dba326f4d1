#pragma once

#include <QAccessible>
#include <QGraphicsView>
#include <QHash>
#include <QPointer>

class QGraphicsObject;
class QVariantAnimation;

namespace k8sfc {

class ArrowItem;
class ComponentItem;
class DiagramScene;

/// Shows a DiagramScene: fit to the window by default, zoom (Ctrl+wheel, zoomIn/zoomOut/fit),
/// pan by dragging or scrolling, and keyboard navigation: the arrow keys move among components,
/// Tab walks the components and then the diagram's arrows, Enter opens.
class DiagramView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DiagramView(DiagramScene *scene, QWidget *parent = nullptr);
    ~DiagramView() override;

    DiagramScene *diagramScene() const { return m_scene; }

    /// Zoom relative to "fit the whole diagram": 1.0 fits.
    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    /// Moves the view smoothly to show all of `frame` (scene coordinates), as large as it fits, and
    /// keeps it so across resizes; an empty frame goes back to the whole diagram. A negative
    /// duration takes the view's flight duration; 0 jumps.
    void animateTo(const QRectF &frame, int durationMs = -1);
    /// How long animateTo's flights take; 0 jumps (for reduced motion, and tests).
    void setFlightDuration(int ms) { m_flightMs = ms; }
    QRectF focusRect() const { return m_focusRect; }

    /// What Tab walks: the components in reading order, then the arrows.
    QList<QGraphicsObject *> focusables() const;
    /// The focused component, or null (also while an arrow has the focus).
    ComponentItem *focusedItem() const;
    ArrowItem *focusedArrow() const;
    QGraphicsObject *focusedObject() const;
    /// Moves keyboard focus to a component or an arrow.
    void setFocusedItem(QGraphicsObject *item);
    /// An item's rectangle on screen (global coordinates), for assistive technology.
    QRect screenRect(const QGraphicsObject *item) const;
    /// Accessibility id of an item's interface, created on first use.
    QAccessible::Id accessibleIdFor(QGraphicsObject *item);

signals:
    void zoomChanged(qreal zoom);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void applyZoom();
    /// The scene rectangle the viewport shows when `frame` is fitted into it and centred.
    QRectF visibleRectFor(const QRectF &frame) const;
    void showFrame(const QRectF &frame);
    void moveFocusSpatially(int dx, int dy);
    void announceFocus();

    DiagramScene *m_scene;
    QRectF m_focusRect; ///< while framing part of the diagram: kept in view across resizes
    QVariantAnimation *m_flight = nullptr;
    qreal m_zoom = 1.0;
    int m_flightMs = 450;
    int m_focusIndex = -1;
    QHash<QGraphicsObject *, QAccessible::Id> m_accessibleIds;
};

} // namespace k8sfc
