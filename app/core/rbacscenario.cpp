#include "rbacscenario.h"

#include "rbacloader.h"
#include "yamlsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace k8sfc::rbac {

namespace {

void addError(Scenario &s, const YAML::Node &at, const QString &message)
{
    const YAML::Mark mark = at.Mark();
    s.policy.diagnostics.append({s.path, mark.line + 1, mark.column + 1, message});
}

// A non-empty scalar field of the header, or an error at the header (missing) or the field.
QString field(Scenario &s, const YAML::Node &header, const char *key)
{
    const YAML::Node node = header[key];
    if (node && node.IsScalar() && !node.Scalar().empty())
        return fromYaml(node.Scalar());
    addError(s, node ? node : header, QStringLiteral("the scenario needs a non-empty `%1`").arg(QLatin1String(key)));
    return {};
}

void readHeader(Scenario &s, const YAML::Node &header)
{
    if (!header.IsMap() || !header["kind"] || header["kind"].Scalar() != "RbacLabScenario") {
        addError(s, header, QStringLiteral("a lab scenario starts with a document of kind RbacLabScenario"));
        return;
    }
    s.title = field(s, header, "title");
    s.story = field(s, header, "story");
    s.source = field(s, header, "source");
    const YAML::Node cards = header["cards"];
    if (!cards || !cards.IsSequence() || cards.size() == 0) {
        addError(s, cards ? cards : header, QStringLiteral("the scenario needs a list of `cards` it exercises"));
        return;
    }
    for (const YAML::Node &card : cards) {
        if (!card.IsScalar() || card.Scalar().empty()) {
            addError(s, card, QStringLiteral("a card id is a non-empty string"));
            continue;
        }
        s.cards.append(fromYaml(card.Scalar()));
    }
}

} // namespace

Scenario loadScenario(const QString &path)
{
    Scenario s;
    s.path = path;
    s.policy = PolicyLoader::loadFiles({path});
    if (hasErrors(s.policy.diagnostics))
        return s; // the file is not YAML the loader could read; it named where
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return s;
    try {
        // The loader read the whole file already; only the header is read again.
        YAML::Node header = YAML::Load(file.readAll().toStdString());
        readHeader(s, header);
    } catch (const YAML::Exception &e) {
        s.policy.diagnostics.append({path, e.mark.line + 1, e.mark.column + 1, fromYaml(e.msg)});
    }
    return s;
}

QList<Scenario> loadScenarios(const QString &folder)
{
    QList<Scenario> scenarios;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        scenarios.append(loadScenario(dir.filePath(name)));
    return scenarios;
}

DiagramChain diagramChain(const Binding &binding, const Subject &subject, const Role &role)
{
    const QString subjectId = subject.kind == QLatin1String("ServiceAccount") ? QStringLiteral("service-account")
                              : subject.kind == QLatin1String("Group")        ? QStringLiteral("user-group")
                                                                              : QStringLiteral("user");
    const QString bindingId = binding.cluster ? QStringLiteral("cluster-role-binding") : QStringLiteral("role-binding");
    const QString roleId = role.cluster ? QStringLiteral("cluster-role") : QStringLiteral("role");
    const QString ruleId = QStringLiteral("rbac-rule");
    return {{subjectId, bindingId, roleId, ruleId},
            {QStringLiteral("arrow.%1--%2").arg(bindingId, subjectId),
             QStringLiteral("arrow.%1--%2").arg(bindingId, roleId),
             QStringLiteral("arrow.%1--%2").arg(roleId, ruleId)}};
}

RoleSource roleSource(const Policy &policy, const Role &role, int rule)
{
    RoleSource source;
    source.firstLine = role.origin.line;
    source.markedLine = role.rules.value(rule).origin.line;
    QFile file(policy.files.value(role.origin.file));
    if (!file.open(QIODevice::ReadOnly))
        return source;
    const QList<QByteArray> lines = file.readAll().split('\n');
    const qsizetype indent = std::max(role.origin.column - 1, 0);
    for (qsizetype i = role.origin.line - 1; i < lines.size(); ++i) {
        const QString line =
            QString::fromUtf8(lines.at(i)).trimmed().isEmpty() ? QString() : QString::fromUtf8(lines.at(i));
        const qsizetype depth = line.indexOf(QRegularExpression(QStringLiteral("\\S")));
        const bool first = i == role.origin.line - 1;
        if (!first && (line.startsWith(QLatin1String("---")) || (depth >= 0 && depth < indent)))
            break;
        source.lines.append(first ? QString(indent, u' ') + line.mid(indent) : line);
    }
    while (!source.lines.isEmpty() && source.lines.last().isEmpty())
        source.lines.removeLast();
    return source;
}

} // namespace k8sfc::rbac
