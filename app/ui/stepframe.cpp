#include "stepframe.h"

#include "arrowitem.h"
#include "diagramscene.h"
#include "walkthrough.h"

#include <algorithm>

namespace k8sfc {

namespace {
// Context around what is lit: a share of the framed size, and never less than a box's margin.
constexpr qreal kContextShare = 0.08;
constexpr qreal kMinContext = 40;

// Moves `rect` the least that puts it inside `bounds`, where it fits.
QRectF keptInside(QRectF rect, const QRectF &bounds)
{
    if (rect.width() <= bounds.width())
        rect.moveLeft(std::clamp(rect.left(), bounds.left(), bounds.right() - rect.width()));
    if (rect.height() <= bounds.height())
        rect.moveTop(std::clamp(rect.top(), bounds.top(), bounds.bottom() - rect.height()));
    return rect;
}
} // namespace

QRectF litRect(const DiagramScene &scene, const WalkthroughStep &step)
{
    QRectF lit;
    for (const QString &ref : step.components)
        lit = lit.united(scene.refRect(ref));
    for (const QStringList *ids : {&step.arrows, &step.reverseArrows})
        for (const QString &id : *ids)
            if (const ArrowItem *arrow = scene.arrowItem(id))
                lit = lit.united(arrow->mapRectToScene(arrow->boundingRect()));
    return lit;
}

QRectF stepFrame(const DiagramScene &scene, const WalkthroughStep &step, qreal zoom)
{
    const QRectF lit = litRect(scene, step);
    const QRectF whole = scene.diagramRect();
    QRectF target;
    if (!step.zoom.isEmpty()) {
        target = scene.refRect(step.zoom);
    } else if (zoom > 1.0 && !lit.isEmpty()) {
        target = QRectF(QPointF(), whole.size() / zoom);
        target.moveCenter(lit.center());
        target = keptInside(target, whole);
    }
    if (target.isEmpty())
        return {};
    target = target.united(lit);
    const qreal context = std::max(kMinContext, kContextShare * std::max(target.width(), target.height()));
    const QRectF frame = target.adjusted(-context, -context, context, context);
    return frame.contains(whole) ? QRectF() : frame;
}

} // namespace k8sfc
