#pragma once

#include "card.h"
#include "diagnostic.h"

#include <QByteArray>
#include <optional>

namespace k8sfc {

class ComponentRegistry;

/// Reads one deck file. Checks the file on its own (schema, ids unique within it, component ids
/// known to `registry` when one is given); cross-deck checks live in ContentSet.
/// A deck with errors still returns the cards that were read cleanly.
class DeckLoader
{
public:
    static std::optional<Deck> load(const QByteArray &text, const QString &fileName, const ComponentRegistry *registry,
                                    Diagnostics &diagnostics);
    static std::optional<Deck> loadFile(const QString &path, const ComponentRegistry *registry,
                                        Diagnostics &diagnostics);
};

} // namespace k8sfc
