// Own cards beyond writing one: Ctrl+Z in the card browser, Copy to My Cards suspending the
// original, Ctrl+click on an arrow, card pictures in the PDF handout, and the Back preview of a
// card with a tall picture opening at its start.
#include "arrowitem.h"
#include "cardbrowser.h"
#include "cardfilterproxy.h"
#include "cardtextview.h"
#include "diagramscene.h"
#include "exporter.h"
#include "owncardsapp.h"
#include "picturestore.h"

#include <QAction>
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

using namespace k8sfc;
using namespace k8sfc::test;

namespace {

/// What the copy question showed, once it has been answered.
struct Question
{
    QString text;
    QWidget *over = nullptr; ///< the window it was asked over
};
using Asked = std::shared_ptr<Question>;

/// Answers the next message box (Copy to My Cards' question) with the button labelled `button`.
Asked answerCopyQuestion(QObject *context, const char *button)
{
    auto asked = std::make_shared<Question>();
    QTimer::singleShot(0, context, [asked, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked->text = box->text();
        asked->over = box->parentWidget();
        for (QAbstractButton *choice : box->buttons())
            if (choice->text().remove(u'&') == QLatin1String(button))
                choice->click();
    });
    return asked;
}

} // namespace

class TestOwnCardExtras : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void browserCtrlZ_undoesTheLatestDeletion();
    void copyToMyCards_offersToSuspendTheOriginal();
    void copyFromTheBrowser_asksOverTheBrowser();
    void ctrlClickOnAnArrow_attachesItsBaseId();
    void handout_carriesCardPictures();
    void backPreview_opensAtTheTop();

private:
    QTemporaryDir m_data;
};

void TestOwnCardExtras::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestOwnCardExtras::init()
{
    QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
              QStringLiteral("k8s-flashcards"))
        .clear();
    QVERIFY(m_data.isValid());
    QFile::remove(m_data.filePath(QStringLiteral("decks/my-cards.yaml")));
}

void TestOwnCardExtras::browserCtrlZ_undoesTheLatestDeletion()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    const QString id = addOnEtcd(app, kFront, QStringLiteral("2379"));
    QVERIFY(!id.isEmpty());
    app.window->showBrowser();
    CardBrowser *browser = app.window->cardBrowser();
    QVERIFY(browser);
    activate(browser);
    browser->selectCard(id);
    QCOMPARE(browser->currentCardId(), id);
    app.window->ownCards()->deleteCard(id, false);
    QVERIFY(!app.window->content().card(id));
    // A grade after the deletion: the main window would take it back first, the browser does not.
    const QString bundled = app.window->content().cardsFor(QStringLiteral("etcd"), false).first()->id;
    activate(app.window.get());
    app.window->openCard(bundled);
    QTest::keyClick(app.window.get(), Qt::Key_Space);
    QTest::keyClick(app.window.get(), Qt::Key_3);
    QCOMPARE(app.store.reviews(bundled).value().size(), 1);

    QAction *undo = app.window->ownCards()->browserUndoAction();
    QCOMPARE(undo->text().remove(u'&'), QStringLiteral("Undo Delete Card"));
    QVERIFY(undo->isEnabled());
    QVERIFY(browser->table()->actions().contains(undo)); // in the table's context menu too
    activate(browser);
    QTest::keyClick(browser->table(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(app.window->content().card(id));
    QCOMPARE(app.store.reviews(bundled).value().size(), 1); // the grade stays
    QVERIFY(!undo->isEnabled());
    QTRY_VERIFY(browser->proxy()->rowCount() > 0);
}

void TestOwnCardExtras::copyToMyCards_offersToSuspendTheOriginal()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    const QString bundled = app.window->content().cardsFor(QStringLiteral("etcd"), false).first()->id;
    app.window->openCard(bundled);
    activate(app.window.get());
    // The learner is asked, and answers with the button that suspends the original.
    const Asked asked = answerCopyQuestion(this, "Copy and Suspend the Original");
    app.window->ownCards()->copyAction()->trigger();
    QVERIFY2(asked->text.contains(QStringLiteral("Copy")), qPrintable(asked->text));
    QVERIFY(app.store.progress(bundled).value().suspended);
    const auto events = app.store.events(bundled).value();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().kind, CardEvent::Kind::Suspend); // the browser's own suspension, logged
    CardEditor *editor = app.window->ownCards()->editor();
    QVERIFY(editor);
    QCOMPARE(editor->card().copiedFrom, bundled);
    QVERIFY(!app.store.progress(editor->card().id).value().suspended); // the copy is studied
}

void TestOwnCardExtras::copyFromTheBrowser_asksOverTheBrowser()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    const QString bundled = app.window->content().cardsFor(QStringLiteral("kube-scheduler"), false).first()->id;
    app.window->showBrowser();
    CardBrowser *browser = app.window->cardBrowser();
    QVERIFY(browser);
    activate(browser);
    browser->selectCard(bundled);
    const Asked asked = answerCopyQuestion(this, "Copy");
    app.window->ownCards()->copyAction()->trigger();
    QCOMPARE(asked->over, static_cast<QWidget *>(browser));
    QVERIFY(!app.store.progress(bundled).value().suspended); // plain Copy leaves the original as it was
    QVERIFY(app.window->ownCards()->editor());
    QCOMPARE(app.window->ownCards()->editor()->card().copiedFrom, bundled);
}

void TestOwnCardExtras::ctrlClickOnAnArrow_attachesItsBaseId()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    CardEditor *editor = openAddOnEtcd(app);
    QVERIFY(editor);
    DiagramView *view = app.window->diagramView();
    // An arrow drawn on one copy of a component: the card names every copy's arrow.
    ArrowItem *arrow = nullptr;
    for (ArrowItem *item : app.window->diagramScene()->arrowItems())
        if (item->id() != item->baseId())
            arrow = item;
    QVERIFY(arrow);
    QPoint at(-1, -1);
    const QRectF area = arrow->rect();
    for (qreal y = area.top(); y < area.bottom() && at.x() < 0; y += 1)
        for (qreal x = area.left(); x < area.right() && at.x() < 0; x += 1)
            if (const QPoint p = view->mapFromScene(QPointF(x, y)); view->itemAt(p) == arrow)
                at = p;
    QVERIFY(at.x() >= 0);
    const QString arrowId = arrow->baseId(); // a save reloads the diagram, and its items
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, at);
    QCOMPARE(editor->arrows(), QStringList{arrowId});
    QCOMPARE(editor->components(), QStringList{QStringLiteral("etcd")});
    QCOMPARE(editor->attachedList()->count(), 2);
    QVERIFY(editor->attachedList()->item(1)->text().contains(QStringLiteral("→")));
    // A plain click keeps its meaning: it attaches nothing more.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(editor->arrows().size(), 1);

    editor->frontEdit()->setPlainText(QStringLiteral("What does this connection carry?"));
    editor->backEdit()->setPlainText(QStringLiteral("Watches and status."));
    editor->submitButton()->click();
    const Card *card = app.cardByFront(QStringLiteral("What does this connection carry?"));
    QVERIFY(card);
    QCOMPARE(card->arrows, QStringList{arrowId});
    QFile yaml(m_data.filePath(QStringLiteral("decks/my-cards.yaml")));
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    QVERIFY(yaml.readAll().contains(arrowId.toUtf8()));

    // What is attached can be taken off again.
    editor->attachedList()->item(1)->setSelected(true);
    for (QPushButton *button : editor->findChildren<QPushButton *>())
        if (button->accessibleName() == QLatin1String("Remove attached"))
            button->click();
    QCOMPARE(editor->arrows(), QStringList());
    QCOMPARE(editor->attachedList()->count(), 1);
}

void TestOwnCardExtras::handout_carriesCardPictures()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    const Walkthrough *walkthrough = nullptr;
    for (const Walkthrough &w : app.window->content().walkthroughs())
        for (const WalkthroughStep &step : w.steps)
            if (step.components.contains(QStringLiteral("etcd")))
                walkthrough = &w;
    QVERIFY(walkthrough);
    const QString walkthroughId = walkthrough->id;
    QTemporaryDir out;
    auto pdfBytes = [&](const QString &name) {
        const ContentSnapshot content = app.library.current();
        for (const Walkthrough &w : content->walkthroughs())
            if (w.id == walkthroughId && Exporter::exportHandout(*content, w, out.filePath(name)))
                return QByteArray();
        QFile pdf(out.filePath(name));
        return pdf.open(QIODevice::ReadOnly) ? pdf.readAll() : QByteArray();
    };
    const QByteArray before = pdfBytes(QStringLiteral("before.pdf"));
    QVERIFY(before.startsWith("%PDF"));
    // The diagram pages hold pictures of their own; the card's adds one.
    const qsizetype diagramImages = before.count("/Subtype /Image");

    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkMagenta);
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
    }
    const auto address = PictureStore::store(m_data.filePath(QStringLiteral("decks/my-cards.yaml")), png);
    QVERIFY(address);
    QVERIFY(!addOnEtcd(app, kFront, QStringLiteral("Here: ![etcd](%1)").arg(*address)).isEmpty());
    const QByteArray after = pdfBytes(QStringLiteral("after.pdf"));
    QVERIFY(after.startsWith("%PDF"));
    QCOMPARE(after.count("/Subtype /Image"), diagramImages + 1);
}

void TestOwnCardExtras::backPreview_opensAtTheTop()
{
    QString id;
    {
        App app(m_data.path());
        QVERIFY(app.ok);
        QImage image(200, 600, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        const auto address = PictureStore::store(m_data.filePath(QStringLiteral("decks/my-cards.yaml")), png);
        QVERIFY(address);
        id = addOnEtcd(app, kFront, QStringLiteral("The first line.\n\n![tall](%1)\n\nThe last line.").arg(*address));
        QVERIFY(!id.isEmpty());
    }
    App app(m_data.path());
    QVERIFY(app.ok);
    app.window->ownCards()->editCard(id);
    CardEditor *editor = app.window->ownCards()->editor();
    QVERIFY(editor);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    QTest::qWait(400); // past the preview's pause after typing
    QScrollBar *bar = editor->backPreview()->verticalScrollBar();
    QVERIFY(bar->maximum() > 0); // the picture makes it scroll
    QCOMPARE(bar->value(), 0);
}

QTEST_MAIN(TestOwnCardExtras)
#include "tst_owncardextras.moc"
