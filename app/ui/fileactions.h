#pragma once

#include "backupmanager.h"
#include "content.h"

#include <QObject>

class QMenu;
class QWidget;

namespace k8sfc {

class DiagramScene;
class DiagramSwitcher;
class DiagramView;
class Grader;
class MasteryStore;

/// The File menu's work: the view as PNG or SVG, a walkthrough's PDF handout, decks out to Anki
/// and CSV and in from CSV/TSV, the review history out and in, and restoring a backup. Each asks
/// what it needs in dialogs over `window` and says how it went in message().
class FileActions : public QObject
{
    Q_OBJECT
public:
    FileActions(QWidget *window, ContentSnapshot content, MasteryStore &store, Grader &grader,
                DiagramSwitcher *switcher, DiagramScene *scene, DiagramView *view);

    /// Adds the entries to the File menu, in the menu's order.
    void addTo(QMenu *file);
    void setContent(ContentSnapshot content) { m_content = std::move(content); }
    /// Where backups live; enables Restore Backup.
    void setBackupManager(BackupManager *backups) { m_backups = backups; }
    /// The learner's own content folder: imported decks go to its decks/.
    void setUserContentFolder(const QString &folder) { m_userContentFolder = folder; }

    void exportView(bool svg);
    void exportHandout();
    void exportForAnki();
    void exportCsv();
    void importCsv();
    void exportHistory();
    void importHistory();
    void restoreBackup();
    /// Restores `entry` (after saving the current data beside the backups) and says how it went.
    void restore(const BackupEntry &entry);
    /// What start-up found wrong with the learner's data, in a box over the window (start-up does not
    /// wait for it), with a button that restores `offered` when given.
    void showStartupNotices(const QStringList &notices, const std::optional<BackupEntry> &offered);

signals:
    /// A line for the status bar.
    void message(const QString &text);
    /// The learner's grades were replaced underneath (a restore, a history import).
    void progressReplaced();

private:
    void importParsedCsv(const QByteArray &bytes, const QString &path, class ImportDialog *dialog);
    QString userDeckFolder() const;

    QWidget *m_window;
    ContentSnapshot m_content;
    MasteryStore &m_store;
    Grader &m_grader;
    DiagramSwitcher *m_switcher;
    DiagramScene *m_scene;
    DiagramView *m_view;
    BackupManager *m_backups = nullptr;
    QString m_userContentFolder;
};

} // namespace k8sfc
