#include "arrowitem.h"

#include "componentregistry.h"
#include "theme.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QSvgRenderer>

#include <cmath>

namespace k8sfc {

namespace {
const QColor kBand(0xF2, 0xA9, 0x00);  // amber: apart from every plane colour
const QColor kPulse(0xB3, 0x3C, 0x00); // darker, for the moving dashes
constexpr qreal kDash = 14;
constexpr qreal kHeadLength = 17; // the diagrams draw heads 17-18 units long, 16 wide
constexpr qreal kHeadHalfWidth = 8;
constexpr qreal kHitWidth = 24;  // a 2.75-unit line is 1.6 px at the fitted zoom: too thin to hit
constexpr qreal kRingWidth = 18; // hover, selection and focus drawn around the line

QPainterPath band(const QPolygonF &line, qreal width)
{
    QPainterPath path;
    path.addPolygon(line);
    QPainterPathStroker stroker;
    stroker.setWidth(width);
    stroker.setCapStyle(Qt::RoundCap);
    stroker.setJoinStyle(Qt::RoundJoin);
    return stroker.createStroke(path).simplified();
}
} // namespace

ArrowItem::ArrowItem(QString id, const QPolygonF &connector, QSvgRenderer *renderer, const QRectF &elementRect,
                     QGraphicsItem *parent)
    : QGraphicsObject(parent), m_id(std::move(id)), m_baseId(arrowBaseId(m_id)), m_connector(connector),
      m_renderer(renderer), m_elementRect(elementRect)
{
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::PointingHandCursor);
    m_hitArea = band(toTip(), kHitWidth);
}

QPolygonF ArrowItem::toTip() const
{
    QPolygonF line = m_connector;
    if (line.size() < 2)
        return line;
    const QLineF last(line.at(line.size() - 2), line.last());
    if (last.length() > 0) {
        QLineF on = last.unitVector();
        on.setLength(kHeadLength);
        line.last() = last.p2() + (on.p2() - on.p1());
    }
    return line;
}

void ArrowItem::setDescription(const QString &accessibleName, const QString &title, const QString &role)
{
    m_accessibleName = accessibleName;
    m_title = title;
    m_role = role;
    updateToolTip();
}

void ArrowItem::updateToolTip()
{
    // Rich text, so a long role wraps instead of crossing the screen.
    QString tip = m_endsHidden ? QStringLiteral("<b>Arrow</b>: %1").arg(m_role.toHtmlEscaped())
                               : QStringLiteral("<b>%1</b>: %2").arg(m_title.toHtmlEscaped(), m_role.toHtmlEscaped());
    if (m_tinted && !m_masteryDetail.isEmpty())
        tip += QStringLiteral("<br><br>") + m_masteryDetail.toHtmlEscaped();
    setToolTip(tip);
}

void ArrowItem::setEndsHidden(bool hidden)
{
    m_endsHidden = hidden;
    updateToolTip();
}

void ArrowItem::setHitArea(const QRectF &labelRect, const QList<QRectF> &ends)
{
    QPainterPath area = band(toTip(), kHitWidth);
    if (!labelRect.isEmpty()) {
        QPainterPath label;
        label.addRect(labelRect.adjusted(-4, -4, 4, 4));
        area = area.united(label);
    }
    QPainterPath boxes;
    for (const QRectF &end : ends)
        boxes.addRect(end);
    const QPainterPath trimmed = area.subtracted(boxes);
    prepareGeometryChange();
    // An arrow drawn wholly inside one of its ends keeps its whole band.
    m_hitArea = trimmed.isEmpty() ? area : trimmed;
}

void ArrowItem::setFlow(Flow flow)
{
    m_flow = flow;
    update();
}

void ArrowItem::setPhase(qreal phase)
{
    m_phase = phase;
    if (m_flow != Flow::None)
        update();
}

void ArrowItem::setSelectedArrow(bool selected)
{
    if (m_selected != selected) {
        m_selected = selected;
        update();
    }
}

void ArrowItem::setKeyboardFocus(bool focused)
{
    if (m_focused != focused) {
        m_focused = focused;
        update();
    }
}

void ArrowItem::setMasteryTint(std::optional<double> mastery, bool unseen, const QString &detail)
{
    m_tinted = mastery.has_value() || unseen;
    m_unseen = unseen;
    m_mastery = mastery;
    m_masteryDetail = detail;
    updateToolTip();
    update();
}

QColor ArrowItem::tintColour() const
{
    return theme::masteryBorder(m_unseen || !m_mastery ? -1 : theme::masteryClass(*m_mastery));
}

QRectF ArrowItem::boundingRect() const
{
    return m_connector.boundingRect().united(m_elementRect).united(m_hitArea.boundingRect()).adjusted(-12, -12, 12, 12);
}

QPainterPath ArrowItem::shape() const
{
    return m_hitArea;
}

void ArrowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_flow != Flow::None)
        paintFlow(painter);
    if (m_tinted)
        paintTint(painter);
    paintInteraction(painter);
}

void ArrowItem::paintFlow(QPainter *painter) const
{
    painter->setPen(QPen(kBand, 12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
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

void ArrowItem::paintTint(QPainter *painter) const
{
    // The line over the drawn one, thicker, in the recall colour (dashed while unseen), and its
    // head filled alike; the label stays as drawn, so the arrow reads the same.
    const QColor colour = tintColour();
    painter->save();
    QPen pen(colour, 5, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    if (m_unseen)
        pen.setDashPattern({2.4, 1.6});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(m_connector);
    const QPolygonF tip = toTip();
    if (tip.size() >= 2) {
        const QLineF axis(m_connector.last(), tip.last());
        QLineF side = axis.normalVector().unitVector();
        side.setLength(kHeadHalfWidth + 1);
        const QPointF across = side.p2() - side.p1();
        painter->setPen(QPen(colour, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(colour);
        painter->drawPolygon(QPolygonF{tip.last(), axis.p1() + across, axis.p1() - across});
    }
    painter->restore();
}

// Hover, selection and keyboard focus: rings around the line, as components have around boxes.
void ArrowItem::paintInteraction(QPainter *painter) const
{
    if (!m_hovered && !m_selected && !m_focused)
        return;
    const QPainterPath ring = band(toTip(), kRingWidth);
    painter->save();
    if (m_hovered) {
        painter->setPen(QPen(theme::hoverOutline(), 3));
        painter->setBrush(theme::hoverFill());
        painter->drawPath(ring);
    }
    painter->setBrush(Qt::NoBrush);
    if (m_selected) {
        painter->setPen(QPen(theme::selectionOutline(), 4));
        painter->drawPath(ring);
        painter->setPen(QPen(theme::selectionLining(), 1.5));
        painter->drawPath(band(toTip(), kRingWidth - 5));
    }
    if (m_focused) {
        painter->setPen(QPen(theme::focusOutline(), 2.5, Qt::DashLine));
        painter->drawPath(band(toTip(), kRingWidth + 10));
    }
    painter->restore();
}

void ArrowItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
    emit hoverChanged(this, true);
}

void ArrowItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
    emit hoverChanged(this, false);
}

void ArrowItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    event->accept(); // so the release comes here, and the view does not start a drag
}

void ArrowItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && shape().contains(event->pos()))
        emit activated(this);
}

} // namespace k8sfc
