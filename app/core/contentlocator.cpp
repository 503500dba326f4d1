#include "contentlocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace k8sfc {

namespace {

// The program's folder. Start-up asks before QCoreApplication exists, so Linux's /proc is the
// fallback.
QString programDir()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath().section(QLatin1Char('/'), 0, -2);
}

} // namespace

QString ContentLocator::bundledRoot()
{
    const QString appDir = programDir();
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
    return QDir::cleanPath(QDir(programDir()).filePath(QStringLiteral("../" K8SFC_DATA_SUBDIR "/deck-cache")));
}

QString ContentLocator::bundledRegistry()
{
    const QString root = bundledRoot();
    return root.isEmpty() ? QString() : root + QStringLiteral("/diagrams/components.yaml");
}

} // namespace k8sfc
