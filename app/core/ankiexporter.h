#pragma once

#include "card.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace k8sfc {

/// Writes decks as an Anki plain-text note file (File ▸ Import in Anki 2.1.55 or later): one
/// Basic note per card, tab-separated, with file headers that preset everything, so the learner
/// only presses Import. Re-importing a newer export updates the notes instead of duplicating them,
/// because each note carries a GUID made from the card id.
///
/// ```
/// QSaveFile out(path); out.open(QIODevice::WriteOnly);
/// out.write(AnkiExporter::exportDecks(content.decks()).toUtf8()); out.commit();
/// ```
class AnkiExporter
{
public:
    /// The whole file: header lines, then one line per card.
    static QString exportDecks(const QList<Deck> &decks);
    /// The note's GUID: `k8s-flashcards:` and the card id (namespaced so that it cannot meet a
    /// GUID Anki made itself).
    static QString guid(const Card &card);
    /// The card's tags and `k8s-flashcards::COMPONENT` for each component, blanks as underscores.
    static QStringList tags(const Card &card);
    /// `K8s Flashcards::TITLE`: a sub-deck per deck under one parent.
    static QString deckName(const Deck &deck);
    /// The back as HTML, with the card's source linked at the end (the deck text is CC BY 4.0,
    /// which asks for the attribution to travel with it).
    static QString backHtml(const Card &card);
};

} // namespace k8sfc
