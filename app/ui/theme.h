#pragma once

#include "settings.h"

#include <QColor>
#include <QString>

namespace k8sfc {
enum class Rating; // masterystore.h
}

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

/// The four grades' colours (Okabe-Ito hues: told apart with the common colour-vision
/// deficiencies), shared by the grade buttons and the progress line. The plugin links this file and
/// none of the core: `Rating` is only declared here.
QColor gradeColour(Rating rating);

/// A quiz answer's right and wrong marks, always with a symbol and a word as well: Okabe-Ito
/// blue and vermilion.
QColor answerRight();
QColor answerWrong();

/// The look the learner chose: "system" (follow the desktop's palette), "light", "dark", or
/// "projector" (high contrast, larger type), and a font scale. Kept per computer.
struct Appearance
{
    QString theme = setting::theme.fallback;
    double fontScale = setting::fontScale.fallback; ///< 0.8 to 2.0

    static Appearance load();
    void save() const;
};

/// Applies an appearance to the whole application. Call once the QApplication exists; the
/// desktop's palette and font are remembered on the first call, so "system" can go back to them.
void applyAppearance(const Appearance &appearance);
/// True when the application's window colour is dark: the desktop has no colour-scheme API in
/// Qt 6.4, so the palette tells.
bool isDark();

} // namespace k8sfc::theme
