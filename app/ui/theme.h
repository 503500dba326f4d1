#pragma once

#include <QColor>

namespace k8sfc::theme {

/// Colours the app draws over the diagram. Chosen to stand apart from every plane's colour
/// family (blues, greens, violet, amber, grey) and to keep 3:1 contrast on them.
QColor hoverOutline();
QColor hoverFill();
QColor selectionOutline();
QColor focusOutline();

} // namespace k8sfc::theme
