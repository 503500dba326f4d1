#pragma once

#include <QGraphicsObject>

namespace k8sfc {

class ComponentItem;

/// Hides one component's name, image-occlusion style, with a number the presenter can call out.
/// Clicking it asks for it to be revealed (the scene decides: reveal at once, or quiz first).
class LabelCoverItem : public QGraphicsObject
{
    Q_OBJECT
public:
    enum { Type = UserType + 3 };
    int type() const override { return Type; }

    LabelCoverItem(ComponentItem *component, const QRectF &rect, int number, QGraphicsItem *parent = nullptr);

    ComponentItem *component() const { return m_component; }
    int number() const { return m_number; }
    bool isRevealed() const { return !isVisible(); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    void clicked(k8sfc::LabelCoverItem *cover);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    ComponentItem *m_component;
    QRectF m_rect;
    int m_number;
};

} // namespace k8sfc
