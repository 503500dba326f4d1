#pragma once

#include "rbacmatch.h"
#include "rbacpolicy.h"
#include "rbacuser.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>

namespace k8sfc::rbac {

/// What decided a request: for "yes", the binding, its subject, the role and the rule that allowed
/// it, and the API server's reason text.
struct Decision
{
    bool allowed = false;
    QString reason; ///< `RBAC: allowed by RoleBinding "ci/dev" of ClusterRole "edit" to ...`
    const Binding *binding = nullptr;
    int subject = -1;
    const Role *role = nullptr;
    int rule = -1;
};

/// The RBAC authorizer over a policy (plugin/pkg/auth/authorizer/rbac and the rule resolver of
/// pkg/registry/rbac/validation): RBAC alone, no other authorizer and no `system:masters`
/// short-cut. Kubernetes visits bindings in no fixed order; here ClusterRoleBindings come first,
/// then the request namespace's RoleBindings, each sorted by name, with subjects and rules in file
/// order, so the first match is always the same one.
class Authorizer
{
public:
    /// Takes the policy as loaded (aggregated ClusterRoles already filled in).
    explicit Authorizer(Policy policy);
    Authorizer(const Authorizer &) = delete;
    Authorizer &operator=(const Authorizer &) = delete;

    const Policy &policy() const { return m_policy; }

    Decision authorize(const User &user, const Request &request) const;

    /// Every rule that applies to `user` in `ns` (empty: cluster bindings only), in visiting order.
    /// `visit` returns false to stop.
    using Visitor = std::function<bool(const Binding &, int subject, const Role &, int rule)>;
    void visitRulesFor(const User &user, const QString &ns, const Visitor &visit) const;
    /// The rules of visitRulesFor, for `list`.
    QList<Rule> rulesFor(const User &user, const QString &ns) const;

    /// Each subject that may make `request`, with the first binding that lets it, as
    /// `ServiceAccount "deployer/dev" by RoleBinding "ci/dev" of ClusterRole "edit"`; sorted.
    QStringList whoCan(const Request &request) const;

    /// The role `binding` refers to, or nullptr when it does not exist (it grants nothing).
    const Role *roleOf(const Binding &binding) const;
    /// The bindings visited for a request in `ns`, in visiting order.
    QList<const Binding *> bindingsFor(const QString &ns) const;

private:
    Policy m_policy;
    QHash<QString, const Role *> m_clusterRoles;
    QHash<QString, const Role *> m_roles; ///< by "namespace/name"
    QList<const Binding *> m_clusterBindings;
    QHash<QString, QList<const Binding *>> m_bindingsByNamespace;
};

/// Go's %q of `text`: double quotes, with quotes, backslashes and control characters escaped.
QString goQuoted(const QString &text);
/// `ServiceAccount "deployer/dev"`, `User "jane"`, `Group "devs"`: a ServiceAccount without a
/// namespace takes the binding's.
QString describeSubject(const Subject &subject, const QString &bindingNamespace);
/// `RoleBinding "ci/dev" of ClusterRole "edit"` or `ClusterRoleBinding "admins" of ClusterRole "admin"`.
QString describeBinding(const Binding &binding);
/// Does `subject` of a binding in `bindingNamespace` (empty for a ClusterRoleBinding) name `user`?
bool appliesTo(const User &user, const Subject &subject, const QString &bindingNamespace);

} // namespace k8sfc::rbac
