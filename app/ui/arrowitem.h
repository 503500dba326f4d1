#pragma once

#include "elementid.h"

#include <QGraphicsObject>
#include <QPolygonF>

class QSvgRenderer;

namespace k8sfc {

/// One arrow of the diagram. Invisible until a walkthrough lights it; then it redraws the SVG arrow
/// above the dimmed diagram with a bright band along its connector whose dashes run the way the
/// data goes: forward (the way the connection was opened) or in reverse (data flowing back).
class ArrowItem : public QGraphicsObject
{
    Q_OBJECT
public:
    enum { Type = UserType + 2 };
    enum class Flow { None, Forward, Reverse };
    int type() const override { return Type; }

    ArrowItem(QString id, const QPolygonF &connector, QSvgRenderer *renderer, const QRectF &elementRect,
              QGraphicsItem *parent = nullptr);

    QString id() const { return m_id; }
    void setFlow(Flow flow);
    Flow flow() const { return m_flow; }
    /// Animation phase in scene units; the scene advances it while any arrow is lit.
    void setPhase(qreal phase);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    QPolygonF m_connector;
    QSvgRenderer *m_renderer;
    QRectF m_elementRect;
    Flow m_flow = Flow::None;
    qreal m_phase = 0;
};

} // namespace k8sfc
