#pragma once

#include <QRectF>

namespace k8sfc {

class DiagramScene;
struct WalkthroughStep;

/// What a walkthrough step lights, in scene coordinates: every component and arrow it names.
QRectF litRect(const DiagramScene &scene, const WalkthroughStep &step);

/// The scene rectangle that frames a step in presentation: its zoom target and everything it
/// lights, with some context around them, so that nothing lit is ever off screen. `zoom` (the
/// presenter's Ctrl+ scale, 1 fits the diagram) narrows an unzoomed step around what it lights.
/// Empty: the whole diagram. The frame depends on the step alone, so steps that light the same
/// things show the diagram at the same scale and place.
QRectF stepFrame(const DiagramScene &scene, const WalkthroughStep &step, qreal zoom);

} // namespace k8sfc
