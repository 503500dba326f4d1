#include "mainwindow.h"

#include "cardpane.h"
#include "componentstudy.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "mastery.h"
#include "masterylegend.h"
#include "masterystore.h"
#include "problemsbanner.h"
#include "statisticswindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

QSettings settings()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
                     QStringLiteral("k8s-flashcards"));
}

const char *const kShortcuts[][2] = {
    {"Click, or Tab / arrow keys then Enter", "Open a component's cards"},
    {"Space", "Reveal the answer"},
    {"1 / 2 / 3 / 4", "Grade: Again / Hard / Good / Easy"},
    {"Ctrl + wheel, Ctrl++ / Ctrl+-", "Zoom the diagram"},
    {"Ctrl+0", "Fit the diagram to the window"},
    {"M", "Show or hide mastery colours"},
    {"Shift+S", "Statistics"},
    {"Drag (when zoomed in)", "Pan the diagram"},
    {"Ctrl+Q", "Quit"},
};

} // namespace

MainWindow::MainWindow(const ContentSet &content, MasteryStore &store, QWidget *parent)
    : QMainWindow(parent), m_content(content), m_store(store)
{
    setWindowTitle(QStringLiteral("K8s Flashcards"));
    m_study = new ComponentStudy(content, store, this);
    m_scene = new DiagramScene(content.registry(), this);
    m_view = new DiagramView(m_scene);
    m_cardPane = new CardPane(content, m_study);
    m_banner = new ProblemsBanner;

    Diagnostics problems = content.diagnostics();
    if (!content.diagrams().isEmpty()) {
        const Diagram *diagram = &content.diagrams().first();
        for (const Diagram &d : content.diagrams())
            if (d.id == QLatin1String("cluster"))
                diagram = &d;
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
    m_splitter->addWidget(m_cardPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_cardPane->setMinimumWidth(320);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_hoverLabel = new QLabel;
    statusBar()->addWidget(m_hoverLabel, 1);
    buildMenus();

    connect(m_scene, &DiagramScene::componentActivated, this, [this](const QString &id) {
        m_cardPane->showComponent(id);
        settings().setValue(QStringLiteral("hints/opened-a-component"), true);
        m_idleStatus.clear();
        m_hoverLabel->clear();
    });
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
    connect(m_study, &ComponentStudy::graded, this, [this] {
        if (isShowingMastery())
            refreshMastery();
        if (m_statistics)
            m_statistics->refresh();
    });
    connect(m_study, &ComponentStudy::failed, this,
            [this](const QString &message) { QMessageBox::warning(this, QStringLiteral("Grade not saved"), message); });
    if (!settings().value(QStringLiteral("hints/opened-a-component")).toBool())
        m_idleStatus = QStringLiteral("Click a component to study it.");
    m_hoverLabel->setText(m_idleStatus);

    restoreLayout();
    m_view->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction *quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(QStringLiteral("&View"));
    QAction *zoomIn = view->addAction(QStringLiteral("Zoom &In"), m_view, &DiagramView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zoomOut = view->addAction(QStringLiteral("Zoom &Out"), m_view, &DiagramView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = view->addAction(QStringLiteral("&Fit Diagram"), m_view, &DiagramView::fitToWindow);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));

    view->addSeparator();
    m_masteryAction = view->addAction(QStringLiteral("Show &Mastery"));
    m_masteryAction->setCheckable(true);
    m_masteryAction->setShortcut(QKeySequence(Qt::Key_M));
    m_masteryAction->setToolTip(QStringLiteral("Colour each component by how well you know its cards (M)"));
    connect(m_masteryAction, &QAction::toggled, this, &MainWindow::setShowingMastery);

    QMenu *study = menuBar()->insertMenu(view->menuAction(), new QMenu(QStringLiteral("&Study"), this))->menu();
    QAction *stats = study->addAction(QStringLiteral("&Statistics…"), this, &MainWindow::showStatistics);
    stats->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_S));

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(QStringLiteral("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    help->addAction(QStringLiteral("&About K8s Flashcards"), this, &MainWindow::showAbout);
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
                                      "<p>Built with Qt %4, yaml-cpp and SQLite.</p>")
                           .arg(QStringLiteral(K8SFC_VERSION))
                           .arg(m_content.cardCount())
                           .arg(m_content.decks().size())
                           .arg(QLatin1String(qVersion())));
}

void MainWindow::showStatistics()
{
    if (!m_statistics) {
        m_statistics = new StatisticsWindow(m_content, m_store, this);
        m_statistics->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_statistics, &QObject::destroyed, this, [this] { m_statistics = nullptr; });
    } else {
        m_statistics->refresh();
    }
    m_statistics->show();
    m_statistics->raise();
    m_statistics->activateWindow();
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

void MainWindow::refreshMastery()
{
    m_mastery = MasteryCalculator::compute(m_content, m_store.allProgress(), QDateTime::currentDateTimeUtc(),
                                           &MasteryCalculator::fsrsRecall);
    m_scene->showMastery(m_mastery);
}

void MainWindow::restoreLayout()
{
    QSettings s = settings();
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 720);
    if (!m_splitter->restoreState(s.value(QStringLiteral("window/splitter")).toByteArray()))
        m_splitter->setSizes({870, 410});
    m_view->setZoom(s.value(QStringLiteral("diagram/zoom"), 1.0).toDouble());
    setShowingMastery(s.value(QStringLiteral("diagram/mastery"), false).toBool());
}

void MainWindow::saveLayout() const
{
    QSettings s = settings();
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
