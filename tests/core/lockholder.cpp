// Takes a data folder's lock through MasteryStore, says "locked", and holds it until killed: the
// other process of tst_datadirlock's PID-namespace test.
#include "masterystore.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2)
        return 2;
    k8sfc::MasteryStore store;
    if (const auto error = store.openDataDir(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "%s\n", qPrintable(*error));
        return 3;
    }
    std::printf("locked\n");
    std::fflush(stdout);
    for (;;)
        pause();
}
