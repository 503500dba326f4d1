#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QLabel;

namespace k8sfc {

class WalkthroughPlayer;

/// The presenter view on the laptop while the projector shows the diagram, as PowerPoint's:
/// the current narration, the next step, the answer to the room's question, and a timer.
class PresenterConsole : public QWidget
{
    Q_OBJECT
public:
    explicit PresenterConsole(WalkthroughPlayer *player, QWidget *parent = nullptr);
    void refresh();
    /// The current step's Markdown.
    QString currentText() const;

private:
    WalkthroughPlayer *m_player;
    QLabel *m_current;
    QLabel *m_next;
    QLabel *m_answer;
    QLabel *m_clock;
    QElapsedTimer m_elapsed;
    QString m_currentMarkdown;
};

} // namespace k8sfc
