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

/// One token of a path's `d`: a command letter (MmLlHhVvQqCcZzTtSs), or else a number.
struct SvgPathToken
{
    QChar command; ///< null for a number
    QStringView number;
    friend bool operator==(const SvgPathToken &, const SvgPathToken &) = default;
};

/// The tokens of `d`, skipping what is neither (separators, unsupported commands): a number is
/// `-?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?`, the longest such text at that point.
QList<SvgPathToken> svgPathTokens(QStringView d);

} // namespace k8sfc
