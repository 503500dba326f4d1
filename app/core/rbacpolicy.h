#pragma once

#include "diagnostic.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace k8sfc::rbac {

/// Where an object or rule was read: an index into Policy::files and a 1-based line and column.
struct Origin
{
    int file = -1;
    int line = 0;
    int column = 0;
};

/// One entry of a role's `rules`, as in rbac.authorization.k8s.io/v1 PolicyRule.
struct Rule
{
    QStringList verbs;
    QStringList apiGroups;
    QStringList resources;
    QStringList resourceNames;
    QStringList nonResourceURLs;
    Origin origin;

    /// The aggregation controller adds a rule only once, comparing every field but the origin.
    bool sameAs(const Rule &other) const;
};

/// One `matchExpressions` entry of a label selector.
struct LabelRequirement
{
    enum class Operator { In, NotIn, Exists, DoesNotExist };
    QString key;
    Operator op = Operator::In;
    QStringList values;
};

/// A metav1.LabelSelector: every `matchLabels` pair and every expression must hold.
struct LabelSelector
{
    QMap<QString, QString> matchLabels;
    QList<LabelRequirement> expressions;

    bool matches(const QMap<QString, QString> &labels) const;
};

/// A Role (namespace set) or ClusterRole (namespace empty).
struct Role
{
    bool cluster = false;
    QString name;
    QString ns;
    QMap<QString, QString> labels;
    QList<Rule> rules;
    /// `aggregationRule.clusterRoleSelectors` of an aggregated ClusterRole; its rules are then the
    /// union of what the selectors match (aggregateClusterRoles).
    std::optional<QList<LabelSelector>> aggregation;
    Origin origin;
};

struct Subject
{
    QString kind; ///< User, Group or ServiceAccount
    QString name;
    QString ns; ///< a ServiceAccount's; empty: the binding's own
    Origin origin;
};

/// A RoleBinding (namespace set) or ClusterRoleBinding (namespace empty).
struct Binding
{
    bool cluster = false;
    QString name;
    QString ns;
    QString roleKind; ///< Role or ClusterRole
    QString roleName;
    QList<Subject> subjects;
    Origin origin;
};

/// The RBAC objects of one or more files.
struct Policy
{
    QStringList files;
    QList<Role> roles; ///< Roles and ClusterRoles, in file order
    QList<Binding> bindings;
    int skippedObjects = 0; ///< objects of other kinds
    Diagnostics diagnostics;

    int clusterRoleCount() const;
    int clusterBindingCount() const;
};

/// Gives every aggregated ClusterRole of `roles` the rules of the ClusterRoles its selectors match
/// (itself excepted), each rule once, repeating until nothing changes, as the clusterrole
/// aggregation controller converges. Returns false if it has not settled after as many rounds as
/// there are aggregated roles plus one (selectors that feed each other in a cycle).
bool aggregateClusterRoles(QList<Role> &roles);

} // namespace k8sfc::rbac
