#include "mainmenus.h"

#include "diagramscene.h"
#include "diagramswitcher.h"
#include "diagramview.h"
#include "fileactions.h"
#include "grader.h"
#include "mainwindow.h"
#include "studymodes.h"
#include "masteryoverlay.h"
#include "notices.h"
#include "owncards.h"
#include "searchbox.h"
#include "optimizepanel.h"
#include "studyoptionsdialog.h"
#include "theme.h"

#include <QAction>
#include <QComboBox>
#include <QMenuBar>
#include <QToolBar>

namespace k8sfc {

MainMenus::MainMenus(MainWindow *window, DiagramSwitcher *switcher, MasteryOverlay *mastery, FileActions *files)
    : QObject(window), m_window(window), m_switcher(switcher), m_mastery(mastery)
{
    QMenu *file = window->menuBar()->addMenu(QStringLiteral("&File"));
    buildStudyMenu();
    window->ownCards()->addMenuTo(window->menuBar());
    buildViewMenu();
    buildPresentMenu();
    buildHelpMenu();
    files->addTo(file);
    file->addAction(QStringLiteral("&Open RBAC Policy…"), window->studyModes(), &StudyModes::openRbacPolicy)
        ->setToolTip(QStringLiteral("Ask your own cluster's Roles and bindings who may do what"));
    file->addSeparator();
    m_switchProfile = file->addAction(QStringLiteral("Switch &Profile…"));
    m_switchProfile->setEnabled(false);
    file->addAction(QStringLiteral("&Quit"), window, &QWidget::close)->setShortcut(QKeySequence::Quit);
    buildToolBar();
}

void MainMenus::buildStudyMenu()
{
    MainWindow *w = m_window;
    QMenu *study = w->menuBar()->addMenu(QStringLiteral("&Study"));
    m_review = study->addAction(QStringLiteral("&Review"), w, [w] { w->startReview(false); });
    m_review->setShortcut(QKeySequence(Qt::Key_R));
    m_review->setToolTip(QStringLiteral("Review the cards due today across all decks (R)"));
    study->addAction(QStringLiteral("Review &Selected Component"), w, [w] { w->startReview(true); })
        ->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_R));
    m_quiz = study->addAction(QStringLiteral("&Quiz…"), w, &MainWindow::startQuiz);
    m_quiz->setShortcut(QKeySequence(Qt::Key_Q));
    m_quiz->setToolTip(QStringLiteral("Multiple choice, typed answers, and questions answered on the diagram: locate, "
                                      "trace a path, draw an arrow (Q)"));
    study->addAction(QStringLiteral("RBAC &Lab…"), w->studyModes(), &StudyModes::startRbacLab)
        ->setToolTip(QStringLiteral("Work out who may do what from Roles and bindings, on the RBAC diagram"));
    m_undo = study->addAction(QStringLiteral("&Undo Grade"), w->grader(), &Grader::undo);
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setEnabled(false);
    study->addSeparator();
    m_browse = study->addAction(QStringLiteral("&Browse Cards…"), w, &MainWindow::showBrowser);
    m_browse->setShortcut(QKeySequence(Qt::Key_B));
    m_stats = study->addAction(QStringLiteral("S&tatistics…"), w, &MainWindow::showStatistics);
    m_stats->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_S));
    study->addSeparator();
    m_settings = study->addAction(QStringLiteral("&Settings…"), w, [w] {
        auto *optimize = new OptimizePanel(*w->grader());
        auto *dialog = new StudyOptionsDialog(w->grader()->settings(), theme::Appearance::load(), w, optimize);
        QObject::connect(optimize, &OptimizePanel::weightsChanged, w, &MainWindow::reloadProgress);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &QDialog::accepted, w, [w, dialog] {
            w->applyStudySettings(dialog->settings());
            dialog->appearance().save();
            theme::applyAppearance(dialog->appearance());
        });
        dialog->open();
    });
    // Spelled out: QKeySequence::Preferences has no key on X11, so the menu would show none.
    m_settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settings->setMenuRole(QAction::PreferencesRole);
}

void MainMenus::buildViewMenu()
{
    MainWindow *w = m_window;
    DiagramView *diagram = w->diagramView();
    QMenu *view = w->menuBar()->addMenu(QStringLiteral("&View"));
    view->addAction(QStringLiteral("Zoom &In"), diagram, &DiagramView::zoomIn)
        ->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    view->addAction(QStringLiteral("Zoom &Out"), diagram, &DiagramView::zoomOut)->setShortcut(QKeySequence::ZoomOut);
    view->addAction(QStringLiteral("&Fit Diagram"), diagram, &DiagramView::fitToWindow)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addAction(QStringLiteral("F&ull Screen"), w,
                    [w] { w->setWindowState(w->windowState() ^ Qt::WindowFullScreen); })
        ->setShortcut(QKeySequence::FullScreen);
    view->addSeparator();
    view->addAction(m_mastery->toggleAction());
    view->addSeparator();
    m_hideLabels = view->addAction(QStringLiteral("&Hide Labels"));
    m_hideLabels->setCheckable(true);
    m_hideLabels->setShortcut(QKeySequence(Qt::Key_H));
    m_hideLabels->setToolTip(QStringLiteral("Cover every component's name; click one to name it (H)"));
    connect(m_hideLabels, &QAction::toggled, w, &MainWindow::setLabelsHidden);
    view->addAction(QStringLiteral("&Reveal All Labels"), w->diagramScene(), &DiagramScene::revealAllLabels)
        ->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_H));
    auto *find = new QAction(QStringLiteral("Find a Card"), w);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, w, [w] {
        w->searchBox()->setFocus(Qt::ShortcutFocusReason);
        w->searchBox()->selectAll();
    });
    w->addAction(find);
}

void MainMenus::buildPresentMenu()
{
    MainWindow *w = m_window;
    QMenu *present = w->menuBar()->addMenu(QStringLiteral("&Present"));
    present->addAction(QStringLiteral("&Present Walkthrough"), w, &MainWindow::presentLastWalkthrough)
        ->setShortcut(QKeySequence(Qt::Key_F5));
    present->addAction(QStringLiteral("Present the &Diagram Alone"), w, [w] { w->present(QString()); })
        ->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    present->addAction(QStringLiteral("Present in a &Window"), w, &MainWindow::presentInWindow)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    present->addSeparator();
    m_switcher->setWalkthroughMenu(present); // its walkthroughs follow the content
}

void MainMenus::buildHelpMenu()
{
    MainWindow *w = m_window;
    QMenu *help = w->menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(QStringLiteral("&Keyboard Shortcuts"), w, [w] { Notices::shortcuts(w); });
    help->addAction(QStringLiteral("&About K8s Flashcards"), w, [w] { Notices::about(w, w->content()); });
}

void MainMenus::buildToolBar()
{
    QToolBar *bar = m_window->addToolBar(QStringLiteral("Study"));
    bar->setObjectName(QStringLiteral("studyToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addActions({m_review, m_quiz, m_browse, m_stats});
    bar->addSeparator();
    bar->addActions({m_mastery->toggleAction(), m_undo});
    bar->addSeparator();
    bar->addWidget(m_switcher->comboBox());
    QAction *present = bar->addAction(QStringLiteral("Present"));
    present->setToolTip(QStringLiteral("Full-screen presentation of a walkthrough (F5)"));
    connect(present, &QAction::triggered, m_window, &MainWindow::presentLastWalkthrough);
    // The menu bar's right end has room to spare; at the toolbar's, with large text on a small
    // screen, the search field went behind the overflow button.
    m_window->menuBar()->setCornerWidget(m_window->searchBox());
}

} // namespace k8sfc
