#pragma once

#include "elementid.h"

#include <QGraphicsObject>
#include <QPainterPath>
#include <QPolygonF>

#include <optional>

class QSvgRenderer;

namespace k8sfc {

/// One arrow of the diagram, over the arrow the SVG background draws. Like a component it can be
/// hovered (its role as a tooltip), clicked, focused from the keyboard and selected, and takes its
/// cards' recall colour with the mastery colours on. In a walkthrough it is lit: it redraws the SVG
/// arrow above the dimmed diagram with a bright band along its connector whose dashes run the way
/// the data goes: forward (the way the connection was opened) or in reverse (data flowing back).
class ArrowItem : public QGraphicsObject
{
    Q_OBJECT
public:
    enum { Type = UserType + 2 };
    enum class Flow { None, Forward, Reverse };
    int type() const override { return Type; }

    ArrowItem(QString id, const QPolygonF &connector, QSvgRenderer *renderer, const QRectF &elementRect,
              QGraphicsItem *parent = nullptr);

    /// The drawn id, copy suffixes included: `arrow.kubelet.node-a--kube-apiserver`.
    QString id() const { return m_id; }
    /// The id without copy suffixes, which the registry and every-copy cards use.
    QString baseId() const { return m_baseId; }
    ElementId parsedId() const { return ElementId::parse(m_id); }

    /// What people read: the screen reader's name ("kubelet on Worker node A → kube-apiserver:
    /// watch · status · Lease"), the tooltip's title ("kubelet → kube-apiserver") and the role.
    void setDescription(const QString &accessibleName, const QString &title, const QString &role);
    QString accessibleName() const { return m_accessibleName; }
    QString title() const { return m_title; }
    QString role() const { return m_role; }
    /// While a diagram's names are hidden (image occlusion) the tooltip gives the role alone,
    /// which names no component.
    void setEndsHidden(bool hidden);

    /// Where a click lands: a band along the connector and its head, wide enough for a thin line,
    /// and the label; `ends` (the boxes it joins) are left out so their edges stay theirs.
    void setHitArea(const QRectF &labelRect, const QList<QRectF> &ends);
    /// The hit area's bounds in scene coordinates: the arrow's place on screen.
    QRectF rect() const { return m_hitArea.boundingRect(); }

    void setFlow(Flow flow);
    Flow flow() const { return m_flow; }
    /// Animation phase in scene units; the scene advances it while any arrow is lit.
    void setPhase(qreal phase);

    void setSelectedArrow(bool selected);
    bool isSelectedArrow() const { return m_selected; }
    void setKeyboardFocus(bool focused);
    bool hasKeyboardFocus() const { return m_focused; }
    bool isHovered() const { return m_hovered; }
    /// Colours the line by its cards' recall (0-1), dashed when none is seen yet; nullopt and not
    /// unseen clears it.
    void setMasteryTint(std::optional<double> mastery, bool unseen, const QString &detail);
    std::optional<double> masteryTint() const { return m_mastery; }
    bool isTinted() const { return m_tinted; }
    bool isTintedUnseen() const { return m_tinted && m_unseen; }
    /// The colour the line is drawn in while tinted.
    QColor tintColour() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    void activated(k8sfc::ArrowItem *arrow);
    void hoverChanged(k8sfc::ArrowItem *arrow, bool hovered);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    /// The connector carried on to the arrowhead's tip.
    QPolygonF toTip() const;
    void paintFlow(QPainter *painter) const;
    void paintTint(QPainter *painter) const;
    void paintInteraction(QPainter *painter) const;
    void updateToolTip();

    QString m_id;
    QString m_baseId;
    QPolygonF m_connector;
    QSvgRenderer *m_renderer;
    QRectF m_elementRect;
    QPainterPath m_hitArea;
    QString m_accessibleName;
    QString m_title;
    QString m_role;
    QString m_masteryDetail;
    Flow m_flow = Flow::None;
    qreal m_phase = 0;
    bool m_hovered = false;
    bool m_selected = false;
    bool m_focused = false;
    bool m_endsHidden = false;
    bool m_tinted = false;
    bool m_unseen = false;
    std::optional<double> m_mastery;
};

} // namespace k8sfc
