#include "diagramaccessible.h"

#include "arrowitem.h"
#include "componentitem.h"
#include "diagramscene.h"
#include "diagramview.h"

namespace k8sfc {

namespace {

QAccessibleInterface *diagramFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("k8sfc::DiagramView") && object && object->isWidgetType())
        return new DiagramViewAccessible(static_cast<QWidget *>(object));
    return nullptr;
}

} // namespace

void installDiagramAccessibility()
{
    static bool installed = false;
    if (!installed) {
        QAccessible::installFactory(diagramFactory);
        installed = true;
    }
}

DiagramViewAccessible::DiagramViewAccessible(QWidget *widget) : QAccessibleWidget(widget, QAccessible::Pane)
{}

DiagramView *DiagramViewAccessible::view() const
{
    return static_cast<DiagramView *>(widget());
}

int DiagramViewAccessible::childCount() const
{
    return int(view()->focusables().size());
}

QAccessibleInterface *DiagramViewAccessible::child(int index) const
{
    const QList<QGraphicsObject *> items = view()->focusables();
    if (index < 0 || index >= items.size())
        return nullptr;
    return QAccessible::accessibleInterface(view()->accessibleIdFor(items.at(index)));
}

int DiagramViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    if (!child)
        return -1;
    const QList<QGraphicsObject *> items = view()->focusables();
    for (int i = 0; i < items.size(); ++i)
        if (items.at(i) == child->object())
            return i;
    return -1;
}

QAccessibleInterface *DiagramViewAccessible::focusChild() const
{
    if (!view()->hasFocus())
        return nullptr;
    const int index = int(view()->focusables().indexOf(view()->focusedObject()));
    return index >= 0 ? child(index) : nullptr;
}

QAccessibleInterface *DiagramViewAccessible::childAt(int x, int y) const
{
    const QPointF at = view()->mapToScene(view()->viewport()->mapFromGlobal(QPoint(x, y)));
    const QList<QGraphicsObject *> items = view()->focusables();
    // Topmost first: arrows and parts lie over components.
    for (int i = int(items.size()) - 1; i >= 0; --i)
        if (items.at(i)->zValue() > 1 && items.at(i)->shape().contains(items.at(i)->mapFromScene(at)))
            return child(i);
    for (int i = 0; i < items.size(); ++i)
        if (qgraphicsitem_cast<ComponentItem *>(items.at(i)) && view()->screenRect(items.at(i)).contains(x, y))
            return child(i);
    return nullptr;
}

DiagramItemAccessible::DiagramItemAccessible(DiagramView *view, QGraphicsObject *item)
    : QAccessibleObject(item), m_view(view), m_item(item)
{}

bool DiagramItemAccessible::isValid() const
{
    return m_view && m_item;
}

QWindow *DiagramItemAccessible::window() const
{
    return m_view ? m_view->window()->windowHandle() : nullptr;
}

QAccessibleInterface *DiagramItemAccessible::parent() const
{
    return m_view ? QAccessible::queryAccessibleInterface(m_view.data()) : nullptr;
}

QString DiagramItemAccessible::text(QAccessible::Text t) const
{
    const auto *component = qgraphicsitem_cast<const ComponentItem *>(m_item.data());
    const auto *arrow = qgraphicsitem_cast<const ArrowItem *>(m_item.data());
    if (!component && !arrow)
        return {};
    switch (t) {
    case QAccessible::Name: return component ? component->accessibleName() : arrow->accessibleName();
    case QAccessible::Description: return component ? component->role() : arrow->role();
    case QAccessible::Help: return QStringLiteral("Press Enter to open its cards.");
    default: return {};
    }
}

QAccessible::Role DiagramItemAccessible::role() const
{
    return QAccessible::Button;
}

QAccessible::State DiagramItemAccessible::state() const
{
    QAccessible::State s;
    if (!isValid()) {
        s.invalid = true;
        return s;
    }
    s.focusable = true;
    s.focused = m_view->hasFocus() && m_view->focusedObject() == m_item;
    s.selectable = true;
    if (const auto *component = qgraphicsitem_cast<const ComponentItem *>(m_item.data())) {
        s.selected = component->isSelectedComponent();
        s.hotTracked = component->isHovered();
    } else if (const auto *arrow = qgraphicsitem_cast<const ArrowItem *>(m_item.data())) {
        s.selected = arrow->isSelectedArrow();
        s.hotTracked = arrow->isHovered();
    }
    s.invisible = rect().isEmpty();
    s.offscreen = s.invisible;
    return s;
}

QRect DiagramItemAccessible::rect() const
{
    return isValid() ? m_view->screenRect(m_item) : QRect();
}

void *DiagramItemAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::ActionInterface)
        return static_cast<QAccessibleActionInterface *>(this);
    return nullptr;
}

QStringList DiagramItemAccessible::actionNames() const
{
    return {pressAction(), setFocusAction()};
}

void DiagramItemAccessible::doAction(const QString &actionName)
{
    if (!isValid())
        return;
    if (actionName == setFocusAction() || actionName == pressAction()) {
        m_view->setFocus(Qt::OtherFocusReason);
        m_view->setFocusedItem(m_item);
    }
    if (actionName != pressAction())
        return;
    DiagramScene *scene = m_view->diagramScene();
    if (const auto *component = qgraphicsitem_cast<const ComponentItem *>(m_item.data())) {
        scene->setSelectedComponent(component->componentId());
        emit scene->componentActivated(component->componentId());
    } else if (const auto *arrow = qgraphicsitem_cast<const ArrowItem *>(m_item.data())) {
        scene->setSelectedComponent(arrow->id());
        emit scene->arrowActivated(arrow->id());
    }
}

QStringList DiagramItemAccessible::keyBindingsForAction(const QString &actionName) const
{
    return actionName == pressAction() ? QStringList{QStringLiteral("Return")} : QStringList{};
}

} // namespace k8sfc
