#pragma once

#include "card.h"
#include "deckloader.h"
#include "diagnostic.h"

#include <QByteArray>
#include <atomic>
#include <mutex>
#include <optional>

namespace k8sfc {

class ComponentRegistry;

/// Parsed decks kept on disk between runs, so a start with 50,000 cards does not parse YAML it
/// parsed before. An entry is keyed by a hash of the file's bytes and of the registry's
/// component ids: any edit to either misses the cache. Entries are looked up in the user's cache
/// folder, then in the read-only folder installed with the bundled decks (made at build time by
/// `k8s-flashcards cache-decks`), so even a first start parses no bundled YAML. Content loaded
/// without a DeckCache (tests, `validate`) is parsed every time.
class DeckCache
{
public:
    /// Entries are written to `directory` and looked up there, then in `bundledDirectory`
    /// (read-only); either may be empty.
    explicit DeckCache(QString directory, QString bundledDirectory = {});

    const QString &directory() const { return m_directory; }

    /// Misses are parsed at once but written only by writePending(): a first start at scale then
    /// paints before it serializes 50,000 cards (the app writes them on a thread after).
    void setDeferWrites(bool defer) { m_defer = defer; }
    /// Writes the entries of the misses since the last call; safe beside loads.
    void writePending();

    /// The deck parsed from `text` at `path`, from the cache when it has it, else parsed and
    /// stored. Safe to call from several threads at once.
    std::optional<Deck> load(const QByteArray &text, const QString &path, const ComponentRegistry *registry,
                             Diagnostics &diagnostics, SourceRule sources = SourceRule::Required);
    /// The deck in the file at `path`, as load() does with its bytes.
    std::optional<Deck> loadFile(const QString &path, const ComponentRegistry *registry, Diagnostics &diagnostics,
                                 SourceRule sources = SourceRule::Required);

private:
    struct Entry
    {
        QString file;
        QByteArray key;
        std::optional<Deck> deck;
        Diagnostics diagnostics;
    };
    static void write(const Entry &entry);

    QString m_directory;
    QString m_bundledDirectory;
    std::atomic<bool> m_defer = false;
    std::mutex m_pendingMutex;
    QList<Entry> m_pending;
};

} // namespace k8sfc
