#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace k8sfc {

/// Pictures pasted or dropped into a card: kept in the `media/` folder beside the deck's file (the
/// only place CardMedia reads them from), each named by a hash of its bytes, so the same picture
/// twice is one file and a name never changes what it shows.
class PictureStore
{
public:
    /// The largest picture a card may take.
    static constexpr qsizetype kMaxBytes = 5 * 1024 * 1024;

    enum class Kind { Png, Jpeg, Svg, Other };
    /// What `bytes` are, by their first bytes (SVG: an `<svg` element near the start).
    static Kind kindOf(const QByteArray &bytes);
    /// Why a picture of `bytes` bytes is refused, or nothing.
    static std::optional<QString> sizeProblem(qint64 bytes);
    /// Writes a PNG or JPEG picture into `media/` beside `deckFile` (atomically, once) and returns
    /// the address the card's Markdown names it by (`media/HASH.png`), or why it could not.
    static Result<QString> store(const QString &deckFile, const QByteArray &bytes);
};

} // namespace k8sfc
