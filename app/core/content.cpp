#include "content.h"

#include "cardmedia.h"
#include "deckcache.h"
#include "deckloader.h"
#include "parallelfor.h"
#include "registryloader.h"
#include "walkthroughloader.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace k8sfc {

namespace {

// The files in `dir` whose names end in `suffix` (any case), by name. FIFOs, sockets, devices and
// broken links are listed too (QDir::System), so the loader names them instead of passing over them.
QStringList filesIn(const QString &dir, const QString &suffix)
{
    QStringList out;
    const QDir d(dir);
    for (const QString &name : d.entryList(QDir::Files | QDir::System, QDir::Name))
        if (name.size() > suffix.size() && name.endsWith(suffix, Qt::CaseInsensitive))
            out.append(d.filePath(name));
    return out;
}

bool isRegistryFile(const QString &path)
{
    return QFileInfo(path).fileName() == QLatin1String("components.yaml");
}

} // namespace

ContentSet ContentSet::loadRoot(const QString &root)
{
    return loadRoots({root});
}

ContentSet ContentSet::loadRoots(const QStringList &roots, DeckCache *cache, const ContentSet *previous)
{
    ContentSet set;
    if (roots.isEmpty())
        return set;
    QStringList diagrams, decks, walkthroughs, extraRegistries;
    for (const QString &root : roots) {
        const QDir dir(root);
        diagrams += filesIn(dir.filePath(QStringLiteral("diagrams")), QStringLiteral(".svg"));
        const QStringList rootDecks = filesIn(dir.filePath(QStringLiteral("decks")), QStringLiteral(".yaml"));
        decks += rootDecks;
        if (root != roots.first())
            set.m_ownDecks.unite(QSet<QString>(rootDecks.begin(), rootDecks.end()));
        walkthroughs += filesIn(dir.filePath(QStringLiteral("diagrams/walkthroughs")), QStringLiteral(".yaml"));
        if (root != roots.first() && QFileInfo::exists(dir.filePath(QStringLiteral("diagrams/components.yaml"))))
            extraRegistries.append(dir.filePath(QStringLiteral("diagrams/components.yaml")));
        // Folders (for new files) but never the root itself: the learner's root holds the database.
        for (const char *sub : {"/decks", "/diagrams", "/diagrams/walkthroughs"})
            if (QFileInfo(root + QLatin1String(sub)).isDir())
                set.m_watched.append(QDir::cleanPath(root + QLatin1String(sub)));
    }
    set.m_watched += diagrams + decks + walkthroughs + extraRegistries;
    set.m_watched.append(QDir(roots.first()).filePath(QStringLiteral("diagrams/components.yaml")));
    set.loadFiles(QDir(roots.first()).filePath(QStringLiteral("diagrams/components.yaml")), diagrams, decks,
                  walkthroughs, extraRegistries, previous, cache);
    return set;
}

ContentSet ContentSet::loadPaths(const QStringList &paths, const QString &fallbackRegistry)
{
    QString registry;
    QStringList diagrams, decks, walkthroughs, missing;
    auto addFile = [&](const QString &file) {
        if (isRegistryFile(file))
            registry = file;
        else if (QFileInfo(file).dir().dirName() == QLatin1String("walkthroughs") &&
                 (file.endsWith(QLatin1String(".yaml")) || file.endsWith(QLatin1String(".yml"))))
            walkthroughs.append(file);
        else if (file.endsWith(QLatin1String(".svg")))
            diagrams.append(file);
        else if (file.endsWith(QLatin1String(".yaml")) || file.endsWith(QLatin1String(".yml")))
            decks.append(file);
    };
    ContentSet set;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const QDir dir(path);
            if (dir.exists(QStringLiteral("decks")) || dir.exists(QStringLiteral("diagrams"))) {
                for (const QString &f : filesIn(dir.filePath(QStringLiteral("diagrams")), QString()))
                    addFile(f);
                for (const QString &f :
                     filesIn(dir.filePath(QStringLiteral("diagrams/walkthroughs")), QStringLiteral(".yaml")))
                    addFile(f);
                for (const QString &f : filesIn(dir.filePath(QStringLiteral("decks")), QStringLiteral(".yaml")))
                    addFile(f);
            } else {
                for (const QString &f : filesIn(path, QString()))
                    addFile(f);
            }
        } else if (info.exists()) {
            addFile(path);
            if (!isRegistryFile(path) && !path.endsWith(QLatin1String(".svg")) &&
                !path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")))
                set.m_diagnostics.append(Diagnostic{path, 1, 1,
                                                    QStringLiteral("not a deck (.yaml), diagram (.svg) or registry "
                                                                   "(components.yaml)")});
        } else {
            set.m_diagnostics.append(Diagnostic{path, 0, 0, QStringLiteral("no such file or folder")});
        }
    }
    // A walkthrough names its diagram: check it against the bundled ones when none was given.
    if (!walkthroughs.isEmpty() && diagrams.isEmpty()) {
        const QString bundledDiagrams = QFileInfo(fallbackRegistry).absolutePath();
        diagrams = filesIn(bundledDiagrams, QStringLiteral(".svg"));
    }
    // Only decks of the bundled content must cite sources; `validate` accepts a learner's own decks.
    const QString bundledDecks =
        QFileInfo(QFileInfo(fallbackRegistry).absolutePath() + QStringLiteral("/../decks")).canonicalFilePath();
    for (const QString &deck : std::as_const(decks))
        if (bundledDecks.isEmpty() || QFileInfo(QFileInfo(deck).absolutePath()).canonicalFilePath() != bundledDecks)
            set.m_ownDecks.insert(deck);
    set.loadFiles(registry.isEmpty() ? fallbackRegistry : registry, diagrams, decks, walkthroughs);
    return set;
}

namespace {

bool hasErrorsIn(const Diagnostics &diagnostics, qsizetype from, const QString &file)
{
    for (qsizetype i = from; i < diagnostics.size(); ++i)
        if (diagnostics.at(i).file == file && diagnostics.at(i).severity == Diagnostic::Severity::Error)
            return true;
    return false;
}

template <typename T>
const T *findByFile(const QList<T> &items, const QString &file)
{
    for (const T &item : items)
        if (item.file == file)
            return &item;
    return nullptr;
}

} // namespace

void ContentSet::loadFiles(const QString &registryFile, const QStringList &diagramFiles, const QStringList &deckFiles,
                           const QStringList &walkthroughFiles, const QStringList &extraRegistries,
                           const ContentSet *previous, DeckCache *cache)
{
    loadRegistry(registryFile, extraRegistries, previous);
    qsizetype mark = m_diagnostics.size();

    // Each kind of file: load it; on errors during a reload, keep what loaded before; report an
    // id that another file (of another content folder) already uses, and leave the later one out.
    auto load = [&](const QString &file, auto loader, auto &into, const auto *before, const QString &kind) {
        mark = m_diagnostics.size();
        auto loaded = loader(file);
        if (previous && hasErrorsIn(m_diagnostics, mark, file))
            if (const auto *good = findByFile(*before, file)) {
                loaded = *good;
                m_diagnostics.append(Diagnostic{file, 0, 0, QStringLiteral("kept the last good version of this file"),
                                                Diagnostic::Severity::Warning});
            }
        if (!loaded)
            return;
        for (const auto &existing : into)
            if (existing.id == loaded->id) {
                m_diagnostics.append(Diagnostic{file, 1, 1,
                                                QStringLiteral("%1 id \"%2\" is already used by %3; this one "
                                                               "is left out")
                                                    .arg(kind, loaded->id, existing.file)});
                return;
            }
        into.append(*loaded);
    };
    const QList<Diagram> noDiagrams;
    const QList<Deck> noDecks;
    const QList<Walkthrough> noWalkthroughs;
    for (const QString &file : diagramFiles)
        load(
            file, [&](const QString &f) { return DiagramLoader::loadFile(f, &m_registry, m_diagnostics); }, m_diagrams,
            previous ? &previous->m_diagrams : &noDiagrams, QStringLiteral("diagram"));
    // Decks are parsed side by side (yaml-cpp is most of a first start at scale), then taken in
    // file order, so messages and duplicate handling are the same as one by one.
    QList<Diagnostics> parseDiagnostics(deckFiles.size());
    QList<std::optional<Deck>> parsed = parseDecks(deckFiles, cache, parseDiagnostics);
    for (qsizetype i = 0; i < deckFiles.size(); ++i)
        load(
            deckFiles.at(i),
            [&](const QString &) {
                m_diagnostics += parseDiagnostics.at(i);
                return std::move(parsed[i]);
            },
            m_decks, previous ? &previous->m_decks : &noDecks, QStringLiteral("deck"));
    for (const QString &file : walkthroughFiles)
        load(
            file, [&](const QString &f) { return WalkthroughLoader::loadFile(f, m_diagrams, m_diagnostics); },
            m_walkthroughs, previous ? &previous->m_walkthroughs : &noWalkthroughs, QStringLiteral("walkthrough"));
    crossCheck();
    checkPictures();
}

QList<std::optional<Deck>> ContentSet::parseDecks(const QStringList &deckFiles, DeckCache *cache,
                                                  QList<Diagnostics> &diagnostics) const
{
    QList<std::optional<Deck>> parsed(deckFiles.size());
    parallelFor(deckFiles.size(), [&](qsizetype i) {
        const SourceRule sources = sourceRule(deckFiles.at(i));
        parsed[i] = cache ? cache->loadFile(deckFiles.at(i), &m_registry, diagnostics[i], sources)
                          : DeckLoader::loadFile(deckFiles.at(i), &m_registry, diagnostics[i], sources);
    });
    return parsed;
}

void ContentSet::loadRegistry(const QString &registryFile, const QStringList &extraRegistries,
                              const ContentSet *previous)
{
    const qsizetype mark = m_diagnostics.size();
    m_registry = RegistryLoader::loadFile(registryFile, m_diagnostics);
    if (previous && hasErrorsIn(m_diagnostics, mark, registryFile) && !previous->m_registry.components().isEmpty()) {
        m_registry = previous->m_registry;
        m_diagnostics.append(Diagnostic{registryFile, 0, 0, QStringLiteral("kept the last good version of this file"),
                                        Diagnostic::Severity::Warning});
    }
    for (const QString &file : extraRegistries)
        mergeRegistry(file);
}

void ContentSet::mergeRegistry(const QString &file)
{
    Diagnostics local;
    const ComponentRegistry extra = RegistryLoader::loadFile(file, local);
    m_diagnostics += local;
    for (const Plane &plane : extra.planes())
        if (!m_registry.plane(plane.id))
            m_registry.addPlane(plane);
    for (const Component &c : extra.components()) {
        if (const Component *existing = m_registry.component(c.id)) {
            m_diagnostics.append(
                Diagnostic{file, c.line, c.column,
                           QStringLiteral("component \"%1\" is already defined in %2 (line %3); this one "
                                          "is left out")
                               .arg(c.id, m_registry.fileName())
                               .arg(existing->line)});
            continue;
        }
        m_registry.addComponent(c);
    }
    for (const ArrowRole &a : extra.arrows()) {
        if (const ArrowRole *existing = m_registry.arrow(a.id)) {
            m_diagnostics.append(Diagnostic{file, a.line, a.column,
                                            QStringLiteral("arrow \"%1\" is already defined in %2 (line %3); this "
                                                           "one is left out")
                                                .arg(a.id, m_registry.fileName())
                                                .arg(existing->line)});
            continue;
        }
        m_registry.addArrow(a);
    }
}

const Diagram *ContentSet::diagram(const QString &id) const
{
    for (const Diagram &d : m_diagrams)
        if (d.id == id)
            return &d;
    return nullptr;
}

void ContentSet::crossCheck()
{
    // Card ids are unique across all decks: history is keyed by them.
    for (qsizetype d = 0; d < m_decks.size(); ++d) {
        QList<Card> &cards = m_decks[d].cards;
        for (qsizetype c = 0; c < cards.size();) {
            const Card &card = cards.at(c);
            if (const auto it = m_cardIndex.constFind(card.id); it != m_cardIndex.cend()) {
                const Card &first = m_decks.at(it->first).cards.at(it->second);
                m_diagnostics.append(Diagnostic{card.file, card.line, card.column,
                                                QStringLiteral("duplicate card id \"%1\" (also in %2:%3)")
                                                    .arg(card.id, first.file)
                                                    .arg(first.line)});
                cards.removeAt(c);
                continue;
            }
            m_cardIndex.insert(card.id, {d, c});
            // A card naming a component twice is listed once under it.
            // Arrow ids share the index: no component id starts with "arrow.".
            const QStringList ids = card.components + card.arrows;
            for (auto it = ids.cbegin(); it != ids.cend(); ++it)
                if (std::find(ids.cbegin(), it, *it) == it)
                    m_componentIndex[*it].append({d, c});
            ++c;
        }
    }
    checkArrows();
    // Every component is drawn somewhere, or its cards could never be opened from a diagram.
    if (!m_diagrams.isEmpty()) {
        QSet<QString> drawn;
        for (const Diagram &diagram : std::as_const(m_diagrams))
            for (const QString &id : diagram.componentIds())
                drawn.insert(id);
        for (const Component &c : m_registry.components())
            if (!drawn.contains(c.id))
                m_diagnostics.append(Diagnostic{m_registry.fileName(), c.line, c.column,
                                                QStringLiteral("component \"%1\" has no element in any diagram "
                                                               "(expected an element with id \"%1\" or \"%1.COPY\")")
                                                    .arg(c.id)});
    }
}

// Every registry arrow is drawn somewhere, and every arrow copy a card names is drawn.
void ContentSet::checkArrows()
{
    if (m_diagrams.isEmpty())
        return;
    QSet<QString> drawn, drawnBases;
    for (const Diagram &diagram : std::as_const(m_diagrams))
        for (const DiagramElement &e : diagram.elements)
            if (e.parsed.kind == ElementId::Kind::Arrow) {
                drawn.insert(e.id);
                drawnBases.insert(arrowBaseId(e.id));
            }
    for (const ArrowRole &a : m_registry.arrows())
        if (!drawnBases.contains(a.id))
            m_diagnostics.append(Diagnostic{
                m_registry.fileName(), a.line, a.column,
                QStringLiteral("arrow \"%1\" has no element in any diagram (expected an element with id \"%1\" or "
                               "one naming copies of its ends)")
                    .arg(a.id)});
    for (const Deck &deck : std::as_const(m_decks))
        for (const Card &card : deck.cards)
            for (const QString &id : card.arrows)
                if (id != arrowBaseId(id) && !drawn.contains(id))
                    m_diagnostics.append(Diagnostic{
                        card.file, card.line, card.column,
                        QStringLiteral("card \"%1\" names arrow \"%2\", which no diagram draws").arg(card.id, id)});
}

// Checked on every load, cached decks too: the media/ folder can change without the deck file.
void ContentSet::checkPictures()
{
    for (const Deck &deck : std::as_const(m_decks))
        for (const Card &card : deck.cards)
            for (const QString &source : CardMedia::imageSources(card.front) + CardMedia::imageSources(card.back))
                if (const auto file = CardMedia::resolve(card.file, source); !file)
                    m_diagnostics.append(Diagnostic{
                        card.file, card.line, card.column,
                        QStringLiteral("card \"%1\": picture \"%2\" %3").arg(card.id, source, file.error())});
    // A walkthrough's text is shown in labels and the handout, which show no pictures.
    for (const Walkthrough &walkthrough : std::as_const(m_walkthroughs))
        for (const WalkthroughStep &step : walkthrough.steps)
            for (const QString &source : CardMedia::imageSources(step.narration) +
                                             CardMedia::imageSources(step.question) +
                                             CardMedia::imageSources(step.answer))
                m_diagnostics.append(Diagnostic{walkthrough.file, step.line, step.column,
                                                QStringLiteral("step \"%1\": picture \"%2\" is not shown (a "
                                                               "walkthrough shows no pictures, only their alt text)")
                                                    .arg(step.title, source),
                                                Diagnostic::Severity::Warning});
}

const Card *ContentSet::card(const QString &id) const
{
    const auto it = m_cardIndex.constFind(id);
    return it == m_cardIndex.cend() ? nullptr : &m_decks.at(it->first).cards.at(it->second);
}

QList<const Card *> ContentSet::cardsFor(const QString &componentId, bool withParts) const
{
    // An arrow copy's cards are those naming it and those naming the arrow on every copy.
    const QString arrowBase = arrowBaseId(componentId);
    const QStringList ids = !arrowBase.isEmpty() ? QStringList{arrowBase, componentId}
                            : withParts          ? m_registry.withParts(componentId)
                                                 : QStringList{componentId};
    QList<QPair<qsizetype, qsizetype>> at;
    for (const QString &id : ids)
        at += m_componentIndex.value(id);
    // In deck and card order, each card once (a card may name a component and one of its parts).
    std::sort(at.begin(), at.end());
    at.erase(std::unique(at.begin(), at.end()), at.end());
    QList<const Card *> out;
    out.reserve(at.size());
    for (const auto &[d, c] : std::as_const(at))
        out.append(&m_decks.at(d).cards.at(c));
    return out;
}

int ContentSet::cardCount() const
{
    int n = 0;
    for (const Deck &deck : m_decks)
        n += int(deck.cards.size());
    return n;
}

} // namespace k8sfc
