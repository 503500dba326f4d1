// The floor under K8s Flashcards' start-up time and memory: a bare Qt Widgets window with a menu
// bar, a status bar and one line of text, sized as the app sizes its first window (all of a
// 1280x720 screen). compare.sh measures it beside the apps, the same way, so what is Qt's own
// cost and what is ours can be told apart. A benchmark tool, not part of the app.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"), &app, &QApplication::quit);
    window.setCentralWidget(new QLabel(QStringLiteral("A bare Qt window: the floor under start-up time and memory.")));
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(window.screen()->availableGeometry().size());
    window.show();
    return app.exec();
}
