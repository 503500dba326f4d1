#pragma once

#include "rbacauthorizer.h"

#include <optional>

namespace k8sfc::rbac {

/// One question of the RBAC lab: may this subject make this request?
struct LabQuestion
{
    QString who; ///< `ServiceAccount "deployer/dev"`, `User "jane"`, `Group "devs"` (any member)
    User user;   ///< the user the subject stands for
    Request request;
    Decision truth; ///< the Authorizer's answer
};

/// The rule that comes closest to allowing a denied request, and the first reason it does not.
struct NearMiss
{
    const Binding *binding = nullptr;
    const Role *role = nullptr;
    int rule = -1;
    QString why;
};

/// The user a binding's subject stands for: a ServiceAccount's `system:serviceaccount:NS:NAME`
/// (the binding's namespace when the subject names none), a User by name, a Group by a member
/// named `member-of:GROUP`; each with the groups the API server adds.
User userForSubject(const Subject &subject, const QString &bindingNamespace);

/// Up to `count` distinct questions drawn from the policy's own bindings, the same for the same
/// seed. Each starts from a rule a subject holds and is, more often than not, bent into a near
/// miss: another verb, another namespace, a subresource, no name for a resourceNames rule, the
/// object of a `*/status` rule. The truth of each is the Authorizer's.
QList<LabQuestion> labQuestions(const Authorizer &authorizer, quint32 seed, int count);

/// For a request `user` may not make: among the rules that apply to the user in the request's
/// namespace, the one failing the fewest of verb, group, resource and name (the first on a tie),
/// with whyNot's reason. nullopt when no rule applies to the user there at all.
std::optional<NearMiss> nearMiss(const Authorizer &authorizer, const User &user, const Request &request);

/// The review rating an answer earns for the scenario's cards: both parts right Good (3), one
/// Hard (2), none Again (1).
int labRating(bool decisionRight, bool bindingRight);

} // namespace k8sfc::rbac
