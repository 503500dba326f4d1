#include "arrowitem.h"

#include <QPainter>
#include <QSvgRenderer>

namespace k8sfc {

namespace {
const QColor kBand(0xF2, 0xA9, 0x00);  // amber: apart from every plane colour
const QColor kPulse(0xB3, 0x3C, 0x00); // darker, for the moving dashes
constexpr qreal kDash = 14;
} // namespace

ArrowItem::ArrowItem(QString id, const QPolygonF &connector, QSvgRenderer *renderer, const QRectF &elementRect,
                     QGraphicsItem *parent)
    : QGraphicsObject(parent), m_id(std::move(id)), m_connector(connector), m_renderer(renderer),
      m_elementRect(elementRect)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setVisible(false);
}

void ArrowItem::setFlow(Flow flow)
{
    m_flow = flow;
    setVisible(flow != Flow::None);
    update();
}

void ArrowItem::setPhase(qreal phase)
{
    m_phase = phase;
    if (m_flow != Flow::None)
        update();
}

QRectF ArrowItem::boundingRect() const
{
    return m_connector.boundingRect().united(m_elementRect).adjusted(-12, -12, 12, 12);
}

void ArrowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_flow == Flow::None)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    QPen band(kBand, 12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(band);
    painter->drawPolyline(m_connector);
    if (m_renderer)
        m_renderer->render(painter, m_id, m_elementRect);
    // Dashes that travel: the pen's dash offset moves them along the line, one way or the other.
    QPen pulse(kPulse, 5, Qt::CustomDashLine, Qt::FlatCap, Qt::RoundJoin);
    pulse.setDashPattern({kDash / 5, kDash / 5});
    pulse.setDashOffset(m_flow == Flow::Forward ? -m_phase / 5 : m_phase / 5);
    painter->setPen(pulse);
    painter->drawPolyline(m_connector);
}

} // namespace k8sfc
