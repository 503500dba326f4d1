#include "statisticsloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>
#include <QWidget>

namespace k8sfc {

namespace {

using Factory = QWidget *(*)(const ContentSet &, MasteryStore &, const Grader &, QWidget *);

} // namespace

QString StatisticsLoader::pluginPath()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/../" K8SFC_PLUGIN_SUBDIR "/statistics.so"));
}

QWidget *StatisticsLoader::create(const ContentSet &content, MasteryStore &store, const Grader &grader, QWidget *parent,
                                  QString *error)
{
    // Loaded once and kept for the life of the process (QLibrary unloads only when told to).
    static QLibrary library(pluginPath());
    auto factory = reinterpret_cast<Factory>(library.resolve("k8sfc_create_statistics"));
    if (!factory) {
        if (error)
            *error = QStringLiteral("The statistics plugin could not be loaded from %1: %2")
                         .arg(QDir::toNativeSeparators(library.fileName()), library.errorString());
        return nullptr;
    }
    return factory(content, store, grader, parent);
}

void StatisticsLoader::refresh(QWidget *window)
{
    if (window)
        QMetaObject::invokeMethod(window, "refresh");
}

} // namespace k8sfc
