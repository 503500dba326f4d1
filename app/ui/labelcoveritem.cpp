#include "labelcoveritem.h"

#include <QCursor>
#include <QFont>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace k8sfc {

LabelCoverItem::LabelCoverItem(ComponentItem *component, const QRectF &rect, int number, QGraphicsItem *parent)
    : QGraphicsObject(parent), m_component(component), m_rect(rect), m_number(number)
{
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::PointingHandCursor);
    setToolTip(QStringLiteral("Hidden name %1: click to reveal").arg(number));
}

QRectF LabelCoverItem::boundingRect() const
{
    return m_rect.adjusted(-2, -2, 2, 2);
}

void LabelCoverItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0x5B, 0x64, 0x73), 2, Qt::DashLine));
    painter->setBrush(QColor(0xF3, 0xF4, 0xF6));
    painter->drawRoundedRect(m_rect, 6, 6);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setBold(true);
    font.setPixelSize(int(std::clamp(m_rect.height() * 0.7, 12.0, 30.0)));
    painter->setFont(font);
    painter->setPen(QColor(0x1B, 0x24, 0x33));
    painter->drawText(m_rect, Qt::AlignCenter, QString::number(m_number));
}

void LabelCoverItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    event->accept();
}

void LabelCoverItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && boundingRect().contains(event->pos()))
        emit clicked(this);
}

} // namespace k8sfc
