#pragma once

#include "backupmanager.h"
#include "content.h"
#include "deckcache.h"
#include "masterystore.h"
#include "startoptions.h"

#include <memory>
#include <optional>
#include <thread>

namespace k8sfc {

/// What start-up needs before the window, none of it GUI: the content, the learner's store and
/// today's backup. start() gives them two threads while QApplication connects to the display and
/// loads fonts: one parses (CPU), the other opens the store (mostly waiting for fsync: a new store
/// is several), so on two cores the window is built as soon as QApplication is up.
class Preparation
{
public:
    /// The folders the command line names: the bundled content, the data folder, the learner's.
    explicit Preparation(const cli::StartOptions &options);

    const QString &bundledRoot() const { return m_bundledRoot; }
    const QString &dataDir() const { return m_dataDir; }
    /// Bundled content, then the learner's own folder, then every --content folder.
    const QStringList &roots() const { return m_roots; }
    const QString &profileName() const { return m_profileName; }
    /// More than one profile and none named: choose one with setProfile() before finish().
    bool needsProfile() const { return m_askProfile; }
    /// --profile names no existing profile (a typo?): confirm or choose with setProfile() before
    /// finish(), so nothing is created unasked.
    bool profileIsUnknown() const { return m_unknownProfile; }
    void setProfile(const QString &name);

    /// Starts the work on two threads, unless the learner is still to be asked.
    void start();
    /// Waits for start()'s threads, or does their work now.
    void finish();
    /// Once the window is up: writes the decks parsed for this start to the cache, on a thread.
    void writeCacheLater();

    DeckCache cache;
    ContentSet content;
    MasteryStore store;
    std::optional<QString> storeError;
    /// What the learner must be told about their data at start (a damaged journal, an empty file
    /// moved aside, no backup today): on stderr and in a box over the window.
    QStringList notices;
    /// The newest backup, offered when the notices say grades may be missing.
    std::optional<BackupEntry> offeredBackup;
    std::unique_ptr<BackupManager> backups;

private:
    void loadContent();
    void openStore();

    QString m_bundledRoot;
    QString m_dataDir;
    QStringList m_roots;
    QString m_profileName;
    QString m_profileDir;
    bool m_askProfile = false;
    bool m_unknownProfile = false;
    // Last, so they are joined before what they work on goes.
    std::jthread m_loading;
    std::jthread m_opening;
    std::jthread m_caching;
};

} // namespace k8sfc
