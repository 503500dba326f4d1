#include "deckcache.h"

#include "componentregistry.h"
#include "contentfile.h"
#include "deckloader.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace k8sfc {

namespace {

// Bump when Card, Deck, Diagnostic, the key or what the loader reports changes: an entry parsed
// under older checks would hide their errors (3: invalid UTF-8 anywhere, CR, second documents;
// 4: a card's answer-kind and two-part; 5: copied-from, and whether sources are required; 6: a card's
// arrows, and the registry's arrow ids in the key).
constexpr quint32 kFormat = 6;

// BLAKE2b: four times faster than SHA-256 here (11 MB in 14 ms against 60 ms), and a key only
// has to change when the bytes do. Only the file's name is part of it (a deck's id is its name),
// not its folder, so an entry made where the decks were built serves them where they are installed.
QByteArray keyOf(const QByteArray &text, const QString &path, const ComponentRegistry *registry, SourceRule sources)
{
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    hash.addData(QFileInfo(path).fileName().toUtf8());
    hash.addData(QByteArrayView(sources == SourceRule::Required ? "\0" : "\1", 1));
    hash.addData(text);
    if (registry)
        for (const Component &c : registry->components())
            hash.addData(QByteArray(c.id.toUtf8() + '\n'));
    // A card's arrow ids are checked against these too.
    if (registry)
        for (const ArrowRole &a : registry->arrows())
            hash.addData(QByteArray(a.id.toUtf8() + '\n'));
    return hash.result().toHex();
}

} // namespace

// In k8sfc itself, so QList<Card>'s streaming finds them by argument-dependent lookup.
QDataStream &operator<<(QDataStream &out, const Card &c)
{
    return out << c.id << c.deckId << c.components << c.arrows << c.tags << c.front << c.back << c.source << c.answer
               << c.aliases << c.choices << c.answerKind << c.twoPart << c.copiedFrom << c.file << qint32(c.line)
               << qint32(c.column);
}

QDataStream &operator>>(QDataStream &in, Card &c)
{
    qint32 line = 0, column = 0;
    in >> c.id >> c.deckId >> c.components >> c.arrows >> c.tags >> c.front >> c.back >> c.source >> c.answer >>
        c.aliases >> c.choices >> c.answerKind >> c.twoPart >> c.copiedFrom >> c.file >> line >> column;
    c.line = line;
    c.column = column;
    return in;
}

QDataStream &operator<<(QDataStream &out, const Diagnostic &d)
{
    return out << d.file << qint32(d.line) << qint32(d.column) << d.message << qint32(d.severity);
}

QDataStream &operator>>(QDataStream &in, Diagnostic &d)
{
    qint32 line = 0, column = 0, severity = 0;
    in >> d.file >> line >> column >> d.message >> severity;
    d.line = line;
    d.column = column;
    d.severity = Diagnostic::Severity(severity);
    return in;
}

static QString entryPath(const QString &dir, const QByteArray &key)
{
    return QDir(dir).filePath(QString::fromLatin1(key.left(40)) + QStringLiteral(".deck"));
}

// Entries name the file they were made from; a hit may come from another path (the build tree).
static void restamp(std::optional<Deck> &deck, Diagnostics &diagnostics, const QString &path)
{
    if (deck) {
        deck->file = path;
        for (Card &card : deck->cards)
            card.file = path;
    }
    for (Diagnostic &d : diagnostics)
        d.file = path;
}

// The deck stored under `key` in `dir`, if there is a readable entry for it.
static std::optional<std::pair<std::optional<Deck>, Diagnostics>> readEntry(const QString &dir, const QByteArray &key)
{
    if (dir.isEmpty())
        return std::nullopt;
    QFile file(entryPath(dir, key));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&file);
    quint32 format = 0;
    QByteArray storedKey;
    bool present = false;
    Deck deck;
    Diagnostics found;
    in >> format >> storedKey;
    if (format != kFormat || storedKey != key)
        return std::nullopt;
    in >> present >> deck.id >> deck.title >> deck.description >> deck.file >> deck.cards >> found;
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    return std::pair{present ? std::optional<Deck>(std::move(deck)) : std::nullopt, std::move(found)};
}

void DeckCache::write(const Entry &entry)
{
    QDir().mkpath(QFileInfo(entry.file).path());
    QSaveFile out(entry.file);
    if (!out.open(QIODevice::WriteOnly))
        return;       // a cache that cannot be written is only slower
    QByteArray bytes; // one write: QSaveFile is unbuffered
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << kFormat << entry.key << entry.deck.has_value();
    const Deck empty;
    const Deck &d = entry.deck ? *entry.deck : empty;
    stream << d.id << d.title << d.description << d.file << d.cards << entry.diagnostics;
    out.write(bytes);
    out.commit();
}

DeckCache::DeckCache(QString directory, QString bundledDirectory)
    : m_directory(std::move(directory)), m_bundledDirectory(std::move(bundledDirectory))
{}

std::optional<Deck> DeckCache::load(const QByteArray &text, const QString &path, const ComponentRegistry *registry,
                                    Diagnostics &diagnostics, SourceRule sources)
{
    const QByteArray key = keyOf(text, path, registry, sources);
    for (const QString &dir : {m_directory, m_bundledDirectory})
        if (auto hit = readEntry(dir, key)) {
            auto &[deck, found] = *hit;
            restamp(deck, found, path);
            diagnostics += found;
            return deck;
        }
    // A miss (or an unreadable entry): parse, then keep the result for next time.
    Diagnostics found;
    const auto deck = DeckLoader::load(text, path, registry, found, sources);
    diagnostics += found;
    if (m_directory.isEmpty())
        return deck;
    Entry entry{entryPath(m_directory, key), key, deck, found};
    if (m_defer) {
        const std::lock_guard lock(m_pendingMutex);
        m_pending.append(std::move(entry));
    } else {
        write(entry);
    }
    return deck;
}

std::optional<Deck> DeckCache::loadFile(const QString &path, const ComponentRegistry *registry,
                                        Diagnostics &diagnostics, SourceRule sources)
{
    const auto text = readContentFile(path, QStringLiteral("deck"), diagnostics);
    if (!text)
        return std::nullopt;
    return load(*text, path, registry, diagnostics, sources);
}

void DeckCache::writePending()
{
    QList<Entry> entries;
    {
        const std::lock_guard lock(m_pendingMutex);
        entries.swap(m_pending);
    }
    for (const Entry &entry : std::as_const(entries))
        write(entry);
}

} // namespace k8sfc
