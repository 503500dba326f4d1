#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace k8sfc {

/// Replaces the file at `path` with `bytes` so that a crash at any moment leaves either the old
/// file or the new one, never part of either: the bytes go to a temporary file in the same folder,
/// which is flushed to disk (fsync) and renamed over `path`, and the folder is synced so the
/// rename itself survives a power cut. The temporary name does not end in `.yaml`, so a reload
/// that runs meanwhile never reads it as a deck. Returns why it failed, or nothing.
std::optional<QString> writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace k8sfc
