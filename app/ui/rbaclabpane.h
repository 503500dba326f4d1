#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QShortcut;
class QTabWidget;

namespace k8sfc::rbac {
struct Binding;
struct Role;
} // namespace k8sfc::rbac

namespace k8sfc {

class DiagramScene;
class DiagramSwitcher;
class RbacLabSession;
class RbacPolicyPane;

/// The RBAC lab mode's front end, on the RBAC diagram: pick a scenario, answer "Can X do VERB on
/// RESOURCE in NS?" with Yes or No and then the deciding binding; see the truth, the chain lit on
/// the diagram and the rule's YAML. RbacLabSession judges; the window records the reviews. A second
/// page, RbacPolicyPane, asks the learner's own policy file.
class RbacLabPane : public QWidget
{
    Q_OBJECT
public:
    RbacLabPane(RbacLabSession *session, DiagramSwitcher *switcher, DiagramScene *scene, QWidget *parent = nullptr);

    /// Shows the RBAC diagram (the one shown before comes back when the lab is left) and the
    /// first scenario's first question if none is under way.
    void open();
    /// The page for the learner's own policy (File → Open RBAC Policy…, or a YAML file dropped here).
    RbacPolicyPane *policyPane() const { return m_policy; }
    void showPolicy();
    /// Lights the answered question's chain again (the diagram was loaded anew: a content reload).
    void relight();

    // For tests and screen readers: the controls by role.
    QComboBox *scenarioBox() const { return m_scenarios; }
    QPushButton *yesButton() const { return m_yes; }
    QPushButton *noButton() const { return m_no; }
    QListWidget *bindingList() const { return m_bindings; }
    QPushButton *nextButton() const { return m_next; }
    QLabel *verdictLabel() const { return m_verdict; }
    QPlainTextEdit *yamlView() const { return m_yaml; }

signals:
    /// Escape: back to the mode before the lab.
    void closeRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *buildScenarioPage();
    void showQuestion();
    void sayYesOrNo(bool yes);
    void chooseBinding(QListWidgetItem *item);
    void showOutcome();
    /// Lights subject → binding → role → rule on the diagram and shows the rule's YAML, marked.
    void showChain(const rbac::Binding &binding, int subject, const rbac::Role &role, int rule);
    void leftLab();

    RbacLabSession *m_session;
    DiagramSwitcher *m_switcher;
    DiagramScene *m_scene;
    QString m_previousDiagram;
    QTabWidget *m_tabs;
    RbacPolicyPane *m_policy;
    QComboBox *m_scenarios;
    QLabel *m_story;
    QLabel *m_prompt;
    QPushButton *m_yes;
    QPushButton *m_no;
    QLabel *m_step;
    QListWidget *m_bindings;
    QLabel *m_verdict;
    QLabel *m_reason;
    QPlainTextEdit *m_yaml;
    QPushButton *m_next;
    QList<QShortcut *> m_shortcuts;
    int m_saidYes = -1; ///< -1 before Yes or No, then 0 or 1
};

} // namespace k8sfc
