#include "contentlocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace k8sfc {

QString ContentLocator::bundledRoot()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates{
        QDir(appDir).filePath(QStringLiteral("../" K8SFC_DATA_SUBDIR)),
        QStringLiteral(K8SFC_SOURCE_DIR),
    };
    for (const QString &candidate : candidates)
        if (QFileInfo::exists(candidate + QStringLiteral("/diagrams/components.yaml")))
            return QDir::cleanPath(candidate);
    return {};
}

QString ContentLocator::bundledDeckCache()
{
    return QDir::cleanPath(
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../" K8SFC_DATA_SUBDIR "/deck-cache")));
}

QString ContentLocator::bundledRegistry()
{
    const QString root = bundledRoot();
    return root.isEmpty() ? QString() : root + QStringLiteral("/diagrams/components.yaml");
}

} // namespace k8sfc
