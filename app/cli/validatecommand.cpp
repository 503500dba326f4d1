#include "validatecommand.h"

#include "content.h"
#include "contentlocator.h"

#include <QTextStream>

namespace k8sfc::cli {

int ValidateCommand::run(const QStringList &paths)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    const QString registry = ContentLocator::bundledRegistry();
    ContentSet content;
    if (paths.isEmpty()) {
        const QString root = ContentLocator::bundledRoot();
        if (root.isEmpty()) {
            err << "k8s-flashcards validate: the bundled content was not found next to the program" << Qt::endl;
            return 2;
        }
        content = ContentSet::loadRoot(root);
    } else {
        content = ContentSet::loadPaths(paths, registry);
    }
    int errors = 0, warnings = 0;
    for (const Diagnostic &d : content.diagnostics()) {
        err << d.toString() << "\n";
        (d.severity == Diagnostic::Severity::Error ? errors : warnings)++;
    }
    err.flush();
    out << QStringLiteral("%1 cards in %2 decks, %3 components, %4 diagrams, %5 walkthroughs: %6 errors, %7 warnings")
               .arg(content.cardCount())
               .arg(content.decks().size())
               .arg(content.registry().components().size())
               .arg(content.diagrams().size())
               .arg(content.walkthroughs().size())
               .arg(errors)
               .arg(warnings)
        << Qt::endl;
    return errors > 0 ? 1 : 0;
}

} // namespace k8sfc::cli
