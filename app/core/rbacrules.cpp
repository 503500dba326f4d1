// The parts of RBAC objects below the object: rules, subjects, aggregation selectors.
#include "rbacyaml.h"

#include "yamlsupport.h"

namespace k8sfc::rbac {

std::optional<Rule> ObjectReader::readRule(const YAML::Node &node)
{
    const QString what = QStringLiteral("a rule");
    if (!node.IsMap()) {
        error(node, QStringLiteral("a rule must be a mapping of verbs, apiGroups, resources..."));
        return std::nullopt;
    }
    if (!onlyKeys(node, {"verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"}, what))
        return std::nullopt;
    if (!node["verbs"]) {
        error(node, QStringLiteral("a rule has no verbs"));
        return std::nullopt;
    }
    Rule rule;
    rule.origin = originOf(node);
    const auto verbs = strings(node, "verbs", what);
    const auto groups = verbs ? strings(node, "apiGroups", what) : std::nullopt;
    const auto resources = groups ? strings(node, "resources", what) : std::nullopt;
    const auto names = resources ? strings(node, "resourceNames", what) : std::nullopt;
    const auto urls = names ? strings(node, "nonResourceURLs", what) : std::nullopt;
    if (!urls)
        return std::nullopt;
    rule.verbs = *verbs;
    rule.apiGroups = *groups;
    rule.resources = *resources;
    rule.resourceNames = *names;
    rule.nonResourceURLs = *urls;
    return rule;
}

std::optional<Subject> ObjectReader::readSubject(const YAML::Node &node)
{
    const QString what = QStringLiteral("a subject");
    if (!node.IsMap()) {
        error(node, QStringLiteral("a subject must be a mapping of kind, name and namespace"));
        return std::nullopt;
    }
    if (!onlyKeys(node, {"kind", "apiGroup", "name", "namespace"}, what))
        return std::nullopt;
    const auto kind = string(node, "kind", what, true);
    const auto name = kind ? string(node, "name", what, true) : std::nullopt;
    const auto ns = name ? string(node, "namespace", what, false) : std::nullopt;
    if (!ns)
        return std::nullopt;
    if (*kind != QLatin1String("User") && *kind != QLatin1String("Group") && *kind != QLatin1String("ServiceAccount")) {
        error(node["kind"], QStringLiteral("unknown subject kind \"%1\" (User, Group or ServiceAccount)").arg(*kind));
        return std::nullopt;
    }
    return Subject{*kind, *name, *ns, originOf(node)};
}

std::optional<QList<LabelSelector>> ObjectReader::readAggregation(const YAML::Node &node)
{
    const QString what = QStringLiteral("the aggregationRule");
    if (!node.IsMap() || !onlyKeys(node, {"clusterRoleSelectors"}, what)) {
        if (!node.IsMap())
            error(node, QStringLiteral("the aggregationRule must be a mapping with clusterRoleSelectors"));
        return std::nullopt;
    }
    const YAML::Node selectors = node["clusterRoleSelectors"];
    if (selectors && !selectors.IsNull() && !selectors.IsSequence()) {
        error(selectors, QStringLiteral("clusterRoleSelectors must be a list of label selectors"));
        return std::nullopt;
    }
    QList<LabelSelector> out;
    for (const YAML::Node &selectorNode : selectors) {
        std::optional<LabelSelector> selector = readSelector(selectorNode);
        if (!selector)
            return std::nullopt;
        out.append(*selector);
    }
    return out;
}

std::optional<LabelSelector> ObjectReader::readSelector(const YAML::Node &node)
{
    const QString what = QStringLiteral("a label selector");
    if (!node.IsMap()) {
        error(node, QStringLiteral("a label selector must be a mapping of matchLabels and matchExpressions"));
        return std::nullopt;
    }
    if (!onlyKeys(node, {"matchLabels", "matchExpressions"}, what))
        return std::nullopt;
    const auto labels = stringMap(node, "matchLabels", what);
    if (!labels)
        return std::nullopt;
    LabelSelector selector{*labels, {}};
    const YAML::Node expressions = node["matchExpressions"];
    if (expressions && !expressions.IsNull() && !expressions.IsSequence()) {
        error(expressions, QStringLiteral("matchExpressions must be a list"));
        return std::nullopt;
    }
    for (const YAML::Node &expression : expressions) {
        std::optional<LabelRequirement> requirement = readRequirement(expression);
        if (!requirement)
            return std::nullopt;
        selector.expressions.append(*requirement);
    }
    return selector;
}

std::optional<LabelRequirement> ObjectReader::readRequirement(const YAML::Node &node)
{
    const QString what = QStringLiteral("a match expression");
    if (!node.IsMap() || !onlyKeys(node, {"key", "operator", "values"}, what)) {
        if (!node.IsMap())
            error(node, QStringLiteral("a match expression must be a mapping of key, operator and values"));
        return std::nullopt;
    }
    const auto key = string(node, "key", what, true);
    const auto op = key ? string(node, "operator", what, true) : std::nullopt;
    const auto values = op ? strings(node, "values", what) : std::nullopt;
    if (!values)
        return std::nullopt;
    using Op = LabelRequirement::Operator;
    static const QList<std::pair<QString, Op>> operators = {{QStringLiteral("In"), Op::In},
                                                            {QStringLiteral("NotIn"), Op::NotIn},
                                                            {QStringLiteral("Exists"), Op::Exists},
                                                            {QStringLiteral("DoesNotExist"), Op::DoesNotExist}};
    const auto found = std::find_if(operators.begin(), operators.end(), [&](const auto &o) { return o.first == *op; });
    if (found == operators.end()) {
        error(node["operator"], QStringLiteral("unknown operator \"%1\" (In, NotIn, Exists or DoesNotExist)").arg(*op));
        return std::nullopt;
    }
    // As metav1.LabelSelectorAsSelector: In and NotIn need values, Exists and DoesNotExist take none.
    const bool needsValues = found->second == Op::In || found->second == Op::NotIn;
    if (needsValues == values->isEmpty()) {
        error(node, needsValues ? QStringLiteral("operator %1 needs values").arg(*op)
                                : QStringLiteral("operator %1 takes no values").arg(*op));
        return std::nullopt;
    }
    return LabelRequirement{*key, found->second, *values};
}

} // namespace k8sfc::rbac
