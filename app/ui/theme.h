#pragma once

#include <QColor>

namespace k8sfc::theme {

/// Colours the app draws over the diagram. Chosen to stand apart from every plane's colour
/// family (blues, greens, violet, amber, grey) and to keep 3:1 contrast on them.
QColor hoverOutline();
QColor hoverFill();
QColor selectionOutline();
QColor focusOutline();

/// Mastery scale (ColorBrewer RdYlBu, five classes: safe for the common colour-vision
/// deficiencies and in greyscale): weak red through pale yellow to strong blue.
constexpr int kMasteryClasses = 5;
int masteryClass(double mastery);
QColor masteryColour(int masteryClass);
QString masteryClassLabel(int masteryClass);
/// Unseen components are grey and hatched: distinct from every class of the scale.
QColor unseenColour();

} // namespace k8sfc::theme
