// MainWindow: restoring a backup of the mastery database.
#include "mainwindow.h"

#include "backupmanager.h"
#include "cardbrowser.h"
#include "cardtablemodel.h"
#include "componentstudy.h"
#include "grader.h"
#include "reviewsession.h"
#include "cardpane.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace k8sfc {

void MainWindow::showRestoreDialog()
{
    if (!m_backups) {
        QMessageBox::information(this, QStringLiteral("Restore backup"), QStringLiteral("Backups are not available."));
        return;
    }
    const QList<BackupEntry> entries = m_backups->list();
    QDialog dialog(this);
    dialog.setWindowTitle(QStringLiteral("Restore backup"));
    auto *intro = new QLabel(QStringLiteral("A backup of your grades is taken once a day when K8s Flashcards starts; "
                                            "the last 7 days and 4 weeks are kept in %1.<br>Restoring first saves "
                                            "your current data beside them, so nothing is lost.")
                                 .arg(m_backups->directory().toHtmlEscaped()));
    intro->setWordWrap(true);
    auto *list = new QListWidget;
    list->setAccessibleName(QStringLiteral("Backups"));
    for (const BackupEntry &e : entries) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1   —   %2")
                .arg(QLocale().toString(e.taken, QLocale::LongFormat),
                     e.reviews ? QStringLiteral("%1 reviews").arg(*e.reviews) : QStringLiteral("unreadable")));
        item->setFlags(e.reviews ? item->flags() : item->flags() & ~Qt::ItemIsEnabled);
        list->addItem(item);
    }
    if (entries.isEmpty())
        list->addItem(QStringLiteral("No backups yet."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *restore = buttons->addButton(QStringLiteral("Restore"), QDialogButtonBox::AcceptRole);
    restore->setEnabled(false);
    connect(list, &QListWidget::currentRowChanged, &dialog,
            [&](int row) { restore->setEnabled(row >= 0 && row < entries.size() && entries.at(row).reviews); });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog.resize(560, 380);
    if (dialog.exec() != QDialog::Accepted || list->currentRow() < 0 || list->currentRow() >= entries.size())
        return;
    if (auto error = m_backups->restore(entries.at(list->currentRow()), QDateTime::currentDateTimeUtc())) {
        QMessageBox::warning(this, QStringLiteral("Restore backup"), *error);
        return;
    }
    m_grader->clearUndo(); // its grades are not in the restored data
    reloadProgress();
    statusBar()->showMessage(QStringLiteral("Restored the backup of %1.")
                                 .arg(QLocale().toString(entries.at(list->currentRow()).taken, QLocale::ShortFormat)),
                             10000);
}

void MainWindow::reloadProgress()
{
    if (m_cardPane->mode() == m_study && !m_study->componentId().isEmpty())
        m_study->open(m_study->componentId());
    else if (m_cardPane->mode() == m_review)
        m_review->start(m_review->componentId());
    cardStateChanged(QString());
    if (m_browser)
        m_browser->model()->reload();
}

} // namespace k8sfc
