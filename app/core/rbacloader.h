#pragma once

#include "rbacpolicy.h"

#include <QByteArray>
#include <QStringList>

namespace k8sfc::rbac {

/// Reads Roles, ClusterRoles, RoleBindings and ClusterRoleBindings (rbac.authorization.k8s.io/v1)
/// from YAML or JSON: one object, `---` separated documents, or `kind: List` exports such as
/// `kubectl get roles,rolebindings,clusterroles,clusterrolebindings -A -o yaml`. Objects of other
/// kinds are counted and skipped. Anything it cannot read exactly (a YAML error, a binding without
/// `roleRef`, an unknown subject kind, `verbs` that is not a list, an object given twice...) is an
/// error diagnostic naming file, line and column: the evaluator never guesses.
class PolicyLoader
{
public:
    /// Real exports run to megabytes; this leaves room for the largest clusters.
    static constexpr qsizetype kMaxPolicyBytes = 64 * 1024 * 1024;

    /// Reads every file into one policy and then fills in the aggregated ClusterRoles.
    static Policy loadFiles(const QStringList &paths);
    /// The same for texts already read, each under its file name (tests, the lab's scenarios).
    static Policy loadTexts(const QList<std::pair<QString, QByteArray>> &texts);

    /// Adds the objects of one text to `policy` (no aggregation, no duplicate check). A large
    /// `kind: List` export is parsed in `pieces` parts side by side (0: one per core; 1: whole),
    /// with the same objects, positions and messages as read whole.
    static void readText(const QByteArray &text, const QString &fileName, Policy &policy, int pieces = 0);
    /// The checks across files (duplicates), then aggregation.
    static void finish(Policy &policy);
};

} // namespace k8sfc::rbac
