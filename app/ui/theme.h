#pragma once

#include "settings.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace k8sfc {
enum class Rating; // masterystore.h
}

namespace k8sfc::theme {

/// Colours the app draws over the diagram. Chosen to stand apart from every plane's colour
/// family (blues, greens, violet, amber, grey) and to keep 3:1 contrast on them.
QColor hoverOutline();
QColor hoverFill();
/// The selected component's ring: near-black, lined inside with white, so it shows on every
/// mastery fill (the red band's included) and every plane colour.
QColor selectionOutline();
QColor selectionLining();
QColor focusOutline();

/// Mastery scale (ColorBrewer RdYlBu, five classes: safe for the common colour-vision
/// deficiencies and in greyscale): weak red through pale yellow to strong blue.
constexpr int kMasteryClasses = 5;
int masteryClass(double mastery);
QColor masteryColour(int masteryClass);
QString masteryClassLabel(int masteryClass);
/// A tinted box's fill (the class's colour lightened, so its name stays readable) and border (the
/// class's colour, darkened where needed to keep 3:1 on the white page); class -1 is unseen.
QColor masteryFill(int masteryClass);
QColor masteryBorder(int masteryClass);
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

/// The palette of the "light", "dark" or "projector" theme, with a Disabled group whose text keeps
/// 3:1 contrast on its background.
QPalette palette(const QString &theme);

/// Light text on near-black, whatever the theme: the presentation's caption and the presenter view.
QPalette captionPalette();

/// WCAG 2 contrast ratio of two opaque colours: 1 (same) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);
/// `from` blended toward `to` by `amount` (0 to 1).
QColor mix(const QColor &from, const QColor &to, double amount);
/// `colour`, or the least change of it toward black or white that has `ratio` contrast on
/// `background`.
QColor readable(const QColor &colour, const QColor &background, double ratio);

/// Applies an appearance to the whole application. Call once the QApplication exists; the
/// desktop's palette and font are remembered on the first call, so "system" can go back to them.
void applyAppearance(const Appearance &appearance);
/// True when the application's window colour is dark: the desktop has no colour-scheme API in
/// Qt 6.4, so the palette tells.
bool isDark();

} // namespace k8sfc::theme
