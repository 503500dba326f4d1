#pragma once

#include <QHash>
#include <QMainWindow>

class QSplitter;
class QLabel;

namespace k8sfc {

class CardPane;
class ComponentStudy;
class ContentSet;
class DiagramScene;
class DiagramView;
class MasteryStore;
class MasteryLegend;
struct ComponentMastery;
class ProblemsBanner;
class StatisticsWindow;

/// The main window: the diagram beside the card pane. It builds the widgets, wires their
/// signals and remembers its layout; the work is done by the mode backends in core.
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

    bool isShowingMastery() const;
    StatisticsWindow *statisticsWindow() const { return m_statistics; }
    void setShowingMastery(bool on);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreLayout();
    void saveLayout() const;
    void showShortcuts();
    void showAbout();
    void refreshMastery();
    void showStatistics();

    const ContentSet &m_content;
    ComponentStudy *m_study;
    DiagramScene *m_scene;
    DiagramView *m_view;
    CardPane *m_cardPane;
    ProblemsBanner *m_banner;
    QSplitter *m_splitter;
    QLabel *m_hoverLabel;
    QString m_idleStatus; ///< shown in the status bar when nothing is hovered
    MasteryStore &m_store;
    QAction *m_masteryAction = nullptr;
    MasteryLegend *m_legend = nullptr;
    QHash<QString, ComponentMastery> m_mastery;
    StatisticsWindow *m_statistics = nullptr;
};

} // namespace k8sfc
