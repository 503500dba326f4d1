#pragma once

#include <QGraphicsObject>

class QTimer;

namespace k8sfc {

class ComponentItem;

/// Hides one component's name, image-occlusion style, with a number the presenter can call out.
/// Clicking it asks for it to be revealed (the scene decides: reveal at once, or quiz first).
/// After a naming attempt it shows the verdict on itself for a few seconds, then uncovers.
class LabelCoverItem : public QGraphicsObject
{
    Q_OBJECT
public:
    enum { Type = UserType + 3 };
    int type() const override { return Type; }
    enum class State { Hidden, Right, Wrong };

    LabelCoverItem(ComponentItem *component, const QRectF &rect, int number, QGraphicsItem *parent = nullptr);

    ComponentItem *component() const { return m_component; }
    int number() const { return m_number; }
    bool isRevealed() const { return !isVisible(); }
    State state() const { return m_state; }
    QString verdictText() const { return m_verdict; }
    /// The fill the cover paints in its current state.
    QColor fillColour() const;
    /// The lines it shows (its number, or the verdict) and their font, for painting and export.
    QStringList shownLines() const;
    QFont shownFont() const;

    /// Shows right (green, the name) or wrong (red, what was said and the name) on the cover,
    /// then uncovers after `kVerdictMs` or at settle(), whichever comes first.
    void showVerdict(bool right, const QString &given);
    /// Ends a verdict now (the next action began): uncovers.
    void settle();
    /// Back to a numbered cover (labels hidden again).
    void cover();

    static constexpr int kVerdictMs = 4000;
    /// Verdict text size in scene units: 13 device pixels when cluster.svg fills 1280x720.
    static constexpr int kVerdictPixels = 22;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    void clicked(k8sfc::LabelCoverItem *cover);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QFont numberFont() const;
    QFont verdictFont() const;
    QStringList verdictLines() const;
    void growToVerdict();

    ComponentItem *m_component;
    QRectF m_rect;
    QRectF m_shown; // m_rect, or larger (and raised by kRaise) while a long verdict shows
    static constexpr qreal kRaise = 10;
    int m_number;
    State m_state = State::Hidden;
    QString m_verdict;
    QTimer *m_timer = nullptr;
};

} // namespace k8sfc
