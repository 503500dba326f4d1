#pragma once

#include "card.h"

#include <QByteArray>
#include <QString>

namespace k8sfc {

/// Writes a deck as YAML in the layout of decks/README.md, so that DeckLoader reads back the same
/// cards. Text is written plain when YAML would read it back unchanged, as a literal block (`|`)
/// when it spans lines, and double-quoted (with escapes) otherwise, so any text survives:
/// tabs, quotes, backslashes, `- ` or `#` at the start, control characters.
class DeckWriter
{
public:
    static QByteArray write(const Deck &deck);
    /// One card as an item of a deck's `cards:` list, its `-` at column `indent`, ending in a line
    /// break; optional keys that are empty are left out.
    static QString card(const Card &card, int indent);
    /// One value to follow `key: ` on a line indented by `indent` spaces.
    static QString scalar(const QString &value, int indent);
    /// A double-quoted YAML string.
    static QString quoted(const QString &value);
};

} // namespace k8sfc
