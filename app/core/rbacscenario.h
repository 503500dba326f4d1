#pragma once

#include "rbacauthorizer.h"

#include <QString>
#include <QStringList>

namespace k8sfc::rbac {

/// A lab scenario (`decks/rbac-lab/*.yaml`): a policy file whose first document, of kind
/// `RbacLabScenario` (which the policy loader skips), tells the story and names the cards the
/// scenario exercises.
struct Scenario
{
    QString path;
    QString title;
    QString story;
    QString source; ///< where the facts come from (a kubernetes.io page)
    QStringList cards;
    Policy policy; ///< the scenario's RBAC objects, aggregated; its diagnostics hold the header's too
};

/// Reads one scenario: the header and the policy. Every problem, in the header or the objects, is
/// a diagnostic naming file, line and column; a scenario with errors is never shown.
Scenario loadScenario(const QString &path);
/// Every `*.yaml` scenario of `folder`, by file name.
QList<Scenario> loadScenarios(const QString &folder);

/// The RBAC diagram's ids for the chain that decided a request: the subject's kind, the
/// binding's, the role's and the rule (`service-account`, `role-binding`, `cluster-role`,
/// `rbac-rule`), and the arrows between them as they are drawn (binding to subject, binding to
/// role, role to rule). The diagram draws no arrow for some pairs (a ClusterRoleBinding to a
/// ServiceAccount); the scene lights only the arrows it has.
struct DiagramChain
{
    QStringList components;
    QStringList arrows;
};
DiagramChain diagramChain(const Binding &binding, const Subject &subject, const Role &role);

/// The YAML of a role as its file gives it, for the lab to show with the deciding rule marked.
struct RoleSource
{
    int firstLine = 0; ///< the file's line number of lines[0]
    QStringList lines;
    int markedLine = 0; ///< the file's line number of the rule's first line
};
/// Reads `role`'s lines from its policy file: from the object's first line while lines are
/// indented at least as deep as it (a `kind: List` item) and no `---` starts another document;
/// trailing blank lines dropped. Empty lines when the file cannot be read again.
RoleSource roleSource(const Policy &policy, const Role &role, int rule);

} // namespace k8sfc::rbac
