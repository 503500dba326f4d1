// Live reload under every open window: each holds a content snapshot (or card ids), so a reload
// that publishes a new snapshot and frees the old one leaves nothing dangling. Run under ASan in
// CI, a pointer kept into a freed snapshot is a crash here, not a rare bug later.
#include "cardbrowser.h"
#include "cardfilterproxy.h"
#include "cardpane.h"
#include "componentstudy.h"
#include "contentlibrary.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "mainwindow.h"
#include "masteryoverlay.h"
#include "masterystore.h"
#include "presentationwindow.h"
#include "quizpane.h"
#include "quizsession.h"
#include "reviewsession.h"
#include "walkthroughplayer.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestLiveReload : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void reload_underEveryOpenWindow_keepsThemUsable();
    void reload_rebuildsThePresentMenuAndNamesTheView();
    void quizFeedback_marksTheChosenOptionOnly();
    void laser_staysOnAcrossDiagrams();

private:
    static void copyTree(const QString &from, const QString &to);
    void rewrite(const QString &relative, const QByteArray &from, const QByteArray &to);
    QStringList presentMenuEntries() const;
    /// Puts "Reloaded - " at the start of the card's front in its deck file.
    void editFront(const QString &relative, const QString &cardId);

    QTemporaryDir *m_dir = nullptr;
    QString m_root;
    MasteryStore *m_store = nullptr;
    ContentLibrary *m_library = nullptr;
    MainWindow *m_window = nullptr;
};

void TestLiveReload::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLiveReload::copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + u'/' + entry.fileName();
        if (entry.isDir())
            copyTree(entry.filePath(), target);
        else
            QFile::copy(entry.filePath(), target);
    }
}

void TestLiveReload::rewrite(const QString &relative, const QByteArray &from, const QByteArray &to)
{
    QFile file(m_root + u'/' + relative);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    QVERIFY2(text.contains(from), from.constData());
    text.replace(from, to);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

void TestLiveReload::editFront(const QString &relative, const QString &cardId)
{
    QFile file(m_root + u'/' + relative);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    const qsizetype card = text.indexOf(QByteArray("id: " + cardId.toUtf8() + "\n"));
    QVERIFY(card >= 0);
    qsizetype at = text.indexOf("front: ", card) + 7;
    QVERIFY(at > card);
    if (text.at(at) == '"' || text.at(at) == '\'')
        ++at; // inside the quotes
    else if (text.at(at) == '>' || text.at(at) == '|')
        at = text.indexOf('\n', at) + 1; // a block: its first line
    while (text.at(at) == ' ')
        ++at;
    text.insert(at, "Reloaded - ");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

void TestLiveReload::init()
{
    QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
              QStringLiteral("k8s-flashcards"))
        .clear();
    m_dir = new QTemporaryDir;
    m_root = m_dir->filePath(QStringLiteral("content"));
    copyTree(QStringLiteral(K8SFC_SOURCE_DIR "/decks"), m_root + QStringLiteral("/decks"));
    copyTree(QStringLiteral(K8SFC_SOURCE_DIR "/diagrams"), m_root + QStringLiteral("/diagrams"));
    m_store = new MasteryStore;
    QCOMPARE(m_store->openDataDir(m_dir->filePath(QStringLiteral("data"))), std::nullopt);
    m_library = new ContentLibrary({m_root});
    m_window = new MainWindow(m_library->current(), *m_store);
    connect(m_library, &ContentLibrary::reloaded, m_window, &MainWindow::setContent);
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestLiveReload::cleanup()
{
    delete m_window;
    delete m_library;
    delete m_store;
    delete m_dir;
}

QStringList TestLiveReload::presentMenuEntries() const
{
    QStringList entries;
    for (QAction *menu : m_window->menuBar()->actions())
        if (menu->text() == QStringLiteral("&Present"))
            for (QAction *a : menu->menu()->actions())
                entries.append(a->text());
    return entries;
}

void TestLiveReload::reload_underEveryOpenWindow_keepsThemUsable()
{
    // Open everything that shows content: a component's cards, a review left in the background,
    // the browser, statistics, a presentation mid-walkthrough, and a quiz with a question open.
    m_window->startReview(false);
    QVERIFY(m_window->reviewSession()->current());
    m_window->openComponent(QStringLiteral("etcd"));
    const QString shownId = m_window->componentStudy()->current()->id;
    m_window->showBrowser();
    m_window->cardBrowser()->selectCard(shownId);
    m_window->showStatistics();
    QVERIFY(m_window->statisticsWindow());
    m_window->present(m_library->current()->walkthroughs().first().id);
    QVERIFY(m_window->presentation()->player()->next());
    const int step = m_window->presentation()->player()->position();
    QTest::keyClick(m_window, Qt::Key_Q);
    QMetaObject::invokeMethod(m_window->quizPane()->startButton(), "click");
    QVERIFY(m_window->quizSession()->current());
    m_window->openComponent(QStringLiteral("etcd"));

    // The card on screen is edited on disk; the reload frees the old snapshot (nobody keeps it).
    const Card *before = m_library->current()->card(shownId);
    editFront(QStringLiteral("decks/") + before->deckId + QStringLiteral(".yaml"), shownId);
    std::weak_ptr<const ContentSet> old = m_library->current();
    m_library->reload();
    QVERIFY(old.expired());

    // Every window goes on, on the new content.
    QCOMPARE(m_window->componentStudy()->current()->id, shownId);
    QVERIFY2(m_window->cardPane()->shownMarkdown().startsWith(QStringLiteral("Reloaded - ")),
             qPrintable(m_window->cardPane()->shownMarkdown() + u"|" + m_library->current()->card(shownId)->front +
                        u"|" + m_library->current()->diagnostics().value(0).toString()));
    QTest::keyClick(m_window, Qt::Key_Space);
    QTest::keyClick(m_window, Qt::Key_3);
    QCOMPARE(m_store->reviews(shownId).value().size(), 1);
    QCOMPARE(m_window->cardBrowser()->currentCardId(), shownId);
    m_window->cardBrowser()->setComponentFilter(QStringLiteral("kube-apiserver"));
    QVERIFY(m_window->cardBrowser()->proxy()->rowCount() > 0);
    QCOMPARE(m_window->presentation()->player()->position(), step);
    QVERIFY(m_window->presentation()->player()->next());
    QVERIFY(!m_window->presentation()->captionText().isEmpty());
    m_window->startReview(false);
    QVERIFY(m_window->reviewSession()->current());
    QVERIFY(!m_window->reviewSession()->current()->front.isEmpty());
    QTest::keyClick(m_window, Qt::Key_Q);
    QMetaObject::invokeMethod(m_window->quizPane()->startButton(), "click");
    QVERIFY(m_window->quizSession()->current());
    m_window->showDiagram(QStringLiteral("rbac"));
    m_window->openCard(shownId);
    QCOMPARE(m_window->diagramId(), QStringLiteral("cluster"));
}

void TestLiveReload::reload_rebuildsThePresentMenuAndNamesTheView()
{
    const Walkthrough first = m_library->current()->walkthroughs().first(); // a copy: the reload frees it
    QVERIFY(presentMenuEntries().contains(first.title));
    rewrite(QStringLiteral("diagrams/walkthroughs/") + first.id + QStringLiteral(".yaml"), first.title.toUtf8(),
            "Renamed on disk");
    m_library->reload();
    QVERIFY2(presentMenuEntries().contains(QStringLiteral("Renamed on disk")),
             qPrintable(presentMenuEntries().join(u'|')));
    QVERIFY(!presentMenuEntries().contains(first.title));

    // The diagram's title names the view for screen readers, after a reload too.
    const Diagram *cluster = m_library->current()->diagram(QStringLiteral("cluster"));
    rewrite(QStringLiteral("diagrams/cluster.svg"), cluster->title.toUtf8(), "Retitled cluster");
    m_library->reload();
    QCOMPARE(m_window->diagramView()->accessibleName(), QStringLiteral("Retitled cluster"));
}

void TestLiveReload::quizFeedback_marksTheChosenOptionOnly()
{
    // Options where one is the end of another ("Pod" and "Static Pod"): only the one chosen is wrong.
    QFile deck(m_root + QStringLiteral("/decks/zz-suffix.yaml"));
    QVERIFY(deck.open(QIODevice::WriteOnly));
    deck.write(
        "title: Suffixes\ncards:\n"
        "  - id: suffix-kubelet-runs\n    components: [kubelet]\n"
        "    front: Which object does the kubelet run from a manifest file on its node?\n"
        "    back: A static Pod.\n    source: https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/\n"
        "    answer: Static Pod\n    choices: [Static Pod, Pod, Deployment, DaemonSet]\n");
    deck.close();
    m_library->reload();
    QTest::keyClick(m_window, Qt::Key_Q);
    QuizPane *pane = m_window->quizPane();
    for (QCheckBox *box : pane->findChildren<QCheckBox *>())
        box->setChecked(box->text().startsWith(QStringLiteral("Multiple")));
    pane->scopeBox()->setCurrentIndex(pane->scopeBox()->findData(QStringLiteral("deck:zz-suffix")));
    QVERIFY(pane->scopeBox()->currentIndex() > 0); // the reloaded deck is on offer
    pane->lengthBox()->setValue(1);
    QTest::mouseClick(pane->startButton(), Qt::LeftButton);
    QPushButton *pod = nullptr;
    for (QPushButton *b : pane->optionButtons())
        if (b->text().endsWith(QStringLiteral(" Pod")) && !b->text().contains(QStringLiteral("Static")))
            pod = b;
    QVERIFY(pod);
    QTest::mouseClick(pod, Qt::LeftButton);
    int crosses = 0;
    for (QPushButton *b : pane->optionButtons())
        crosses += b->text().endsWith(QStringLiteral("✗"));
    QCOMPARE(crosses, 1);
    QVERIFY(pod->text().endsWith(QStringLiteral("✗")));
}

void TestLiveReload::laser_staysOnAcrossDiagrams()
{
    m_window->present(QString());
    PresentationWindow *presentation = m_window->presentation();
    QVERIFY(QTest::qWaitForWindowExposed(presentation));
    QTest::keyClick(presentation, Qt::Key_L);
    QVERIFY(presentation->isLaserOn());
    QTest::keyClick(presentation, Qt::Key_D);
    QVERIFY(presentation->isLaserOn());
    QCOMPARE(presentation->diagramView()->viewport()->cursor().shape(), Qt::BlankCursor);
    // The dot is in the new diagram's scene, waiting for the pointer to move.
    const auto items = presentation->diagramScene()->items();
    QVERIFY(std::any_of(items.cbegin(), items.cend(), [](QGraphicsItem *item) {
        return item->type() == QGraphicsEllipseItem::Type && item->zValue() == 100;
    }));
    QTest::keyClick(presentation, Qt::Key_L);
    QCOMPARE(presentation->diagramView()->viewport()->cursor().shape(), Qt::ArrowCursor);
}

QTEST_MAIN(TestLiveReload)
#include "tst_livereload.moc"
