#include "componentregistry.h"
#include "deckcache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestDeckCache : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void secondLoad_comesFromTheCache_withTheSameCardsAndProblems();
    void anEdit_orAnotherRegistry_missesTheCache();
    void aDamagedEntry_isParsedAgain();
    void aBundledEntry_servesTheSameBytesInAnotherFolder_underThatPath();
    void deferredWrites_waitForWritePending();

private:
    void writeDeck(const QByteArray &text);
    std::optional<Deck> load(const ComponentRegistry &registry, Diagnostics &diagnostics);
    QStringList entries() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DeckCache> m_cache;
    QString m_deck;
    ComponentRegistry m_registry;
};

void TestDeckCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<DeckCache>(m_dir->filePath(QStringLiteral("cache")));
    m_deck = m_dir->filePath(QStringLiteral("t.yaml"));
    m_registry = ComponentRegistry();
    m_registry.addPlane({QStringLiteral("cp"), QStringLiteral("CP")});
    m_registry.addComponent(
        {QStringLiteral("etcd"), QStringLiteral("etcd"), QStringLiteral("cp"), QStringLiteral("r")});
}

void TestDeckCache::writeDeck(const QByteArray &text)
{
    QFile f(m_deck);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

std::optional<Deck> TestDeckCache::load(const ComponentRegistry &registry, Diagnostics &diagnostics)
{
    return m_cache->loadFile(m_deck, &registry, diagnostics);
}

QStringList TestDeckCache::entries() const
{
    return QDir(m_cache->directory()).entryList({QStringLiteral("*.deck")}, QDir::Files);
}

static const QByteArray kDeck = "title: T\ncards:\n"
                                "  - id: good\n    components: [etcd]\n    front: \"Ünïcødé: `x`?\"\n"
                                "    back: |\n      Line one\n      ```yaml\n      a: b\n      ```\n"
                                "    source: https://kubernetes.io/\n    answer: etcd\n    choices: [etcd, other]\n"
                                "    answer-kind: component\n    two-part: true\n"
                                "  - id: bad\n    components: [nowhere]\n    front: F\n    back: B\n"
                                "    source: https://kubernetes.io/\n";

void TestDeckCache::secondLoad_comesFromTheCache_withTheSameCardsAndProblems()
{
    writeDeck(kDeck);
    Diagnostics first, second;
    const auto parsed = load(m_registry, first);
    QCOMPARE(entries().size(), 1);
    const auto cached = load(m_registry, second);
    QVERIFY(parsed && cached);
    QCOMPARE(cached->cards.size(), 1);
    QVERIFY(parsed->cards.first().source.startsWith(QStringLiteral("https://"))); // every field filled
    QVERIFY(!parsed->cards.first().answer.isEmpty() && parsed->cards.first().column > 0);
    QVERIFY(parsed->cards.first().twoPart && !parsed->cards.first().answerKind.isEmpty());
    QVERIFY(*cached == *parsed); // every field of the deck and of each card
    QCOMPARE(second.size(), first.size());
    QCOMPARE(second.first().toString(), first.first().toString()); // the bad card's error, from the cache
    QCOMPARE(entries().size(), 1);
}

void TestDeckCache::anEdit_orAnotherRegistry_missesTheCache()
{
    writeDeck(kDeck);
    Diagnostics d;
    QVERIFY(load(m_registry, d));
    writeDeck(QByteArray(kDeck).replace("Line one", "Line edited"));
    Diagnostics edited;
    QVERIFY(load(m_registry, edited)->cards.first().back.contains(QStringLiteral("Line edited")));
    // The registry learns "nowhere": the same file now loads both cards.
    ComponentRegistry wider = m_registry;
    wider.addComponent({QStringLiteral("nowhere"), QStringLiteral("N"), QStringLiteral("cp"), QStringLiteral("r")});
    Diagnostics none;
    QCOMPARE(load(wider, none)->cards.size(), 2);
    QVERIFY(none.isEmpty());
}

void TestDeckCache::aDamagedEntry_isParsedAgain()
{
    writeDeck(kDeck);
    Diagnostics d;
    QVERIFY(load(m_registry, d));
    const QString entry = QDir(m_cache->directory()).filePath(entries().first());
    QFile f(entry);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(f.size() / 2));
    f.close();
    Diagnostics again;
    const auto deck = load(m_registry, again);
    QVERIFY(deck);
    QCOMPARE(deck->cards.first().id, QStringLiteral("good"));
    QCOMPARE(again.size(), 1);
}

// The build parses the bundled decks in the source tree; the installed copies are elsewhere.
void TestDeckCache::aBundledEntry_servesTheSameBytesInAnotherFolder_underThatPath()
{
    writeDeck(kDeck);
    Diagnostics built;
    QVERIFY(load(m_registry, built)); // an entry for t.yaml, as `cache-decks` makes
    const QString bundled = m_cache->directory();

    const QString installed = m_dir->filePath(QStringLiteral("installed/t.yaml"));
    QVERIFY(QDir().mkpath(QFileInfo(installed).path()));
    QVERIFY(QFile::copy(m_deck, installed));
    DeckCache installedCache(m_dir->filePath(QStringLiteral("user-cache")), bundled);
    Diagnostics diagnostics;
    const auto deck = installedCache.loadFile(installed, &m_registry, diagnostics);
    QVERIFY(deck);
    QCOMPARE(deck->file, installed);
    QCOMPARE(deck->cards.first().file, installed);
    QCOMPARE(diagnostics.size(), 1); // the bad card's error, naming the installed file
    QCOMPARE(diagnostics.first().file, installed);
    QCOMPARE(diagnostics.first().line, built.first().line);
    QVERIFY(!QFileInfo::exists(installedCache.directory())); // a hit: nothing was parsed, so nothing was written

    // Another name is another deck id: no hit.
    const QString renamed = m_dir->filePath(QStringLiteral("installed/u.yaml"));
    QVERIFY(QFile::copy(m_deck, renamed));
    Diagnostics other;
    const auto u = installedCache.loadFile(renamed, &m_registry, other);
    QCOMPARE(u->id, QStringLiteral("u"));
    QCOMPARE(QDir(installedCache.directory()).entryList({QStringLiteral("*.deck")}, QDir::Files).size(), 1);
}

// At start-up the app paints first and writes the cache after.
void TestDeckCache::deferredWrites_waitForWritePending()
{
    writeDeck(kDeck);
    m_cache->setDeferWrites(true);
    Diagnostics first;
    QVERIFY(load(m_registry, first));
    m_cache->setDeferWrites(false);
    QVERIFY(entries().isEmpty());
    m_cache->writePending();
    QCOMPARE(entries().size(), 1);
    m_cache->writePending(); // nothing left to write
    QCOMPARE(entries().size(), 1);
    Diagnostics second;
    const auto cached = load(m_registry, second);
    QCOMPARE(cached->cards.first().id, QStringLiteral("good"));
    QCOMPARE(second.size(), first.size());
}

QTEST_GUILESS_MAIN(TestDeckCache)
#include "tst_deckcache.moc"
