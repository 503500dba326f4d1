#pragma once

#include "content.h"

#include <QList>

#include <optional>
#include <QObject>

class QAction;
class QComboBox;
class QMenu;

namespace k8sfc {

class DiagramScene;
class DiagramView;

/// Which diagram the window shows: the tool bar's switcher, and one loadDiagram() for both a
/// switch and a reload, which keeps the selection and the hidden labels, names the view for
/// screen readers and fits it. New content also rebuilds the switcher and the Present menu's list
/// of walkthroughs.
class DiagramSwitcher : public QObject
{
    Q_OBJECT
public:
    /// Shows nothing until setContent() or loadDiagram().
    DiagramSwitcher(ContentSnapshot content, DiagramScene *scene, DiagramView *view, QObject *parent = nullptr);

    /// The drop-down for the tool bar.
    QComboBox *comboBox() const { return m_combo; }
    /// The menu whose walkthrough entries this keeps current (after its fixed entries).
    void setWalkthroughMenu(QMenu *menu);
    QString diagramId() const { return m_diagramId; }
    /// Loads the diagram (on a reload, the same id again). False when there is no such diagram.
    bool loadDiagram(const QString &diagramId);
    /// New content: the same diagram again if it still exists, else the default one.
    void setContent(ContentSnapshot content);
    void setLabelsHidden(bool hidden);
    bool labelsHidden() const { return m_labelsHidden; }
    /// Why the diagram last loaded could not be drawn, if it could not (its file, then the reason).
    std::optional<Diagnostic> loadError() const { return m_loadError; }
    /// Id of the diagram a card's main component is drawn on: this one if it is here.
    QString diagramFor(const QString &componentId) const;
    /// Selects every copy of the component (empty: none), on the diagram that has it.
    void lightComponent(const QString &componentId);

signals:
    /// The scene holds a newly loaded diagram (its items are new).
    void diagramLoaded(const QString &diagramId);
    /// A walkthrough was chosen in the Present menu.
    void presentRequested(const QString &walkthroughId);

private:
    void fillCombo();
    void fillWalkthroughMenu();

    ContentSnapshot m_content;
    DiagramScene *m_scene;
    DiagramView *m_view;
    QComboBox *m_combo;
    QMenu *m_walkthroughMenu = nullptr;
    QList<QAction *> m_walkthroughActions;
    QString m_diagramId;
    bool m_labelsHidden = false;
    std::optional<Diagnostic> m_loadError;
};

} // namespace k8sfc
