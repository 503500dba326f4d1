// K8s Flashcards: learn how a Kubernetes cluster is built and secured, on its architecture diagram.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "backupmanager.h"
#include "cli.h"
#include "content.h"
#include "contentlibrary.h"
#include "deckcache.h"
#include "contentlocator.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "masterystore.h"
#include "profilepicker.h"
#include "profiles.h"
#include "startupprobe.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFontMetrics>
#include <QIcon>
#include <QMessageBox>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QThread>

#include <malloc.h>
#include <memory>
#include <optional>
#include <thread>

namespace {

void setIdentity()
{
    // The application name decides the data folder: ~/.local/share/k8s-flashcards. Do not change it.
    QCoreApplication::setApplicationName(QStringLiteral("k8s-flashcards"));
    QCoreApplication::setApplicationVersion(QStringLiteral(K8SFC_VERSION));
}

} // namespace

// What start-up needs before the window, none of it GUI: the content, the learner's store and
// today's backup. Two threads do it while QApplication connects to the display and loads fonts:
// one parses (CPU), the other opens the store (mostly waiting for fsync: a new store is several),
// so on two cores the window is built as soon as QApplication is up.
struct Preparation
{
    QStringList roots;
    QString profileDir;
    k8sfc::ContentSet content;
    k8sfc::MasteryStore store;
    std::optional<QString> storeError;
    std::optional<QString> backupError;
    std::unique_ptr<k8sfc::BackupManager> backups;

    void run()
    {
        loadContent();
        openStore();
    }
    void loadContent() { content = k8sfc::ContentSet::loadRoots(roots); }
    void openStore()
    {
        storeError = store.openDataDir(profileDir);
        if (storeError)
            return;
        // A backup a day, taken before anything else can write.
        backups = std::make_unique<k8sfc::BackupManager>(store, QDir(profileDir).filePath(QStringLiteral("backups")));
        backupError = backups->backupIfDue(QDate::currentDate());
    }
};

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Headless commands run before any QApplication exists, so they need no display.
    if (k8sfc::cli::isHeadless(arguments)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        return *k8sfc::cli::run(app.arguments());
    }
    setIdentity();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Learn how a Kubernetes cluster is built and secured."));
    QCommandLineOption dataDir(QStringLiteral("data-dir"),
                               QStringLiteral("Keep the mastery database in DIR instead of the user's data folder."),
                               QStringLiteral("DIR"));
    parser.addOption(dataDir);
    QCommandLineOption present(QStringLiteral("present"),
                               QStringLiteral("Start in presentation mode: the first walkthrough, or the one named by "
                                              "the argument after the options (\"-\" for the diagram alone)."));
    parser.addOption(present);
    QCommandLineOption profile(QStringLiteral("profile"),
                               QStringLiteral("Study as the learner NAME (each profile has its own grades)."),
                               QStringLiteral("NAME"));
    parser.addOption(profile);
    QCommandLineOption contentDirs(QStringLiteral("content"),
                                   QStringLiteral("Also read decks, diagrams and walkthroughs from DIR (repeatable)."),
                                   QStringLiteral("DIR"));
    parser.addOption(contentDirs);
    parser.addPositionalArgument(QStringLiteral("walkthrough"), QStringLiteral("With --present: a walkthrough id."),
                                 QStringLiteral("[WALKTHROUGH]"));
    // Everything up to the window's content is worked out before QApplication exists, so the
    // preparation can run beside it. Qt's own options (-platform, -style...) are only removed from
    // the command line by QApplication: with those, parse again once it exists and prepare then.
    const bool early = parser.parse(arguments);
    QString root, base, profileName;
    bool ask = false;
    Preparation prep;
    // Returns an exit code when the command line cannot be used.
    auto plan = [&]() -> std::optional<int> {
        root = k8sfc::ContentLocator::bundledRoot();
        base = parser.isSet(dataDir) ? parser.value(dataDir)
                                     : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        // Bundled content, then the learner's own folder (decks/, diagrams/ beside the mastery
        // database), then every --content folder, in that order.
        prep.roots = QStringList{root, base};
        QDir().mkpath(QDir(base).filePath(QStringLiteral("decks"))); // watched from the start, so imports appear
        for (const QString &extra : parser.values(contentDirs))
            prep.roots.append(QDir(extra).absolutePath());
        // Parsed decks are kept between runs (keyed by their bytes): a big deck set starts fast.
        k8sfc::DeckCache::setDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                                       QStringLiteral("/decks"));
        // The bundled decks, parsed at build time: a first start parses none of their YAML.
        k8sfc::DeckCache::setBundledDirectory(k8sfc::ContentLocator::bundledDeckCache());
        // Decks parsed now are written to that cache after the window is up (see below).
        k8sfc::DeckCache::setDeferWrites(true);
        // Which learner: --profile, else a choice when there is more than one profile (asked once
        // the application is up; the preparation then waits for the answer).
        profileName = parser.value(profile);
        ask = profileName.isEmpty() && k8sfc::Profiles::list(base).size() > 1;
        prep.profileDir = k8sfc::Profiles::folder(base, profileName);
        if (!ask && prep.profileDir.isEmpty()) {
            fprintf(stderr, "k8s-flashcards: \"%s\" is not a profile name (letters, digits, spaces, - and _)\n",
                    qPrintable(profileName));
            return 2;
        }
        return std::nullopt;
    };
    // Each thread that allocates gets its own malloc arena; start-up's short-lived workers would
    // leave four half-used ones behind. Two are enough (measured: 0.2-0.4 MB less peak RSS).
    mallopt(M_ARENA_MAX, 2);
    std::thread loading, opening;
    // Qt takes the first thread that touches its per-thread data for the main thread. The workers
    // make QObjects (QFile, QLockFile's), so claim that role for this thread before they start.
    QThread::currentThread();
    if (early) {
        if (auto code = plan())
            return *code;
        if (!root.isEmpty() && !ask) {
            loading = std::thread([&prep] { prep.loadContent(); });
            opening = std::thread([&prep] { prep.openStore(); });
        }
    }

    QApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("K8s Flashcards"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.k8sflashcards.K8sFlashcards"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/k8s-flashcards.svg")));
    k8sfc::theme::applyAppearance(k8sfc::theme::Appearance::load());
    // While the preparation threads finish: load the font database and the default font now
    // (fontconfig's set-up, a fifth of the window's construction), instead of after the join.
    QFontMetrics(QApplication::font()).height();

    if (!early) {
        if (!parser.parse(app.arguments())) {
            fprintf(stderr, "k8s-flashcards: %s\n%s", qPrintable(parser.errorText()),
                    qPrintable(k8sfc::cli::helpText()));
            return 2;
        }
        if (auto code = plan())
            return *code;
    }
    if (root.isEmpty()) {
        QMessageBox::critical(nullptr, QStringLiteral("K8s Flashcards"),
                              QStringLiteral("The bundled decks and diagrams were not found next to the program. "
                                             "Please reinstall K8s Flashcards."));
        return 1;
    }
    if (ask) {
        const auto chosen = k8sfc::ProfilePicker::choose(base);
        if (!chosen)
            return 0;
        profileName = *chosen;
        prep.profileDir = k8sfc::Profiles::folder(base, profileName);
        prep.run();
    } else if (loading.joinable()) {
        loading.join();
        opening.join();
    } else {
        prep.run();
    }

    for (const k8sfc::Diagnostic &d : prep.content.diagnostics())
        fprintf(stderr, "%s\n", qPrintable(d.toString()));
    if (prep.storeError) {
        fprintf(stderr, "k8s-flashcards: %s\n", qPrintable(*prep.storeError));
        QMessageBox::critical(nullptr, QStringLiteral("K8s Flashcards"), *prep.storeError);
        return 1;
    }
    if (prep.backupError)
        fprintf(stderr, "k8s-flashcards: no backup today: %s\n", qPrintable(*prep.backupError));
    k8sfc::ContentLibrary library(prep.roots, std::move(prep.content));
    const k8sfc::ContentSnapshot content = library.current();

    // K8SFC_MEASURE_STARTUP=1: print milliseconds from process start to the window's first paint,
    // then quit (the benchmark script's probe; nothing else changes).
    if (qEnvironmentVariableIsSet("K8SFC_MEASURE_STARTUP"))
        k8sfc::reportFirstPaint();

    k8sfc::MainWindow window(content, prep.store);
    if (!profileName.isEmpty() && profileName != QLatin1String(k8sfc::Profiles::kDefault))
        window.setWindowTitle(QStringLiteral("K8s Flashcards — %1").arg(profileName));
    window.fileActions()->setBackupManager(prep.backups.get());
    window.fileActions()->setUserContentFolder(base);
    QObject::connect(&library, &k8sfc::ContentLibrary::reloaded, &window, &k8sfc::MainWindow::setContent);
    window.show();
    // The decks parsed for this start go to the cache on a thread of their own, after the window
    // is up (at 50,000 cards, serializing them took 0.2 s of a first start); later reloads write
    // as they parse.
    k8sfc::DeckCache::setDeferWrites(false);
    std::thread caching(&k8sfc::DeckCache::writePending);
    const auto finishCaching = qScopeGuard([&caching] { caching.join(); });
    if (parser.isSet(present)) {
        QString id = parser.positionalArguments().value(0);
        if (id.isEmpty() && !content->walkthroughs().isEmpty())
            id = content->walkthroughs().first().id;
        window.present(id);
    }
    return app.exec();
}
