#pragma once

#include "card.h"
#include "markdownhtml.h"

#include <QHash>
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

    /// An export with its pictures: the notes name each picture by its file name, as Anki's media
    /// convention has it, and `pictures` maps each name to the file to copy into the collection's
    /// media folder (`collection.media`). A picture that cannot be read stays its alt text.
    struct WithPictures
    {
        QString text;
        QHash<QString, QString> pictures; ///< file name → the media file
    };
    static WithPictures exportWithPictures(const QList<Deck> &decks);
    /// The note's GUID: `k8s-flashcards:` and the card id (namespaced so that it cannot meet a
    /// GUID Anki made itself).
    static QString guid(const Card &card);
    /// The card's tags and `k8s-flashcards::COMPONENT` for each component, blanks as underscores.
    static QStringList tags(const Card &card);
    /// `K8s Flashcards::TITLE`: a sub-deck per deck under one parent.
    static QString deckName(const Deck &deck);
    /// The back as HTML, with the card's source linked at the end (the deck text is CC BY 4.0,
    /// which asks for the attribution to travel with it).
    static QString backHtml(const Card &card, const MarkdownHtml::PictureNamer &pictures = {});

private:
    /// The notes; with `pictures`, naming pictures by file name and collecting their files there.
    static QString exportWith(const QList<Deck> &decks, QHash<QString, QString> *pictures);
};

} // namespace k8sfc
