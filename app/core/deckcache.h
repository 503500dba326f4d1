#pragma once

#include "card.h"
#include "diagnostic.h"

#include <QByteArray>
#include <optional>

namespace k8sfc {

class ComponentRegistry;

/// Parsed decks kept on disk between runs, so a start with 50,000 cards does not parse YAML it
/// parsed before. An entry is keyed by a hash of the file's bytes and of the registry's
/// component ids: any edit to either misses the cache. Entries are looked up in the user's cache
/// folder, then in the read-only folder installed with the bundled decks (made at build time by
/// `k8s-flashcards cache-decks`), so even a first start parses no bundled YAML. Off unless a
/// folder is set (the app sets both; tests and `validate` parse every time).
class DeckCache
{
public:
    /// Where entries live; empty turns the cache off.
    static void setDirectory(const QString &dir);
    static QString directory();
    /// A read-only folder of entries made at build time; looked in after directory().
    static void setBundledDirectory(const QString &dir);

    /// Misses are parsed at once but written only by writePending(): a first start at scale then
    /// paints before it serializes 50,000 cards (the app writes them on a thread after).
    static void setDeferWrites(bool defer);
    /// Writes the entries of the misses since the last call; safe beside loads.
    static void writePending();

    /// The deck parsed from `text` at `path`, from the cache when it has it, else parsed and stored.
    static std::optional<Deck> load(const QByteArray &text, const QString &path, const ComponentRegistry *registry,
                                    Diagnostics &diagnostics);
};

} // namespace k8sfc
