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
    : QGraphicsObject(parent), m_component(component), m_rect(rect), m_shown(rect), m_number(number)
{
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::PointingHandCursor);
    setToolTip(QStringLiteral("Hidden name %1: click to reveal").arg(number));
}

QRectF LabelCoverItem::boundingRect() const
{
    return m_shown.adjusted(-2, -2, 2, 2);
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
    growToVerdict();
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
    prepareGeometryChange();
    if (m_shown != m_rect)
        setZValue(zValue() - kRaise);
    m_shown = m_rect;
    setAcceptedMouseButtons(Qt::LeftButton);
    update();
}

QFont LabelCoverItem::numberFont() const
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setBold(true);
    font.setPixelSize(int(std::clamp(m_rect.height() * 0.7, 12.0, 30.0)));
    return font;
}

// What was said on one line, the name on the next: two short lines fit a cover better than one long.
QStringList LabelCoverItem::verdictLines() const
{
    return m_verdict.split(QStringLiteral(" — "));
}

QStringList LabelCoverItem::shownLines() const
{
    return m_state == State::Hidden ? QStringList{QString::number(m_number)} : verdictLines();
}

QFont LabelCoverItem::shownFont() const
{
    return m_state == State::Hidden ? numberFont() : verdictFont();
}

QFont LabelCoverItem::verdictFont() const
{
    QFont font = numberFont();
    font.setPixelSize(kVerdictPixels);
    return font;
}

// A verdict must read from the back of the room, so it never shrinks below kVerdictPixels: a
// cover too small for it grows around its centre for the few seconds it shows, above its
// neighbours.
void LabelCoverItem::growToVerdict()
{
    const QFontMetricsF metrics(verdictFont());
    qreal width = 0;
    const QStringList lines = verdictLines();
    for (const QString &line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    const qreal height = metrics.lineSpacing() * lines.size();
    QRectF shown = m_rect;
    shown.setWidth(std::max(m_rect.width(), width + 16));
    shown.setHeight(std::max(m_rect.height(), height + 8));
    shown.moveCenter(m_rect.center());
    if (shown == m_shown)
        return;
    if (m_shown == m_rect)
        setZValue(zValue() + kRaise);
    prepareGeometryChange();
    m_shown = shown;
}

void LabelCoverItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor edge = m_state == State::Right   ? QColor(0x1E, 0x7B, 0x3A)
                        : m_state == State::Wrong ? QColor(0xB3, 0x26, 0x1E)
                                                  : QColor(0x5B, 0x64, 0x73);
    painter->setPen(QPen(edge, 2, m_state == State::Hidden ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(fillColour());
    painter->drawRoundedRect(m_shown, 6, 6);
    const QString text = shownLines().join(QLatin1Char('\n'));
    painter->setFont(shownFont());
    painter->setPen(QColor(0x1B, 0x24, 0x33));
    painter->drawText(m_shown.adjusted(4, 0, -4, 0), Qt::AlignCenter, text);
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
