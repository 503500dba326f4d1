#include "rbaclab.h"

#include <QSet>

#include <random>

namespace k8sfc::rbac {

namespace {

const QStringList kOtherVerbs{QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("create"),
                              QStringLiteral("update"), QStringLiteral("delete"), QStringLiteral("patch")};

// A concrete value for a rule entry: a wildcard stands for a common one.
QString concrete(const QStringList &values, const QString &forStar)
{
    if (values.isEmpty())
        return {};
    return values.first() == QLatin1String("*") ? forStar : values.first();
}

// The request a rule allows as written, in `ns`.
Request requestFor(const Rule &rule, const QString &ns)
{
    Request r;
    r.verb = concrete(rule.verbs, QStringLiteral("get"));
    if (rule.resources.isEmpty()) {
        r.resourceRequest = false;
        r.path = concrete(rule.nonResourceURLs, QStringLiteral("/healthz"));
        if (r.path.endsWith(u'*'))
            r.path = r.path.chopped(1) + QStringLiteral("x");
        return r;
    }
    r.apiGroup = concrete(rule.apiGroups, QStringLiteral("apps"));
    const QString resource = concrete(rule.resources, QStringLiteral("deployments"));
    const qsizetype slash = resource.indexOf(u'/');
    r.resource = slash < 0 ? resource : resource.left(slash);
    r.subresource = slash < 0 ? QString() : resource.mid(slash + 1);
    if (r.resource == QLatin1String("*"))
        r.resource = QStringLiteral("deployments");
    r.name = rule.resourceNames.value(0);
    r.ns = ns;
    return r;
}

// Bends a request a rule allows into a near miss, by the kind `twist` names; false if that kind
// does not apply to this rule.
bool twist(Request &r, const Rule &rule, int kind, const QStringList &namespaces)
{
    switch (kind) {
    case 0: return true; // as the rule says
    case 1:
        for (const QString &verb : kOtherVerbs)
            if (!rule.verbs.contains(verb) && !rule.verbs.contains(QStringLiteral("*"))) {
                r.verb = verb;
                return true;
            }
        return false;
    case 2:
        for (const QString &ns : namespaces)
            if (r.resourceRequest && !r.ns.isEmpty() && ns != r.ns) {
                r.ns = ns;
                return true;
            }
        return false;
    case 3:
        if (!r.resourceRequest || !r.subresource.isEmpty())
            return false;
        r.subresource = QStringLiteral("log");
        return true;
    case 4:
        if (r.name.isEmpty())
            return false;
        r.name.clear();
        r.verb = QStringLiteral("list");
        return true;
    default:
        if (r.subresource.isEmpty())
            return false;
        r.subresource.clear();
        return true;
    }
}

QStringList namespacesOf(const Policy &policy)
{
    QStringList namespaces;
    for (const Binding &b : policy.bindings)
        if (!b.cluster && !namespaces.contains(b.ns))
            namespaces.append(b.ns);
    if (namespaces.isEmpty())
        namespaces.append(QStringLiteral("default"));
    return namespaces;
}

QString questionKey(const LabQuestion &q)
{
    const Request &r = q.request;
    return QStringList{q.who, r.verb, r.apiGroup, r.resource, r.subresource, r.name, r.ns, r.path}.join(u'\n');
}

} // namespace

User userForSubject(const Subject &subject, const QString &bindingNamespace)
{
    if (subject.kind == QLatin1String("ServiceAccount"))
        return User::impersonated(
            serviceAccountUser(subject.ns.isEmpty() ? bindingNamespace : subject.ns, subject.name), {});
    if (subject.kind == QLatin1String("Group"))
        return User::impersonated(QStringLiteral("member-of:") + subject.name, {subject.name});
    return User::impersonated(subject.name, {});
}

QList<LabQuestion> labQuestions(const Authorizer &authorizer, quint32 seed, int count)
{
    QList<const Binding *> usable; // bindings whose role exists and has rules
    for (const Binding &b : authorizer.policy().bindings)
        if (const Role *role = authorizer.roleOf(b); role && !role->rules.isEmpty() && !b.subjects.isEmpty())
            usable.append(&b);
    QList<LabQuestion> questions;
    if (usable.isEmpty())
        return questions;
    const QStringList namespaces = namespacesOf(authorizer.policy());
    std::mt19937 random(seed);
    QSet<QString> seen;
    for (int attempt = 0; attempt < count * 20 && questions.size() < count; ++attempt) {
        const Binding &binding = *usable.at(qsizetype(random() % usable.size()));
        const Role &role = *authorizer.roleOf(binding);
        const Rule &rule = role.rules.at(qsizetype(random() % role.rules.size()));
        const Subject &subject = binding.subjects.at(qsizetype(random() % binding.subjects.size()));
        const QString ns = binding.cluster ? namespaces.at(qsizetype(random() % namespaces.size())) : binding.ns;
        Request request = requestFor(rule, ns);
        if (!twist(request, rule, int(random() % 6), namespaces))
            continue;
        LabQuestion q{describeSubject(subject, binding.ns), userForSubject(subject, binding.ns), request, {}};
        if (subject.kind == QLatin1String("ServiceAccount") && subject.ns.isEmpty() && binding.cluster)
            continue; // names no one
        q.truth = authorizer.authorize(q.user, q.request);
        if (const QString key = questionKey(q); !seen.contains(key)) {
            seen.insert(key);
            questions.append(q);
        }
    }
    return questions;
}

std::optional<NearMiss> nearMiss(const Authorizer &authorizer, const User &user, const Request &request)
{
    std::optional<NearMiss> best;
    int bestFailures = 5;
    authorizer.visitRulesFor(user, request.ns, [&](const Binding &binding, int, const Role &role, int index) {
        const Rule &rule = role.rules.at(index);
        int failures = verbMatches(rule, request.verb) ? 0 : 1;
        if (request.resourceRequest) {
            failures += apiGroupMatches(rule, request.apiGroup) ? 0 : 1;
            const QString combined =
                request.subresource.isEmpty() ? request.resource : request.resource + u'/' + request.subresource;
            failures += resourceMatches(rule, combined, request.subresource) ? 0 : 1;
            failures += resourceNameMatches(rule, request.name) ? 0 : 1;
        } else {
            failures += nonResourceURLMatches(rule, request.path) ? 0 : 2;
        }
        if (failures < bestFailures) {
            bestFailures = failures;
            best = NearMiss{&binding, &role, index, whyNot(request, rule)};
        }
        return true;
    });
    return best;
}

int labRating(bool decisionRight, bool bindingRight)
{
    return decisionRight && bindingRight ? 3 : (decisionRight || bindingRight ? 2 : 1);
}

} // namespace k8sfc::rbac
