#pragma once

#include "elementid.h"

#include <QGraphicsObject>
#include <QImage>

#include <optional>

class QSvgRenderer;

namespace k8sfc {

/// The interactive item over one drawn component (or one copy of it). The SVG itself is drawn
/// by the scene's background item; this item draws hover, selection and keyboard focus on top,
/// takes clicks, and is what assistive technology sees.
class ComponentItem : public QGraphicsObject
{
    Q_OBJECT
public:
    enum { Type = UserType + 1 };
    int type() const override { return Type; }

    ComponentItem(const ElementRef &ref, const QRectF &rect, QString name, QString role, QString copyName,
                  QGraphicsItem *parent = nullptr);

    ElementRef ref() const { return m_ref; }
    QString componentId() const { return m_ref.component; }
    QString name() const { return m_name; }
    /// Name plus the copy it is, for a screen reader: "kubelet on Worker node A".
    QString accessibleName() const;
    QString role() const { return m_role; }
    QRectF rect() const { return m_rect; }

    void setSelectedComponent(bool selected);
    bool isSelectedComponent() const { return m_selected; }
    void setKeyboardFocus(bool focused);
    /// A quiz answer shown on the diagram: where the right component is, and a wrong click.
    enum class Mark { None, Right, Wrong };
    void setMark(Mark mark);
    Mark mark() const { return m_mark; }
    /// Tints the item by mastery (0-1), or hatches it when unseen; nullopt clears the tint.
    void setMasteryTint(std::optional<double> mastery, bool unseen, const QString &detail);
    /// Lit by a walkthrough step: drawn above the dimmed diagram, with a bright outline.
    void setLit(bool lit);
    bool isLit() const { return m_lit; }
    /// The renderer that draws this component's element when it is lit.
    void setRenderer(QSvgRenderer *renderer) { m_renderer = renderer; }
    /// Where the renderer places the element when asked to draw it whole: Qt SVG's own bounds,
    /// which may reach past the box the item covers (a group with centred text). Default: rect().
    void setDrawRect(const QRectF &rect) { m_drawRect = rect; }
    /// The SVG element that names the component, redrawn over an opaque tint.
    void setLabelElement(QSvgRenderer *renderer, const QString &labelId, const QRectF &labelRect);
    std::optional<double> masteryTint() const { return m_mastery; }
    /// The share of the component's cards seen at least once, drawn as a bar along the box's
    /// foot while tinted, so the fill (recall of those cards) is not read as coverage.
    void setCoverage(int seen, int cards);
    /// In [0, 1]; nullopt while untinted or when the component has no cards.
    std::optional<double> coverage() const;
    bool isTintedUnseen() const { return m_tinted && m_unseen; }
    bool isTinted() const { return m_tinted; }
    bool hasKeyboardFocus() const { return m_focused; }
    bool isHovered() const { return m_hovered; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    void activated(k8sfc::ComponentItem *item);
    void hoverChanged(k8sfc::ComponentItem *item, bool hovered);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void paintLit(QPainter *painter) const;
    /// The mastery tint (or the unseen hatching), with the name redrawn on top.
    void paintTint(QPainter *painter) const;
    /// The component as drawn, without its box's fill, `scale` device pixels per scene unit.
    QImage details(qreal scale) const;
    void paintCoverage(QPainter *painter) const;
    /// The quiz mark: a ring and a badge with a tick or a cross.
    void paintMark(QPainter *painter) const;
    void paintInteraction(QPainter *painter) const;

    ElementRef m_ref;
    QRectF m_rect;
    QRectF m_drawRect;
    QString m_name;
    QString m_role;
    QString m_copyName;
    bool m_hovered = false;
    bool m_selected = false;
    bool m_focused = false;
    Mark m_mark = Mark::None;
    bool m_lit = false;
    bool m_tinted = false;
    bool m_unseen = false;
    std::optional<double> m_mastery;
    int m_seen = 0;
    int m_cards = 0;
    QString m_baseToolTip;
    QSvgRenderer *m_renderer = nullptr;
    QString m_labelId;
    QRectF m_labelRect;
    mutable QImage m_details; ///< details(), kept while the zoom stays
    mutable qreal m_detailsScale = 0;

public:
    QString labelId() const { return m_labelId; }
    QRectF labelRect() const { return m_labelRect; }
};

} // namespace k8sfc
