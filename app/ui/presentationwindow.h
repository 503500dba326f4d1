#pragma once

#include "content.h"

#include <QElapsedTimer>
#include <QWidget>

class QBoxLayout;
class QGraphicsEllipseItem;
class QLabel;
class QProgressBar;

namespace k8sfc {

class DiagramScene;
class DiagramView;
class PresenterConsole;
class WalkthroughPlayer;
struct Walkthrough;

/// Presentation mode: the diagram full screen in the projector theme, a walkthrough stepped with
/// the keys of presentation software (Right/Down/PgDn/Space next, Left/Up/PgUp back, Home/End,
/// number + Enter, B blanks, Esc leaves), the room's question and its answer (A), hidden labels
/// (H hides, Shift+H reveals all, number + Enter reveals one), a laser pointer (L), another
/// diagram (D), and Ctrl +/- for a larger caption and diagram. It never grades anything, so it
/// never writes to the learner's mastery.
class PresentationWindow : public QWidget
{
    Q_OBJECT
public:
    PresentationWindow(ContentSnapshot content, QWidget *parent = nullptr);
    ~PresentationWindow() override;

    /// Starts a walkthrough (nullptr: just the diagram, e.g. for hidden labels).
    void present(const Walkthrough *walkthrough);
    /// Full screen, or a window on one screen (to share it in a call, or beside other windows).
    enum class Framing { FullScreen, Window };
    /// With two screens: full screen on the second, the presenter view on the first. With one:
    /// full screen alone (the narration in the caption), or in a window with the presenter view
    /// as a window of its own beside it.
    void showOnScreens(Framing framing = Framing::FullScreen);
    /// The content was reloaded: find the walkthrough again by id, stay on the same step.
    void setContent(ContentSnapshot content);
    /// The laser pointer (L): a red dot instead of the mouse cursor, kept across diagrams.
    void showLaser(bool on);
    bool isLaserOn() const { return m_laserOn; }

    WalkthroughPlayer *player() const { return m_player; }
    DiagramScene *diagramScene() const { return m_scene; }
    DiagramView *diagramView() const { return m_view; }
    bool isBlanked() const;
    /// The caption's Markdown.
    QString captionText() const;
    QWidget *captionWidget() const;
    double scale() const { return m_scale; }
    PresenterConsole *presenterConsole() const { return m_console; }

signals:
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The caption, the step counter and progress bar, the typed step number and the blank screen.
    void buildChrome();
    void showStep();
    void showDiagram(const QString &diagramId);
    void nextDiagram();
    void openConsole(const QRect &geometry);
    void setScale(double scale);
    void updateCaption();
    void showCaption(const QString &markdown);
    void fitCaptionHeight();
    void applyFonts();
    /// How much the presenter's scale enlarges the diagram (1: fit).
    qreal diagramZoom() const;
    void setBlanked(bool blank);
    /// Digits typed, then Enter: go to that step or reveal that label. True when the key was used.
    bool typeNumberKey(QKeyEvent *event);
    /// The walkthrough's keys: next, previous, first, last, answer. True when the key was used.
    bool stepKey(int key);
    /// Blank, diagram, labels, laser, scale and Esc. True when the key was used.
    bool commandKey(QKeyEvent *event);

    ContentSnapshot m_content;
    DiagramScene *m_scene;
    DiagramView *m_view;
    WalkthroughPlayer *m_player;
    QLabel *m_caption;
    QBoxLayout *m_body; ///< the diagram and the caption: below it, or beside it on a wide screen
    QString m_captionMarkdown;
    QLabel *m_measure; ///< hidden: sizes the caption
    QLabel *m_counter;
    QProgressBar *m_progress;
    QLabel *m_typed;
    QWidget *m_blank;
    QGraphicsEllipseItem *m_laser = nullptr;
    bool m_laserOn = false;
    PresenterConsole *m_console = nullptr;
    QString m_diagramId;
    QString m_number; ///< digits typed before Enter
    double m_scale = 1.0;
};

} // namespace k8sfc
