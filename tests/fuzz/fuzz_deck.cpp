// libFuzzer target: DeckLoader on arbitrary bytes, against a small registry.
#include "deckloader.h"
#include "fuzzcontent.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    k8sfc::Diagnostics diagnostics;
    k8sfc::DeckLoader::load(k8sfc::fuzz::bytes(data, size), QStringLiteral("decks/fuzz-deck.yaml"),
                            &k8sfc::fuzz::registry(), diagnostics);
    k8sfc::fuzz::requireNestingCaughtFirst(diagnostics);
    return 0;
}
