#include "preparation.h"

#include "contentlocator.h"
#include "profiles.h"
#include "settings.h"

#include <QDir>
#include <QLocale>
#include <QStandardPaths>

namespace k8sfc {

namespace {

QString dataDirOf(const cli::StartOptions &options)
{
    return options.dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                     : options.dataDir;
}

} // namespace

Preparation::Preparation(const cli::StartOptions &options)
    // Parsed decks are kept between runs (keyed by their bytes): a big deck set starts fast. The
    // bundled decks were parsed at build time: a first start parses none of their YAML.
    : cache(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/decks"),
            ContentLocator::bundledDeckCache()),
      m_bundledRoot(ContentLocator::bundledRoot()), m_dataDir(dataDirOf(options)), m_profileName(options.profile)
{
    m_roots = QStringList{m_bundledRoot, m_dataDir};
    QDir().mkpath(QDir(m_dataDir).filePath(QStringLiteral("decks"))); // watched from the start, so imports appear
    for (const QString &extra : options.contentDirs)
        m_roots.append(QDir(extra).absolutePath());
    // Decks parsed now are written to the cache after the window is up (writeCacheLater()).
    cache.setDeferWrites(true);
    const QStringList profiles = Profiles::list(m_dataDir);
    QStringList folders;
    for (const QString &name : profiles)
        folders.append(Profiles::folder(m_dataDir, name));
    Settings::moveLearnerSettingsInto(folders); // before anything reads them
    m_askProfile = m_profileName.isEmpty() && profiles.size() > 1;
    m_unknownProfile = !m_profileName.isEmpty() && !Profiles::exists(m_dataDir, m_profileName);
    m_profileDir = Profiles::folder(m_dataDir, m_profileName);
}

void Preparation::setProfile(const QString &name)
{
    m_profileName = name;
    m_profileDir = Profiles::folder(m_dataDir, name);
    m_askProfile = false;
    m_unknownProfile = false;
}

void Preparation::start()
{
    if (m_bundledRoot.isEmpty() || m_askProfile || m_unknownProfile)
        return;
    m_loading = std::jthread([this] { loadContent(); });
    m_opening = std::jthread([this] { openStore(); });
}

void Preparation::finish()
{
    if (m_loading.joinable()) {
        m_loading.join();
        m_opening.join();
        return;
    }
    loadContent();
    openStore();
}

void Preparation::writeCacheLater()
{
    // At 50,000 cards, serializing the parsed decks took 0.2 s of a first start; later reloads
    // write as they parse.
    cache.setDeferWrites(false);
    m_caching = std::jthread([this] { cache.writePending(); });
}

void Preparation::loadContent()
{
    content = ContentSet::loadRoots(m_roots, &cache);
}

void Preparation::openStore()
{
    auto manager = std::make_unique<BackupManager>(store, QDir(m_profileDir).filePath(QStringLiteral("backups")));
    // With backups the learner had grades: an empty store file is then news, not a first run.
    storeError = store.openDataDir(m_profileDir, manager->hasBackups() ? MasteryStore::EmptyFile::SetAside
                                                                       : MasteryStore::EmptyFile::StartAfresh);
    if (storeError)
        return;
    notices = store.notices();
    if (!notices.isEmpty())
        offeredBackup = manager->newest();
    if (offeredBackup)
        notices.append(
            QStringLiteral("The newest backup, from %1, holds %2 reviews: File → Restore Backup brings it back.")
                .arg(QLocale().toString(offeredBackup->taken, QLocale::LongFormat))
                .arg(*offeredBackup->reviews));
    // A backup a day, taken before anything else can write.
    backups = std::move(manager);
    if (const auto error = backups->backupIfDue(QDate::currentDate()))
        notices.append(QStringLiteral("No backup was taken today: %1.").arg(*error));
}

} // namespace k8sfc
