#include "restorebackupdialog.h"

#include "windowframe.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace k8sfc {

RestoreBackupDialog::RestoreBackupDialog(const BackupManager &backups, QWidget *parent)
    : QDialog(parent), m_entries(backups.list())
{
    setWindowTitle(QStringLiteral("Restore backup"));
    WindowFrame::installCloseKeys(this);
    auto *intro = new QLabel(QStringLiteral("A backup of your grades is taken once a day when K8s Flashcards starts; "
                                            "the last 7 days and 4 weeks are kept in %1.<br>Restoring first saves "
                                            "your current data beside them, so nothing is lost.")
                                 .arg(backups.directory().toHtmlEscaped()));
    intro->setWordWrap(true);
    m_list = new QListWidget;
    m_list->setAccessibleName(QStringLiteral("Backups"));
    for (const BackupEntry &e : std::as_const(m_entries)) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1   —   %2")
                .arg(QLocale().toString(e.taken, QLocale::LongFormat),
                     e.reviews ? QStringLiteral("%1 reviews").arg(*e.reviews) : QStringLiteral("unreadable")));
        item->setFlags(e.reviews ? item->flags() : item->flags() & ~Qt::ItemIsEnabled);
        m_list->addItem(item);
    }
    if (m_entries.isEmpty())
        m_list->addItem(QStringLiteral("No backups yet."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_restore = buttons->addButton(QStringLiteral("Restore"), QDialogButtonBox::AcceptRole);
    m_restore->setEnabled(false);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { m_restore->setEnabled(chosen().has_value()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(560, 380);
}

std::optional<BackupEntry> RestoreBackupDialog::chosen() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_entries.size() || !m_entries.at(row).reviews)
        return std::nullopt;
    return m_entries.at(row);
}

} // namespace k8sfc
