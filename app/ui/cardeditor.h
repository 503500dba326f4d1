#pragma once

#include "card.h"
#include "content.h"
#include "deckedit.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace k8sfc {

class CardTextView;

/// The Add Card and Edit Card window: a card's fields, a live preview of its Front and Back as the
/// card pane shows them, which quiz forms it will take part in, and what the loader says is wrong,
/// under the field it is about. It only edits: OwnCards saves what it asks for (submitted()) and
/// says back how it went. Ctrl+Enter submits.
class CardEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Add, Edit };

    CardEditor(Mode mode, ContentSnapshot content, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setContent(ContentSnapshot content);
    /// The decks the card may go to (titles), the first chosen unless the learner picks another;
    /// any other name typed in "Add to deck" makes a new deck.
    void setDecks(const QStringList &titles, const QString &chosen);
    QString deckName() const;
    /// The file pictures are read beside (the chosen deck's).
    void setDeckFile(const QString &file);
    /// Where the learner's decks are kept, said in the window.
    void setFolderNote(const QString &text);

    /// Fills the form from `card` (Edit; or Add with its components and tags).
    void setCard(const Card &card);
    /// The card the form describes (no id for a new card).
    Card card() const;
    QStringList components() const { return m_components; }
    QStringList arrows() const { return m_arrows; }
    void attachComponent(const QString &componentId);
    /// Attaches an arrow by its id without copy suffixes: the card is about every copy.
    void attachArrow(const QString &arrowId);
    /// Detaches the components and arrows selected in the Attached list.
    void detachSelected();
    QListWidget *attachedList() const { return m_attached; }
    /// Clears what a next card would not share (Front, Back, Answer, Aliases, Choices).
    void clearForNext();

    /// Shows the loader's messages under the fields they are about ("" and unknown keys: below).
    void showProblems(const DeckEdit::Problems &problems);
    /// A problem with the deck choice.
    void showDeckProblem(const QString &message);
    /// A message below the form; with `reload`, a Reload button beside it (the file changed on disk).
    void showMessage(const QString &message, bool offerReload = false);

    QPlainTextEdit *frontEdit() const { return m_front; }
    QPlainTextEdit *backEdit() const { return m_back; }
    CardTextView *frontPreview() const { return m_frontPreview; }
    CardTextView *backPreview() const { return m_backPreview; }
    QPushButton *submitButton() const { return m_submit; }
    QLabel *formsLabel() const { return m_forms; }
    QLabel *problemLabel(const QString &key) const;

signals:
    void submitted();
    void reloadRequested();

private:
    void buildForm();
    /// The Attached list (components and arrows) and its Remove button.
    QWidget *buildAttached();
    void showAttached();
    /// The message line, Reload, Add or Save, and Close.
    QLayout *buildButtons();
    QWidget *textWithPreview(QPlainTextEdit *&edit, CardTextView *&preview, const QString &name);
    QLabel *addProblemRow(QFormLayout *form, const QString &key);
    void renderPreviews();
    /// Stores a pasted or dropped picture beside the deck and names it at the cursor.
    void insertPicture(QPlainTextEdit *edit, const QString &key, const QByteArray &bytes);
    void updateForms();
    void clearProblems();

    Mode m_mode;
    ContentSnapshot m_content;
    QString m_deckFile;
    QStringList m_components;
    QStringList m_arrows;
    Card m_original;
    QLabel *m_note = nullptr;
    QListWidget *m_attached = nullptr;
    QPushButton *m_detach = nullptr;
    QPlainTextEdit *m_front = nullptr;
    QPlainTextEdit *m_back = nullptr;
    CardTextView *m_frontPreview = nullptr;
    CardTextView *m_backPreview = nullptr;
    QLineEdit *m_answer = nullptr;
    QLineEdit *m_aliases = nullptr;
    QPlainTextEdit *m_choices = nullptr;
    QLabel *m_forms = nullptr;
    QLineEdit *m_tags = nullptr;
    QLineEdit *m_source = nullptr;
    QComboBox *m_deck = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_submit = nullptr;
    QHash<QString, QLabel *> m_problems; ///< card key → the label under its field
    QTimer *m_previewTimer = nullptr;
};

} // namespace k8sfc
