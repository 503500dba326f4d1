#include "walkthroughloader.h"

#include "contentfile.h"
#include "diagramloader.h"
#include "registryloader.h"
#include "yamlsupport.h"

#include <QFileInfo>

namespace k8sfc {

namespace {

const QStringList kTopKeys{QStringLiteral("title"), QStringLiteral("diagram"), QStringLiteral("description"),
                           QStringLiteral("source"), QStringLiteral("steps")};
const QStringList kStepKeys{QStringLiteral("title"),  QStringLiteral("narration"),      QStringLiteral("components"),
                            QStringLiteral("arrows"), QStringLiteral("reverse-arrows"), QStringLiteral("question"),
                            QStringLiteral("answer"), QStringLiteral("zoom"),           QStringLiteral("ask-next")};

/// `ask-next`: YAML 1.2's booleans, unquoted; anything else is an error (a "yes" is a typo).
bool readAskNext(YamlReader &reader, const YAML::Node &node, const QString &what)
{
    const YAML::Node value = node["ask-next"];
    if (!value)
        return false;
    static const QStringList yes{QStringLiteral("true"), QStringLiteral("True"), QStringLiteral("TRUE")};
    static const QStringList no{QStringLiteral("false"), QStringLiteral("False"), QStringLiteral("FALSE")};
    const bool plain = value.IsScalar() && value.Tag() != "!" && value.Scalar().size() <= 5;
    const QString text = plain ? fromYaml(value.Scalar()) : QString();
    if (!plain || !(yes.contains(text) || no.contains(text)))
        reader.error(value, QStringLiteral("\"ask-next\" of %1 must be true or false").arg(what));
    return yes.contains(text);
}

/// A ref is drawn when its element exists, or, for a plain component id, when a copy of it does.
bool isDrawn(const Diagram &diagram, const QString &ref)
{
    if (diagram.hasElement(ref))
        return true;
    if (ref.contains(u'.'))
        return false;
    for (const ElementRef &drawn : diagram.componentRefs())
        if (drawn.component == ref)
            return true;
    return false;
}

void checkRefs(YamlReader &reader, const YAML::Node &step, const char *key, const QStringList &refs,
               const Diagram *diagram, bool arrows)
{
    const YAML::Node list = step[key];
    for (qsizetype i = 0; i < refs.size(); ++i) {
        const QString &ref = refs.at(i);
        const ElementId parsed = ElementId::parse(ref);
        const bool rightKind =
            arrows ? parsed.kind == ElementId::Kind::Arrow : parsed.kind == ElementId::Kind::Component;
        if (!rightKind) {
            reader.error(list[std::size_t(i)],
                         arrows ? QStringLiteral("\"%1\" is not an arrow id (arrow.FROM--TO)").arg(ref)
                                : QStringLiteral("\"%1\" is not a component or copy id").arg(ref));
        } else if (diagram && !isDrawn(*diagram, ref)) {
            reader.error(list[std::size_t(i)],
                         QStringLiteral("\"%1\" is not drawn in diagram \"%2\"").arg(ref, diagram->id));
        }
    }
}

/// Reads one step and checks what it lights against `diagram` (nullptr: unknown, refs not checked).
/// Empty when the node is not a map.
std::optional<WalkthroughStep> readStep(YamlReader &reader, const YAML::Node &node, int number, const Diagram *diagram)
{
    const QString what = QStringLiteral("step %1").arg(number);
    if (!reader.checkMap(node, kStepKeys, what) && !node.IsMap())
        return std::nullopt;
    WalkthroughStep step;
    step.line = node.Mark().line + 1;
    step.column = node.Mark().column + 1;
    step.title = reader.requiredString(node, "title", what).value_or(QString());
    step.narration = reader.requiredString(node, "narration", what).value_or(QString());
    step.components = reader.stringList(node, "components").value_or(QStringList());
    step.arrows = reader.stringList(node, "arrows").value_or(QStringList());
    step.reverseArrows = reader.stringList(node, "reverse-arrows").value_or(QStringList());
    step.question = reader.optionalString(node, "question").value_or(QString());
    step.answer = reader.optionalString(node, "answer").value_or(QString());
    step.zoom = reader.optionalString(node, "zoom").value_or(QString());
    step.askNext = readAskNext(reader, node, what);
    checkRefs(reader, node, "components", step.components, diagram, false);
    checkRefs(reader, node, "arrows", step.arrows, diagram, true);
    checkRefs(reader, node, "reverse-arrows", step.reverseArrows, diagram, true);
    if (step.components.isEmpty() && step.arrows.isEmpty() && step.reverseArrows.isEmpty())
        reader.error(node, QStringLiteral("%1 lights nothing (give it components or arrows)").arg(what));
    if (!step.question.isEmpty() && step.answer.isEmpty())
        reader.error(node["question"], QStringLiteral("%1 asks a question but gives no \"answer\"").arg(what));
    if (!step.zoom.isEmpty() && diagram && !isDrawn(*diagram, step.zoom))
        reader.error(node["zoom"],
                     QStringLiteral("zoom target \"%1\" is not drawn in diagram \"%2\"").arg(step.zoom, diagram->id));
    return step;
}

QList<WalkthroughStep> readSteps(YamlReader &reader, const YAML::Node &root, const Diagram *diagram)
{
    QList<WalkthroughStep> out;
    const YAML::Node steps = root["steps"];
    if (!steps) {
        reader.error(root, QStringLiteral("the walkthrough has no \"steps\""));
    } else if (!steps.IsSequence() || steps.size() == 0) {
        reader.error(steps, QStringLiteral("\"steps\" must be a list of at least one step"));
    } else {
        int number = 0;
        for (const YAML::Node &node : steps) {
            auto step = readStep(reader, node, ++number, diagram);
            if (!step)
                continue;
            // The room is asked where the request goes next: something must be new to reveal.
            if (step->askNext && newlyLit(*step, out.isEmpty() ? nullptr : &out.last()).isEmpty())
                reader.error(node["ask-next"], QStringLiteral("step %1 asks where the request goes next, but lights "
                                                              "nothing the step before did not")
                                                   .arg(number));
            out.append(*step);
        }
    }
    return out;
}

const Diagram *findDiagram(const QList<Diagram> &diagrams, const QString &id)
{
    const Diagram *found = nullptr;
    for (const Diagram &d : diagrams)
        if (d.id == id)
            found = &d;
    return found;
}

} // namespace

std::optional<Walkthrough> WalkthroughLoader::load(const QByteArray &text, const QString &fileName,
                                                   const QList<Diagram> &diagrams, Diagnostics &diagnostics)
{
    YamlReader reader(fileName);
    const auto root = reader.parse(text);
    if (!root) {
        diagnostics += reader.takeDiagnostics();
        return std::nullopt;
    }
    Walkthrough w;
    w.id = QFileInfo(fileName).completeBaseName();
    w.file = fileName;
    if (!isValidName(w.id))
        reader.error(1, 1,
                     QStringLiteral("the file name \"%1\" must be lowercase words joined by single hyphens (it is "
                                    "the walkthrough id)")
                         .arg(w.id));
    if (!reader.checkMap(*root, kTopKeys, QStringLiteral("a walkthrough")) && !root->IsMap()) {
        diagnostics += reader.takeDiagnostics();
        return std::nullopt;
    }
    w.title = reader.requiredString(*root, "title", QStringLiteral("the walkthrough")).value_or(QString());
    w.diagramId = reader.requiredString(*root, "diagram", QStringLiteral("the walkthrough")).value_or(QString());
    w.description = reader.optionalString(*root, "description").value_or(QString());
    w.source = reader.optionalString(*root, "source").value_or(QString());
    const Diagram *diagram = findDiagram(diagrams, w.diagramId);
    if (!w.diagramId.isEmpty() && !diagram)
        reader.error((*root)["diagram"],
                     QStringLiteral("no diagram \"%1\" (expected diagrams/%1.svg)").arg(w.diagramId));
    w.steps = readSteps(reader, *root, diagram);
    const bool failed = reader.errorCount() > 0;
    diagnostics += reader.takeDiagnostics();
    if (failed)
        return std::nullopt; // a walkthrough is shown whole or not at all
    return w;
}

std::optional<Walkthrough> WalkthroughLoader::loadFile(const QString &path, const QList<Diagram> &diagrams,
                                                       Diagnostics &diagnostics)
{
    const auto text = readContentFile(path, QStringLiteral("walkthrough"), diagnostics);
    if (!text)
        return std::nullopt;
    return load(*text, path, diagrams, diagnostics);
}

} // namespace k8sfc
