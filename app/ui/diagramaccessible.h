#pragma once

#include <QAccessibleObject>
#include <QAccessibleWidget>
#include <QGraphicsObject>
#include <QPointer>

namespace k8sfc {

class DiagramView;

/// Installs (once) the accessibility factory that exposes a DiagramView's components.
void installDiagramAccessibility();

/// The diagram view as assistive technology sees it: a pane whose children are the components,
/// then the arrows (the Tab order).
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

/// One component or arrow on the diagram: a named, focusable button with its on-screen rectangle.
/// An arrow's name is "SOURCE → TARGET: LABEL" and its description its role.
class DiagramItemAccessible : public QAccessibleObject, public QAccessibleActionInterface
{
public:
    DiagramItemAccessible(DiagramView *view, QGraphicsObject *item);

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
    QPointer<QGraphicsObject> m_item;
};

} // namespace k8sfc
