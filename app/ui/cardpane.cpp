#include "cardpane.h"

#include "cardtext.h"
#include "cardtextview.h"
#include "content.h"
#include "gradelook.h"
#include "studymode.h"
#include "theme.h"
#include "wrappedlabel.h"

#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

const Rating kGrades[] = {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy};

/// "Again, Good, Good", each name bold in its grade's colour.
QString gradeChipsHtml(const QList<Rating> &ratings)
{
    QStringList chips;
    for (Rating r : ratings)
        chips.append(QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
                         .arg(theme::gradeColour(r).name(QColor::HexRgb).toUpper(), gradeName(r)));
    return chips.join(QStringLiteral(", "));
}

QString progressHtml(const StudyProgress &p)
{
    if (p.doneThisSession)
        return QStringLiteral("<b>%1</b> reviewed in this session").arg(*p.doneThisSession);
    QString text = QStringLiteral("<b>%1</b> of %2 cards seen").arg(p.seen).arg(p.total);
    if (!p.lastGrades.isEmpty())
        text += QStringLiteral(" &nbsp;·&nbsp; last grades: ") + gradeChipsHtml(p.lastGrades);
    return text;
}

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new WrappedLabel(parent);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

CardPane::CardPane(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(QStringLiteral("Cards"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildEmptyPage());
    m_pages->addWidget(buildStudyPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    // Anki's keys: Space reveals, 1-4 grade. Window-wide, so they work while the diagram has focus.
    auto *reveal = new QShortcut(QKeySequence(Qt::Key_Space), this);
    m_shortcuts.append(reveal);
    connect(reveal, &QShortcut::activated, this, [this] {
        if (m_mode)
            m_mode->reveal();
    });
    for (Rating r : kGrades) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::Key_0 + int(r)), this);
        m_shortcuts.append(shortcut);
        connect(shortcut, &QShortcut::activated, this, [this, r] {
            if (m_mode)
                m_mode->grade(r);
        });
    }
    render();
}

// A hidden pane's window-wide keys would clash with the quiz's (1-4 pick an option there).
void CardPane::showEvent(QShowEvent *event)
{
    for (QShortcut *s : std::as_const(m_shortcuts))
        s->setEnabled(true);
    QWidget::showEvent(event);
}

void CardPane::hideEvent(QHideEvent *event)
{
    for (QShortcut *s : std::as_const(m_shortcuts))
        s->setEnabled(false);
    QWidget::hideEvent(event);
}

// Styled when first shown: a style sheet costs time and memory at start-up, when no card is open.
void CardPane::styleGradeButtons()
{
    m_gradeButtonsStyled = true;
    // The grade hues are dark; on a dark palette the text takes a lighter tint of them.
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    for (int i = 0; i < m_gradeButtons.size(); ++i) {
        const QColor hue = theme::gradeColour(kGrades[i]);
        const QString text = (dark ? hue.lighter(160) : hue).name();
        m_gradeButtons[i]->setStyleSheet(
            QStringLiteral("QPushButton { border: 2px solid %1; border-radius: 6px; padding: 4px; font-weight: bold;"
                           " color: %2; } QPushButton:hover, QPushButton:focus { background: %1; color: white; }")
                .arg(hue.name(), text));
    }
}

void CardPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_gradeButtonsStyled)
        styleGradeButtons();
    QWidget::changeEvent(event);
}

void CardPane::setMode(StudyMode *mode)
{
    if (m_mode)
        disconnect(m_mode, nullptr, this, nullptr);
    m_mode = mode;
    if (m_mode)
        connect(m_mode, &StudyMode::changed, this, &CardPane::render);
    render();
}

QWidget *CardPane::buildEmptyPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 24, 24, 24);
    auto *hint =
        new WrappedLabel(QStringLiteral("<h2>Click a component to study it</h2>"
                                        "<p>Each box on the diagram has its own flashcards. Hover a box to see "
                                        "what it does; click it, or Tab to it and press Enter, to open its cards "
                                        "here.</p><p>Then press <b>Space</b> to reveal the answer and grade "
                                        "yourself with <b>1</b>&nbsp;Again, <b>2</b>&nbsp;Hard, <b>3</b>&nbsp;Good or "
                                        "<b>4</b>&nbsp;Easy.</p>"
                                        "<p>Later: <b>R</b> reviews what is due, <b>Q</b> starts a quiz, "
                                        "<b>M</b> colours the diagram by how well you know each part, "
                                        "<b>F5</b> presents a walkthrough to a class.</p>"),
                         page);
    hint->setObjectName(QStringLiteral("emptyHint"));
    layout->addWidget(hint);
    layout->addStretch();
    return page;
}

QWidget *CardPane::buildStudyPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    m_title = new QLabel(page);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("componentTitle"));
    m_role = wrappedLabel(page);
    m_role->setTextFormat(Qt::PlainText);
    m_progress = wrappedLabel(page);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_counter = wrappedLabel(page);
    m_counter->setObjectName(QStringLiteral("counter"));

    m_text = new CardTextView(page);
    m_text->setObjectName(QStringLiteral("cardText"));
    m_text->setFocusPolicy(Qt::ClickFocus);
    m_text->setAccessibleName(QStringLiteral("Card"));
    QFont textFont = m_text->font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.25);
    m_text->document()->setDefaultFont(textFont);
    m_text->document()->setDocumentMargin(12);

    m_source = wrappedLabel(page);
    m_source->setOpenExternalLinks(true);
    m_source->setObjectName(QStringLiteral("source"));

    m_revealButton = new QPushButton(QStringLiteral("Show answer   (Space)"), page);
    m_revealButton->setObjectName(QStringLiteral("revealButton"));
    m_revealButton->setMinimumHeight(40);
    connect(m_revealButton, &QPushButton::clicked, this, [this] {
        if (m_mode)
            m_mode->reveal();
    });
    m_empty = wrappedLabel(page);
    m_empty->setObjectName(QStringLiteral("emptyText"));
    m_empty->setTextFormat(Qt::PlainText);

    m_gradeRow = buildGradeRow(page);

    layout->addWidget(m_title);
    layout->addWidget(m_role);
    layout->addWidget(m_progress);
    layout->addSpacing(4);
    layout->addWidget(m_counter);
    layout->addWidget(m_empty);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_source);
    layout->addWidget(m_revealButton);
    layout->addWidget(m_gradeRow);
    return page;
}

QWidget *CardPane::buildGradeRow(QWidget *page)
{
    auto *row = new QWidget(page);
    auto *gradeLayout = new QHBoxLayout(row);
    gradeLayout->setContentsMargins(0, 0, 0, 0);
    for (Rating r : kGrades) {
        auto *button = new QPushButton(row);
        button->setObjectName(QStringLiteral("grade") + gradeName(r));
        button->setMinimumHeight(52);
        connect(button, &QPushButton::clicked, this, [this, r] {
            if (m_mode)
                m_mode->grade(r);
        });
        gradeLayout->addWidget(button);
        m_gradeButtons.append(button);
    }
    return row;
}

QPushButton *CardPane::gradeButton(int rating) const
{
    return rating >= 1 && rating <= 4 ? m_gradeButtons.at(rating - 1) : nullptr;
}

void CardPane::render()
{
    if (!m_mode) {
        m_pages->setCurrentIndex(0);
        return;
    }
    m_pages->setCurrentIndex(1);
    m_title->setText(m_mode->heading());
    m_role->setText(m_mode->subheading());
    m_progress->setText(progressHtml(m_mode->progress()));

    const Card *card = m_mode->current();
    m_empty->setVisible(!card);
    m_text->setVisible(card);
    if (!card) {
        m_counter->clear();
        m_shownMarkdown.clear();
        m_empty->setText(m_mode->emptyText());
        m_source->clear();
        m_revealButton->hide();
        m_gradeRow->hide();
        return;
    }
    // The mode's snapshot: the one its card belongs to.
    const ContentSet &content = m_mode->content();
    QString deckTitle;
    for (const Deck &deck : content.decks())
        if (deck.id == card->deckId)
            deckTitle = deck.title;
    QStringList parts;
    for (const QString &id : card->components)
        if (const Component *c = content.registry().component(id))
            parts.append(c->name.toHtmlEscaped());
    m_counter->setText(
        QStringLiteral("%1 &nbsp;·&nbsp; %2 &nbsp;·&nbsp; %3")
            .arg(m_mode->positionText().toHtmlEscaped(), deckTitle.toHtmlEscaped(), parts.join(QStringLiteral(", "))));

    const bool revealed = m_mode->isRevealed();
    m_shownMarkdown = card->front;
    if (revealed)
        m_shownMarkdown += QStringLiteral("\n\n---\n\n") + card->back;
    m_text->showMarkdown(m_shownMarkdown, card->file);
    m_source->setText(revealed ? CardText::sourceLinkHtml(card->source, palette()) : QString());
    m_revealButton->setVisible(!revealed);
    if (revealed && !m_gradeButtonsStyled)
        styleGradeButtons();
    m_gradeRow->setVisible(revealed);
    if (revealed) {
        const auto intervals = m_mode->intervalLabels();
        for (int i = 0; i < 4; ++i) {
            const Rating r = kGrades[i];
            m_gradeButtons[i]->setText(QStringLiteral("%1  %2\n%3").arg(gradeName(r)).arg(int(r)).arg(intervals[i]));
            m_gradeButtons[i]->setAccessibleName(
                QStringLiteral("%1, key %2, next in %3").arg(gradeName(r)).arg(int(r)).arg(intervals[i]));
        }
    }
}

} // namespace k8sfc
