#include "registryloader.h"

#include "contentfile.h"
#include "yamlsupport.h"

#include <QSet>

namespace k8sfc {

// ^[a-z0-9]+(-[a-z0-9]+)*$
bool isValidName(const QString &name)
{
    if (name.isEmpty() || name.front() == u'-' || name.back() == u'-')
        return false;
    QChar previous;
    for (const QChar c : name) {
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!alnum && !(c == u'-' && previous != u'-'))
            return false;
        previous = c;
    }
    return true;
}

namespace {

const QStringList kReserved{QStringLiteral("arrow"), QStringLiteral("label"), QStringLiteral("group"),
                            QStringLiteral("legend")};

void readPlanes(YamlReader &reader, const YAML::Node &planes, ComponentRegistry &registry)
{
    if (!planes.IsSequence()) {
        reader.error(planes, QStringLiteral("\"planes\" must be a list of {id, name}"));
        return;
    }
    for (const YAML::Node &entry : planes) {
        if (!reader.checkMap(entry, {QStringLiteral("id"), QStringLiteral("name")}, QStringLiteral("a plane")))
            continue;
        const auto id = reader.requiredString(entry, "id", QStringLiteral("a plane"));
        const auto name = reader.requiredString(entry, "name", QStringLiteral("a plane"));
        if (!id || !name)
            continue;
        if (registry.plane(*id))
            reader.error(entry["id"], QStringLiteral("duplicate plane id \"%1\"").arg(*id));
        else
            registry.addPlane(Plane{*id, *name});
    }
}

void readComponents(YamlReader &reader, const YAML::Node &components, ComponentRegistry &registry)
{
    if (!components.IsSequence()) {
        reader.error(components, QStringLiteral("\"components\" must be a list"));
        return;
    }
    const QStringList keys{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("plane"),
                           QStringLiteral("role"), QStringLiteral("part-of")};
    QHash<QString, YAML::Node> partOfNodes;
    for (const YAML::Node &entry : components) {
        const QString what = QStringLiteral("a component");
        if (!reader.checkMap(entry, keys, what))
            continue;
        const auto id = reader.requiredString(entry, "id", what);
        const auto name = reader.requiredString(entry, "name", what);
        const auto plane = reader.requiredString(entry, "plane", what);
        const auto role = reader.requiredString(entry, "role", what);
        const auto partOf = reader.optionalString(entry, "part-of");
        if (!id || !name || !plane || !role || !partOf)
            continue;
        if (!isValidName(*id) || kReserved.contains(*id)) {
            reader.error(entry["id"], QStringLiteral("component id \"%1\" must be lowercase words joined by "
                                                     "single hyphens, and not a reserved word")
                                          .arg(*id));
            continue;
        }
        if (registry.contains(*id)) {
            reader.error(entry["id"], QStringLiteral("duplicate component id \"%1\"").arg(*id));
            continue;
        }
        if (!registry.plane(*plane)) {
            reader.error(entry["plane"], QStringLiteral("unknown plane \"%1\"").arg(*plane));
            continue;
        }
        const YAML::Mark mark = entry.Mark();
        registry.addComponent(Component{*id, *name, *plane, *role, *partOf, mark.line + 1, mark.column + 1});
        if (!partOf->isEmpty())
            partOfNodes.insert(*id, entry["part-of"]);
    }
    // Sub-part relations are checked once every component is known (a part may precede its parent).
    for (const Component &c : registry.components()) {
        if (c.partOf.isEmpty())
            continue;
        if (!registry.contains(c.partOf)) {
            reader.error(partOfNodes.value(c.id),
                         QStringLiteral("\"%1\" is part of unknown component \"%2\"").arg(c.id, c.partOf));
            continue;
        }
        QSet<QString> chain{c.id};
        for (QString up = c.partOf; !up.isEmpty();
             up = registry.component(up) ? registry.component(up)->partOf : QString()) {
            if (chain.contains(up)) {
                reader.error(partOfNodes.value(c.id), QStringLiteral("\"part-of\" of \"%1\" forms a cycle").arg(c.id));
                break;
            }
            chain.insert(up);
        }
    }
}

} // namespace

ComponentRegistry RegistryLoader::load(const QByteArray &text, const QString &fileName, Diagnostics &diagnostics)
{
    ComponentRegistry registry;
    registry.setFileName(fileName);
    YamlReader reader(fileName);
    if (const auto root = reader.parse(text)) {
        if (reader.checkMap(*root, {QStringLiteral("planes"), QStringLiteral("components")},
                            QStringLiteral("the registry"))) {
            if ((*root)["planes"])
                readPlanes(reader, (*root)["planes"], registry);
            else
                reader.error(*root, QStringLiteral("the registry has no \"planes\""));
            if ((*root)["components"])
                readComponents(reader, (*root)["components"], registry);
            else
                reader.error(*root, QStringLiteral("the registry has no \"components\""));
        }
    }
    diagnostics += reader.takeDiagnostics();
    return registry;
}

ComponentRegistry RegistryLoader::loadFile(const QString &path, Diagnostics &diagnostics)
{
    const auto text = readContentFile(path, QStringLiteral("registry"), diagnostics);
    if (!text) {
        ComponentRegistry empty;
        empty.setFileName(path);
        return empty;
    }
    return load(*text, path, diagnostics);
}

} // namespace k8sfc
