#include "windowframe.h"

#include <QApplication>
#include <QByteArray>
#include <QEvent>
#include <QGuiApplication>
#include <QIcon>
#include <QKeySequence>
#include <QScreen>
#include <QShortcut>
#include <QWidget>

namespace k8sfc {

namespace {

// Its frame (title bar, borders) is known once a window is shown: fit it again then, once.
class FitWhenShown : public QObject
{
public:
    explicit FitWhenShown(QWidget *window) : QObject(window) { window->installEventFilter(this); }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            WindowFrame::fitOnScreen(static_cast<QWidget *>(watched));
            deleteLater();
        }
        return false;
    }
};

} // namespace

QString WindowFrame::appName()
{
    return QStringLiteral("K8s Flashcards");
}

QString WindowFrame::title(const QString &task)
{
    return task + QStringLiteral(" — ") + appName();
}

void WindowFrame::nameApplication()
{
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.k8sflashcards.K8sFlashcards"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/k8s-flashcards.svg")));
}

void WindowFrame::installCloseKeys(QWidget *window, QWidget *target, bool withEscape)
{
    QWidget *closes = target ? target : window;
    QList<QKeySequence> keys{QKeySequence(Qt::CTRL | Qt::Key_W)};
    if (withEscape)
        keys.append(QKeySequence(Qt::Key_Escape));
    for (const QKeySequence &key : std::as_const(keys)) {
        auto *shortcut = new QShortcut(key, window);
        QObject::connect(shortcut, &QShortcut::activated, closes, &QWidget::close);
    }
}

void WindowFrame::fitOnScreen(QWidget *window)
{
    if (window->isMaximized() || window->isFullScreen())
        return; // the window manager fits these
    QScreen *screen = QGuiApplication::screenAt(window->geometry().center());
    if (!screen)
        screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    // The frame (title bar, borders) counts: it is what must stay on screen.
    const QRect frame = window->frameGeometry();
    const QMargins border(window->geometry().left() - frame.left(), window->geometry().top() - frame.top(),
                          frame.right() - window->geometry().right(), frame.bottom() - window->geometry().bottom());
    const QSize room = available.size().shrunkBy(border);
    if (window->width() > room.width() || window->height() > room.height())
        window->resize(window->size().boundedTo(room).expandedTo(window->minimumSize()));
    QRect placed(window->frameGeometry().topLeft(), window->size().grownBy(border));
    const QPoint lastTopLeft(std::max(available.left(), available.right() - placed.width() + 1),
                             std::max(available.top(), available.bottom() - placed.height() + 1));
    window->move(std::clamp(placed.left(), available.left(), lastTopLeft.x()),
                 std::clamp(placed.top(), available.top(), lastTopLeft.y()));
}

bool WindowFrame::restoreOnScreen(QWidget *window, const QByteArray &saved)
{
    if (!window->restoreGeometry(saved))
        return false;
    fitOnScreen(window);
    if (!window->isVisible())
        new FitWhenShown(window);
    return true;
}

void WindowFrame::placeFirstTime(QWidget *window)
{
    const QScreen *screen = QGuiApplication::primaryScreen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 720);
    const double share = available.width() > 1400 ? 0.85 : 1.0;
    window->resize(QSize(int(available.width() * share), int(available.height() * share)));
    window->move(available.center() - window->rect().center());
}

void WindowFrame::showSecondary(QWidget *window, QWidget *over)
{
    if (!window->isVisible()) {
        window->move(over->geometry().center() - window->rect().center());
        fitOnScreen(window);
        new FitWhenShown(window);
    }
    window->show();
    window->raise();
    window->activateWindow();
}

} // namespace k8sfc
