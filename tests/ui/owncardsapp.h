#pragma once

// What the own-cards tests start from: the app on a data folder, wired as main() wires it, and
// the Add Card window opened on etcd from the keyboard.

#include "cardeditor.h"
#include "contentlibrary.h"
#include "diagramview.h"
#include "mainwindow.h"
#include "masterystore.h"
#include "owncards.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

#include <memory>

namespace k8sfc::test {

const QString kFront = QStringLiteral("Which port does etcd serve its clients on?");

/// One run of the app on a data folder: its library, store and window, as main() wires them.
struct App
{
    explicit App(const QString &data) : library({QStringLiteral(K8SFC_SOURCE_DIR), data})
    {
        ok = !store.openDataDir(data);
        window = std::make_unique<MainWindow>(library.current(), store);
        QObject::connect(&library, &ContentLibrary::reloaded, window.get(), &MainWindow::setContent);
        window->ownCards()->setLibrary(&library, data);
        window->resize(1280, 720);
        window->show();
        ok = ok && QTest::qWaitForWindowExposed(window.get());
    }
    const Card *cardByFront(const QString &front) const
    {
        for (const Card *card : window->content().cardsFor(QStringLiteral("etcd"), false))
            if (card->front == front)
                return card;
        return nullptr;
    }

    ContentLibrary library;
    MasteryStore store;
    std::unique_ptr<MainWindow> window;
    bool ok = false;
};

/// The offscreen platform leaves the window that had the key active: the learner's window
/// manager gives a new window the keyboard.
inline void activate(QWidget *window)
{
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    QCOMPARE(QApplication::activeWindow(), window);
}

/// A on the diagram with etcd open: the Add Card window, active, or null.
inline CardEditor *openAddOnEtcd(App &app)
{
    app.window->openComponent(QStringLiteral("etcd"));
    app.window->diagramView()->setFocus();
    QTest::keyClick(app.window.get(), Qt::Key_A);
    CardEditor *editor = app.window->ownCards()->editor();
    if (editor)
        activate(editor);
    return editor;
}

/// Adds a card on etcd through the form and closes it; the card's id, or empty.
inline QString addOnEtcd(App &app, const QString &front, const QString &back)
{
    CardEditor *editor = openAddOnEtcd(app);
    if (!editor)
        return QString();
    editor->frontEdit()->setPlainText(front);
    editor->backEdit()->setPlainText(back);
    editor->submitButton()->click();
    editor->close();
    const Card *card = app.cardByFront(front);
    return card ? card->id : QString();
}

} // namespace k8sfc::test
