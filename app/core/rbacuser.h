#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace k8sfc::rbac {

/// Who asks: a user name and groups, as the authorizer sees them.
struct User
{
    QString name;
    QStringList groups;

    /// The user the API server builds for `--as NAME --as-group G...` (its impersonation filter):
    /// a ServiceAccount user given no groups gets `system:serviceaccounts` and
    /// `system:serviceaccounts:NS`; everyone but `system:anonymous` gets `system:authenticated`
    /// unless the groups already hold it or `system:unauthenticated`; `system:anonymous` gets
    /// `system:unauthenticated` unless the groups already hold it.
    static User impersonated(const QString &name, const QStringList &groups);
};

/// The namespace and name of a `system:serviceaccount:NS:NAME` user name whose parts are a valid
/// namespace (a DNS-1123 label) and ServiceAccount name (a DNS-1123 subdomain), as Kubernetes'
/// serviceaccount.SplitUsername accepts them; nullopt for any other name.
std::optional<std::pair<QString, QString>> splitServiceAccountUser(const QString &name);

/// `system:serviceaccount:NS:NAME`.
QString serviceAccountUser(const QString &ns, const QString &name);

} // namespace k8sfc::rbac
