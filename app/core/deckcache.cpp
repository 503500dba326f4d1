#include "deckcache.h"

#include "componentregistry.h"
#include "deckloader.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace k8sfc {

namespace {

constexpr quint32 kFormat = 1; // bump when Card, Deck or Diagnostic change

QString &cacheDir()
{
    static QString dir;
    return dir;
}

QByteArray keyOf(const QByteArray &text, const QString &path, const ComponentRegistry *registry)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(path.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(text);
    if (registry)
        for (const Component &c : registry->components())
            hash.addData(QByteArray(c.id.toUtf8() + '\n'));
    return hash.result().toHex();
}

} // namespace

// In k8sfc itself, so QList<Card>'s streaming finds them by argument-dependent lookup.
QDataStream &operator<<(QDataStream &out, const Card &c)
{
    return out << c.id << c.deckId << c.components << c.tags << c.front << c.back << c.source << c.answer << c.aliases
               << c.choices << c.file << qint32(c.line) << qint32(c.column);
}

QDataStream &operator>>(QDataStream &in, Card &c)
{
    qint32 line = 0, column = 0;
    in >> c.id >> c.deckId >> c.components >> c.tags >> c.front >> c.back >> c.source >> c.answer >> c.aliases >>
        c.choices >> c.file >> line >> column;
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

void DeckCache::setDirectory(const QString &dir)
{
    cacheDir() = dir;
}

QString DeckCache::directory()
{
    return cacheDir();
}

std::optional<Deck> DeckCache::load(const QByteArray &text, const QString &path, const ComponentRegistry *registry,
                                    Diagnostics &diagnostics)
{
    if (cacheDir().isEmpty())
        return DeckLoader::load(text, path, registry, diagnostics);
    const QByteArray key = keyOf(text, path, registry);
    const QString entry = QDir(cacheDir()).filePath(QString::fromLatin1(key.left(40)) + QStringLiteral(".deck"));
    QFile file(entry);
    if (file.open(QIODevice::ReadOnly)) {
        QDataStream in(&file);
        quint32 format = 0;
        QByteArray storedKey;
        bool present = false;
        Deck deck;
        Diagnostics found;
        in >> format >> storedKey;
        if (format == kFormat && storedKey == key) {
            in >> present >> deck.id >> deck.title >> deck.description >> deck.file >> deck.cards >> found;
            if (in.status() == QDataStream::Ok) {
                diagnostics += found;
                return present ? std::optional<Deck>(deck) : std::nullopt;
            }
        }
    }
    // A miss (or an unreadable entry): parse, then keep the result for next time.
    Diagnostics found;
    const auto deck = DeckLoader::load(text, path, registry, found);
    diagnostics += found;
    QDir().mkpath(cacheDir());
    QSaveFile out(entry);
    if (out.open(QIODevice::WriteOnly)) {
        QDataStream stream(&out);
        stream << kFormat << key << deck.has_value();
        const Deck empty;
        const Deck &d = deck ? *deck : empty;
        stream << d.id << d.title << d.description << d.file << d.cards << found;
        out.commit(); // a cache that cannot be written is only slower
    }
    return deck;
}

} // namespace k8sfc
