#pragma once

#include "card.h"
#include "diagnostic.h"

#include <QByteArray>
#include <optional>

namespace k8sfc {

class ComponentRegistry;

/// Parsed decks kept on disk between runs, so a start with 50,000 cards does not parse YAML it
/// parsed before. An entry is keyed by the file's path and a hash of its bytes and of the
/// registry's component ids: any edit to either misses the cache. Off unless a folder is set
/// (the app sets the user's cache folder; tests and `validate` parse every time).
class DeckCache
{
public:
    /// Where entries live; empty turns the cache off.
    static void setDirectory(const QString &dir);
    static QString directory();

    /// The deck parsed from `text` at `path`, from the cache when it has it, else parsed and stored.
    static std::optional<Deck> load(const QByteArray &text, const QString &path, const ComponentRegistry *registry,
                                    Diagnostics &diagnostics);
};

} // namespace k8sfc
