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
};

} // namespace k8sfc
