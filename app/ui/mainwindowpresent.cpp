// MainWindow: presentation mode, walkthroughs, the diagram switcher, hidden labels and export.
#include "mainwindow.h"

#include "componentitem.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "exporter.h"
#include "labelcoveritem.h"
#include "presentationwindow.h"
#include "problemsbanner.h"
#include "searchbox.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>

namespace k8sfc {

void MainWindow::buildPresentMenus(QMenu *file, QMenu *view, QToolBar *bar)
{
    if (bar) {
        bar->addSeparator();
        auto *switcher = m_switcher = new QComboBox;
        switcher->setObjectName(QStringLiteral("diagramSwitcher"));
        switcher->setAccessibleName(QStringLiteral("Diagram"));
        switcher->setToolTip(QStringLiteral("Which diagram to show"));
        for (const Diagram &d : m_content.diagrams())
            switcher->addItem(d.title, d.id);
        switcher->setCurrentIndex(switcher->findData(m_diagramId));
        connect(switcher, &QComboBox::activated, this,
                [this, switcher](int index) { showDiagram(switcher->itemData(index).toString()); });
        bar->addWidget(switcher);
        m_search = new SearchBox(m_content);
        connect(m_search, &SearchBox::cardChosen, this, &MainWindow::openCard);
        QAction *find = new QAction(QStringLiteral("Find a Card"), this);
        find->setShortcut(QKeySequence::Find);
        connect(find, &QAction::triggered, this, [this] {
            m_search->setFocus(Qt::ShortcutFocusReason);
            m_search->selectAll();
        });
        addAction(find);
        QAction *presentAction = bar->addAction(QStringLiteral("Present"));
        presentAction->setToolTip(QStringLiteral("Full-screen presentation of a walkthrough (F5)"));
        connect(presentAction, &QAction::triggered, this, [this] { present(m_lastWalkthrough); });
        auto *spacer = new QWidget;
        spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        bar->addWidget(spacer);
        bar->addWidget(m_search);
        return;
    }
    if (view) {
        view->addSeparator();
        m_hideLabelsAction = view->addAction(QStringLiteral("&Hide Labels"));
        m_hideLabelsAction->setCheckable(true);
        m_hideLabelsAction->setShortcut(QKeySequence(Qt::Key_H));
        m_hideLabelsAction->setToolTip(QStringLiteral("Cover every component's name; click one to name it (H)"));
        connect(m_hideLabelsAction, &QAction::toggled, this, &MainWindow::setLabelsHidden);
        QAction *revealAll =
            view->addAction(QStringLiteral("&Reveal All Labels"), this, [this] { m_scene->revealAllLabels(); });
        revealAll->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_H));

        QMenu *walkthroughs = menuBar()->addMenu(QStringLiteral("&Present"));
        QAction *present = walkthroughs->addAction(QStringLiteral("&Present Walkthrough"), this,
                                                   [this] { this->present(m_lastWalkthrough); });
        present->setShortcut(QKeySequence(Qt::Key_F5));
        QAction *diagramOnly = walkthroughs->addAction(QStringLiteral("Present the &Diagram Alone"), this,
                                                       [this] { this->present(QStringLiteral("-")); });
        diagramOnly->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
        walkthroughs->addSeparator();
        for (const Walkthrough &w : m_content.walkthroughs())
            walkthroughs->addAction(w.title, this, [this, id = w.id] { this->present(id); });
        if (m_lastWalkthrough.isEmpty() && !m_content.walkthroughs().isEmpty())
            m_lastWalkthrough = m_content.walkthroughs().first().id;
    }
    if (file) {
        file->addAction(QStringLiteral("Export View as &PNG…"), this, [this] { exportView(false); });
        file->addAction(QStringLiteral("Export View as &SVG…"), this, [this] { exportView(true); });
        file->addAction(QStringLiteral("Save Walkthrough &Handout as PDF…"), this, &MainWindow::exportHandout);
        file->addSeparator();
        file->addAction(QStringLiteral("&Restore Backup…"), this, &MainWindow::showRestoreDialog);
    }
}

void MainWindow::contentReloaded()
{
    m_banner->setDiagnostics(m_content.diagnostics());
    // The diagram (by id: it may have changed on disk), with what was selected, tinted and hidden.
    const QString selected = m_scene->selectedComponent();
    const Diagram *diagram = m_content.diagram(m_diagramId);
    if (!diagram && !m_content.diagrams().isEmpty())
        diagram = &m_content.diagrams().first();
    if (diagram) {
        m_diagramId = diagram->id;
        if (auto error = m_scene->load(*diagram))
            statusBar()->showMessage(*error, 10000);
        m_scene->setSelectedComponent(selected);
        m_scene->setLabelsHidden(m_hideLabelsAction && m_hideLabelsAction->isChecked());
        m_view->fitToWindow();
    }
    if (m_switcher) {
        m_switcher->clear();
        for (const Diagram &d : m_content.diagrams())
            m_switcher->addItem(d.title, d.id);
        m_switcher->setCurrentIndex(m_switcher->findData(m_diagramId));
    }
    reloadProgress(); // the modes look their cards up again; the mastery and due counts follow
    if (m_search)
        m_search->refresh();
    if (m_presentation)
        m_presentation->contentReloaded();
}

void MainWindow::present(const QString &walkthroughId)
{
    const Walkthrough *walkthrough = nullptr;
    for (const Walkthrough &w : m_content.walkthroughs())
        if (w.id == walkthroughId)
            walkthrough = &w;
    if (walkthrough)
        m_lastWalkthrough = walkthrough->id;
    if (m_presentation)
        m_presentation->close();
    m_presentation = new PresentationWindow(m_content);
    m_presentation->present(walkthrough);
    m_presentation->showOnScreens();
}

void MainWindow::showDiagram(const QString &diagramId)
{
    const Diagram *diagram = m_content.diagram(diagramId);
    if (!diagram || diagramId == m_diagramId)
        return;
    m_diagramId = diagramId;
    const QString selected = m_scene->selectedComponent();
    if (auto error = m_scene->load(*diagram))
        statusBar()->showMessage(*error, 10000);
    m_scene->setSelectedComponent(selected);
    m_scene->setLabelsHidden(m_hideLabelsAction && m_hideLabelsAction->isChecked());
    m_view->setAccessibleName(m_scene->title());
    m_view->fitToWindow();
    if (isShowingMastery())
        setShowingMastery(true);
}

void MainWindow::setLabelsHidden(bool hidden)
{
    if (m_hideLabelsAction && m_hideLabelsAction->isChecked() != hidden)
        m_hideLabelsAction->setChecked(hidden);
    m_scene->setLabelsHidden(hidden);
}

void MainWindow::askForHiddenLabel(LabelCoverItem *cover)
{
    // A self-quiz: name the hidden component, then see it.
    QStringList names;
    for (ComponentItem *item : m_scene->componentItems())
        if (!names.contains(item->name()))
            names.append(item->name());
    names.sort(Qt::CaseInsensitive);
    bool ok = false;
    const QString given = QInputDialog::getItem(
        this, QStringLiteral("Name it"), QStringLiteral("Which component is hidden under %1?").arg(cover->number()),
        names, 0, true, &ok);
    if (!ok)
        return;
    const QString right = cover->component()->name();
    cover->setVisible(false);
    const bool correct = given.trimmed().compare(right, Qt::CaseInsensitive) == 0;
    statusBar()->showMessage(correct ? QStringLiteral("✓ Right: %1.").arg(right)
                                     : QStringLiteral("✗ It is %1 (you said %2).").arg(right, given),
                             8000);
}

void MainWindow::exportView(bool svg)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString name = QStringLiteral("%1/k8s-flashcards-%2.%3")
                             .arg(dir, m_diagramId, svg ? QStringLiteral("svg") : QStringLiteral("png"));
    const QString path = QFileDialog::getSaveFileName(
        this, svg ? QStringLiteral("Export view as SVG") : QStringLiteral("Export view as PNG"), name,
        svg ? QStringLiteral("SVG (*.svg)") : QStringLiteral("PNG (*.png)"));
    if (path.isEmpty())
        return;
    const QRectF source =
        m_view->mapToScene(m_view->viewport()->rect()).boundingRect().intersected(m_scene->diagramRect());
    std::optional<QString> error;
    if (svg) {
        error = Exporter::exportSvg(m_scene, source, path, m_scene->title());
    } else {
        const QStringList sizes{QStringLiteral("1280 × 720"), QStringLiteral("1920 × 1080"),
                                QStringLiteral("2560 × 1440"), QStringLiteral("3840 × 2160")};
        bool ok = false;
        const QString size = QInputDialog::getItem(this, QStringLiteral("PNG size"),
                                                   QStringLiteral("Width × height in pixels:"), sizes, 1, true, &ok);
        if (!ok)
            return;
        const QStringList parts = size.split(QRegularExpression(QStringLiteral("[^0-9]+")), Qt::SkipEmptyParts);
        const QSize pixels(parts.value(0).toInt(), parts.value(1).toInt());
        error = Exporter::exportPng(m_scene, source, pixels, path);
    }
    if (error)
        QMessageBox::warning(this, QStringLiteral("Export"), *error);
    else
        statusBar()->showMessage(QStringLiteral("Saved %1").arg(path), 8000);
}

void MainWindow::exportHandout()
{
    QStringList titles;
    for (const Walkthrough &w : m_content.walkthroughs())
        titles.append(w.title);
    if (titles.isEmpty())
        return;
    bool ok = false;
    const QString title = QInputDialog::getItem(this, QStringLiteral("Handout"), QStringLiteral("Which walkthrough?"),
                                                titles, 0, false, &ok);
    if (!ok)
        return;
    const Walkthrough &w = m_content.walkthroughs().at(titles.indexOf(title));
    const QString path = QFileDialog::getSaveFileName(
        this, QStringLiteral("Save handout as PDF"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' + w.id + QStringLiteral(".pdf"),
        QStringLiteral("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto error = Exporter::exportHandout(m_content, w, path))
        QMessageBox::warning(this, QStringLiteral("Handout"), *error);
    else
        statusBar()->showMessage(QStringLiteral("Saved %1").arg(path), 8000);
}

} // namespace k8sfc
