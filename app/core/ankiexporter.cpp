#include "ankiexporter.h"

#include "cardmedia.h"

#include <QFileInfo>

#include <QRegularExpression>

namespace k8sfc {

namespace {

/// Plain text for a field that is not Markdown: escaped, and never a tab or a line break.
QString plainField(const QString &text)
{
    return MarkdownHtml::escapeText(text.simplified());
}

/// Header lines, as Anki's manual ("Importing ▸ Text Files ▸ File Headers",
/// https://docs.ankiweb.net/importing/text-files.html#file-headers) documents them for 2.1.54+:
/// `separator`, `html`, `notetype`, `columns`, and the `guid`, `tags` and `deck` columns.
/// A `deck column` is used rather than `#deck:` because the manual says `#deck:` only presets a
/// deck that already exists, while a deck named in a deck column is created when missing. With a
/// GUID column, "you'll be able to import the notes back in to update the existing notes".
const char *const kHeader = "#separator:tab\n"
                            "#html:true\n"
                            "#notetype:Basic\n"
                            "#columns:GUID\tFront\tBack\tTags\tDeck\n"
                            "#guid column:1\n"
                            "#tags column:4\n"
                            "#deck column:5\n";

} // namespace

QString AnkiExporter::guid(const Card &card)
{
    return QStringLiteral("k8s-flashcards:") + card.id;
}

QStringList AnkiExporter::tags(const Card &card)
{
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    QStringList out;
    auto add = [&](const QString &tag) {
        const QString t = tag.trimmed().replace(blanks, QStringLiteral("_"));
        if (!t.isEmpty() && !out.contains(t))
            out.append(t);
    };
    for (const QString &tag : card.tags)
        add(tag);
    for (const QString &component : card.components)
        add(QStringLiteral("k8s-flashcards::") + component);
    return out;
}

QString AnkiExporter::deckName(const Deck &deck)
{
    return QStringLiteral("K8s Flashcards::") + (deck.title.trimmed().isEmpty() ? deck.id : deck.title.simplified());
}

QString AnkiExporter::backHtml(const Card &card, const MarkdownHtml::PictureNamer &pictures)
{
    QString html = MarkdownHtml::toHtml(card.back, pictures);
    if (!card.source.isEmpty()) {
        // Single quotes around the link: a field with no double quote can never be mistaken for a
        // quoted CSV field by Anki's reader.
        const QString url = plainField(card.source).replace(u'\'', QStringLiteral("&#39;"));
        html += QStringLiteral("<p><small>Source: <a href='%1'>%1</a></small></p>").arg(url);
    }
    return html;
}

QString AnkiExporter::exportDecks(const QList<Deck> &decks)
{
    return exportWith(decks, nullptr);
}

AnkiExporter::WithPictures AnkiExporter::exportWithPictures(const QList<Deck> &decks)
{
    WithPictures out;
    out.text = exportWith(decks, &out.pictures);
    return out;
}

QString AnkiExporter::exportWith(const QList<Deck> &decks, QHash<QString, QString> *pictures)
{
    QString out = QString::fromLatin1(kHeader);
    for (const Deck &deck : decks) {
        const QString deckField = plainField(deckName(deck));
        for (const Card &card : deck.cards) {
            // One name per file: a second file of the same name elsewhere keeps its alt text.
            const auto name = [&](const QString &source) {
                const auto file = CardMedia::resolve(card.file, source);
                const QString fileName = file ? QFileInfo(*file).fileName() : QString();
                if (fileName.isEmpty() || pictures->value(fileName, *file) != *file)
                    return QString();
                pictures->insert(fileName, *file);
                return fileName;
            };
            const MarkdownHtml::PictureNamer namer = pictures ? MarkdownHtml::PictureNamer(name) : nullptr;
            const QStringList fields{plainField(guid(card)), MarkdownHtml::toHtml(card.front, namer),
                                     backHtml(card, namer), plainField(tags(card).join(u' ')), deckField};
            out += fields.join(u'\t') + u'\n';
        }
    }
    return out;
}

} // namespace k8sfc
