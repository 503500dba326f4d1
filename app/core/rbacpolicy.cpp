#include "rbacpolicy.h"

#include <algorithm>

namespace k8sfc::rbac {

bool Rule::sameAs(const Rule &other) const
{
    return verbs == other.verbs && apiGroups == other.apiGroups && resources == other.resources &&
           resourceNames == other.resourceNames && nonResourceURLs == other.nonResourceURLs;
}

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        const auto found = labels.constFind(it.key());
        if (found == labels.constEnd() || *found != it.value())
            return false;
    }
    for (const LabelRequirement &r : expressions) {
        const bool has = labels.contains(r.key);
        switch (r.op) {
        case LabelRequirement::Operator::In:
            if (!has || !r.values.contains(labels.value(r.key)))
                return false;
            break;
        case LabelRequirement::Operator::NotIn:
            if (has && r.values.contains(labels.value(r.key)))
                return false;
            break;
        case LabelRequirement::Operator::Exists:
            if (!has)
                return false;
            break;
        case LabelRequirement::Operator::DoesNotExist:
            if (has)
                return false;
            break;
        }
    }
    return true;
}

int Policy::clusterRoleCount() const
{
    return int(std::count_if(roles.begin(), roles.end(), [](const Role &r) { return r.cluster; }));
}

int Policy::clusterBindingCount() const
{
    return int(std::count_if(bindings.begin(), bindings.end(), [](const Binding &b) { return b.cluster; }));
}

namespace {

// The controller's sync of one aggregated role: per selector in order, the matching ClusterRoles by
// name, each new rule appended. `byName` holds the ClusterRoles sorted by name.
QList<Rule> aggregatedRules(const Role &role, const QList<Role *> &byName)
{
    QList<Rule> rules;
    for (const LabelSelector &selector : *role.aggregation)
        for (const Role *other : byName) {
            if (other->name == role.name || !selector.matches(other->labels))
                continue;
            for (const Rule &rule : other->rules)
                if (std::none_of(rules.begin(), rules.end(), [&](const Rule &r) { return r.sameAs(rule); }))
                    rules.append(rule);
        }
    return rules;
}

bool sameRules(const QList<Rule> &a, const QList<Rule> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Rule &x, const Rule &y) { return x.sameAs(y); });
}

} // namespace

bool aggregateClusterRoles(QList<Role> &roles)
{
    QList<Role *> byName;
    int aggregated = 0;
    for (Role &role : roles)
        if (role.cluster) {
            byName.append(&role);
            aggregated += role.aggregation ? 1 : 0;
        }
    std::stable_sort(byName.begin(), byName.end(), [](const Role *a, const Role *b) { return a->name < b->name; });
    for (int round = 0; round <= aggregated; ++round) {
        bool changed = false;
        for (Role *role : byName) {
            if (!role->aggregation)
                continue;
            QList<Rule> rules = aggregatedRules(*role, byName);
            if (!sameRules(rules, role->rules)) {
                role->rules = std::move(rules);
                changed = true;
            }
        }
        if (!changed)
            return true;
    }
    return false;
}

} // namespace k8sfc::rbac
