#pragma once

#include "diagnostic.h"

#include <QByteArray>

class QFile;

#include <optional>

namespace k8sfc {

/// The largest content file (deck, diagram, walkthrough, registry) the loaders accept: 70 times the
/// largest bundled one. yaml-cpp's node tree takes far more than the text: a flow list of 4 million
/// numbers, 8 MiB, took it 2 GB and 6 s; at 2 MiB the worst case stays near 500 MB.
inline constexpr qsizetype kMaxContentFileBytes = 2 * 1024 * 1024;

/// Opens `path` for reading only if it is a regular file (a symlink is followed, to a regular file
/// only), without ever waiting: a FIFO, socket or device is refused, since opening or reading one
/// can block the app for good. Returns why it could not be opened, or nothing.
std::optional<QString> openRegularFile(const QString &path, QFile &file);
/// The error for a file of `size` bytes when it is over kMaxContentFileBytes, at line 1.
std::optional<Diagnostic> contentSizeError(const QString &fileName, qsizetype size);

/// The whole of a content file, or nullopt with the reason in `diagnostics`: unreadable
/// ("cannot read the <what>: …"), not a regular file, or over the size limit. Reads at most one byte past the limit,
/// so a huge file is never loaded whole.
std::optional<QByteArray> readContentFile(const QString &path, const QString &what, Diagnostics &diagnostics);

} // namespace k8sfc
