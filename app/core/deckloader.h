#pragma once

#include "card.h"
#include "diagnostic.h"

#include <QByteArray>
#include <optional>

namespace k8sfc {

class ComponentRegistry;

/// Whether every card must cite a source: the bundled decks must; a learner's own deck (in the
/// data folder or a `--content` folder) may leave it out.
enum class SourceRule { Required, Optional };

/// Reads one deck file. Checks the file on its own (schema, ids unique within it, component ids
/// known to `registry` when one is given); cross-deck checks live in ContentSet.
/// A deck with errors still returns the cards that were read cleanly.
class DeckLoader
{
public:
    static std::optional<Deck> load(const QByteArray &text, const QString &fileName, const ComponentRegistry *registry,
                                    Diagnostics &diagnostics, SourceRule sources = SourceRule::Required);
    static std::optional<Deck> loadFile(const QString &path, const ComponentRegistry *registry,
                                        Diagnostics &diagnostics, SourceRule sources = SourceRule::Required);
};

} // namespace k8sfc
