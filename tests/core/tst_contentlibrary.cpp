#include "contentlibrary.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace k8sfc;

class TestContentLibrary : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void changedFile_isReloaded();
    void brokenEdit_keepsTheLastGoodVersion_andSaysWhy();
    void secondRoot_addsCards_andDuplicatesAreReported();
    void fifoInAContentFolder_isSkippedWithAMessage();
    void symlinkLoop_isNamedAtLoadAndOnReload();

private:
    void write(const QString &path, const QByteArray &text);
    QByteArray card(const char *id, const char *component, const char *front);
    std::unique_ptr<QTemporaryDir> m_temp;
    QString m_bundled;
    QString m_user;
};

void TestContentLibrary::write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

QByteArray TestContentLibrary::card(const char *id, const char *component, const char *front)
{
    return QByteArray("  - id: ") + id + "\n    components: [" + component + "]\n    front: " + front +
           "\n    back: B\n    source: https://kubernetes.io/\n";
}

void TestContentLibrary::init()
{
    m_temp = std::make_unique<QTemporaryDir>(); // a fresh folder for every test
    m_bundled = m_temp->filePath(QStringLiteral("bundled"));
    m_user = m_temp->filePath(QStringLiteral("user"));
    write(m_bundled + QStringLiteral("/diagrams/components.yaml"),
          "planes:\n  - id: cp\n    name: CP\ncomponents:\n  - id: etcd\n    name: etcd\n    plane: cp\n    role: "
          "Stores.\n");
    write(m_bundled + QStringLiteral("/diagrams/mini.svg"),
          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><g id=\"etcd\"/></svg>\n");
    write(m_bundled + QStringLiteral("/decks/base.yaml"), "title: Base\ncards:\n" + card("one", "etcd", "First?"));
}

void TestContentLibrary::changedFile_isReloaded()
{
    ContentLibrary library({m_bundled});
    QCOMPARE(library.current()->card(QStringLiteral("one"))->front, QStringLiteral("First?"));
    QSignalSpy reloaded(&library, &ContentLibrary::reloaded);
    const ContentSnapshot before = library.current();
    const Card *held = before->card(QStringLiteral("one"));
    write(m_bundled + QStringLiteral("/decks/base.yaml"),
          "title: Base\ncards:\n" + card("one", "etcd", "Edited?") + card("two", "etcd", "New?"));
    // wait() returns as soon as the signal comes; the long limit is for slow sanitizer runs.
    QVERIFY(reloaded.wait(10000));
    // A new snapshot is published; the one held is untouched, so pointers into it stay valid.
    QVERIFY(library.current() != before);
    QCOMPARE(reloaded.takeFirst().at(0).value<ContentSnapshot>(), library.current());
    QCOMPARE(held->front, QStringLiteral("First?"));
    QVERIFY(!before->card(QStringLiteral("two")));
    QCOMPARE(library.current()->card(QStringLiteral("one"))->front, QStringLiteral("Edited?"));
    QVERIFY(library.current()->card(QStringLiteral("two")));
    // A new deck file in the folder is found too.
    write(m_bundled + QStringLiteral("/decks/more.yaml"), "title: More\ncards:\n" + card("three", "etcd", "Third?"));
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(library.current()->cardCount(), 3);
}

void TestContentLibrary::brokenEdit_keepsTheLastGoodVersion_andSaysWhy()
{
    ContentLibrary library({m_bundled});
    QSignalSpy reloaded(&library, &ContentLibrary::reloaded);
    write(m_bundled + QStringLiteral("/decks/base.yaml"), "title: Base\ncards:\n  - id: one\n    front: [broken\n");
    QVERIFY(reloaded.wait(10000));
    QVERIFY(library.current()->card(QStringLiteral("one"))); // still there
    QStringList messages;
    for (const Diagnostic &d : library.current()->diagnostics())
        messages.append(d.toString());
    const QString all = messages.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("base.yaml:5:1: error: YAML syntax error")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("warning: kept the last good version of this file")), qPrintable(all));
}

void TestContentLibrary::secondRoot_addsCards_andDuplicatesAreReported()
{
    write(m_user + QStringLiteral("/decks/mine.yaml"),
          "title: Mine\ncards:\n" + card("mine-1", "etcd", "My own card about etcd?") + card("one", "etcd", "Clash?"));
    write(m_user + QStringLiteral("/decks/base.yaml"),
          "title: Same file name\ncards:\n" + card("mine-2", "etcd", "X?"));
    const ContentSet set = ContentSet::loadRoots({m_bundled, m_user});
    QVERIFY(set.card(QStringLiteral("mine-1"))); // a user deck adds cards to a bundled component
    QCOMPARE(set.cardsFor(QStringLiteral("etcd"), false).size(), 2);
    QCOMPARE(set.card(QStringLiteral("one"))->front, QStringLiteral("First?")); // the bundled one stays
    QStringList messages;
    for (const Diagnostic &d : set.diagnostics())
        messages.append(d.toString());
    const QString all = messages.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("mine.yaml:8:5: error: duplicate card id \"one\" (also in ")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("user/decks/base.yaml:1:1: error: deck id \"base\" is already used by")),
             qPrintable(all));
    QVERIFY(!set.card(QStringLiteral("mine-2")));
}

QTEST_GUILESS_MAIN(TestContentLibrary)
void TestContentLibrary::fifoInAContentFolder_isSkippedWithAMessage()
{
    // Opening a FIFO waits for a writer: before, this load never returned (reliability review M8).
    const QByteArray fifo = QFile::encodeName(m_bundled + QStringLiteral("/decks/notes.yaml"));
    QCOMPARE(mkfifo(fifo.constData(), 0600), 0);
    QVERIFY(
        QFile::link(m_bundled + QStringLiteral("/decks/notes.yaml"), m_bundled + QStringLiteral("/decks/link.yaml")));
    const ContentSet set = ContentSet::loadRoots({m_bundled});
    QVERIFY(set.card(QStringLiteral("one"))); // the real deck still loads
    QStringList refused;
    for (const Diagnostic &d : set.diagnostics())
        if (d.message.contains(QStringLiteral("not a regular file")))
            refused.append(QFileInfo(d.file).fileName());
    refused.sort();
    QCOMPARE(refused, (QStringList{QStringLiteral("link.yaml"), QStringLiteral("notes.yaml")}));
}

void TestContentLibrary::symlinkLoop_isNamedAtLoadAndOnReload()
{
    // Reliability review (minor): loop1.yaml -> loop2.yaml -> loop1.yaml was skipped without a word.
    const QString decks = m_bundled + QStringLiteral("/decks/");
    const auto loopMessages = [](const ContentSet &set) {
        QStringList files;
        for (const Diagnostic &d : set.diagnostics())
            if (d.message.contains(QStringLiteral("a loop of symbolic links")))
                files.append(QFileInfo(d.file).fileName());
        files.sort();
        return files;
    };
    const QStringList both{QStringLiteral("loop1.yaml"), QStringLiteral("loop2.yaml")};
    ContentLibrary library({m_bundled});
    QSignalSpy reloaded(&library, &ContentLibrary::reloaded);
    QVERIFY(QFile::link(decks + QStringLiteral("loop2.yaml"), decks + QStringLiteral("loop1.yaml")));
    QVERIFY(QFile::link(decks + QStringLiteral("loop1.yaml"), decks + QStringLiteral("loop2.yaml")));
    QVERIFY(reloaded.wait(10000)); // live reload, through the folder's watch
    QTRY_COMPARE_WITH_TIMEOUT(loopMessages(*library.current()), both, 10000);
    QVERIFY(library.current()->card(QStringLiteral("one")));
    QCOMPARE(loopMessages(ContentSet::loadRoots({m_bundled})), both); // and at start, as validate loads
}

#include "tst_contentlibrary.moc"
