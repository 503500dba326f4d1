#include "labelquiz.h"

#include "componentitem.h"
#include "diagramscene.h"
#include "labelcoveritem.h"

#include <QInputDialog>
#include <QPointer>

namespace k8sfc {

QInputDialog *LabelQuiz::ask(QWidget *parent, DiagramScene &scene, LabelCoverItem *cover,
                             const std::function<void(const QString &)> &done)
{
    scene.settleLabelVerdicts();
    QStringList names;
    for (ComponentItem *item : scene.componentItems())
        if (!names.contains(item->name()))
            names.append(item->name());
    names.sort(Qt::CaseInsensitive);
    auto *dialog = new QInputDialog(parent);
    dialog->setObjectName(QStringLiteral("labelQuizDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QStringLiteral("Name it"));
    dialog->setLabelText(QStringLiteral("Which component is hidden under %1?").arg(cover->number()));
    dialog->setComboBoxItems(names);
    dialog->setComboBoxEditable(true);
    // Starts empty: a pre-filled name would be a hint, or a wrong answer given by pressing Enter.
    dialog->setTextValue(QString());
    QPointer<LabelCoverItem> target(cover);
    QObject::connect(dialog, &QInputDialog::textValueSelected, &scene, [&scene, target, done](const QString &given) {
        if (!target || given.trimmed().isEmpty())
            return;
        const bool right = scene.nameLabel(target, given);
        const QString name = target->component()->name();
        done((right ? QStringLiteral("✓ Right: %1.").arg(name)
                    : QStringLiteral("✗ It is %1 (you said %2).").arg(name, given.trimmed())) +
             QStringLiteral("  ") + scene.labelScore());
    });
    dialog->open();
    return dialog;
}

} // namespace k8sfc
