#include "profileswitcher.h"

#include "backupmanager.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "masterystore.h"
#include "profilepicker.h"
#include "profiles.h"
#include "settings.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QMessageBox>

namespace k8sfc {

ProfileSwitcher::ProfileSwitcher(MainWindow *window, MasteryStore &store, QString dataDir, const QString &current)
    : QObject(window), m_window(window), m_store(store), m_dataDir(std::move(dataDir)),
      m_current(current.isEmpty() ? QString::fromLatin1(Profiles::kDefault) : current)
{
    QAction *action = window->switchProfileAction();
    action->setEnabled(true);
    connect(action, &QAction::triggered, this, &ProfileSwitcher::chooseAndSwitch);
}

ProfileSwitcher::~ProfileSwitcher() = default;

void ProfileSwitcher::chooseAndSwitch()
{
    const auto chosen = ProfilePicker::choose(m_dataDir);
    if (!chosen || *chosen == m_current)
        return;
    if (const auto error = switchTo(*chosen))
        QMessageBox::warning(m_window, QStringLiteral("Switch profile"), *error);
}

std::optional<QString> ProfileSwitcher::switchTo(const QString &name)
{
    const QString folder = Profiles::folder(m_dataDir, name);
    if (folder.isEmpty())
        return QStringLiteral("\"%1\" is not a profile name.").arg(name);
    // Closed first: they read the store that is about to change learner.
    m_window->closeSecondaryWindows();
    auto backups = std::make_unique<BackupManager>(m_store, QDir(folder).filePath(QStringLiteral("backups")));
    m_store.close();
    // With backups the learner had grades: an empty store file is then news, not a first run.
    if (const auto error = m_store.openDataDir(folder, backups->hasBackups() ? MasteryStore::EmptyFile::SetAside
                                                                             : MasteryStore::EmptyFile::StartAfresh)) {
        const auto again = m_store.openDataDir(Profiles::folder(m_dataDir, m_current));
        m_window->learnerChanged(m_current);
        return QString(*error + QStringLiteral("\n\n") +
                       (again ? *again : QStringLiteral("%1 goes on studying.").arg(m_current)));
    }
    QStringList notices = m_store.notices();
    if (const auto error = backups->backupIfDue(QDate::currentDate()))
        notices.append(QStringLiteral("No backup was taken today: %1.").arg(*error));
    m_window->fileActions()->setBackupManager(backups.get());
    m_backups = std::move(backups);
    m_current = name;
    Settings().setValue(setting::lastProfile, name);
    m_window->learnerChanged(name);
    if (!notices.isEmpty())
        m_window->fileActions()->showStartupNotices(notices, m_backups->newest());
    return std::nullopt;
}

} // namespace k8sfc
