#include "cli.h"

#include "optimizecommand.h"
#include "rbaccommand.h"
#include "replaycommand.h"
#include "validatecommand.h"

#include "content.h"
#include "contentlocator.h"
#include "deckcache.h"

#include <QDir>
#include <QTextStream>

namespace k8sfc::cli {

namespace {

int cacheDecks(const QString &folder)
{
    QTextStream err(stderr);
    const QString root = ContentLocator::bundledRoot();
    if (root.isEmpty()) {
        err << "k8s-flashcards: the bundled content was not found\n";
        return 1;
    }
    // Start empty, so the folder holds exactly the entries of the decks as they are now.
    QDir(folder).removeRecursively();
    DeckCache cache(folder);
    const ContentSet content = ContentSet::loadRoots({root}, &cache);
    for (const Diagnostic &d : content.diagnostics())
        err << d.toString() << '\n';
    return hasErrors(content.diagnostics()) ? 1 : 0;
}

int usageError(const StartOptions &options)
{
    const QString usage = usageOf(options.command);
    // "usage: k8s-flashcards replay ...": the command, if any, is the third word.
    const QString command = options.command == Command::Window ? QString() : u' ' + usage.section(u' ', 2, 2);
    QTextStream(stderr) << "k8s-flashcards" << command << ": " << options.error << "\n"
                        << usage << "\n(k8s-flashcards --help describes every option)" << Qt::endl;
    return 2;
}

} // namespace

int run(const StartOptions &options)
{
    if (!options.error.isEmpty())
        return usageError(options);
    QTextStream out(stdout);
    switch (options.command) {
    case Command::Version: out << "k8s-flashcards " << K8SFC_VERSION << Qt::endl; return 0;
    case Command::Help: out << helpText(options.helpFor); return 0;
    case Command::Window: out << helpText(); return 0;
    case Command::Validate: return ValidateCommand::run(options.operands);
    case Command::Replay: return ReplayCommand::run(options.operands.first(), options.longTerm);
    case Command::Optimize: return OptimizeCommand::run(options.operands.first(), options.dayStart, options.longTerm);
    case Command::CacheDecks: return cacheDecks(options.operands.first());
    case Command::Rbac: return RbacCommand::run(options);
    }
    return 2;
}

} // namespace k8sfc::cli
