#include "cardpane.h"

#include "componentstudy.h"
#include "content.h"

#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

struct GradeLook
{
    Rating rating;
    const char *name;
    const char *colour; // Okabe-Ito hues: told apart with the common colour-vision deficiencies
};

const GradeLook kGrades[] = {
    {Rating::Again, "Again", "#D55E00"},
    {Rating::Hard, "Hard", "#B07800"},
    {Rating::Good, "Good", "#009E73"},
    {Rating::Easy, "Easy", "#0072B2"},
};

// Qt's Markdown importer sets code blocks in a fixed-pitch font and nothing more; give them the
// shaded, slightly smaller look of a code listing, and let long lines wrap in a narrow pane.
void styleCodeBlocks(QTextDocument *document)
{
    QTextCursor cursor(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (!format.hasProperty(QTextFormat::BlockCodeFence) && !format.hasProperty(QTextFormat::BlockCodeLanguage))
            continue;
        cursor.setPosition(block.position());
        QTextBlockFormat code;
        code.setBackground(QColor(0xF2, 0xF4, 0xF7));
        code.setNonBreakableLines(false);
        code.setLeftMargin(6);
        cursor.mergeBlockFormat(code);
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
        QTextCharFormat chars;
        chars.setFontPointSize(document->defaultFont().pointSizeF() * 0.85);
        cursor.mergeCharFormat(chars);
    }
}

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

CardPane::CardPane(const ContentSet &content, ComponentStudy *study, QWidget *parent)
    : QWidget(parent), m_content(content), m_study(study)
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
    connect(reveal, &QShortcut::activated, m_study, &ComponentStudy::reveal);
    for (const GradeLook &g : kGrades) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::Key_0 + int(g.rating)), this);
        connect(shortcut, &QShortcut::activated, this, [this, r = g.rating] { m_study->grade(r); });
    }
    connect(m_study, &ComponentStudy::changed, this, &CardPane::render);
    render();
}

QWidget *CardPane::buildEmptyPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 24, 24, 24);
    auto *hint =
        new QLabel(QStringLiteral("<h2>Click a component to study it</h2>"
                                  "<p>Each box on the diagram has its own flashcards. Hover a box to see "
                                  "what it does; click it, or Tab to it and press Enter, to open its cards "
                                  "here.</p><p>Then press <b>Space</b> to reveal the answer and grade "
                                  "yourself with <b>1</b>&nbsp;Again, <b>2</b>&nbsp;Hard, <b>3</b>&nbsp;Good or "
                                  "<b>4</b>&nbsp;Easy.</p>"),
                   page);
    hint->setWordWrap(true);
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

    m_text = new QTextBrowser(page);
    m_text->setObjectName(QStringLiteral("cardText"));
    m_text->setOpenExternalLinks(true);
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
    connect(m_revealButton, &QPushButton::clicked, m_study, &ComponentStudy::reveal);

    m_gradeRow = new QWidget(page);
    auto *gradeLayout = new QHBoxLayout(m_gradeRow);
    gradeLayout->setContentsMargins(0, 0, 0, 0);
    for (const GradeLook &g : kGrades) {
        auto *button =
            new QPushButton(QStringLiteral("%1\n%2").arg(QLatin1String(g.name)).arg(int(g.rating)), m_gradeRow);
        button->setObjectName(QStringLiteral("grade%1").arg(QLatin1String(g.name)));
        button->setAccessibleName(QStringLiteral("%1 (key %2)").arg(QLatin1String(g.name)).arg(int(g.rating)));
        button->setMinimumHeight(48);
        button->setStyleSheet(QStringLiteral("QPushButton { border: 2px solid %1; border-radius: 6px; padding: 4px;"
                                             " font-weight: bold; color: %1; }"
                                             "QPushButton:hover, QPushButton:focus { background: %1; color: white; }")
                                  .arg(QLatin1String(g.colour)));
        connect(button, &QPushButton::clicked, this, [this, r = g.rating] { m_study->grade(r); });
        gradeLayout->addWidget(button);
        m_gradeButtons.append(button);
    }

    layout->addWidget(m_title);
    layout->addWidget(m_role);
    layout->addWidget(m_progress);
    layout->addSpacing(4);
    layout->addWidget(m_counter);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_source);
    layout->addWidget(m_revealButton);
    layout->addWidget(m_gradeRow);
    return page;
}

void CardPane::showComponent(const QString &componentId)
{
    m_study->open(componentId);
}

QString CardPane::componentId() const
{
    return m_study->componentId();
}

QPushButton *CardPane::gradeButton(int rating) const
{
    return rating >= 1 && rating <= 4 ? m_gradeButtons.at(rating - 1) : nullptr;
}

QString CardPane::progressText() const
{
    const ComponentStudy::Progress p = m_study->progress();
    QString text = QStringLiteral("<b>%1</b> of %2 cards seen").arg(p.seen).arg(p.total);
    if (!p.lastGrades.isEmpty()) {
        text += QStringLiteral(" &nbsp;·&nbsp; last grades: ");
        QStringList chips;
        for (Rating r : p.lastGrades) {
            const GradeLook &g = kGrades[int(r) - 1];
            chips.append(QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
                             .arg(QLatin1String(g.colour), QLatin1String(g.name)));
        }
        text += chips.join(QStringLiteral(", "));
    }
    return text;
}

void CardPane::render()
{
    const Component *component = m_content.registry().component(m_study->componentId());
    if (!component) {
        m_pages->setCurrentIndex(0);
        return;
    }
    m_pages->setCurrentIndex(1);
    m_title->setText(component->name);
    m_role->setText(component->role);
    m_progress->setText(progressText());

    const Card *card = m_study->current();
    if (!card) {
        m_counter->setText(QString());
        m_shownMarkdown = QStringLiteral("No cards for %1 yet.").arg(component->name);
        m_text->setMarkdown(m_shownMarkdown);
        m_source->clear();
        m_revealButton->hide();
        m_gradeRow->hide();
        return;
    }
    QString deckTitle;
    for (const Deck &deck : m_content.decks())
        if (deck.id == card->deckId)
            deckTitle = deck.title;
    QString counter = QStringLiteral("Card %1 of %2 &nbsp;·&nbsp; %3")
                          .arg(m_study->position() + 1)
                          .arg(m_study->queueSize())
                          .arg(deckTitle.toHtmlEscaped());
    if (!card->components.contains(component->id)) {
        QStringList parts;
        for (const QString &id : card->components)
            if (const Component *c = m_content.registry().component(id))
                parts.append(c->name.toHtmlEscaped());
        counter += QStringLiteral(" &nbsp;·&nbsp; ") + parts.join(QStringLiteral(", "));
    }
    m_counter->setText(counter);

    const bool revealed = m_study->isRevealed();
    m_shownMarkdown = card->front;
    if (revealed)
        m_shownMarkdown += QStringLiteral("\n\n---\n\n") + card->back;
    m_text->setMarkdown(m_shownMarkdown);
    styleCodeBlocks(m_text->document());
    m_source->setText(revealed ? QStringLiteral("Source: <a href=\"%1\">%2</a>")
                                     .arg(card->source.toHtmlEscaped(), card->source.toHtmlEscaped())
                               : QString());
    m_revealButton->setVisible(!revealed);
    m_gradeRow->setVisible(revealed);
}

} // namespace k8sfc
