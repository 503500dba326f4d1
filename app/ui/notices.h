#pragma once

#include <QString>

class QMainWindow;
class QWidget;

namespace k8sfc {

class ContentSet;

/// The main window's informational messages, each a non-modal box over `parent`.
namespace Notices {
/// A card was forgotten Grader::kLeechLapses times and suspended: a line in the status bar and a box.
void leechSuspended(QMainWindow *window, const ContentSet &content, const QString &cardId);
/// Help → Keyboard Shortcuts.
void shortcuts(QWidget *parent);
/// Help → About.
void about(QWidget *parent, const ContentSet &content);
} // namespace Notices

} // namespace k8sfc
