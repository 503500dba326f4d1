#pragma once

#include "backupmanager.h"

#include <QDialog>

#include <optional>

class QListWidget;
class QPushButton;

namespace k8sfc {

/// File → Restore Backup: the daily backups of the learner's grades and the copies saved before
/// earlier restores, newest first, with how many reviews each holds; an unreadable one is listed but
/// cannot be chosen. Restore asks before it replaces the learner's grades.
class RestoreBackupDialog : public QDialog
{
    Q_OBJECT
public:
    RestoreBackupDialog(const BackupManager &backups, qint64 currentReviews, QWidget *parent = nullptr);
    /// The backup chosen, once accepted.
    std::optional<BackupEntry> chosen() const;
    QListWidget *list() const { return m_list; }

private:
    void confirm();

    QList<BackupEntry> m_entries;
    qint64 m_currentReviews;
    QListWidget *m_list;
    QPushButton *m_restore;
};

} // namespace k8sfc
