#include "cardeditor.h"

#include "cardtext.h"
#include "cardtextview.h"
#include "picturestore.h"
#include "picturetextedit.h"
#include "quizform.h"
#include "quizforms.h"
#include "quizgenerator.h"
#include "windowframe.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QShortcut>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

QStringList splitList(const QString &text, bool spacesToo)
{
    QStringList out;
    QString normal = text;
    if (spacesToo)
        normal.replace(u' ', u',');
    for (const QString &part : normal.split(u','))
        if (const QString item = part.trimmed(); !item.isEmpty())
            out.append(item);
    return out;
}

QPlainTextEdit *plainEdit(const QString &name, int lines)
{
    auto *edit = new QPlainTextEdit;
    edit->setAccessibleName(name);
    edit->setTabChangesFocus(true); // Tab moves on, as in every other field: the form is keyboard-only
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    return edit;
}

QLineEdit *lineEdit(const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setAccessibleName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

} // namespace

CardEditor::CardEditor(Mode mode, ContentSnapshot content, QWidget *parent)
    : QWidget(parent, Qt::Window), m_mode(mode), m_content(std::move(content))
{
    const QString name = mode == Mode::Add ? QStringLiteral("Add Card") : QStringLiteral("Edit Card");
    setWindowTitle(WindowFrame::title(name));
    setAccessibleName(name);
    setObjectName(mode == Mode::Add ? QStringLiteral("addCard") : QStringLiteral("editCard"));
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    connect(m_previewTimer, &QTimer::timeout, this, &CardEditor::renderPreviews);
    buildForm();
    WindowFrame::installCloseKeys(this);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &CardEditor::submitted);
    }
    resize(900, 680);
}

QWidget *CardEditor::textWithPreview(QPlainTextEdit *&edit, CardTextView *&preview, const QString &name)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *pictures = new PictureTextEdit;
    pictures->setAccessibleName(name);
    pictures->setTabChangesFocus(true);
    pictures->setMinimumHeight(pictures->fontMetrics().lineSpacing() * 5 + 12);
    pictures->setPlaceholderText(QStringLiteral("Markdown; paste or drop a picture (PNG, JPEG, SVG)"));
    const QString key = name.toLower();
    connect(pictures, &PictureTextEdit::pictureGiven, this,
            [this, pictures, key](const QByteArray &bytes) { insertPicture(pictures, key, bytes); });
    connect(pictures, &PictureTextEdit::pictureRefused, this, [this, key](const QString &why) {
        m_problems.value(key)->setText(why);
        m_problems.value(key)->show();
    });
    edit = pictures;
    preview = new CardTextView;
    preview->setAccessibleName(name + QStringLiteral(" preview"));
    preview->setFocusPolicy(Qt::NoFocus); // Tab goes from field to field
    layout->addWidget(edit, 1);
    layout->addWidget(preview, 1);
    connect(edit, &QPlainTextEdit::textChanged, m_previewTimer, qOverload<>(&QTimer::start));
    return row;
}

QLabel *CardEditor::addProblemRow(QFormLayout *form, const QString &key)
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setObjectName(QStringLiteral("problem-") + key);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    form->addRow(QString(), label);
    m_problems.insert(key, label);
    return label;
}

void CardEditor::buildForm()
{
    auto *outer = new QVBoxLayout(this);
    m_note = new QLabel;
    m_note->setWordWrap(true);
    outer->addWidget(m_note);
    auto *form = new QFormLayout;
    outer->addLayout(form, 1);
    form->addRow(QStringLiteral("Attac&hed:"), buildAttached());
    addProblemRow(form, QStringLiteral("components"));
    form->addRow(QStringLiteral("&Front:"), textWithPreview(m_front, m_frontPreview, QStringLiteral("Front")));
    addProblemRow(form, QStringLiteral("front"));
    form->addRow(QStringLiteral("&Back:"), textWithPreview(m_back, m_backPreview, QStringLiteral("Back")));
    addProblemRow(form, QStringLiteral("back"));
    m_answer = lineEdit(QStringLiteral("Answer"), QStringLiteral("optional: a short answer, for typed questions"));
    form->addRow(QStringLiteral("&Answer:"), m_answer);
    addProblemRow(form, QStringLiteral("answer"));
    m_aliases =
        lineEdit(QStringLiteral("Aliases"), QStringLiteral("optional: other accepted answers, comma-separated"));
    form->addRow(QStringLiteral("A&liases:"), m_aliases);
    addProblemRow(form, QStringLiteral("aliases"));
    m_choices = plainEdit(QStringLiteral("Choices"), 3);
    m_choices->setMaximumHeight(m_choices->minimumHeight() +
                                m_choices->fontMetrics().lineSpacing()); // room goes to the previews
    m_choices->setPlaceholderText(
        QStringLiteral("optional: multiple-choice options, one a line, the answer among them"));
    form->addRow(QStringLiteral("&Choices:"), m_choices);
    addProblemRow(form, QStringLiteral("choices"));
    m_forms = new QLabel;
    m_forms->setWordWrap(true);
    form->addRow(QString(), m_forms);
    m_tags = lineEdit(QStringLiteral("Tags"), QStringLiteral("optional: words, comma-separated"));
    form->addRow(QStringLiteral("&Tags:"), m_tags);
    addProblemRow(form, QStringLiteral("tags"));
    m_source = lineEdit(QStringLiteral("Source"), QStringLiteral("optional: the https:// page this card rests on"));
    form->addRow(QStringLiteral("&Source:"), m_source);
    addProblemRow(form, QStringLiteral("source"));
    m_deck = new QComboBox;
    m_deck->setEditable(true);
    m_deck->setAccessibleName(QStringLiteral("Add to deck"));
    m_deck->setEnabled(m_mode == Mode::Add);
    form->addRow(QStringLiteral("Add to &deck:"), m_deck);
    addProblemRow(form, QStringLiteral("deck"));
    connect(m_answer, &QLineEdit::textChanged, this, &CardEditor::updateForms);
    connect(m_aliases, &QLineEdit::textChanged, this, &CardEditor::updateForms);
    connect(m_choices, &QPlainTextEdit::textChanged, this, &CardEditor::updateForms);
    connect(m_front, &QPlainTextEdit::textChanged, this, &CardEditor::updateForms);
    outer->addLayout(buildButtons());
    updateForms();
}

QLayout *CardEditor::buildButtons()
{
    auto *buttons = new QHBoxLayout;
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("editorMessage"));
    buttons->addWidget(m_message, 1);
    m_reload = new QPushButton(QStringLiteral("&Reload"));
    m_reload->hide();
    connect(m_reload, &QPushButton::clicked, this, &CardEditor::reloadRequested);
    buttons->addWidget(m_reload);
    m_submit = new QPushButton(m_mode == Mode::Add ? QStringLiteral("Add") : QStringLiteral("Save"));
    m_submit->setAccessibleName(m_submit->text());
    m_submit->setToolTip(QStringLiteral("Ctrl+Enter"));
    m_submit->setDefault(true);
    connect(m_submit, &QPushButton::clicked, this, &CardEditor::submitted);
    buttons->addWidget(m_submit);
    auto *close = new QPushButton(QStringLiteral("Close"));
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    buttons->addWidget(close);
    return buttons;
}

void CardEditor::insertPicture(QPlainTextEdit *edit, const QString &key, const QByteArray &bytes)
{
    const auto address = PictureStore::store(m_deckFile, bytes);
    if (!address) {
        m_problems.value(key)->setText(address.error());
        m_problems.value(key)->show();
        return;
    }
    m_problems.value(key)->hide();
    edit->insertPlainText(QStringLiteral("![picture](%1)").arg(*address));
}

void CardEditor::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    showAttached(); // names may have changed
    updateForms();
}

void CardEditor::setDecks(const QStringList &titles, const QString &chosen)
{
    const QString typed = m_deck->currentText();
    m_deck->clear();
    m_deck->addItems(titles);
    m_deck->setCurrentText(typed.isEmpty() ? chosen : typed);
}

QString CardEditor::deckName() const
{
    return m_deck->currentText().trimmed();
}

void CardEditor::setDeckFile(const QString &file)
{
    m_deckFile = file;
    renderPreviews();
}

void CardEditor::setFolderNote(const QString &text)
{
    m_note->setText(text);
}

void CardEditor::setCard(const Card &card)
{
    m_original = card;
    m_components = card.components;
    m_arrows = card.arrows;
    showAttached();
    m_front->setPlainText(card.front);
    m_back->setPlainText(card.back);
    m_answer->setText(card.answer);
    m_aliases->setText(card.aliases.join(QStringLiteral(", ")));
    m_choices->setPlainText(card.choices.join(u'\n'));
    m_tags->setText(card.tags.join(QStringLiteral(", ")));
    m_source->setText(card.source);
    renderPreviews();
}

Card CardEditor::card() const
{
    Card card = m_original; // what the form does not show (answer-kind, two-part, copied-from) stays
    card.components = m_components;
    card.arrows = m_arrows;
    card.front = m_front->toPlainText().trimmed();
    card.back = m_back->toPlainText().trimmed();
    card.answer = m_answer->text().trimmed();
    card.aliases = splitList(m_aliases->text(), false);
    card.choices.clear();
    for (const QString &line : m_choices->toPlainText().split(u'\n'))
        if (const QString choice = line.trimmed(); !choice.isEmpty())
            card.choices.append(choice);
    card.tags = splitList(m_tags->text(), true);
    card.source = m_source->text().trimmed();
    return card;
}

QWidget *CardEditor::buildAttached()
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_attached = new QListWidget;
    m_attached->setAccessibleName(QStringLiteral("Attached"));
    m_attached->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // A wrapping row of names, two lines high: the room goes to Front and Back.
    m_attached->setFlow(QListView::LeftToRight);
    m_attached->setWrapping(true);
    m_attached->setSpacing(4); // apart enough to read as separate names
    m_attached->setFixedHeight(m_attached->fontMetrics().lineSpacing() * 2 + 16);
    auto *removeKey = new QShortcut(QKeySequence::Delete, m_attached, nullptr, nullptr, Qt::WidgetShortcut);
    connect(removeKey, &QShortcut::activated, this, &CardEditor::detachSelected);
    m_detach = new QPushButton(QStringLiteral("Re&move"));
    m_detach->setAccessibleName(QStringLiteral("Remove attached"));
    m_detach->setToolTip(QStringLiteral("Detach the selected components and arrows (Delete)"));
    m_detach->setEnabled(false);
    connect(m_detach, &QPushButton::clicked, this, &CardEditor::detachSelected);
    auto *hint = new QLabel(QStringLiteral("Ctrl+click a component or an arrow on the diagram to attach it."));
    hint->setWordWrap(true);
    layout->addWidget(m_attached, 3);
    layout->addWidget(m_detach);
    layout->addWidget(hint, 2);
    return row;
}

void CardEditor::attachComponent(const QString &componentId)
{
    if (!componentId.isEmpty() && !m_components.contains(componentId))
        m_components.append(componentId);
    showAttached();
}

void CardEditor::attachArrow(const QString &arrowId)
{
    if (!arrowId.isEmpty() && !m_arrows.contains(arrowId))
        m_arrows.append(arrowId);
    showAttached();
    updateForms(); // an arrow's card may take part in other forms
}

void CardEditor::detachSelected()
{
    for (const QListWidgetItem *item : m_attached->selectedItems()) {
        m_components.removeAll(item->data(Qt::UserRole).toString());
        m_arrows.removeAll(item->data(Qt::UserRole).toString());
    }
    showAttached();
    updateForms();
}

// Registry names, "from → to" for an arrow; an id the registry does not know shows as it is.
void CardEditor::showAttached()
{
    m_attached->clear();
    for (const QString &id : std::as_const(m_components)) {
        const Component *c = m_content->registry().component(id);
        m_attached->addItem(c ? c->name : id);
        m_attached->item(m_attached->count() - 1)->setData(Qt::UserRole, id);
    }
    for (const QString &id : std::as_const(m_arrows)) {
        const QString title = m_content->registry().arrowTitle(id);
        m_attached->addItem(title.isEmpty() ? id : QStringLiteral("arrow ") + title);
        m_attached->item(m_attached->count() - 1)->setData(Qt::UserRole, id);
    }
    m_detach->setEnabled(m_attached->count() > 0);
}

void CardEditor::clearForNext()
{
    m_original = Card{};
    for (QPlainTextEdit *edit : {m_front, m_back, m_choices})
        edit->clear();
    m_answer->clear();
    m_aliases->clear();
    clearProblems();
    m_front->setFocus();
}

void CardEditor::renderPreviews()
{
    m_frontPreview->showDocument(CardText::document(m_front->toPlainText(), m_deckFile, m_frontPreview->font()));
    m_backPreview->showDocument(CardText::document(m_back->toPlainText(), m_deckFile, m_backPreview->font()));
    for (CardTextView *preview : {m_frontPreview, m_backPreview})
        preview->verticalScrollBar()->setValue(0); // the card's start, as the card pane shows it
}

// Which quiz forms would ask about this card, asked of the forms themselves.
void CardEditor::updateForms()
{
    const Card c = card();
    QStringList names;
    if (!c.front.isEmpty()) {
        const QuizGenerator generator(*m_content);
        for (const QuizForm *form : quizForms()) {
            QRandomGenerator random(1);
            const auto question = form->fromCard(generator, c, random);
            if (question && !QuizGenerator::problemWith(*question, m_content->registry()))
                names.append(form->name());
        }
    }
    m_forms->setText(
        names.isEmpty()
            ? QStringLiteral("Quiz: this card takes part in no quiz form; an Answer makes typed and "
                             "multiple-choice questions possible.")
            : QString(QStringLiteral("Quiz: this card takes part in ") + names.join(QStringLiteral(", ")) + u'.'));
}

QLabel *CardEditor::problemLabel(const QString &key) const
{
    return m_problems.value(key);
}

void CardEditor::clearProblems()
{
    for (QLabel *label : std::as_const(m_problems)) {
        label->clear();
        label->hide();
    }
    showMessage(QString());
}

void CardEditor::showProblems(const DeckEdit::Problems &problems)
{
    clearProblems();
    QStringList general;
    for (const DeckEdit::Problem &p : problems) {
        const bool attachment = p.key == QLatin1String("id") || p.key == QLatin1String("arrows");
        QLabel *label = m_problems.value(attachment ? QStringLiteral("components") : p.key);
        if (!label) {
            general.append(p.diagnostic.message);
            continue;
        }
        label->setText(label->text().isEmpty() ? p.diagnostic.message
                                               : QString(label->text() + u'\n' + p.diagnostic.message));
        label->show();
    }
    if (!general.isEmpty())
        showMessage(general.join(u'\n'));
}

void CardEditor::showDeckProblem(const QString &message)
{
    clearProblems();
    m_problems.value(QStringLiteral("deck"))->setText(message);
    m_problems.value(QStringLiteral("deck"))->show();
}

void CardEditor::showMessage(const QString &message, bool offerReload)
{
    m_message->setText(message);
    m_reload->setVisible(offerReload);
}

} // namespace k8sfc
