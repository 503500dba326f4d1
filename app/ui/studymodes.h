#pragma once

#include "content.h"
#include "modebackend.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

class QStackedWidget;
class QWidget;

namespace k8sfc {

class CardPane;
class DiagramScene;
class DiagramSwitcher;
class Grader;
class QuizPane;
class RbacLabPane;

/// The study modes of the side pane, each a core backend (ModeBackend) fronted by one widget,
/// created and registered in one place: the constructor. A new mode is a backend class, a widget
/// class and one registration line there. The pane shows one mode at a time; a widget is built
/// when its mode first shows.
class StudyModes : public QObject
{
    Q_OBJECT
public:
    StudyModes(ContentSnapshot content, Grader &grader, QStackedWidget *pane, QObject *parent = nullptr);

    /// The registered backend of that type.
    template <class Backend>
    Backend *backend() const
    {
        for (const Mode &m : m_modes)
            if (auto *b = qobject_cast<Backend *>(m.backend))
                return b;
        return nullptr;
    }
    /// Puts a mode's widget in the pane (building it on first use); the mode left is told, the
    /// mode shown catches up with what changed while it was hidden.
    QWidget *show(ModeBackend *mode);
    /// Back to the mode shown before the current one (the quiz's "Back to studying"), or to
    /// the first hint when there was none.
    void back();
    /// The mode on screen, or null before the first.
    ModeBackend *current() const { return m_current; }
    CardPane *cardPane() const { return m_cardPane; }
    /// The quiz's pane, built on first use: most sessions never quiz, and a hidden pane's wrapped
    /// labels would still be laid out with the window (measured: a tenth of the start-up time).
    QuizPane *quizPane();
    /// The diagram the RBAC lab works on; set before the lab first shows.
    void setDiagram(DiagramSwitcher *switcher, DiagramScene *scene);
    /// The RBAC lab's pane, built on first use like the quiz's.
    RbacLabPane *rbacLabPane();
    /// Study → RBAC Lab…: the lab in the side pane, on the RBAC diagram.
    void startRbacLab();
    /// File → Open RBAC Policy…: the lab's page for the learner's own policy, then a file dialog.
    void openRbacPolicy();
    /// The lab, with `path` (an RBAC export) read under "Your policy": --rbac-lab POLICY.
    void openRbacPolicyFile(const QString &path);
    /// Mastery per component, asked for when a quiz starts ("weakest components first").
    void setMasteryProvider(std::function<QHash<QString, double>()> provider);
    /// New content for every mode.
    void setContent(ContentSnapshot content);
    /// The learner's grades were replaced underneath: every mode reads them again.
    void reloadProgress();
    /// A card's state changed (any grade, undo, suspension, new settings): the mode on screen
    /// brings its header and counts up to date. The window calls it for every such change.
    void progressChanged();

signals:
    void modeChanged(k8sfc::ModeBackend *mode);
    /// The component to light for what a card-by-card mode shows now (empty: none), each time
    /// its card changes.
    void componentShown(const QString &componentId);
    /// A mode asks to open a card (the RBAC lab's risks link to the cards that explain them).
    void cardRequested(const QString &cardId);

private:
    struct Mode
    {
        ModeBackend *backend;
        std::function<QWidget *()> widget; ///< builds or fetches the widget and points it at the backend
    };
    void registerMode(ModeBackend *backend, std::function<QWidget *()> widget);
    void announceComponent();

    QStackedWidget *m_pane;
    QList<Mode> m_modes;
    ModeBackend *m_current = nullptr;
    ModeBackend *m_previous = nullptr;
    CardPane *m_cardPane;
    QuizPane *m_quizPane = nullptr;
    RbacLabPane *m_labPane = nullptr;
    DiagramSwitcher *m_switcher = nullptr;
    DiagramScene *m_scene = nullptr;
    std::function<QHash<QString, double>()> m_mastery;
};

} // namespace k8sfc
