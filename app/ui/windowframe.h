#pragma once

#include <QString>

class QByteArray;
class QWidget;

namespace k8sfc {

/// What every window of the app shares: a title that names the app once, the keys that close a
/// secondary window, and a place on the screen.
namespace WindowFrame {

/// The app's name as a title shows it.
QString appName();
/// "Browse cards — K8s Flashcards": a secondary window's title, its task named first.
QString title(const QString &task);
/// The names the platform shows (desktop file, icon). No display name is set: Qt would append
/// it to every title ("K8s Flashcards — alice — K8s Flashcards", "PNG s…hcards").
void nameApplication();

/// Escape and Ctrl+W close `target` (by default the window itself), as in any secondary window
/// of a desktop app. `withEscape` false leaves Escape to a window that gives it another meaning.
void installCloseKeys(QWidget *window, QWidget *target = nullptr, bool withEscape = true);

/// Moves a top-level window onto the available area of its screen (the one under its centre, or
/// the primary), shrinking it first when it is larger: a window never comes back partly off screen.
void fitOnScreen(QWidget *window);
/// QWidget::restoreGeometry, then fitOnScreen. False when `saved` held no geometry.
bool restoreOnScreen(QWidget *window, const QByteArray &saved);
/// The main window's first start: most of a large screen, all of a laptop's, centred.
void placeFirstTime(QWidget *window);
/// Shows a secondary window in front: the first time centred over `over` and on screen.
void showSecondary(QWidget *window, QWidget *over);

} // namespace WindowFrame

} // namespace k8sfc
