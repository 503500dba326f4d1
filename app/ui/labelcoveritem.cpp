#include "labelcoveritem.h"

#include "componentitem.h"

#include <QCursor>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QTimer>

#include <algorithm>

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

QColor LabelCoverItem::fillColour() const
{
    switch (m_state) {
    case State::Right: return {0xC8, 0xF0, 0xD0};
    case State::Wrong: return {0xF8, 0xCC, 0xCC};
    case State::Hidden: break;
    }
    return {0xF3, 0xF4, 0xF6};
}

void LabelCoverItem::showVerdict(bool right, const QString &given)
{
    m_state = right ? State::Right : State::Wrong;
    const QString name = m_component->name();
    m_verdict = right ? QStringLiteral("✓ %1").arg(name) : QStringLiteral("✗ You said %1 — it is %2").arg(given, name);
    setAcceptedMouseButtons(Qt::NoButton);
    setVisible(true);
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &LabelCoverItem::settle);
    }
    m_timer->start(kVerdictMs);
    update();
}

void LabelCoverItem::settle()
{
    if (m_state == State::Hidden)
        return;
    if (m_timer)
        m_timer->stop();
    setVisible(false);
}

void LabelCoverItem::cover()
{
    if (m_timer)
        m_timer->stop();
    m_state = State::Hidden;
    m_verdict.clear();
    setAcceptedMouseButtons(Qt::LeftButton);
    update();
}

void LabelCoverItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor edge = m_state == State::Right   ? QColor(0x1E, 0x7B, 0x3A)
                        : m_state == State::Wrong ? QColor(0xB3, 0x26, 0x1E)
                                                  : QColor(0x5B, 0x64, 0x73);
    painter->setPen(QPen(edge, 2, m_state == State::Hidden ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(fillColour());
    painter->drawRoundedRect(m_rect, 6, 6);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setBold(true);
    font.setPixelSize(int(std::clamp(m_rect.height() * 0.7, 12.0, 30.0)));
    const QString text = m_state == State::Hidden ? QString::number(m_number) : m_verdict;
    // A verdict is longer than a number: shrink it to two lines of the cover rather than cut it.
    if (m_state != State::Hidden) {
        const qreal room = m_rect.width() - 8;
        font.setPixelSize(int(std::min(22.0, m_rect.height() * 0.4)));
        const qreal width = QFontMetricsF(font).horizontalAdvance(m_verdict);
        if (width > room)
            font.setPixelSize(std::max(9, int(font.pixelSize() * std::min(1.0, 1.8 * room / width))));
    }
    painter->setFont(font);
    painter->setPen(QColor(0x1B, 0x24, 0x33));
    painter->drawText(m_rect.adjusted(4, 0, -4, 0), Qt::AlignCenter | Qt::TextWordWrap, text);
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
