#include "diagramaccessible.h"

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
    return int(view()->diagramScene()->componentItems().size());
}

QAccessibleInterface *DiagramViewAccessible::child(int index) const
{
    const auto &items = view()->diagramScene()->componentItems();
    if (index < 0 || index >= items.size())
        return nullptr;
    return QAccessible::accessibleInterface(view()->accessibleIdFor(items.at(index)));
}

int DiagramViewAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    if (!child)
        return -1;
    const auto &items = view()->diagramScene()->componentItems();
    for (int i = 0; i < items.size(); ++i)
        if (items.at(i) == child->object())
            return i;
    return -1;
}

QAccessibleInterface *DiagramViewAccessible::focusChild() const
{
    if (!view()->hasFocus())
        return nullptr;
    const int index = int(view()->diagramScene()->componentItems().indexOf(view()->focusedItem()));
    return index >= 0 ? child(index) : nullptr;
}

QAccessibleInterface *DiagramViewAccessible::childAt(int x, int y) const
{
    const auto &items = view()->diagramScene()->componentItems();
    // Topmost first: parts lie over their parents.
    for (int i = int(items.size()) - 1; i >= 0; --i)
        if (view()->screenRect(items.at(i)).contains(x, y) && items.at(i)->zValue() > 1)
            return child(i);
    for (int i = 0; i < items.size(); ++i)
        if (view()->screenRect(items.at(i)).contains(x, y))
            return child(i);
    return nullptr;
}

ComponentAccessible::ComponentAccessible(DiagramView *view, ComponentItem *item)
    : QAccessibleObject(item), m_view(view), m_item(item)
{}

bool ComponentAccessible::isValid() const
{
    return m_view && m_item;
}

QWindow *ComponentAccessible::window() const
{
    return m_view ? m_view->window()->windowHandle() : nullptr;
}

QAccessibleInterface *ComponentAccessible::parent() const
{
    return m_view ? QAccessible::queryAccessibleInterface(m_view.data()) : nullptr;
}

QString ComponentAccessible::text(QAccessible::Text t) const
{
    if (!m_item)
        return {};
    switch (t) {
    case QAccessible::Name: return m_item->accessibleName();
    case QAccessible::Description: return m_item->role();
    case QAccessible::Help: return QStringLiteral("Press Enter to open its cards.");
    default: return {};
    }
}

QAccessible::Role ComponentAccessible::role() const
{
    return QAccessible::Button;
}

QAccessible::State ComponentAccessible::state() const
{
    QAccessible::State s;
    if (!isValid()) {
        s.invalid = true;
        return s;
    }
    s.focusable = true;
    s.focused = m_view->hasFocus() && m_view->focusedItem() == m_item;
    s.selectable = true;
    s.selected = m_item->isSelectedComponent();
    s.hotTracked = m_item->isHovered();
    s.invisible = rect().isEmpty();
    s.offscreen = s.invisible;
    return s;
}

QRect ComponentAccessible::rect() const
{
    return isValid() ? m_view->screenRect(m_item) : QRect();
}

void *ComponentAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::ActionInterface)
        return static_cast<QAccessibleActionInterface *>(this);
    return nullptr;
}

QStringList ComponentAccessible::actionNames() const
{
    return {pressAction(), setFocusAction()};
}

void ComponentAccessible::doAction(const QString &actionName)
{
    if (!isValid())
        return;
    if (actionName == setFocusAction() || actionName == pressAction()) {
        m_view->setFocus(Qt::OtherFocusReason);
        m_view->setFocusedItem(m_item);
    }
    if (actionName == pressAction()) {
        m_view->diagramScene()->setSelectedComponent(m_item->componentId());
        emit m_view->diagramScene()->componentActivated(m_item->componentId());
    }
}

QStringList ComponentAccessible::keyBindingsForAction(const QString &actionName) const
{
    return actionName == pressAction() ? QStringList{QStringLiteral("Return")} : QStringList{};
}

} // namespace k8sfc
