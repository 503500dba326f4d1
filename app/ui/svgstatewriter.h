#pragma once

#include <QByteArray>
#include <QRectF>

namespace k8sfc {

class DiagramScene;

/// The diagram's own SVG with the view's state written into it: lit components ringed and lit
/// arrows drawn in amber, the rest dimmed, mastery tints as fills, hidden labels covered. Text
/// stays text and shapes stay shapes, so the file can be edited in Inkscape or Impress.
namespace SvgStateWriter {
/// Rewrites `scene.svgSource()` cropped to `source` (scene coordinates are the SVG's viewBox).
/// Empty when the source is not well-formed.
QByteArray write(const DiagramScene &scene, const QRectF &source);
} // namespace SvgStateWriter

} // namespace k8sfc
