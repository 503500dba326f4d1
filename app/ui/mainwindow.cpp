#include "mainwindow.h"

#include "appsettings.h"
#include "cardbrowser.h"
#include "cardpane.h"
#include "componentstudy.h"
#include "componentitem.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "grader.h"
#include "mastery.h"
#include "masterylegend.h"
#include "masterystore.h"
#include "presentationwindow.h"
#include "problemsbanner.h"
#include "quizanswer.h"
#include "quizpane.h"
#include "quizsession.h"
#include "reviewsession.h"
#include "statisticsloader.h"

#include <QCloseEvent>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QScreen>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace k8sfc {

MainWindow::MainWindow(const ContentSet &content, MasteryStore &store, QWidget *parent)
    : QMainWindow(parent), m_content(content), m_store(store)
{
    setWindowTitle(QStringLiteral("K8s Flashcards"));
    m_grader = new Grader(store, this);
    m_grader->setSettings(StudySettings::load(Settings(QFileInfo(store.path()).absolutePath())));
    m_study = new ComponentStudy(content, *m_grader, this);
    m_review = new ReviewSession(content, *m_grader, this);
    m_scene = new DiagramScene(content.registry(), this);
    m_view = new DiagramView(m_scene);
    m_cardPane = new CardPane(content);
    m_quiz = new QuizSession(content, this);
    m_sidePanes = new QStackedWidget;
    m_sidePanes->addWidget(m_cardPane);
    m_banner = new ProblemsBanner;

    Diagnostics problems = content.diagnostics();
    if (!content.diagrams().isEmpty()) {
        const Diagram *diagram = content.diagram(QStringLiteral("cluster"));
        if (!diagram)
            diagram = &content.diagrams().first();
        m_diagramId = diagram->id;
        if (auto error = m_scene->load(*diagram))
            problems.append(Diagnostic{diagram->file, 0, 0, *error});
        m_view->setAccessibleName(m_scene->title());
    } else {
        problems.append(Diagnostic{QStringLiteral("diagrams"), 0, 0, QStringLiteral("no diagram could be loaded")});
    }
    m_banner->setDiagnostics(problems);

    m_legend = new MasteryLegend;
    m_legend->hide();
    auto *diagramSide = new QWidget;
    auto *diagramLayout = new QVBoxLayout(diagramSide);
    diagramLayout->setContentsMargins(0, 0, 0, 0);
    diagramLayout->setSpacing(0);
    diagramLayout->addWidget(m_legend);
    diagramLayout->addWidget(m_view, 1);
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(diagramSide);
    m_splitter->addWidget(m_sidePanes);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_sidePanes->setMinimumWidth(320);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_hoverLabel = new QLabel;
    m_dueLabel = new QLabel;
    m_dueLabel->setObjectName(QStringLiteral("dueToday"));
    statusBar()->addWidget(m_hoverLabel, 1);
    statusBar()->addPermanentWidget(m_dueLabel);
    buildMenus();

    connect(m_scene, &DiagramScene::componentActivated, this, &MainWindow::diagramActivated);
    connect(m_quiz, &QuizSession::answered, this, &MainWindow::quizAnswered);
    connect(m_quiz, &QuizSession::questionChanged, m_scene, &DiagramScene::clearMarks);
    connect(m_scene, &DiagramScene::labelCoverClicked, this, &MainWindow::askForHiddenLabel);
    connect(m_scene, &DiagramScene::componentHovered, this, [this](const QString &id) {
        const Component *c = m_content.registry().component(id);
        QString text = c ? c->name + QStringLiteral(": ") + c->role : m_idleStatus;
        if (c && isShowingMastery()) {
            const ComponentMastery m = m_mastery.value(id);
            text += m.isUnseen() ? QStringLiteral("  —  not studied yet")
                                 : QStringLiteral("  —  mastery %1% (%2 of %3 cards seen)")
                                       .arg(qRound(m.mastery * 100))
                                       .arg(m.seen)
                                       .arg(m.cards);
        }
        m_hoverLabel->setText(text);
    });
    connect(m_grader, &Grader::graded, this, &MainWindow::cardStateChanged);
    connect(m_grader, &Grader::undone, this, &MainWindow::cardStateChanged);
    connect(m_grader, &Grader::failed, this,
            [this](const QString &message) { QMessageBox::warning(this, QStringLiteral("Not saved"), message); });
    connect(m_grader, &Grader::leechDetected, this, [this](const QString &cardId) {
        const Card *card = m_content.card(cardId);
        statusBar()->showMessage(
            QStringLiteral("Leech: a card you have forgotten %1 times was suspended. Rewrite it or "
                           "study it apart, then unsuspend it in the browser.")
                .arg(Grader::kLeechLapses),
            15000);
        auto *box = new QMessageBox(QMessageBox::Information, QStringLiteral("Leech suspended"),
                                    QStringLiteral("<p>You have forgotten this card %1 times, so it was tagged a "
                                                   "<b>leech</b> and suspended:</p><p><i>%2</i></p><p>Find it in "
                                                   "Browse cards (state: Leeches) to rework or unsuspend it.</p>")
                                        .arg(Grader::kLeechLapses)
                                        .arg(card ? card->front.toHtmlEscaped() : cardId),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    if (!appSettings().value(QStringLiteral("hints/opened-a-component")).toBool())
        m_idleStatus = QStringLiteral("Click a component to study it.");
    m_hoverLabel->setText(m_idleStatus);

    // Due counts change as the clock passes learning steps and the day boundary.
    auto *minute = new QTimer(this);
    connect(minute, &QTimer::timeout, this, &MainWindow::refreshDueCounts);
    connect(minute, &QTimer::timeout, this, &MainWindow::refreshMasteryInBackground);
    minute->start(60 * 1000);
    refreshDueCounts();
    restoreLayout();
    m_view->setFocus();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::statisticsWindow() const
{
    return m_statistics.data();
}

CardBrowser *MainWindow::cardBrowser() const
{
    return m_browser.data();
}

PresentationWindow *MainWindow::presentation() const
{
    return m_presentation.data();
}

void MainWindow::openComponent(const QString &componentId)
{
    if (isQuizzing())
        leaveQuiz();
    m_scene->setSelectedComponent(componentId);
    m_study->open(componentId);
    m_cardPane->setMode(m_study);
    appSettings().setValue(QStringLiteral("hints/opened-a-component"), true);
    m_idleStatus.clear();
    m_hoverLabel->clear();
}

void MainWindow::diagramActivated(const QString &componentId)
{
    if (!isQuizzing()) {
        openComponent(componentId);
        return;
    }
    // During a quiz the diagram is the answer sheet: a click answers a locate question and
    // opens no cards (they would give answers away).
    m_scene->setSelectedComponent(QString());
    if (m_quizPane && m_quizPane->wantsDiagramClick())
        m_quiz->answerComponent(componentId);
}

void MainWindow::quizAnswered(const QuizAnswer &answer)
{
    if (!answer.componentId.isEmpty()) {
        m_scene->markComponent(answer.componentId, ComponentItem::Mark::Right);
        if (!answer.correct && !answer.givenComponentId.isEmpty())
            m_scene->markComponent(answer.givenComponentId, ComponentItem::Mark::Wrong);
    }
    if (!answer.cardId.isEmpty() && m_content.card(answer.cardId))
        m_grader->grade(answer.cardId, answer.rating, answer.timeTakenMs, ReviewKind::Quiz, answer.answeredAt);
}

void MainWindow::startQuiz()
{
    m_scene->setSelectedComponent(QString());
    m_scene->clearMarks();
    QuizPane *pane = quizPane();
    pane->showSetup();
    m_sidePanes->setCurrentWidget(pane);
    pane->setFocus();
}

// Built on the first quiz: most sessions never quiz, and a hidden pane's wrapped labels would
// still be laid out with the window (measured: a tenth of the start-up time).
QuizPane *MainWindow::quizPane()
{
    if (m_quizPane)
        return m_quizPane;
    m_quizPane = new QuizPane(m_content, m_quiz);
    m_quizPane->setMasteryProvider([this] {
        QHash<QString, double> out;
        const auto all =
            MasteryCalculator::compute(m_content, m_store.allProgress(), QDateTime::currentDateTimeUtc(), recall());
        for (const ComponentMastery &m : all)
            if (!m.isUnseen())
                out.insert(m.componentId, m.mastery);
        return out;
    });
    m_sidePanes->addWidget(m_quizPane);
    connect(m_quizPane, &QuizPane::closeRequested, this, &MainWindow::leaveQuiz);
    return m_quizPane;
}

void MainWindow::leaveQuiz()
{
    m_quiz->stop();
    m_scene->clearMarks();
    m_sidePanes->setCurrentWidget(m_cardPane);
}

void MainWindow::applyStudySettings(const StudySettings &settings)
{
    settings.save(Settings(QFileInfo(m_store.path()).absolutePath()));
    m_grader->setSettings(settings);
    refreshDueCounts();
    if (m_statistics)
        StatisticsLoader::refresh(m_statistics);
}

bool MainWindow::isQuizzing() const
{
    return m_quizPane && m_sidePanes->currentWidget() == m_quizPane;
}

void MainWindow::openCard(const QString &cardId)
{
    const Card *card = m_content.card(cardId);
    if (!card)
        return;
    // The card's main component, drawn on this diagram if it can be, else on the one that has it.
    const QString component = card->components.value(0);
    if (m_scene->itemsForComponent(component).isEmpty())
        for (const Diagram &d : m_content.diagrams())
            if (d.componentIds().contains(component)) {
                showDiagram(d.id);
                break;
            }
    if (isQuizzing())
        leaveQuiz();
    m_scene->setSelectedComponent(component);
    m_study->openAt(component, cardId);
    m_cardPane->setMode(m_study);
    if (!m_scene->itemsForComponent(component).isEmpty())
        m_view->ensureVisible(m_scene->itemsForComponent(component).first()->rect(), 20, 20);
}

void MainWindow::startReview(bool selected)
{
    if (isQuizzing())
        leaveQuiz();
    m_review->start(selected ? m_scene->selectedComponent() : QString());
    m_cardPane->setMode(m_review);
    m_cardPane->setFocus();
}

void MainWindow::undo()
{
    m_grader->undo();
}

void MainWindow::cardStateChanged(const QString &cardId)
{
    if (isShowingMastery())
        refreshMastery(cardId);
    refreshDueCounts();
    if (m_statistics)
        StatisticsLoader::refresh(m_statistics);
    if (m_browser)
        m_browser->reloadCard(cardId);
    m_undoAction->setEnabled(m_grader->canUndo());
}

void MainWindow::refreshDueCounts()
{
    const ReviewSession::Counts due = ReviewSession::dueToday(m_content, *m_grader, QDateTime::currentDateTimeUtc());
    m_dueLabel->setText(QStringLiteral("Due today: %1 to review, %2 learning, %3 new")
                            .arg(due.review)
                            .arg(due.learning)
                            .arg(due.newCards));
    m_reviewAction->setText(due.total() ? QStringLiteral("&Review (%1 due)").arg(due.total())
                                        : QStringLiteral("&Review"));
}

void MainWindow::showStatistics()
{
    if (!m_statistics) {
        QString error;
        m_statistics = StatisticsLoader::create(m_content, m_store, *m_grader, this, &error);
        if (!m_statistics) {
            QMessageBox::warning(this, QStringLiteral("Statistics"), error);
            return;
        }
        m_statistics->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        StatisticsLoader::refresh(m_statistics);
    }
    m_statistics->show();
    m_statistics->raise();
    m_statistics->activateWindow();
}

void MainWindow::showBrowser()
{
    if (!m_browser) {
        m_browser = new CardBrowser(m_content, m_store, this);
        m_browser->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_browser, &CardBrowser::cardChanged, this, [this](const QString &id) {
            if (isShowingMastery())
                refreshMastery(id);
            refreshDueCounts();
            if (m_statistics)
                StatisticsLoader::refresh(m_statistics);
        });
        connect(m_browser, &CardBrowser::showOnDiagram, this, [this](const QString &componentId) {
            openComponent(componentId);
            activateWindow();
        });
    }
    if (!m_scene->selectedComponent().isEmpty() && m_cardPane->mode() == m_study)
        m_browser->setComponentFilter(m_scene->selectedComponent());
    m_browser->show();
    m_browser->raise();
    m_browser->activateWindow();
}

bool MainWindow::isShowingMastery() const
{
    return m_masteryAction->isChecked();
}

void MainWindow::setShowingMastery(bool on)
{
    m_masteryAction->setChecked(on);
    m_legend->setVisible(on);
    if (on) {
        refreshMastery();
    } else {
        m_mastery.clear();
        m_scene->showMastery({});
    }
}

RecallFunction MainWindow::recall() const
{
    return [this](const CardProgress &p, const QDateTime &at) { return m_grader->recall(p, at); };
}

void MainWindow::refreshMastery(const QString &cardId)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (cardId.isEmpty() || m_masteryModel.isEmpty()) {
        m_masteryModel.rebuild(m_content, m_store.allProgress(), now, recall());
        ++m_masteryGeneration;
    } else {
        m_masteryModel.update(cardId, m_store.progress(cardId), now, recall());
        if (m_masteryRefreshing)
            m_gradedDuringRefresh.append(cardId);
    }
    m_mastery = m_masteryModel.result();
    m_scene->showMastery(m_mastery);
}

void MainWindow::refreshMasteryInBackground()
{
    if (!isShowingMastery() || m_masteryRefreshing)
        return;
    m_masteryRefreshing = true;
    m_gradedDuringRefresh.clear();
    // Copies: the content and the states are implicitly shared (cheap to copy, safe to read on
    // another thread while this one changes its own), the scheduler is a small value.
    auto job = [content = ContentSet(m_content), progress = m_store.allProgress(), fsrs = m_grader->scheduler(),
                now = QDateTime::currentDateTimeUtc()] {
        MasteryModel model;
        model.rebuild(content, progress, now,
                      [&fsrs](const CardProgress &p, const QDateTime &at) { return Grader::recall(fsrs, p, at); });
        return model;
    };
    auto *watcher = new QFutureWatcher<MasteryModel>(this);
    connect(watcher, &QFutureWatcher<MasteryModel>::finished, this, [this, watcher, generation = m_masteryGeneration] {
        watcher->deleteLater();
        m_masteryRefreshing = false;
        // Dropped when the colours were turned off or rebuilt (new content) meanwhile.
        if (!isShowingMastery() || generation != m_masteryGeneration)
            return;
        m_masteryModel = watcher->result();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QString &id : std::as_const(m_gradedDuringRefresh))
            m_masteryModel.update(id, m_store.progress(id), now, recall());
        m_gradedDuringRefresh.clear();
        m_mastery = m_masteryModel.result();
        m_scene->showMastery(m_mastery);
        emit masteryRefreshed();
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

void MainWindow::restoreLayout()
{
    QSettings s = appSettings();
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: most of a large screen, all of a laptop's.
        const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                              : QRect(0, 0, 1280, 720);
        const double share = screen.width() > 1400 ? 0.85 : 1.0;
        resize(QSize(int(screen.width() * share), int(screen.height() * share)));
        move(screen.center() - rect().center());
    }
    if (!m_splitter->restoreState(s.value(QStringLiteral("window/splitter")).toByteArray()))
        m_splitter->setSizes({width() * 68 / 100, width() * 32 / 100});
    m_view->setZoom(s.value(QStringLiteral("diagram/zoom"), 1.0).toDouble());
    setShowingMastery(s.value(QStringLiteral("diagram/mastery"), false).toBool());
}

void MainWindow::saveLayout() const
{
    QSettings s = appSettings();
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("diagram/zoom"), m_view->zoom());
    s.setValue(QStringLiteral("diagram/mastery"), isShowingMastery());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace k8sfc
