#pragma once

#include <QAccessibleObject>
#include <QAccessibleWidget>
#include <QPointer>

namespace k8sfc {

class ComponentItem;
class DiagramView;

/// Installs (once) the accessibility factory that exposes a DiagramView's components.
void installDiagramAccessibility();

/// The diagram view as assistive technology sees it: a pane whose children are the components.
class DiagramViewAccessible : public QAccessibleWidget
{
public:
    explicit DiagramViewAccessible(QWidget *widget);

    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *focusChild() const override;
    QAccessibleInterface *childAt(int x, int y) const override;

private:
    DiagramView *view() const;
};

/// One component on the diagram: a named, focusable button with its on-screen rectangle.
class ComponentAccessible : public QAccessibleObject, public QAccessibleActionInterface
{
public:
    ComponentAccessible(DiagramView *view, ComponentItem *item);

    bool isValid() const override;
    QWindow *window() const override;
    QAccessibleInterface *parent() const override;
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text t) const override;
    QAccessible::Role role() const override;
    QAccessible::State state() const override;
    QRect rect() const override;
    void *interface_cast(QAccessible::InterfaceType type) override;

    QStringList actionNames() const override;
    void doAction(const QString &actionName) override;
    QStringList keyBindingsForAction(const QString &actionName) const override;

private:
    QPointer<DiagramView> m_view;
    QPointer<ComponentItem> m_item;
};

} // namespace k8sfc
