// The child of tst_crashsafety: grades cards in a loop against a real database and prints a line
// for every grade that recordReview() reported as committed. The test kills it with SIGKILL.
#include "masterystore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace k8sfc;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        fprintf(stderr, "usage: crash_grader DATA_DIR\n");
        return 2;
    }
    MasteryStore store;
    if (auto error = store.openDataDir(QString::fromLocal8Bit(argv[1]))) {
        fprintf(stderr, "%s\n", qPrintable(*error));
        return 1;
    }
    printf("ready\n");
    fflush(stdout);
    for (qint64 i = 0;; ++i) {
        const QString card = QStringLiteral("card-%1").arg(i % 50);
        CardProgress p = store.progress(card).value();
        p.reps += 1;
        p.state = CardState::Review;
        p.stability = 1.0 + double(i);
        p.lastReview = QDateTime::currentDateTimeUtc();
        ReviewEntry entry{0, card, p.lastReview, Rating(1 + i % 4), 1000 + i, ReviewKind::Study};
        entry.stateBefore = CardState::Review;
        const auto id = store.recordReview(entry, p);
        if (!id) {
            fprintf(stderr, "grade failed: %s\n", qPrintable(id.error()));
            return 1;
        }
        // Printed only after the commit returned: the parent counts these as durable.
        printf("committed %lld %s %d\n", *id, qPrintable(card), p.reps);
        fflush(stdout);
    }
}
