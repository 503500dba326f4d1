#include "mainwindow.h"

#include "cardbrowser.h"
#include "cardpane.h"
#include "componentitem.h"
#include "componentstudy.h"
#include "diagramscene.h"
#include "diagramswitcher.h"
#include "diagramview.h"
#include "fileactions.h"
#include "grader.h"
#include "labelquiz.h"
#include "mainmenus.h"
#include "masterylegend.h"
#include "masteryoverlay.h"
#include "masterystore.h"
#include "notices.h"
#include "owncards.h"
#include "presentationwindow.h"
#include "problemsbanner.h"
#include "quizdiagram.h"
#include "quizpane.h"
#include "quizsession.h"
#include "reviewsession.h"
#include "searchbox.h"
#include "secondarywindows.h"
#include "settings.h"
#include "refitnotice.h"
#include "studymodes.h"
#include "windowframe.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace k8sfc {

namespace {
constexpr int kStatusMs = 8000;

QWidget *column(std::initializer_list<std::pair<QWidget *, int>> widgets)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    for (const auto &[widget, stretch] : widgets)
        layout->addWidget(widget, stretch);
    return box;
}
} // namespace

MainWindow::MainWindow(ContentSnapshot content, MasteryStore &store, QWidget *parent)
    : QMainWindow(parent), m_content(std::move(content)), m_store(store)
{
    setWindowTitle(WindowFrame::appName());
    m_grader = new Grader(store, this);
    m_grader->setSettings(StudySettings::load(Settings(QFileInfo(store.path()).absolutePath())));
    m_scene = new DiagramScene(this);
    m_view = new DiagramView(m_scene);
    m_sidePanes = new QStackedWidget;
    m_sidePanes->setMinimumWidth(320);
    m_modes = new StudyModes(m_content, *m_grader, m_sidePanes, this);
    m_switcher = new DiagramSwitcher(m_content, m_scene, m_view, this);
    m_modes->setDiagram(m_switcher, m_scene);
    m_mastery = new MasteryOverlay(m_content, store, *m_grader, m_scene, this);
    m_modes->setMasteryProvider([this] { return m_mastery->masteryByComponent(); });
    m_files = new FileActions(this, m_content, store, *m_grader, m_switcher, m_scene, m_view);
    m_search = new SearchBox(m_content);
    m_windows = new SecondaryWindows(this, m_content, store, *m_grader);
    m_banner = new ProblemsBanner;
    m_ownCards = new OwnCards(this, m_content);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(column({{m_mastery->legend(), 0}, {m_view, 1}}));
    m_splitter->addWidget(m_sidePanes);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(column({{m_banner, 0}, {m_splitter, 1}}));

    m_hoverLabel = new QLabel;
    m_dueLabel = new QLabel;
    m_dueLabel->setObjectName(QStringLiteral("dueToday"));
    statusBar()->addWidget(m_hoverLabel, 1);
    statusBar()->addPermanentWidget(m_dueLabel);
    m_refit = new RefitNotice(store, this);
    m_menus = new MainMenus(this, m_switcher, m_mastery, m_files);
    m_ownCards->takeUndo(m_menus->undoAction(), m_grader);
    connect(m_refit, &RefitNotice::optimizeRequested, m_menus->settingsAction(), &QAction::trigger);
    loadFsrsWeights();
    m_refit->showIn(statusBar());
    wireSignals();
    setContent(m_content);
    if (!Settings().value(setting::openedAComponent))
        m_idleStatus = QStringLiteral("Click a component to study it.");
    m_hoverLabel->setText(m_idleStatus);

    // Due counts change as the clock passes learning steps and the day boundary; recall fades.
    auto *minute = new QTimer(this);
    connect(minute, &QTimer::timeout, this, &MainWindow::refreshDueCounts);
    connect(minute, &QTimer::timeout, m_mastery, &MasteryOverlay::refreshInBackground);
    minute->start(60 * 1000);
    restoreLayout();
    m_view->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::setProfileName(const QString &name)
{
    setWindowTitle(name.isEmpty() ? WindowFrame::appName() : WindowFrame::appName() + QStringLiteral(" — ") + name);
}

QAction *MainWindow::switchProfileAction() const
{
    return m_menus->switchProfileAction();
}

void MainWindow::closeSecondaryWindows()
{
    m_windows->closeAll();
}

void MainWindow::learnerChanged(const QString &profileName)
{
    closeSecondaryWindows();
    m_grader->clearUndo(); // the previous learner's grades
    m_grader->setSettings(StudySettings::load(Settings(QFileInfo(m_store.path()).absolutePath())));
    if (isQuizzing())
        leaveQuiz();
    setProfileName(profileName);
    reloadProgress();
    m_refit->showIn(statusBar());
}

void MainWindow::wireSignals()
{
    connect(m_windows, &SecondaryWindows::browserChangedCard, this, &MainWindow::cardStateChanged);
    connect(m_windows, &SecondaryWindows::browserOpened, m_ownCards, &OwnCards::takeBrowser);
    connect(m_windows, &SecondaryWindows::showOnDiagram, this, [this](const QString &cardId) {
        openCard(cardId);
        raise();
        activateWindow();
    });
    connect(m_scene, &DiagramScene::componentActivated, this, &MainWindow::diagramActivated);
    connect(m_scene, &DiagramScene::arrowActivated, this, &MainWindow::diagramActivated); // its cards open alike
    connect(m_scene, &DiagramScene::componentHovered, this, &MainWindow::showHover);
    connect(m_scene, &DiagramScene::labelCoverClicked, this, [this](LabelCoverItem *cover) {
        LabelQuiz::ask(this, *m_scene, cover, [this](const QString &verdict) { showStatus(verdict); });
    });
    connect(m_switcher, &DiagramSwitcher::diagramLoaded, m_mastery, &MasteryOverlay::repaint);
    connect(m_switcher, &DiagramSwitcher::presentRequested, this, [this](const QString &id) { present(id); });
    connect(m_files, &FileActions::message, this, &MainWindow::showStatus);
    connect(m_ownCards, &OwnCards::message, this, &MainWindow::showStatus);
    connect(m_files, &FileActions::progressReplaced, this, &MainWindow::reloadProgress);
    connect(m_search, &SearchBox::cardChosen, this, &MainWindow::openCard);
    connect(m_modes, &StudyModes::cardRequested, this, &MainWindow::openCard);
    connect(m_modes, &StudyModes::modeChanged, m_scene, &DiagramScene::clearMarks);
    connect(m_modes, &StudyModes::componentShown, m_switcher, &DiagramSwitcher::lightComponent);
    new QuizDiagram(quizSession(), m_scene, m_switcher, this);
    connect(m_grader, &Grader::graded, this, &MainWindow::cardStateChanged);
    connect(m_grader, &Grader::undone, this, &MainWindow::cardStateChanged);
    connect(m_grader, &Grader::failed, this,
            [this](const QString &message) { QMessageBox::warning(this, QStringLiteral("Not saved"), message); });
    connect(m_grader, &Grader::leechDetected, this,
            [this](const QString &cardId) { Notices::leechSuspended(this, *m_content, cardId); });
}

CardPane *MainWindow::cardPane() const
{
    return m_modes->cardPane();
}

ComponentStudy *MainWindow::componentStudy() const
{
    return m_modes->backend<ComponentStudy>();
}

ReviewSession *MainWindow::reviewSession() const
{
    return m_modes->backend<ReviewSession>();
}

QuizSession *MainWindow::quizSession() const
{
    return m_modes->backend<QuizSession>();
}

CardBrowser *MainWindow::cardBrowser() const
{
    return m_windows->browser();
}

QWidget *MainWindow::statisticsWindow() const
{
    return m_windows->statistics();
}

PresentationWindow *MainWindow::presentation() const
{
    return m_windows->presentation();
}

QuizPane *MainWindow::quizPane()
{
    return m_modes->quizPane();
}

void MainWindow::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    m_switcher->setContent(m_content);
    m_modes->setContent(m_content);
    m_mastery->setContent(m_content);
    m_files->setContent(m_content);
    m_search->setContent(m_content);
    m_windows->setContent(m_content);
    m_ownCards->setContent(m_content);
    Diagnostics problems = m_content->diagnostics();
    if (auto error = m_switcher->loadError())
        problems.append(*error);
    if (m_content->diagrams().isEmpty())
        problems.append(Diagnostic{QStringLiteral("diagrams"), 0, 0, QStringLiteral("no diagram could be loaded")});
    m_banner->setDiagnostics(problems);
    if (!m_content->walkthroughs().isEmpty() &&
        std::none_of(m_content->walkthroughs().cbegin(), m_content->walkthroughs().cend(),
                     [this](const Walkthrough &w) { return w.id == m_lastWalkthrough; }))
        m_lastWalkthrough = m_content->walkthroughs().first().id;
    cardStateChanged(QString());
}

void MainWindow::openComponent(const QString &componentId)
{
    componentStudy()->open(componentId);
    m_modes->show(componentStudy());
    Settings().setValue(setting::openedAComponent, true);
    m_idleStatus.clear();
    m_hoverLabel->clear();
}

void MainWindow::openCard(const QString &cardId)
{
    const Card *card = m_content->card(cardId);
    if (!card)
        return;
    // Its diagram comes up and its component lights as the mode shows it (componentShown).
    const QString component = card->components.value(0);
    componentStudy()->openAt(component, cardId);
    m_modes->show(componentStudy());
    if (!m_scene->itemsForComponent(component).isEmpty())
        m_view->ensureVisible(m_scene->itemsForComponent(component).first()->rect(), 20, 20);
}

void MainWindow::diagramActivated(const QString &componentId)
{
    if (m_modes->current() && m_modes->current()->takeDiagramClick(componentId))
        m_scene->setSelectedComponent(QString());
    else
        openComponent(componentId);
}

void MainWindow::startReview(bool selected)
{
    reviewSession()->start(selected ? m_scene->selectedComponent() : QString());
    m_modes->show(reviewSession())->setFocus();
}

void MainWindow::startQuiz()
{
    m_scene->setSelectedComponent(QString());
    quizPane()->showSetup();
    m_modes->show(quizSession())->setFocus();
}

void MainWindow::leaveQuiz()
{
    m_modes->back();
}

bool MainWindow::isQuizzing() const
{
    return m_modes->current() == quizSession();
}

void MainWindow::applyStudySettings(const StudySettings &settings)
{
    settings.save(Settings(QFileInfo(m_store.path()).absolutePath()));
    m_grader->setSettings(settings);
    cardStateChanged(QString()); // limits and the day start change what is due
}

void MainWindow::loadFsrsWeights()
{
    if (const auto error = m_grader->loadSavedWeights())
        showStatus(QStringLiteral("Scheduling with the default FSRS parameters: %1").arg(*error));
}

void MainWindow::reloadProgress()
{
    loadFsrsWeights(); // a restored backup or another learner brings their own
    m_modes->reloadProgress();
    cardStateChanged(QString());
    m_windows->progressReplaced();
}

void MainWindow::cardStateChanged(const QString &cardId)
{
    m_mastery->cardChanged(cardId);
    refreshDueCounts();
    m_modes->progressChanged();
    m_windows->cardChanged(cardId);
    m_ownCards->updateUndo();
}

void MainWindow::refreshDueCounts()
{
    const ReviewSession::Counts due = ReviewSession::dueToday(*m_content, *m_grader, QDateTime::currentDateTimeUtc());
    m_dueLabel->setText(QStringLiteral("Due today: %1 to review, %2 learning, %3 new")
                            .arg(due.review)
                            .arg(due.learning)
                            .arg(due.newCards));
    m_menus->reviewAction()->setText(due.total() ? QStringLiteral("&Review (%1 due)").arg(due.total())
                                                 : QStringLiteral("&Review"));
}

void MainWindow::showHover(const QString &componentId)
{
    const Component *c = m_content->registry().component(componentId);
    QString text = c ? c->name + QStringLiteral(": ") + c->role : m_idleStatus;
    if (const ArrowRole *arrow = m_content->registry().arrow(componentId))
        text = m_content->registry().arrowTitle(componentId) + QStringLiteral(": ") + arrow->role;
    if (const QString mastery = c ? m_mastery->describe(componentId) : QString(); !mastery.isEmpty())
        text += QStringLiteral("  —  ") + mastery;
    m_hoverLabel->setText(text);
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, kStatusMs);
}

void MainWindow::showStatistics()
{
    m_windows->showStatistics();
}

void MainWindow::showBrowser()
{
    const bool studying = m_modes->current() == componentStudy();
    m_windows->showBrowser(studying ? m_scene->selectedComponent() : QString());
}

void MainWindow::present(const QString &walkthroughId, bool inWindow)
{
    const auto &all = m_content->walkthroughs();
    const auto found =
        std::find_if(all.cbegin(), all.cend(), [&](const Walkthrough &w) { return w.id == walkthroughId; });
    if (found != all.cend())
        m_lastWalkthrough = walkthroughId;
    m_windows->present(found != all.cend() ? &*found : nullptr, inWindow);
}

void MainWindow::showDiagram(const QString &diagramId)
{
    if (diagramId != m_switcher->diagramId())
        m_switcher->loadDiagram(diagramId);
}

QString MainWindow::diagramId() const
{
    return m_switcher->diagramId();
}

void MainWindow::setLabelsHidden(bool hidden)
{
    if (m_menus->hideLabelsAction()->isChecked() != hidden)
        m_menus->hideLabelsAction()->setChecked(hidden);
    m_switcher->setLabelsHidden(hidden);
}

void MainWindow::restoreLayout()
{
    const Settings s;
    if (!WindowFrame::restoreOnScreen(this, s.value(setting::windowGeometry)))
        WindowFrame::placeFirstTime(this);
    if (!m_splitter->restoreState(s.value(setting::windowSplitter)))
        m_splitter->setSizes({width() * 68 / 100, width() * 32 / 100});
    m_view->setZoom(s.value(setting::diagramZoom));
    m_mastery->setEnabled(s.value(setting::showMastery));
}

void MainWindow::saveLayout() const
{
    const Settings s;
    s.setValue(setting::windowGeometry, saveGeometry());
    s.setValue(setting::windowSplitter, m_splitter->saveState());
    s.setValue(setting::diagramZoom, m_view->zoom());
    s.setValue(setting::showMastery, m_mastery->isEnabled());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace k8sfc
