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
    /// One value to follow `key: ` on a line indented by `indent` spaces.
    static QString scalar(const QString &value, int indent);
    /// A double-quoted YAML string.
    static QString quoted(const QString &value);
};

} // namespace k8sfc
