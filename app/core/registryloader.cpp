#include "registryloader.h"

#include "contentfile.h"
#include "elementid.h"
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

/// One `arrows:` entry's id: an arrow between registry components, without copy suffixes.
bool checkArrowId(YamlReader &reader, const YAML::Node &key, const QString &id, const ComponentRegistry &registry)
{
    const ElementId parsed = ElementId::parse(id);
    if (parsed.kind != ElementId::Kind::Arrow) {
        reader.error(key, QStringLiteral("\"%1\" is not an arrow id (expected arrow.FROM--TO)").arg(id));
        return false;
    }
    if (!parsed.from.copy.isEmpty() || !parsed.to.copy.isEmpty()) {
        reader.error(key, QStringLiteral("arrow \"%1\" names a copy; the registry keys arrows without copy "
                                         "suffixes (\"%2\")")
                              .arg(id, arrowBaseId(id)));
        return false;
    }
    for (const ElementRef &end : {parsed.from, parsed.to})
        if (!registry.contains(end.component)) {
            reader.error(key, QStringLiteral("arrow \"%1\" names unknown component \"%2\"").arg(id, end.component));
            return false;
        }
    return true;
}

void readArrows(YamlReader &reader, const YAML::Node &arrows, ComponentRegistry &registry)
{
    if (!arrows.IsMap()) {
        reader.error(arrows, QStringLiteral("\"arrows\" must map each arrow id to its kind and role"));
        return;
    }
    for (auto it = arrows.begin(); it != arrows.end(); ++it) {
        const YAML::Node key = it->first, entry = it->second;
        const QString id = key.IsScalar() ? fromYaml(key.Scalar()) : QString();
        const QString what = QStringLiteral("arrow \"%1\"").arg(id);
        if (!checkArrowId(reader, key, id, registry) ||
            !reader.checkMap(entry, {QStringLiteral("kind"), QStringLiteral("role")}, what))
            continue;
        const auto kind = reader.requiredString(entry, "kind", what);
        const auto role = reader.requiredString(entry, "role", what);
        if (!kind || !role)
            continue;
        if (!arrowKinds().contains(*kind)) {
            reader.error(entry["kind"], QStringLiteral("unknown \"kind\" \"%1\" of %2 (expected one of: %3)")
                                            .arg(*kind, what, arrowKinds().join(QStringLiteral(", "))));
            continue;
        }
        if (registry.arrow(id)) {
            reader.error(key, QStringLiteral("duplicate arrow id \"%1\"").arg(id));
            continue;
        }
        registry.addArrow(ArrowRole{id, *kind, *role, key.Mark().line + 1, key.Mark().column + 1});
    }
}

} // namespace

ComponentRegistry RegistryLoader::load(const QByteArray &text, const QString &fileName, Diagnostics &diagnostics)
{
    ComponentRegistry registry;
    registry.setFileName(fileName);
    YamlReader reader(fileName);
    if (const auto root = reader.parse(text)) {
        if (reader.checkMap(*root, {QStringLiteral("planes"), QStringLiteral("components"), QStringLiteral("arrows")},
                            QStringLiteral("the registry"))) {
            if ((*root)["planes"])
                readPlanes(reader, (*root)["planes"], registry);
            else
                reader.error(*root, QStringLiteral("the registry has no \"planes\""));
            if ((*root)["components"])
                readComponents(reader, (*root)["components"], registry);
            else
                reader.error(*root, QStringLiteral("the registry has no \"components\""));
            if ((*root)["arrows"])
                readArrows(reader, (*root)["arrows"], registry);
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
