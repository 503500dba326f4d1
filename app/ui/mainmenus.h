#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace k8sfc {

class DiagramSwitcher;
class FileActions;
class MainWindow;
class MasteryOverlay;

/// The main window's menu bar and study tool bar: File, Study, View, Present and Help, each entry
/// calling the window or one of its parts. The actions whose state changes later (the review
/// count, undo, hidden labels) stay reachable.
class MainMenus : public QObject
{
    Q_OBJECT
public:
    MainMenus(MainWindow *window, DiagramSwitcher *switcher, MasteryOverlay *mastery, FileActions *files);

    QAction *reviewAction() const { return m_review; }
    QAction *undoAction() const { return m_undo; }
    QAction *hideLabelsAction() const { return m_hideLabels; }
    /// File → Switch Profile…, disabled until a ProfileSwitcher takes it.
    QAction *switchProfileAction() const { return m_switchProfile; }
    QAction *settingsAction() const { return m_settings; }

private:
    void buildStudyMenu();
    void buildViewMenu();
    void buildPresentMenu();
    void buildHelpMenu();
    void buildToolBar();

    MainWindow *m_window;
    DiagramSwitcher *m_switcher;
    MasteryOverlay *m_mastery;
    QAction *m_review = nullptr;
    QAction *m_quiz = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_browse = nullptr;
    QAction *m_stats = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_hideLabels = nullptr;
    QAction *m_switchProfile = nullptr;
};

} // namespace k8sfc
