#pragma once

// Internal to the RBAC loader: cutting a large `kind: List` export into pieces that parse alone.

#include <QByteArray>
#include <QList>

#include <optional>

namespace k8sfc::rbac {

/// Some of a List's items: whole lines of the file, from its line `firstLine` (0-based) on.
struct ListPiece
{
    int firstLine = 0;
    QByteArray text;
};

/// The parts of a List export as kubectl writes it (`kubectl get ... -o yaml`): the lines outside
/// `items`, and the items cut into about `pieces` runs of whole items. yaml-cpp is most of a large
/// load, and each piece parses on its own core. Only that shape is cut: `items:` alone on a line at
/// the margin, every item a `- ` line at the margin, at least `minItems` of them, no document
/// markers or directives. Anything else gives nullopt and is read whole, and so is a file whose
/// pieces do not each parse alone (an alias to an anchor in another piece, say).
struct ListSplit
{
    QByteArray head; ///< the file with the item lines blanked out, line numbers kept
    QList<ListPiece> pieces;
};
std::optional<ListSplit> splitListExport(const QByteArray &text, int pieces, int minItems);

} // namespace k8sfc::rbac
