#include "owncards.h"

#include "arrowitem.h"
#include "cardbrowser.h"
#include "cardeditor.h"
#include "componentitem.h"
#include "contentlibrary.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "grader.h"
#include "masterystore.h"
#include "mainwindow.h"
#include "studymode.h"
#include "studymodes.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextEdit>

namespace k8sfc {

namespace {

/// A and E are letters the learner may be typing: they act only when no text field has the focus.
bool typingInAField()
{
    QWidget *focus = QApplication::focusWidget();
    if (auto *line = qobject_cast<QLineEdit *>(focus))
        return !line->isReadOnly();
    if (auto *text = qobject_cast<QTextEdit *>(focus))
        return !text->isReadOnly();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(focus))
        return !plain->isReadOnly();
    return false;
}

QString shortFront(const Card &card)
{
    const QString line = card.front.section(u'\n', 0, 0);
    return line.size() > 60 ? QString(line.left(59) + u'…') : line;
}

} // namespace

OwnCards::OwnCards(MainWindow *window, ContentSnapshot content)
    : QObject(window), m_window(window), m_content(std::move(content))
{
    m_add = new QAction(QStringLiteral("&Add Card…"), window);
    m_add->setShortcut(QKeySequence(Qt::Key_A));
    m_add->setToolTip(QStringLiteral("Write a card for the selected component (A)"));
    connect(m_add, &QAction::triggered, this, [this] {
        if (typingInAField())
            return;
        const QString selected = m_window->diagramScene()->selectedComponent();
        addCard(selected.isEmpty() ? m_hovered : selected);
    });
    m_edit = new QAction(QStringLiteral("&Edit Card…"), window);
    m_edit->setShortcut(QKeySequence(Qt::Key_E));
    // The browser is a window of its own: E edits its card there too.
    m_edit->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_edit, &QAction::triggered, this, [this] {
        if (studying() && !typingInAField())
            editCard(cardOnScreen());
    });
    m_copy = new QAction(QStringLiteral("&Copy to My Cards"), window);
    connect(m_copy, &QAction::triggered, this, [this] { copyCard(cardOnScreen()); });
    m_delete = new QAction(QStringLiteral("&Delete Card"), window);
    m_delete->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_delete->setShortcutContext(Qt::ApplicationShortcut); // in the browser too
    connect(m_delete, &QAction::triggered, this, [this] {
        if (studying())
            deleteCard(cardOnScreen());
    });
    window->addActions({m_add, m_edit, m_delete});
    // Its own action, for the browser's window: there Ctrl+Z takes back deletions, not grades.
    m_browserUndo = new QAction(QStringLiteral("&Undo Delete Card"), this);
    m_browserUndo->setShortcut(QKeySequence::Undo);
    m_browserUndo->setEnabled(false);
    connect(m_browserUndo, &QAction::triggered, this, &OwnCards::undoDeletion);
    connect(window->diagramScene(), &DiagramScene::componentHovered, this,
            [this](const QString &id) { m_hovered = id; });
    window->diagramView()->viewport()->installEventFilter(this);
    updateActions();
}

CardEditor *OwnCards::editor() const
{
    return m_editor;
}

void OwnCards::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    if (m_editor) {
        m_editor->setContent(m_content);
        if (m_editor->mode() == CardEditor::Mode::Add)
            m_editor->setDecks(editableDeckTitles(), m_lastDeck);
    }
}

void OwnCards::setLibrary(ContentLibrary *library, const QString &dataFolder)
{
    m_library = library;
    m_dataFolder = dataFolder;
    updateActions();
}

void OwnCards::updateActions()
{
    for (QAction *action : {m_add, m_edit, m_copy, m_delete})
        action->setEnabled(m_library != nullptr);
}

void OwnCards::addMenuTo(QMenuBar *bar)
{
    QMenu *cards = bar->addMenu(QStringLiteral("&Cards"));
    cards->addActions({m_add, m_edit, m_copy});
    cards->addSeparator();
    cards->addAction(m_delete);
}

bool OwnCards::isEditable(const Card &card) const
{
    const QFileInfo file(card.file);
    return m_library && m_content->sourceRule(card.file) == SourceRule::Optional && file.isWritable() &&
           QFileInfo(file.absolutePath()).isWritable();
}

bool OwnCards::studying() const
{
    const QWidget *active = QApplication::activeWindow();
    return !active || active == m_window || active == m_window->cardBrowser();
}

// A question opens over the window it was asked from: the browser, or the main window.
QWidget *OwnCards::dialogParent() const
{
    if (CardBrowser *browser = m_window->cardBrowser(); browser && browser->isActiveWindow())
        return browser;
    return m_window;
}

QString OwnCards::cardOnScreen() const
{
    if (CardBrowser *browser = m_window->cardBrowser(); browser && browser->isActiveWindow())
        return browser->currentCardId();
    if (auto *mode = dynamic_cast<StudyMode *>(m_window->studyModes()->current()); mode && mode->current())
        return mode->current()->id;
    return QString();
}

QStringList OwnCards::editableDeckTitles() const
{
    QStringList titles;
    for (const Deck &deck : m_content->decks())
        if (!deck.cards.isEmpty() && isEditable(deck.cards.first()))
            titles.append(deck.title);
    if (!titles.contains(m_lastDeck))
        titles.prepend(m_lastDeck);
    return titles;
}

CardEditor *OwnCards::openEditor(bool add)
{
    const auto mode = add ? CardEditor::Mode::Add : CardEditor::Mode::Edit;
    if (m_editor && (m_editor->mode() != mode || !m_editor->isVisible())) {
        m_editor->close(); // it deletes itself
        m_editor = nullptr;
    }
    if (!m_editor) {
        m_editor = new CardEditor(mode, m_content, m_window);
        m_editor->setAttribute(Qt::WA_DeleteOnClose);
        m_editor->setFolderNote(
            QStringLiteral("Your cards are saved as YAML in %1, shared by every profile on this data folder.")
                .arg(QDir::toNativeSeparators(QDir(m_dataFolder).filePath(QStringLiteral("decks")))));
        connect(m_editor, &CardEditor::submitted, this, &OwnCards::submit);
        connect(m_editor, &CardEditor::reloadRequested, this, &OwnCards::reopenAfterReload);
    }
    if (add)
        m_editor->setDecks(editableDeckTitles(), m_lastDeck);
    m_editor->show();
    m_editor->raise();
    m_editor->activateWindow();
    m_editor->frontEdit()->setFocus();
    return m_editor;
}

void OwnCards::addCard(const QString &componentId)
{
    if (!m_library)
        return;
    CardEditor *editor = openEditor(true);
    editor->attachComponent(componentId);
    // Pictures go to media/ beside the deck: the learner's decks/ unless the deck is elsewhere.
    QString file = QDir(m_dataFolder).filePath(QStringLiteral("decks/%1.yaml").arg(DeckEdit::deckIdFor(m_lastDeck)));
    for (const Deck &deck : m_content->decks())
        if (deck.title == m_lastDeck)
            file = deck.file;
    editor->setDeckFile(file);
}

void OwnCards::editCard(const QString &cardId)
{
    const Card *card = m_content->card(cardId);
    if (!card) {
        emit message(QStringLiteral("No card on screen to edit."));
        return;
    }
    if (!isEditable(*card)) {
        emit message(QStringLiteral("\"%1\" is a bundled card: Copy to My Cards makes a copy you can edit.")
                         .arg(shortFront(*card)));
        return;
    }
    auto edit = DeckEdit::open(card->file, &m_content->registry(), m_content->sourceRule(card->file));
    if (!edit) {
        emit message(edit.error());
        return;
    }
    m_editing = *edit;
    m_editingId = cardId;
    CardEditor *editor = openEditor(false);
    // The file's version of the card, should it have changed since the content was loaded.
    for (const Card &c : m_editing->deck().cards)
        if (c.id == cardId)
            editor->setCard(c);
    editor->setDeckFile(card->file);
    for (const Deck &deck : m_content->decks())
        if (deck.id == card->deckId)
            editor->setDecks({deck.title}, deck.title); // shown, not changed: a card keeps its deck
}

void OwnCards::submit()
{
    if (m_editor)
        m_editor->mode() == CardEditor::Mode::Add ? submitNew() : submitEdit();
}

void OwnCards::submitNew()
{
    CardEditor *editor = m_editor;
    auto deck = deckNamed(editor->deckName());
    if (!deck) {
        editor->showDeckProblem(deck.error());
        return;
    }
    DeckEdit edit = *deck;
    Card card = editor->card();
    card.id = newCardId(edit.deck().id, card.front, edit);
    const auto change = edit.added(card);
    if (!change) {
        editor->showProblems(change.problems);
        return;
    }
    if (const auto error = edit.save(change)) {
        editor->showMessage(*error, edit.changedOnDisk());
        return;
    }
    m_lastDeck = edit.deck().title;
    reload();
    editor->clearForNext();
    const QString done = QStringLiteral("Added \"%1\" to %2.").arg(shortFront(card), m_lastDeck);
    editor->showMessage(done);
    emit message(done);
}

void OwnCards::submitEdit()
{
    CardEditor *editor = m_editor;
    if (!m_editing)
        return;
    Card card = editor->card();
    card.id = m_editingId;
    const auto change = m_editing->replaced(card);
    if (!change) {
        editor->showProblems(change.problems);
        return;
    }
    if (const auto error = m_editing->save(change)) {
        editor->showMessage(*error, m_editing->changedOnDisk());
        return;
    }
    reload();
    emit message(QStringLiteral("Saved \"%1\".").arg(shortFront(card)));
    editor->close();
}

// The file changed on disk: read it again, keep what the learner typed, let them save again.
void OwnCards::reopenAfterReload()
{
    reload();
    if (!m_editor)
        return;
    if (m_editor->mode() == CardEditor::Mode::Edit && m_editing) {
        auto edit = DeckEdit::open(m_editing->path(), &m_content->registry(), m_content->sourceRule(m_editing->path()));
        if (!edit) {
            m_editor->showMessage(edit.error());
            return;
        }
        m_editing = *edit;
    }
    m_editor->showMessage(QStringLiteral("Reloaded the deck; what you typed is kept. Save again to write it."));
}

Result<DeckEdit> OwnCards::deckNamed(const QString &name) const
{
    const QString id = DeckEdit::deckIdFor(name);
    if (id.isEmpty())
        return Failure{QStringLiteral("Name a deck: its name needs a letter or a digit (a to z, 0 to 9).")};
    for (const Deck &deck : m_content->decks()) {
        if (deck.title != name && deck.id != id)
            continue;
        if (deck.cards.isEmpty() || !isEditable(deck.cards.first()))
            return Failure{QStringLiteral("The deck id \"%1\" is already used by %2, which cannot take new cards; "
                                          "choose another name.")
                               .arg(deck.id, QDir::toNativeSeparators(deck.file))};
        return DeckEdit::open(deck.file, &m_content->registry(), m_content->sourceRule(deck.file));
    }
    const QString folder = QDir(m_dataFolder).filePath(QStringLiteral("decks"));
    const QString path = QDir(folder).filePath(id + QStringLiteral(".yaml"));
    if (QFileInfo::exists(path))
        return Failure{QStringLiteral("%1 already exists but did not load (see the problems above the diagram); "
                                      "fix it or choose another name.")
                           .arg(QDir::toNativeSeparators(path))};
    if (!QDir().mkpath(folder))
        return Failure{QStringLiteral("Cannot create %1.").arg(QDir::toNativeSeparators(folder))};
    return DeckEdit::create(path, name, &m_content->registry());
}

QString OwnCards::newCardId(const QString &deckId, const QString &front, const DeckEdit &edit) const
{
    return DeckEdit::newCardId(deckId, front, [&](const QString &id) {
        if (m_content->card(id))
            return true;
        for (const Card &c : edit.deck().cards)
            if (c.id == id)
                return true;
        return false;
    });
}

void OwnCards::copyCard(const QString &cardId, Original original)
{
    const Card *card = m_content->card(cardId);
    if (!card || !m_library) {
        emit message(QStringLiteral("No card on screen to copy."));
        return;
    }
    const std::optional<bool> suspend =
        original == Original::Ask ? askSuspendOriginal(*card) : std::optional(original == Original::Suspend);
    if (!suspend)
        return;
    auto deck = deckNamed(QStringLiteral("My cards"));
    if (!deck) {
        emit message(deck.error());
        return;
    }
    DeckEdit edit = *deck;
    Card copy = *card;
    copy.copiedFrom = cardId;
    copy.id = newCardId(edit.deck().id, copy.front, edit);
    const auto change = edit.added(copy);
    if (const auto error = edit.save(change)) {
        emit message(*error);
        return;
    }
    // The store's own suspension, as the browser's Ctrl+J makes it: logged, and undone there.
    const auto suspendError =
        *suspend ? m_window->grader()->store().setSuspended({cardId}, true, QDateTime::currentDateTimeUtc())
                 : std::nullopt;
    reload(); // every view reads the new card and the original's state
    if (suspendError)
        emit message(QStringLiteral("Copied to My cards as %1, but the original could not be suspended: %2")
                         .arg(copy.id, *suspendError));
    else
        emit message(*suspend ? QStringLiteral("Copied to My cards as %1; the original is suspended (unsuspend it "
                                               "in the browser with Ctrl+J).")
                                    .arg(copy.id)
                              : QStringLiteral("Copied to My cards as %1.").arg(copy.id));
    editCard(copy.id);
}

std::optional<bool> OwnCards::askSuspendOriginal(const Card &card) const
{
    QMessageBox box(QMessageBox::Question, QStringLiteral("Copy to My Cards"),
                    QStringLiteral("Copy \"%1\" to My cards, where you can edit it?").arg(shortFront(card)),
                    QMessageBox::Cancel, dialogParent());
    box.setInformativeText(QStringLiteral("Suspending the original means only your copy comes up for review. "
                                          "Its history is kept; the browser unsuspends it (Ctrl+J)."));
    QPushButton *suspend = box.addButton(QStringLiteral("Copy and &Suspend the Original"), QMessageBox::AcceptRole);
    QPushButton *keep = box.addButton(QStringLiteral("&Copy"), QMessageBox::AcceptRole);
    box.setDefaultButton(suspend);
    box.exec();
    if (box.clickedButton() == suspend)
        return true;
    if (box.clickedButton() == keep)
        return false;
    return std::nullopt;
}

void OwnCards::deleteCard(const QString &cardId, bool confirm)
{
    const Card *card = m_content->card(cardId);
    if (!card || !isEditable(*card)) {
        emit message(card ? QStringLiteral("Bundled cards cannot be deleted; suspend it in the browser instead.")
                          : QStringLiteral("No card on screen to delete."));
        return;
    }
    if (confirm &&
        QMessageBox::question(dialogParent(), QStringLiteral("Delete Card"),
                              QStringLiteral("Delete \"%1\" from %2? Its review history is kept and "
                                             "shown as retired in the browser.")
                                  .arg(shortFront(*card), QFileInfo(card->file).fileName())) != QMessageBox::Yes)
        return;
    auto opened = DeckEdit::open(card->file, &m_content->registry(), m_content->sourceRule(card->file));
    const QString title = shortFront(*card);
    std::optional<QString> error = opened.error();
    Undoable undoable{true, {}, {}};
    if (opened) {
        DeckEdit edit = *opened;
        undoable.before = edit.currentBytes();
        error = edit.save(edit.removed(cardId));
        undoable.after = edit;
    }
    if (error) {
        emit message(*error);
        return;
    }
    m_history.append(undoable);
    reload();
    updateUndo();
    emit message(QStringLiteral("Deleted \"%1\".").arg(title));
}

void OwnCards::reload()
{
    if (m_library)
        m_library->reload(); // the window moves to the new content before this returns
}

bool OwnCards::eventFilter(QObject *watched, QEvent *event)
{
    const auto type = event->type();
    if (m_editor && m_editor->isVisible() &&
        (type == QEvent::MouseButtonPress || type == QEvent::MouseButtonRelease || type == QEvent::MouseButtonDblClick))
        return takeAttach(watched, static_cast<QMouseEvent *>(event));
    return QObject::eventFilter(watched, event);
}

// A plain click keeps its meaning; Ctrl+click attaches the component or arrow under the mouse.
bool OwnCards::takeAttach(QObject *watched, QMouseEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier) || event->button() != Qt::LeftButton)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::MouseButtonPress)
        for (QGraphicsItem *item = m_window->diagramView()->itemAt(event->position().toPoint()); item;
             item = item->parentItem()) {
            if (auto *component = dynamic_cast<ComponentItem *>(item)) {
                m_editor->attachComponent(component->componentId());
                break;
            }
            if (auto *arrow = dynamic_cast<ArrowItem *>(item)) {
                m_editor->attachArrow(arrow->baseId());
                break;
            }
        }
    return true;
}

} // namespace k8sfc
