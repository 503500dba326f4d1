#include "rbacyaml.h"

#include "rbacauthorizer.h"
#include "yamlsupport.h"

#include <algorithm>

namespace k8sfc::rbac {

namespace {

const QLatin1String kRbacApiVersion("rbac.authorization.k8s.io/v1");
/// Served until Kubernetes 1.22 with the same fields as v1 (the API server converted between
/// them field for field), so older exports and tutorials read the same.
const QLatin1String kRbacApiVersionBeta("rbac.authorization.k8s.io/v1beta1");

QString kindOf(bool cluster, bool binding)
{
    if (binding)
        return cluster ? QStringLiteral("ClusterRoleBinding") : QStringLiteral("RoleBinding");
    return cluster ? QStringLiteral("ClusterRole") : QStringLiteral("Role");
}

} // namespace

Origin ObjectReader::originOf(const YAML::Node &node) const
{
    const YAML::Mark mark = node.Mark();
    return {m_file, m_lineOffset + mark.line + 1, mark.column + 1};
}

void ObjectReader::error(const YAML::Node &at, const QString &message)
{
    const Origin o = originOf(at);
    m_policy.diagnostics.append({m_policy.files.value(m_file), o.line, o.column, message});
}

std::optional<QString> ObjectReader::string(const YAML::Node &map, const char *key, const QString &what, bool required)
{
    const YAML::Node value = map[key];
    if (!value || value.IsNull()) {
        if (required)
            error(map, QStringLiteral("%1 has no %2").arg(what, QLatin1String(key)));
        return required ? std::nullopt : std::optional(QString());
    }
    if (!value.IsScalar()) {
        error(value, QStringLiteral("%1's %2 must be a string").arg(what, QLatin1String(key)));
        return std::nullopt;
    }
    const QString text = fromYaml(value.Scalar());
    if (required && text.isEmpty()) {
        error(value, QStringLiteral("%1's %2 is empty").arg(what, QLatin1String(key)));
        return std::nullopt;
    }
    return text;
}

std::optional<QStringList> ObjectReader::strings(const YAML::Node &map, const char *key, const QString &what)
{
    const YAML::Node value = map[key];
    if (!value || value.IsNull())
        return QStringList();
    if (!value.IsSequence()) {
        error(value, QStringLiteral("%1's %2 must be a list of strings").arg(what, QLatin1String(key)));
        return std::nullopt;
    }
    QStringList list;
    for (const YAML::Node &item : value) {
        if (!item.IsScalar()) {
            error(item, QStringLiteral("%1's %2 must be a list of strings").arg(what, QLatin1String(key)));
            return std::nullopt;
        }
        list.append(fromYaml(item.Scalar()));
    }
    return list;
}

std::optional<QMap<QString, QString>> ObjectReader::stringMap(const YAML::Node &map, const char *key,
                                                              const QString &what)
{
    const YAML::Node value = map[key];
    QMap<QString, QString> out;
    if (!value || value.IsNull())
        return out;
    if (!value.IsMap()) {
        error(value, QStringLiteral("%1's %2 must map strings to strings").arg(what, QLatin1String(key)));
        return std::nullopt;
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (!it->first.IsScalar() || !it->second.IsScalar()) {
            error(it->first, QStringLiteral("%1's %2 must map strings to strings").arg(what, QLatin1String(key)));
            return std::nullopt;
        }
        out.insert(fromYaml(it->first.Scalar()), fromYaml(it->second.Scalar()));
    }
    return out;
}

bool ObjectReader::onlyKeys(const YAML::Node &map, std::initializer_list<const char *> allowed, const QString &what)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char *a) { return key == a; })) {
            error(it->first, QStringLiteral("unknown field \"%1\" in %2").arg(fromYaml(key), what));
            return false;
        }
    }
    return true;
}

void ObjectReader::readDocument(const YAML::Node &node)
{
    if (!node || node.IsNull())
        return;
    if (!node.IsMap()) {
        error(node, QStringLiteral("expected a Kubernetes object (a mapping with kind and metadata)"));
        return;
    }
    const std::optional<QString> kind = string(node, "kind", QStringLiteral("the object"), true);
    if (!kind)
        return;
    if (!kind->endsWith(QLatin1String("List"))) {
        readObject(node);
        return;
    }
    const YAML::Node items = node["items"];
    if (items && !items.IsNull() && !items.IsSequence()) {
        error(items, QStringLiteral("the %1's items must be a list of objects").arg(*kind));
        return;
    }
    for (const YAML::Node &item : items)
        readDocument(item);
}

void ObjectReader::readObject(const YAML::Node &node)
{
    const QString kind = fromYaml(node["kind"].Scalar());
    const bool binding = kind.endsWith(QLatin1String("Binding"));
    const bool cluster = kind.startsWith(QLatin1String("Cluster"));
    if (kind != kindOf(cluster, binding)) {
        ++m_policy.skippedObjects;
        return;
    }
    const std::optional<QString> apiVersion = string(node, "apiVersion", kind, true);
    if (!apiVersion)
        return;
    if (*apiVersion != kRbacApiVersion && *apiVersion != kRbacApiVersionBeta) {
        error(node["apiVersion"], QStringLiteral("%1 has apiVersion %2; this tool reads %3 (and %4)")
                                      .arg(kind, *apiVersion, QString(kRbacApiVersion), QString(kRbacApiVersionBeta)));
        return;
    }
    const YAML::Node metadata = node["metadata"];
    if (!metadata || !metadata.IsMap()) {
        error(metadata ? metadata : node, QStringLiteral("%1 has no metadata mapping").arg(kind));
        return;
    }
    const std::optional<QString> name = string(metadata, "name", kind + QStringLiteral(" metadata"), true);
    // Roles and RoleBindings live in a namespace; kubectl would take the kubeconfig's, and this
    // tool does not guess one. Cluster objects have none.
    const std::optional<QString> ns =
        cluster ? std::optional(QString()) : string(metadata, "namespace", kind + QStringLiteral(" metadata"), true);
    if (!name || !ns)
        return;
    if (binding)
        readBinding(node, cluster, *name, *ns);
    else
        readRole(node, cluster, *name, *ns);
}

void ObjectReader::readRole(const YAML::Node &node, bool cluster, const QString &name, const QString &ns)
{
    Role role{cluster, name, ns, {}, {}, std::nullopt, originOf(node)};
    const QString what = kindOf(cluster, false) + u' ' + goQuoted(name);
    const std::optional<QMap<QString, QString>> labels = stringMap(node["metadata"], "labels", what);
    if (!labels)
        return;
    role.labels = *labels;
    const YAML::Node rules = node["rules"];
    if (rules && !rules.IsNull() && !rules.IsSequence()) {
        error(rules, QStringLiteral("%1's rules must be a list").arg(what));
        return;
    }
    for (const YAML::Node &ruleNode : rules) {
        std::optional<Rule> rule = readRule(ruleNode);
        if (!rule)
            return;
        role.rules.append(*rule);
    }
    const YAML::Node aggregation = node["aggregationRule"];
    if (aggregation && !aggregation.IsNull()) {
        if (!cluster) {
            error(aggregation, QStringLiteral("a Role has no aggregationRule; only a ClusterRole aggregates"));
            return;
        }
        role.aggregation = readAggregation(aggregation);
        if (!role.aggregation)
            return;
    }
    m_policy.roles.append(role);
}

void ObjectReader::readBinding(const YAML::Node &node, bool cluster, const QString &name, const QString &ns)
{
    Binding binding{cluster, name, ns, {}, {}, {}, originOf(node)};
    const QString what = kindOf(cluster, true) + u' ' + goQuoted(name);
    const YAML::Node roleRef = node["roleRef"];
    if (!roleRef || !roleRef.IsMap()) {
        error(roleRef ? roleRef : node, QStringLiteral("%1 has no roleRef mapping").arg(what));
        return;
    }
    if (!onlyKeys(roleRef, {"apiGroup", "kind", "name"}, what + QStringLiteral("'s roleRef")))
        return;
    const std::optional<QString> kind = string(roleRef, "kind", what + QStringLiteral("'s roleRef"), true);
    const std::optional<QString> roleName = string(roleRef, "name", what + QStringLiteral("'s roleRef"), true);
    if (!kind || !roleName)
        return;
    // The API server accepts nothing else: a ClusterRoleBinding refers to a ClusterRole only.
    if (*kind != QLatin1String("ClusterRole") && (cluster || *kind != QLatin1String("Role"))) {
        error(roleRef["kind"],
              QStringLiteral("%1's roleRef kind must be %2, not %3")
                  .arg(what, cluster ? QStringLiteral("ClusterRole") : QStringLiteral("Role or ClusterRole"), *kind));
        return;
    }
    binding.roleKind = *kind;
    binding.roleName = *roleName;
    const YAML::Node subjects = node["subjects"];
    if (subjects && !subjects.IsNull() && !subjects.IsSequence()) {
        error(subjects, QStringLiteral("%1's subjects must be a list").arg(what));
        return;
    }
    for (const YAML::Node &subjectNode : subjects) {
        std::optional<Subject> subject = readSubject(subjectNode);
        if (!subject)
            return;
        binding.subjects.append(*subject);
    }
    m_policy.bindings.append(binding);
}

} // namespace k8sfc::rbac
