#include "labelquiz.h"

#include "componentitem.h"
#include "diagramscene.h"
#include "labelcoveritem.h"

#include <QInputDialog>

namespace k8sfc {

QString LabelQuiz::ask(QWidget *parent, const DiagramScene &scene, LabelCoverItem *cover)
{
    QStringList names;
    for (ComponentItem *item : scene.componentItems())
        if (!names.contains(item->name()))
            names.append(item->name());
    names.sort(Qt::CaseInsensitive);
    bool ok = false;
    const QString given = QInputDialog::getItem(
        parent, QStringLiteral("Name it"), QStringLiteral("Which component is hidden under %1?").arg(cover->number()),
        names, 0, true, &ok);
    if (!ok)
        return {};
    const QString right = cover->component()->name();
    cover->setVisible(false);
    return given.trimmed().compare(right, Qt::CaseInsensitive) == 0
               ? QStringLiteral("✓ Right: %1.").arg(right)
               : QStringLiteral("✗ It is %1 (you said %2).").arg(right, given);
}

} // namespace k8sfc
