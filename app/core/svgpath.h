#pragma once

#include <QList>
#include <QPointF>
#include <QString>

namespace k8sfc {

/// The polyline an SVG path's `d` draws, for the straight and gently curved connector paths of a
/// diagram's arrows: M, L, H, V, Q, C and Z, absolute or relative. Curves keep their end point (a
/// rounded corner stays a corner), which is all the arrow animation needs. A path with a point
/// that is not a finite number gives no polyline at all.
QList<QPointF> svgPathPolyline(const QString &d);

} // namespace k8sfc
