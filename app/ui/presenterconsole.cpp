#include "presenterconsole.h"

#include "cardtext.h"
#include "theme.h"
#include "walkthroughplayer.h"
#include "windowframe.h"

#include <QGridLayout>
#include <QLabel>
#include <QTimer>

namespace k8sfc {

namespace {

QLabel *panel(const QString &name, double scale)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText); // CardText's: a label's own Markdown would read pictures
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setStyleSheet(
        QStringLiteral("QLabel { background: #1F2633; color: #F5F7FA; padding: 14px; border-radius: 8px; }"));
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * scale);
    label->setFont(f);
    return label;
}

void showMarkdown(QLabel *label, const QString &markdown)
{
    label->setText(CardText::labelHtml(markdown, label->font(), theme::captionPalette()));
}

} // namespace

PresenterConsole::PresenterConsole(WalkthroughPlayer *player, QWidget *parent)
    : QWidget(parent, Qt::Window), m_player(player)
{
    setWindowTitle(WindowFrame::title(QStringLiteral("Presenter view")));
    // The console is part of the presentation: its keys end the whole presentation.
    WindowFrame::installCloseKeys(this, parent ? parent : this);
    setStyleSheet(QStringLiteral("background: #11151C;"));
    m_current = panel(QStringLiteral("presenterCurrent"), 1.6);
    m_next = panel(QStringLiteral("presenterNext"), 1.2);
    m_answer = panel(QStringLiteral("presenterAnswer"), 1.3);
    m_clock = panel(QStringLiteral("presenterClock"), 2.4);
    m_clock->setTextFormat(Qt::PlainText);
    m_clock->setAlignment(Qt::AlignCenter);
    auto *grid = new QGridLayout(this);
    grid->addWidget(m_current, 0, 0, 2, 1);
    grid->addWidget(m_clock, 0, 1);
    grid->addWidget(m_answer, 1, 1);
    grid->addWidget(m_next, 2, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setRowStretch(1, 1);
    m_elapsed.start();
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        const qint64 s = m_elapsed.elapsed() / 1000;
        m_clock->setText(QStringLiteral("%1:%2:%3")
                             .arg(s / 3600)
                             .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                             .arg(s % 60, 2, 10, QLatin1Char('0')));
    });
    tick->start(500);
    connect(m_player, &WalkthroughPlayer::stepChanged, this, &PresenterConsole::refresh);
    connect(m_player, &WalkthroughPlayer::answerShown, this, &PresenterConsole::refresh);
    connect(m_player, &WalkthroughPlayer::revealed, this, &PresenterConsole::refresh);
    refresh();
    resize(1100, 700);
}

QString PresenterConsole::currentText() const
{
    return m_currentMarkdown;
}

void PresenterConsole::refresh()
{
    const WalkthroughStep *step = m_player->current();
    if (!step) {
        m_currentMarkdown = QStringLiteral("No walkthrough: the diagram alone is on the projector.");
        showMarkdown(m_current, m_currentMarkdown);
        m_next->clear();
        m_answer->clear();
        return;
    }
    m_currentMarkdown = QStringLiteral("### Step %1 of %2: %3\n\n%4")
                            .arg(m_player->position() + 1)
                            .arg(m_player->count())
                            .arg(step->title, step->narration);
    showMarkdown(m_current, m_currentMarkdown);
    const WalkthroughStep *next = m_player->upcoming();
    showMarkdown(m_next, next ? QStringLiteral("**Next:** %1").arg(next->title) : QStringLiteral("**Last step.**"));
    if (!m_player->isRevealed()) {
        showMarkdown(m_answer, QStringLiteral("**Ask the room:** %1\n\n**Answer:** the step above; press A to "
                                              "light it on the diagram.")
                                   .arg(askNextQuestion()));
        return;
    }
    showMarkdown(m_answer,
                 step->question.isEmpty()
                     ? QStringLiteral("No question for the room in this step.")
                     : QStringLiteral("**Ask the room:** %1\n\n**Answer** (press A to show it)%2: %3")
                           .arg(step->question, m_player->isAnswerShown() ? QStringLiteral(", shown") : QString(),
                                step->answer));
}

} // namespace k8sfc
