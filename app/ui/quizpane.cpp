#include "quizpane.h"

#include "cardtextview.h"
#include "content.h"
#include "quizform.h"
#include "quizformwidget.h"
#include "quizfeedback.h"
#include "quizformwidgets.h"
#include "quizforms.h"
#include "quizsession.h"
#include "wrappedlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    label->setFont(f);
    return label;
}

QString clockText(qint64 ms)
{
    const qint64 s = (ms + 999) / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

/// Adds a group of the About list: a heading no one can choose, then its entries (name, key).
void addScopeGroup(QComboBox *box, const QString &title, const QList<std::pair<QString, QString>> &entries)
{
    if (entries.isEmpty())
        return;
    if (box->count() > 0)
        box->insertSeparator(box->count());
    box->addItem(title);
    if (auto *model = qobject_cast<QStandardItemModel *>(box->model())) {
        QStandardItem *heading = model->item(box->count() - 1);
        heading->setFlags(Qt::NoItemFlags);
        QFont bold = box->font();
        bold.setBold(true);
        heading->setFont(bold);
    }
    for (const auto &[name, key] : entries)
        box->addItem(name, key);
}

} // namespace

QuizPane::QuizPane(QuizSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setAccessibleName(QStringLiteral("Quiz"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildSetup());
    m_pages->addWidget(buildQuestion());
    m_pages->addWidget(buildSummary());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_session, &QuizSession::questionChanged, this, &QuizPane::showQuestion);
    connect(m_session, &QuizSession::answered, this, &QuizPane::showAnswer);
    connect(m_session, &QuizSession::stepTaken, this, [this](const QuizStep &step) {
        if (m_form)
            m_form->showStep(step);
    });
    connect(m_session, &QuizSession::finished, this, &QuizPane::showSummary);
    connect(m_session, &QuizSession::contentReplaced, this, &QuizPane::fillScopes); // a quiz under way goes on
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, &QuizPane::updateClock);
    tick->start(250);
}

void QuizPane::fillScopes()
{
    // Decks and components come and go with the content, and the search narrows them; the choice
    // is kept by its key while it is listed, else the first match is chosen.
    const QVariant chosen = m_scope->currentData();
    const QString search = m_scopeFilter->text().trimmed();
    const auto matches = [&search](const QString &name) { return name.contains(search, Qt::CaseInsensitive); };
    QList<std::pair<QString, QString>> decks, components;
    const ContentSet &content = m_session->content();
    for (const Deck &deck : content.decks())
        if (matches(deck.title) || matches(deck.id))
            decks.append({deck.title, QStringLiteral("deck:") + deck.id});
    for (const Component &c : content.registry().components())
        if (matches(c.name) || matches(c.id))
            components.append({c.name, QStringLiteral("component:") + c.id});
    m_scope->clear();
    if (search.isEmpty()) {
        m_scope->addItem(QStringLiteral("Everything"), QStringLiteral("all:"));
        m_scope->addItem(QStringLiteral("Weakest components first"), QStringLiteral("weakest:"));
    }
    addScopeGroup(m_scope, QStringLiteral("Decks"), decks);
    addScopeGroup(m_scope, QStringLiteral("Components"), components);
    int at = chosen.isValid() ? m_scope->findData(chosen) : -1; // a heading's data is invalid too
    for (int i = 0; at < 0 && i < m_scope->count(); ++i)
        if (m_scope->itemData(i).isValid())
            at = i;
    m_scope->setCurrentIndex(at);
}

QLayout *QuizPane::buildScopeRow()
{
    m_scope = new QComboBox;
    m_scope->setAccessibleName(QStringLiteral("Scope"));
    m_scope->setMaxVisibleItems(20);
    m_scopeFilter = new QLineEdit;
    m_scopeFilter->setObjectName(QStringLiteral("quizScopeFilter"));
    m_scopeFilter->setPlaceholderText(QStringLiteral("Search decks and components…"));
    m_scopeFilter->setAccessibleName(QStringLiteral("Search the About list"));
    m_scopeFilter->setClearButtonEnabled(true);
    connect(m_scopeFilter, &QLineEdit::textChanged, this, &QuizPane::fillScopes);
    fillScopes();
    auto *column = new QVBoxLayout;
    column->addWidget(m_scope);
    column->addWidget(m_scopeFilter);
    return column;
}

QWidget *QuizPane::buildSetup()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(heading(QStringLiteral("Quiz")));
    auto *intro =
        new WrappedLabel(QStringLiteral("Multiple choice, typed answers, and three on the diagram: \"click the "
                                        "component that…\", trace a request's path, and draw a hidden connection. "
                                        "Answers count as reviews: wrong is Again, right is Good, right after a "
                                        "forgiven typo, one wrong click on a path or past half the time is Hard. A "
                                        "path or a connection counts for every card on its arrows. Cards you have "
                                        "not studied yet come in only up to today's new-card limit."));
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_length = new QSpinBox;
    m_length->setRange(3, 50);
    m_length->setValue(10);
    m_length->setAccessibleName(QStringLiteral("Number of questions"));
    form->addRow(QStringLiteral("&Questions:"), m_length);
    m_time = new QComboBox;
    m_time->setAccessibleName(QStringLiteral("Time limit"));
    for (const auto &[label, secs] :
         {std::pair{"No time limit", 0}, std::pair{"1 minute", 60}, std::pair{"2 minutes", 120},
          std::pair{"5 minutes", 300}, std::pair{"10 minutes", 600}})
        m_time->addItem(QString::fromLatin1(label), secs);
    form->addRow(QStringLiteral("&Time:"), m_time);
    QLayout *scopeRow = buildScopeRow();
    form->addRow(QStringLiteral("&About:"), scopeRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(scopeRow)))
        label->setBuddy(m_scope);
    auto *forms = new QVBoxLayout;
    for (const QuizForm *quizForm : quizForms()) {
        auto *box = new QCheckBox(quizForm->name());
        box->setChecked(true);
        forms->addWidget(box);
        m_formBoxes.append({quizForm->id(), box});
    }
    form->addRow(QStringLiteral("Forms:"), forms);
    layout->addLayout(form);
    m_setupError = new WrappedLabel;
    m_setupError->setObjectName(QStringLiteral("quizSetupError"));
    m_setupError->setStyleSheet(QStringLiteral("color: #B3261E"));
    layout->addWidget(m_setupError);
    m_start = new QPushButton(QStringLiteral("Start quiz"));
    m_start->setObjectName(QStringLiteral("startQuiz"));
    m_start->setMinimumHeight(40);
    m_start->setDefault(true);
    connect(m_start, &QPushButton::clicked, this, &QuizPane::start);
    auto *leave = new QPushButton(QStringLiteral("Back to studying"));
    connect(leave, &QPushButton::clicked, this, &QuizPane::closeRequested);
    auto *row = new QHBoxLayout;
    row->addWidget(leave);
    row->addStretch();
    row->addWidget(m_start);
    layout->addLayout(row);
    layout->addStretch();
    return page;
}

QWidget *QuizPane::buildQuestion()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *top = new QHBoxLayout;
    m_progress = heading(QString());
    m_progress->setObjectName(QStringLiteral("quizProgress"));
    m_clock = new QLabel;
    m_clock->setObjectName(QStringLiteral("quizClock"));
    QFont big = m_clock->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_clock->setFont(big);
    top->addWidget(m_progress, 1);
    top->addWidget(m_clock);
    layout->addLayout(top);

    m_prompt = new CardTextView;
    m_prompt->setObjectName(QStringLiteral("quizPrompt"));
    m_prompt->setAccessibleName(QStringLiteral("Question"));
    m_prompt->setFocusPolicy(Qt::ClickFocus);
    QFont f = m_prompt->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    m_prompt->document()->setDefaultFont(f);
    m_prompt->setMaximumHeight(220);
    layout->addWidget(m_prompt);

    m_formArea = new QVBoxLayout;
    layout->addLayout(m_formArea);

    m_feedback = new QuizFeedback;
    layout->addWidget(m_feedback, 1);

    m_next = new QPushButton(QStringLiteral("Next   (Enter)"));
    m_next->setObjectName(QStringLiteral("quizNext"));
    m_next->setMinimumHeight(40);
    connect(m_next, &QPushButton::clicked, this, [this] { m_session->next(); });
    auto *stop = new QPushButton(QStringLiteral("End quiz"));
    connect(stop, &QPushButton::clicked, this, [this] { m_session->stop(); });
    auto *row = new QHBoxLayout;
    row->addWidget(stop);
    row->addStretch();
    row->addWidget(m_next);
    layout->addLayout(row);
    return page;
}

QWidget *QuizPane::buildSummary()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(heading(QStringLiteral("Quiz results")));
    m_summary = new WrappedLabel;
    m_summary->setObjectName(QStringLiteral("quizSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary, 1);
    auto *again = new QPushButton(QStringLiteral("New quiz"));
    connect(again, &QPushButton::clicked, this, &QuizPane::showSetup);
    auto *leave = new QPushButton(QStringLiteral("Back to studying"));
    connect(leave, &QPushButton::clicked, this, &QuizPane::closeRequested);
    auto *row = new QHBoxLayout;
    row->addWidget(leave);
    row->addStretch();
    row->addWidget(again);
    layout->addLayout(row);
    return page;
}

void QuizPane::showSetup()
{
    m_session->dismiss(); // the last quiz's marks go with its results
    m_setupError->clear();
    m_pages->setCurrentIndex(0);
}

bool QuizPane::wantsDiagramClick() const
{
    return m_pages->currentIndex() == 1 && m_form && m_form->wantsDiagramClick() &&
           m_session->state() == QuizSession::State::Asking;
}

QLabel *QuizPane::feedbackLabel() const
{
    return m_feedback->verdictLabel();
}

CardTextView *QuizPane::backView() const
{
    return m_feedback->backView();
}

QLabel *QuizPane::sourceLabel() const
{
    return m_feedback->sourceLabel();
}

QLineEdit *QuizPane::answerField() const
{
    return findChild<QLineEdit *>(QStringLiteral("quizAnswer"));
}

QList<QPushButton *> QuizPane::optionButtons() const
{
    QList<QPushButton *> options;
    if (m_form)
        for (QPushButton *button : m_form->findChildren<QPushButton *>())
            if (button->objectName().startsWith(QLatin1String("option")))
                options.append(button);
    return options;
}

void QuizPane::start()
{
    QuizConfig config;
    config.length = m_length->value();
    config.timeLimitSecs = m_time->currentData().toInt();
    if (!m_scope->currentData().isValid()) {
        m_setupError->setText(QStringLiteral("No deck or component matches the search."));
        return;
    }
    const QString scope = m_scope->currentData().toString();
    const QString kind = scope.section(u':', 0, 0);
    config.scopeId = scope.section(u':', 1);
    config.scope = kind == QLatin1String("deck")        ? QuizConfig::Scope::Deck
                   : kind == QLatin1String("component") ? QuizConfig::Scope::Component
                   : kind == QLatin1String("weakest")   ? QuizConfig::Scope::Weakest
                                                        : QuizConfig::Scope::All;
    config.forms.clear();
    for (const auto &[form, box] : std::as_const(m_formBoxes))
        if (box->isChecked())
            config.forms.append(form);
    config.seed = quint32(QDateTime::currentMSecsSinceEpoch());
    if (config.forms.isEmpty()) {
        m_setupError->setText(QStringLiteral("Choose at least one kind of question."));
        return;
    }
    m_session->setConfig(config);
    if (m_mastery)
        m_session->setMastery(m_mastery());
    if (auto problem = m_session->start()) {
        m_setupError->setText(*problem);
        return;
    }
    m_pages->setCurrentIndex(1);
    showQuestion();
}

void QuizPane::showQuestion()
{
    const QuizQuestion *q = m_session->current();
    if (!q)
        return;
    m_pages->setCurrentIndex(1);
    m_progress->setText(QStringLiteral("Question %1 of %2").arg(m_session->position() + 1).arg(m_session->count()));
    const Card *card = m_session->content().card(q->cardId);
    m_prompt->showMarkdown(q->prompt, card ? card->file : QString());
    m_feedback->clearAnswer();
    m_next->setEnabled(false);
    setNextLabel(); // the label of what Enter will do, before the answer too
    QuizFormWidget *widget = formWidget(q->form);
    for (QuizFormWidget *other : std::as_const(m_formWidgets))
        other->setVisible(other == widget);
    m_form = widget;
    if (m_form)
        m_form->showQuestion(*q);
    updateClock();
}

QuizFormWidget *QuizPane::formWidget(QuizQuestion::Form form)
{
    if (QuizFormWidget *made = m_formWidgets.value(form))
        return made;
    QuizFormWidget *widget = createQuizFormWidget(form);
    if (!widget)
        return nullptr;
    connect(widget, &QuizFormWidget::choiceMade, m_session, &QuizSession::answerChoice);
    connect(widget, &QuizFormWidget::textGiven, m_session, &QuizSession::answerText);
    m_formArea->addWidget(widget);
    m_formWidgets.insert(form, widget);
    return widget;
}

void QuizPane::showAnswer(const QuizAnswer &answer)
{
    const QuizQuestion *q = m_session->current();
    m_feedback->showAnswer(q, answer, m_session->content());
    if (q && m_form)
        m_form->showAnswer(*q, answer);
    m_next->setEnabled(true);
    m_next->setFocus();
}

void QuizPane::setNextLabel()
{
    m_next->setText(m_session->position() + 1 < m_session->count() ? QStringLiteral("Next   (Enter)")
                                                                   : QStringLiteral("See results   (Enter)"));
}

void QuizPane::showSummary(const QuizSummary &s)
{
    m_pages->setCurrentIndex(2);
    m_summary->setText(quizSummaryHtml(s, m_session->content().registry()));
}

void QuizPane::keyPressEvent(QKeyEvent *event)
{
    // Enter moves on after an answer (the Next button has focus, but buttons outside dialogs
    // leave Enter alone); on the setup page it starts the quiz.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_pages->currentIndex() == 1 && m_session->state() == QuizSession::State::Answered) {
        m_session->next();
        return;
    }
    if (enter && m_pages->currentIndex() == 0) {
        start();
        return;
    }
    QWidget::keyPressEvent(event);
}

void QuizPane::updateClock()
{
    const qint64 ms = m_session->remainingMs();
    m_clock->setVisible(ms >= 0 && m_pages->currentIndex() == 1);
    if (ms >= 0)
        m_clock->setText(clockText(ms));
}

} // namespace k8sfc
