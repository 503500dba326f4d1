#include "deckcsv.h"

#include "content.h"
#include "csvformat.h"
#include "deckloader.h"
#include "deckwriter.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHash>

namespace k8sfc {

namespace {

/// Lowercase ASCII words joined by single hyphens: accents and letters outside ASCII are dropped,
/// blanks and punctuation separate words. At most `maxLength` characters, cut at a word boundary.
QString slug(const QString &text, qsizetype maxLength)
{
    QStringList words;
    QString word;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD).toLower()) {
        if (c.isMark() || (c.unicode() > 0x7F && c.isLetterOrNumber()))
            continue; // ü → u, but no word break inside "Ünïcødé"
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            word += c;
        } else if (!word.isEmpty()) {
            words.append(std::exchange(word, {}));
        }
    }
    if (!word.isEmpty())
        words.append(word);
    QString out;
    for (const QString &w : words) {
        if (!out.isEmpty() && out.size() + 1 + w.size() > maxLength)
            break;
        out += (out.isEmpty() ? QString() : QStringLiteral("-")) + w.left(maxLength);
    }
    return out;
}

QString normalisedName(const QString &name)
{
    QString out;
    for (const QChar c : name.toLower())
        if (c.isLetterOrNumber())
            out += c;
    return out;
}

const QHash<QString, int CsvColumns::*> &fieldNames()
{
    static const QHash<QString, int CsvColumns::*> names{
        {QStringLiteral("id"), &CsvColumns::id},
        {QStringLiteral("cardid"), &CsvColumns::id},
        {QStringLiteral("guid"), &CsvColumns::id},
        {QStringLiteral("components"), &CsvColumns::components},
        {QStringLiteral("component"), &CsvColumns::components},
        {QStringLiteral("tags"), &CsvColumns::tags},
        {QStringLiteral("tag"), &CsvColumns::tags},
        {QStringLiteral("front"), &CsvColumns::front},
        {QStringLiteral("question"), &CsvColumns::front},
        {QStringLiteral("prompt"), &CsvColumns::front},
        {QStringLiteral("term"), &CsvColumns::front},
        {QStringLiteral("back"), &CsvColumns::back},
        {QStringLiteral("definition"), &CsvColumns::back},
        {QStringLiteral("explanation"), &CsvColumns::back},
        {QStringLiteral("source"), &CsvColumns::source},
        {QStringLiteral("url"), &CsvColumns::source},
        {QStringLiteral("link"), &CsvColumns::source},
        {QStringLiteral("answer"), &CsvColumns::answer},
        {QStringLiteral("aliases"), &CsvColumns::aliases},
        {QStringLiteral("alias"), &CsvColumns::aliases},
        {QStringLiteral("choices"), &CsvColumns::choices},
        {QStringLiteral("options"), &CsvColumns::choices},
        {QStringLiteral("answerkind"), &CsvColumns::answerKind},
        {QStringLiteral("twopart"), &CsvColumns::twoPart},
    };
    return names;
}

QString cell(const QStringList &fields, int column)
{
    return column >= 0 && column < fields.size() ? fields.at(column) : QString();
}

/// A spreadsheet's yes or no: true, yes, 1 or false, no, 0, any case; blank is no. Else nothing.
std::optional<bool> csvBool(const QString &field)
{
    const QString v = field.trimmed().toLower();
    if (v.isEmpty() || v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0"))
        return false;
    if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
        return true;
    return std::nullopt;
}

} // namespace

CsvColumns CsvColumns::guess(const QStringList &header)
{
    CsvColumns c;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const auto member = fieldNames().value(normalisedName(header.at(i)));
        if (member && c.*member < 0)
            c.*member = int(i);
    }
    if (c.back < 0 && c.answer >= 0 && c.front >= 0) // a question/answer sheet
        std::swap(c.back, c.answer);
    if (c.front < 0 && c.back < 0 && header.size() >= 2) {
        c.front = 0;
        c.back = 1;
    }
    return c;
}

bool CsvColumns::looksLikeHeader(const QStringList &row)
{
    for (const QString &name : row)
        if (fieldNames().contains(normalisedName(name)))
            return true;
    return false;
}

const QStringList &DeckCsv::header()
{
    static const QStringList names{
        QStringLiteral("id"),      QStringLiteral("components"),  QStringLiteral("tags"),    QStringLiteral("front"),
        QStringLiteral("back"),    QStringLiteral("source"),      QStringLiteral("answer"),  QStringLiteral("aliases"),
        QStringLiteral("choices"), QStringLiteral("answer-kind"), QStringLiteral("two-part")};
    return names;
}

QString DeckCsv::joinList(const QStringList &items)
{
    QStringList escaped;
    for (QString item : items)
        escaped.append(item.replace(u'\\', QStringLiteral("\\\\")).replace(u'|', QStringLiteral("\\|")));
    return escaped.join(u'|');
}

QStringList DeckCsv::splitList(const QString &field)
{
    QStringList out;
    QString item;
    auto finish = [&] {
        if (!item.trimmed().isEmpty())
            out.append(item.trimmed());
        item.clear();
    };
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field.at(i) == u'\\' && i + 1 < field.size())
            item += field.at(++i);
        else if (field.at(i) == u'|')
            finish();
        else
            item += field.at(i);
    }
    finish();
    return out;
}

QString DeckCsv::generatedId(const QString &front)
{
    const QString text = front.trimmed();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
    const QString words = slug(text, 40);
    return (words.isEmpty() ? QStringLiteral("card") : words) + u'-' + hash;
}

QString DeckCsv::deckIdFor(const QString &fileName)
{
    const QString id = slug(QFileInfo(fileName).completeBaseName(), 60);
    return id.isEmpty() ? QStringLiteral("imported") : id;
}

void DeckCsv::placeNewDeck(CsvImportOptions &options, const ContentSet &content, const QString &folder,
                           const QString &nameHint)
{
    QSet<QString> deckIds;
    for (const Deck &d : content.decks()) {
        deckIds.insert(d.id);
        for (const Card &c : d.cards)
            options.takenIds.insert(c.id);
    }
    const QString stem = deckIdFor(nameHint);
    options.deckId = stem;
    for (int n = 2; deckIds.contains(options.deckId) ||
                    QFileInfo::exists(folder + u'/' + options.deckId + QStringLiteral(".yaml"));
         ++n)
        options.deckId = stem + u'-' + QString::number(n);
}

QByteArray DeckCsv::exportCards(const QList<Card> &cards, QChar delimiter)
{
    QString out = CsvFormat::record(header(), delimiter);
    for (const Card &c : cards)
        out += CsvFormat::record({c.id, joinList(c.components), joinList(c.tags), c.front, c.back, c.source, c.answer,
                                  joinList(c.aliases), joinList(c.choices), c.answerKind,
                                  c.twoPart ? QStringLiteral("true") : QString()},
                                 delimiter);
    return out.toUtf8();
}

namespace {

/// The card one row gives, unchecked; blank fields take the options' defaults.
Card cardFromRow(const QStringList &fields, const CsvImportOptions &options)
{
    const CsvColumns &col = options.columns;
    Card card;
    card.front = cell(fields, col.front).trimmed();
    card.back = cell(fields, col.back).trimmed();
    card.id = cell(fields, col.id).trimmed();
    if (card.id.isEmpty() && !card.front.isEmpty())
        card.id = DeckCsv::generatedId(card.front);
    card.components = DeckCsv::splitList(cell(fields, col.components));
    if (card.components.isEmpty())
        card.components = options.defaultComponents;
    card.tags = DeckCsv::splitList(cell(fields, col.tags));
    card.source = cell(fields, col.source).trimmed();
    if (card.source.isEmpty())
        card.source = options.defaultSource.trimmed();
    card.answer = cell(fields, col.answer).trimmed();
    card.aliases = DeckCsv::splitList(cell(fields, col.aliases));
    card.choices = DeckCsv::splitList(cell(fields, col.choices));
    card.answerKind = cell(fields, col.answerKind).trimmed();
    card.twoPart = csvBool(cell(fields, col.twoPart)).value_or(false);
    return card;
}

/// Why the card cannot join the deck: everything DeckLoader finds wrong with it, else a clash of
/// its id with an earlier row (`lineOfId`) or another deck. Empty when it can.
QStringList cardProblems(const Card &card, const QHash<QString, int> &lineOfId, const CsvImportOptions &options,
                         const ComponentRegistry *registry)
{
    // The card must pass the very checks the app runs when it loads the deck.
    Diagnostics problems;
    Deck one{QString(), QStringLiteral("row"), QString(), QString(), {card}};
    DeckLoader::load(DeckWriter::write(one), QStringLiteral("row.yaml"), registry, problems);
    if (!problems.isEmpty()) {
        QStringList out;
        for (const Diagnostic &d : std::as_const(problems))
            out.append(d.message);
        return out;
    }
    if (lineOfId.contains(card.id))
        return {QStringLiteral("card id \"%1\" is already used on line %2").arg(card.id).arg(lineOfId[card.id])};
    if (options.takenIds.contains(card.id))
        return {QStringLiteral("card id \"%1\" is already used by another deck").arg(card.id)};
    return {};
}

} // namespace

CsvImportResult DeckCsv::importCards(const QByteArray &text, const QString &fileName, const CsvImportOptions &options,
                                     const ComponentRegistry *registry)
{
    CsvImportResult result;
    QList<CsvRecord> records = CsvFormat::parse(text, options.delimiter, fileName, result.skipped);
    qsizetype width = -1;
    if (options.hasHeader && !records.isEmpty())
        width = records.takeFirst().fields.size();
    result.deck.id = options.deckId.isEmpty() ? deckIdFor(fileName) : options.deckId;
    result.deck.title = options.title.trimmed().isEmpty() ? result.deck.id : options.title.trimmed();
    result.deck.file = result.deck.id + QStringLiteral(".yaml");

    QHash<QString, int> lineOfId;
    auto skip = [&](const CsvRecord &r, const QString &why) {
        result.skipped.append(Diagnostic{fileName, r.line, 0, QStringLiteral("row skipped: ") + why});
    };
    for (const CsvRecord &r : records) {
        if (width >= 0 && r.fields.size() > width) {
            skip(r, QStringLiteral("it has %1 fields, the header %2 (an unquoted separator?)")
                        .arg(r.fields.size())
                        .arg(width));
            continue;
        }
        if (!csvBool(cell(r.fields, options.columns.twoPart))) {
            skip(r, QStringLiteral("\"two-part\" must be true or false, not \"%1\"")
                        .arg(cell(r.fields, options.columns.twoPart).trimmed()));
            continue;
        }
        Card card = cardFromRow(r.fields, options);
        const QStringList problems = cardProblems(card, lineOfId, options, registry);
        for (const QString &why : problems)
            skip(r, why);
        if (!problems.isEmpty())
            continue;
        lineOfId.insert(card.id, r.line);
        card.deckId = result.deck.id;
        result.deck.cards.append(card);
    }
    if (result.deck.cards.isEmpty()) {
        result.skipped.append(Diagnostic{fileName, 0, 0, QStringLiteral("no row made a card, so no deck was made")});
        return result;
    }
    result.yaml = DeckWriter::write(result.deck);
    Diagnostics check; // a writer bug must not produce a deck the app cannot load
    DeckLoader::load(result.yaml, result.deck.file, registry, check);
    if (!check.isEmpty()) {
        result.skipped += check;
        result.yaml.clear();
    }
    return result;
}

} // namespace k8sfc
