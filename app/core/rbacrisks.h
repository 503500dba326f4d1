#pragma once

#include "rbacauthorizer.h"

#include <QList>
#include <QString>

namespace k8sfc::rbac {

/// Rights that let a subject step past RBAC or read what it guards.
enum class RiskKind { Wildcard, Escalate, Bind, Impersonate, CreatePods, NodesProxy, ReadSecrets };

/// One subject holding one risky right, with the first binding, role and rule that grant it.
struct Risk
{
    RiskKind kind = RiskKind::Wildcard;
    QString subject; ///< as describeSubject gives it
    const Binding *binding = nullptr;
    const Role *role = nullptr;
    int rule = -1;
};

/// "`*` in verbs or resources", "escalate on roles", ... : what the right is, in a few words.
QString riskTitle(RiskKind kind);
/// The id of the bundled card (tagged `rbac-risk`) that explains the risk.
QString riskCardId(RiskKind kind);

/// The risks one rule carries when granted cluster-wide (`clusterWide`) or in one namespace. A
/// right only counts where it can be used: rights on cluster-scoped objects (nodes, users,
/// groups) granted in a namespace by a RoleBinding are never asked for there.
QList<RiskKind> ruleRisks(const Rule &rule, bool clusterWide);

/// Every subject's risky rights in the policy, one entry per subject and kind: the first grant
/// found visiting ClusterRoleBindings and then RoleBindings (each by name), sorted by subject, then
/// kind.
QList<Risk> riskyRights(const Authorizer &authorizer);

} // namespace k8sfc::rbac
