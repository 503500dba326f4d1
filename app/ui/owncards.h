#pragma once

#include "content.h"
#include "deckedit.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QMenuBar;
class QMouseEvent;

namespace k8sfc {

class CardBrowser;
class CardEditor;
class ContentLibrary;
class Grader;
class MainWindow;

/// The learner's own cards: the Cards menu (Add Card…, Edit Card…, Copy to My Cards, Delete Card),
/// the Add/Edit Card window and every write to a deck file, through DeckEdit. A learner's decks are
/// the YAML files in the data folder's decks/ (shared by every profile there); decks of a writable
/// `--content` folder are edited the same way; the bundled decks never are (copy a card instead).
/// After each write the library reloads, so every view shows the change at once.
class OwnCards : public QObject
{
    Q_OBJECT
public:
    OwnCards(MainWindow *window, ContentSnapshot content);

    void setContent(ContentSnapshot content);
    /// What to reload after a write, and the data folder whose decks/ takes new decks. Until it is
    /// set nothing can be written, and the actions are off.
    void setLibrary(ContentLibrary *library, const QString &dataFolder);
    /// The Cards menu, after Study.
    void addMenuTo(QMenuBar *bar);

    QAction *addAction() const { return m_add; }
    QAction *editAction() const { return m_edit; }
    QAction *copyAction() const { return m_copy; }
    QAction *deleteAction() const { return m_delete; }
    /// The Add or Edit Card window while it is open.
    CardEditor *editor() const;

    /// Opens Add Card with `componentId` attached.
    void addCard(const QString &componentId);
    /// Opens Edit Card on the card, or says why it cannot be edited in place.
    void editCard(const QString &cardId);
    /// What Copy to My Cards does with the original: the learner is asked, or a test says.
    enum class Original { Ask, Keep, Suspend };
    /// Writes an editable copy of the card into "My cards" and opens it in Edit Card; the original
    /// may be suspended, so that only the copy comes up for review.
    void copyCard(const QString &cardId, Original original = Original::Ask);
    /// Removes the card from its deck after asking (`confirm` false: without asking, for tests).
    void deleteCard(const QString &cardId, bool confirm = true);
    /// Whether the card's deck may be written: a learner's or a writable teacher's deck.
    bool isEditable(const Card &card) const;
    /// The card the learner is looking at: the browser's (when it is the active window) or the card pane's.
    QString cardOnScreen() const;

    /// Makes `undo` (Ctrl+Z) the one undo of the window: it takes back the latest grade or card
    /// deletion, and says which ("Undo Grade", "Undo Delete Card").
    void takeUndo(QAction *undo, Grader *grader);
    /// Takes back the latest grade or deletion.
    void undo();
    /// Takes back the latest deletion, grades aside: the browser's Ctrl+Z.
    void undoDeletion();
    /// The browser's Ctrl+Z ("Undo Delete Card"), and the card actions in its table's context menu.
    void takeBrowser(k8sfc::CardBrowser *browser);
    QAction *browserUndoAction() const { return m_browserUndo; }
    /// The undo action's text and state after any change.
    void updateUndo();

signals:
    /// A line for the status bar.
    void message(const QString &text);

protected:
    /// Ctrl+click on the diagram attaches what was clicked while the window is open.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Whether the main window or the browser is the active window (where E and Ctrl+Delete act).
    bool studying() const;
    QWidget *dialogParent() const;
    CardEditor *openEditor(bool add);
    void submit();
    void submitNew();
    void submitEdit();
    void reopenAfterReload();
    /// The deck named `name` to add to (an editable one by title or id, or a new file), or why not.
    Result<DeckEdit> deckNamed(const QString &name) const;
    QStringList editableDeckTitles() const;
    QString newCardId(const QString &deckId, const QString &front, const DeckEdit &edit) const;
    bool takeAttach(QObject *watched, QMouseEvent *event);
    /// Asks whether Copy to My Cards should suspend the original; nullopt: the learner cancelled.
    std::optional<bool> askSuspendOriginal(const Card &card) const;
    /// Writes the deck file as it was before the deletion at `index` of the history.
    void restoreDeletion(qsizetype index);
    void reload();
    void updateActions();

    MainWindow *m_window;
    ContentSnapshot m_content;
    ContentLibrary *m_library = nullptr;
    QString m_dataFolder;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_delete = nullptr;
    QPointer<CardEditor> m_editor;
    std::optional<DeckEdit> m_editing; ///< the deck file of the card in Edit Card, as opened
    QString m_editingId;
    QString m_lastDeck = QStringLiteral("My cards");
    QString m_hovered; ///< the component under the mouse
    /// The window's undo history, newest last: a grade (the Grader keeps what it undoes) or a
    /// deletion (the deck file as it was before, and as the deletion left it).
    struct Undoable
    {
        bool deletion = false;
        QByteArray before;
        DeckEdit after;
    };
    QList<Undoable> m_history;
    QAction *m_undo = nullptr;
    QAction *m_browserUndo = nullptr;
    Grader *m_grader = nullptr;
};

} // namespace k8sfc
