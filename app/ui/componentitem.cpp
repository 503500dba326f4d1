#include "componentitem.h"

#include "theme.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QHash>
#include <QSvgRenderer>

#include <algorithm>
#include <cmath>

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
    m_baseToolTip = QStringLiteral("<b>%1</b><br>%2").arg(m_name.toHtmlEscaped(), m_role.toHtmlEscaped());
    setToolTip(m_baseToolTip);
}

QString ComponentItem::accessibleName() const
{
    return m_copyName.isEmpty() ? m_name : m_name + QStringLiteral(" on ") + m_copyName;
}

QRectF ComponentItem::boundingRect() const
{
    return m_rect.adjusted(-kMargin - 8, -kMargin - 8, kMargin + 8, kMargin + 8);
}

QPainterPath ComponentItem::shape() const
{
    QPainterPath path;
    path.addRect(m_rect);
    return path;
}

void ComponentItem::setMasteryTint(std::optional<double> mastery, bool unseen, const QString &detail)
{
    m_tinted = mastery.has_value() || unseen;
    m_unseen = unseen;
    m_mastery = mastery;
    setToolTip(m_tinted && !detail.isEmpty() ? m_baseToolTip + QStringLiteral("<br><br>") + detail : m_baseToolTip);
    update();
}

void ComponentItem::setCoverage(int seen, int cards)
{
    m_seen = seen;
    m_cards = cards;
    update();
}

std::optional<double> ComponentItem::coverage() const
{
    if (!m_tinted || m_cards <= 0)
        return std::nullopt;
    return std::clamp(double(m_seen) / m_cards, 0.0, 1.0);
}

void ComponentItem::setLit(bool lit)
{
    if (m_lit != lit) {
        m_lit = lit;
        update();
    }
}

void ComponentItem::setMark(Mark mark)
{
    if (m_mark != mark) {
        m_mark = mark;
        update();
    }
}

void ComponentItem::setLabelElement(QSvgRenderer *renderer, const QString &labelId, const QRectF &labelRect)
{
    m_renderer = renderer;
    m_labelId = labelId;
    m_labelRect = labelRect;
}

void ComponentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_lit && m_renderer)
        paintLit(painter);
    if (m_tinted) {
        paintTint(painter);
        paintCoverage(painter);
    }
    if (m_mark != Mark::None)
        paintMark(painter);
    paintInteraction(painter);
}

void ComponentItem::paintLit(QPainter *painter) const
{
    // Above the dimming layer: the component as drawn, ringed in the walkthrough's amber.
    painter->setPen(QPen(QColor(0xF2, 0xA9, 0x00), 7));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(m_rect.adjusted(-4, -4, 4, 4), kRadius, kRadius);
    m_renderer->render(painter, m_ref.toString(), m_drawRect.isNull() ? m_rect : m_drawRect);
}

namespace {

/// Each pixel of `image` loses as much of `key` as it holds (GIMP's "colour to alpha"): the key
/// turns transparent, and what was drawn over it keeps its colour, antialiasing included.
void colourToAlpha(QImage &image, QRgb key)
{
    const double k[] = {qRed(key) / 255.0, qGreen(key) / 255.0, qBlue(key) / 255.0};
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const double c[] = {qRed(line[x]) / 255.0, qGreen(line[x]) / 255.0, qBlue(line[x]) / 255.0};
            double alpha = 0;
            for (int i = 0; i < 3; ++i)
                alpha = std::max(alpha, c[i] > k[i]   ? (c[i] - k[i]) / (1 - k[i])
                                        : c[i] < k[i] ? (k[i] - c[i]) / k[i]
                                                      : 0);
            if (alpha <= 0) {
                line[x] = 0;
                continue;
            }
            const auto channel = [&](int i) {
                return std::clamp(int(((c[i] - k[i]) / alpha + k[i]) * 255 + 0.5), 0, 255);
            };
            line[x] = qRgba(channel(0), channel(1), channel(2), int(alpha * qAlpha(line[x]) + 0.5));
        }
    }
}

/// The colour most pixels of `image` have: a component's box fill.
QRgb commonestColour(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(line[x]) == 255)
                ++counts[line[x]];
    }
    QRgb best = qRgb(255, 255, 255);
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most)
            std::tie(best, most) = std::pair(it.key(), it.value());
    return best;
}

} // namespace

QImage ComponentItem::details(qreal scale) const
{
    // Drawn again only when the zoom changes by a half step: sharp, yet not redrawn per frame.
    scale = std::clamp(std::ceil(scale * 2) / 2, 1.0, 4.0);
    if (!m_renderer || (m_detailsScale == scale && !m_details.isNull()))
        return m_details;
    QImage image((m_rect.size() * scale).toSize().expandedTo(QSize(1, 1)), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF drawn = m_drawRect.isNull() ? m_rect : m_drawRect;
        m_renderer->render(&p, m_ref.toString(),
                           QRectF((drawn.topLeft() - m_rect.topLeft()) * scale, drawn.size() * scale));
    }
    colourToAlpha(image, commonestColour(image));
    m_details = image;
    m_detailsScale = scale;
    return m_details;
}

void ComponentItem::paintTint(QPainter *painter) const
{
    // An opaque tint, so the scale's colours read true whatever the plane's colour, with the
    // drawing's details (name, icon, glyphs) laid on it without the box's own fill, and the band's
    // border over the box's edge.
    painter->save();
    const int band = m_unseen ? -1 : theme::masteryClass(*m_mastery);
    const QRectF box = m_rect.adjusted(1, 1, -1, -1);
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme::masteryFill(band));
    painter->drawRoundedRect(box, 9, 9);
    if (m_unseen) {
        painter->setBrush(QBrush(QColor(0xB4, 0xBA, 0xC4), Qt::BDiagPattern));
        painter->drawRoundedRect(box, 9, 9);
    }
    const qreal deviceScale = painter->deviceTransform().map(QLineF(0, 0, 1, 0)).length();
    if (const QImage image = details(deviceScale); !image.isNull())
        painter->drawImage(m_rect, image);
    painter->setPen(QPen(theme::masteryBorder(band), 4, m_unseen ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(box, 9, 9);
    painter->restore();
}

void ComponentItem::paintCoverage(QPainter *painter) const
{
    const std::optional<double> share = coverage();
    if (!share || m_unseen) // the hatching already says nothing was seen
        return;
    // A track the width of the box with the seen share filled dark, readable on every tint; low
    // on the border, clear of the name's descenders even on a 36-unit sub-part chip.
    const qreal height = std::clamp(m_rect.height() / 8, 3.0, 5.0);
    const QRectF track(m_rect.left() + 8, m_rect.bottom() - height - 1.5, m_rect.width() - 16, height);
    painter->save();
    painter->setPen(QPen(QColor(0x37, 0x41, 0x51), 1));
    painter->setBrush(QColor(0xFF, 0xFF, 0xFF));
    painter->drawRoundedRect(track, height / 2, height / 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x37, 0x41, 0x51));
    if (*share > 0)
        painter->drawRoundedRect(QRectF(track.topLeft(), QSizeF(std::max(height, track.width() * *share), height)),
                                 height / 2, height / 2);
    painter->restore();
}

void ComponentItem::paintMark(QPainter *painter) const
{
    // Blue tick for right, vermillion cross for wrong: told apart by shape, not only colour.
    const bool right = m_mark == Mark::Right;
    const QColor colour = right ? QColor(0x00, 0x72, 0xB2) : QColor(0xD5, 0x5E, 0x00);
    const QRectF outer = m_rect.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    painter->setPen(QPen(colour, 6));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(outer, kRadius, kRadius);
    const qreal r = 15;
    const QPointF badge = outer.topRight() + QPointF(-r, r);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawEllipse(badge, r, r);
    painter->setPen(QPen(Qt::white, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (right) {
        painter->drawPolyline(QPolygonF{badge + QPointF(-7, 0), badge + QPointF(-2, 6), badge + QPointF(8, -6)});
    } else {
        painter->drawLine(badge + QPointF(-6, -6), badge + QPointF(6, 6));
        painter->drawLine(badge + QPointF(-6, 6), badge + QPointF(6, -6));
    }
}

// Hover, selection and keyboard focus, outside the box.
void ComponentItem::paintInteraction(QPainter *painter) const
{
    if (!m_hovered && !m_selected && !m_focused)
        return;
    const QRectF outer = m_rect.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    if (m_hovered) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(theme::hoverFill());
        painter->drawRoundedRect(outer, kRadius, kRadius);
    }
    painter->setBrush(Qt::NoBrush);
    if (m_selected) {
        // A dark ring lined with white: it stands out on every mastery fill and plane colour, and
        // on the dark page around the drawing.
        painter->setPen(QPen(theme::selectionOutline(), 5));
        painter->drawRoundedRect(outer, kRadius, kRadius);
        painter->setPen(QPen(theme::selectionLining(), 2));
        painter->drawRoundedRect(outer.adjusted(3.5, 3.5, -3.5, -3.5), kRadius - 3, kRadius - 3);
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
