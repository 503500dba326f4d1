#pragma once

#include "backupmanager.h"

#include <QDialog>

#include <optional>

class QListWidget;
class QPushButton;

namespace k8sfc {

/// File → Restore Backup: the daily backups of the learner's grades, newest first, with how many
/// reviews each holds; an unreadable one is listed but cannot be chosen.
class RestoreBackupDialog : public QDialog
{
    Q_OBJECT
public:
    RestoreBackupDialog(const BackupManager &backups, QWidget *parent = nullptr);
    /// The backup chosen, once accepted.
    std::optional<BackupEntry> chosen() const;
    QListWidget *list() const { return m_list; }

private:
    QList<BackupEntry> m_entries;
    QListWidget *m_list;
    QPushButton *m_restore;
};

} // namespace k8sfc
