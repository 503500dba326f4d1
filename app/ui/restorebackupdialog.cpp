#include "restorebackupdialog.h"

#include "windowframe.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

QString describe(const BackupEntry &e)
{
    const QString when = QLocale().toString(e.taken, QLocale::LongFormat);
    const QString reviews = e.reviews ? QStringLiteral("%1 reviews").arg(*e.reviews) : QStringLiteral("unreadable");
    return e.beforeRestore ? QStringLiteral("Before the restore of %1   —   %2").arg(when, reviews)
                           : QStringLiteral("%1   —   %2").arg(when, reviews);
}

} // namespace

RestoreBackupDialog::RestoreBackupDialog(const BackupManager &backups, qint64 currentReviews, QWidget *parent)
    : QDialog(parent), m_entries(backups.list()), m_currentReviews(currentReviews)
{
    setWindowTitle(QStringLiteral("Restore backup"));
    WindowFrame::installCloseKeys(this);
    auto *intro = new QLabel(QStringLiteral("A backup of your grades is taken once a day when K8s Flashcards starts; "
                                            "the last 7 days and 4 weeks are kept in %1.<br>Restoring first saves "
                                            "your current data beside them, listed here as \"Before the restore\", so "
                                            "a restore can be undone.")
                                 .arg(backups.directory().toHtmlEscaped()));
    intro->setWordWrap(true);
    m_list = new QListWidget;
    m_list->setAccessibleName(QStringLiteral("Backups"));
    for (const BackupEntry &e : std::as_const(m_entries)) {
        auto *item = new QListWidgetItem(describe(e));
        item->setFlags(e.reviews ? item->flags() : item->flags() & ~Qt::ItemIsEnabled);
        m_list->addItem(item);
    }
    if (m_entries.isEmpty())
        m_list->addItem(QStringLiteral("No backups yet."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_restore = buttons->addButton(QStringLiteral("Restore"), QDialogButtonBox::AcceptRole);
    m_restore->setEnabled(false);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { m_restore->setEnabled(chosen().has_value()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &RestoreBackupDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(560, 380);
}

void RestoreBackupDialog::confirm()
{
    const std::optional<BackupEntry> entry = chosen();
    if (!entry)
        return;
    // Replacing every grade is the one irreversible-looking step here: say what happens first.
    auto *question = new QMessageBox(
        QMessageBox::Question, QStringLiteral("Replace your grades?"),
        QStringLiteral("Replace your current grades (%1 reviews) with the backup of %2 (%3 reviews)?\n\n"
                       "Your current grades are saved first and listed here as \"Before the restore\", "
                       "so you can go back.")
            .arg(m_currentReviews)
            .arg(QLocale().toString(entry->taken, QLocale::LongFormat))
            .arg(entry->reviews.value_or(0)),
        QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("confirmRestore"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *replace = question->addButton(QStringLiteral("Replace My Grades"), QMessageBox::AcceptRole);
    question->setDefaultButton(QMessageBox::Cancel);
    connect(replace, &QPushButton::clicked, this, &QDialog::accept);
    question->open();
}

std::optional<BackupEntry> RestoreBackupDialog::chosen() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_entries.size() || !m_entries.at(row).reviews)
        return std::nullopt;
    return m_entries.at(row);
}

} // namespace k8sfc
