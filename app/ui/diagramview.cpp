#include "diagramview.h"

#include "arrowitem.h"
#include "componentitem.h"
#include "diagramaccessible.h"
#include "diagramscene.h"

#include <QKeyEvent>
#include <QVariantAnimation>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace k8sfc {

namespace {
constexpr qreal kMinZoom = 0.5;
constexpr qreal kMaxZoom = 6.0;
constexpr qreal kZoomStep = 1.25;
} // namespace

DiagramView::DiagramView(DiagramScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    installDiagramAccessibility();
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(Qt::white);
    setAccessibleName(QStringLiteral("Cluster diagram"));
    setAccessibleDescription(
        QStringLiteral("Components of a Kubernetes cluster. Tab or arrow keys move between "
                       "components, and Tab then reaches the arrows; Enter opens the cards of the focused one."));
    viewport()->setCursor(Qt::OpenHandCursor);
    // A click also moves keyboard focus there, so Tab continues from what was clicked.
    connect(scene, &DiagramScene::itemActivated, this, &DiagramView::setFocusedItem);
    connect(scene, &DiagramScene::arrowItemActivated, this, &DiagramView::setFocusedItem);
}

DiagramView::~DiagramView() = default;

void DiagramView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (std::abs(zoom - m_zoom) < 1e-6)
        return;
    m_zoom = zoom;
    applyZoom();
    emit zoomChanged(m_zoom);
}

void DiagramView::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void DiagramView::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

void DiagramView::fitToWindow()
{
    setZoom(1.0);
    applyZoom();
}

void DiagramView::animateTo(const QRectF &frame, int durationMs)
{
    const QRectF from = mapToScene(viewport()->rect()).boundingRect();
    m_focusRect = frame;
    if (durationMs < 0)
        durationMs = m_flightMs;
    if (durationMs == 0) {
        if (m_flight)
            m_flight->stop();
        applyZoom();
        return;
    }
    const QRectF to = frame.isEmpty() ? m_scene->diagramRect() : visibleRectFor(frame);
    // The flight may pass outside the diagram; the view must not clamp it back in on the way.
    setSceneRect(m_scene->sceneRect().united(from).united(to));
    if (!m_flight) {
        m_flight = new QVariantAnimation(this);
        m_flight->setEasingCurve(QEasingCurve::InOutCubic);
        connect(m_flight, &QVariantAnimation::valueChanged, this,
                [this](const QVariant &value) { fitInView(value.toRectF(), Qt::KeepAspectRatio); });
        connect(m_flight, &QVariantAnimation::finished, this, &DiagramView::applyZoom);
    }
    m_flight->stop();
    m_flight->setDuration(durationMs);
    m_flight->setStartValue(from);
    m_flight->setEndValue(to);
    m_flight->start();
}

QRectF DiagramView::visibleRectFor(const QRectF &frame) const
{
    const QSizeF port = QSizeF(viewport()->size()) - QSizeF(4, 4); // fitInView keeps 2 px clear each side
    if (port.isEmpty() || frame.isEmpty())
        return frame;
    const qreal unitsPerPixel = std::max(frame.width() / port.width(), frame.height() / port.height());
    QRectF visible(QPointF(), port * unitsPerPixel);
    visible.moveCenter(frame.center());
    return visible;
}

void DiagramView::showFrame(const QRectF &frame)
{
    const QRectF visible = visibleRectFor(frame);
    // A frame's context may reach past the diagram's edge: widen the scrollable area so that
    // centring on the frame is never clamped, which would push part of it off screen.
    const qreal slack = 0.02 * std::max(visible.width(), visible.height());
    setSceneRect(m_scene->sceneRect().united(visible.adjusted(-slack, -slack, slack, slack)));
    fitInView(visible, Qt::KeepAspectRatio);
}

void DiagramView::applyZoom()
{
    if (m_flight && m_flight->state() == QAbstractAnimation::Running)
        return; // the flight ends with this call
    if (!m_focusRect.isEmpty()) {
        showFrame(m_focusRect);
        return;
    }
    setSceneRect(QRectF()); // the scene's own rectangle again
    const QRectF rect = m_scene->diagramRect();
    if (rect.isEmpty() || viewport()->width() < 2)
        return;
    const QPointF centre = mapToScene(viewport()->rect().center());
    const qreal margin = 12;
    const qreal fit = std::min((viewport()->width() - 2 * margin) / rect.width(),
                               (viewport()->height() - 2 * margin) / rect.height());
    setTransform(QTransform::fromScale(fit * m_zoom, fit * m_zoom));
    setDragMode(m_zoom > 1.0 ? QGraphicsView::ScrollHandDrag : QGraphicsView::NoDrag);
    if (m_zoom <= 1.0)
        centerOn(rect.center());
    else
        centerOn(centre);
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    applyZoom();
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            setZoom(m_zoom * std::pow(kZoomStep, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

QList<QGraphicsObject *> DiagramView::focusables() const
{
    QList<QGraphicsObject *> out;
    for (ComponentItem *item : m_scene->componentItems())
        out.append(item);
    for (ArrowItem *arrow : m_scene->arrowItems())
        if (arrow->isVisible()) // a hidden arrow (Draw the arrow) is neither reached nor read out
            out.append(arrow);
    return out;
}

QGraphicsObject *DiagramView::focusedObject() const
{
    const QList<QGraphicsObject *> items = focusables();
    return m_focusIndex >= 0 && m_focusIndex < items.size() ? items.at(m_focusIndex) : nullptr;
}

ComponentItem *DiagramView::focusedItem() const
{
    return qgraphicsitem_cast<ComponentItem *>(focusedObject());
}

ArrowItem *DiagramView::focusedArrow() const
{
    return qgraphicsitem_cast<ArrowItem *>(focusedObject());
}

namespace {
void showKeyboardFocus(QGraphicsObject *item, bool focused)
{
    if (auto *component = qgraphicsitem_cast<ComponentItem *>(item))
        component->setKeyboardFocus(focused);
    else if (auto *arrow = qgraphicsitem_cast<ArrowItem *>(item))
        arrow->setKeyboardFocus(focused);
}

QRectF sceneRectOf(const QGraphicsObject *item)
{
    if (const auto *component = qgraphicsitem_cast<const ComponentItem *>(item))
        return component->rect();
    if (const auto *arrow = qgraphicsitem_cast<const ArrowItem *>(item))
        return arrow->rect();
    return {};
}
} // namespace

void DiagramView::setFocusedItem(QGraphicsObject *item)
{
    showKeyboardFocus(focusedObject(), false);
    m_focusIndex = int(focusables().indexOf(item));
    if (item) {
        showKeyboardFocus(item, hasFocus());
        ensureVisible(sceneRectOf(item), 20, 20);
        announceFocus();
    }
}

void DiagramView::announceFocus()
{
    if (!hasFocus() || m_focusIndex < 0)
        return;
    QAccessibleEvent event(this, QAccessible::Focus);
    event.setChild(m_focusIndex);
    QAccessible::updateAccessibility(&event);
}

bool DiagramView::focusNextPrevChild(bool next)
{
    const QList<QGraphicsObject *> items = focusables();
    if (hasFocus() && !items.isEmpty()) {
        const int target = m_focusIndex + (next ? 1 : -1);
        if (target >= 0 && target < items.size()) {
            setFocusedItem(items.at(target));
            return true;
        }
    }
    return QGraphicsView::focusNextPrevChild(next);
}

void DiagramView::focusInEvent(QFocusEvent *event)
{
    QGraphicsView::focusInEvent(event);
    const QList<QGraphicsObject *> items = focusables();
    if (items.isEmpty())
        return;
    if (event->reason() == Qt::TabFocusReason)
        m_focusIndex = 0;
    else if (event->reason() == Qt::BacktabFocusReason)
        m_focusIndex = int(items.size()) - 1;
    else if (m_focusIndex < 0 || m_focusIndex >= items.size())
        m_focusIndex = 0;
    setFocusedItem(items.at(m_focusIndex));
}

void DiagramView::focusOutEvent(QFocusEvent *event)
{
    QGraphicsView::focusOutEvent(event);
    showKeyboardFocus(focusedObject(), false);
}

void DiagramView::moveFocusSpatially(int dx, int dy)
{
    // From an arrow, the arrow keys go on among the components from the arrow's middle.
    QGraphicsObject *from = focusedObject();
    if (!from) {
        if (!m_scene->componentItems().isEmpty())
            setFocusedItem(m_scene->componentItems().first());
        return;
    }
    const QPointF origin = sceneRectOf(from).center();
    ComponentItem *best = nullptr;
    qreal bestScore = 0;
    for (ComponentItem *item : m_scene->componentItems()) {
        if (item == from)
            continue;
        const QPointF d = item->rect().center() - origin;
        const qreal along = d.x() * dx + d.y() * dy; // distance in the key's direction
        if (along <= 1)
            continue;
        const qreal across = std::abs(d.x() * dy) + std::abs(d.y() * dx);
        const qreal score = along + 2 * across; // prefer what lies straight ahead
        if (!best || score < bestScore) {
            best = item;
            bestScore = score;
        }
    }
    if (best)
        setFocusedItem(best);
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left: moveFocusSpatially(-1, 0); return;
    case Qt::Key_Right: moveFocusSpatially(1, 0); return;
    case Qt::Key_Up: moveFocusSpatially(0, -1); return;
    case Qt::Key_Down: moveFocusSpatially(0, 1); return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (ComponentItem *item = focusedItem()) {
            m_scene->setSelectedComponent(item->componentId());
            emit m_scene->componentActivated(item->componentId());
            return;
        }
        if (ArrowItem *arrow = focusedArrow()) {
            m_scene->setSelectedComponent(arrow->id());
            emit m_scene->arrowActivated(arrow->id());
            return;
        }
        break;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

QRect DiagramView::screenRect(const QGraphicsObject *item) const
{
    const QPolygon polygon = mapFromScene(sceneRectOf(item));
    const QRect local = polygon.boundingRect().intersected(viewport()->rect());
    if (local.isEmpty())
        return {};
    return QRect(viewport()->mapToGlobal(local.topLeft()), local.size());
}

QAccessible::Id DiagramView::accessibleIdFor(QGraphicsObject *item)
{
    auto it = m_accessibleIds.find(item);
    if (it == m_accessibleIds.end()) {
        auto *iface = new DiagramItemAccessible(this, item);
        it = m_accessibleIds.insert(item, QAccessible::registerAccessibleInterface(iface));
        connect(item, &QObject::destroyed, this, [this, item] { m_accessibleIds.remove(item); });
    }
    return *it;
}

} // namespace k8sfc
