#pragma once

#include "content.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QMenu;

namespace k8sfc {

class CardBrowser;
class CardPane;
class ComponentStudy;
class DiagramScene;
class DiagramSwitcher;
class DiagramView;
class FileActions;
class Grader;
class MainMenus;
class MasteryOverlay;
class MasteryStore;
class OwnCards;
class ModeBackend;
class PresentationWindow;
class ProblemsBanner;
class RefitNotice;
class QuizPane;
class QuizSession;
class ReviewSession;
class SearchBox;
class SecondaryWindows;
class StudyModes;
struct StudySettings;

/// The main window: the diagram beside the side pane of study modes. It builds the widgets and
/// menus, wires the parts together and remembers its layout. The parts do the work: StudyModes
/// (the modes and their widgets), DiagramSwitcher (which diagram), MasteryOverlay (the colours),
/// FileActions (the File menu), SecondaryWindows (browser, statistics, presentation).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ContentSnapshot content, MasteryStore &store, QWidget *parent = nullptr);
    ~MainWindow() override;
    /// The title names the learner's profile after the app ("K8s Flashcards — alice"); empty: the app alone.
    void setProfileName(const QString &name);
    /// File → Switch Profile… (see ProfileSwitcher).
    QAction *switchProfileAction() const;
    /// Closes the browser, the statistics and the presentation.
    void closeSecondaryWindows();
    /// The store now holds another learner's data (a profile switch): their study options,
    /// grades and title replace the previous learner's, whose undo history goes.
    void learnerChanged(const QString &profileName);

    const ContentSet &content() const { return *m_content; }
    DiagramScene *diagramScene() const { return m_scene; }
    DiagramView *diagramView() const { return m_view; }
    ProblemsBanner *problemsBanner() const { return m_banner; }
    Grader *grader() const { return m_grader; }
    StudyModes *studyModes() const { return m_modes; }
    CardPane *cardPane() const;
    ComponentStudy *componentStudy() const;
    ReviewSession *reviewSession() const;
    QuizSession *quizSession() const;
    /// The quiz pane, built on first use.
    QuizPane *quizPane();
    MasteryOverlay *masteryOverlay() const { return m_mastery; }
    /// The File menu's work (backups and the learner's content folder are set there).
    FileActions *fileActions() const { return m_files; }
    /// The statistics window (from its plugin), once opened.
    QWidget *statisticsWindow() const;
    CardBrowser *cardBrowser() const;
    PresentationWindow *presentation() const;
    QLabel *dueLabel() const { return m_dueLabel; }
    SearchBox *searchBox() const { return m_search; }
    /// The Cards menu's work: writing, editing and deleting the learner's own cards.
    OwnCards *ownCards() const { return m_ownCards; }

    void openComponent(const QString &componentId);
    /// Jumps to a card: its component opens with the card first (on the diagram that has it).
    void openCard(const QString &cardId);
    /// Starts a review of what is due: every deck, or the selected component when `selected`.
    void startReview(bool selected);
    /// Shows the quiz set-up in the side pane.
    void startQuiz();
    void leaveQuiz();
    bool isQuizzing() const;
    /// Saves new study options and applies them to the next grade and to the due counts.
    void applyStudySettings(const StudySettings &settings);
    /// Presentation mode: full screen, a walkthrough by id, or the diagram alone (an id no
    /// walkthrough has: Shift+F5 passes an empty one).
    void present(const QString &walkthroughId, bool inWindow = false);
    /// F5: the walkthrough presented last, or the first.
    void presentLastWalkthrough() { present(m_lastWalkthrough); }
    /// Present → Present in a Window: the same, in a window with the presenter view beside it.
    void presentInWindow() { present(m_lastWalkthrough, true); }
    /// Shows another diagram (by id) in the window.
    void showDiagram(const QString &diagramId);
    QString diagramId() const;
    void setLabelsHidden(bool hidden);
    /// After the data changed underneath (a restore): every view reads the store again.
    void reloadProgress();
    RefitNotice *refitNotice() const { return m_refit; }
    /// A new content snapshot (live reload): everything that shows content moves to it, keeping
    /// the selection; problems show without getting in the way.
    void setContent(ContentSnapshot content);
    void showStatistics();
    void showBrowser();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void wireSignals();
    void restoreLayout();
    void saveLayout() const;
    void showHover(const QString &componentId);
    void refreshDueCounts();
    /// The one path after any change to a card's state: colours, due counts, open windows.
    void cardStateChanged(const QString &cardId);
    void diagramActivated(const QString &componentId);
    void showStatus(const QString &text);
    /// The FSRS weights fitted to this learner, or the defaults, into the grader.
    void loadFsrsWeights();

    ContentSnapshot m_content;
    MasteryStore &m_store;
    Grader *m_grader;
    DiagramScene *m_scene;
    DiagramView *m_view;
    QStackedWidget *m_sidePanes;
    StudyModes *m_modes;
    DiagramSwitcher *m_switcher;
    MasteryOverlay *m_mastery;
    FileActions *m_files;
    ProblemsBanner *m_banner;
    RefitNotice *m_refit;
    QSplitter *m_splitter;
    QLabel *m_hoverLabel;
    QLabel *m_dueLabel;
    SearchBox *m_search;
    QString m_idleStatus; ///< shown in the status bar when nothing is hovered
    QString m_lastWalkthrough;
    MainMenus *m_menus;
    SecondaryWindows *m_windows;
    OwnCards *m_ownCards;
};

} // namespace k8sfc
