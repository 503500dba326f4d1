// libFuzzer target: DeckLoader on arbitrary bytes, against a small registry.
#include "cardmedia.h"
#include "deckloader.h"
#include "fuzzcontent.h"
#include "yamlsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    k8sfc::Diagnostics diagnostics;
    const auto deck = k8sfc::DeckLoader::load(k8sfc::fuzz::bytes(data, size), QStringLiteral("decks/fuzz-deck.yaml"),
                                              &k8sfc::fuzz::registry(), diagnostics);
    k8sfc::fuzz::requireNestingCaughtFirst(diagnostics);
    if (!deck)
        return 0;
    // The alias limits hold: what the cards keep is no more text, and no more texts, than a file
    // may expand to.
    qsizetype bytes = 0;
    qsizetype texts = 0;
    for (const k8sfc::Card &card : deck->cards) {
        for (const QString *text : {&card.id, &card.front, &card.back, &card.source, &card.answer}) {
            bytes += text->toUtf8().size();
            ++texts;
        }
        for (const QStringList *list : {&card.components, &card.arrows, &card.tags, &card.aliases, &card.choices})
            for (const QString &text : *list) {
                bytes += text.toUtf8().size();
                ++texts;
            }
        // A picture the checks let through names a plain path inside media/.
        for (const QString *markdown : {&card.front, &card.back})
            for (const QString &source : k8sfc::CardMedia::imageSources(*markdown))
                if (const auto path = k8sfc::CardMedia::resolve(card.file, source);
                    path && !path.value().startsWith(QLatin1String("decks/media/")))
                    __builtin_trap();
    }
    if (bytes > k8sfc::YamlReader::kMaxExpandedBytes || texts > k8sfc::YamlReader::kMaxScalars)
        __builtin_trap();
    return 0;
}
