#pragma once

#include "card.h"
#include "componentregistry.h"
#include "deckloader.h"
#include "diagnostic.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace k8sfc {

/// One deck file opened for writing cards in the app. It changes only the lines of the card it
/// writes: every other byte of the file (other cards, key order, comments, blank lines) stays as it
/// was. Each change is checked by reading the new text back with DeckLoader, so a card that would
/// not load is never written, and the loader's own messages say why, key by key. A save is atomic
/// (writeFileAtomically) and refused when the file changed on disk since it was opened.
class DeckEdit
{
public:
    /// A loader message about the new text, with the card key it falls on ("front", "components"…;
    /// empty when it is about the file or no key of the card).
    struct Problem
    {
        QString key;
        Diagnostic diagnostic;
    };
    using Problems = QList<Problem>;

    /// The text a change produced, or what is wrong with it.
    struct Change
    {
        QByteArray text;
        Problems problems;
        bool removesFile = false; ///< the deck's last card went: the file goes with it
        explicit operator bool() const { return problems.isEmpty(); }
    };

    /// The deck file at `path` as it is now, read against `registry` under `sources`.
    static Result<DeckEdit> open(const QString &path, const ComponentRegistry *registry,
                                 SourceRule sources = SourceRule::Optional);
    /// A deck file that does not exist yet, titled `title`; its first card creates it.
    static DeckEdit create(const QString &path, const QString &title, const ComponentRegistry *registry);

    const QString &path() const { return m_path; }
    /// The deck as read when opened (or last saved).
    const Deck &deck() const { return m_deck; }

    /// The text with `card` in place of the card of the same id.
    Change replaced(const Card &card) const;
    /// The text with `card` added after the last card (or a new deck holding it).
    Change added(const Card &card) const;
    /// The text without the card `id`; without its last card, no file at all.
    Change removed(const QString &id) const;

    /// The file's bytes as opened (or last saved).
    const QByteArray &currentBytes() const { return m_bytes; }
    /// Whether the file on disk is no longer what was opened (another editor saved it).
    bool changedOnDisk() const;
    /// Writes `change` atomically; refused when changedOnDisk(). Returns why it failed, or nothing.
    std::optional<QString> save(const Change &change);

    /// A new card id: `DECK-first-words-of-front-N`, the first N from 1 that `taken` refuses.
    static QString newCardId(const QString &deckId, const QString &front,
                             const std::function<bool(const QString &)> &taken);
    /// The deck id (file stem) a deck named `name` gets: its words, lowercase, joined by hyphens.
    static QString deckIdFor(const QString &name);

private:
    struct Block
    {
        qsizetype begin = 0; ///< byte offset of the line of the card's `-`
        qsizetype end = 0;   ///< byte offset after its last line
        int indent = 0;      ///< the column of its `-`
    };
    Result<Block> blockOf(const QString &id) const;
    Change check(const QByteArray &text, const QString &id, const Card *expected) const;

    QString m_path;
    QByteArray m_bytes;
    bool m_exists = false;
    QString m_title; ///< for a deck not yet written
    Deck m_deck;
    /// A copy: an edit outlives the content snapshot it was opened from (a reload frees it).
    std::shared_ptr<const ComponentRegistry> m_registry;
    SourceRule m_sources = SourceRule::Optional;
};

} // namespace k8sfc
