#pragma once

#include "content.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace k8sfc {

/// The content the app shows, from the bundled folder, the learner's own folder and any
/// `--content` folders, kept up to date: when a file changes on disk it is reloaded within a
/// second, and a file that now has errors keeps its last good version (ContentSet::loadRoots).
/// Each reload publishes a new immutable snapshot; a snapshot already handed out never changes,
/// so what points into it stays valid for as long as its holder keeps the snapshot.
class ContentLibrary : public QObject
{
    Q_OBJECT
public:
    explicit ContentLibrary(QStringList roots, QObject *parent = nullptr);
    /// Starts from content already loaded from `roots` (at start-up, on another thread); reloads
    /// read decks through `cache` when there is one.
    ContentLibrary(QStringList roots, ContentSet loaded, DeckCache *cache = nullptr, QObject *parent = nullptr);

    /// The newest snapshot.
    ContentSnapshot current() const { return m_current; }
    const QStringList &roots() const { return m_roots; }
    /// Reloads now (the watcher calls it after changes settle).
    void reload();
    /// Milliseconds to wait for more changes before reloading (editors save in several steps).
    void setSettleMs(int ms) { m_settle.setInterval(ms); }

signals:
    void reloaded(k8sfc::ContentSnapshot content);

private:
    void watch();

    QStringList m_roots;
    DeckCache *m_cache = nullptr;
    ContentSnapshot m_current;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
};

} // namespace k8sfc
