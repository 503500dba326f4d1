#pragma once

#include <QString>

#include <variant>

namespace k8sfc::rbac {

/// A resource as the command line names it: `RESOURCE[.GROUP][/NAME]`.
struct ResourceArg
{
    QString resource; ///< plural, lower case ("deployments")
    QString group;    ///< "" for the core group
    QString name;     ///< after the slash, if any
    bool namespaced = true;
    bool known = false; ///< found in the built-in table
};

/// Resolves `arg` as kubectl resolves a resource against a Kubernetes v1.34 API server: a bare
/// plural, short or singular name from the built-in table (`pods` → core, `deploy` → `deployments` in `apps`;
/// the core group wins where two groups serve one name, as `events` does), `RESOURCE.GROUP` for
/// any other (taken as namespaced), `*` for every resource. The resource part is lower-cased, as
/// kubectl does. Returns the problem for an unknown bare name or an empty part.
std::variant<ResourceArg, QString> resolveResource(const QString &arg);

} // namespace k8sfc::rbac
