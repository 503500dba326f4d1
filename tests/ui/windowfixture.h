#pragma once

// What most main-window tests start from: the bundled content once, and for each test function a
// cleared settings file, a store in a temporary folder and a 1280x720 window on screen.

#include "content.h"
#include "mainwindow.h"
#include "masterystore.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace k8sfc::test {

/// The bundled content; turns on QStandardPaths' test mode first, so no real settings are read.
inline ContentSnapshot bundledContent()
{
    QStandardPaths::setTestModeEnabled(true);
    return std::make_shared<const ContentSet>(ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR)));
}

/// A fresh window: false when its store cannot open or the window is never exposed.
inline bool openWindow(const ContentSnapshot &content, QTemporaryDir *&dir, MasteryStore *&store, MainWindow *&window)
{
    QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
              QStringLiteral("k8s-flashcards"))
        .clear();
    dir = new QTemporaryDir;
    store = new MasteryStore;
    if (store->openDataDir(dir->path()))
        return false;
    window = new MainWindow(content, *store);
    window->resize(1280, 720);
    window->show();
    return QTest::qWaitForWindowExposed(window);
}

inline void closeWindow(QTemporaryDir *&dir, MasteryStore *&store, MainWindow *&window)
{
    delete window;
    delete store;
    delete dir;
    window = nullptr;
    store = nullptr;
    dir = nullptr;
}

} // namespace k8sfc::test
