#pragma once

#include "card.h"
#include "diagnostic.h"

#include <QByteArray>
#include <QChar>
#include <QSet>
#include <QString>
#include <QStringList>

namespace k8sfc {

class ComponentRegistry;
class ContentSet;

/// Which column (0-based) holds which card field; -1 when none does.
struct CsvColumns
{
    int id = -1;
    int components = -1;
    int tags = -1;
    int front = -1;
    int back = -1;
    int source = -1;
    int answer = -1;
    int aliases = -1;
    int choices = -1;
    int answerKind = -1;
    int twoPart = -1;

    /// Reads names such as `front`, `Question`, `Back`, `Answer`, `tags` from a header row
    /// (case and blanks ignored). Without front and back names, the first two columns.
    static CsvColumns guess(const QStringList &header);
    /// True when the row looks like a header: it names at least one field.
    static bool looksLikeHeader(const QStringList &row);
    bool operator==(const CsvColumns &) const = default;
};

/// How to turn rows into a new deck.
struct CsvImportOptions
{
    QChar delimiter = u',';
    bool hasHeader = true;
    CsvColumns columns;
    QString deckId; ///< the new deck's file stem
    QString title;
    QStringList defaultComponents; ///< for rows without components
    QString defaultSource;         ///< for rows without a source
    QSet<QString> takenIds;        ///< card ids other decks already use
};

/// The deck made from the rows that gave a valid card, its YAML, and one diagnostic
/// (file:line) per row left out.
struct CsvImportResult
{
    Deck deck;
    QByteArray yaml; ///< empty when no row made a card
    Diagnostics skipped;
};

/// Cards to and from CSV or TSV. Columns: id, components, tags, front, back, source, answer,
/// aliases, choices, answer-kind, two-part. A list (components, tags, aliases, choices) is one
/// field with its entries joined by `|`; a `|` or `\` inside an entry is written `\|` or `\\`.
/// `two-part` is `true` or empty on export; import also takes false, yes, no, 1 and 0.
class DeckCsv
{
public:
    static const QStringList &header();

    /// A header row, then one row per card; quoted as RFC 4180 asks, lines ending in CRLF.
    static QByteArray exportCards(const QList<Card> &cards, QChar delimiter = u',');
    /// Makes a new deck from CSV or TSV text. Each row becomes a card that must pass DeckLoader's
    /// checks (with `registry` for component ids); rows that do not are left out and reported.
    static CsvImportResult importCards(const QByteArray &text, const QString &fileName, const CsvImportOptions &options,
                                       const ComponentRegistry *registry);

    static QString joinList(const QStringList &items);
    /// Splits at unescaped `|`; entries are trimmed and empty ones dropped.
    static QStringList splitList(const QString &field);
    /// A stable id for a card without one: a slug of the front and a hash of it, so that importing
    /// the same file again gives the same ids. `"What is etcd?"` → `what-is-etcd-1f3a9c0b`.
    static QString generatedId(const QString &front);
    /// A valid deck id made from a file name: `My Cards (2).csv` → `my-cards-2`.
    static QString deckIdFor(const QString &fileName);
    /// Where an import into `folder` may go without clashing: every card id the loaded decks use
    /// is taken, and the deck id is `nameHint`'s stem, numbered (-2, -3…) past every loaded deck's
    /// id and every deck file already in the folder.
    static void placeNewDeck(CsvImportOptions &options, const ContentSet &content, const QString &folder,
                             const QString &nameHint);
};

} // namespace k8sfc
