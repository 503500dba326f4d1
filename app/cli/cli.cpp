#include "cli.h"

#include "replaycommand.h"
#include "validatecommand.h"

#include "content.h"
#include "contentlocator.h"
#include "deckcache.h"

#include <QDir>
#include <QTextStream>

namespace k8sfc::cli {

QString helpText()
{
    return QStringLiteral("Usage: k8s-flashcards [--data-dir DIR] [--content DIR]... [--present [WALKTHROUGH]]\n"
                          "       k8s-flashcards validate [PATH...]\n"
                          "       k8s-flashcards replay [--long-term] FILE\n"
                          "       k8s-flashcards cache-decks DIR\n"
                          "       k8s-flashcards --version | --help\n"
                          "\n"
                          "Learn how a Kubernetes cluster is built and secured: click a component of the\n"
                          "architecture diagram to study its flashcards; your grades are kept in SQLite.\n"
                          "\n"
                          "Options:\n"
                          "  --data-dir DIR   keep the mastery database in DIR instead of the user's data folder\n"
                          "  --content DIR    also read decks/, diagrams/ and diagrams/walkthroughs/ from DIR\n"
                          "                   (repeatable); files there reload when they change\n"
                          "  --present [WALKTHROUGH]\n"
                          "                   start full screen in presentation mode with a walkthrough (its id,\n"
                          "                   e.g. kubectl-apply; \"-\" for the diagram alone)\n"
                          "  --version        print the version and exit\n"
                          "  --help           print this help and exit\n"
                          "\n"
                          "Commands:\n"
                          "  validate [PATH...]  check decks (*.yaml), diagrams (*.svg) and the component registry\n"
                          "                      (components.yaml), or content folders; no PATH checks the bundled\n"
                          "                      content. Prints path:line:column: error: message per problem and\n"
                          "                      exits 1 on any error, 2 on a usage error.\n"
                          "  replay [--long-term] FILE\n"
                          "                      replay a review log through the FSRS-6 scheduler. FILE (- for stdin)\n"
                          "                      is a JSON array of {\"card_id\", \"timestamp\" (ISO 8601, UTC),\n"
                          "                      \"rating\" (1-4)}. Prints the card after each review as one JSON\n"
                          "                      object per line, in time order. --long-term: FSRS without learning\n"
                          "                      steps. Exits 2 on bad input, naming the event (counting from 0).\n"
                          "  cache-decks DIR     parse the bundled decks into DIR, the parsed-deck folder installed\n"
                          "                      beside them (the build runs this), so a first start parses no\n"
                          "                      bundled YAML. Exits 1 if the bundled content has errors.\n");
}

bool isHeadless(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    return first == QLatin1String("validate") || first == QLatin1String("replay") ||
           first == QLatin1String("cache-decks") || first == QLatin1String("--version") ||
           first == QLatin1String("-v") || first == QLatin1String("--help") || first == QLatin1String("-h");
}

namespace {

int cacheDecks(const QStringList &arguments)
{
    QTextStream err(stderr);
    if (arguments.size() != 1) {
        err << "k8s-flashcards: cache-decks takes one folder\n";
        return 2;
    }
    const QString root = ContentLocator::bundledRoot();
    if (root.isEmpty()) {
        err << "k8s-flashcards: the bundled content was not found\n";
        return 1;
    }
    // Start empty, so the folder holds exactly the entries of the decks as they are now.
    QDir(arguments.first()).removeRecursively();
    DeckCache::setDirectory(arguments.first());
    const ContentSet content = ContentSet::loadRoots({root});
    DeckCache::setDirectory(QString());
    for (const Diagnostic &d : content.diagnostics())
        err << d.toString() << '\n';
    return hasErrors(content.diagnostics()) ? 1 : 0;
}

} // namespace

std::optional<int> run(const QStringList &arguments)
{
    if (!isHeadless(arguments))
        return std::nullopt;
    QTextStream out(stdout);
    const QString first = arguments.at(1);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << "k8s-flashcards " << K8SFC_VERSION << Qt::endl;
        return 0;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        out << helpText();
        return 0;
    }
    if (first == QLatin1String("replay"))
        return ReplayCommand::run(arguments.mid(2));
    if (first == QLatin1String("cache-decks"))
        return cacheDecks(arguments.mid(2));
    return ValidateCommand::run(arguments.mid(2));
}

} // namespace k8sfc::cli
