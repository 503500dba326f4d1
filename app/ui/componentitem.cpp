#include "componentitem.h"

#include "theme.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace k8sfc {

namespace {
constexpr qreal kMargin = 6; // highlight drawn just outside the box
constexpr qreal kRadius = 12;
} // namespace

ComponentItem::ComponentItem(const ElementRef &ref, const QRectF &rect, QString name, QString role, QString copyName,
                             QGraphicsItem *parent)
    : QGraphicsObject(parent), m_ref(ref), m_rect(rect), m_name(std::move(name)), m_role(std::move(role)),
      m_copyName(std::move(copyName))
{
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::PointingHandCursor);
    setToolTip(QStringLiteral("<b>%1</b><br>%2").arg(m_name.toHtmlEscaped(), m_role.toHtmlEscaped()));
}

QString ComponentItem::accessibleName() const
{
    return m_copyName.isEmpty() ? m_name : m_name + QStringLiteral(" on ") + m_copyName;
}

QRectF ComponentItem::boundingRect() const
{
    return m_rect.adjusted(-kMargin - 4, -kMargin - 4, kMargin + 4, kMargin + 4);
}

QPainterPath ComponentItem::shape() const
{
    QPainterPath path;
    path.addRect(m_rect);
    return path;
}

void ComponentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_hovered && !m_selected && !m_focused)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF outer = m_rect.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    if (m_hovered) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(theme::hoverFill());
        painter->drawRoundedRect(outer, kRadius, kRadius);
    }
    painter->setBrush(Qt::NoBrush);
    if (m_selected) {
        painter->setPen(QPen(theme::selectionOutline(), 5));
        painter->drawRoundedRect(outer, kRadius, kRadius);
    } else if (m_hovered) {
        painter->setPen(QPen(theme::hoverOutline(), 4));
        painter->drawRoundedRect(outer, kRadius, kRadius);
    }
    if (m_focused) {
        QPen pen(theme::focusOutline(), 2.5, Qt::DashLine);
        painter->setPen(pen);
        painter->drawRoundedRect(outer.adjusted(-4, -4, 4, 4), kRadius + 3, kRadius + 3);
    }
}

void ComponentItem::setSelectedComponent(bool selected)
{
    if (m_selected != selected) {
        m_selected = selected;
        update();
    }
}

void ComponentItem::setKeyboardFocus(bool focused)
{
    if (m_focused != focused) {
        m_focused = focused;
        update();
    }
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
    emit hoverChanged(this, true);
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
    emit hoverChanged(this, false);
}

void ComponentItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    event->accept(); // so the release comes here, and the view does not start a drag
}

void ComponentItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && shape().contains(event->pos()))
        emit activated(this);
}

} // namespace k8sfc
