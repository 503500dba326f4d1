// The child of tst_deckcrash: rewrites one card of a deck file in a loop and prints a line for
// every save that returned. The test kills it with SIGKILL at random moments.
#include "deckedit.h"

#include <QCoreApplication>

#include <cstdio>

using namespace k8sfc;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        fprintf(stderr, "usage: crash_deckedit DECK FIRST_VERSION\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    printf("ready\n");
    fflush(stdout);
    for (qint64 version = QByteArray(argv[2]).toLongLong();; ++version) {
        const auto opened = DeckEdit::open(path, nullptr);
        if (!opened) {
            fprintf(stderr, "%s\n", qPrintable(opened.error()));
            return 1;
        }
        DeckEdit edit = *opened;
        Card card = edit.deck().cards.first();
        // Long enough that a kill often lands inside the write.
        card.back = QStringLiteral("version %1\n\n").arg(version) + QString(200000, u'x');
        if (const auto error = edit.save(edit.replaced(card))) {
            fprintf(stderr, "%s\n", qPrintable(*error));
            return 1;
        }
        printf("saved %lld\n", version);
        fflush(stdout);
    }
}
