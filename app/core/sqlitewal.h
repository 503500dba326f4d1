#pragma once

#include <QString>

namespace k8sfc::sql {

/// What a database's write-ahead log (its `-wal` file) holds, read the way SQLite's file format
/// describes it: a header, then frames chained by salts and cumulative checksums. SQLite replays
/// the frames up to the last valid commit and silently ignores the rest, so a frame damaged in
/// the middle hides every transaction committed after it.
struct WalReport
{
    int replayedFrames = 0; ///< frames up to the last valid commit: what SQLite will read
    int lostCommits = 0;    ///< commit frames of this log after the first bad frame: what it will not

    bool damaged() const { return lostCommits > 0; }
    /// Reads the `-wal` file at `path`; a missing, short or unrecognised file reports nothing lost.
    static WalReport inspect(const QString &path);
};

} // namespace k8sfc::sql
