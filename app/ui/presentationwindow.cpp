#include "presentationwindow.h"

#include "arrowitem.h"
#include "settings.h"
#include "cardtext.h"
#include "theme.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "labelcoveritem.h"
#include "presenterconsole.h"
#include "stepframe.h"
#include "walkthroughplayer.h"
#include "windowframe.h"

#include <QCloseEvent>
#include <QGraphicsEllipseItem>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QProgressBar>
#include <QScreen>
#include <QVBoxLayout>
#include <QWindow>

namespace k8sfc {

namespace {
constexpr double kMinScale = 0.7;
constexpr double kMaxScale = 2.5;
constexpr int kCaptionPointSize = 22; // readable from the back of a classroom at 1080p
// Wider than this (16:10 and 16:9 screens), the caption is a column beside the diagram.
constexpr double kBesideAspect = 1.5;
constexpr double kCaptionColumnShare = 0.3;

// A step with a question for the room shows the title and the question first: the narration
// would give the answer away. The answer (A) brings the narration and the answer.
QString captionFor(const WalkthroughStep &step, bool answerShown, bool revealed)
{
    // An ask-next step hides its next hop: the narration would name it.
    if (!revealed)
        return QStringLiteral("### %1\n\n**Question for the room:** %2").arg(step.title, askNextQuestion());
    if (step.question.isEmpty())
        return QStringLiteral("### %1\n\n%2").arg(step.title, step.narration);
    if (!answerShown)
        return QStringLiteral("### %1\n\n**Question for the room:** %2").arg(step.title, step.question);
    return QStringLiteral("### %1\n\n%2\n\n**Question for the room:** %3\n\n**Answer:** %4")
        .arg(step.title, step.narration, step.question, step.answer);
}
// The narration under the diagram: white on near-black, wrapped, Markdown.
QLabel *captionLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("caption"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText); // CardText's: a label's own Markdown would read pictures
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setStyleSheet(QStringLiteral("QLabel { background: #10151D; color: #FFFFFF; padding: 14px 28px; }"));
    return label;
}
} // namespace

PresentationWindow::PresentationWindow(ContentSnapshot content, QWidget *parent)
    : QWidget(parent, Qt::Window), m_content(std::move(content))
{
    setWindowTitle(WindowFrame::title(QStringLiteral("Presentation")));
    WindowFrame::installCloseKeys(this, this, false); // Escape also clears a step number being typed
    setAttribute(Qt::WA_DeleteOnClose);
    // Projector theme: white stage, near-black text, no chrome.
    setStyleSheet(QStringLiteral("PresentationWindow, QWidget#stage { background: white; }"));
    m_scene = new DiagramScene(this);
    m_view = new DiagramView(m_scene);
    m_view->setFocusPolicy(Qt::NoFocus); // the keys are the presenter's, not the diagram's
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->viewport()->setMouseTracking(true); // for the laser; hover effects are off (showDiagram)
    m_view->viewport()->installEventFilter(this);
    m_player = new WalkthroughPlayer(this);

    buildChrome();

    connect(m_player, &WalkthroughPlayer::stepChanged, this, &PresentationWindow::showStep);
    connect(m_player, &WalkthroughPlayer::answerShown, this, &PresentationWindow::updateCaption);
    connect(m_player, &WalkthroughPlayer::revealed, this, &PresentationWindow::showStep);
    connect(m_scene, &DiagramScene::labelCoverClicked, this, [](LabelCoverItem *cover) { cover->setVisible(false); });
    setScale(Settings().value(setting::presentationScale));
    if (!m_content->diagrams().isEmpty())
        showDiagram(m_content->diagram(kDefaultDiagramId) ? QString(kDefaultDiagramId)
                                                          : m_content->diagrams().first().id);
}

PresentationWindow::~PresentationWindow() = default;

void PresentationWindow::buildChrome()
{
    m_caption = captionLabel(nullptr);
    m_measure = captionLabel(this);
    m_measure->hide(); // lays out the captions this one may hold, to size it once for all
    m_counter = new QLabel;
    m_counter->setObjectName(QStringLiteral("stepCounter"));
    m_counter->setStyleSheet(QStringLiteral("QLabel { color: #10151D; font-weight: bold; }"));
    m_progress = new QProgressBar;
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->setStyleSheet(QStringLiteral("QProgressBar { border: none; background: #E3E6EB; }"
                                             " QProgressBar::chunk { background: #F2A900; }"));
    m_typed = new QLabel(m_view);
    m_typed->setStyleSheet(QStringLiteral("QLabel { background: #10151D; color: white; padding: 8px 16px;"
                                          " border-radius: 6px; }"));
    m_typed->hide();

    auto *top = new QHBoxLayout;
    top->setContentsMargins(16, 8, 16, 0);
    top->addWidget(m_progress, 1);
    top->addSpacing(16);
    top->addWidget(m_counter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    m_body = new QBoxLayout(QBoxLayout::TopToBottom);
    m_body->setSpacing(0);
    m_body->addWidget(m_view, 1);
    m_body->addWidget(m_caption);
    layout->addLayout(m_body, 1);

    m_blank = new QWidget(this);
    m_blank->setStyleSheet(QStringLiteral("background: black;"));
    m_blank->hide();
}

void PresentationWindow::present(const Walkthrough *walkthrough)
{
    if (walkthrough && walkthrough->diagramId != m_diagramId)
        showDiagram(walkthrough->diagramId);
    m_player->setWalkthrough(walkthrough);
    if (!walkthrough)
        showStep();
}

void PresentationWindow::setContent(ContentSnapshot content)
{
    const QString id = m_player->walkthrough() ? m_player->walkthrough()->id : QString();
    const int position = m_player->position();
    m_player->setWalkthrough(nullptr); // it lives in the old snapshot
    m_content = std::move(content);
    const QString diagram = m_diagramId;
    m_diagramId.clear();
    showDiagram(diagram);
    for (const Walkthrough &w : m_content->walkthroughs())
        if (w.id == id) {
            present(&w);
            m_player->goToNumber(position + 1);
            return;
        }
    showStep();
}

void PresentationWindow::showOnScreens(Framing framing)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    QScreen *primary = QGuiApplication::primaryScreen();
    if (screens.size() > 1) {
        // The projector is the screen the laptop is not: the presenter keeps the primary one.
        QScreen *projector = screens.at(1) == primary ? screens.at(0) : screens.at(1);
        setGeometry(projector->geometry());
        openConsole(primary->availableGeometry());
    } else if (primary && framing == Framing::Window) {
        // Side by side: the presentation (what is shared) larger, the presenter view beside it.
        const QRect free = primary->availableGeometry();
        const int split = free.width() * 62 / 100;
        showNormal();
        setGeometry(QRect(free.topLeft(), QSize(split, free.height())));
        openConsole(QRect(free.left() + split, free.top(), free.width() - split, free.height()));
        activateWindow();
        setFocus();
        return;
    } else if (primary) {
        setGeometry(primary->geometry()); // without a window manager, full screen needs the size too
    }
    showFullScreen();
    activateWindow();
    setFocus();
}

void PresentationWindow::openConsole(const QRect &geometry)
{
    m_console = new PresenterConsole(m_player, this);
    m_console->setGeometry(geometry);
    m_console->show();
    m_caption->hide(); // the narration is in the presenter view
}

void PresentationWindow::showDiagram(const QString &diagramId)
{
    const Diagram *diagram = m_content->diagram(diagramId);
    if (!diagram)
        return;
    m_diagramId = diagramId;
    const bool hidden = m_scene->labelsHidden();
    m_scene->load(*diagram, m_content->registry());
    m_scene->setLabelsHidden(hidden);
    // No tint follows the pointer across the projected diagram.
    for (ComponentItem *item : m_scene->componentItems())
        item->setAcceptHoverEvents(false);
    for (ArrowItem *arrow : m_scene->arrowItems())
        arrow->setAcceptHoverEvents(false);
    m_view->setAccessibleName(m_scene->title());
    m_laser = nullptr; // the scene's items were replaced; a laser that was on stays on
    showLaser(m_laserOn);
    m_view->animateTo({}, 0);
}

void PresentationWindow::nextDiagram()
{
    const QList<Diagram> &diagrams = m_content->diagrams();
    for (qsizetype i = 0; i < diagrams.size(); ++i)
        if (diagrams.at(i).id == m_diagramId) {
            showDiagram(diagrams.at((i + 1) % diagrams.size()).id);
            break;
        }
    showStep();
}

void PresentationWindow::showStep()
{
    const WalkthroughStep *step = m_player->current();
    const Walkthrough *w = m_player->walkthrough();
    const bool onItsDiagram = w && w->diagramId == m_diagramId;
    if (step && onItsDiagram) {
        // The presenter's larger diagram narrows the frame around what is lit, never past it. The
        // frame holds the whole step, so revealing an ask-next step's hidden part does not move it.
        const WalkthroughStep shown = m_player->shown();
        m_scene->setSpotlight(shown.components, shown.arrows, shown.reverseArrows);
        m_view->setZoom(1.0);
        m_view->animateTo(stepFrame(*m_scene, *step, diagramZoom()));
    } else {
        m_scene->setSpotlight({}, {}, {});
        m_view->setZoom(diagramZoom());
        m_view->animateTo({});
    }
    m_progress->setVisible(step);
    m_counter->setVisible(step);
    if (step) {
        m_progress->setRange(0, m_player->count());
        m_progress->setValue(m_player->position() + 1);
        m_counter->setText(QStringLiteral("%1 / %2").arg(m_player->position() + 1).arg(m_player->count()));
    }
    updateCaption();
}

QString PresentationWindow::captionText() const
{
    return m_captionMarkdown;
}

QWidget *PresentationWindow::captionWidget() const
{
    return m_caption;
}

void PresentationWindow::updateCaption()
{
    const WalkthroughStep *step = m_player->current();
    if (!step)
        showCaption(m_scene->labelsHidden() ? QStringLiteral("**Which component is which?** Type a number and "
                                                             "Enter to reveal it; Shift+H reveals all.")
                                            : QStringLiteral("**%1**").arg(m_scene->title()));
    else
        showCaption(captionFor(*step, m_player->isAnswerShown(), m_player->isRevealed()));
    fitCaptionHeight();
}

void PresentationWindow::showCaption(const QString &markdown)
{
    m_captionMarkdown = markdown;
    m_caption->setText(CardText::labelHtml(markdown, m_caption->font(), theme::captionPalette()));
}

void PresentationWindow::fitCaptionHeight()
{
    // A wide screen (16:9, 16:10) gets the caption as a column beside the diagram, which is about
    // as tall as it is wide: below it, the diagram would fill only half the projector's width.
    const bool beside = width() >= kBesideAspect * height();
    m_body->setDirection(beside ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    const int columnWidth = int(width() * kCaptionColumnShare);
    // As tall as the longest caption of the walkthrough, fully revealed: the diagram then keeps
    // its scale and place from step to step, and no caption is ever cut.
    QStringList texts{m_captionMarkdown};
    if (const Walkthrough *w = m_player->walkthrough())
        for (const WalkthroughStep &step : w->steps)
            texts.append(captionFor(step, true, true));
    m_measure->ensurePolished();
    m_measure->setFont(m_caption->font());
    int height = 0;
    for (const QString &text : std::as_const(texts)) {
        m_measure->setText(CardText::labelHtml(text, m_caption->font(), theme::captionPalette()));
        height = std::max(height, m_measure->heightForWidth(beside ? columnWidth : width()));
    }
    if (beside) {
        m_caption->setMinimumHeight(std::min(height, this->height()));
        m_caption->setMaximumHeight(QWIDGETSIZE_MAX);
        m_caption->setFixedWidth(columnWidth);
    } else {
        m_caption->setMinimumWidth(0);
        m_caption->setMaximumWidth(QWIDGETSIZE_MAX);
        m_caption->setFixedHeight(height);
    }
}

qreal PresentationWindow::diagramZoom() const
{
    return m_scale > 1.0 ? 1.0 + (m_scale - 1.0) * 0.5 : 1.0;
}

void PresentationWindow::setScale(double scale)
{
    m_scale = std::clamp(scale, kMinScale, kMaxScale);
    Settings().setValue(setting::presentationScale, m_scale);
    applyFonts();
    showStep();
}

void PresentationWindow::applyFonts()
{
    // The caption is sized for 1080 lines; a smaller screen scales it down with the diagram, or
    // the caption would take half of a 720-line projector.
    const double screen = std::clamp(height() / 1080.0, 0.6, 1.5);
    QFont f = font();
    f.setPointSizeF(kCaptionPointSize * m_scale * screen);
    m_caption->setFont(f);
    if (!m_captionMarkdown.isEmpty())
        showCaption(m_captionMarkdown); // Markdown's spacing follows the font
    QFont small = f;
    small.setPointSizeF(f.pointSizeF() * 0.8);
    m_counter->setFont(small);
    m_typed->setFont(f);
}

void PresentationWindow::setBlanked(bool blank)
{
    m_blank->setGeometry(rect());
    m_blank->setVisible(blank);
    if (blank)
        m_blank->raise();
}

bool PresentationWindow::isBlanked() const
{
    return m_blank->isVisible();
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    if (isBlanked() && event->key() != Qt::Key_Escape) {
        // Any key brings the picture back, and does only that: a remote's "next" pressed to end
        // the pause must not also skip the step the room is about to see.
        setBlanked(false);
        return;
    }
    if (typeNumberKey(event) || stepKey(event->key()) || commandKey(event))
        return;
    QWidget::keyPressEvent(event);
}

bool PresentationWindow::typeNumberKey(QKeyEvent *event)
{
    const int key = event->key();
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (key >= Qt::Key_0 && key <= Qt::Key_9 && !ctrl) {
        m_number += QChar(u'0' + (key - Qt::Key_0));
        m_typed->setText(m_scene->labelsHidden() && !m_player->current()
                             ? QStringLiteral("Reveal %1…").arg(m_number)
                             : QStringLiteral("Go to step %1…").arg(m_number));
        m_typed->adjustSize();
        m_typed->move(24, 24);
        m_typed->show();
        return true;
    }
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !m_number.isEmpty()) {
        const int n = m_number.toInt();
        m_number.clear();
        m_typed->hide();
        if (m_scene->labelsHidden() && (!m_player->current() || !m_player->goToNumber(n)))
            m_scene->revealLabel(n);
        else
            m_player->goToNumber(n);
        return true;
    }
    return false;
}

bool PresentationWindow::stepKey(int key)
{
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
    case Qt::Key_N: m_player->next(); return true;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
    case Qt::Key_P: m_player->previous(); return true;
    case Qt::Key_Home: m_player->first(); return true;
    case Qt::Key_End: m_player->last(); return true;
    case Qt::Key_A: m_player->showAnswer(); return true;
    default: return false;
    }
}

bool PresentationWindow::commandKey(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_B:
    case Qt::Key_Period: setBlanked(!isBlanked()); return true;
    case Qt::Key_D: nextDiagram(); return true;
    case Qt::Key_H:
        if (event->modifiers() & Qt::ShiftModifier) {
            m_scene->revealAllLabels();
        } else {
            m_scene->setLabelsHidden(true);
        }
        updateCaption();
        return true;
    case Qt::Key_L: showLaser(!m_laserOn); return true;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (ctrl)
            setScale(m_scale * 1.15);
        return ctrl;
    case Qt::Key_Minus:
        if (ctrl)
            setScale(m_scale / 1.15);
        return ctrl;
    case Qt::Key_Escape:
        if (!m_number.isEmpty()) {
            m_number.clear();
            m_typed->hide();
            return true;
        }
        close();
        return true;
    default: return false;
    }
}

void PresentationWindow::showLaser(bool on)
{
    m_laserOn = on;
    if (on && !m_laser) {
        m_laser = m_scene->addEllipse(-9, -9, 18, 18, QPen(QColor(255, 255, 255), 2), QColor(0xE0, 0x1E, 0x1E));
        m_laser->setZValue(100);
    }
    if (m_laser)
        m_laser->setVisible(false); // until the pointer moves
    m_view->viewport()->setCursor(on ? Qt::BlankCursor : Qt::ArrowCursor);
}

bool PresentationWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::MouseMove && m_laser && m_laserOn) {
        m_laser->setPos(m_view->mapToScene(static_cast<QMouseEvent *>(event)->position().toPoint()));
        m_laser->setVisible(true);
    }
    if (watched == m_view->viewport() && event->type() == QEvent::ToolTip)
        return true; // no hover effects while presenting
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_blank->setGeometry(rect());
    return QWidget::eventFilter(watched, event);
}

void PresentationWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyFonts();
    fitCaptionHeight();
}

void PresentationWindow::closeEvent(QCloseEvent *event)
{
    if (m_console)
        m_console->close();
    emit closed();
    QWidget::closeEvent(event);
}

} // namespace k8sfc
