#include "contentlibrary.h"

#include <QFileInfo>

namespace k8sfc {

ContentLibrary::ContentLibrary(QStringList roots, QObject *parent)
    : ContentLibrary(roots, ContentSet::loadRoots(roots), nullptr, parent)
{}

ContentLibrary::ContentLibrary(QStringList roots, ContentSet loaded, DeckCache *cache, QObject *parent)
    : QObject(parent), m_roots(std::move(roots)), m_cache(cache),
      m_current(std::make_shared<const ContentSet>(std::move(loaded)))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(300);
    connect(&m_settle, &QTimer::timeout, this, &ContentLibrary::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle, qOverload<>(&QTimer::start));
    watch();
}

void ContentLibrary::reload()
{
    m_current = std::make_shared<const ContentSet>(ContentSet::loadRoots(m_roots, m_cache, m_current.get()));
    watch();
    emit reloaded(m_current);
}

void ContentLibrary::watch()
{
    // Editors often save by writing a new file and renaming it over the old one, which drops the
    // watch on that file: watch again after every reload.
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    QStringList existing;
    for (const QString &path : m_current->watchedPaths())
        if (QFileInfo::exists(path) && !existing.contains(path))
            existing.append(path);
    if (!existing.isEmpty())
        m_watcher.addPaths(existing);
}

} // namespace k8sfc
