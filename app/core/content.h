#pragma once

#include "card.h"
#include "componentregistry.h"
#include "deckloader.h"
#include "diagnostic.h"
#include "diagramloader.h"
#include "walkthrough.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <memory>

namespace k8sfc {

class DeckCache;

/// Everything loaded from content files: the registry, diagrams and decks, with every problem
/// found on the way. Whatever loaded cleanly is usable even when other files had errors.
class ContentSet
{
public:
    /// Loads a content root: `ROOT/diagrams/components.yaml`, `ROOT/diagrams/*.svg`,
    /// `ROOT/diagrams/walkthroughs/*.yaml`, `ROOT/decks/*.yaml`.
    static ContentSet loadRoot(const QString &root);
    /// Loads several content roots merged: the first is the bundled content, the others add decks,
    /// diagrams, walkthroughs and components (a user deck may add cards to bundled components).
    /// Anything defined twice across roots is reported and the later one left out: nothing is
    /// silently shadowed. With `previous`, a file that now has errors is replaced by its last good
    /// version (live reload), with a warning saying so. Decks come through `cache` when there is one.
    static ContentSet loadRoots(const QStringList &roots, DeckCache *cache = nullptr,
                                const ContentSet *previous = nullptr);
    /// Every file and folder a reload should watch.
    QStringList watchedPaths() const { return m_watched; }
    /// Loads the given files and folders (as `validate PATH...` does). A folder holding `decks/` or
    /// `diagrams/` is a content root; any other folder contributes its *.yaml and *.svg files.
    /// Without a registry among them, `fallbackRegistry` is used.
    static ContentSet loadPaths(const QStringList &paths, const QString &fallbackRegistry);

    const ComponentRegistry &registry() const { return m_registry; }
    const QList<Deck> &decks() const { return m_decks; }
    const QList<Diagram> &diagrams() const { return m_diagrams; }
    const QList<Walkthrough> &walkthroughs() const { return m_walkthroughs; }
    const Diagram *diagram(const QString &id) const;
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    /// Whether the cards of the deck in `deckFile` must cite a source: those of the bundled content
    /// must, a learner's or teacher's own deck need not.
    SourceRule sourceRule(const QString &deckFile) const
    {
        return m_ownDecks.contains(deckFile) ? SourceRule::Optional : SourceRule::Required;
    }

    const Card *card(const QString &id) const;
    /// Cards of `componentId`, and of its sub-parts when `withParts`, in deck order. For an arrow
    /// id, the cards naming it and, for a copy, those naming the arrow without copy suffixes.
    QList<const Card *> cardsFor(const QString &componentId, bool withParts) const;
    int cardCount() const;

private:
    void loadFiles(const QString &registryFile, const QStringList &diagramFiles, const QStringList &deckFiles,
                   const QStringList &walkthroughFiles, const QStringList &extraRegistries = {},
                   const ContentSet *previous = nullptr, DeckCache *cache = nullptr);
    /// The registry, with those of other content folders merged in; on errors during a reload,
    /// the last good one.
    void loadRegistry(const QString &registryFile, const QStringList &extraRegistries, const ContentSet *previous);
    /// Every deck file parsed, side by side, each with its own diagnostics (sized like deckFiles).
    QList<std::optional<Deck>> parseDecks(const QStringList &deckFiles, DeckCache *cache,
                                          QList<Diagnostics> &diagnostics) const;
    void mergeRegistry(const QString &file);
    void crossCheck();
    void checkArrows();
    void checkPictures();

    ComponentRegistry m_registry;
    QList<Deck> m_decks;
    QList<Diagram> m_diagrams;
    QList<Walkthrough> m_walkthroughs;
    Diagnostics m_diagnostics;
    QHash<QString, QPair<qsizetype, qsizetype>> m_cardIndex; ///< card id → (deck, card)
    /// component id → its cards as (deck, card), in deck order: a click asks twice per open.
    QHash<QString, QList<QPair<qsizetype, qsizetype>>> m_componentIndex;
    QStringList m_watched;
    QSet<QString> m_ownDecks; ///< deck files outside the bundled content
};

/// One published version of the content. A reload publishes a new snapshot and never changes an
/// old one, so whoever holds a snapshot may keep pointers into it (cards, walkthroughs) for as
/// long as they hold it.
using ContentSnapshot = std::shared_ptr<const ContentSet>;

} // namespace k8sfc
