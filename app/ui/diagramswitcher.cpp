#include "diagramswitcher.h"

#include "diagramscene.h"
#include "diagramview.h"

#include <QComboBox>
#include <QMenu>

namespace k8sfc {

DiagramSwitcher::DiagramSwitcher(ContentSnapshot content, DiagramScene *scene, DiagramView *view, QObject *parent)
    : QObject(parent), m_content(std::move(content)), m_scene(scene), m_view(view)
{
    m_combo = new QComboBox;
    m_combo->setObjectName(QStringLiteral("diagramSwitcher"));
    m_combo->setAccessibleName(QStringLiteral("Diagram"));
    m_combo->setToolTip(QStringLiteral("Which diagram to show"));
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QString id = m_combo->itemData(index).toString();
        if (id != m_diagramId)
            loadDiagram(id);
    });
}

void DiagramSwitcher::setWalkthroughMenu(QMenu *menu)
{
    m_walkthroughMenu = menu;
    fillWalkthroughMenu();
}

bool DiagramSwitcher::loadDiagram(const QString &diagramId)
{
    const Diagram *diagram = m_content->diagram(diagramId);
    if (!diagram)
        return false;
    m_diagramId = diagram->id;
    const QString selected = m_scene->selectedComponent();
    m_loadError.reset();
    if (auto error = m_scene->load(*diagram, m_content->registry()))
        m_loadError = Diagnostic{diagram->file, 0, 0, *error};
    m_scene->setSelectedComponent(selected);
    m_scene->setLabelsHidden(m_labelsHidden);
    m_view->setAccessibleName(m_scene->title());
    m_view->fitToWindow();
    m_combo->setCurrentIndex(m_combo->findData(m_diagramId));
    emit diagramLoaded(m_diagramId);
    return true;
}

void DiagramSwitcher::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    fillCombo();
    fillWalkthroughMenu();
    const QList<Diagram> &diagrams = m_content->diagrams();
    if (!loadDiagram(m_diagramId) && !loadDiagram(QString(kDefaultDiagramId)) && !diagrams.isEmpty())
        loadDiagram(diagrams.first().id);
}

void DiagramSwitcher::setLabelsHidden(bool hidden)
{
    m_labelsHidden = hidden;
    m_scene->setLabelsHidden(hidden);
}

QString DiagramSwitcher::diagramFor(const QString &componentId) const
{
    if (!m_scene->itemsForComponent(componentId).isEmpty() || !m_scene->arrowItemsFor(componentId).isEmpty())
        return m_diagramId;
    // An arrow id without copy suffixes is drawn as its copies.
    const QString arrowBase = arrowBaseId(componentId);
    for (const Diagram &d : m_content->diagrams()) {
        if (d.componentIds().contains(componentId))
            return d.id;
        for (const DiagramElement &e : d.elements)
            if (!arrowBase.isEmpty() && (e.id == componentId || arrowBaseId(e.id) == componentId))
                return d.id;
    }
    return m_diagramId;
}

void DiagramSwitcher::lightComponent(const QString &componentId)
{
    if (const QString id = componentId.isEmpty() ? m_diagramId : diagramFor(componentId); id != m_diagramId)
        loadDiagram(id);
    m_scene->setSelectedComponent(componentId);
}

void DiagramSwitcher::fillCombo()
{
    m_combo->clear();
    for (const Diagram &d : m_content->diagrams())
        m_combo->addItem(d.title, d.id);
    m_combo->setCurrentIndex(m_combo->findData(m_diagramId));
}

void DiagramSwitcher::fillWalkthroughMenu()
{
    if (!m_walkthroughMenu)
        return;
    qDeleteAll(m_walkthroughActions);
    m_walkthroughActions.clear();
    for (const Walkthrough &w : m_content->walkthroughs()) {
        QAction *action = m_walkthroughMenu->addAction(w.title);
        connect(action, &QAction::triggered, this, [this, id = w.id] { emit presentRequested(id); });
        m_walkthroughActions.append(action);
    }
}

} // namespace k8sfc
