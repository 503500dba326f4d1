#include "profilepicker.h"

#include "settings.h"
#include "profiles.h"
#include "windowframe.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace k8sfc {

std::optional<QString> ProfilePicker::choose(const QString &dataDir)
{
    QDialog dialog;
    // The only window yet: it names the app, and asks its question inside.
    dialog.setWindowTitle(WindowFrame::appName());
    WindowFrame::installCloseKeys(&dialog);
    auto *list = new QListWidget;
    list->setAccessibleName(QStringLiteral("Profiles"));
    const QString last = Settings().value(setting::lastProfile);
    for (const QString &name : Profiles::list(dataDir)) {
        list->addItem(name);
        if (name == last)
            list->setCurrentRow(list->count() - 1);
    }
    if (list->currentRow() < 0)
        list->setCurrentRow(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton *add = buttons->addButton(QStringLiteral("New profile…"), QDialogButtonBox::ActionRole);
    QObject::connect(add, &QPushButton::clicked, &dialog, [&] {
        const QString name = QInputDialog::getText(&dialog, QStringLiteral("New profile"),
                                                   QStringLiteral("Name (letters, digits, spaces, - and _):"))
                                 .trimmed();
        if (name.isEmpty())
            return;
        if (!Profiles::isValidName(name) || Profiles::list(dataDir).contains(name)) {
            QMessageBox::warning(&dialog, QStringLiteral("New profile"),
                                 QStringLiteral("\"%1\" cannot be used: choose another name.").arg(name));
            return;
        }
        QDir().mkpath(Profiles::folder(dataDir, name));
        list->addItem(name);
        list->setCurrentRow(list->count() - 1);
    });
    QObject::connect(list, &QListWidget::itemDoubleClicked, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(QStringLiteral("<b>Who is studying?</b> Each profile keeps its own grades.")));
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted || !list->currentItem())
        return std::nullopt;
    const QString chosen = list->currentItem()->text();
    Settings().setValue(setting::lastProfile, chosen);
    return chosen;
}

std::optional<QString> ProfilePicker::confirmNew(const QString &dataDir, const QString &name)
{
    QMessageBox box(QMessageBox::Question, WindowFrame::appName(),
                    QStringLiteral("No profile named “%1”. Create it?").arg(name), QMessageBox::Cancel);
    box.setInformativeText(
        QStringLiteral("Profiles here: %1.").arg(Profiles::list(dataDir).join(QStringLiteral(", "))));
    QPushButton *create = box.addButton(QStringLiteral("Create “%1”").arg(name), QMessageBox::AcceptRole);
    QPushButton *other = box.addButton(QStringLiteral("Choose Another…"), QMessageBox::ActionRole);
    box.setDefaultButton(other); // a typo is likelier than a new learner
    box.exec();
    if (box.clickedButton() == create)
        return name;
    if (box.clickedButton() == other)
        return choose(dataDir);
    return std::nullopt;
}

} // namespace k8sfc
