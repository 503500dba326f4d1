#include "deckedit.h"

#include "atomicfile.h"
#include "contentfile.h"
#include "deckwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace k8sfc {

namespace {

const QString kChangedOnDisk = QStringLiteral("%1 changed on disk since it was opened (another editor, or a reload); "
                                              "nothing was written: reload it, and what you typed stays");

int lineOf(const QByteArray &text, qsizetype offset)
{
    return int(QByteArrayView(text).first(offset).count('\n'));
}

qsizetype offsetOfLine(const QByteArray &text, int line)
{
    qsizetype at = 0;
    for (int i = 0; i < line && at >= 0; ++i) {
        at = text.indexOf('\n', at);
        at = at < 0 ? -1 : at + 1;
    }
    return at < 0 ? text.size() : at;
}

int indentOf(QByteArrayView line)
{
    int n = 0;
    while (n < line.size() && line[n] == ' ')
        ++n;
    return n;
}

/// The key of `cardText`'s line `index`: the key that line or the nearest line above it starts.
QString keyAt(const QStringList &cardText, qsizetype index, int indent)
{
    for (qsizetype i = index; i > 0; --i) {
        const QString &line = cardText.at(i);
        if (indentOf(line.toUtf8()) == indent + 2 && !line.mid(indent + 2).startsWith(u'-'))
            return line.mid(indent + 2).section(u':', 0, 0);
    }
    return QStringLiteral("id");
}

/// A card as the loader gives it back, without where it was read.
Card placeless(Card card)
{
    card.file.clear();
    card.deckId.clear();
    card.line = card.column = 0;
    return card;
}

/// The first `most` words of `text` in lowercase ASCII letters and digits (at most 12 of each),
/// as card and deck ids are made of.
QStringList asciiWords(const QString &text, qsizetype most)
{
    QStringList words;
    QString word;
    const QString lower = text.toLower() + u' ';
    for (const QChar c : lower) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            word += c;
        } else if (!word.isEmpty()) {
            if (words.size() < most)
                words.append(word.left(12));
            word.clear();
        }
    }
    return words;
}

std::shared_ptr<const ComponentRegistry> copyOf(const ComponentRegistry *registry)
{
    return registry ? std::make_shared<const ComponentRegistry>(*registry) : nullptr;
}

QSet<QString> errorMessages(const Diagnostics &diagnostics)
{
    QSet<QString> out;
    for (const Diagnostic &d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            out.insert(d.message);
    return out;
}

} // namespace

Result<DeckEdit> DeckEdit::open(const QString &path, const ComponentRegistry *registry, SourceRule sources)
{
    Diagnostics diagnostics;
    const auto text = readContentFile(path, QStringLiteral("deck"), diagnostics);
    if (!text)
        return Failure{diagnostics.isEmpty() ? path : diagnostics.first().toString()};
    const auto deck = DeckLoader::load(*text, path, registry, diagnostics, sources);
    if (!deck)
        return Failure{diagnostics.isEmpty() ? path : diagnostics.first().toString()};
    DeckEdit edit;
    edit.m_path = path;
    edit.m_bytes = *text;
    edit.m_exists = true;
    edit.m_deck = *deck;
    edit.m_registry = copyOf(registry);
    edit.m_sources = sources;
    return edit;
}

DeckEdit DeckEdit::create(const QString &path, const QString &title, const ComponentRegistry *registry)
{
    DeckEdit edit;
    edit.m_path = path;
    edit.m_title = title;
    edit.m_deck.id = QFileInfo(path).completeBaseName();
    edit.m_deck.title = title;
    edit.m_deck.file = path;
    edit.m_registry = copyOf(registry);
    return edit;
}

// A card's lines: from its `-` to the last line indented deeper than it, without the blank lines
// that separate it from what follows (those belong to no card).
Result<DeckEdit::Block> DeckEdit::blockOf(const QString &id) const
{
    const Card *card = nullptr;
    for (const Card &c : m_deck.cards)
        if (c.id == id)
            card = &c;
    if (!card)
        return Failure{QStringLiteral("%1 has no card \"%2\"").arg(m_path, id)};
    Block block;
    block.begin = offsetOfLine(m_bytes, card->line - 1);
    const QByteArrayView first = QByteArrayView(m_bytes).sliced(block.begin, card->column - 1);
    const QByteArrayView lead = first.trimmed();
    if (lead != "-")
        return Failure{QStringLiteral("%1:%2: the card \"%3\" is not an item of a block list (\"- id: …\"); edit this "
                                      "file in a text editor")
                           .arg(m_path)
                           .arg(card->line)
                           .arg(id)};
    block.indent = indentOf(first);
    qsizetype at = m_bytes.indexOf('\n', block.begin);
    block.end = at < 0 ? m_bytes.size() : at + 1;
    while (at >= 0 && at + 1 < m_bytes.size()) {
        const qsizetype next = m_bytes.indexOf('\n', at + 1);
        const QByteArrayView line = QByteArrayView(m_bytes).sliced(at + 1, (next < 0 ? m_bytes.size() : next) - at - 1);
        if (!line.trimmed().isEmpty()) {
            if (indentOf(line) <= block.indent)
                break;
            block.end = next < 0 ? m_bytes.size() : next + 1;
        }
        at = next;
    }
    return block;
}

DeckEdit::Change DeckEdit::replaced(const Card &card) const
{
    const auto block = blockOf(card.id);
    if (!block)
        return Change{{}, {Problem{{}, Diagnostic{m_path, 0, 0, block.error()}}}};
    const QByteArray cardText = DeckWriter::card(card, block->indent).toUtf8();
    const QByteArray text = m_bytes.first(block->begin) + cardText + m_bytes.sliced(block->end);
    return check(text, card.id, &card);
}

DeckEdit::Change DeckEdit::added(const Card &card) const
{
    if (!m_exists) {
        const QByteArray text = DeckWriter::write(Deck{m_deck.id, m_title, {}, m_path, {card}});
        return check(text, card.id, &card);
    }
    if (m_deck.cards.isEmpty())
        return Change{{}, {Problem{{}, Diagnostic{m_path, 0, 0, QStringLiteral("the deck has no card to add after")}}}};
    const auto block = blockOf(m_deck.cards.constLast().id);
    if (!block)
        return Change{{}, {Problem{{}, Diagnostic{m_path, 0, 0, block.error()}}}};
    const QByteArray breakBefore = block->end > 0 && m_bytes.at(block->end - 1) != '\n' ? "\n\n" : "\n";
    const QByteArray text = m_bytes.first(block->end) + breakBefore + DeckWriter::card(card, block->indent).toUtf8() +
                            m_bytes.sliced(block->end);
    return check(text, card.id, &card);
}

DeckEdit::Change DeckEdit::removed(const QString &id) const
{
    const auto block = blockOf(id);
    if (!block)
        return Change{{}, {Problem{{}, Diagnostic{m_path, 0, 0, block.error()}}}};
    if (m_deck.cards.size() == 1)
        return Change{{}, {}, true};
    qsizetype end = block->end; // with the blank lines that separated it from the next card
    while (end < m_bytes.size()) {
        const qsizetype next = m_bytes.indexOf('\n', end);
        if (next < 0 || !QByteArrayView(m_bytes).sliced(end, next - end).trimmed().isEmpty())
            break;
        end = next + 1;
    }
    return check(QByteArray(m_bytes.first(block->begin) + m_bytes.sliced(end)), id, nullptr);
}

// The new text read back as the app will read it: the loader's new errors, each on the key of the
// written card it points at; then every other card must be as it was, and the written one as meant.
DeckEdit::Change DeckEdit::check(const QByteArray &text, const QString &id, const Card *expected) const
{
    Diagnostics diagnostics;
    const auto deck = DeckLoader::load(text, m_path, m_registry.get(), diagnostics, m_sources);
    Diagnostics before;
    if (m_exists)
        DeckLoader::load(m_bytes, m_path, m_registry.get(), before, m_sources);
    const QSet<QString> known = errorMessages(before);
    Change change{text, {}};
    const QString cardText = expected ? DeckWriter::card(*expected, 0) : QString();
    const qsizetype at =
        expected ? text.indexOf(QByteArray(QByteArray("- id: ") + DeckWriter::scalar(id, 0).toUtf8() + '\n')) : -1;
    const int firstLine = at < 0 ? -1 : lineOf(text, at) + 1;
    const QStringList lines = cardText.split(u'\n');
    for (const Diagnostic &d : std::as_const(diagnostics)) {
        if (d.severity != Diagnostic::Severity::Error || known.contains(d.message))
            continue;
        const bool inCard = firstLine > 0 && d.line >= firstLine && d.line < firstLine + lines.size() - 1;
        change.problems.append(Problem{inCard ? keyAt(lines, d.line - firstLine, 0) : QString(), d});
    }
    if (!change.problems.isEmpty() || !deck)
        return change;
    QList<Card> want, got;
    for (const Card &c : m_deck.cards)
        if (c.id != id)
            want.append(placeless(c));
    for (const Card &c : deck->cards)
        if (c.id == id && expected && placeless(c) != placeless(*expected))
            change.problems.append(
                Problem{{}, Diagnostic{m_path, 0, 0, QStringLiteral("the card reads back changed")}});
        else if (c.id != id)
            got.append(placeless(c));
    if (want != got)
        change.problems.append(
            Problem{{}, Diagnostic{m_path, 0, 0, QStringLiteral("writing the card would change other cards")}});
    return change;
}

bool DeckEdit::changedOnDisk() const
{
    QFile file(m_path);
    if (!m_exists)
        return file.exists();
    if (openRegularFile(m_path, file))
        return true;
    return file.read(kMaxContentFileBytes + 1) != m_bytes;
}

std::optional<QString> DeckEdit::save(const Change &change)
{
    if (!change)
        return change.problems.first().diagnostic.toString();
    if (changedOnDisk())
        return kChangedOnDisk.arg(m_path);
    if (change.removesFile) {
        if (!QFile::remove(m_path))
            return QStringLiteral("cannot remove %1").arg(m_path);
        m_exists = false;
        m_bytes.clear();
        m_deck.cards.clear();
        return std::nullopt;
    }
    if (auto error = writeFileAtomically(m_path, change.text))
        return error;
    Diagnostics diagnostics;
    m_bytes = change.text;
    m_exists = true;
    m_deck = DeckLoader::load(m_bytes, m_path, m_registry.get(), diagnostics, m_sources).value_or(m_deck);
    return std::nullopt;
}

QString DeckEdit::newCardId(const QString &deckId, const QString &front,
                            const std::function<bool(const QString &)> &taken)
{
    const QStringList words = asciiWords(front, 4);
    const QString base = deckId + (words.isEmpty() ? QString() : QString(u'-' + words.join(u'-')));
    for (int n = 1;; ++n)
        if (const QString id = base + u'-' + QString::number(n); !taken(id))
            return id;
}

QString DeckEdit::deckIdFor(const QString &name)
{
    return asciiWords(name, 6).join(u'-');
}

} // namespace k8sfc
