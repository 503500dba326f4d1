#pragma once

#include "masterymodel.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QMenu;
class QComboBox;
class QToolBar;

namespace k8sfc {

class BackupManager;
class SearchBox;
class CardBrowser;
class CardPane;
class ComponentStudy;
class ContentSet;
class DiagramScene;
class DiagramView;
class Grader;
class MasteryLegend;
class MasteryStore;
class ProblemsBanner;
class PresentationWindow;
class LabelCoverItem;
class QuizPane;
class QuizSession;
class ReviewSession;
struct ComponentMastery;
struct QuizAnswer;
struct StudySettings;

/// The main window: the diagram beside the card pane. It builds the widgets, switches the pane
/// between modes (studying a component, reviewing what is due), wires signals and remembers its
/// layout; the work is done by the mode backends in core.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const ContentSet &content, MasteryStore &store, QWidget *parent = nullptr);
    ~MainWindow() override;

    DiagramScene *diagramScene() const { return m_scene; }
    DiagramView *diagramView() const { return m_view; }
    CardPane *cardPane() const { return m_cardPane; }
    ProblemsBanner *problemsBanner() const { return m_banner; }
    Grader *grader() const { return m_grader; }
    ComponentStudy *componentStudy() const { return m_study; }
    ReviewSession *reviewSession() const { return m_review; }
    /// The statistics window (from its plugin), once opened.
    QWidget *statisticsWindow() const;
    CardBrowser *cardBrowser() const;
    QLabel *dueLabel() const { return m_dueLabel; }
    /// The quiz pane, built on first use.
    QuizPane *quizPane();
    QuizSession *quizSession() const { return m_quiz; }

    bool isShowingMastery() const;
    void setShowingMastery(bool on);
    void openComponent(const QString &componentId);
    /// Jumps to a card: its component opens with the card first.
    void openCard(const QString &cardId);
    SearchBox *searchBox() const { return m_search; }
    /// Starts a review of what is due: every deck, or the selected component when `selected`.
    void startReview(bool selected);
    void undo();
    /// Shows the quiz set-up in the side pane.
    void startQuiz();
    void leaveQuiz();
    bool isQuizzing() const;
    /// Saves new study options and applies them to the next grade and to the due counts.
    void applyStudySettings(const StudySettings &settings);
    /// Presentation mode (F5): full screen, a walkthrough by id, or the diagram alone (empty id).
    void present(const QString &walkthroughId);
    PresentationWindow *presentation() const;
    /// Shows another diagram (by id) in the window.
    void showDiagram(const QString &diagramId);
    QString diagramId() const { return m_diagramId; }
    void setLabelsHidden(bool hidden);
    /// Where backups live; enables File → Restore Backup.
    void setBackupManager(BackupManager *backups) { m_backups = backups; }
    /// The learner's own content folder (decks/ there is read and watched); imports go there.
    void setUserContentFolder(const QString &folder) { m_userContentFolder = folder; }
    void showRestoreDialog();
    /// After the data changed underneath (a restore): every view reads the store again.
    void reloadProgress();
    /// After the content files changed on disk (live reload): rebuild what shows them, keeping the
    /// selection, and show any problems without getting in the way.
    void contentReloaded();
    void showStatistics();
    void showBrowser();
    /// Recall fades with time, so while the colours show they are recomputed from scratch every
    /// minute: on a worker thread, from copies of the content, the states and the scheduler (at
    /// 50,000 cards a full pass takes 80 ms, too long for the window's thread). Grades made
    /// meanwhile are applied again to the result. masteryRefreshed() follows.
    void refreshMasteryInBackground();

signals:
    void masteryRefreshed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreLayout();
    void saveLayout() const;
    void showShortcuts();
    void showAbout();
    /// Recomputes the mastery colours: the changed card only (microseconds, even at 50,000
    /// cards), or all of them when `cardId` is empty (turning the colours on, new content).
    void refreshMastery(const QString &cardId = {});
    /// FSRS recall through the grader's scheduler, as the mastery sums take it.
    RecallFunction recall() const;
    void refreshDueCounts();
    /// After any change to a card's state: mastery colours, due counts, open windows.
    void cardStateChanged(const QString &cardId);
    void buildPresentMenus(QMenu *file, QMenu *view, QToolBar *bar);
    void buildImportExportMenus(QMenu *file);
    void askForHiddenLabel(LabelCoverItem *cover);
    void exportView(bool svg);
    void exportHandout();
    void diagramActivated(const QString &componentId);
    void quizAnswered(const QuizAnswer &answer);

    const ContentSet &m_content;
    MasteryStore &m_store;
    Grader *m_grader;
    ComponentStudy *m_study;
    ReviewSession *m_review;
    DiagramScene *m_scene;
    DiagramView *m_view;
    CardPane *m_cardPane;
    QuizSession *m_quiz;
    QuizPane *m_quizPane = nullptr;
    QStackedWidget *m_sidePanes;
    ProblemsBanner *m_banner;
    MasteryLegend *m_legend;
    QSplitter *m_splitter;
    QLabel *m_hoverLabel;
    QLabel *m_dueLabel;
    QString m_idleStatus; ///< shown in the status bar when nothing is hovered
    QAction *m_masteryAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_reviewAction = nullptr;
    QHash<QString, ComponentMastery> m_mastery;
    MasteryModel m_masteryModel; ///< kept up to date grade by grade while the colours show
    int m_masteryGeneration = 0; ///< counts full rebuilds; a background pass from before one is dropped
    bool m_masteryRefreshing = false;
    QStringList m_gradedDuringRefresh;
    // QPointer: they close (and delete themselves) on their own, and die with the window.
    QPointer<QWidget> m_statistics;
    QPointer<CardBrowser> m_browser;
    QPointer<PresentationWindow> m_presentation;
    QString m_diagramId;
    QString m_lastWalkthrough;
    QAction *m_hideLabelsAction = nullptr;
    BackupManager *m_backups = nullptr;
    QString m_userContentFolder;
    QComboBox *m_switcher = nullptr;
    SearchBox *m_search = nullptr;
};

} // namespace k8sfc
