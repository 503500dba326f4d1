#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace k8sfc::cli {

/// `k8s-flashcards optimize [--day-start HOUR] [--long-term] HISTORY.csv|-`: fits the FSRS-6
/// parameters to a review history (FsrsOptimizer) and prints one JSON object:
/// `{"parameters": [21 numbers], "reviews": N, "items": N, "log_loss": x, "rmse_bins": y,
/// "default_log_loss": x, "default_rmse_bins": y}`, the metrics as fsrs-rs's `evaluate` computes
/// them on every item. Days are counted in the local time zone (TZ), each starting at HOUR.
class OptimizeCommand
{
public:
    static constexpr qsizetype kMaxBytes = 256 * 1024 * 1024;

    /// Exit code: 0 fitted, 1 too few items to fit, 2 unreadable input or malformed rows (each
    /// reported as path:line:column: error: message; nothing is fitted).
    static int run(const QString &path, int dayStart, bool longTerm);
};

} // namespace k8sfc::cli
