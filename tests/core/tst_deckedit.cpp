// Writing cards in the app: only the written card's lines change, a card that would not load is
// never written (and the loader's message names its key), a file changed on disk is never
// overwritten, and a learner's own deck may leave a card's source out.
#include "componentregistry.h"
#include "content.h"
#include "deckedit.h"
#include "deckloader.h"
#include "registryloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestDeckEdit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void editingOneCard_changesOnlyItsLines_inEveryBundledDeck();
    void adding_keepsEveryByteAndAppends();
    void removing_dropsOnlyThatCard();
    void newDeck_isCreatedByItsFirstCard();
    void badCards_areRefusedKeyByKey();
    void changedOnDisk_isNeverOverwritten();
    void sources_optionalOnlyOutsideTheBundledContent();
    void ids_followOneScheme();

private:
    QString copyDeck(const QString &name);
    static QByteArray read(const QString &path);

    ComponentRegistry m_registry;
    QTemporaryDir m_data;
};

namespace {

const QString kSource = QStringLiteral(K8SFC_SOURCE_DIR);

Card card(const QString &id, const QStringList &components = {QStringLiteral("etcd")})
{
    Card c;
    c.id = id;
    c.components = components;
    c.front = QStringLiteral("What does etcd store?");
    c.back = QStringLiteral("Every object of the cluster.\n\n- line two\n- line three");
    return c;
}

QList<QByteArray> linesOf(const QByteArray &text)
{
    return text.split('\n');
}

} // namespace

void TestDeckEdit::initTestCase()
{
    Diagnostics diagnostics;
    m_registry = RegistryLoader::loadFile(kSource + QStringLiteral("/diagrams/components.yaml"), diagnostics);
    QVERIFY(diagnostics.isEmpty());
    QVERIFY(QDir().mkpath(m_data.filePath(QStringLiteral("decks"))));
}

QString TestDeckEdit::copyDeck(const QString &name)
{
    const QString to = m_data.filePath(QStringLiteral("decks/") + name);
    QFile::remove(to);
    QFile::copy(kSource + QStringLiteral("/decks/") + name, to);
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
    return to;
}

QByteArray TestDeckEdit::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestDeckEdit::editingOneCard_changesOnlyItsLines_inEveryBundledDeck()
{
    const QStringList decks = QDir(kSource + QStringLiteral("/decks")).entryList({QStringLiteral("*.yaml")});
    QVERIFY(decks.size() >= 10);
    for (const QString &name : decks) {
        const QString path = copyDeck(name);
        const QByteArray before = read(path);
        auto edit = DeckEdit::open(path, &m_registry);
        QVERIFY2(edit, qPrintable(edit.error()));
        DeckEdit deckEdit = *edit;
        const qsizetype middle = deckEdit.deck().cards.size() / 2;
        Card changed = deckEdit.deck().cards.at(middle);
        const int firstLine = changed.line;
        const int nextLine = middle + 1 < deckEdit.deck().cards.size() ? deckEdit.deck().cards.at(middle + 1).line
                                                                       : int(linesOf(before).size()) + 1;
        changed.back = QStringLiteral("Edited in the app.\n\nA second paragraph.");
        changed.tags.append(QStringLiteral("edited"));
        const auto change = deckEdit.replaced(changed);
        QVERIFY2(change, qPrintable(name));
        QCOMPARE(deckEdit.save(change), std::nullopt);

        const QList<QByteArray> old = linesOf(before), now = linesOf(read(path));
        qsizetype prefix = 0, suffix = 0;
        while (prefix < old.size() && prefix < now.size() && old.at(prefix) == now.at(prefix))
            ++prefix;
        while (suffix < old.size() - prefix && suffix < now.size() - prefix &&
               old.at(old.size() - 1 - suffix) == now.at(now.size() - 1 - suffix))
            ++suffix;
        QVERIFY2(prefix >= firstLine - 1, qPrintable(name + QStringLiteral(": a line before the card changed")));
        QVERIFY2(old.size() - suffix <= nextLine - 1, qPrintable(name + QStringLiteral(": a line after it changed")));

        Diagnostics diagnostics;
        const auto reread = DeckLoader::loadFile(path, &m_registry, diagnostics);
        QVERIFY(diagnostics.isEmpty());
        QCOMPARE(reread->cards.size(), deckEdit.deck().cards.size());
        QCOMPARE(reread->cards.at(middle).back, changed.back);
        QCOMPARE(reread->cards.at(middle).tags, changed.tags);
    }
}

void TestDeckEdit::adding_keepsEveryByteAndAppends()
{
    const QString path = copyDeck(QStringLiteral("etcd-and-ha.yaml"));
    const QByteArray before = read(path);
    DeckEdit edit = *DeckEdit::open(path, &m_registry);
    const qsizetype count = edit.deck().cards.size();
    Card added = card(QStringLiteral("etcd-and-ha-what-does-etcd-store-1"));
    added.copiedFrom = edit.deck().cards.first().id;
    QCOMPARE(edit.save(edit.added(added)), std::nullopt);
    const QByteArray after = read(path);
    // Only lines were added: the old text, trailing blank lines aside, starts the new one.
    QVERIFY(after.startsWith(before.trimmed()));
    Diagnostics diagnostics;
    const auto deck = DeckLoader::loadFile(path, &m_registry, diagnostics, SourceRule::Optional);
    QVERIFY(diagnostics.isEmpty());
    QCOMPARE(deck->cards.size(), count + 1);
    QCOMPARE(deck->cards.last().back, added.back);
    QCOMPARE(deck->cards.last().copiedFrom, added.copiedFrom);
    QCOMPARE(deck->cards.last().source, QString());
    QCOMPARE(edit.deck().cards.size(), count + 1); // the edit follows its own save
}

void TestDeckEdit::removing_dropsOnlyThatCard()
{
    const QString path = copyDeck(QStringLiteral("rbac.yaml"));
    DeckEdit edit = *DeckEdit::open(path, &m_registry);
    QList<Card> expected = edit.deck().cards;
    const QString gone = expected.takeAt(2).id;
    QCOMPARE(edit.save(edit.removed(gone)), std::nullopt);
    Diagnostics diagnostics;
    const auto deck = DeckLoader::loadFile(path, &m_registry, diagnostics);
    QVERIFY(diagnostics.isEmpty());
    QCOMPARE(deck->cards.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(deck->cards.at(i).id, expected.at(i).id);
}

void TestDeckEdit::newDeck_isCreatedByItsFirstCard()
{
    const QString path = m_data.filePath(QStringLiteral("decks/my-cards.yaml"));
    DeckEdit edit = DeckEdit::create(path, QStringLiteral("My cards"), &m_registry);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(edit.save(edit.added(card(QStringLiteral("my-cards-what-does-etcd-store-1")))), std::nullopt);
    Diagnostics diagnostics;
    const auto deck = DeckLoader::loadFile(path, &m_registry, diagnostics, SourceRule::Optional);
    QVERIFY(diagnostics.isEmpty());
    QCOMPARE(deck->title, QStringLiteral("My cards"));
    QCOMPARE(deck->cards.size(), 1);
    // A second "create" of the same file refuses to overwrite it.
    DeckEdit again = DeckEdit::create(path, QStringLiteral("My cards"), &m_registry);
    QVERIFY(again.save(again.added(card(QStringLiteral("my-cards-other-1")))).has_value());
    QCOMPARE(DeckLoader::loadFile(path, &m_registry, diagnostics, SourceRule::Optional)->cards.size(), 1);
    // Its last card deleted, the deck goes: a deck without cards would not load.
    DeckEdit reopened = *DeckEdit::open(path, &m_registry);
    const auto change = reopened.removed(QStringLiteral("my-cards-what-does-etcd-store-1"));
    QVERIFY(change.removesFile);
    QCOMPARE(reopened.save(change), std::nullopt);
    QVERIFY(!QFile::exists(path));
}

void TestDeckEdit::badCards_areRefusedKeyByKey()
{
    const QString path = copyDeck(QStringLiteral("etcd-and-ha.yaml"));
    const QByteArray before = read(path);
    DeckEdit edit = *DeckEdit::open(path, &m_registry);
    Card empty = card(QStringLiteral("etcd-and-ha-empty-1"));
    empty.front = QString();
    auto change = edit.added(empty);
    QVERIFY(!change);
    QCOMPARE(change.problems.first().key, QStringLiteral("front"));
    QVERIFY(change.problems.first().diagnostic.message.contains(QStringLiteral("empty")));

    change =
        edit.added(card(QStringLiteral("etcd-and-ha-unknown-1"), {QStringLiteral("etcd"), QStringLiteral("etcdd")}));
    QVERIFY(!change);
    QCOMPARE(change.problems.first().key, QStringLiteral("components"));
    QVERIFY(change.problems.first().diagnostic.message.contains(QStringLiteral("unknown component \"etcdd\"")));

    change = edit.added(card(edit.deck().cards.first().id));
    QVERIFY(!change);
    QVERIFY(change.problems.first().diagnostic.message.contains(QStringLiteral("duplicate card id")));

    Card badSource = card(QStringLiteral("etcd-and-ha-source-1"));
    badSource.source = QStringLiteral("http://example.com");
    change = edit.added(badSource);
    QCOMPARE(change.problems.first().key, QStringLiteral("source"));

    QVERIFY(edit.save(change).has_value());
    QCOMPARE(read(path), before); // nothing refused was written
}

void TestDeckEdit::changedOnDisk_isNeverOverwritten()
{
    const QString path = copyDeck(QStringLiteral("oidc.yaml"));
    DeckEdit edit = *DeckEdit::open(path, &m_registry);
    QVERIFY(!edit.changedOnDisk());
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("# a comment another editor added\n");
    file.close();
    const QByteArray theirs = read(path);
    QVERIFY(edit.changedOnDisk());
    const auto error = edit.save(edit.added(card(QStringLiteral("oidc-new-1"))));
    QVERIFY(error.has_value());
    QVERIFY2(error->contains(QStringLiteral("changed on disk")), qPrintable(*error));
    QCOMPARE(read(path), theirs);
}

void TestDeckEdit::sources_optionalOnlyOutsideTheBundledContent()
{
    const QByteArray deck = "title: Mine\ncards:\n  - id: mine-1\n    components: [etcd]\n"
                            "    front: Front\n    back: Back\n";
    Diagnostics diagnostics;
    QVERIFY(DeckLoader::load(deck, QStringLiteral("mine.yaml"), &m_registry, diagnostics, SourceRule::Optional));
    QVERIFY(diagnostics.isEmpty());
    DeckLoader::load(deck, QStringLiteral("mine.yaml"), &m_registry, diagnostics, SourceRule::Required);
    QCOMPARE(diagnostics.size(), 1);
    QVERIFY(diagnostics.first().message.contains(QStringLiteral("has no \"source\"")));

    // The learner's folder (a second root) may; the bundled root (the first) may not.
    QTemporaryDir bundled, learner;
    QVERIFY(QDir().mkpath(bundled.filePath(QStringLiteral("decks"))));
    QVERIFY(QDir().mkpath(bundled.filePath(QStringLiteral("diagrams"))));
    QVERIFY(QDir().mkpath(learner.filePath(QStringLiteral("decks"))));
    QFile::copy(kSource + QStringLiteral("/diagrams/components.yaml"),
                bundled.filePath(QStringLiteral("diagrams/components.yaml")));
    for (const QString &file :
         {learner.filePath(QStringLiteral("decks/mine.yaml")), bundled.filePath(QStringLiteral("decks/theirs.yaml"))}) {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray(deck).replace("mine-1", file.contains(QLatin1String("mine")) ? "mine-1" : "theirs-1"));
    }
    const ContentSet set = ContentSet::loadRoots({bundled.path(), learner.path()});
    QVERIFY(set.card(QStringLiteral("mine-1")));
    QVERIFY(!set.card(QStringLiteral("theirs-1")));
    QCOMPARE(set.sourceRule(learner.filePath(QStringLiteral("decks/mine.yaml"))), SourceRule::Optional);
}

void TestDeckEdit::ids_followOneScheme()
{
    const QSet<QString> taken{QStringLiteral("my-cards-what-does-etcd-store-1")};
    auto isTaken = [&](const QString &id) { return taken.contains(id); };
    QCOMPARE(DeckEdit::newCardId(QStringLiteral("my-cards"), QStringLiteral("What does **etcd** store?"), isTaken),
             QStringLiteral("my-cards-what-does-etcd-store-2"));
    QCOMPARE(DeckEdit::newCardId(QStringLiteral("my-cards"), QStringLiteral("Port 2379?"), isTaken),
             QStringLiteral("my-cards-port-2379-1"));
    QCOMPARE(DeckEdit::newCardId(QStringLiteral("my-cards"), QStringLiteral("日本"), isTaken),
             QStringLiteral("my-cards-1"));
    QVERIFY(isValidName(DeckEdit::newCardId(QStringLiteral("d"), QStringLiteral("  --Ünï cødé--  "), isTaken)));
    QCOMPARE(DeckEdit::deckIdFor(QStringLiteral("My cards")), QStringLiteral("my-cards"));
    QCOMPARE(DeckEdit::deckIdFor(QStringLiteral("  CKA: etcd & HA ")), QStringLiteral("cka-etcd-ha"));
}

QTEST_GUILESS_MAIN(TestDeckEdit)
#include "tst_deckedit.moc"
