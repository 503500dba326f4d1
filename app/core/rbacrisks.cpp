#include "rbacrisks.h"

#include <QMap>

#include <algorithm>
#include <tuple>

namespace k8sfc::rbac {

namespace {

const QString kRbacGroup = QStringLiteral("rbac.authorization.k8s.io");

// Does the rule allow `verb` on any of `resources` (in `group`, the rule's first name if it
// names some)? The rule's names stand for the objects it was written for.
bool allowsAny(const Rule &rule, const QString &verb, const QString &group, const QStringList &resources,
               const QString &subresource = QString())
{
    return std::any_of(resources.cbegin(), resources.cend(), [&](const QString &resource) {
        Request r;
        r.verb = verb;
        r.apiGroup = group;
        r.resource = resource;
        r.subresource = subresource;
        r.name = rule.resourceNames.value(0);
        return ruleAllows(r, rule);
    });
}

} // namespace

QString riskTitle(RiskKind kind)
{
    switch (kind) {
    case RiskKind::Wildcard: return QStringLiteral("* in verbs or resources");
    case RiskKind::Escalate: return QStringLiteral("escalate on roles");
    case RiskKind::Bind: return QStringLiteral("bind on roles");
    case RiskKind::Impersonate: return QStringLiteral("impersonate");
    case RiskKind::CreatePods: return QStringLiteral("create pods");
    case RiskKind::NodesProxy: return QStringLiteral("nodes/proxy");
    case RiskKind::ReadSecrets: return QStringLiteral("read secrets (get, list or watch)");
    }
    return {};
}

QString riskCardId(RiskKind kind)
{
    switch (kind) {
    case RiskKind::Wildcard: return QStringLiteral("rbac-risk-wildcards");
    case RiskKind::Escalate:
    case RiskKind::Bind: return QStringLiteral("rbac-risk-escalate-bind-impersonate");
    case RiskKind::Impersonate: return QStringLiteral("rbac-risk-impersonate-groups");
    case RiskKind::CreatePods: return QStringLiteral("rbac-risk-create-pods");
    case RiskKind::NodesProxy: return QStringLiteral("rbac-risk-nodes-proxy");
    case RiskKind::ReadSecrets: return QStringLiteral("rbac-risk-watch-secrets");
    }
    return {};
}

QList<RiskKind> ruleRisks(const Rule &rule, bool clusterWide)
{
    QList<RiskKind> risks;
    if (rule.verbs.contains(QStringLiteral("*")) || rule.resources.contains(QStringLiteral("*")))
        risks.append(RiskKind::Wildcard);
    const QStringList roles{QStringLiteral("roles"), QStringLiteral("clusterroles")};
    if (allowsAny(rule, QStringLiteral("escalate"), kRbacGroup, roles))
        risks.append(RiskKind::Escalate);
    if (allowsAny(rule, QStringLiteral("bind"), kRbacGroup, roles))
        risks.append(RiskKind::Bind);
    // Users and groups are cluster-scoped; ServiceAccounts can be impersonated in a namespace.
    const QStringList identities =
        clusterWide ? QStringList{QStringLiteral("users"), QStringLiteral("groups"), QStringLiteral("serviceaccounts")}
                    : QStringList{QStringLiteral("serviceaccounts")};
    if (allowsAny(rule, QStringLiteral("impersonate"), QString(), identities))
        risks.append(RiskKind::Impersonate);
    if (allowsAny(rule, QStringLiteral("create"), QString(), {QStringLiteral("pods")}))
        risks.append(RiskKind::CreatePods);
    const QStringList nodes{QStringLiteral("nodes")};
    if (clusterWide && (allowsAny(rule, QStringLiteral("get"), QString(), nodes, QStringLiteral("proxy")) ||
                        allowsAny(rule, QStringLiteral("create"), QString(), nodes, QStringLiteral("proxy"))))
        risks.append(RiskKind::NodesProxy);
    const QStringList secrets{QStringLiteral("secrets")};
    for (const char *verb : {"get", "list", "watch"})
        if (allowsAny(rule, QString::fromLatin1(verb), QString(), secrets)) {
            risks.append(RiskKind::ReadSecrets);
            break;
        }
    return risks;
}

QList<Risk> riskyRights(const Authorizer &authorizer)
{
    QList<const Binding *> bindings;
    for (const Binding &b : authorizer.policy().bindings)
        bindings.append(&b);
    std::stable_sort(bindings.begin(), bindings.end(), [](const Binding *a, const Binding *b) {
        return std::tuple(!a->cluster, a->ns, a->name) < std::tuple(!b->cluster, b->ns, b->name);
    });
    QMap<std::pair<QString, int>, Risk> found; // (subject, kind): sorted as the result is
    for (const Binding *binding : std::as_const(bindings)) {
        const Role *role = authorizer.roleOf(*binding);
        if (!role)
            continue; // grants nothing
        for (int i = 0; i < role->rules.size(); ++i)
            for (RiskKind kind : ruleRisks(role->rules.at(i), binding->cluster))
                for (const Subject &subject : binding->subjects) {
                    if (subject.kind == QLatin1String("ServiceAccount") && subject.ns.isEmpty() && binding->cluster)
                        continue; // names no one
                    const auto key = std::pair(describeSubject(subject, binding->ns), int(kind));
                    if (!found.contains(key))
                        found.insert(key, Risk{kind, key.first, binding, role, i});
                }
    }
    return found.values();
}

} // namespace k8sfc::rbac
