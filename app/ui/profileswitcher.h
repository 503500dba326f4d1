#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace k8sfc {

class BackupManager;
class MainWindow;
class MasteryStore;

/// File → Switch Profile…: another learner takes over the window without a restart. The store
/// closes (its lock with it) and opens on the chosen profile's folder, with that profile's
/// backups; the window then drops what was the previous learner's (MainWindow::learnerChanged).
class ProfileSwitcher : public QObject
{
    Q_OBJECT
public:
    /// `current`: the profile the store is open on (empty: "Default"). Enables the window's
    /// Switch Profile action.
    ProfileSwitcher(MainWindow *window, MasteryStore &store, QString dataDir, const QString &current);
    ~ProfileSwitcher() override;

    QString current() const { return m_current; }
    /// Asks who is studying (the profile picker) and switches to them.
    void chooseAndSwitch();
    /// Switches to the profile `name` (made when new). On failure (its lock is held, its store
    /// cannot be opened) the previous learner stays, and the reason is returned.
    std::optional<QString> switchTo(const QString &name);

private:
    MainWindow *m_window;
    MasteryStore &m_store;
    QString m_dataDir;
    QString m_current;
    /// The backups of a profile switched to (start-up's own stay with start-up).
    std::unique_ptr<BackupManager> m_backups;
};

} // namespace k8sfc
