// MainWindow: its menus, tool bar and the small dialogs they open.
#include "mainwindow.h"

#include "content.h"
#include "diagramview.h"
#include "grader.h"
#include "studyoptionsdialog.h"
#include "theme.h"

#include <QAction>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

namespace k8sfc {

namespace {

const char *const kShortcuts[][2] = {
    {"Click, or Tab / arrow keys then Enter", "Open a component's cards"},
    {"Space", "Reveal the answer"},
    {"1 / 2 / 3 / 4", "Grade: Again / Hard / Good / Easy"},
    {"Ctrl+Z", "Undo the last grade (several levels)"},
    {"R", "Review what is due, all decks"},
    {"Shift+R", "Review what is due for the selected component"},
    {"Q", "Quiz"},
    {"B", "Browse cards"},
    {"Shift+S", "Statistics"},
    {"M", "Show or hide mastery colours"},
    {"Ctrl + wheel, Ctrl++ / Ctrl+-", "Zoom the diagram"},
    {"Ctrl+0", "Fit the diagram to the window"},
    {"Drag (when zoomed in)", "Pan the diagram"},
    {"F5 / Shift+F5", "Present the walkthrough / the diagram alone (full screen)"},
    {"H / Shift+H", "Hide every component's name / reveal them all"},
    {"In presentation: →, ↓, PgDn, Space", "Next step (←, ↑, PgUp: previous; Home, End; number + Enter: that step)"},
    {"In presentation: B, A, L, D, Esc", "Blank the screen, show the answer, laser pointer, next diagram, leave"},
    {"Ctrl+F", "Find a card by its words and jump to it"},
    {"F11", "Full screen"},
    {"Ctrl+Q", "Quit"},
};

} // namespace

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));

    QMenu *study = menuBar()->addMenu(QStringLiteral("&Study"));
    m_reviewAction = study->addAction(QStringLiteral("&Review"), this, [this] { startReview(false); });
    m_reviewAction->setShortcut(QKeySequence(Qt::Key_R));
    m_reviewAction->setToolTip(QStringLiteral("Review the cards due today across all decks (R)"));
    QAction *reviewSelected =
        study->addAction(QStringLiteral("Review &Selected Component"), this, [this] { startReview(true); });
    reviewSelected->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_R));
    QAction *quiz = study->addAction(QStringLiteral("&Quiz…"), this, &MainWindow::startQuiz);
    quiz->setShortcut(QKeySequence(Qt::Key_Q));
    quiz->setToolTip(QStringLiteral("Multiple choice, typed answers and locate-on-the-diagram questions (Q)"));
    m_undoAction = study->addAction(QStringLiteral("&Undo Grade"), this, &MainWindow::undo);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    study->addSeparator();
    QAction *browse = study->addAction(QStringLiteral("&Browse Cards…"), this, &MainWindow::showBrowser);
    browse->setShortcut(QKeySequence(Qt::Key_B));
    QAction *stats = study->addAction(QStringLiteral("S&tatistics…"), this, &MainWindow::showStatistics);
    stats->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_S));
    study->addSeparator();
    QAction *settings = study->addAction(QStringLiteral("&Settings…"), this, [this] {
        auto *dialog = new StudyOptionsDialog(m_grader->settings(), theme::Appearance::load(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            applyStudySettings(dialog->settings());
            dialog->appearance().save();
            theme::applyAppearance(dialog->appearance());
        });
        dialog->open();
    });
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(QStringLiteral("&View"));
    QAction *zoomIn = view->addAction(QStringLiteral("Zoom &In"), m_view, &DiagramView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zoomOut = view->addAction(QStringLiteral("Zoom &Out"), m_view, &DiagramView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = view->addAction(QStringLiteral("&Fit Diagram"), m_view, &DiagramView::fitToWindow);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *fullScreen = view->addAction(QStringLiteral("F&ull Screen"), this,
                                          [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
    fullScreen->setShortcut(QKeySequence::FullScreen);
    view->addSeparator();
    m_masteryAction = view->addAction(QStringLiteral("Show &Mastery"));
    m_masteryAction->setCheckable(true);
    m_masteryAction->setShortcut(QKeySequence(Qt::Key_M));
    m_masteryAction->setToolTip(QStringLiteral("Colour each component by how well you know its cards (M)"));
    connect(m_masteryAction, &QAction::toggled, this, &MainWindow::setShowingMastery);

    buildPresentMenus(file, view, nullptr);
    buildImportExportMenus(file);
    file->addSeparator();
    QAction *quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(QStringLiteral("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    help->addAction(QStringLiteral("&About K8s Flashcards"), this, &MainWindow::showAbout);

    QToolBar *bar = addToolBar(QStringLiteral("Study"));
    bar->setObjectName(QStringLiteral("studyToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_reviewAction);
    bar->addAction(quiz);
    bar->addAction(browse);
    bar->addAction(stats);
    bar->addSeparator();
    bar->addAction(m_masteryAction);
    bar->addAction(m_undoAction);
    buildPresentMenus(nullptr, nullptr, bar);
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (const auto &row : kShortcuts)
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td></tr>")
                    .arg(QString::fromUtf8(row[0]).toHtmlEscaped(), QString::fromUtf8(row[1]).toHtmlEscaped());
    auto *box = new QMessageBox(QMessageBox::NoIcon, QStringLiteral("Keyboard shortcuts"),
                                QStringLiteral("<table>%1</table>").arg(rows), QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, QStringLiteral("About K8s Flashcards"),
                       QStringLiteral("<h3>K8s Flashcards %1</h3>"
                                      "<p>Learn how a Kubernetes cluster is built and secured, on its architecture "
                                      "diagram.</p>"
                                      "<p>%2 cards in %3 decks. Code: GPL-3.0-or-later. Deck text: CC BY 4.0, based on "
                                      "the Kubernetes documentation (kubernetes.io, CC BY 4.0).</p>"
                                      "<p>Built with Qt %4 (LGPL/GPL), Qt Charts (GPL), yaml-cpp (MIT) and SQLite "
                                      "(public domain). Scheduling: FSRS-6.</p>")
                           .arg(QStringLiteral(K8SFC_VERSION))
                           .arg(m_content.cardCount())
                           .arg(m_content.decks().size())
                           .arg(QLatin1String(qVersion())));
}

} // namespace k8sfc
