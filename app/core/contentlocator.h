#pragma once

#include <QString>

namespace k8sfc {

/// Finds the bundled content: next to an installed binary (`../share/k8s-flashcards`), else the
/// source tree the binary was built from (during development).
class ContentLocator
{
public:
    /// The content root (holding `decks/` and `diagrams/`), or empty if none is found.
    static QString bundledRoot();
    static QString bundledRegistry();
    /// The bundled decks parsed at build time (`../share/k8s-flashcards/deck-cache` beside the
    /// binary, in the build tree and installed alike); may not exist.
    static QString bundledDeckCache();
};

} // namespace k8sfc
