#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace k8sfc::cli {

/// `k8s-flashcards replay [--long-term] FILE`: runs a review log through the FSRS scheduler and
/// prints each card's state after each review, one JSON object per line. FILE (or `-` for stdin)
/// holds a JSON array of `{"card_id": "etcd", "timestamp": "2024-05-01T09:30:00Z", "rating": 3}`.
/// Cards start New; fuzz is off and days are UTC days, so the output can be compared with ts-fsrs.
class ReplayCommand
{
public:
    /// The most input replay reads: a real log of years of reviews is a few MiB.
    static constexpr qsizetype kMaxReplayBytes = 64 * 1024 * 1024;
    /// Replays the log in `path` ("-": stdin). Exit code: 0 done, 2 unreadable file or bad input
    /// (nothing is printed on stdout).
    static int run(const QString &path, bool longTerm);

    /// What `replay` prints for the log `input` (the JSON lines, each ending in a newline), or
    /// nullopt with the problem in `error` (naming the event, without the file name).
    static std::optional<QByteArray> replay(const QByteArray &input, bool longTerm, QString *error);
};

} // namespace k8sfc::cli
