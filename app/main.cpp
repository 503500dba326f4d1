// K8s Flashcards: learn how a Kubernetes cluster is built and secured, on its architecture diagram.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "cli.h"
#include "contentlibrary.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "owncards.h"
#include "preparation.h"
#include "profilepicker.h"
#include "profiles.h"
#include "profileswitcher.h"
#include "startupprobe.h"
#include "studymodes.h"
#include "theme.h"
#include "windowframe.h"

#include <QApplication>
#include <QFontMetrics>
#include <QMessageBox>
#include <QThread>

#include <optional>

namespace {

using k8sfc::cli::Command;
using k8sfc::cli::StartOptions;

void setIdentity()
{
    // The application name decides the data folder: ~/.local/share/k8s-flashcards. Do not change it.
    QCoreApplication::setApplicationName(QStringLiteral("k8s-flashcards"));
    QCoreApplication::setApplicationVersion(QStringLiteral(K8SFC_VERSION));
}

void setUpApplication()
{
    k8sfc::WindowFrame::nameApplication();
    k8sfc::theme::applyAppearance(k8sfc::theme::Appearance::load());
    // While the preparation threads finish: load the font database and the default font now
    // (fontconfig's set-up, a fifth of the window's construction), instead of after the join.
    QFontMetrics(QApplication::font()).height();
}

bool isHeadless(const StartOptions &options)
{
    return options.command != Command::Window || !options.error.isEmpty();
}

// Offscreen or minimal: no one can answer a question, so a mistyped --profile stops the start.
bool canAsk()
{
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

/// A --profile that names no profile is created only when the learner says so. An exit code when
/// the start stops there.
std::optional<int> confirmProfile(k8sfc::Preparation &prep)
{
    if (!canAsk()) {
        fprintf(stderr,
                "k8s-flashcards: no profile named \"%s\" (profiles: %s); nothing was created. Start without "
                "--profile to choose one, or on a display to be asked whether to create it.\n",
                qPrintable(prep.profileName()),
                qPrintable(k8sfc::Profiles::list(prep.dataDir()).join(QStringLiteral(", "))));
        return 2;
    }
    const auto chosen = k8sfc::ProfilePicker::confirmNew(prep.dataDir(), prep.profileName());
    if (!chosen)
        return 0;
    prep.setProfile(*chosen);
    return std::nullopt;
}

int showWindow(QApplication &app, k8sfc::Preparation &prep, const StartOptions &options)
{
    for (const k8sfc::Diagnostic &d : prep.content.diagnostics())
        fprintf(stderr, "%s\n", qPrintable(d.toString()));
    if (prep.storeError) {
        fprintf(stderr, "k8s-flashcards: %s\n", qPrintable(*prep.storeError));
        QMessageBox::critical(nullptr, QStringLiteral("K8s Flashcards"), *prep.storeError);
        return 1;
    }
    for (const QString &notice : std::as_const(prep.notices))
        fprintf(stderr, "k8s-flashcards: %s\n", qPrintable(notice));
    k8sfc::ContentLibrary library(prep.roots(), std::move(prep.content), &prep.cache);
    const k8sfc::ContentSnapshot content = library.current();

    // K8SFC_MEASURE_STARTUP=1: print milliseconds from process start to the window's first paint
    // and the peak RSS, then quit (the benchmark script's probe; nothing else changes).
    if (qEnvironmentVariableIsSet("K8SFC_MEASURE_STARTUP"))
        k8sfc::reportFirstPaint();

    k8sfc::MainWindow window(content, prep.store);
    if (!prep.profileName().isEmpty() && prep.profileName() != QLatin1String(k8sfc::Profiles::kDefault))
        window.setProfileName(prep.profileName());
    window.fileActions()->setBackupManager(prep.backups.get());
    window.fileActions()->setUserContentFolder(prep.dataDir());
    window.ownCards()->setLibrary(&library, prep.dataDir());
    new k8sfc::ProfileSwitcher(&window, prep.store, prep.dataDir(), prep.profileName()); // the window owns it
    QObject::connect(&library, &k8sfc::ContentLibrary::reloaded, &window, &k8sfc::MainWindow::setContent);
    window.show();
    if (!prep.notices.isEmpty())
        window.fileActions()->showStartupNotices(prep.notices, prep.offeredBackup);
    prep.writeCacheLater();
    if (options.present) {
        QString id = options.walkthrough();
        if (id.isEmpty() && !content->walkthroughs().isEmpty())
            id = content->walkthroughs().first().id;
        window.present(id);
    } else if (options.rbacLab) {
        if (options.policy().isEmpty())
            window.studyModes()->startRbacLab();
        else
            window.studyModes()->openRbacPolicyFile(options.policy());
    }
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    setIdentity();
    StartOptions options = k8sfc::cli::parseStartOptions(arguments);
    // Headless commands run before any QApplication exists, so they need no display.
    if (isHeadless(options)) {
        QCoreApplication app(argc, argv);
        return k8sfc::cli::run(options);
    }
    // Qt takes the first thread that touches its per-thread data for the main thread. The workers
    // make QObjects (QFile's), so claim that role for this thread before they start.
    QThread::currentThread();
    // Everything up to the window's content is worked out before QApplication exists, so the
    // preparation runs beside it. Qt's own options (-platform, -style...) are only removed from
    // the command line by QApplication: with those, parse again once it exists and prepare then.
    std::optional<k8sfc::Preparation> prep;
    if (!options.forQt()) {
        prep.emplace(options);
        prep->start();
    }
    QApplication app(argc, argv);
    setUpApplication();
    if (!prep) {
        options = k8sfc::cli::parseStartOptions(app.arguments());
        if (options.forQt()) // not Qt's after all
            options.error = QStringLiteral("unknown option %1").arg(options.qtOptions.first());
        if (isHeadless(options))
            return k8sfc::cli::run(options);
        prep.emplace(options);
    }
    if (prep->bundledRoot().isEmpty()) {
        QMessageBox::critical(nullptr, QStringLiteral("K8s Flashcards"),
                              QStringLiteral("The bundled decks and diagrams were not found next to the program. "
                                             "Please reinstall K8s Flashcards."));
        return 1;
    }
    if (prep->profileIsUnknown())
        if (const auto exitCode = confirmProfile(*prep))
            return *exitCode;
    if (prep->needsProfile()) {
        const auto chosen = k8sfc::ProfilePicker::choose(prep->dataDir());
        if (!chosen)
            return 0;
        prep->setProfile(*chosen);
    }
    prep->finish();
    return showWindow(app, *prep, options);
}
