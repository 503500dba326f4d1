#pragma once

#include <QByteArray>

#include <optional>

namespace k8sfc {

/// A place in a YAML text and how many collections (lists, mappings) are open there.
struct YamlNestingPoint
{
    int depth = 0;
    int line = 0;   ///< 1-based
    int column = 0; ///< 1-based, in bytes
};

/// The first place where `text` nests more than `limit` collections inside each other, counting
/// flow brackets (`[`, `{`) and block levels (indentation, `- `, `? `, `key:`), or nullopt.
/// A scan, not a parse, so that it can run before yaml-cpp recurses: quoted, block and plain
/// scalars are skipped (brackets in card text do not count). It can count less than yaml-cpp would
/// (a list at its key's indentation is not a level of its own), so a limit far below yaml-cpp's own
/// (2000) keeps that one a backstop that is never reached.
///
///     yamlNestingBeyond("a: [[[1]]]\n", 3) → {depth 4, line 1, column 6}
std::optional<YamlNestingPoint> yamlNestingBeyond(const QByteArray &text, int limit);

} // namespace k8sfc
