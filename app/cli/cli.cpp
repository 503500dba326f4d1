#include "cli.h"

#include "replaycommand.h"
#include "validatecommand.h"

#include <QTextStream>

namespace k8sfc::cli {

QString helpText()
{
    return QStringLiteral("Usage: k8s-flashcards [--data-dir DIR] [--content DIR]... [--present [WALKTHROUGH]]\n"
                          "       k8s-flashcards validate [PATH...]\n"
                          "       k8s-flashcards replay [--long-term] FILE\n"
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
                          "                      steps. Exits 2 on bad input, naming the event (counting from 0).\n");
}

bool isHeadless(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    return first == QLatin1String("validate") || first == QLatin1String("replay") ||
           first == QLatin1String("--version") || first == QLatin1String("-v") || first == QLatin1String("--help") ||
           first == QLatin1String("-h");
}

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
    return ValidateCommand::run(arguments.mid(2));
}

} // namespace k8sfc::cli
