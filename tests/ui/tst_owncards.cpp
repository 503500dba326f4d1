// Writing cards in the app, as a learner does it: Add Card from the diagram by keyboard alone, a
// restart that finds the card on its component, a grade, an edit that keeps the card's history;
// the form's field-by-field refusals, Ctrl+click attaching components, and a file changed on disk.
#include "cardbrowser.h"
#include "cardeditor.h"
#include "cardfilterproxy.h"
#include "cardpane.h"
#include "cardtextview.h"
#include "componentitem.h"
#include "contentlibrary.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "mainwindow.h"
#include "masterystore.h"
#include "owncards.h"
#include "owncardsapp.h"
#include "picturetextedit.h"
#include "searchbox.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QImage>
#include <QTextDocument>
#include <QComboBox>
#include <QLineEdit>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace k8sfc;
using namespace k8sfc::test;

namespace {

void type(const QString &text)
{
    QTest::keyClicks(QApplication::focusWidget(), text);
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(QApplication::focusWidget(), key, modifiers);
}

} // namespace

class TestOwnCards : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void addByKeyboard_restart_grade_edit_keepsHistory();
    void badFields_areNamedAndNothingIsWritten();
    void lettersInATextField_openNothing();
    void ctrlClick_attachesComponents();
    void changedOnDisk_keepsTheFormAndOffersReload();
    void bundledCards_areCopiedNotEdited_andOwnCardsDeleted();
    void pastedPicture_isStoredByHashAndShown();

private:
    QTemporaryDir m_data;
};

void TestOwnCards::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestOwnCards::init()
{
    QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
              QStringLiteral("k8s-flashcards"))
        .clear();
    QVERIFY(m_data.isValid());
    QFile::remove(m_data.filePath(QStringLiteral("decks/my-cards.yaml")));
}

void TestOwnCards::addByKeyboard_restart_grade_edit_keepsHistory()
{
    QString id;
    {
        App app(m_data.path());
        QVERIFY(app.ok);
        CardEditor *editor = openAddOnEtcd(app);
        QVERIFY(editor);
        QCOMPARE(editor->accessibleName(), QStringLiteral("Add Card"));
        QCOMPARE(editor->windowTitle(), QStringLiteral("Add Card — K8s Flashcards"));
        QCOMPARE(editor->components(), QStringList{QStringLiteral("etcd")});
        QCOMPARE(QApplication::focusWidget()->accessibleName(), QStringLiteral("Front"));
        type(kFront);
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->accessibleName(), QStringLiteral("Back"));
        type(QStringLiteral("**2379**, over TLS; peers use 2380."));
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->accessibleName(), QStringLiteral("Answer"));
        type(QStringLiteral("2379"));
        // The preview renders as the card pane does, and the forms follow the Answer.
        QTRY_VERIFY(editor->backPreview()->toPlainText().contains(QStringLiteral("2379, over TLS")));
        QVERIFY(editor->formsLabel()->text().contains(QStringLiteral("Typed")));
        for (const char *field : {"Aliases", "Choices", "Tags"}) {
            press(Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->accessibleName(), QLatin1String(field));
        }
        type(QStringLiteral("ports, etcd"));
        press(Qt::Key_Return, Qt::ControlModifier);
        const Card *card = app.cardByFront(kFront);
        QVERIFY2(card, qPrintable(editor->findChild<QLabel *>(QStringLiteral("editorMessage"))->text()));
        id = card->id;
        QCOMPARE(id, QStringLiteral("my-cards-which-port-does-etcd-1"));
        QCOMPARE(card->tags, (QStringList{QStringLiteral("ports"), QStringLiteral("etcd")}));
        QCOMPARE(card->source, QString());
        QVERIFY(QFile::exists(m_data.filePath(QStringLiteral("decks/my-cards.yaml"))));
        QVERIFY(editor->frontEdit()->toPlainText().isEmpty()); // ready for the next card
        QCOMPARE(editor->components(), QStringList{QStringLiteral("etcd")});
    }
    App app(m_data.path()); // a restart
    QVERIFY(app.ok);
    QVERIFY(app.window->content().diagnostics().isEmpty());
    QVERIFY(app.cardByFront(kFront));
    app.window->openCard(id);
    QCOMPARE(app.window->cardPane()->shownMarkdown(), kFront);
    QTest::keyClick(app.window.get(), Qt::Key_Space);
    QTest::keyClick(app.window.get(), Qt::Key_3);
    QCOMPARE(app.store.reviews(id).value().size(), 1);

    app.window->openCard(id);
    app.window->cardPane()->setFocus();
    QTest::keyClick(app.window.get(), Qt::Key_E);
    CardEditor *editor = app.window->ownCards()->editor();
    QVERIFY(editor);
    QCOMPARE(editor->accessibleName(), QStringLiteral("Edit Card"));
    QCOMPARE(editor->submitButton()->accessibleName(), QStringLiteral("Save"));
    QCOMPARE(editor->frontEdit()->toPlainText(), kFront);
    activate(editor);
    press(Qt::Key_Tab);
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("2379 for clients, 2380 between members."));
    press(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!app.window->ownCards()->editor());
    const Card *edited = app.window->content().card(id);
    QVERIFY(edited);
    QCOMPARE(edited->back, QStringLiteral("2379 for clients, 2380 between members."));
    QCOMPARE(app.store.reviews(id).value().size(), 1); // same id, same history
    QCOMPARE(app.store.progress(id).value().reps, 1);
}

void TestOwnCards::badFields_areNamedAndNothingIsWritten()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    CardEditor *editor = openAddOnEtcd(app);
    QVERIFY(editor);
    press(Qt::Key_Tab); // no Front
    type(QStringLiteral("A back without a front"));
    press(Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(editor->problemLabel(QStringLiteral("front"))->isVisible());
    QVERIFY(editor->problemLabel(QStringLiteral("front"))->text().contains(QStringLiteral("\"front\" is empty")));
    QVERIFY(!QFile::exists(m_data.filePath(QStringLiteral("decks/my-cards.yaml"))));

    editor->frontEdit()->setPlainText(QStringLiteral("A front"));
    editor->findChild<QLineEdit *>(QString(), Qt::FindChildrenRecursively); // the fields exist
    const auto fields = editor->findChildren<QLineEdit *>();
    for (QLineEdit *field : fields)
        if (field->accessibleName() == QLatin1String("Source"))
            field->setText(QStringLiteral("http://example.com/plain"));
    editor->submitButton()->click();
    QVERIFY(editor->problemLabel(QStringLiteral("source"))->text().contains(QStringLiteral("https://")));
    QVERIFY(!editor->problemLabel(QStringLiteral("front"))->isVisible());
    QVERIFY(!QFile::exists(m_data.filePath(QStringLiteral("decks/my-cards.yaml"))));

    // A deck name whose id a bundled deck uses is refused.
    for (QLineEdit *field : fields)
        if (field->accessibleName() == QLatin1String("Source"))
            field->clear();
    for (QWidget *w : editor->findChildren<QWidget *>())
        if (w->accessibleName() == QLatin1String("Add to deck"))
            static_cast<QComboBox *>(w)->setCurrentText(QStringLiteral("RBAC"));
    editor->submitButton()->click();
    QVERIFY(editor->problemLabel(QStringLiteral("deck"))->text().contains(QStringLiteral("already used")));
}

void TestOwnCards::lettersInATextField_openNothing()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    app.window->searchBox()->setFocus();
    QTest::keyClick(app.window->searchBox(), Qt::Key_A);
    QTest::keyClick(app.window->searchBox(), Qt::Key_E);
    QVERIFY(!app.window->ownCards()->editor());
    QCOMPARE(app.window->searchBox()->text(), QStringLiteral("ae"));
}

void TestOwnCards::ctrlClick_attachesComponents()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    CardEditor *editor = openAddOnEtcd(app);
    QVERIFY(editor);
    ComponentItem *item = app.window->diagramScene()->itemForRef(QStringLiteral("kube-apiserver"));
    QVERIFY(item);
    const QPoint at =
        app.window->diagramView()->mapFromScene(QPointF(item->rect().center().x(), item->rect().top() + 8));
    QTest::mouseClick(app.window->diagramView()->viewport(), Qt::LeftButton, Qt::ControlModifier, at);
    QCOMPARE(editor->components(), (QStringList{QStringLiteral("etcd"), QStringLiteral("kube-apiserver")}));
    // A plain click keeps its meaning: it opens the component, and attaches nothing.
    QTest::mouseClick(app.window->diagramView()->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(editor->components().size(), 2);
    QCOMPARE(app.window->diagramScene()->selectedComponent(), QStringLiteral("kube-apiserver"));
}

void TestOwnCards::changedOnDisk_keepsTheFormAndOffersReload()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    CardEditor *editor = openAddOnEtcd(app);
    editor->frontEdit()->setPlainText(kFront);
    editor->backEdit()->setPlainText(QStringLiteral("2379"));
    editor->submitButton()->click();
    const Card *card = app.cardByFront(kFront);
    QVERIFY(card);
    const QString id = card->id;
    editor->close();
    app.window->ownCards()->editCard(id);
    editor = app.window->ownCards()->editor();
    QVERIFY(editor);
    const QString path = m_data.filePath(QStringLiteral("decks/my-cards.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("# changed by another editor\n");
    file.close();
    QFile read(path);
    QVERIFY(read.open(QIODevice::ReadOnly));
    const QByteArray theirs = read.readAll();
    editor->backEdit()->setPlainText(QStringLiteral("typed, not lost"));
    editor->submitButton()->click();
    QLabel *message = editor->findChild<QLabel *>(QStringLiteral("editorMessage"));
    QVERIFY2(message->text().contains(QStringLiteral("changed on disk")), qPrintable(message->text()));
    QPushButton *reload = nullptr;
    for (QPushButton *b : editor->findChildren<QPushButton *>())
        if (b->text() == QLatin1String("&Reload"))
            reload = b;
    QVERIFY(reload && reload->isVisible());
    QCOMPARE(editor->backEdit()->toPlainText(), QStringLiteral("typed, not lost"));
    read.seek(0);
    QCOMPARE(read.readAll(), theirs);
    reload->click();
    editor->submitButton()->click();
    QTRY_COMPARE(app.window->content().card(id)->back, QStringLiteral("typed, not lost"));
}

void TestOwnCards::bundledCards_areCopiedNotEdited_andOwnCardsDeleted()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    const Card *bundled = app.window->content().cardsFor(QStringLiteral("etcd"), false).first();
    const QString bundledId = bundled->id;
    const QString bundledSource = bundled->source; // the copy reloads the content: `bundled` goes
    QVERIFY(!app.window->ownCards()->isEditable(*bundled));
    app.window->ownCards()->editCard(bundledId);
    QVERIFY(!app.window->ownCards()->editor());
    QCOMPARE(app.window->ownCards()->copyAction()->text().remove(u'&'), QStringLiteral("Copy to My Cards"));
    app.window->ownCards()->copyCard(bundledId, OwnCards::Original::Keep);
    QVERIFY(!app.store.progress(bundledId).value().suspended);
    CardEditor *editor = app.window->ownCards()->editor();
    QVERIFY(editor);
    QCOMPARE(editor->mode(), CardEditor::Mode::Edit);
    const Card copy = editor->card();
    QCOMPARE(copy.copiedFrom, bundledId);
    QCOMPARE(copy.source, bundledSource);
    editor->close();
    QString copyId;
    for (const Card *c : app.window->content().cardsFor(QStringLiteral("etcd"), false))
        if (c->copiedFrom == bundledId)
            copyId = c->id;
    QVERIFY(copyId.startsWith(QStringLiteral("my-cards-")));

    // The browser shows own and bundled cards; "My cards" keeps the learner's own.
    app.window->showBrowser();
    CardBrowser *browser = app.window->cardBrowser();
    QVERIFY(browser);
    const int all = browser->proxy()->rowCount();
    QComboBox *deck = nullptr;
    for (QComboBox *box : browser->findChildren<QComboBox *>())
        if (box->accessibleName() == QLatin1String("Deck"))
            deck = box;
    QVERIFY(deck);
    deck->setCurrentIndex(deck->findText(QStringLiteral("My cards")));
    QCOMPARE(browser->proxy()->rowCount(), 1);
    QVERIFY(all > 100);
    browser->close();

    app.window->openCard(copyId);
    QTest::keyClick(app.window.get(), Qt::Key_Space);
    QTest::keyClick(app.window.get(), Qt::Key_3);
    app.window->ownCards()->deleteCard(copyId, false);
    QVERIFY(!app.window->content().card(copyId));
    QCOMPARE(app.store.reviews(copyId).value().size(), 1);                           // the history stays
    QVERIFY(!QFile::exists(m_data.filePath(QStringLiteral("decks/my-cards.yaml")))); // its only card

    // One undo history: the deletion is the latest, then the grade before it.
    QAction *undo = nullptr;
    for (QAction *action : app.window->findChildren<QAction *>())
        if (action->shortcut() == QKeySequence::Undo)
            undo = action;
    QVERIFY(undo);
    QCOMPARE(undo->text().remove(u'&'), QStringLiteral("Undo Delete Card"));
    undo->trigger();
    QVERIFY(app.window->content().card(copyId));
    QCOMPARE(undo->text().remove(u'&'), QStringLiteral("Undo Grade"));
    undo->trigger();
    QCOMPARE(app.store.reviews(copyId).value().size(), 0);
    QVERIFY(!undo->isEnabled());
}

void TestOwnCards::pastedPicture_isStoredByHashAndShown()
{
    App app(m_data.path());
    QVERIFY(app.ok);
    CardEditor *editor = openAddOnEtcd(app);
    QVERIFY(editor);
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QApplication::clipboard()->setImage(image);
    editor->frontEdit()->setFocus();
    QTest::keyClicks(editor->frontEdit(), QStringLiteral("Where is etcd? "));
    QTest::keyClick(editor->frontEdit(), Qt::Key_V, Qt::ControlModifier);
    const QString front = editor->frontEdit()->toPlainText();
    QVERIFY2(front.startsWith(QStringLiteral("Where is etcd? ![picture](media/")), qPrintable(front));
    const QString address = front.section(u'(', 1).chopped(1);
    const QString stored = m_data.filePath(QStringLiteral("decks/") + address);
    QVERIFY2(QFile::exists(stored), qPrintable(stored));
    QCOMPARE(QImage(stored).size(), QSize(40, 30));
    // The preview shows the picture itself, not its alt text.
    QTRY_VERIFY(editor->frontPreview()->document()->toHtml().contains(QStringLiteral("<img")));
    // The same picture again is the same file.
    QTest::keyClick(editor->frontEdit(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(QDir(m_data.filePath(QStringLiteral("decks/media"))).entryList(QDir::Files).size(), 1);

    // An SVG becomes a PNG; a picture over 5 MB is refused and says so.
    QTemporaryDir files;
    QFile svg(files.filePath(QStringLiteral("pod.svg")));
    QVERIFY(svg.open(QIODevice::WriteOnly));
    svg.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"32\">"
              "<rect width=\"64\" height=\"32\" fill=\"teal\"/></svg>");
    svg.close();
    auto *back = static_cast<PictureTextEdit *>(editor->backEdit());
    back->takeFile(svg.fileName());
    QVERIFY(back->toPlainText().contains(QStringLiteral(".png)")));
    QFile big(files.filePath(QStringLiteral("big.png")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray("\x89PNG\r\n\x1a\n") + QByteArray(6 * 1024 * 1024, 'x'));
    big.close();
    back->takeFile(big.fileName());
    QVERIFY(editor->problemLabel(QStringLiteral("back"))->isVisible());
    QVERIFY(editor->problemLabel(QStringLiteral("back"))->text().contains(QStringLiteral("at most 5 MB")));

    const QString written = editor->frontEdit()->toPlainText().trimmed();
    editor->submitButton()->click();
    const Card *card = app.cardByFront(written);
    QVERIFY(card);
    QVERIFY(app.window->content().diagnostics().isEmpty()); // every picture the card names exists
}

QTEST_MAIN(TestOwnCards)
#include "tst_owncards.moc"
