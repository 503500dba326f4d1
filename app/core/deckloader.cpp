#include "deckloader.h"

#include "componentregistry.h"
#include "contentfile.h"
#include "elementid.h"
#include "registryloader.h"
#include "yamlsupport.h"

#include <QFileInfo>
#include <QSet>

namespace k8sfc {

namespace {

const QStringList kCardKeys{QStringLiteral("id"),          QStringLiteral("components"), QStringLiteral("tags"),
                            QStringLiteral("front"),       QStringLiteral("back"),       QStringLiteral("source"),
                            QStringLiteral("answer"),      QStringLiteral("aliases"),    QStringLiteral("choices"),
                            QStringLiteral("answer-kind"), QStringLiteral("two-part"),   QStringLiteral("copied-from"),
                            QStringLiteral("arrows")};

void checkChoices(YamlReader &reader, const YAML::Node &entry, const QString &what, const QStringList &choices,
                  const std::optional<QString> &answer)
{
    if (choices.isEmpty())
        return;
    if (choices.size() < 2 || choices.size() > 6)
        reader.error(entry["choices"], QStringLiteral("\"choices\" of %1 needs 2 to 6 entries").arg(what));
    if (QSet<QString>(choices.begin(), choices.end()).size() != choices.size())
        reader.error(entry["choices"], QStringLiteral("\"choices\" of %1 repeats an entry").arg(what));
    if (answer && !choices.contains(*answer))
        reader.error(entry["choices"],
                     answer->isEmpty() ? QStringLiteral("%1 has \"choices\" but no \"answer\"").arg(what)
                                       : QStringLiteral("\"answer\" of %1 is not one of its \"choices\"").arg(what));
}

/// `answer-kind` and `two-part`, the keys the quiz reads, into `card`.
void readQuizKeys(YamlReader &reader, const YAML::Node &entry, const QString &what, Card &card)
{
    if (const auto kind = reader.optionalString(entry, "answer-kind"); kind && !kind->isEmpty()) {
        if (answerKinds().contains(*kind))
            card.answerKind = *kind;
        else
            reader.error(entry["answer-kind"],
                         QStringLiteral("unknown \"answer-kind\" \"%1\" in %2 (expected one of: %3)")
                             .arg(*kind, what, answerKinds().join(QStringLiteral(", "))));
    }
    const YAML::Node twoPart = entry["two-part"];
    if (!twoPart)
        return;
    // YAML 1.2's booleans, unquoted: "yes" or a quoted "true" is text, and a typo for a boolean.
    static const QStringList yes{QStringLiteral("true"), QStringLiteral("True"), QStringLiteral("TRUE")};
    static const QStringList no{QStringLiteral("false"), QStringLiteral("False"), QStringLiteral("FALSE")};
    const bool plain = twoPart.IsScalar() && twoPart.Tag() != "!" && twoPart.Scalar().size() <= 5;
    const QString value = plain ? fromYaml(twoPart.Scalar()) : QString();
    if (plain && (yes.contains(value) || no.contains(value)))
        card.twoPart = yes.contains(value);
    else
        reader.error(twoPart, QStringLiteral("\"two-part\" of %1 must be true or false").arg(what));
}

std::optional<QString> readSource(YamlReader &reader, const YAML::Node &entry, const QString &what, SourceRule rule)
{
    const auto source = rule == SourceRule::Required ? reader.requiredString(entry, "source", what)
                                                     : reader.optionalString(entry, "source");
    if (source && !source->isEmpty() && !source->startsWith(QLatin1String("https://")))
        reader.error(entry["source"], QStringLiteral("\"source\" of %1 must be an https:// link").arg(what));
    return source;
}

/// A card's components and arrows against the registry. An arrow copy (`arrow.kubelet.node-a--…`)
/// is checked against the diagrams later, by ContentSet, which has them.
void checkIds(YamlReader &reader, const YAML::Node &entry, const QString &what, const QStringList &components,
              const QStringList &arrows, const ComponentRegistry &registry)
{
    const QString registryName = QFileInfo(registry.fileName()).fileName();
    const YAML::Node componentList = entry["components"];
    for (qsizetype i = 0; i < components.size(); ++i)
        if (!registry.contains(components.at(i)))
            reader.error(
                componentList[std::size_t(i)],
                QStringLiteral("unknown component \"%1\" in %2 (not in %3)").arg(components.at(i), what, registryName));
    const YAML::Node arrowList = entry["arrows"];
    for (qsizetype i = 0; i < arrows.size(); ++i) {
        if (ElementId::parse(arrows.at(i)).kind != ElementId::Kind::Arrow)
            reader.error(
                arrowList[std::size_t(i)],
                QStringLiteral("\"%1\" in %2 is not an arrow id (expected arrow.FROM--TO)").arg(arrows.at(i), what));
        else if (!registry.arrow(arrows.at(i)))
            reader.error(arrowList[std::size_t(i)],
                         QStringLiteral("unknown arrow \"%1\" in %2 (\"%3\" is not under \"arrows:\" in %4)")
                             .arg(arrows.at(i), what, arrowBaseId(arrows.at(i)), registryName));
    }
}

std::optional<Card> readCard(YamlReader &reader, const YAML::Node &entry, const ComponentRegistry *registry,
                             SourceRule sources)
{
    const int before = reader.errorCount();
    reader.checkMap(entry, kCardKeys, QStringLiteral("a card"));
    if (!entry.IsMap())
        return std::nullopt;

    Card card;
    card.file = reader.file();
    card.line = entry.Mark().line + 1;
    card.column = entry.Mark().column + 1;
    const auto id = reader.requiredString(entry, "id", QStringLiteral("a card"));
    const QString what = id ? QStringLiteral("card \"%1\"").arg(*id) : QStringLiteral("a card");
    if (id && !isValidName(*id))
        reader.error(entry["id"], QStringLiteral("card id \"%1\" must be lowercase letters and digits joined by "
                                                 "single hyphens")
                                      .arg(*id));
    const auto front = reader.requiredString(entry, "front", what);
    const auto back = reader.requiredString(entry, "back", what);
    const auto source = readSource(reader, entry, what, sources);
    const auto answer = reader.optionalString(entry, "answer");
    const auto tags = reader.stringList(entry, "tags");
    const auto aliases = reader.stringList(entry, "aliases");
    const auto choices = reader.stringList(entry, "choices");

    const auto components = reader.stringList(entry, "components");
    const auto arrows = reader.stringList(entry, "arrows");
    if (components && arrows && components->isEmpty() && arrows->isEmpty())
        reader.error(entry["components"] ? entry["components"] : entry,
                     QStringLiteral("%1 names no component (\"components\" needs at least one registry id, or "
                                    "\"arrows\" one arrow id)")
                         .arg(what));
    if (components && arrows && registry)
        checkIds(reader, entry, what, *components, *arrows, *registry);
    if (choices)
        checkChoices(reader, entry, what, *choices, answer);
    readQuizKeys(reader, entry, what, card);
    const auto copiedFrom = reader.optionalString(entry, "copied-from");
    if (reader.errorCount() != before)
        return std::nullopt;
    card.id = *id;
    card.front = *front;
    card.back = *back;
    card.source = *source;
    card.answer = *answer;
    card.tags = *tags;
    card.aliases = *aliases;
    card.choices = *choices;
    card.components = *components;
    card.copiedFrom = *copiedFrom;
    card.arrows = *arrows;
    return card;
}

} // namespace

std::optional<Deck> DeckLoader::load(const QByteArray &text, const QString &fileName, const ComponentRegistry *registry,
                                     Diagnostics &diagnostics, SourceRule sources)
{
    YamlReader reader(fileName);
    const auto root = reader.parse(text);
    if (!root) {
        diagnostics += reader.takeDiagnostics();
        return std::nullopt;
    }
    Deck deck;
    deck.id = QFileInfo(fileName).completeBaseName();
    deck.file = fileName;
    if (!isValidName(deck.id))
        reader.error(1, 1,
                     QStringLiteral("the deck's file name \"%1\" must be lowercase words joined by single "
                                    "hyphens (it is the deck id)")
                         .arg(deck.id));
    if (!reader.checkMap(*root, {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("cards")},
                         QStringLiteral("a deck"))) {
        if (!root->IsMap()) {
            diagnostics += reader.takeDiagnostics();
            return std::nullopt;
        }
    }
    if (const auto title = reader.requiredString(*root, "title", QStringLiteral("the deck")))
        deck.title = *title;
    if (const auto description = reader.optionalString(*root, "description"))
        deck.description = *description;

    const YAML::Node cards = (*root)["cards"];
    if (!cards) {
        reader.error(*root, QStringLiteral("the deck has no \"cards\""));
    } else if (!cards.IsSequence()) {
        reader.error(cards, QStringLiteral("\"cards\" must be a list"));
    } else {
        QHash<QString, int> lineOfId;
        for (const YAML::Node &entry : cards) {
            auto card = readCard(reader, entry, registry, sources);
            if (!card)
                continue;
            if (lineOfId.contains(card->id)) {
                reader.error(entry["id"], QStringLiteral("duplicate card id \"%1\" (first used on line %2)")
                                              .arg(card->id)
                                              .arg(lineOfId.value(card->id)));
                continue;
            }
            lineOfId.insert(card->id, card->line);
            card->deckId = deck.id;
            deck.cards.append(*card);
        }
        if (cards.size() == 0)
            reader.error(cards, QStringLiteral("the deck has no cards"));
    }
    diagnostics += reader.takeDiagnostics();
    return deck;
}

std::optional<Deck> DeckLoader::loadFile(const QString &path, const ComponentRegistry *registry,
                                         Diagnostics &diagnostics, SourceRule sources)
{
    const auto text = readContentFile(path, QStringLiteral("deck"), diagnostics);
    if (!text)
        return std::nullopt;
    return load(*text, path, registry, diagnostics, sources);
}

} // namespace k8sfc
