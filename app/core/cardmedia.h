#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace k8sfc {

/// The pictures of card Markdown. A picture is a file in the `media/` folder beside its deck's
/// YAML file, named relative to the deck's folder (`![Pod](media/pod.png)`); nothing else is read:
/// no URL, absolute path, `..`, or symbolic link out of the folder (Anki confines a card's
/// pictures to its media folder for the same reason: decks are shared).
class CardMedia
{
public:
    /// The largest picture read, and the most pixels it may decode to (a 4096 × 4096 image).
    static constexpr qsizetype kMaxBytes = 8 * 1024 * 1024;
    static constexpr qint64 kMaxPixels = 4096 * 4096;

    /// The file `source` (an image's address as written in `markdownFile`'s Markdown) names, or why
    /// it is refused: `resolve("decks/pods.yaml", "media/pod.png")` → `decks/media/pod.png`.
    static Result<QString> resolve(const QString &markdownFile, const QString &source);
    /// Whether `name` starts with a URL scheme (`https:`, `file:`, `data:`…), as RFC 3986 spells
    /// one. By hand: content loads on the way to the first frame, which compiles no regular expression.
    static bool hasUrlScheme(QStringView name);
    /// The address of every picture in `markdown`, read as the app reads card text.
    static QStringList imageSources(const QString &markdown);
    /// The bytes of a resolved picture, read only from a regular file, without waiting, up to kMaxBytes.
    static Result<QByteArray> read(const QString &path);
};

} // namespace k8sfc
